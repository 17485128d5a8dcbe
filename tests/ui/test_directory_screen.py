"""The directory: platforms, their details and their channels, edited like a user would."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from journal.ui.directory_screen import ChannelForm, DirectoryScreen, PlatformForm


def _screen(session, qtbot) -> DirectoryScreen:
    screen = DirectoryScreen(session)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def _ok(qtbot, form):
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)


def _names(screen):
    return [screen.platform_list.item(r).text() for r in range(screen.platform_list.count())]


def _row(screen, row):
    return [screen.channel_table.item(row, c).text() for c in range(screen.COLUMNS)]


def _add_platform(qtbot, screen, name, website=""):
    qtbot.mouseClick(screen.add_platform_button, Qt.MouseButton.LeftButton)
    form = screen.form_dialog
    assert isinstance(form, PlatformForm) and form.isVisible()
    qtbot.keyClicks(form.name, name)
    if website:
        qtbot.keyClicks(form.website, website)
    _ok(qtbot, form)
    return form


def test_shows_the_platform_its_channels_and_why_the_source_matters(session, qtbot):
    screen = _screen(session, qtbot)
    assert _names(screen) == ["Coinbase"]
    assert screen.name.text() == "Coinbase"
    assert screen.website.text() == "https://coinbase.com"
    assert screen.kind.currentData() == "exchange"
    assert screen.channel_table.rowCount() == 2
    assert ["Phone", "+1 888 908 7930", "Official website", "https://help.coinbase.com",
            ""] in [_row(screen, r) for r in range(2)]
    assert "scammers publish fake support numbers" in screen.why.text()
    assert screen.why.isVisible()


def test_add_a_platform_and_edit_its_website(session, qtbot):
    screen = _screen(session, qtbot)
    _add_platform(qtbot, screen, "Kraken", "https://kraken.com")
    qtbot.waitUntil(lambda: screen.form_dialog is None, timeout=3000)
    assert "Kraken" in _names(screen)
    assert screen.name.text() == "Kraken" and screen.channel_table.rowCount() == 0
    screen.website.clear()
    qtbot.keyClicks(screen.website, "https://support.kraken.com")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: session.call(lambda j: j.platform("Kraken")).website
                    == "https://support.kraken.com", timeout=3000)
    assert screen.name.text() == "Kraken"
    assert screen.website.text() == "https://support.kraken.com"


def test_a_bad_website_is_one_sentence_and_nothing_changes(session, qtbot):
    screen = _screen(session, qtbot)
    screen.website.clear()
    qtbot.keyClicks(screen.website, "coinbase.com")
    qtbot.keyClick(screen.website, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.details_error.isVisible(), timeout=3000)
    assert "must start with https://" in screen.details_error.text()
    assert session.call(lambda j: j.platform("Coinbase")).website == "https://coinbase.com"


def test_a_duplicate_platform_name_shows_the_sentence(session, qtbot):
    screen = _screen(session, qtbot)
    form = _add_platform(qtbot, screen, "Coinbase")
    qtbot.waitUntil(lambda: form.error.isVisible(), timeout=3000)
    assert form.error.text() == "A platform named 'Coinbase' already exists."
    assert form.isVisible() and form.buttons.isEnabled()
    assert _names(screen) == ["Coinbase"]


def test_add_a_channel_then_edit_it(session, qtbot):
    screen = _screen(session, qtbot)
    qtbot.mouseClick(screen.add_channel_button, Qt.MouseButton.LeftButton)
    form = screen.form_dialog
    assert isinstance(form, ChannelForm) and form.channel is None
    form.kind.setCurrentIndex(form.kind.findData("email"))
    qtbot.keyClicks(form.value, "support@coinbase.com")
    assert form.source.currentData() == "official-site"
    qtbot.keyClicks(form.source_url, "https://help.coinbase.com/contact")
    qtbot.keyClicks(form.languages, "en, zh-CN")
    _ok(qtbot, form)
    qtbot.waitUntil(lambda: screen.channel_table.rowCount() == 3, timeout=3000)
    rows = [_row(screen, r) for r in range(3)]
    assert ["Email", "support@coinbase.com", "Official website",
            "https://help.coinbase.com/contact", "en, zh-CN"] in rows

    row = [r[1] for r in rows].index("support@coinbase.com")
    screen.channel_table.selectRow(row)
    qtbot.mouseClick(screen.edit_channel_button, Qt.MouseButton.LeftButton)
    form = screen.form_dialog
    assert form.channel is not None and form.value.text() == "support@coinbase.com"
    assert form.languages.text() == "en, zh-CN"
    cid = form.channel.id
    form.value.clear()
    qtbot.keyClicks(form.value, "help@coinbase.com")
    form.source.setCurrentIndex(form.source.findData("community"))
    _ok(qtbot, form)
    qtbot.waitUntil(lambda: "help@coinbase.com" in
                    [screen.channel_table.item(r, 1).text() for r in range(3)], timeout=3000)
    edited = session.call(lambda j: j.channel(cid))
    assert edited.value == "help@coinbase.com" and edited.source.value == "community"
    assert edited.languages == ("en", "zh-CN")
    assert screen.channel_table.rowCount() == 3


def test_a_bad_language_code_keeps_the_form_open(session, qtbot):
    screen = _screen(session, qtbot)
    qtbot.mouseClick(screen.add_channel_button, Qt.MouseButton.LeftButton)
    form = screen.form_dialog
    qtbot.keyClicks(form.value, "+44 20 0000 0000")
    qtbot.keyClicks(form.languages, "english!")
    _ok(qtbot, form)
    qtbot.waitUntil(lambda: form.error.isVisible(), timeout=3000)
    assert "language code" in form.error.text()
    assert form.isVisible() and screen.channel_table.rowCount() == 2
