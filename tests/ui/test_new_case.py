"""The new-case dialog's categories: the ones people hit most come first, refund and a
hacked account among them, in English and in Chinese."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from journal.domain.model import CaseCategory
from journal.ui.cases.new_case_dialog import NewCaseDialog
from journal.ui.kit import resources
from tests.ui import WAIT

MOST_HIT = ["withdrawal", "deposit", "account-frozen", "account-hacked", "scam", "refund"]


def _dialog(qtbot, session) -> NewCaseDialog:
    dialog = NewCaseDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.platform.count() > 0, timeout=WAIT)
    return dialog


def _offered(dialog) -> list[tuple[str, str]]:
    combo = dialog.category
    return [(combo.itemData(i), combo.itemText(i)) for i in range(combo.count())]


def test_the_categories_people_hit_most_come_first_and_other_last(session, qtbot):
    offered = _offered(_dialog(qtbot, session))
    values = [value for value, _ in offered]
    assert values[:len(MOST_HIT)] == MOST_HIT
    assert values[-1] == "other" and sorted(values) == sorted(c.value for c in CaseCategory)
    texts = dict(offered)
    assert texts["refund"] == "Refund" and texts["account-hacked"] == "Account hacked"


def test_a_refund_case_opens_with_the_refund_checklist(session, qtbot):
    dialog = _dialog(qtbot, session)
    assert dialog.category.currentData() == "other"  # nothing chosen for the user
    dialog.category.setFocus()
    for _ in range(dialog.category.count()):  # up from "Other", the last one
        if dialog.category.currentData() == "refund":
            break
        qtbot.keyClick(dialog.category, Qt.Key.Key_Up)
    qtbot.keyClicks(dialog.title, "Refund of the failed order")
    with qtbot.waitSignal(dialog.caseOpened, timeout=WAIT) as opened:
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    case = session.journal.case(opened.args[0])
    assert case.category is CaseCategory.REFUND
    texts = [item.text for item in session.journal.checklist(case.id)]
    assert "Has the refund been issued, and what is its reference?" in texts


@pytest.fixture
def chinese():
    assert resources.install_language("zh_CN"), "the Chinese translation is built (make)"
    yield
    resources.install_language("en")


def test_the_chinese_dialog_offers_them_in_chinese(session, qtbot, chinese):
    offered = _offered(_dialog(qtbot, session))
    assert [value for value, _ in offered][:len(MOST_HIT)] == MOST_HIT
    texts = dict(offered)
    assert texts["refund"] == "退款" and texts["account-hacked"] == "账户被盗"
    assert texts["withdrawal"] == "提现" and texts["scam"] == "诈骗"
