"""Every pending promise and every running deadline as an event of the user's own calendar
(RFC 5545 .ics, written with `icalendar`): a stable UID per promise and per clock, so importing
the file again updates the events instead of adding copies; an alarm before each; and the
VTIMEZONE of the user's time zone embedded, so Outlook places timed events right."""
from __future__ import annotations

import hashlib
import os
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

PRODID = "-//Support Journal//Support Journal//EN"


def local_zone() -> ZoneInfo:
    """The user's IANA time zone: $TZ, else what /etc/localtime points to, else UTC."""
    names = [os.environ.get("TZ", "").lstrip(":")]
    try:
        target = os.path.realpath("/etc/localtime")
        if "zoneinfo/" in target:
            names.append(target.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    for name in names:
        if name:
            try:
                return ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError):
                continue
    return ZoneInfo("UTC")


def _uid(kind: str, key: str, journal_id: str) -> str:
    return f"{kind}-{key}-{journal_id}@support-journal"


def journal_id(public_key: str) -> str:
    """A short, stable name of the journal (from its signing key), so the UIDs of two
    journals never collide and one journal's stay the same from export to export."""
    return hashlib.sha256(public_key.encode()).hexdigest()[:16]


def calendar(promises, clocks, cases: dict, journal_key: str, *, now: datetime,
             zone: ZoneInfo | None = None, language: str = "en") -> bytes:
    """The .ics of `promises` (pending ones) and `clocks` (pending deadlines with a due
    date); `cases`: {case id: title}."""
    from icalendar import Alarm, Calendar, Event
    zone = zone or local_zone()
    jid = journal_id(journal_key)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Support Journal")
    stamp = now.astimezone(ZoneInfo("UTC"))
    for p in promises:
        due = datetime.fromisoformat(p.due_at).astimezone(zone)
        event = Event()
        event.add("uid", _uid("promise", str(p.id), jid))
        event.add("dtstamp", stamp)
        event.add("summary", f"Promise due: {p.text} (case {p.case_id}: "
                             f"{cases.get(p.case_id, '')})")
        event.add("dtstart", due)
        event.add("dtend", due + timedelta(minutes=30))
        event.add("description", f"Support Journal, case {p.case_id}: the platform promised "
                                 f"\"{p.text}\" by this time. Record whether it was kept.")
        event.add("categories", ["Support Journal", "Promise"])
        event.add_component(_alarm(Alarm, timedelta(hours=-1), f"Promise due in an hour: "
                                                               f"{p.text}"))
        cal.add_component(event)
    for c in clocks:
        if c.due is None:
            continue
        event = Event()
        name = c.rule.text("short", language)
        title = cases.get(c.case_id, "")
        event.add("uid", _uid("deadline", f"{c.case_id}-{c.rule.id}", jid))
        event.add("dtstamp", stamp)
        whose = "due from the platform" if c.rule.who == "platform" else "your deadline"
        event.add("summary", f"{name} {whose} — case {c.case_id}: {title}")
        if c.due_time is not None:
            start = c.due_time.astimezone(zone)
            event.add("dtstart", start)
            event.add("dtend", start + timedelta(minutes=30))
        else:
            event.add("dtstart", c.due)
            event.add("dtend", c.due + timedelta(days=1))
            event.add("transp", "TRANSPARENT")
        event.add("description", f"{c.rule.text('label', language)}. "
                                 f"{c.rule.text('note', language)} Rule: {c.rule.source_title} "
                                 f"({c.rule.source_url}, checked {c.rule.checked}). Counted "
                                 f"by Support Journal; not legal advice.")
        event.add("url", c.rule.source_url)
        event.add("categories", ["Support Journal", "Deadline"])
        before = timedelta(hours=-2) if c.due_time is not None else timedelta(days=-3)
        event.add_component(_alarm(Alarm, before, f"{name} (case {c.case_id}) is due soon"))
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()


def _alarm(Alarm, before: timedelta, text: str):
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", text)
    alarm.add("trigger", before)
    return alarm


def write_calendar(target: Path, data: bytes) -> None:
    from .files import write_private
    write_private(target, data)


__all__ = ["calendar", "date", "local_zone", "write_calendar"]
