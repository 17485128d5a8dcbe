"""Numbered schema migrations, each run in a transaction with the record that it ran.

A journal whose schema is newer than this program knows is refused untouched.
"""
from __future__ import annotations

from sqlcipher3 import dbapi2 as sqlite

from ..domain.times import now_text
from ..errors import BadInput


def run_script(conn, script: str) -> None:
    """Run statements one by one inside the caller's transaction (executescript would commit)."""
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite.complete_statement(pending):
            if pending.strip(" \n;"):
                conn.execute(pending)
            pending = ""


def m001_first_schema(conn) -> None:
    run_script(conn, """
    CREATE TABLE journal_info (key TEXT PRIMARY KEY, value TEXT NOT NULL);

    CREATE TABLE platforms (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        kind TEXT NOT NULL,
        website TEXT,
        recorded_at TEXT NOT NULL
    );
    CREATE TABLE channels (
        id INTEGER PRIMARY KEY,
        platform_id INTEGER NOT NULL REFERENCES platforms(id),
        kind TEXT NOT NULL,
        value TEXT NOT NULL,
        source TEXT NOT NULL,
        source_url TEXT,
        languages TEXT NOT NULL DEFAULT '[]',
        recorded_at TEXT NOT NULL,
        UNIQUE (platform_id, kind, value)
    );
    CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        platform_id INTEGER NOT NULL REFERENCES platforms(id),
        title TEXT NOT NULL,
        category TEXT NOT NULL,
        account_id TEXT,
        status TEXT NOT NULL,
        opened_at TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        last_activity TEXT NOT NULL,
        last_activity_ts REAL NOT NULL
    );
    CREATE INDEX cases_by_activity ON cases (last_activity_ts DESC);
    CREATE INDEX cases_by_platform ON cases (platform_id, last_activity_ts DESC);

    CREATE TABLE interactions (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        kind TEXT NOT NULL,
        outcome TEXT NOT NULL,
        channel_id INTEGER REFERENCES channels(id),
        contact TEXT,
        started_at TEXT NOT NULL,
        started_ts REAL NOT NULL,
        ended_at TEXT,
        wait_minutes REAL,
        agent TEXT,
        language TEXT,
        notes TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1,
        voided_at TEXT,
        void_reason TEXT
    );
    CREATE INDEX interactions_by_case ON interactions (case_id, started_ts);

    CREATE TABLE refs (
        id INTEGER PRIMARY KEY,
        interaction_id INTEGER NOT NULL REFERENCES interactions(id),
        kind TEXT NOT NULL,
        value TEXT NOT NULL,
        recorded_at TEXT NOT NULL
    );
    CREATE INDEX refs_by_interaction ON refs (interaction_id);

    CREATE TABLE promises (
        id INTEGER PRIMARY KEY,
        interaction_id INTEGER NOT NULL REFERENCES interactions(id),
        case_id INTEGER NOT NULL REFERENCES cases(id),
        text TEXT NOT NULL,
        due_at TEXT NOT NULL,
        due_ts REAL NOT NULL,
        status TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        status_changed_at TEXT
    );
    CREATE INDEX promises_by_status ON promises (status, due_ts);
    CREATE INDEX promises_by_interaction ON promises (interaction_id);
    CREATE INDEX promises_by_case ON promises (case_id, status);

    CREATE TABLE attachments (
        id INTEGER PRIMARY KEY,
        interaction_id INTEGER NOT NULL REFERENCES interactions(id),
        name TEXT NOT NULL,
        media_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        recorded_at TEXT NOT NULL
    );
    CREATE INDEX attachments_by_interaction ON attachments (interaction_id);
    -- A rowid table: its rows are large BLOBs, which WITHOUT ROWID tables store badly.
    CREATE TABLE attachment_chunks (
        attachment_id INTEGER NOT NULL REFERENCES attachments(id),
        seq INTEGER NOT NULL,
        data BLOB NOT NULL,
        UNIQUE (attachment_id, seq)
    );

    CREATE TABLE ledger (
        seq INTEGER PRIMARY KEY,
        case_id INTEGER,
        entity TEXT NOT NULL,
        entity_id INTEGER NOT NULL,
        action TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        body TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        case_prev_hash TEXT,
        hash TEXT NOT NULL
    );
    CREATE INDEX ledger_by_case ON ledger (case_id, seq);
    CREATE INDEX ledger_by_entity ON ledger (entity, entity_id, seq);
    CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger
        BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;
    CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger
        BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;

    -- One row per interaction (rowid = interaction id) and per case (rowid = -case id).
    -- Text is stored pre-split (Chinese as overlapping character pairs), see search.py.
    CREATE VIRTUAL TABLE search_index USING fts5 (
        notes, refs, agent, title, platform, files,
        tokenize = 'unicode61 remove_diacritics 2', prefix = '1',
        content = '', contentless_delete = 1
    );
    """)


def m002_drafts(conn) -> None:
    # Work in progress (a live call's notes, a half-typed chat log), kept encrypted so that a
    # crash or an auto-lock loses nothing. Drafts are not records: they are not in the ledger.
    run_script(conn, """
    CREATE TABLE drafts (
        name TEXT PRIMARY KEY,
        body TEXT NOT NULL,
        saved_at TEXT NOT NULL
    );
    """)


