"""Where each imported message came from, judged as the import reads it: the e-mail's DKIM
signature (checked through DNS only when the user allows it), its sender, signer and links
against the official domains of the case's platform, and who wrote first in a chat."""
from __future__ import annotations

from datetime import UTC, datetime

from ..domain.evidence import Conversation, ImportedMessage
from ..domain.evidence.email_signature import check_dkim
from ..domain.evidence.look_alike import OfficialDomains, check_message, official_domains
from ..domain.evidence.origin import Origin


class OriginJudge:
    """`domains`: the platform's, or None when no case (so no platform) is known; `lookup`:
    the DNS look-up for DKIM keys, or None when none is allowed."""

    def __init__(self, domains: OfficialDomains | None, lookup=None):
        self.domains, self.lookup = domains, lookup
        self.now = datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")

    @classmethod
    def for_case(cls, case, directory, lookup=None) -> "OriginJudge":
        if case is None:
            return cls(None, lookup)
        platform = directory.platform(case.platform_id)
        return cls(official_domains(platform, directory.channels()), lookup)

    def email(self, m: ImportedMessage) -> Origin:
        dkim = check_dkim(m.raw, self.lookup, self.now) if m.raw is not None else None
        if not self._comparable():
            return Origin(dkim, not_compared=self._not_compared())
        findings = tuple(check_message(self.domains, sender=m.from_address, links=m.links,
                                       signer=dkim.domain if dkim is not None else None))
        return Origin(dkim, findings)

    def chat(self, c: Conversation, messages, first_piece: bool) -> Origin:
        first = c.first_contact if first_piece else None
        links = [link for m in messages for link in m.links]
        if not self._comparable():
            return Origin(None, (), first, self._not_compared() if links else None)
        return Origin(None, tuple(check_message(self.domains, links=links)), first)

    def _comparable(self) -> bool:
        return self.domains is not None and bool(self.domains.official)

    def _not_compared(self) -> str | None:
        """The platform whose domains are unknown (None without a case: the preview of
        files not yet meant for a case compares nothing)."""
        return self.domains.platform if self.domains is not None else None
