"""Reaching the real support: what to try after a failed attempt, response times measured from
the user's own record, and the scam signs in a case's notes."""
from __future__ import annotations

from ..domain.model import ChannelStatus
from .context import Context


class ResponseTimes:
    """Needs: the context, the directory (channels, platforms) and the cases and timelines."""

    def __init__(self, ctx: Context, directory, cases, interactions):
        self.ctx, self.directory = ctx, directory
        self.cases, self.interactions = cases, interactions

    @property
    def db(self):
        return self.ctx.require_open()

    def reach_suggestions(self, case_id, *, tried_channel_id=None, tried_contact=None) -> dict:
        """After a failed attempt: the platform's other verified channels, its announcements
        page, and the hours and weekdays it answered calls before.

        "answered" counts the answered calls in the record; "best_weekdays" (0=Monday) and
        "best_hours" (local hours) name the one or two slots that clearly stand out, and
        are empty while the record is too thin to say (domain.reach.best_slots)."""
        from ..domain.channels import matches, time_there
        from ..domain.reach import best_slots
        from ..store.reach import answered_times
        case = self.cases.case(case_id)
        tried = matches(tried_contact) if tried_contact else None
        others = [c for c in self.directory.channels(case.platform_id)
                  if c.status is ChannelStatus.VERIFIED and c.id != tried_channel_id
                  and not (tried and tried(c.value))]
        hours, days, total = answered_times(self.db, case.platform_id)
        platform = self.directory.platform(case.platform_id)
        return {"platform": case.platform, "website": platform.website,
                "status_url": platform.status_url, "help_url": platform.help_url,
                "support_hours": platform.support_hours, "time_zone": platform.time_zone,
                "time_there": time_there(platform.time_zone),
                "channels": others, "answered_by_hour": hours, "answered_by_weekday": days,
                "answered": total, "best_weekdays": best_slots(days, total),
                "best_hours": best_slots(hours, total)}

    def stats(self, *, platform: str | int | None = None) -> list[dict]:
        """Response times per platform and channel from the user's record (store/stats.py)."""
        from ..store import stats
        pid = self.directory.platform(platform).id if platform is not None else None
        return stats.measure(self.db, pid)

    def scam_risk(self, case_id) -> list[str]:
        """The kinds of scam sign in the case's notes (voided entries aside): the case is at
        "scam risk" when this is not empty. Worked out from the record, so never stale."""
        from ..domain.scam_signs import scam_signs
        kinds: list[str] = []
        for i in self.interactions.timeline(case_id, include_voided=False):
            kinds += [s.kind for s in scam_signs(i.notes) if s.kind not in kinds]
        return kinds

    @staticmethod
    def note_alarms(text: str | None) -> tuple[list[str], list[str]]:
        """The scam signs a note describes and the secrets it holds (see domain.scam_signs)."""
        from ..domain.scam_signs import note_alarms
        return note_alarms(text)
