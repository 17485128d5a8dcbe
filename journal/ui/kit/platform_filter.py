"""The "All platforms / Binance / …" filter box that the case list and search both show."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox


def refill(combo: QComboBox, all_text: str, platforms, key) -> int:
    """Refill `combo` with `all_text` and each platform (its data: key(platform)), keeping
    the one chosen before selected, without emitting a change. Returns the index of the one
    chosen before, -1 if it is gone (the filter then shows all), 0 if none was chosen."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(all_text, None)
    for p in platforms:
        combo.addItem(p.name, key(p))
    found = combo.findData(chosen) if chosen is not None else 0
    combo.setCurrentIndex(max(found, 0))
    combo.blockSignals(False)
    return found
