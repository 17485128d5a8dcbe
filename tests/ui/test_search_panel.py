"""The search popup: typing shows hits grouped by case, highlighted; Enter opens one."""
from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from journal.ui.search.search_panel import (
    CaseIdRole,
    HighlightDelegate,
    HtmlRole,
    InteractionIdRole,
    SearchPanel,
    SearchResultsModel,
)
from tests.ui import WAIT


def _panel(session, qtbot) -> SearchPanel:
    panel = SearchPanel(session)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel, timeout=WAIT)
    session.wait()   # its platforms are read off the GUI thread
    return panel


def _rows(model):
    """[(case row text, [hit row texts])] as the view shows them."""
    out = []
    for r in range(model.rowCount()):
        case = model.index(r, 0)
        out.append((case.data(), [model.index(c, 0, case).data()
                                  for c in range(model.rowCount(case))]))
    return out


def _keys(qtbot, field, text):
    """Type as a user: QTest sends only ASCII keys; Chinese comes in as an input method's text."""
    if text.isascii():
        qtbot.keyClicks(field, text)
    else:
        field.insert(text)


def _type(qtbot, panel, text):
    _keys(qtbot, panel.field, text)
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0 or panel.status_text().startswith("No"),
                    timeout=WAIT)


def test_results_model_passes_the_model_tester(session, qtmodeltester):
    model = SearchResultsModel()
    hits = session.journal.search("withdrawal", limit=50)
    assert hits
    model.set_hits(hits)
    assert model.rowCount() == 1 and model.hit_count() >= 1
    qtmodeltester.check(model)
    model.clear()
    qtmodeltester.check(model)


def test_typing_shows_the_case_with_the_word_highlighted(session, qtbot):
    panel = _panel(session, qtbot)
    assert "English or 中文" in panel.status_text()
    _type(qtbot, panel, "withdrawal")
    assert panel.tree.isVisible() and panel.status_text() == ""
    case = panel.model.index(0, 0)
    assert "Withdrawal stuck since Monday" in case.data()
    assert "Coinbase" in case.data()
    assert panel.tree.isExpanded(case)
    hit = panel.model.index(0, 0, case)
    assert hit.data(InteractionIdRole) == 1 and hit.data(CaseIdRole) == 1
    assert "Agent said the withdrawal is in review." in hit.data()
    assert "[" not in hit.data()
    assert "<b>withdrawal</b>" in hit.data(HtmlRole)
    assert "[" not in hit.data(HtmlRole)
    assert panel.last_search_ms() is not None and panel.last_search_ms() > 0


def test_brackets_typed_in_a_note_are_kept(session, qtbot):
    session.journal.log(1, kind="chat", notes="Status [urgent] per agent Lee")
    panel = _panel(session, qtbot)
    _type(qtbot, panel, "urgent")
    hit = panel.model.index(0, 0, panel.model.index(0, 0))
    assert "[urgent]" in hit.data()
    assert "[<b>urgent</b>]" in hit.data(HtmlRole)


def test_enter_opens_the_highlighted_interaction(session, qtbot):
    panel = _panel(session, qtbot)
    _type(qtbot, panel, "withdrawal")
    with qtbot.waitSignal(panel.interactionChosen, timeout=WAIT) as chosen:
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert chosen.args == [1, 1]
    assert not panel.isVisible()


def test_enter_typed_before_the_results_waits_for_them(session, qtbot):
    panel = _panel(session, qtbot)
    with qtbot.waitSignal(panel.interactionChosen, timeout=WAIT) as chosen:
        qtbot.keyClicks(panel.field, "withdrawal")
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert chosen.args == [1, 1]


def test_up_to_the_case_row_and_enter_opens_the_case(session, qtbot):
    panel = _panel(session, qtbot)
    _type(qtbot, panel, "withdrawal")
    assert panel.tree.currentIndex().data(InteractionIdRole) == 1
    qtbot.keyClick(panel.field, Qt.Key.Key_Up)
    assert panel.tree.currentIndex() == panel.model.index(0, 0)
    with qtbot.waitSignal(panel.caseChosen, timeout=WAIT) as chosen:
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert chosen.args == [1]