def m003_directory_details_and_checklists(conn) -> None:
    # Where to look and when support works (platforms), how far a channel can be trusted
    # (channels), and each case's list of questions to ask and details to have ready.
    # A channel copied from the platform's own site, app or account counts as verified, as
    # the case file already called it; the rest start unverified. Values are not rewritten:
    # phone numbers typed before E.164 stay as typed and are matched by their E.164 form.
    run_script(conn, """
    ALTER TABLE platforms ADD COLUMN help_url TEXT;
    ALTER TABLE platforms ADD COLUMN status_url TEXT;
    ALTER TABLE platforms ADD COLUMN support_hours TEXT;
    ALTER TABLE platforms ADD COLUMN time_zone TEXT;
    ALTER TABLE platforms ADD COLUMN languages TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE platforms ADD COLUMN countries TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE channels ADD COLUMN status TEXT NOT NULL DEFAULT 'unverified';
    ALTER TABLE channels ADD COLUMN last_checked TEXT;
    ALTER TABLE channels ADD COLUMN hours TEXT;
    UPDATE channels SET status = 'verified'
        WHERE source IN ('official-site', 'in-app', 'official-social');

    -- Preparation, not evidence: editable, so not in the hash chain (like drafts).
    CREATE TABLE checklist (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        position INTEGER NOT NULL,
        answered_at TEXT,
        interaction_id INTEGER REFERENCES interactions(id),
        recorded_at TEXT NOT NULL
    );
    CREATE INDEX checklist_by_case ON checklist (case_id, position);
    """)


def m004_salted_fields_and_signing_key(conn) -> None:
    # Chain format 2: each new entry's fields are committed to through salted digests, so a
    # redacted field no longer stops its entry from being proven (see domain/chain.py).
    # Entries recorded before keep salts NULL and their format-1 hash. The journal's Ed25519
    # signing key lives here, inside the encrypted database and nowhere else; its public key
    # is introduced into each case's chain (store/signing_key.py): every case there is now,
    # in this same transaction, and each new case as it is opened.
    run_script(conn, """
    ALTER TABLE ledger ADD COLUMN salts TEXT;
    CREATE TABLE signing_keys (
        id INTEGER PRIMARY KEY,
        algorithm TEXT NOT NULL,
        seed BLOB NOT NULL,
        public_key TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    """)
    from . import signing_key
    signing_key.introduce_everywhere(conn, signing_key.create(conn))


def m005_attachment_texts(conn) -> None:
    # The text read out of each picture (OCR) and PDF attachment: its words with their boxes
    # (JSON), or why it could not be read. Written once per attachment and never changed; a
    # row's absence is what puts the attachment in the queue of files to read.
    run_script(conn, """
    CREATE TABLE attachment_texts (
        attachment_id INTEGER PRIMARY KEY REFERENCES attachments(id),
        status TEXT NOT NULL,
        source TEXT NOT NULL,
        engine TEXT NOT NULL,
        text TEXT NOT NULL,
        words TEXT NOT NULL,
        reason TEXT,
        read_at TEXT NOT NULL
    );
    """)


def m006_dispute(conn) -> None:
    # A case's dispute: whose rules its clocks follow (its jurisdiction), the complaint's
    # stages, the money at stake, its transactions and wallet addresses. Each row is evidence,
    # created (and voided) through the hash chain like an interaction.
    run_script(conn, """
    ALTER TABLE cases ADD COLUMN jurisdiction TEXT;
    CREATE TABLE stages (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        stage TEXT NOT NULL,
        happened_at TEXT NOT NULL,
        how TEXT,
        reference TEXT,
        to_body TEXT,
        jurisdiction TEXT,
        kind TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        voided_at TEXT,
        void_reason TEXT
    );
    CREATE INDEX stages_by_case ON stages (case_id);
    CREATE TABLE money (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        amount TEXT NOT NULL,
        asset TEXT NOT NULL,
        network TEXT,
        fiat_amount TEXT,
        fiat_currency TEXT,
        valued_on TEXT,
        recorded_at TEXT NOT NULL,
        voided_at TEXT,
        void_reason TEXT
    );
    CREATE INDEX money_by_case ON money (case_id);
    CREATE TABLE transactions (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        tx_hash TEXT NOT NULL,
        network TEXT NOT NULL,
        from_address TEXT,
        to_address TEXT,
        amount TEXT,
        asset TEXT,
        happened_at TEXT,
        recorded_at TEXT NOT NULL,
        voided_at TEXT,
        void_reason TEXT
    );
    CREATE INDEX transactions_by_case ON transactions (case_id);
    CREATE TABLE wallets (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        address TEXT NOT NULL,
        network TEXT NOT NULL,
        whose TEXT NOT NULL,
        label TEXT,
        recorded_at TEXT NOT NULL,
        voided_at TEXT,
        void_reason TEXT
    );
    CREATE INDEX wallets_by_case ON wallets (case_id);
    """)


MIGRATIONS = [
    (1, "first schema", m001_first_schema),
    (2, "drafts", m002_drafts),
    (3, "directory details and checklists", m003_directory_details_and_checklists),
    (4, "salted chain fields and the signing key", m004_salted_fields_and_signing_key),
    (5, "attachments' recognised text", m005_attachment_texts),
    (6, "complaint stages, money, transactions and wallets", m006_dispute),
]
LATEST = MIGRATIONS[-1][0]


def current_version(db) -> int:
    return db.one("PRAGMA user_version")[0]


def migrate(db) -> list[int]:
    """Bring the schema up to LATEST; return the versions applied."""
    version = current_version(db)
    if version > LATEST:
        raise BadInput("journal.newer_schema", schema=version, latest=LATEST)
    applied = []
    for number, name, step in MIGRATIONS:
        if number <= version:
            continue
        with db.transaction() as conn:
            if number == 1:
                conn.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, "
                             "name TEXT NOT NULL, applied_at TEXT NOT NULL)")
            step(conn)
            conn.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                         (number, name, now_text()))
            conn.execute(f"PRAGMA user_version = {number}")
        applied.append(number)
    return applied
