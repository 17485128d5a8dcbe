"""The directory's rules: phone numbers in E.164, countries, time zones, dates checked, and
the warnings given before a contact that may not be the platform's real support.

Pure Python (phonenumbers, zoneinfo); the service calls these before it writes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberType

from ..errors import BadInput, Term
from .inputs import language as _language
from .inputs import text as _text
from .model import Channel, ChannelKind, ChannelSource, ChannelStatus, Platform, PlatformKind

_PHONE_CHARS = re.compile(r"[+0-9][0-9 ()./\-]{4,}")
# Numbers that belong to no one country: international freephone (+800), premium, etc.
_NON_GEOGRAPHIC = "001"
# Types a country code shares across its regions (a +1 800 number is toll-free in US and CA).
_SHARED = {PhoneNumberType.TOLL_FREE, PhoneNumberType.PREMIUM_RATE, PhoneNumberType.UAN,
           PhoneNumberType.SHARED_COST}


def _parse(value: str):
    text = value.strip()
    if text.startswith("00"):
        text = "+" + text[2:]
    return phonenumbers.parse(text, None)


def phone_number(value: str) -> str:
    """A phone number in E.164 (+18889087930), or one sentence saying what is wrong."""
    try:
        number = _parse(value)
    except NumberParseException as exc:
        if exc.error_type == NumberParseException.INVALID_COUNTRY_CODE:
            raise BadInput("phone.no_country_code", value=value) from None
        raise BadInput("phone.invalid", value=value) from None
    if not phonenumbers.is_valid_number(number):
        raise BadInput("phone.wrong_digits", value=value, country_code=number.country_code)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def phone_key(value: str | None) -> str | None:
    """E.164 of anything that parses as a number with a country code, else None: so that
    "+1 (888) 908-7930" and "+18889087930" are known as the same line."""
    if not value or not _PHONE_CHARS.fullmatch(value.strip()):
        return None
    try:
        number = _parse(value)
    except NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def display_phone(e164: str) -> str:
    """+18889087930 as people read it: +1 888-908-7930."""
    try:
        number = phonenumbers.parse(e164, None)
    except NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def phone_countries(e164: str) -> frozenset[str] | None:
    """The countries a number may belong to; None for a number of no country (+800)."""
    try:
        number = phonenumbers.parse(e164, None)
    except NumberParseException:
        return None
    region = phonenumbers.region_code_for_number(number)
    if region in (None, _NON_GEOGRAPHIC):
        return None
    if phonenumbers.number_type(number) in _SHARED:
        return frozenset(phonenumbers.region_codes_for_country_code(number.country_code))
    return frozenset({region})


def country(code: str) -> str:
    """An ISO 3166 two-letter country code, upper case (as phonenumbers knows them)."""
    clean = (code or "").strip().upper()
    if clean not in phonenumbers.SUPPORTED_REGIONS:
        raise BadInput("country.invalid", code=code)
    return clean


def zone_name(name: str | None) -> str | None:
    name = _text(name, "time zone", limit=64)
    if name is None:
        return None
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise BadInput("time_zone.invalid", name=name) from None
    return name


def time_there(zone: str | None, when: datetime | None = None) -> str | None:
    """The time now in `zone` ("Asia/Singapore"), as HH:MM with the weekday's number
    (0 = Monday) before it, e.g. "2 14:05": so the user sees whether support is open."""
    if not zone:
        return None
    try:
        there = (when or datetime.now(timezone.utc)).astimezone(ZoneInfo(zone))
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return f"{there.weekday()} {there:%H:%M}"


def checked_date(text: str | None, today: date | None = None) -> str | None:
    """The day a channel was last checked, YYYY-MM-DD, not in the future."""
    text = _text(text, "date checked", limit=40)
    if text is None:
        return None
    try:
        day = date.fromisoformat(text[:10]) if len(text) >= 10 else date.fromisoformat(text)
    except ValueError:
        raise BadInput("date.invalid", text=text) from None
    if day > (today or date.today()):
        raise BadInput("date.checked_in_future", text=text)
    return day.isoformat()


def web_address(url: str | None, what: str) -> str | None:
    url = _text(url, what, limit=2000)
    if url and not url.lower().startswith(("http://", "https://")):
        raise BadInput("web_address.scheme", what=Term(what), url=url)
    return url


def language_list(codes) -> list[str]:
    return [c for c in (_language(code) for code in codes or ()) if c]


_PLATFORM_TEXT = {"website": "website", "help_url": "help-centre address",
                  "status_url": "status page address"}


def platform_fields(*, name=None, kind=None, website=None, help_url=None, status_url=None,
                    support_hours=None, time_zone=None, languages=None, countries=None) -> dict:
    """The given platform fields, checked; a field left None is not in the result, and ""
    (or an empty list) clears it."""
    given = {k: v for k, v in locals().items() if v is not None}
    out: dict = {}
    for key, value in given.items():
        if key == "name":
            out[key] = _text(value, "platform name", required=True, limit=100)
        elif key == "kind":
            out[key] = PlatformKind.parse(value, "platform kind").value
        elif key in _PLATFORM_TEXT:
            out[key] = web_address(value, _PLATFORM_TEXT[key])
        elif key == "support_hours":
            out[key] = _text(value, "support hours", limit=200)
        elif key == "time_zone":
            out[key] = zone_name(value)
        elif key == "languages":
            out[key] = language_list(value)
        elif key == "countries":
            out[key] = sorted({country(c) for c in value if c and c.strip()})
    return out


def channel_fields(*, kind=None, value=None, source=None, source_url=None, languages=None,
                   status=None, last_checked=None, hours=None) -> dict:
    """The given channel fields, checked; a phone number is stored in E.164. A field left
    None is not in the result. The value is checked against `kind` (give both together)."""
    out: dict = {}
    if kind is not None:
        out["kind"] = ChannelKind.parse(kind, "channel kind").value
    if value is not None:
        value = _text(value, "channel value", required=True, limit=500)
        out["value"] = phone_number(value) if out.get("kind") == "phone" else value
    if source is not None:
        out["source"] = ChannelSource.parse(source, "channel source").value
    if source_url is not None:
        out["source_url"] = web_address(source_url, "source URL")
    if languages is not None:
        out["languages"] = language_list(languages)
    if status is not None:
        out["status"] = ChannelStatus.parse(status, "channel status").value
    if last_checked is not None:
        out["last_checked"] = checked_date(last_checked)
    if hours is not None:
        out["hours"] = _text(hours, "hours", limit=200)
    return out


# -- warnings before a contact ---------------------------------------------------------------

@dataclass(frozen=True)
class ContactWarning:
    """Something about a contact the user should know before trusting it.

    kind: "not-listed" (not a channel of this platform), "unverified", "reported-fake",
    "other-platform" (recorded for another platform), "country" (a phone number outside the
    platform's countries). `details` carries what a front end needs to say it in its language.
    """
    kind: str
    contact: str
    details: dict = field(default_factory=dict)

    def sentence(self) -> str:
        d = self.details
        if self.kind == "not-listed":
            return (f"{self.contact} is not a listed channel of {d['platform']}. Check it on "
                    f"the platform's official website or app before you share anything.")
        if self.kind == "unverified":
            return (f"{self.contact} is an unverified channel of {d['platform']} "
                    f"(source: {d['source']}). Check it on the official website or app first.")
        if self.kind == "reported-fake":
            return (f"{self.contact} is marked as reported fake for {d['platform']}. It is "
                    f"probably a scam: do not call it, pay or share anything.")
        if self.kind == "other-platform":
            return (f"{self.contact} is also recorded for {', '.join(d['platforms'])}. A "
                    f"number shared by two platforms is a common sign of a fake support line.")
        where = ", ".join(sorted(d["countries"]))
        if len(d["countries"]) > 3:   # a +1 toll-free number belongs to 25 countries
            where = f"one of {len(d['countries'])} countries sharing {d['calling_code']}"
        return (f"{self.contact} is a number in {where}, but {d['platform']} lists support "
                f"in {', '.join(d['listed'])} only.")


def matches(contact: str):
    """A test of "is this value the same line as `contact`": the same text, or the same phone
    number however it is written ("+1 (888) 908-7930" is +18889087930). The contact is
    parsed once, not once per channel it is compared with."""
    key = phone_key(contact)
    folded = contact.strip().casefold()

    def same(value: str) -> bool:
        other = phone_key(value)
        if key or other:
            return key == other
        return value.strip().casefold() == folded
    return same


def contact_warnings(platform: Platform, contact: str,
                     channels: list[Channel]) -> list[ContactWarning]:
    """What to warn about before contacting `platform` at `contact`; `channels` are all the
    channels of every platform in the directory."""
    contact = contact.strip()
    same = matches(contact)
    matching = [c for c in channels if same(c.value)]
    mine = [c for c in matching if c.platform_id == platform.id]
    elsewhere = [c for c in matching if c.platform_id != platform.id]
    others = sorted({c.platform for c in elsewhere})
    warnings: list[ContactWarning] = []
    if not mine:
        warnings.append(ContactWarning("not-listed", contact, {"platform": platform.name}))
    elif any(c.status is ChannelStatus.REPORTED_FAKE for c in mine):
        warnings.append(ContactWarning("reported-fake", contact, {"platform": platform.name}))
    elif not any(c.verified for c in mine):
        warnings.append(ContactWarning("unverified", contact, {
            "platform": platform.name, "source": mine[0].source.value}))
    if others:
        fake = any(c.status is ChannelStatus.REPORTED_FAKE for c in elsewhere)
        if fake and not any(w.kind == "reported-fake" for w in warnings):
            warnings.append(ContactWarning("reported-fake", contact, {"platform": others[0]}))
        warnings.append(ContactWarning("other-platform", contact, {"platforms": others}))
    key = phone_key(contact)
    where = phone_countries(key) if key else None
    if where is not None and platform.countries and not where & set(platform.countries):
        warnings.append(ContactWarning("country", contact, {
            "platform": platform.name, "countries": sorted(where),
            "calling_code": "+" + str(phonenumbers.parse(key, None).country_code),
            "listed": list(platform.countries)}))
    return warnings