def test_double_click_on_a_hit_opens_it(session, qtbot):
    panel = _panel(session, qtbot)
    _type(qtbot, panel, "withdrawal")
    hit = panel.model.index(0, 0, panel.model.index(0, 0))
    rect = panel.tree.visualRect(hit)
    with qtbot.waitSignal(panel.interactionChosen, timeout=WAIT) as chosen:
        # A real double-click starts with a press; the view checks that it hit the same row.
        qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(panel.tree.viewport(), Qt.MouseButton.LeftButton,
                          pos=rect.center())
    assert chosen.args == [1, 1]


def test_chinese_word_is_found(session, qtbot):
    logged = session.journal.log(1, kind="chat", notes="客服说退款已经处理")
    panel = _panel(session, qtbot)
    _type(qtbot, panel, "退款")
    hits = _rows(panel.model)[0][1]
    assert len(hits) == 1 and "客服说退款已经处理" in hits[0]
    hit = panel.model.index(0, 0, panel.model.index(0, 0))
    assert hit.data(InteractionIdRole) == logged.id
    assert "<b>退款</b>" in hit.data(HtmlRole)


def test_no_matches_and_errors_are_one_sentence(session, qtbot):
    panel = _panel(session, qtbot)
    _type(qtbot, panel, "zebra")
    assert panel.status_text() == "No matches for “zebra”."
    panel.set_query("x" * 1001)
    qtbot.waitUntil(lambda: "1,000 characters" in panel.status_text(), timeout=WAIT)
    panel.field.clear()
    qtbot.waitUntil(lambda: "English or 中文" in panel.status_text(), timeout=WAIT)
    assert panel.model.rowCount() == 0


def test_stale_results_are_dropped(session, qtbot):
    session.journal.log(1, kind="chat", notes="客服说退款已经处理")
    panel = _panel(session, qtbot)
    shown = []
    panel.model.modelReset.connect(lambda: shown.append(_rows(panel.model)))
    # Hold the worker so the first query is still running when the second is typed.
    release = threading.Event()
    session.submit(lambda j: release.wait(WAIT / 1000))
    qtbot.keyClicks(panel.field, "withdrawal")
    qtbot.waitUntil(lambda: panel._in_flight, timeout=WAIT)  # the debounce passed: it is asked
    panel.field.clear()
    _keys(qtbot, panel.field, "退款")
    release.set()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=WAIT)
    assert session.wait()
    assert not panel._in_flight   # no search running, none waiting behind one: all answered
    groups = [g for g in shown if g]
    assert groups, "the second query's results were never shown"
    for state in groups:   # never the results of "withdrawal" (which has 1 hit in Monday's call)
        assert all("退款" in text for _case, hits in state for text in hits), state
    assert len(_rows(panel.model)[0][1]) == 1


def _kraken_case(j):
    j.add_platform("Kraken", kind="exchange")
    case = j.open_case("Kraken", "Deposit missing")
    j.log(case.id, kind="email", notes="The withdrawal of the deposit was refused.")


def test_platform_filter(session, qtbot):
    _kraken_case(session.journal)
    panel = _panel(session, qtbot)
    assert panel.platform_combo.findText("Kraken") > 0
    _type(qtbot, panel, "withdrawal")
    assert panel.model.rowCount() == 2
    panel.platform_combo.setCurrentIndex(panel.platform_combo.findText("Kraken"))
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=WAIT)
    assert "Deposit missing" in panel.model.index(0, 0).data()


def _noting_queries(real, asked: list):
    """The journal's search `real`, noting each query it is asked for in `asked`."""
    def search(query, **kw):
        asked.append(query)
        return real(query, **kw)
    return search


