"""The search results as a tree: each case that matched, with the interactions that matched
under it. A hit row says what it was (a call, a chat, an email…), when it happened, and the
words around the match; the case row above it names the case and its platform.

The service marks matched words with [square brackets]; the rows give them as ranges of the
plain text (for the delegate to set in bold) and as rich text, without the brackets. Each
row's texts are worked out once, when the row is first shown.
"""
from __future__ import annotations

import html
import re

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QObject, Qt

from ..kit import formatting, labels

translate = QCoreApplication.translate

CaseIdRole = Qt.ItemDataRole.UserRole + 1
InteractionIdRole = Qt.ItemDataRole.UserRole + 2   # None on a case row
HtmlRole = Qt.ItemDataRole.UserRole + 3            # the snippet as rich text, matches in <b>
DateRole = Qt.ItemDataRole.UserRole + 4            # a hit's date and time, "" on a case row
MetaRole = Qt.ItemDataRole.UserRole + 5            # ("Chat", "2 Dec 2026 09:14 · today",
#                                                    the same without the day word)
SnippetRole = Qt.ItemDataRole.UserRole + 6         # (plain text, ((start, length), …))
IconRole = Qt.ItemDataRole.UserRole + 7            # the icon's name in resources/icons
KindRole = Qt.ItemDataRole.UserRole + 8            # "call", "chat"…; None on a case row
AttachmentIdRole = Qt.ItemDataRole.UserRole + 9    # the file whose read text matched, or None
MatchedRole = Qt.ItemDataRole.UserRole + 10        # the search's words, as the service marks them

SEPARATOR = " · "


def _pieces(snippet: str, matched) -> list[tuple[str, bool]]:
    """The snippet as (text, is_match) pieces; only [word] around a matched word is a mark,
    so brackets the user typed in a note stay as they are."""
    words = sorted({w for w in matched if w}, key=len, reverse=True)
    if not words:
        return [(snippet, False)]
    mark = re.compile(r"\[(" + "|".join(re.escape(w) for w in words) + r")\]", re.IGNORECASE)
    out, at = [], 0
    for m in mark.finditer(snippet):
        if m.start() > at:
            out.append((snippet[at:m.start()], False))
        out.append((m.group(1), True))
        at = m.end()
    if at < len(snippet):
        out.append((snippet[at:], False))
    return out


def plain_snippet(snippet: str, matched) -> str:
    return "".join(text for text, _ in _pieces(snippet, matched))


def html_snippet(snippet: str, matched) -> str:
    return "".join(f"<b>{html.escape(text)}</b>" if hit else html.escape(text)
                   for text, hit in _pieces(snippet, matched))


