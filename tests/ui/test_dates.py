"""Dates that cannot be misread (a month name or ISO order, per locale), and the fallback of a
C/POSIX system: English, ISO dates, A4 paper, business days of no country."""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from journal.domain import system_locale
from journal.ui.kit import formatting, resources, settings

EVENT = "2026-12-01T14:03:00+08:00"   # a date whose day and month could swap: 12/1 or 1/12


@pytest.fixture
def locale_named():
    """Sets QLocale's default for the test; the one before comes back after it."""
    before = QLocale()

    def use(name: str) -> QLocale:
        QLocale.setDefault(QLocale(name))
        return QLocale()
    yield use
    QLocale.setDefault(before)


def this_year(month: int = 3, day: int = 4) -> str:
    now = datetime.now(timezone.utc)
    return datetime(now.year, month, day, 9, 30, tzinfo=timezone.utc).isoformat()


@pytest.mark.parametrize("name, shown, with_time", [
    ("en_US", "Dec 1, 2026", "Dec 1, 2026, 2:03 PM"),
    ("en_GB", "1 Dec 2026", "1 Dec 2026 14:03"),
    ("zh_CN", "2026年12月1日", "2026年12月1日 14:03"),
    ("C", "2026-12-01", "2026-12-01 14:03"),
    ("en_CA", "2026-12-01", "2026-12-01 2:03\u202fp.m."),   # CLDR writes the year first there
])
def test_dates_name_the_month_or_put_the_year_first(locale_named, name, shown, with_time):
    locale_named(name)
    assert formatting.date(EVENT) == shown
    got = formatting.date_time(EVENT, with_offset=False)
    assert got.replace("\u202f", " ") == with_time.replace("\u202f", " ")  # Qt: a narrow space
    assert formatting.date_time(EVENT) == f"{got} (UTC+08:00)"
    assert "/" not in got and "12/1" not in got and "1/12" not in got


@pytest.mark.parametrize("name, without_year", [
    ("en_US", "Mar 4"), ("en_GB", "4 Mar"), ("zh_CN", "3月4日")])
def test_the_year_is_left_out_in_this_year_only_where_the_month_is_named(
        locale_named, name, without_year):
    locale_named(name)
    assert formatting.date(this_year(), year=False) == without_year
    assert str(datetime.now().year) in formatting.date(this_year())
    assert "2020" in formatting.date("2020-03-04T09:30:00+00:00", year=False)


def test_iso_dates_keep_their_year(locale_named):
    locale_named("C")
    year = datetime.now(timezone.utc).year
    assert formatting.date(this_year(), year=False) == f"{year}-03-04"


def test_relative_days_and_due_dates_carry_an_unmistakable_date(locale_named):
    locale_named("en_US")
    now = datetime.now(timezone.utc).astimezone()
    long_ago = (now - timedelta(days=400)).isoformat(timespec="seconds")
    assert formatting.relative_day(now.isoformat()) == "today"
    shown = formatting.relative_day(long_ago)
    assert shown == formatting.date(long_ago) and "," in shown   # "Oct 28, 2025"
    due = (now + timedelta(days=2, hours=1)).isoformat(timespec="seconds")
    text = formatting.due_text(due, with_date=True)
    assert text.startswith(formatting.due_text(due) + " · ")
    assert text.endswith(formatting.date(due, year=False))
    assert "/" not in text


def test_edit_formats_name_the_month(locale_named):
    assert formatting.date_time_pattern(locale_named("en_US")) == "MMM d, yyyy, h:mm\u202fAp"
    assert formatting.date_time_pattern(locale_named("en_GB")) == "d MMM yyyy HH:mm"
    assert formatting.date_time_pattern(locale_named("C")) == "yyyy-MM-dd HH:mm"
    assert formatting.date_pattern(locale_named("zh_CN")) == "yyyy年M月d日"


