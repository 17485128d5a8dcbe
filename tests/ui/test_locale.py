"""Dates follow the user's locale within the chosen language, always with the month named
(or the year first), never a numeric day/month order that reads both ways."""
from __future__ import annotations

from PySide6.QtCore import QLocale

from journal.ui.kit import formatting, resources


def test_an_english_user_in_britain_keeps_day_month_dates(monkeypatch):
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("en_GB")))
    try:
        resources.install_language("en")
        assert QLocale().name() == "en_GB"
        assert formatting.date("2026-11-25T10:00:00+00:00") == "25 Nov 2026"
        resources.install_language("zh_CN")
        assert QLocale().name() == "zh_CN"
        assert formatting.date("2026-11-25T10:00:00+00:00") == "2026年11月25日"
    finally:
        resources.install_language("en")


def test_an_english_user_in_america_gets_month_day_with_the_month_named(monkeypatch):
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("en_US")))
    try:
        resources.install_language("en")
        assert QLocale().name() == "en_US"
        assert formatting.date("2026-12-01T10:00:00+00:00") == "Dec 1, 2026"   # not 12/1/26
    finally:
        resources.install_language("en")
