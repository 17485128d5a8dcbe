"""Preferences: shown from the settings, saved on OK, announced when changed."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from journal.ui.dialogs.preferences_dialog import PreferencesDialog
from journal.ui.kit import settings
from tests.ui import WAIT


@pytest.fixture
def dialog(qtbot):
    dlg = PreferencesDialog()
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg, timeout=WAIT)
    return dlg


def button(dlg, which):
    return dlg.buttons.button(which)


def test_it_shows_the_defaults_and_names_languages_in_themselves(dialog):
    names = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert names == ["As the system", "English", "简体中文"]
    assert dialog.language.currentIndex() == 0
    assert dialog.auto_lock.value() == 5
    assert (dialog.auto_lock.minimum(), dialog.auto_lock.maximum()) == (0, 240)
    codes = [dialog.country.itemData(i) for i in range(dialog.country.count())]
    assert {"CN", "DE", "US", "GB"} <= set(codes) and all(len(c) <= 2 for c in codes)
    assert dialog.country.itemText(dialog.country.findData("DE")) == "Germany · Deutschland (DE)"


def test_ok_saves_and_announces_what_changed(qtbot, dialog):
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    dialog.auto_lock.selectAll()
    qtbot.keyClicks(dialog.auto_lock, "12")
    dialog.country.setCurrentIndex(dialog.country.findData("DE"))
    heard = []
    for signal in (dialog.languageChanged, dialog.autoLockChanged, dialog.countryChanged):
        signal.connect(heard.append)
    qtbot.mouseClick(button(dialog, QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert heard == ["zh_CN", 12, "DE"]
    assert settings.chosen_language() == "zh_CN" and settings.language() == "zh_CN"
    assert settings.auto_lock_minutes() == 12 and settings.country() == "DE"
    assert not dialog.isVisible()

    again = PreferencesDialog()
    qtbot.addWidget(again)
    assert again.language.currentData() == "zh_CN" and again.auto_lock.value() == 12
    assert again.country.currentData() == "DE"


def test_zero_means_never_and_only_changed_things_are_announced(qtbot, dialog):
    dialog.auto_lock.setValue(0)
    assert dialog.auto_lock.text() == "Never"
    with qtbot.assertNotEmitted(dialog.languageChanged), \
            qtbot.assertNotEmitted(dialog.countryChanged), \
            qtbot.waitSignal(dialog.autoLockChanged, check_params_cb=lambda n: n == 0,
                             timeout=WAIT):
        qtbot.keyClick(dialog.auto_lock, Qt.Key.Key_Return)  # Enter presses OK
    assert settings.auto_lock_minutes() == 0


def test_cancel_changes_nothing(qtbot, dialog):
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.auto_lock.setValue(30)
    with qtbot.assertNotEmitted(dialog.languageChanged), \
            qtbot.assertNotEmitted(dialog.autoLockChanged):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert settings.chosen_language() == "" and settings.auto_lock_minutes() == 5


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_two_controls_share_an_accelerator(qtbot, language):
    from journal.ui.kit import resources
    from tests.ui.accelerators import accelerator_clashes, accelerator_texts

    assert resources.install_language(language), "the translation is built (make)"
    try:
        dlg = PreferencesDialog()
        qtbot.addWidget(dlg)
        dlg.show()
        qtbot.waitExposed(dlg, timeout=WAIT)
        assert len(accelerator_texts(dlg)) >= 3   # the walk sees the three labels
        assert accelerator_clashes(dlg) == {}
    finally:
        resources.install_language("en")


def test_the_clash_finder_finds_a_clash(qtbot):
    from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

    from tests.ui.accelerators import accelerator_clashes, mnemonic
    page = QWidget()
    qtbot.addWidget(page)
    form = QFormLayout(page)
    form.addRow("语言(&L)：", QLineEdit())
    form.addRow("自动锁定(&L)：", QLineEdit())
    form.addRow("Fish && &chips:", QLineEdit())
    page.show()
    assert accelerator_clashes(page) == {"l": ["语言(&L)：", "自动锁定(&L)："]}
    assert (mnemonic("Fish && chips"), mnemonic("Auto-&lock")) == ("", "l")


def test_a_system_of_no_country_offers_weekends_only(qtbot, monkeypatch):
    from PySide6.QtCore import QLocale
    monkeypatch.setattr(QLocale, "system", staticmethod(QLocale.c))
    assert settings.country() == ""
    dlg = PreferencesDialog()
    qtbot.addWidget(dlg)
    assert dlg.country.currentData() == "" and dlg.country.currentIndex() == 0
    assert dlg.country.currentText() == "None (weekends only)"