def marked_snippet(snippet: str, matched) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The plain snippet and where its matches are, as (start, length) ranges."""
    text, ranges = [], []
    at = 0
    for piece, hit in _pieces(snippet, matched):
        if hit:
            ranges.append((at, len(piece)))
        text.append(piece)
        at += len(piece)
    return "".join(text), tuple(ranges)


def kind_text(kind: str | None, outcome: str | None) -> str:
    """"Chat", "Call", or "Call · No answer" for an attempt that did not get through."""
    if not kind:
        return ""
    try:
        text = labels.interaction_kind(kind)
    except ValueError:
        return kind
    if outcome and outcome != "answered":
        try:
            text += SEPARATOR + labels.outcome(outcome)
        except ValueError:
            pass
    return text


def icon_name(kind: str | None, outcome: str | None) -> str:
    if kind == "call" and outcome and outcome != "answered":
        return "failed-call"
    return kind or "case"


def when_text(started_at: str | None) -> str:
    """"2 Dec 2026 09:14 · today"; the day word only where it says more than the date."""
    if not started_at:
        return ""
    when = formatting.date_time(started_at, with_offset=False)
    day = formatting.relative_day(started_at)
    if day and day != formatting.date(started_at) and day not in when:
        when += SEPARATOR + day
    return when


class _Group:
    """One case and its hits, in the order the service ranked them; `rows` keeps each row's
    texts once worked out ({hit row, or -1 for the case row: _Row})."""
    __slots__ = ("case_id", "title", "platform", "case_snippet", "matched", "hits", "rows")

    def __init__(self, hit):
        self.case_id, self.title, self.platform = hit.case_id, hit.case_title, hit.platform
        self.case_snippet, self.matched, self.hits = None, (), []
        self.rows: dict[int, _Row] = {}


class _Row:
    """What one row shows. Its snippet (all the view needs to size the row) is worked out
    when the row is first asked for; its other texts when one of them is."""
    __slots__ = ("snippet", "icon", "worded", "meta", "date", "html", "display", "accessible",
                 "tooltip")

    def __init__(self, snippet: str, matched, icon: str):
        self.snippet, self.icon, self.worded = marked_snippet(snippet, matched), icon, False


def _word_case(row: _Row, group: _Group) -> None:
    row.html = html_snippet(group.case_snippet or row.snippet[0], group.matched)
    row.meta, row.date = ("", "", ""), ""
    row.display = row.snippet[0]
    row.tooltip = f"{group.title}{SEPARATOR}{group.platform}"
    row.accessible = translate("SearchResultsModel", "Case: {0}, {1}").format(
        group.title, group.platform)


def _word_hit(row: _Row, group: _Group, hit) -> None:
    row.html = html_snippet(hit.snippet, hit.matched)
    what = kind_text(getattr(hit, "kind", None), getattr(hit, "outcome", None))
    row.date = formatting.date_time(hit.started_at, with_offset=False)
    when = when_text(hit.started_at)
    row.meta = (what, when, row.date)   # the day word left out where the line is short
    plain = row.snippet[0]
    heading = SEPARATOR.join(t for t in (what, when) if t)
    row.display = f"{heading}  {plain}" if heading else plain
    exact = formatting.date_time(hit.started_at) if hit.started_at else ""
    row.tooltip = "\n".join(t for t in (
        SEPARATOR.join(t for t in (what, exact) if t),
        f"{group.title}{SEPARATOR}{group.platform}", plain) if t)
    row.accessible = translate("SearchResultsModel", "{0}, {1}, case {2}, {3}: {4}").format(
        what, group.platform, group.title, when, plain)


class SearchResultsModel(QAbstractItemModel):
    """Case rows at the top level, their interaction hits as children; one column."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._groups: list[_Group] = []

    def set_hits(self, hits) -> None:
        self.beginResetModel()
        groups: dict[int, _Group] = {}
        for hit in hits:
            group = groups.get(hit.case_id)
            if group is None:
                group = groups[hit.case_id] = _Group(hit)
            if hit.interaction_id is None:
                group.case_snippet, group.matched = hit.snippet, hit.matched
            else:
                group.hits.append(hit)
        self._groups = list(groups.values())
        self.endResetModel()

    def clear(self) -> None:
        self.set_hits([])

    def hit_count(self) -> int:
        return sum(len(g.hits) for g in self._groups)

    # -- the tree --------------------------------------------------------------------

    def index(self, row, column, parent=QModelIndex()):
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)  # id: the group's row + 1

    def parent(self, index=QModelIndex()):
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent=QModelIndex()):
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()].hits)
        return 0

    def columnCount(self, parent=QModelIndex()):
        return 1

    # Made once: the view asks a row's flags many times over, and each `|` of two flags is a
    # Python call.
    _CASE_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    _HIT_FLAGS = _CASE_FLAGS | Qt.ItemFlag.ItemNeverHasChildren

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return self._CASE_FLAGS if index.internalId() == 0 else self._HIT_FLAGS

    _TEXT = {Qt.ItemDataRole.DisplayRole: "display", Qt.ItemDataRole.ToolTipRole: "tooltip",
             Qt.ItemDataRole.AccessibleTextRole: "accessible", HtmlRole: "html",
             DateRole: "date", MetaRole: "meta", SnippetRole: "snippet", IconRole: "icon"}

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        case_row = index.internalId() == 0
        group = self._groups[index.row() if case_row else index.internalId() - 1]
        if role == CaseIdRole:
            return group.case_id
        if case_row:
            if role in (InteractionIdRole, KindRole, AttachmentIdRole):
                return None
            if role == MatchedRole:
                return tuple(group.matched)
        elif role == InteractionIdRole:
            return group.hits[index.row()].interaction_id
        elif role == KindRole:
            return getattr(group.hits[index.row()], "kind", None)
        elif role == AttachmentIdRole:
            return getattr(group.hits[index.row()], "attachment_id", None)
        elif role == MatchedRole:
            return tuple(group.hits[index.row()].matched)
        name = self._TEXT.get(role)
        if name is None:
            return None
        key = -1 if case_row else index.row()
        row = group.rows.get(key)
        if row is None:
            if case_row:
                snippet = group.case_snippet or f"{group.title}{SEPARATOR}{group.platform}"
                row = _Row(snippet, group.matched, "case")
            else:
                hit = group.hits[key]
                row = _Row(hit.snippet, hit.matched, icon_name(getattr(hit, "kind", None),
                                                               getattr(hit, "outcome", None)))
            group.rows[key] = row
        if role not in (SnippetRole, IconRole) and not row.worded:
            if case_row:
                _word_case(row, group)
            else:
                _word_hit(row, group, group.hits[key])
            row.worded = True
        return getattr(row, name)