def test_typing_while_a_search_runs_asks_only_for_the_newest_text(session, qtbot):
    """No pause is waited for, and a fast typist costs at most one stale search: the keys
    typed while one runs are asked for once, as the newest text, when it returns."""
    asked = []
    real = session.journal.search
    search = _noting_queries(real, asked)

    session.journal.search = search
    panel = _panel(session, qtbot)
    release = threading.Event()
    session.submit(lambda j: release.wait(WAIT / 1000))   # the worker is busy meanwhile
    for ch in "withdrawal":
        qtbot.keyClick(panel.field, ch)
        QApplication.processEvents()   # what the event loop does between two real keys
    assert panel._in_flight
    release.set()
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0 and not panel._in_flight, timeout=WAIT)
    assert session.wait()
    assert asked == ["w", "withdrawal"]
    assert "<b>withdrawal</b>" in panel.model.index(0, 0, panel.model.index(0, 0)).data(HtmlRole)


def test_a_new_query_is_laid_out_anew(session, qtbot):
    """Rows are as tall as what they show (a hit: its heading line and its wrapped snippet,
    taller than its case's one-line row); what the delegate kept is the new rows' own."""
    session.journal.log(1, kind="chat", notes="客服说退款已经处理")
    panel = _panel(session, qtbot)
    _type(qtbot, panel, "withdrawal")
    tree = panel.tree
    first = panel.model.index(0, 0)
    hit = panel.model.index(0, 0, first)
    assert not tree.uniformRowHeights()
    assert tree.visualRect(hit).height() > tree.visualRect(first).height() > 0
    tree.viewport().grab()   # painted: the delegate has laid these rows out (and kept them)
    option = QStyleOptionViewItem()
    option.initFrom(tree)
    old_size = panel.delegate.sizeHint(option, hit)
    panel.field.clear()
    _keys(qtbot, panel.field, "退款")

    def hit_row():
        return panel.model.index(0, 0, panel.model.index(0, 0))
    qtbot.waitUntil(lambda: "<b>退款</b>" in (hit_row().data(HtmlRole) or ""), timeout=WAIT)
    hit = hit_row()
    tree.viewport().grab()
    # What it kept is the new row's own layout: as a delegate that kept nothing lays it out.
    fresh = HighlightDelegate(tree)
    assert panel.delegate.sizeHint(option, hit) == fresh.sizeHint(option, hit)
    assert panel.delegate.sizeHint(option, hit) != old_size


# -- what a row says, and how it fits ------------------------------------------------------

LONG_NOTE = ("Spoke to the second agent after a long wait in the queue; she confirmed the "
             "zebracorn review is open, repeated that the risk team has to look at it first, "
             "that nothing can be done from her side, and that it will take three more days.")


def _hit_of(model, interaction_id):
    for r in range(model.rowCount()):
        case = model.index(r, 0)
        for c in range(model.rowCount(case)):
            hit = model.index(c, 0, case)
            if hit.data(InteractionIdRole) == interaction_id:
                return hit
    raise AssertionError(f"interaction {interaction_id} is not among the results")


def test_the_service_gives_each_hit_its_kind_and_outcome(session):
    failed = session.journal.log(1, kind="call", outcome="no-answer", wait_minutes=5,
                                 notes="withdrawal line: nobody picked up")
    hits = {h.interaction_id: h for h in session.journal.search("withdrawal", limit=50)}
    assert (hits[1].kind, hits[1].outcome) == ("call", "answered")
    assert (hits[failed.id].kind, hits[failed.id].outcome) == ("call", "no-answer")
    assert hits[None].kind is None   # the case's own row


