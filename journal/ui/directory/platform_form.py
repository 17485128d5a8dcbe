"""A platform's details as fields: the Add platform form, and the directory's details pane.

Where to find help (help centre, status page), when support answers and in which time zone,
and which languages and countries it serves: what a user needs before calling.
"""
from __future__ import annotations

import zoneinfo
from functools import cache

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from ...domain.model import Platform, PlatformKind
from ..kit import labels
from ..kit.palette import muted_palette
from ..kit.resources import current_language
from ..kit.session import Session
from .submit_form import SubmitForm, choice_combo, codes, select

# A platform's fields, as PlatformFields names its widgets and the service its arguments.
FIELD_NAMES = ("name", "kind", "website", "help_url", "status_url", "support_hours",
               "time_zone", "languages", "countries")


@cache
def time_zones() -> tuple[str, ...]:
    return tuple(sorted(zoneinfo.available_timezones()))


def country_name(code: str) -> str | None:
    """"Singapore (SG)" from Qt's locale data; None for a code Qt does not know."""
    name = labels.country_name(code)
    return f"{name} ({code.upper()})" if name else None


class TimeZoneCombo(QComboBox):
    """Any IANA zone, typed or picked; typing part of a name ("Singa") offers the matches.
    What is typed is sent as is: the service says so when it is no time zone."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("timeZoneCombo")   # IANA names, the same in every language
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem("")
        self.addItems(list(time_zones()))
        self.setMaxVisibleItems(15)
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.lineEdit().setPlaceholderText(self.tr("e.g. Europe/London"))

    def zone(self) -> str:
        return self.currentText().strip()

    def set_zone(self, name: str | None) -> None:
        index = self.findText(name or "")
        if index >= 0:
            self.setCurrentIndex(index)
        self.setEditText(name or "")


class PlatformFields(QWidget):
    """The fields of a platform, in one column (a form) or two (the directory's pane, which
    is wide and must leave room for the channels below). `submitted`: Enter in a field."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None, columns: int = 1):
        super().__init__(parent)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("e.g. Coinbase"))
        self.kind = choice_combo(self, PlatformKind, labels.platform_kind)
        self.website = QLineEdit(self)
        self.website.setPlaceholderText("https://")
        self.help_url = QLineEdit(self)
        self.help_url.setPlaceholderText("https://")
        self.help_url.setToolTip(self.tr("The platform's help centre or contact page"))
        self.status_url = QLineEdit(self)
        self.status_url.setPlaceholderText("https://")
        self.status_url.setToolTip(self.tr("Where the platform announces outages and delays"))
        self.support_hours = QLineEdit(self)
        self.support_hours.setPlaceholderText(self.tr("e.g. Mon–Fri 09:00–18:00"))
        self.time_zone = TimeZoneCombo(self)
        self.time_zone.setToolTip(self.tr("The time zone the support hours are in"))
        self.languages = QLineEdit(self)
        self.languages.setPlaceholderText(self.tr("e.g. en, zh-CN"))
        self.countries = QLineEdit(self)
        self.countries.setPlaceholderText(self.tr("e.g. US, GB, SG"))
        self.countries.setToolTip(self.tr("Two-letter codes of the countries it serves"))
        self.country_names = QLabel(self)
        self.country_names.setObjectName("countryNames")
        self.country_names.setWordWrap(True)
        self.country_names.setPalette(muted_palette(self.country_names))
        self.country_names.hide()
        self.countries.textChanged.connect(self._name_countries)

        rows = [(self.tr("&Name:"), self.name), (self.tr("&Kind:"), self.kind),
                (self.tr("&Website:"), self.website), (self.tr("&Help centre:"), self.help_url),
                (self.tr("&Status page:"), self.status_url),
                (self.tr("Support h&ours:"), self.support_hours),
                (self.tr("&Time zone:"), self.time_zone),
                (self.tr("&Languages:"), self.languages),
                (self.tr("Co&untries:"), self.countries)]
        # Each column is a widget of its own: it is read, and tabbed through, top to bottom
        # before the next one (a screen reader and the tab order take it as one group).
        side_by_side = QHBoxLayout(self)
        side_by_side.setContentsMargins(0, 0, 0, 0)
        per_column = -(-len(rows) // columns)
        for column in range(columns):
            box = QWidget(self)
            box.setObjectName(f"platformColumn{column + 1}")
            grid = QGridLayout(box)
            grid.setContentsMargins(0, 0, 0, 0)
            grid.setColumnStretch(1, 1)
            in_column = rows[column * per_column:(column + 1) * per_column]
            for row, (text, field) in enumerate(in_column):
                field.setParent(box)
                label = QLabel(text, box)
                label.setBuddy(field)
                grid.addWidget(label, row, 0)
                grid.addWidget(field, row, 1)
            grid.setRowStretch(len(in_column) + 1, 1)   # a shorter column keeps to the top
            side_by_side.addWidget(box, 1)
        self.country_names.setParent(box)
        grid.addWidget(self.country_names, len(in_column), 1)   # under the countries
        for field in self.line_edits():
            field.returnPressed.connect(self.submitted)
        self.time_zone.lineEdit().returnPressed.connect(self.submitted)

    def line_edits(self) -> list[QLineEdit]:
        return [self.name, self.website, self.help_url, self.status_url, self.support_hours,
                self.languages, self.countries]

    def tab_chain(self) -> list[QWidget]:
        """The fields in the order Tab visits them (down the first column, then the second)."""
        return [self.name, self.kind, self.website, self.help_url, self.status_url,
                self.support_hours, self.time_zone, self.languages, self.countries]

    def values(self) -> dict:
        """The keyword arguments of add_platform / update_platform ("" clears a field)."""
        return dict(name=self.name.text(), kind=self.kind.currentData(),
                    website=self.website.text().strip(), help_url=self.help_url.text().strip(),
                    status_url=self.status_url.text().strip(),
                    support_hours=self.support_hours.text().strip(),
                    time_zone=self.time_zone.zone(), languages=codes(self.languages.text()),
                    countries=codes(self.countries.text()))

    def set_platform(self, p: Platform | None) -> None:
        self.name.setText(p.name if p else "")
        select(self.kind, p.kind if p else PlatformKind.OTHER)
        self.website.setText(p.website or "" if p else "")
        self.help_url.setText(p.help_url or "" if p else "")
        self.status_url.setText(p.status_url or "" if p else "")
        self.support_hours.setText(p.support_hours or "" if p else "")
        self.time_zone.set_zone(p.time_zone if p else None)
        self.languages.setText(", ".join(p.languages) if p else "")
        self.countries.setText(", ".join(p.countries) if p else "")
        for field in self.tab_chain():
            field.setEnabled(p is not None)

    def _name_countries(self, text: str) -> None:
        # Qt names countries in English only: a Chinese window keeps to the codes.
        english = current_language() == "en"
        names = [n for n in (country_name(c) for c in codes(text)) if n] if english else []
        self.country_names.setText(", ".join(names))
        self.country_names.setVisible(bool(names))


class PlatformForm(SubmitForm):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.setWindowTitle(self.tr("Add platform"))
        self.setMinimumWidth(520)
        self.fields = PlatformFields(self)
        self.body.insertWidget(0, self.fields)
        for name in FIELD_NAMES:   # form.website, as the user finds it in the form
            setattr(self, name, getattr(self.fields, name))
        self.tab_through(self.fields.tab_chain())

    def work(self):
        values = self.fields.values()
        name = values.pop("name")
        return lambda j: j.add_platform(name, **values)
