"""A case as a stranger reads it: the facts of one case, numbered and summed up.

Pure data, built by `build()` from the service's records; the PDF and the
bundle's case.json are both written from it, so they cannot disagree.
Entries are numbered E-1, E-2, … in the order things happened; files are
exhibits A-1, A-2, … in the order their entries come.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:   # imported when first needed, as .model and .times are below
    from .dispute.case_section import DisputeSection
    from .evidence.origin import Origin

FORMAT = "support-journal-case-file"
VERSION = 4   # 2: signing_key, the fingerprint of the journal key that signed the export
              # 3: an exhibit's recognised text, and the kinds of secret covered in its copy
              # 4: the dispute: jurisdiction, complaint stages, deadlines, money,
              #    transactions and wallet addresses


@dataclass(frozen=True)
class Exhibit:
    number: str            # "A-1"
    entry: str             # the entry that refers to it, "E-3"
    attachment_id: int
    name: str
    media_type: str
    size: int
    sha256: str            # the original's, as the hash chain records it
    # The text read out of it (redacted), and how: "ocr" for a picture, "pdf" for a PDF's
    # own text. reading: "text", "no-text", "unreadable", or "waiting" (not read yet).
    recognised_text: str | None = None
    recognised_by: str | None = None
    reading: str | None = None
    # The kinds of secret blacked out in the exported copy of a picture ("seed phrase", …),
    # and that copy's SHA-256 (the original stays untouched in the journal).
    covered: tuple[str, ...] = ()
    covered_sha256: str | None = None

    @property
    def is_image(self) -> bool:
        return self.media_type in ("image/png", "image/jpeg", "image/gif", "image/webp",
                                   "image/bmp")


@dataclass(frozen=True)
class PromiseFact:
    entry: str             # where it was made, "E-2"
    text: str              # redacted
    agent: str | None      # who promised
    made_at: str           # ISO time of the entry
    due_at: str
    status: str            # pending, kept, broken, cancelled
    overdue: bool          # pending and past due at the time of export
    settled_at: str | None


@dataclass(frozen=True)
class Revision:
    recorded_at: str
    reason: str | None
    notes: str             # redacted


@dataclass(frozen=True)
class Entry:
    number: str            # "E-1"
    interaction_id: int
    kind: str              # call, chat, email, in-app, social, letter
    outcome: str           # answered, no-answer, …
    started_at: str
    ended_at: str | None
    duration_minutes: float | None
    wait_minutes: float | None
    channel_kind: str | None
    contact: str | None
    channel_source: str | None       # official-site, in-app, official-social, community, other
    verified_channel: bool           # the contact is a channel the user marked verified
    agent: str | None
    language: str | None
    references: tuple[tuple[str, str], ...]   # (kind, value)
    notes: str                                # redacted
    promises: tuple[PromiseFact, ...]
    exhibits: tuple[str, ...]                 # "A-1", …
    recorded_at: str
    amended: bool
    revisions: tuple[Revision, ...]           # earlier texts, oldest first (appendix)
    voided: bool
    void_reason: str | None

    @cached_property
    def origin(self) -> Origin | None:
        """Where an imported e-mail or chat came from, as the origin lines of its notes record
        it (its DKIM result, doubtful domains, who wrote first): read from the notes, so the
        case file cannot say otherwise than the record. None for other entries, and for those
        whose notes record no origin."""
        if self.kind not in ("email", "chat"):
            return None
        from .evidence.origin import read_origin
        return read_origin(self.notes) or None

    @property
    def origin_warned(self) -> bool:
        """Its origin carries a warning: a doubtful domain, a first contact, a signature that
        does not hold, or domains that could not be compared with the platform's."""
        origin = self.origin
        return origin is not None and (origin.warned or origin.not_compared is not None)


@dataclass(frozen=True)
class Summary:
    days_open: int
    contacts_by_channel: dict[str, int]       # interaction kind -> count (failed included)
    failed_attempts: int
    call_minutes: float                       # total time on calls that were answered
    wait_minutes: float                       # total waiting (queues, holds)
    references: tuple[tuple[str, str, str], ...]   # (kind, value, first entry)
    promises_made: int
    promises_kept: int
    promises_broken: int
    promises_overdue: int
    promises_pending: int


