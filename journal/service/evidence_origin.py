"""Where each imported message came from, judged as the import reads it: the e-mail's DKIM
signature (checked through DNS only when the user allows it), its sender, signer and links
against the official domains of the case's platform, and who wrote first in a chat."""
from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parseaddr

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

    def email(self, m: ImportedMessage, own: frozenset[str] = frozenset()) -> Origin:
        """`own`: the user's own addresses (own_addresses): their mail is not warned of for
        coming from a domain that is not the platform's."""
        dkim = check_dkim(m.raw, self.lookup, self.now) if m.raw is not None else None
        if not self._comparable():
            return Origin(dkim, not_compared=self._not_compared())
        mine = (m.from_address or "").casefold() in own
        findings = tuple(check_message(self.domains, sender=None if mine else m.from_address,
                                       links=m.links,
                                       signer=None if mine or dkim is None else dkim.domain))
        return Origin(dkim, findings)

    def own_addresses(self, messages) -> frozenset[str]:
        """The user's addresses in a mailbox: those its mail was delivered to (Delivered-To,
        X-Original-To, as Gmail's Takeout keeps them), those the platform's own domains wrote
        to, or else the one address in more of the messages than any other."""
        own = {v.strip().strip("<>").casefold() for m in messages for k, v in m.headers
               if k.lower() in ("delivered-to", "x-original-to") and "@" in v}
        if self._comparable():
            for m in messages:
                if m.from_address and not check_message(self.domains, sender=m.from_address):
                    own.update(_address(r) for r in m.recipients)
        if not own and len(messages) > 1:
            seen: dict[str, int] = {}
            for m in messages:
                for a in {_address(x) for x in (m.from_address or "", *m.recipients)}:
                    if a:
                        seen[a] = seen.get(a, 0) + 1
            ranked = sorted(seen.values(), reverse=True)
            if ranked and (len(ranked) == 1 or ranked[0] > ranked[1]):
                own.add(max(seen, key=seen.get))
        own.discard("")
        return frozenset(own)

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


def _address(text: str) -> str:
    return parseaddr(text or "")[1].strip().casefold()
