"""Platforms and their contact channels, and the warnings before using a channel."""
from __future__ import annotations

from ..domain import channels as rules
from ..domain.inputs import ident as _id
from ..domain.inputs import language as _language
from ..domain.model import ChannelSource, ChannelStatus
from ..domain.times import now
from ..store import directory
from .context import Context
from .index import SearchIndex


class Directory:
    """Needs: the context, and the search index (a rename re-indexes the platform's cases)."""

    def __init__(self, ctx: Context, index: SearchIndex):
        self.ctx, self.index = ctx, index

    @property
    def db(self):
        return self.ctx.require_open()

    def add_platform(self, name: str, *, kind: str = "other", website: str | None = None,
                     **details):
        """A new platform. `details`: help_url, status_url, support_hours, time_zone,
        languages, countries (see domain.channels.platform_fields)."""
        fields = rules.platform_fields(name=name or "", kind=kind, website=website, **details)
        with self.ctx.write():
            return directory.add_platform(self.db, fields)

    def platforms(self):
        return directory.list_platforms(self.db)

    def platform(self, ref: str | int):
        return directory.find_platform(self.db, str(ref))

    def update_platform(self, ref: str | int, **changes):
        """Rename or correct a platform (any field of add_platform; "" or [] clears one).
        The ledger keeps each earlier version."""
        p = self.platform(ref)
        fields = rules.platform_fields(**changes)
        with self.ctx.write() as conn:
            updated = directory.update_platform(self.db, p.id, fields)
            if updated.name != p.name:
                self.index.platform_renamed(conn, p.id)
        return updated

    def add_channel(self, platform: str | int, *, kind: str, value: str, source: str = "other",
                    source_url: str | None = None, languages=(), status: str | None = None,
                    last_checked: str | None = None, hours: str | None = None):
        """A new channel. A phone number is stored in E.164; the status defaults to verified
        for a channel from the platform's own site, app or account, else unverified; the date
        checked defaults to today."""
        p = self.platform(platform)
        fields = rules.channel_fields(kind=kind, value=value or "", source=source,
                                      source_url=source_url, languages=list(languages),
                                      status=status, last_checked=last_checked, hours=hours)
        fields.setdefault("status", ChannelStatus.default_for(
            ChannelSource(fields["source"])).value)
        if "last_checked" not in fields:
            fields["last_checked"] = now().date().isoformat()
        with self.ctx.write():
            return directory.add_channel(self.db, p, fields)

    def update_channel(self, channel_id, **changes):
        """Correct a channel (any field of add_channel; `source_url=""` clears it). A new
        value is checked against the channel's kind. The ledger keeps each earlier version."""
        current = self.channel(channel_id)
        if "value" in changes and changes["value"] is not None and changes.get("kind") is None:
            changes["kind"] = current.kind.value
        if changes.get("kind") is not None and changes.get("value") is None:
            changes["value"] = current.value
        fields = rules.channel_fields(**changes)
        with self.ctx.write():
            return directory.update_channel(self.db, current.id, fields)

    def channel(self, channel_id):
        return directory.get_channel(self.db, _id(channel_id, "channel"))

    def channels(self, platform: str | int | None = None, *, language: str | None = None):
        """A platform's channels (or all); with `language`, only those serving it."""
        pid = self.platform(platform).id if platform is not None else None
        return directory.list_channels(self.db, pid, _language(language))

    def contact_warnings(self, platform: str | int, *, channel_id=None,
                         contact: str | None = None) -> list[rules.ContactWarning]:
        """What to warn about before contacting `platform` at a channel or a typed contact:
        not a listed channel, unverified, reported fake, recorded for another platform, or a
        phone number outside the platform's countries. Empty when there is nothing to say."""
        p = self.platform(platform)
        if channel_id is not None:
            contact = self.channel(channel_id).value
        if not contact or not contact.strip():
            return []
        return rules.contact_warnings(p, contact, directory.list_channels(self.db))

    def channel_warnings(self, channel_id) -> list[rules.ContactWarning]:
        """What is doubtful about a channel in the directory itself (see contact_warnings)."""
        c = self.channel(channel_id)
        return [w for w in self.contact_warnings(c.platform_id, contact=c.value)
                if w.kind in ("other-platform", "country", "reported-fake")]
