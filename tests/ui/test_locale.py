"""Dates follow the user's locale within the chosen language."""
from __future__ import annotations

from PySide6.QtCore import QLocale

from journal.ui.kit import formatting, resources


def test_an_english_user_in_britain_keeps_day_month_dates(monkeypatch):
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("en_GB")))
    try:
        resources.install_language("en")
        assert QLocale().name() == "en_GB"
        assert formatting.date("2026-11-25T10:00:00+00:00").startswith("25/11/")
        resources.install_language("zh_CN")
        assert QLocale().name() == "zh_CN"
        assert formatting.date("2026-11-25T10:00:00+00:00").startswith("2026/11/25")
    finally:
        resources.install_language("en")
