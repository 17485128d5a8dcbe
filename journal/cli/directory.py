"""`journal platform …` and `journal channel …`: the directory of where to reach support, and
the warnings about a contact that may not be the platform's real support."""
from __future__ import annotations

from ..errors import BadInput
from .output import table, warning
from .registry import Arg, command, group

CHANNEL_KINDS = "phone|email|chat|in-app|social|web-form"
SOURCES = "official-site|in-app|official-social|community|other"
STATUSES = "verified|unverified|reported-fake"


def warn(warnings) -> None:
    """Each warning as its own line on stderr; the command still succeeds."""
    for w in warnings:
        warning(w.sentence())


# -- platforms -------------------------------------------------------------------------------

group("platform", "platforms: add, edit, list, show")


def _platform_args(*, edit: bool) -> list:
    return [
        *([Arg("--name", metavar="NEW", help="rename the platform")] if edit else []),
        Arg("--kind", metavar="exchange|wallet|other", default=None if edit else "other"),
        Arg("--website", metavar="URL"),
        Arg("--help-url", metavar="URL", help="its help centre"),
        Arg("--status-url", metavar="URL", help="its status or announcements page"),
        Arg("--hours", metavar="TEXT",
            help='support hours as it states them, e.g. "Mon-Fri 09:00-18:00"'),
        Arg("--time-zone", metavar="ZONE",
            help="the time zone of those hours, e.g. Asia/Singapore"),
        Arg("--language", metavar="CODE", action="append",
            help="a language its support speaks; repeatable"),
        Arg("--country", metavar="CC", action="append",
            help="a country it serves, as a two-letter code such as US or GB; repeatable")]


def _platform_changes(args) -> dict:
    """The options given, as update_platform's fields (None: not given)."""
    return dict(kind=args.kind, website=args.website, help_url=args.help_url,
                status_url=args.status_url, support_hours=args.hours, time_zone=args.time_zone,
                languages=args.language, countries=args.country)


@command("platform", "add", help="add a platform", json=True,
         args=[Arg("name", metavar="NAME"), *_platform_args(edit=False)])
def platform_add(ctx, args):
    with ctx.journal() as j:
        ctx.created(j.add_platform(args.name, **_platform_changes(args)))


@command("platform", "edit", help="correct a platform; an option given as \"\" clears it, "
         "--language and --country replace the list", json=True,
         args=[Arg("platform", metavar="PLATFORM"), *_platform_args(edit=True)])
def platform_edit(ctx, args):
    changes = {k: v for k, v in _platform_changes(args).items() if v is not None}
    if args.name is not None:
        changes["name"] = args.name
    if not changes:
        raise BadInput("platform.edit_nothing")
    with ctx.journal() as j:
        p = j.update_platform(args.platform, **changes)
    ctx.show(p, f"Platform {p.id} ({p.name}) is updated.")


@command("platform", "list", help="list platforms", json=True)
def platform_list(ctx, args):
    with ctx.journal() as j:
        platforms = j.platforms()
    ctx.table(platforms, [[p.id, p.name, p.kind.value, ",".join(p.countries),
                           ",".join(p.languages), p.website or ""] for p in platforms],
              ["ID", "PLATFORM", "KIND", "COUNTRIES", "LANGUAGES", "WEBSITE"],
              "No platforms yet; add one with `journal platform add`.")


@command("platform", "show", help="a platform's details and its channels", json=True,
         args=[Arg("platform", metavar="PLATFORM")])
def platform_show(ctx, args):
    with ctx.journal() as j:
        p = j.platform(args.platform)
        channels = j.channels(p.id)
    if ctx.json:
        return ctx.emit({"platform": p, "channels": channels})
    print(f"{p.name} (platform {p.id}, {p.kind.value})")
    hours = " ".join(x for x in (p.support_hours, f"({p.time_zone})" if p.time_zone else "")
                     if x)
    for label, value in (("website", p.website), ("help centre", p.help_url),
                         ("status page", p.status_url), ("support hours", hours),
                         ("languages", ", ".join(p.languages)),
                         ("countries", ", ".join(p.countries))):
        if value:
            print(f"  {label}: {value}")
    if not channels:
        print("  No channels yet; add one with `journal channel add`.")
        return
    print()
    table(*_channel_rows(channels))


