"""Correcting an entry (a new revision, with a reason) and reading every earlier revision."""
from __future__ import annotations

import html

from PySide6.QtCore import QDateTime
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextBrowser,
    QVBoxLayout,
)

from ...domain import times
from ...domain.model import Interaction, Outcome
from ..kit import formatting, labels
from ..kit.messages import error_label, ok_cancel
from ..kit.session import weak


def _seconds(text: str | None) -> int | None:
    return int(times.instant(text)) if text else None


def _time_edit(text: str | None, parent) -> QDateTimeEdit:
    """A date-time field at the offset the event had, so a correction keeps that offset."""
    edit = QDateTimeEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
    if text:
        value = formatting.to_qdatetime(text)
        edit.setTimeZone(value.timeZone())
        edit.setDateTime(value)
    else:
        edit.setDateTime(QDateTime.currentDateTime())
    return edit


class AmendDialog(QDialog):
    """Change what was recorded about an interaction (as read from the journal, off the GUI
    thread, by whoever opens this); the journal keeps the original."""

    def __init__(self, session, interaction: Interaction, parent=None):
        super().__init__(parent)
        self._session = session
        self.interaction_id = interaction.id
        self.original = item = interaction
        self.setWindowTitle(self.tr("Amend entry"))
        self.setObjectName("amendDialog")

        intro = QLabel(self.tr("Your change is added as a new revision with today's date. The "
                               "original stays in the record and anyone reading the case can "
                               "see both."), self)
        intro.setWordWrap(True)

        self.note = QPlainTextEdit(self)
        self.note.setObjectName("note")
        self.note.setPlainText(item.notes)
        self.note.setTabChangesFocus(True)
        self.agent = QLineEdit(item.agent or "", self)
        self.agent.setObjectName("agent")
        self.outcome = QComboBox(self)
        for value, text in labels.choices(Outcome, labels.outcome):
            self.outcome.addItem(text, value)
        self.outcome.setCurrentIndex(self.outcome.findData(item.outcome.value))
        self.start = _time_edit(item.started_at, self)
        self.has_end = QCheckBox(self.tr("Ended"), self)
        self.has_end.setChecked(item.ended_at is not None)
        self.has_end.setEnabled(item.ended_at is None)  # an amendment corrects, never erases
        self.end = _time_edit(item.ended_at or item.started_at, self)
        self.end.setEnabled(item.ended_at is not None)
        self.has_end.toggled.connect(self.end.setEnabled)
        end_row = QHBoxLayout()
        end_row.addWidget(self.has_end)
        end_row.addWidget(self.end, 1)
        self.wait = QDoubleSpinBox(self)
        self.wait.setDecimals(0)
        self.wait.setRange(-1, 24 * 60)
        self.wait.setSpecialValueText(self.tr("not recorded"))
        self.wait.setSuffix(self.tr(" min"))
        self.wait.setValue(item.wait_minutes if item.wait_minutes is not None else -1)
        self.reference = QLineEdit(self)
        self.reference.setObjectName("reference")
        self.reference.setPlaceholderText(self.tr("e.g. ticket:CB-55120 or just the number"))
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("Why are you changing this entry?"))

        form = QFormLayout()
        form.addRow(self.tr("&Note:"), self.note)
        form.addRow(self.tr("&Agent:"), self.agent)
        form.addRow(self.tr("&Outcome:"), self.outcome)
        form.addRow(self.tr("&Started:"), self.start)
        end_label = QLabel(self.tr("En&d:"), self)
        end_label.setBuddy(self.end)   # the time is what the label names, to a screen reader too
        form.addRow(end_label, end_row)
        form.addRow(self.tr("&Waited:"), self.wait)
        form.addRow(self.tr("Add a re&ference:"), self.reference)
        form.addRow(self.tr("&Reason (required):"), self.reason)

        self.error = error_label(self)
        self.buttons = ok_cancel(self, self.tr("Save amendment"))
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setToolTip(self.tr("Ctrl+Enter"))
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(560, 520)

        for signal in (self.note.textChanged, self.agent.textChanged,
                       self.outcome.currentIndexChanged, self.start.dateTimeChanged,
                       self.end.dateTimeChanged, self.has_end.toggled, self.wait.valueChanged,
                       self.reference.textChanged, self.reason.textChanged):
            signal.connect(self._update)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self._save)
        self._saving = False
        self._update()
        self.note.setFocus()

    def changes(self) -> dict:
        """The amend() keywords for what the user changed (nothing for what they left)."""
        item, changed = self.original, {}
        if self.note.toPlainText() != item.notes:
            changed["notes"] = self.note.toPlainText()
        if self.agent.text().strip() != (item.agent or ""):
            changed["agent"] = self.agent.text().strip()
        if self.outcome.currentData() != item.outcome.value:
            changed["outcome"] = self.outcome.currentData()
        if self.start.dateTime().toSecsSinceEpoch() != _seconds(item.started_at):
            changed["start"] = formatting.from_qdatetime(self.start.dateTime())
        if self.has_end.isChecked() and (
                self.end.dateTime().toSecsSinceEpoch() != _seconds(item.ended_at)):
            changed["end"] = formatting.from_qdatetime(self.end.dateTime())
        wait = self.wait.value()
        if wait >= 0 and (item.wait_minutes is None or abs(wait - item.wait_minutes) >= 0.5):
            changed["wait_minutes"] = wait
        if self.reference.text().strip():
            changed["references"] = [self.reference.text().strip()]
        return changed

    def _update(self, *_args) -> None:
        ready = bool(self.reason.text().strip()) and bool(self.changes()) and not self._saving
        self.ok.setEnabled(ready)

    def _save(self) -> None:
        if not self.ok.isEnabled():
            return
        changes, reason, iid = self.changes(), self.reason.text().strip(), self.interaction_id
        self._saving = True
        self._update()
        self.error.hide()
        self._session.submit(lambda j: j.amend(iid, reason=reason, **changes),
                             on_done=weak(self._saved), on_error=weak(self._failed))

    def _saved(self, _interaction) -> None:
        self._saving = False
        self.accept()

    def _failed(self, sentence: str) -> None:
        self._saving = False
        self.error.setText(sentence)
        self.error.show()
        self._update()