@pytest.mark.parametrize("name, env, posix", [
    ("C", {"LANG": "C.UTF-8"}, True),
    ("C", {"LC_ALL": "POSIX"}, True),
    ("C", {}, True),                                   # nothing set: Qt says C
    ("en_US", {"LANG": "en_US_POSIX"}, True),          # Qt reads en_US_POSIX as en_US
    ("en_US", {"LC_ALL": "en_US_POSIX.UTF-8", "LANG": "de_DE"}, True),
    ("en_US", {"LANG": "en_US.UTF-8"}, False),
    ("zh_CN", {"LANG": "C", "LC_MESSAGES": "zh_CN.UTF-8"}, False),
    ("en_GB", {"LANG": "C"}, False),                   # Qt took it from elsewhere (macOS)
])
def test_the_c_locale_is_told_from_the_name_and_the_environment(name, env, posix):
    assert system_locale.is_posix(name, env) is posix
    if posix:
        assert system_locale.territory(name, env) == ""
        assert system_locale.paper(name, env) == "a4"
        assert settings.language_for(["zh-Hans-CN", "zh"], name, env) == "en"


@pytest.mark.parametrize("name, country, paper", [
    ("en_US", "US", "letter"), ("en_CA", "CA", "letter"), ("fr_CA", "CA", "letter"),
    ("en_GB", "GB", "a4"), ("zh_CN", "CN", "a4"), ("es_419", "", "a4"), ("en", "", "a4")])
def test_country_and_paper_follow_a_real_locale(name, country, paper):
    env = {"LANG": f"{name}.UTF-8"}
    assert system_locale.territory(name, env) == country
    assert system_locale.paper(name, env) == paper


def test_a_c_system_gets_english_iso_dates_and_no_country(monkeypatch):
    monkeypatch.setattr(QLocale, "system", staticmethod(QLocale.c))
    try:
        assert settings.language() == "en" and settings.country() == ""
        resources.install_language("en")
        assert QLocale().language() == QLocale.Language.C
        assert formatting.date_time(EVENT, with_offset=False) == "2026-12-01 14:03"
        resources.install_language("zh_CN")   # chosen in Preferences: Chinese forms
        assert formatting.date(EVENT) == "2026年12月1日"
    finally:
        monkeypatch.undo()
        resources.install_language("en")
    settings.set_country("de")
    assert settings.country() == "DE"   # until the user picks one


def test_the_window_started_under_lc_all_c(tmp_path):
    """End to end, in a process of its own, as `LC_ALL=C journal` starts the window."""
    script = (
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from journal.ui.kit import formatting, resources, settings\n"
        "from journal.export.pdf import _paper\n"
        "resources.install_language(settings.language())\n"
        "print(resources.current_language(), repr(settings.country()), _paper(None),\n"
        "      formatting.date_time('2026-12-01T14:03:00+00:00', with_offset=False), sep='|')\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(LC_ALL="C", LANGUAGE="zh_CN", QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(tmp_path), HOME=str(tmp_path))
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", script], env=env, cwd=root,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "en|''|a4|2026-12-01 14:03"


def test_the_longest_due_text_sizes_a_column(locale_named):
    locale_named("en_GB")
    text = formatting.longest_due_text()
    assert text.startswith("overdue by 99 ") and text.endswith(" 2025")


def test_due_days_are_counted_by_the_calendar_as_the_date_beside_them_reads(locale_named):
    resources.install_language("en")   # its file gives the plural forms
    locale_named("en_GB")
    now = datetime.now().astimezone()
    three_days_ago = (now - timedelta(days=3)).replace(hour=23, minute=59, second=0)
    assert formatting.due_text(three_days_ago.isoformat()) == "overdue by 3 days"
    tomorrow_early = (now + timedelta(days=1)).replace(hour=0, minute=1, second=0)
    assert formatting.due_text(tomorrow_early.isoformat()) == "due in 1 day"
    if now.hour < 23:
        assert formatting.due_text((now + timedelta(minutes=5)).isoformat()) == "due today"