# -- channels --------------------------------------------------------------------------------

group("channel", "contact channels: add, edit, mark, list")


def _channel_args(*, edit: bool) -> list:
    return [
        Arg("--kind", metavar=CHANNEL_KINDS, required=not edit),
        Arg("--value", metavar="VALUE", required=not edit,
            help="a phone number with + and its country code, an address or a handle"),
        Arg("--source", metavar=SOURCES, default=None if edit else "other"),
        Arg("--source-url", metavar="URL", help="where you found it"),
        Arg("--language", metavar="CODE", action="append", default=None if edit else [],
            help="a language it serves; repeatable"),
        Arg("--status", metavar=STATUSES,
            help=None if edit else "default: verified when the source is the platform's own "
                                   "site, app or account, else unverified"),
        Arg("--checked", metavar="YYYY-MM-DD",
            help="the day you checked it at its source" + ("" if edit else " (default today)")),
        Arg("--hours", metavar="TEXT", help="when it answers, if not the platform's hours")]


def _channel_rows(channels) -> tuple[list, list, str]:
    """The channels as table rows, its headers, and what to say when there are none."""
    return ([[c.id, c.platform, c.kind.value, c.value, c.source.value, c.status.value,
              c.last_checked or "", ",".join(c.languages), c.hours or ""] for c in channels],
            ["ID", "PLATFORM", "KIND", "VALUE", "SOURCE", "STATUS", "CHECKED", "LANGUAGES",
             "HOURS"],
            "No channels yet; add one with `journal channel add`.")


def _channel_changes(args) -> dict:
    return dict(kind=args.kind, value=args.value, source=args.source, source_url=args.source_url,
                languages=args.language, status=args.status, last_checked=args.checked,
                hours=args.hours)


@command("channel", "add", help="add a contact channel", json=True,
         args=[Arg("platform", metavar="PLATFORM"), *_channel_args(edit=False)])
def channel_add(ctx, args):
    with ctx.journal() as j:
        channel = j.add_channel(args.platform, **_channel_changes(args))
        ctx.created(channel)
        warn(j.channel_warnings(channel.id))


def _changed(ctx, j, channel) -> None:
    ctx.show(channel, f"Channel {channel.id} of {channel.platform}: {channel.kind.value} "
                      f"{channel.value}, {channel.status.value}, checked "
                      f"{channel.last_checked or 'never'}.")
    warn(j.channel_warnings(channel.id))


@command("channel", "edit", help="correct a channel; --source-url \"\" clears it, --language "
         "replaces the list", json=True,
         args=[Arg("id", metavar="ID"), *_channel_args(edit=True)])
def channel_edit(ctx, args):
    changes = {k: v for k, v in _channel_changes(args).items() if v is not None}
    if not changes:
        raise BadInput("channel.edit_nothing")
    with ctx.journal() as j:
        _changed(ctx, j, j.update_channel(args.id, **changes))


@command("channel", "mark", help="set a channel's status; the date checked becomes today "
         "unless --checked says otherwise", json=True, args=[
             Arg("id", metavar="ID"),
             Arg("status", metavar=STATUSES),
             Arg("--checked", metavar="YYYY-MM-DD")])
def channel_mark(ctx, args):
    from ..domain.times import now
    checked = args.checked if args.checked is not None else now().date().isoformat()
    with ctx.journal() as j:
        _changed(ctx, j, j.update_channel(args.id, status=args.status, last_checked=checked))


@command("channel", "list", help="list channels", json=True, args=[
    Arg("platform", metavar="PLATFORM", nargs="?"),
    Arg("--language", metavar="CODE", help="only channels serving this language")])
def channel_list(ctx, args):
    with ctx.journal() as j:
        channels = j.channels(args.platform, language=args.language)
    ctx.table(channels, *_channel_rows(channels))