_FIELDS = ("notes", "agent", "outcome", "kind", "contact", "started_at", "ended_at",
           "wait_minutes", "language")


class HistoryDialog(QDialog):
    """Every revision of one interaction, oldest first, as the record holds them."""

    def __init__(self, session, interaction_id: int, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("History of this entry"))
        self.setObjectName("historyDialog")
        self.text = QTextBrowser(self)
        self.text.setObjectName("history")
        self.text.setAccessibleName(self.windowTitle())
        self.text.setOpenLinks(False)
        session.read(lambda j: j.history(interaction_id), weak(self._show),
                     weak(self._not_read))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(620, 520)

    def _show(self, entries) -> None:
        if entries:
            self.text.setHtml(self._html(entries))

    def _not_read(self, sentence: str) -> None:
        self.text.setPlainText(sentence)

    def _field(self, name: str, value) -> str:
        if value is None or value == "":
            value = self.tr("(empty)")
        elif name in ("started_at", "ended_at"):
            value = formatting.date_time(value)
        elif name == "outcome":
            value = labels.outcome(value)
        elif name == "kind":
            value = labels.interaction_kind(value)
        elif name == "wait_minutes":
            value = formatting.duration(value)
        title = {"agent": self.tr("Agent: {0}"), "outcome": self.tr("Outcome: {0}"),
                 "kind": self.tr("Kind: {0}"), "contact": self.tr("Contact: {0}"),
                 "started_at": self.tr("Started: {0}"), "ended_at": self.tr("Ended: {0}"),
                 "wait_minutes": self.tr("Waited: {0}"),
                 "language": self.tr("Language: {0}")}[name]
        return title.format(value)

    def _html(self, entries) -> str:
        parts, previous = [], None
        for entry in entries:
            body, when = entry.body, formatting.date_time(entry.recorded_at)
            if entry.action == "void":
                head = self.tr("Voided · recorded {0}").format(when)
            else:
                revision = body.get("revision", 1)
                head = self.tr("Revision {0} · recorded {1}").format(revision, when)
            parts.append(f"<h3>{html.escape(head)}</h3>")
            if body.get("reason"):
                reason = self.tr("Reason: {0}").format(body["reason"])
                parts.append(f"<p><i>{html.escape(reason)}</i></p>")
            if entry.action == "void":
                continue
            details = [self._field(name, body.get(name)) for name in _FIELDS[1:]
                       if name in body and (previous is None and name in ("agent", "started_at")
                                            or previous is not None
                                            and body.get(name) != previous.get(name))]
            if details:
                parts.append("<p>" + "<br>".join(html.escape(d) for d in details) + "</p>")
            note = body.get("notes") or self.tr("(no note)")
            parts.append("<p style='white-space: pre-wrap'>" + html.escape(note) + "</p><hr>")
            previous = body
        return "".join(parts)