@dataclass(frozen=True)
class CaseFile:
    case_id: int
    title: str
    platform: str
    platform_website: str | None
    account_id: str | None
    category: str
    status: str
    opened_at: str
    last_contact_at: str | None
    exported_at: str
    chain_head: str                           # the case's own hash-chain head
    chain_entries: int
    entries: tuple[Entry, ...]
    exhibits: tuple[Exhibit, ...]
    summary: Summary
    redactions: dict[str, int] = field(default_factory=dict)   # kind -> how many replaced
    exporter_name: str | None = None
    exporter_contact: str | None = None
    signing_key: str | None = None            # fingerprint of the key that signs the export
    # Each recorded DKIM pass checked again by the export against the original e-mail kept in
    # the journal: entry number -> "holds", "no-original", "not-holding" or "text-differs".
    dkim_rechecks: dict[str, str] = field(default_factory=dict)
    # The complaint's stages and deadlines, the money, transactions and wallet addresses.
    dispute: DisputeSection | None = None
    # (the upload limit in MB, the finest dpi its pictures were resampled to) when the PDF was
    # made to fit a portal's limit (export --max-size); None for a PDF at full quality.
    fitted: tuple[int, int] | None = None

    @property
    def imported(self) -> tuple[str, ...]:
        """The numbers of the entries, not voided, whose notes record where the message came
        from (imported e-mails and chats)."""
        return tuple(e.number for e in self.entries if not e.voided and e.origin is not None)

    @property
    def origin_warnings(self) -> tuple[str, ...]:
        """The numbers of those whose origin carries a warning."""
        return tuple(e.number for e in self.entries if not e.voided and e.origin_warned)


class _Redactor:
    """Passes user text through the redaction rules and tallies what was replaced."""

    def __init__(self, enabled: bool):
        self._redact = self._counts = None
        if enabled:  # imported here so that a missing module fails the export, never skips it
            from .redaction import redact, redaction_counts
            self._redact, self._counts = redact, redaction_counts
        self.findings: list = []

    def __call__(self, text: str | None) -> str | None:
        if not text or self._redact is None:
            return text
        clean, findings = self._redact(text)
        self.findings.extend(findings)
        return clean

    def counts(self) -> dict[str, int]:
        return dict(self._counts(self.findings)) if self._counts and self.findings else {}


def _read(attachment, reading, clean) -> dict:
    """An exhibit's reading: its text redacted as notes are, or why there is none."""
    from .recognised_text import TEXT, source_for
    if source_for(attachment.media_type) is None:
        return {}
    if reading is None:
        return {"reading": "waiting"}
    text = clean(reading.text) if reading.status == TEXT else None
    return {"recognised_text": text, "recognised_by": reading.source,
            "reading": reading.status}


def _value(x):
    return getattr(x, "value", x)


def _revisions(history, clean) -> tuple[Revision, ...]:
    """The texts an amended entry had before its current one, oldest first; each carries the
    reason given when it was replaced."""
    states = [e for e in sorted(history, key=lambda e: e.seq) if e.action in ("create", "amend")]
    out = []
    for earlier, later in zip(states, states[1:]):
        out.append(Revision(recorded_at=earlier.recorded_at,
                            reason=clean(later.body.get("reason")),
                            notes=clean(earlier.body.get("notes") or "") or ""))
    return tuple(out)


def _summary(case, entries: list[Entry], exported_at: str) -> Summary:
    from .model import InteractionKind
    from .times import days_between
    live = [e for e in entries if not e.voided]   # a voided entry is kept, but not counted
    by_kind: dict[str, int] = {}
    for e in live:
        by_kind[e.kind] = by_kind.get(e.kind, 0) + 1
    order = [k.value for k in InteractionKind]
    by_kind = dict(sorted(by_kind.items(),
                          key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order)))
    references: dict[tuple[str, str], str] = {}
    for e in live:
        for kind, value in e.references:
            references.setdefault((kind, value), e.number)
    promises = [p for e in live for p in e.promises]
    return Summary(
        days_open=max(0, int(days_between(case.opened_at, exported_at))),
        contacts_by_channel=by_kind,
        failed_attempts=sum(1 for e in live if e.outcome != "answered"),
        call_minutes=round(sum(e.duration_minutes or 0 for e in live
                               if e.kind == "call" and e.outcome == "answered"), 2),
        wait_minutes=round(sum(e.wait_minutes or 0 for e in live), 2),
        references=tuple((k, v, n) for (k, v), n in references.items()),
        promises_made=len(promises),
        promises_kept=sum(1 for p in promises if p.status == "kept"),
        promises_broken=sum(1 for p in promises if p.status == "broken"),
        promises_overdue=sum(1 for p in promises if p.overdue),
        promises_pending=sum(1 for p in promises if p.status == "pending" and not p.overdue),
    )