def test_a_hit_row_says_what_it_was_and_when(session, qtbot):
    from journal.ui.kit import formatting
    from journal.ui.search.search_panel import MetaRole
    from journal.ui.search.results_model import IconRole
    chat = session.journal.log(1, kind="chat", notes="withdrawal chat with Lee")
    failed = session.journal.log(1, kind="call", outcome="no-answer", wait_minutes=5,
                                 notes="withdrawal line: nobody picked up")
    panel = _panel(session, qtbot)
    _type(qtbot, panel, "withdrawal")
    call = _hit_of(panel.model, 1)
    when = formatting.date_time("2026-11-20T09:00:00+01:00", with_offset=False)
    assert call.data().startswith(f"Call · {when}")
    assert "Agent said the withdrawal is in review." in call.data()
    spoken = call.data(Qt.ItemDataRole.AccessibleTextRole)
    for part in ("Call", "Coinbase", "Withdrawal stuck since Monday", when,
                 "Agent said the withdrawal is in review."):
        assert part in spoken, (part, spoken)
    assert call.data(MetaRole)[0] == "Call" and call.data(IconRole) == "call"
    assert when in call.data(Qt.ItemDataRole.ToolTipRole)
    assert "UTC+01:00" in call.data(Qt.ItemDataRole.ToolTipRole)   # the offset it had
    assert _hit_of(panel.model, chat.id).data(MetaRole)[0] == "Chat"
    assert "today" in _hit_of(panel.model, chat.id).data()
    row = _hit_of(panel.model, failed.id)
    assert row.data(MetaRole)[0] == "Call · No answer"
    assert row.data(IconRole) == "failed-call"
    case = panel.model.index(0, 0)
    assert "Withdrawal stuck since Monday" in case.data(Qt.ItemDataRole.AccessibleTextRole)
    assert "Coinbase" in case.data(Qt.ItemDataRole.AccessibleTextRole)


def _ink_columns(image, rect, background) -> set[int]:
    """The x of every column of `rect` in `image` with a pixel that is not the background."""
    return {x for x in range(rect.left(), rect.right() + 1)
            for y in range(rect.top(), rect.bottom() + 1)
            if image.pixelColor(x, y) != background}


def test_at_a_narrow_width_the_snippet_wraps_and_fits(session, qtbot):
    from PySide6.QtGui import QPalette
    from journal.ui.search.result_delegate import HIT_LINES, MARGIN
    logged = session.journal.log(1, kind="email", notes=LONG_NOTE)
    panel = _panel(session, qtbot)
    panel.resize(900, 440)
    _type(qtbot, panel, "zebracorn")
    tree = panel.tree
    hit = _hit_of(panel.model, logged.id)
    wide = tree.visualRect(hit).height()
    panel.resize(300, 500)
    qtbot.waitUntil(lambda: tree.visualRect(hit).height() > wide, timeout=WAIT)
    rect = tree.visualRect(hit)
    option = QStyleOptionViewItem()
    option.initFrom(tree)
    option.rect = rect
    wrapped = panel.delegate.wrapped(option, hit)
    assert 2 <= len(wrapped.lines) <= HIT_LINES
    width = panel.delegate._text_width(option, hit)
    assert all(line.naturalTextWidth() <= width for line in wrapped.lines)
    # The size asked before painting (no rect yet) is the height painted.
    option.rect = option.rect.__class__()
    assert panel.delegate.sizeHint(option, hit).height() == rect.height()
    # The match is in view, and the text cut short ends with "…".
    start, length = wrapped.ranges[0]
    assert wrapped.text[start:start + length].lower() == "zebracorn"
    assert start + length <= wrapped.visible_end()
    assert wrapped.ellipsis_at is not None
    # Painted: nothing is drawn in the row's right margin (no glyph cut at the edge).
    panel.tree.clearSelection()
    panel.tree.setCurrentIndex(panel.model.index(0, 0))
    image = tree.viewport().grab().toImage()
    background = tree.palette().color(QPalette.ColorRole.Base)
    text_part = rect.adjusted(0, MARGIN, -MARGIN, -MARGIN)
    ink = _ink_columns(image, text_part, background)
    assert ink, "the row was not painted"
    margin = rect.adjusted(rect.width() - MARGIN, MARGIN, 0, -MARGIN)
    assert not _ink_columns(image, margin, background)


def test_a_match_beyond_the_lines_shown_is_brought_into_view(qapp):
    from PySide6.QtGui import QFont
    from journal.ui.search.result_delegate import lay_out
    text = LONG_NOTE
    start = text.index("zebracorn")
    wrapped = lay_out(text, ((start, 9),), QFont(), 120, 3)
    s, n = wrapped.ranges[0]
    assert wrapped.text.startswith("…")
    assert wrapped.text[s:s + n] == "zebracorn"
    assert s + n <= wrapped.visible_end()
