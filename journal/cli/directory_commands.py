"""`journal platform …` and `journal channel …`: the directory of where to reach support, and
the warnings about a contact that may not be the platform's real support."""
from __future__ import annotations

import sys

from .output import emit_json, table


def warn(warnings) -> None:
    """Each warning as its own line on stderr; the command still succeeds."""
    for w in warnings:
        sys.stderr.write(f"journal: warning: {w.sentence()}\n")


def _platform_changes(args) -> dict:
    """The options given, as update_platform's fields (None: not given)."""
    return dict(kind=args.kind, website=args.website, help_url=args.help_url,
                status_url=args.status_url, support_hours=args.hours, time_zone=args.time_zone,
                languages=args.language, countries=args.country)


def platform_add(args):
    from .commands import _created, _open
    with _open(args) as j:
        _created(args, j.add_platform(args.name, **_platform_changes(args)))


def platform_edit(args):
    from .commands import _json, _open
    changes = {k: v for k, v in _platform_changes(args).items() if v is not None}
    if args.name is not None:
        changes["name"] = args.name
    if not changes:
        from ..errors import BadInput
        raise BadInput("Say what to change, e.g. --website URL or --country GB; see "
                       "`journal platform edit --help`.")
    with _open(args) as j:
        p = j.update_platform(args.platform, **changes)
    if _json(args):
        return emit_json(p)
    print(f"Platform {p.id} ({p.name}) is updated.")


def platform_list(args):
    from .commands import _json, _open
    with _open(args) as j:
        platforms = j.platforms()
    if _json(args):
        return emit_json(platforms)
    table([[p.id, p.name, p.kind.value, ",".join(p.countries), ",".join(p.languages),
            p.website or ""] for p in platforms],
          ["ID", "PLATFORM", "KIND", "COUNTRIES", "LANGUAGES", "WEBSITE"],
          "No platforms yet; add one with `journal platform add`.")


def platform_show(args):
    from .commands import _json, _open
    with _open(args) as j:
        p = j.platform(args.platform)
        channels = j.channels(p.id)
    if _json(args):
        return emit_json({"platform": p, "channels": channels})
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
    _channel_table(channels)


def _channel_table(channels) -> None:
    table([[c.id, c.platform, c.kind.value, c.value, c.source.value, c.status.value,
            c.last_checked or "", ",".join(c.languages), c.hours or ""] for c in channels],
          ["ID", "PLATFORM", "KIND", "VALUE", "SOURCE", "STATUS", "CHECKED", "LANGUAGES",
           "HOURS"],
          "No channels yet; add one with `journal channel add`.")


def _channel_changes(args) -> dict:
    return dict(kind=args.kind, value=args.value, source=args.source, source_url=args.source_url,
                languages=args.language, status=args.status, last_checked=args.checked,
                hours=args.hours)


def channel_add(args):
    from .commands import _created, _open
    with _open(args) as j:
        channel = j.add_channel(args.platform, **_channel_changes(args))
        _created(args, channel)
        warn(j.channel_warnings(channel.id))


def _changed(args, j, channel) -> None:
    from .commands import _json
    if _json(args):
        emit_json(channel)
    else:
        print(f"Channel {channel.id} of {channel.platform}: {channel.kind.value} {channel.value}, "
              f"{channel.status.value}, checked {channel.last_checked or 'never'}.")
    warn(j.channel_warnings(channel.id))


def channel_edit(args):
    from .commands import _open
    changes = {k: v for k, v in _channel_changes(args).items() if v is not None}
    if not changes:
        from ..errors import BadInput
        raise BadInput("Say what to change, e.g. --status verified or --value VALUE; see "
                       "`journal channel edit --help`.")
    with _open(args) as j:
        _changed(args, j, j.update_channel(args.id, **changes))


def channel_mark(args):
    from ..domain.times import now
    from .commands import _open
    checked = args.checked if args.checked is not None else now().date().isoformat()
    with _open(args) as j:
        _changed(args, j, j.update_channel(args.id, status=args.status, last_checked=checked))


def channel_list(args):
    from .commands import _json, _open
    with _open(args) as j:
        channels = j.channels(args.platform, language=args.language)
    if _json(args):
        return emit_json(channels)
    _channel_table(channels)
