"""Response times, measured from your own record: a table per platform and a bar chart."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QRectF, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.channels import display_phone
from ..kit import labels
from ..kit.session import weak


def _pct(v) -> str:
    return "–" if v is None else f"{v * 100:.0f}%"


def _mins(v) -> str:
    return "–" if v is None else f"{v:g}"


class StatsModel(QAbstractTableModel):
    """One row per channel of the chosen platform, the platform's totals first."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple[str, dict]] = []

    def set_platform(self, figures: dict | None) -> None:
        self.beginResetModel()
        self._rows = []
        if figures:
            self._rows.append((self.tr("All channels"), figures))
            for c in figures["channels"]:
                try:
                    kind = labels.channel_kind(c["kind"])
                except (KeyError, ValueError):
                    kind = labels.interaction_kind(c["kind"])
                value = display_phone(c["value"]) if c["kind"] == "phone" and c["value"] \
                    else c["value"]
                self._rows.append((f"{kind}: {value}" if value else kind, c))
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 6

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole \
                or not 0 <= section < 6:
            return None
        return (self.tr("Channel"), self.tr("Contacts"), self.tr("Answer rate"),
                self.tr("Median wait (min)"), self.tr("Median first reply (min)"),
                self.tr("Promises kept / broken"))[section]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        name, f = self._rows[index.row()]
        return (name, str(f["contacts"]), _pct(f["answer_rate"]),
                _mins(f["median_wait_minutes"]), _mins(f["median_first_reply_minutes"]),
                f"{f['promises_kept']} / {f['promises_broken']}")[index.column()]

    def figures(self) -> list[tuple[str, dict]]:
        return list(self._rows)


class AnswerRateChart(QWidget):
    """Bars of answer rate per channel (calls only), labelled; drawn with the palette."""

    def __init__(self, model: StatsModel, parent=None):
        super().__init__(parent)
        self.model = model
        self.setMinimumHeight(160)
        # Painted, so a screen reader is given the bars in words.
        self.setAccessibleName(self.tr("Answer rate of calls, per channel"))
        model.modelReset.connect(self.update)
        model.modelReset.connect(self._describe)
        self._describe()

    def bars(self) -> list[tuple[str, float]]:
        return [(name, f["answer_rate"]) for name, f in self.model.figures()[1:]
                if f["answer_rate"] is not None]

    def _describe(self) -> None:
        bars = self.bars()
        self.setAccessibleDescription(QLocale().createSeparatedList(
            [f"{name}: {_pct(rate)}" for name, rate in bars]) if bars
            else self.tr("No calls logged yet: nothing to chart."))

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        bars = self.bars()
        if not bars:
            p.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                       self.tr("No calls logged yet: nothing to chart."))
            return
        fm = self.fontMetrics()
        label_w = min(self.width() // 2, max(fm.horizontalAdvance(n) for n, _ in bars) + 12)
        row_h = min(2 * fm.height(), max(fm.height() + 8,
                                          (self.height() - 8) // max(1, len(bars))))
        for i, (name, rate) in enumerate(bars):
            y = 4 + i * row_h
            p.setPen(palette.color(QPalette.ColorRole.WindowText))
            p.drawText(QRectF(0, y, label_w - 8, row_h), Qt.AlignmentFlag.AlignRight
                       | Qt.AlignmentFlag.AlignVCenter, fm.elidedText(
                           name, Qt.TextElideMode.ElideMiddle, label_w - 8))
            full = self.width() - label_w - 50
            p.fillRect(QRectF(label_w, y + 3, max(2.0, full * rate), row_h - 6),
                       palette.color(QPalette.ColorRole.Highlight))
            p.drawText(QRectF(label_w + full * rate + 6, y, 50, row_h),
                       Qt.AlignmentFlag.AlignVCenter, _pct(rate))


class StatsView(QDialog):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Response times"))
        self.resize(760, 480)
        self.platform = QComboBox()
        self.model = StatsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Response times"))
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.chart = AnswerRateChart(self.model)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        note = QLabel(self.tr("Measured from your own record. Answer rate counts calls; the "
                              "first reply of chats and emails is the wait you recorded."))
        note.setWordWrap(True)
        note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        top = QHBoxLayout()
        platform_label = QLabel(self.tr("Platform:"))
        platform_label.setBuddy(self.platform)
        top.addWidget(platform_label)
        top.addWidget(self.platform, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.chart)
        layout.addWidget(note)
        self._figures: list[dict] = []
        self.platform.currentIndexChanged.connect(self._show)
        self.reload()

    def reload(self) -> None:
        """Read the figures off the GUI thread (a large journal takes a moment)."""
        self.session.read(lambda j: j.stats(), weak(self._read), weak(self.summary_failed))

    def summary_failed(self, sentence: str) -> None:
        self.summary.setText(sentence)

    def _read(self, figures) -> None:
        self._figures = figures
        self.platform.blockSignals(True)
        self.platform.clear()
        for f in self._figures:
            self.platform.addItem(f["platform"])
        self.platform.blockSignals(False)
        self._show(0)

    def _show(self, index: int) -> None:
        figures = self._figures[index] if 0 <= index < len(self._figures) else None
        self.model.set_platform(figures)
        if figures is None:
            self.summary.setText(self.tr("Nothing logged yet."))
            return
        days = figures["median_days_to_resolution"]
        self.summary.setText(self.tr("{0} cases resolved; median days to resolution: {1}.")
                             .format(figures["resolved_cases"], "–" if days is None
                                     else f"{days:g}"))
