"""The journal's Ed25519 signing key: made once, kept only inside the encrypted database.

Its public key is introduced into every case's own chain by an entry of its own
("signing_key", "introduce"), written in the same transaction as the case, so
whoever holds a case's chain head also holds the fingerprint of the key that
signs its exports. A journal made before signing gets its key and those entries
from migration 4, on its first unlock. An import is taken exactly as dumped (no
dump carries the secret key): each imported case is introduced to this journal's
key by its first export.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..domain.times import now_text
from . import ledger

ENTITY = "signing_key"
INTRODUCE = "introduce"
ALGORITHM = "ed25519"


@dataclass(frozen=True)
class SigningKey:
    id: int
    seed: bytes = b""
    public_key: str = ""     # OpenSSH form, "ssh-ed25519 AAAA…"
    fingerprint: str = ""    # "SHA256:…", as `ssh-keygen -l` prints it

    @property
    def pdf_public_key(self) -> str:
        """The P-256 key derived from the seed that signs PDFs (readers do not take
        Ed25519), in OpenSSH form."""
        from ..crypto.signature import pdf_public_key
        return pdf_public_key(self.seed)

    def introduction(self) -> dict:
        """The body of the chain entry that introduces this key into a case."""
        return {"algorithm": ALGORITHM, "public_key": self.public_key,
                "fingerprint": self.fingerprint, "pdf_public_key": self.pdf_public_key}

    def __repr__(self) -> str:  # the seed never reaches a log or a traceback
        return f"SigningKey(id={self.id}, fingerprint={self.fingerprint!r})"


def _key(row) -> SigningKey:
    from ..crypto.signature import fingerprint
    seed = bytes(row[1])
    return SigningKey(row[0], seed, row[2], fingerprint(row[2]))


def current(db) -> SigningKey | None:
    row = db.one("SELECT id, seed, public_key FROM signing_keys ORDER BY id DESC LIMIT 1")
    return _key(row) if row else None


def current_in(conn) -> SigningKey | None:
    row = conn.execute("SELECT id, seed, public_key FROM signing_keys "
                       "ORDER BY id DESC LIMIT 1").fetchone()
    return _key(row) if row else None


def introduce(conn, case_id: int, key: SigningKey | None = None) -> None:
    """Introduce the journal's key into one case's chain, inside the caller's transaction."""
    key = key or current_in(conn)
    if key is not None:
        ledger.append(conn, ENTITY, key.id, INTRODUCE, key.introduction(), case_id=case_id)


def create(conn) -> SigningKey:
    """Make the journal's key inside the caller's transaction (migration 4 does, once)."""
    from ..crypto.signature import new_seed, public_key_openssh
    seed = new_seed()
    conn.execute("INSERT INTO signing_keys (algorithm, seed, public_key, created_at) "
                 "VALUES (?,?,?,?)", (ALGORITHM, seed, public_key_openssh(seed), now_text()))
    return current_in(conn)


def introduce_everywhere(conn, key: SigningKey) -> int:
    """Introduce the key into every case's chain that lacks it; how many were."""
    missing = [r[0] for r in conn.execute(_MISSING, (ENTITY, INTRODUCE, key.public_key))]
    for case_id in missing:
        introduce(conn, case_id, key)
    return len(missing)


# Cases whose chain does not introduce the key. By its public key, not its row's id: an
# imported chain introduces the key of the journal it came from, which no dump carries.
_MISSING = ("SELECT id FROM cases WHERE id NOT IN (SELECT case_id FROM ledger WHERE entity = ? "
            "AND action = ? AND case_id IS NOT NULL AND json_extract(body, '$.public_key') = ?)"
            " ORDER BY id")


def ensure(db) -> SigningKey:
    """The journal's key (made if, unexpectedly, it has none)."""
    key = current(db)
    if key is None:
        with db.transaction() as conn:
            key = create(conn)
    return key


def for_case(db, case_id: int) -> SigningKey:
    """The key, introduced into the case's chain first if it is not yet: an imported case
    was introduced to the key of the journal it came from, so its first export here says
    which key signs it now."""
    key = ensure(db)
    row = db.one("SELECT 1 FROM ledger WHERE case_id = ? AND entity = ? AND action = ? AND "
                 "json_extract(body, '$.public_key') = ? LIMIT 1",
                 (case_id, ENTITY, INTRODUCE, key.public_key))
    if row is None:
        with db.transaction() as conn:
            introduce(conn, case_id, key)
    return key


def mismatches(db) -> list[str]:
    """For `journal check`: a key whose stored public half is not its seed's, as after a
    seed swapped around the program (exports would be signed by a key no chain introduces)."""
    from ..crypto.signature import public_key_openssh
    problems = []
    for kid, seed, public in db.query("SELECT id, seed, public_key FROM signing_keys"):
        try:
            derived = public_key_openssh(bytes(seed))
        except (TypeError, ValueError):
            derived = None
        if derived != public:
            problems.append(f"The journal's signing key {kid} does not match its public key: "
                            f"it was changed outside the program; exports it signs would "
                            f"not verify.")
    return problems
