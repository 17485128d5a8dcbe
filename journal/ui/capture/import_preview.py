"""One file of an evidence import, as the Import evidence dialog shows it: what the reader found
in it (its format, messages, senders, time span, the entries it makes, their files and
references), what the case already holds ("skipped"), or the one sentence saying why it cannot
be imported, with a button taking it off the list."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout

from ...domain.evidence.origin import Origin
from ...domain.scam_signs import sign_names
from ..kit import formatting, labels, origin_text
from ..kit.resources import current_language

MOST_NAMES = 4   # senders, files and references named before "and N more"
MOST_WARNINGS = 12   # warnings listed before "and N more"


def _kind(kind: str) -> str:
    """"ticket" as the window names it ("Ticket"); a kind it does not know as it is."""
    try:
        return labels.reference_kind(kind)
    except ValueError:
        return kind


class FilePreview(QFrame):
    """The preview of one file; `plan` (a PlannedFile), `error` or `waiting` says which."""
    removed = Signal(str)

    def __init__(self, path: str, name: str, parent=None):
        super().__init__(parent)
        self.path, self.name = path, name
        self.plan = None
        self.platform = ""
        self.error: str | None = None
        self.need: str | None = None      # "timezone", "date_order" or "chat"
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(name)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.body = QLabel(self.tr("Reading…"))
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # What the user should know before importing: look-alike domains, a first contact,
        # signatures that do not hold. In the warning colour, hidden when there is none.
        self.warnings = QLabel()
        self.warnings.setObjectName("importWarnings")
        self.warnings.setStyleSheet("QLabel#importWarnings { color: #b71c1c; }")
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings.hide()
        self.remove = QToolButton()
        self.remove.setText(self.tr("Remove"))
        self.remove.setAccessibleName(self.tr("Remove {0}").format(name))
        self.remove.clicked.connect(lambda: self.removed.emit(self.path))
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.warnings)
        layout.addWidget(self.body)

    @property
    def to_make(self) -> int:
        return self.plan.to_make if self.plan is not None and self.error is None else 0

    def show_waiting(self) -> None:
        self.plan, self.error, self.need = None, None, None
        self.warnings.hide()
        self.body.setText(self.tr("Reading…"))

    def show_need(self, need: str, sentence: str) -> None:
        self.plan, self.error, self.need = None, None, need
        self.warnings.hide()
        self.body.setText(sentence)

    def show_error(self, sentence: str) -> None:
        self.plan, self.error, self.need = None, sentence, None
        self.warnings.hide()
        self._mark(True)
        self.body.setText(sentence)

    def show_plan(self, plan, platform: str = "") -> None:
        self.plan, self.error, self.need, self.platform = plan, None, None, platform
        self._mark(False)
        self.body.setText(self.describe(plan))
        warned = self.warned(plan)
        self.warnings.setText(warned)
        self.warnings.setVisible(bool(warned))

    def _mark(self, error: bool) -> None:
        """The body in the colour of an error (the style sheet's #error), or not."""
        self.body.setObjectName("error" if error else "")
        self.body.style().unpolish(self.body)
        self.body.style().polish(self.body)

    # -- the words ---------------------------------------------------------------------------

    def _format(self, fmt: str) -> str:
        return {"email": self.tr("E-mail"), "mbox": self.tr("Mailbox (mbox)"),
                "telegram": self.tr("Telegram export"), "whatsapp": self.tr("WhatsApp export"),
                "transcript": self.tr("Chat transcript")}.get(fmt, fmt)

    def _some(self, names) -> str:
        names = list(dict.fromkeys(n for n in names if n))
        shown = ", ".join(names[:MOST_NAMES])
        if len(names) > MOST_NAMES:
            shown = self.tr("{0} and %n more", "", len(names) - MOST_NAMES).format(shown)
        return shown

    def _entry(self, entry) -> str:
        if entry.kind == "email":
            line = self.tr("E-mail entry “{0}”, {1}").format(
                entry.title or self.tr("no subject"), formatting.date_time(entry.start))
        else:
            line = self.tr("Chat entry “{0}”: %n message(s)", "", entry.messages).format(
                entry.title)
        if entry.already_in_case:
            line += " — " + self.tr("already in the case: skipped")
        return "• " + line

    def describe(self, plan) -> str:
        lines = [self.tr("{0}: %n message(s)", "", plan.messages).format(self._format(plan.format))]
        senders = [s for e in plan.entries for s in e.senders]
        if senders:
            lines.append(self.tr("From: {0}").format(self._some(senders)))
        if plan.start:
            span = formatting.date_time(plan.start)
            if plan.end and plan.end != plan.start:
                span = self.tr("{0} to {1}").format(span, formatting.date_time(plan.end))
            lines.append(self.tr("When: {0}").format(span))
        if plan.already_in_case:
            lines.append(self.tr("Already in the case: skipped"))
        else:
            lines.append(self.tr("New entries: %n", "", plan.to_make))
        lines += [self._entry(e) for e in plan.entries[:20]]
        if len(plan.entries) > 20:
            lines.append(self.tr("… and %n more", "", len(plan.entries) - 20))
        files = [a for e in plan.entries for a in e.attachments]
        lines.append(self.tr("Attachments: {0}").format(self._some(files))
                     if files else self.tr("No attachments"))
        refs = [f"{_kind(kind)} {value}" for e in plan.entries
                for kind, _, value in (r.partition(":") for r in e.references)]
        if refs:
            lines.append(self.tr("References found: {0}").format(self._some(refs)))
        lines += self._signatures(plan)
        lines.append(self.tr("The original file is kept with the first entry as an exhibit."))
        return "\n".join(lines)

    def warned(self, plan) -> str:
        """Each entry's warnings, under its title ("" when there is none)."""
        lines, count = [], 0
        for entry in plan.entries:
            said = self._alarms(entry) + origin_text.warnings(entry.origin)
            if not said or entry.already_in_case:
                continue
            count += 1
            if count > MOST_WARNINGS:
                continue
            lines.append("⚠ " + (entry.title or formatting.date_time(entry.start)))
            lines += [f"    {s}" for s in said]
        if count > MOST_WARNINGS:
            lines.append(self.tr("… and %n more with warnings", "",
                                 count - MOST_WARNINGS))
        return "\n".join(lines)

    def _alarms(self, entry) -> list[str]:
        """The scam signs and secrets of an entry's text, as the log dialog's banner says
        them of typed notes."""
        out = []
        if entry.scam_signs:
            names = sign_names(entry.scam_signs, current_language())
            out.append(self.tr("Looks like a scam: the other side {0}. Send nothing.").format(
                self.tr(", ").join(names)))
        if entry.secrets:
            out.append(self.tr("It holds what looks like a seed phrase or private key. Never "
                               "give it to anyone; exports replace it with [redacted]."))
        return out

    def _signatures(self, plan) -> list[str]:
        """One line of the e-mails' DKIM results, counted by outcome; the one note of an
        entry that is not a warning (domains not compared) once for the file."""
        results = [e.origin.dkim for e in plan.entries if e.origin.dkim is not None]
        out = []
        if results:
            counts = {s: sum(r.status == s for r in results)
                      for s in ("pass", "fail", "no-key", "unsigned", "not-checked")}
            words = {"pass": self.tr("%n signed and unchanged", "", counts["pass"]),
                     "fail": self.tr("%n not holding", "", counts["fail"]),
                     "no-key": self.tr("%n without a published key", "", counts["no-key"]),
                     "unsigned": self.tr("%n unsigned", "", counts["unsigned"]),
                     "not-checked": self.tr("%n not checked", "", counts["not-checked"])}
            out.append(self.tr("Signatures (DKIM): {0}").format(
                ", ".join(words[s] for s, n in counts.items() if n)))
        unknown = next((e.origin.not_compared for e in plan.entries
                        if e.origin.not_compared), None)
        if unknown:
            out.append(origin_text.notes(Origin(not_compared=unknown))[0])
        return out
