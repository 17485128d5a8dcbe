"""The small forms of the dispute tab: a stage of the complaint, and voiding a record. Each
writes through the session; the service's sentence for a bad input is shown in the form, which
stays open, and nothing is saved."""
from __future__ import annotations

from PySide6.QtCore import QDateTime, QSize, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from ...domain.dispute.facts import Body, ComplaintKind, How, StageKind
from ..kit import formatting, palette
from ..kit.messages import error_label, ok_cancel
from ..kit.session import weak
from .dispute_words import choices


def when_edit(parent, *, with_time: bool = True) -> QDateTimeEdit:
    """A date (and time) in the user's locale, now by default, never in the future."""
    edit = QDateTimeEdit(QDateTime.currentDateTime(), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(formatting.date_time_pattern() if with_time
                          else formatting.date_pattern())
    edit.setMaximumDateTime(QDateTime.currentDateTime().addSecs(60))
    return edit


class FormDialog(QDialog):
    """A form with its error line and OK/Cancel; `write()` gives the work to submit."""

    saved = Signal(object)   # the record the service wrote
    width_hint = 480

    def __init__(self, session, title: str, ok_text: str, parent=None):
        super().__init__(parent)
        self._session = session
        self._busy = False
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.error = error_label(self)
        self.error.setPalette(palette.error_palette(self.error))
        self.buttons = ok_cancel(self, ok_text)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def sizeHint(self) -> QSize:
        # Room for a sentence in the error line; no minimum width set: that would stop the
        # layout from keeping a long field (a transaction id) whole.
        hint = super().sizeHint()
        return QSize(max(self.width_hint, hint.width()), hint.height())

    def write(self):
        """The work for the session: a function of the journal."""
        raise NotImplementedError

    def save(self) -> None:
        if self._busy:
            return
        work = self.write()
        if work is None:
            return
        self._busy = True
        self.ok.setEnabled(False)
        self.error.hide()
        self._session.submit(work, on_done=weak(self._saved), on_error=weak(self._failed))

    def _saved(self, record) -> None:
        self._busy = False
        self.saved.emit(record)
        self.accept()

    def _failed(self, sentence: str) -> None:
        self._busy = False
        self.ok.setEnabled(True)
        self.show_error(sentence)

    def show_error(self, sentence: str) -> None:
        self.error.setText(sentence)
        self.error.show()


def _combo(parent, items, *, none: str | None = None) -> QComboBox:
    combo = QComboBox(parent)
    if none is not None:
        combo.addItem(none, None)
    for value, text in items:
        combo.addItem(text, value)
    return combo


class StageDialog(FormDialog):
    """Record a stage of the complaint: the formal complaint, a holding reply, the final
    response, or an escalation (to whom is then required)."""

    def __init__(self, session, case_id: int, parent=None):
        super().__init__(session, self.tr("Add a stage of the complaint"), self.tr("Add stage"),
                         parent)
        self.setObjectName("stageDialog")
        self.case_id = case_id
        self.stage = _combo(self, choices(StageKind))
        self.when = when_edit(self)
        self.how = _combo(self, choices(How), none=self.tr("—"))
        self.reference = QLineEdit(self)
        self.reference.setMaxLength(200)
        self.reference.setPlaceholderText(self.tr("Their complaint or ticket number (optional)"))
        self.to = QComboBox(self)
        self.kind = _combo(self, choices(ComplaintKind))
        self.kind.setCurrentIndex(self.kind.findData(ComplaintKind.OTHER.value))
        self.kind.setToolTip(self.tr("A complaint about a payment or e-money service (a card "
                                     "payment, a transfer) has shorter deadlines"))
        self.to_hint = QLabel(self)
        self.to_hint.setWordWrap(True)
        self.form.addRow(self.tr("Stage:"), self.stage)
        self.form.addRow(self.tr("When:"), self.when)
        self.form.addRow(self.tr("How:"), self.how)
        self.form.addRow(self.tr("Reference:"), self.reference)
        self.form.addRow(self.tr("To whom:"), self.to)
        self.form.addRow(self.tr("Kind of complaint:"), self.kind)
        self.form.addRow("", self.to_hint)
        self.stage.currentIndexChanged.connect(self._stage_chosen)
        self._stage_chosen()

    def _stage_chosen(self, *_args) -> None:
        stage = self.stage.currentData()
        chosen = self.to.currentData()
        self.to.clear()
        if stage != StageKind.ESCALATION.value:   # an escalation always names its body
            self.to.addItem(self.tr("—"), None)
        for value, text in choices(Body):
            self.to.addItem(text, value)
        # A body chosen stays for an escalation; any other stage starts at the platform's own.
        index = self.to.findData(chosen) if stage == StageKind.ESCALATION.value else 0
        self.to.setCurrentIndex(max(0, index))
        self.kind.setEnabled(stage == StageKind.COMPLAINT.value)
        self.to_hint.setText({
            StageKind.ESCALATION.value: self.tr("Whom you took the case to."),
            StageKind.FINAL_RESPONSE.value: self.tr("Leave To whom empty for the platform's "
                                                    "own answer; choose a body for its "
                                                    "answer."),
        }.get(stage, ""))
        self.to_hint.setVisible(bool(self.to_hint.text()))

    def write(self):
        case_id, stage = self.case_id, self.stage.currentData()
        on = formatting.from_qdatetime(self.when.dateTime())
        how, to = self.how.currentData(), self.to.currentData()
        ref = self.reference.text().strip() or None
        kind = self.kind.currentData() if stage == StageKind.COMPLAINT.value else None
        return lambda j: j.add_stage(case_id, stage, on=on, how=how, ref=ref, to=to,
                                     kind=kind)


class VoidDialog(FormDialog):
    """Void a record made by mistake: it stays in the case's history, marked void with the
    reason given here."""

    def __init__(self, session, entity: str, record_id: int, what: str, parent=None):
        super().__init__(session, self.tr("Void a record"), self.tr("Void"), parent)
        self.setObjectName("voidDialog")
        self.entity, self.record_id = entity, record_id
        explain = QLabel(self.tr("“{0}” stays in the case's history and its case file, "
                                 "marked void with your reason.").format(what), self)
        explain.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setMaxLength(500)
        self.reason.setPlaceholderText(self.tr("e.g. recorded twice, wrong date"))
        self.form.addRow(explain)
        self.form.addRow(self.tr("Reason:"), self.reason)
        self.reason.textChanged.connect(
            lambda text: self.ok.setEnabled(bool(text.strip()) and not self._busy))
        self.ok.setEnabled(False)

    def write(self):
        entity, record_id, reason = self.entity, self.record_id, self.reason.text().strip()
        if not reason:
            return None
        return lambda j: j.void_dispute_record(entity, record_id, reason)
