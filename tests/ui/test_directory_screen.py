"""The directory: platforms, their details and their channels, edited like a user would."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from journal.ui.directory.channel_table import ChannelTableModel
from journal.ui.directory.directory_screen import ChannelForm, DirectoryScreen, PlatformForm
from journal.ui.kit import formatting
from journal.ui.kit.palette import warning_colour
from tests.ui import WAIT

STATUS, KIND, VALUE, LANGUAGES, HOURS, CHECKED, SOURCE, SOURCE_URL = range(8)


def _screen(session, qtbot) -> DirectoryScreen:
    screen = DirectoryScreen(session)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen, timeout=WAIT)
    session.wait()   # the directory is read off the GUI thread
    return screen


def _activate(qtbot, window):
    """Keyboard focus and window shortcuts need the window active, as for a person at it."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)


def _ok(qtbot, form):
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)


def _names(screen):
    return [screen.platform_list.item(r).text() for r in range(screen.platform_list.count())]


def _cell(screen, row, column):
    model = screen.channel_table.model()
    return model.data(model.index(row, column))


def _rows(screen):
    model = screen.channel_table.model()
    return [[_cell(screen, r, c) for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def _values(screen):
    return [row[VALUE] for row in _rows(screen)]


def _row_of(screen, value):
    return _values(screen).index(value)


def _add_platform(qtbot, screen, name, website=""):
    qtbot.mouseClick(screen.add_platform_button, Qt.MouseButton.LeftButton)
    form = screen.form_dialog
    assert isinstance(form, PlatformForm) and form.isVisible()
    qtbot.keyClicks(form.name, name)
    if website:
        qtbot.keyClicks(form.website, website)
    return form


def _open_channel_form(qtbot, screen, value=None) -> ChannelForm:
    if value is None:
        qtbot.mouseClick(screen.add_channel_button, Qt.MouseButton.LeftButton)
    else:
        screen.channel_table.selectRow(_row_of(screen, value))
        qtbot.mouseClick(screen.edit_channel_button, Qt.MouseButton.LeftButton)
    form = screen.form_dialog
    assert isinstance(form, ChannelForm) and form.isVisible()
    return form


def _today() -> str:
    return formatting.date(QDate.currentDate().toString(Qt.DateFormat.ISODate))


def _add_lingual_channels(journal):
    for value, languages in (("zh@coinbase.com", ["zh"]), ("cn@coinbase.com", ["zh-CN"]),
                             ("en@coinbase.com", ["en"]), ("tw@coinbase.com", ["zh-TW", "en"])):
        journal.add_channel("Coinbase", kind="email", value=value, source="official-site",
                            languages=languages)


def test_shows_the_platform_its_channels_and_why_the_source_matters(session, qtbot):
    screen = _screen(session, qtbot)
    assert _names(screen) == ["Coinbase"]
    assert screen.name.text() == "Coinbase"
    assert screen.website.text() == "https://coinbase.com"
    assert screen.kind.currentData() == "exchange"
    assert ["Verified", "Phone", "+1 888-908-7930", "", "", _today(), "Official website",
            "https://help.coinbase.com"] in _rows(screen)
    assert "scammers publish fake support numbers" in screen.why.text()
    assert screen.why.isVisible() and not screen.warning.isVisible()


def test_a_chinese_window_keeps_to_country_codes(session, qtbot):
    from journal.ui.kit import resources
    assert resources.install_language("zh_CN"), "the Chinese translation is built (make)"
    try:
        form = _add_platform(qtbot, _screen(session, qtbot), "Kraken")
        qtbot.keyClicks(form.countries, "us, gb")
        assert form.fields.country_names.text() == ""   # Qt names countries in English only
        assert form.fields.country_names.isHidden()
        form.reject()
    finally:
        resources.install_language("en")


def test_add_a_platform_with_every_detail_and_read_it_back(session, qtbot):
    screen = _screen(session, qtbot)
    form = _add_platform(qtbot, screen, "Kraken", "https://kraken.com")
    form.kind.setCurrentIndex(form.kind.findData("exchange"))
    qtbot.keyClicks(form.help_url, "https://support.kraken.com")
    qtbot.keyClicks(form.status_url, "https://status.kraken.com")
    qtbot.keyClicks(form.support_hours, "24/7")
    qtbot.keyClicks(form.time_zone.lineEdit(), "America/New_York")
    qtbot.keyClicks(form.languages, "en, zh-CN")
    qtbot.keyClicks(form.countries, "us, gb")
    assert "United States (US)" in form.fields.country_names.text()
    _ok(qtbot, form)
    qtbot.waitUntil(lambda: screen.form_dialog is None, timeout=WAIT)
    session.wait()
    kraken = session.journal.platform("Kraken")
    assert (kraken.kind.value, kraken.website, kraken.help_url, kraken.status_url) == (
        "exchange", "https://kraken.com", "https://support.kraken.com",
        "https://status.kraken.com")
    assert (kraken.support_hours, kraken.time_zone) == ("24/7", "America/New_York")
    assert kraken.languages == ("en", "zh-CN") and kraken.countries == ("GB", "US")
    assert screen.name.text() == "Kraken" and screen.channel_model.rowCount() == 0
    assert screen.time_zone.zone() == "America/New_York"
    assert screen.countries.text() == "GB, US" and screen.help_url.text().endswith("kraken.com")


def test_a_bad_time_zone_in_the_form_is_one_sentence_and_nothing_is_added(session, qtbot):
    screen = _screen(session, qtbot)
    form = _add_platform(qtbot, screen, "Kraken")
    qtbot.keyClicks(form.time_zone.lineEdit(), "Mars/Olympus")
    qtbot.keyClick(form.name, Qt.Key.Key_Return)   # Enter in a field is OK
    qtbot.waitUntil(lambda: form.error.isVisible(), timeout=WAIT)
    assert form.error.text() == ("'Mars/Olympus' is not a time zone; use a name such as "
                                 "Europe/London, America/New_York or Asia/Shanghai.")
    assert form.isVisible() and form.buttons.isEnabled()
    assert _names(screen) == ["Coinbase"]
    assert [p.name for p in session.journal.platforms()] == ["Coinbase"]


def test_the_time_zone_is_found_by_part_of_its_name(session, qtbot):
    screen = _screen(session, qtbot)
    completer = screen.time_zone.completer()
    completer.setCompletionPrefix("singa")
    assert completer.currentCompletion() == "Asia/Singapore"


def test_a_bad_country_in_the_details_is_one_sentence_and_nothing_changes(session, qtbot):
    screen = _screen(session, qtbot)
    qtbot.keyClicks(screen.support_hours, "Mon-Fri 09:00-18:00")
    qtbot.keyClicks(screen.countries, "US, XX")
    qtbot.keyClick(screen.countries, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.details_error.isVisible(), timeout=WAIT)
    assert screen.details_error.text() == ("'XX' is not a two-letter country code such as US, "
                                           "GB, SG or CN.")
    coinbase = session.journal.platform("Coinbase")
    assert coinbase.countries == () and coinbase.support_hours is None


def test_edit_the_details_with_ctrl_s_and_clear_a_field(session, qtbot):
    session.journal.update_platform("Coinbase", help_url="https://help.coinbase.com",
                                    time_zone="America/Los_Angeles")
    screen = _screen(session, qtbot)
    assert screen.help_url.text() == "https://help.coinbase.com"
    assert screen.time_zone.zone() == "America/Los_Angeles"
    _activate(qtbot, screen)
    screen.help_url.clear()
    screen.time_zone.set_zone("Europe/London")
    qtbot.keyClicks(screen.languages, "en")
    qtbot.keyClick(screen.languages, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: session.journal.platform("Coinbase").time_zone
                    == "Europe/London", timeout=WAIT)
    coinbase = session.journal.platform("Coinbase")
    assert coinbase.help_url is None and coinbase.languages == ("en",)
    assert coinbase.website == "https://coinbase.com"


def test_add_a_platform_and_edit_its_website(session, qtbot):
    screen = _screen(session, qtbot)
    _ok(qtbot, _add_platform(qtbot, screen, "Kraken", "https://kraken.com"))
    qtbot.waitUntil(lambda: screen.form_dialog is None, timeout=WAIT)
    session.wait()
    assert "Kraken" in _names(screen)
    assert screen.name.text() == "Kraken" and screen.channel_model.rowCount() == 0
    screen.website.clear()
    qtbot.keyClicks(screen.website, "https://support.kraken.com")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: session.journal.platform("Kraken").website
                    == "https://support.kraken.com", timeout=WAIT)
    session.wait()
    assert screen.name.text() == "Kraken"
    assert screen.website.text() == "https://support.kraken.com"


def test_a_bad_website_is_one_sentence_and_nothing_changes(session, qtbot):
    screen = _screen(session, qtbot)
    screen.website.clear()
    qtbot.keyClicks(screen.website, "coinbase.com")
    qtbot.keyClick(screen.website, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.details_error.isVisible(), timeout=WAIT)
    assert "must start with https://" in screen.details_error.text()
    assert session.journal.platform("Coinbase").website == "https://coinbase.com"


def test_a_duplicate_platform_name_shows_the_sentence(session, qtbot):
    screen = _screen(session, qtbot)
    form = _add_platform(qtbot, screen, "Coinbase")
    _ok(qtbot, form)
    qtbot.waitUntil(lambda: form.error.isVisible(), timeout=WAIT)
    assert form.error.text() == "A platform named 'Coinbase' already exists."
    assert form.isVisible() and form.buttons.isEnabled()
    assert _names(screen) == ["Coinbase"]


def test_a_phone_number_is_stored_in_e164_and_shown_formatted(session, qtbot):
    screen = _screen(session, qtbot)
    form = _open_channel_form(qtbot, screen)
    assert form.kind.currentData() == "phone" and form.status.currentData() == "verified"
    assert form.last_checked.date() == QDate.currentDate()
    assert form.last_checked.maximumDate() == QDate.currentDate()
    qtbot.keyClicks(form.value, "+1 (888) 908-7931")
    qtbot.keyClicks(form.hours, "24/7")
    qtbot.keyClicks(form.languages, "en")
    qtbot.keyClick(form.value, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.channel_model.rowCount() == 3, timeout=WAIT)
    session.wait()
    stored = [c for c in session.journal.channels("Coinbase")
              if c.value == "+18889087931"]
    assert len(stored) == 1 and stored[0].hours == "24/7" and stored[0].verified
    assert ["Verified", "Phone", "+1 888-908-7931", "en", "24/7", _today(), "Official website",
            ""] in _rows(screen)
    assert screen.selected_channel().id == stored[0].id   # the new channel is chosen


def test_a_number_without_its_country_code_is_one_sentence_and_nothing_is_added(session, qtbot):
    screen = _screen(session, qtbot)
    form = _open_channel_form(qtbot, screen)
    qtbot.keyClicks(form.value, "888 908 7931")
    _ok(qtbot, form)
    qtbot.waitUntil(lambda: form.error.isVisible(), timeout=WAIT)
    assert form.error.text() == ("The phone number '888 908 7931' has no country code; write "
                                 "it with + and the country code, e.g. +1 888 908 7930.")
    assert form.isVisible() and screen.channel_model.rowCount() == 2
    assert len(session.journal.channels("Coinbase")) == 2


def test_add_a_channel_then_edit_it(session, qtbot):
    screen = _screen(session, qtbot)
    form = _open_channel_form(qtbot, screen)
    form.kind.setCurrentIndex(form.kind.findData("email"))
    qtbot.keyClicks(form.value, "support@coinbase.com")
    assert form.source.currentData() == "official-site"
    form.source.setCurrentIndex(form.source.findData("community"))
    assert form.status.currentData() == "unverified"   # follows a source not the platform's
    qtbot.keyClicks(form.source_url, "https://help.coinbase.com/contact")
    qtbot.keyClicks(form.languages, "en, zh-CN")
    form.last_checked.setDate(QDate(2026, 1, 5))
    _ok(qtbot, form)
    qtbot.waitUntil(lambda: screen.channel_model.rowCount() == 3, timeout=WAIT)
    session.wait()
    row = _rows(screen)[_row_of(screen, "support@coinbase.com")]
    assert row == ["Unverified", "Email", "support@coinbase.com", "en, zh-CN", "",
                   formatting.date("2026-01-05"),   # "2026-01-05", "Jan 5, 2026", never 1/5/26
                   "Community report", "https://help.coinbase.com/contact"]

    form = _open_channel_form(qtbot, screen, "support@coinbase.com")
    assert form.channel is not None and form.value.text() == "support@coinbase.com"
    assert form.languages.text() == "en, zh-CN" and form.last_checked.date() == QDate(2026, 1, 5)
    cid = form.channel.id
    form.value.clear()
    qtbot.keyClicks(form.value, "help@coinbase.com")
    form.source.setCurrentIndex(form.source.findData("official-site"))
    form.status.setCurrentIndex(form.status.findData("verified"))
    qtbot.mouseClick(form.checked_today, Qt.MouseButton.LeftButton)
    assert form.isVisible()   # the button sets the date; it does not save
    _ok(qtbot, form)
    qtbot.waitUntil(lambda: "help@coinbase.com" in _values(screen), timeout=WAIT)
    session.wait()
    edited = session.journal.channel(cid)
    assert edited.value == "help@coinbase.com" and edited.source.value == "official-site"
    assert edited.languages == ("en", "zh-CN") and edited.verified
    assert edited.last_checked == date.today().isoformat()
    assert screen.channel_model.rowCount() == 3


def test_a_channel_reported_fake_is_red_in_the_list_and_warned_about(session, qtbot):
    screen = _screen(session, qtbot)
    form = _open_channel_form(qtbot, screen, "+1 888-908-7930")
    assert form.value.text() == "+1 888-908-7930"
    form.status.setFocus()
    form.status.setCurrentIndex(form.status.findData("reported-fake"))
    _ok(qtbot, form)
    qtbot.waitUntil(lambda: "Reported fake" in [r[STATUS] for r in _rows(screen)],
                    timeout=WAIT)
    session.wait()
    row = _row_of(screen, "+1 888-908-7930")
    assert session.journal.channel(screen.selected_channel().id).status.value \
        == "reported-fake"
    model = screen.channel_model
    assert model.data(model.index(row, STATUS), Qt.ItemDataRole.ForegroundRole) == \
        warning_colour(QApplication.palette())
    assert model.data(model.index(row, VALUE), Qt.ItemDataRole.FontRole).strikeOut()
    assert screen.selected_channel().value == "+18889087930"
    assert screen.warning.isVisible()
    assert screen.warning.text() == ("+1 888-908-7930 is marked as reported fake: it is "
                                     "probably a scam. Do not call it, pay or share anything.")


def test_the_language_filter_narrows_the_list(session, qtbot):
    _add_lingual_channels(session.journal)
    screen = _screen(session, qtbot)
    combo = screen.language_filter
    offered = [combo.itemData(i) for i in range(combo.count())]
    assert offered == [None, "en", "zh", "zh-CN", "zh-TW"]
    assert combo.itemText(offered.index("zh-CN")) == "简体中文 (zh-CN)"
    assert screen.channel_model.rowCount() == 6
    combo.setFocus()
    combo.setCurrentIndex(offered.index("zh"))
    session.wait()
    assert sorted(_values(screen)) == ["cn@coinbase.com", "tw@coinbase.com", "zh@coinbase.com"]
    combo.setCurrentIndex(offered.index("zh-CN"))
    session.wait()
    assert _values(screen) == ["cn@coinbase.com"]
    combo.setCurrentIndex(offered.index("en"))
    session.wait()
    assert sorted(_values(screen)) == ["en@coinbase.com", "tw@coinbase.com"]
    combo.setCurrentIndex(0)
    session.wait()
    assert screen.channel_model.rowCount() == 6 and not screen.no_channels.isVisible()


def test_a_language_no_channel_of_this_platform_lists_says_so(session, qtbot):
    _add_lingual_channels(session.journal)
    session.journal.add_platform("Kraken")
    screen = _screen(session, qtbot)
    screen.set_language("zh")
    session.wait()
    screen.select_platform(session.journal.platform("Kraken").id)
    session.wait()
    assert screen.channel_model.rowCount() == 0
    assert screen.no_channels.isVisible() and "Chinese (zh)" in screen.no_channels.text()


def test_a_number_recorded_for_two_platforms_is_warned_about(session, qtbot):
    session.journal.add_platform("CoinbaseHelpDesk")
    session.journal.add_channel("CoinbaseHelpDesk", kind="phone", value="+1 888 908 7930",
                                source="community")
    session.journal.update_platform("Coinbase", countries=["GB"])
    screen = _screen(session, qtbot)
    assert screen.name.text() == "Coinbase"
    assert not screen.warning.isVisible()
    screen.channel_table.selectRow(_row_of(screen, "+1 888-908-7930"))
    session.wait()
    assert screen.warning.isVisible()
    lines = screen.warning.text().splitlines()
    assert lines[0] == ("+1 888-908-7930 is also recorded for CoinbaseHelpDesk. A contact "
                        "shared by two platforms is a common sign of a fake support line.")
    assert lines[1].startswith("+1 888-908-7930 is a number in AG, AI, AS, BB, BM, 20 more, ")
    assert lines[1].endswith("but Coinbase lists support in GB only.")
    screen.channel_table.selectRow(_row_of(screen, "help.coinbase.com/chat"))
    session.wait()
    assert not screen.warning.isVisible()


def test_a_bad_language_code_keeps_the_form_open(session, qtbot):
    screen = _screen(session, qtbot)
    form = _open_channel_form(qtbot, screen)
    form.kind.setCurrentIndex(form.kind.findData("email"))
    qtbot.keyClicks(form.value, "uk@coinbase.com")
    qtbot.keyClicks(form.languages, "english!")
    _ok(qtbot, form)
    qtbot.waitUntil(lambda: form.error.isVisible(), timeout=WAIT)
    assert "language code" in form.error.text()
    assert form.isVisible() and screen.channel_model.rowCount() == 2


def test_tab_goes_through_the_form_in_order(session, qtbot):
    screen = _screen(session, qtbot)
    form = _open_channel_form(qtbot, screen)
    _activate(qtbot, form)
    form.kind.setFocus()
    seen = [QApplication.focusWidget()]
    for _ in range(14):   # the date's Tab first steps through day, month and year
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if QApplication.focusWidget() is not seen[-1]:
            seen.append(QApplication.focusWidget())
    ok = form.buttons.button(QDialogButtonBox.StandardButton.Ok)
    cancel = form.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert seen[:11] == [form.kind, form.value, form.source, form.source_url, form.status,
                         form.last_checked, form.checked_today, form.hours, form.languages,
                         ok, cancel]


def test_the_channel_model_passes_the_model_tester(session, qtmodeltester):
    session.journal.add_channel("Coinbase", kind="email", value="fake@coinbase.help",
                                source="community", status="reported-fake", hours="24/7")
    model = ChannelTableModel()
    model.set_channels(session.journal.channels())
    assert {model.data(model.index(r, STATUS)) for r in range(model.rowCount())} == {
        "Verified", "Reported fake"}
    qtmodeltester.check(model)
    model.set_channels([])
    qtmodeltester.check(model)