def build(case, platform, timeline, channels, histories, chain_head: str, chain_entries,
          exported_at: str, *, exporter_name: str | None = None,
          exporter_contact: str | None = None, redact: bool = True,
          signing_key: str | None = None, readings=None, dispute=None) -> CaseFile:
    """The case file from the service's records (no I/O): `timeline` is the case's
    interactions (voided ones included), `channels` the platform's channels, `histories`
    maps an amended interaction's id to its ledger entries, `chain_entries` is the number of
    entries in the case's chain segment (or the segment itself). `readings` maps an
    attachment's id to the text read out of it (recognised_text.Reading), when it was read;
    a picture or PDF without one is "waiting". `dispute`: (jurisdiction, stages, clocks,
    money, transactions, wallets) of the case (dispute/case_section.py)."""
    from .times import instant
    clean = _Redactor(redact)
    by_id = {c.id: c for c in channels}
    ordered = sorted(timeline, key=lambda i: (instant(i.started_at), i.id))
    exported = instant(exported_at)
    entries: list[Entry] = []
    exhibits: list[Exhibit] = []
    for n, i in enumerate(ordered, start=1):
        number = f"E-{n}"
        channel = by_id.get(i.channel_id) if i.channel_id is not None else None
        source = _value(channel.source) if channel else None
        promises = tuple(PromiseFact(
            entry=number, text=clean(p.text) or "", agent=i.agent, made_at=i.started_at,
            due_at=p.due_at, status=_value(p.status),
            overdue=_value(p.status) == "pending" and instant(p.due_at) < exported,
            settled_at=p.status_changed_at if _value(p.status) != "pending" else None)
            for p in i.promises)
        numbers = []
        for a in i.attachments:
            exhibits.append(Exhibit(f"A-{len(exhibits) + 1}", number, a.id, a.name,
                                    a.media_type, a.size, a.sha256,
                                    **_read(a, (readings or {}).get(a.id), clean)))
            numbers.append(exhibits[-1].number)
        entries.append(Entry(
            number=number, interaction_id=i.id, kind=_value(i.kind), outcome=_value(i.outcome),
            started_at=i.started_at, ended_at=i.ended_at, duration_minutes=i.duration_minutes,
            wait_minutes=i.wait_minutes, channel_kind=_value(channel.kind) if channel else None,
            contact=i.contact or (channel.value if channel else None), channel_source=source,
            verified_channel=bool(channel) and _value(channel.status) == "verified", agent=i.agent, language=i.language,
            references=tuple((_value(r.kind), r.value) for r in i.references),
            notes=clean(i.notes) or "", promises=promises, exhibits=tuple(numbers),
            recorded_at=i.recorded_at, amended=i.amended,
            revisions=_revisions(histories.get(i.id, ()), clean) if i.amended else (),
            voided=i.voided, void_reason=clean(i.void_reason)))
    contacts = [e.ended_at or e.started_at for e in entries if not e.voided]
    section = None
    if dispute is not None:
        from .dispute.case_section import build as build_section
        section = build_section(*dispute, clean)
    return CaseFile(
        case_id=case.id, title=case.title, platform=platform.name,
        platform_website=platform.website, account_id=case.account_id,
        category=_value(case.category), status=_value(case.status), opened_at=case.opened_at,
        last_contact_at=max(contacts, key=instant) if contacts else None,
        exported_at=exported_at, chain_head=chain_head,
        chain_entries=chain_entries if isinstance(chain_entries, int) else len(chain_entries),
        entries=tuple(entries), exhibits=tuple(exhibits),
        summary=_summary(case, entries, exported_at), redactions=clean.counts(),
        exporter_name=exporter_name, exporter_contact=exporter_contact,
        signing_key=signing_key, dispute=section)
