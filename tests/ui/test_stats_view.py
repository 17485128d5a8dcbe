"""Response times in the window: the same figures as `journal stats`, with a chart."""
from __future__ import annotations

from journal.ui.dialogs.stats_view import StatsModel, StatsView


def test_the_view_shows_the_platform_and_its_channels(session, qtbot, qtmodeltester):
    session.journal.log(1, kind="call", contact="+1 888 908 7930", outcome="busy")
    session.journal.log(1, kind="chat", contact="help.coinbase.com/chat", wait_minutes=7)
    view = StatsView(session)
    qtbot.addWidget(view)
    view.show()
    session.wait()   # the figures are read off the GUI thread
    qtmodeltester.check(view.model)
    assert view.platform.currentText() == "Coinbase"
    rows = [[view.model.index(r, c).data() for c in range(6)]
            for r in range(view.model.rowCount())]
    assert rows[0][:3] == ["All channels", "3", "50%"]      # 2 calls, 1 answered
    assert rows[0][3] == "12" and rows[0][4] == "7"
    phone = next(r for r in rows if "+1 888-908-7930" in r[0])
    assert phone[1:3] == ["2", "50%"]
    assert view.chart.bars() and view.chart.bars()[0][1] == 0.5
    assert view.chart.grab().width() > 0
    assert "median days to resolution" in view.summary.text()


def test_an_empty_model_passes_the_tester(qtmodeltester):
    model = StatsModel()
    model.set_platform(None)
    qtmodeltester.check(model)
    assert model.rowCount() == 0
