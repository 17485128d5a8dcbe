"""The framed warning about a contact, in a room of fixed height.

The banner sits above fields the user is about to click, and its text changes while a number
is typed. A banner that grew with its text pushed those fields down under the pointer (a
click meant for the wait landed in the note), so its height never follows the text: it
shows what fits in a few lines, and the whole text is a click away (and in its tooltip).
"""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPalette, QTextLayout
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

BANNER_LINES = 2      # lines of text the banner has room for
MIN_CHARS, MAX_CHARS = 44, 100   # long lines are hard to read in a wide window
_BORDER, _MARGIN_X, _MARGIN_Y = 2, 8, 6
# (border, text) on a light and on a dark background
_RED = (("#c62828", "#b71c1c"), ("#ef5350", "#ff8a80"))
_AMBER = (("#e0a000", "#7a4a00"), ("#ffb300", "#ffd54f"))


def clamp(text: str, font: QFont, width: int, lines: int, room: int = 0) -> tuple[str, bool]:
    """`text` wrapped at `width` into at most `lines` lines, the last one elided when the
    rest does not fit, leaving `room` pixels free at its end; and whether anything was left
    out."""
    metrics = QFontMetrics(font)
    paragraphs = text.split("\n")
    wrapped: list[tuple[int, int]] = []   # (paragraph, start) of each line
    for number, paragraph in enumerate(paragraphs):
        layout = QTextLayout(paragraph, font)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(1, width))
            wrapped.append((number, line.textStart()))
        layout.endLayout()
    shown = []
    for index, (number, start) in enumerate(wrapped[:lines]):
        following = wrapped[index + 1] if index + 1 < len(wrapped) else None
        end = following[1] if following and following[0] == number else None
        shown.append(paragraphs[number][start:end].rstrip())
    cut = len(wrapped) > lines
    if cut:
        number, start = wrapped[lines - 1]
        shown[-1] = metrics.elidedText(paragraphs[number][start:].rstrip() + " …",
                                       Qt.TextElideMode.ElideRight, max(1, width - room))
    return "\n".join(shown), cut


def line_height(font: QFont) -> int:
    """The height of a line of text, Chinese included: its glyphs come from a fallback font
    that is often taller than the font asked for."""
    layout = QTextLayout("Ag 汉字", font)
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    return max(QFontMetrics(font).lineSpacing(), int(line.height() + 0.999))


class ClampedLabel(QLabel):
    """A label whose size never depends on its text: it shows what fits."""

    def __init__(self, lines: int, parent: QWidget):
        super().__init__(parent)
        self.lines = lines
        self.full = ""
        self.cut = False
        self.on_cut = None
        self.room = 0   # pixels left free at the end of a cut last line
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def set_full_text(self, text: str) -> None:
        self.full = text
        self._fit()

    def text_height(self) -> int:
        return line_height(self.font()) * self.lines + 2

    def sizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * MIN_CHARS, self.text_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.text_height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        shown, self.cut = clamp(self.full, self.font(), self.width(), self.lines, self.room)
        self.setText(shown)
        if self.on_cut is not None:
            self.on_cut(self.cut)


class ContactBanner(QFrame):
    """A framed warning with an icon: red when the contact is reported fake, amber otherwise.
    Its height is fixed for `lines` lines of text; the rest is under "Details"."""

    def __init__(self, parent: QWidget | None = None, lines: int = BANNER_LINES):
        super().__init__(parent)
        self.setObjectName("contactBanner")
        self.setAccessibleName(self.tr("Contact warning"))
        chars = self.fontMetrics().averageCharWidth()
        self.setMinimumWidth(chars * MIN_CHARS)
        self.setMaximumWidth(chars * MAX_CHARS)
        self.icon = QLabel(self)
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.label = ClampedLabel(lines, self)
        self.label.setObjectName("contactBannerText")
        font = QFont(self.font())
        font.setWeight(QFont.Weight.DemiBold)
        self.label.setFont(font)
        self.details = QToolButton(self)
        self.details.setText(self.tr("Details…"))
        self.details.setAccessibleName(self.tr("The whole warning"))
        self.details.setAutoRaise(True)
        self.details.setCursor(Qt.CursorShape.PointingHandCursor)
        self.details.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.details.clicked.connect(self.show_details)
        self.details.hide()   # over the end of the last line, when the text is cut
        self.label.room = self.details.sizeHint().width() + 4
        self.label.on_cut = self._cut
        layout = QHBoxLayout(self)
        layout.setContentsMargins(_MARGIN_X, _MARGIN_Y, _MARGIN_X, _MARGIN_Y)
        layout.setSpacing(8)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1, Qt.AlignmentFlag.AlignTop)
        self.setFixedHeight(max(self.label.text_height(), self._icon_size())
                            + 2 * (_MARGIN_Y + _BORDER))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._shown: list[str] = []
        self._popup: QFrame | None = None
        self.severe = False
        self.hide()

    def _cut(self, cut: bool) -> None:
        self._place_details()
        self.details.setVisible(cut)

    def _place_details(self) -> None:
        hint = self.details.sizeHint()
        box = self.label.geometry()   # at the end of the last line, where room was left
        self.details.setGeometry(box.right() - hint.width() + 1,
                                 min(box.bottom(), self.height() - _BORDER) - hint.height() + 1,
                                 hint.width(), hint.height())
        self.details.raise_()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_details()

    def _icon_size(self) -> int:
        return self.fontMetrics().height() * 3 // 2

    def keep_room(self) -> None:
        """Keep the banner's room while it is hidden, so nothing below it moves when it comes
        and goes."""
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)

    def keeps_room(self) -> bool:
        return self.sizePolicy().retainSizeWhenHidden()

    def text(self) -> str:
        """What the banner says, one warning a line (the whole of it, shown or not)."""
        if len(self._shown) > 1:
            return "\n".join("• " + line for line in self._shown)
        return "\n".join(self._shown)

    def shown_text(self) -> str:
        """What fits in the banner: the start of text()."""
        return self.label.text()

    def is_cut(self) -> bool:
        return self.label.cut

    def show_lines(self, lines: list[str], severe: bool = False) -> None:
        """The warnings, most serious first; hidden when there is none."""
        self.severe = severe
        self._shown = list(lines)
        several = len(self._shown) > 1
        self.details.setText(self.tr("All %n warnings…", "", len(self._shown)) if several
                             else self.tr("Details…"))
        self.label.room = self.details.sizeHint().width() + 4
        self.label.set_full_text(self.text())
        self.setToolTip(self.text())
        self.setAccessibleDescription(self.text())
        self._style()
        if lines:
            self.keep_room()   # once shown, its room stays: it will come and go while typing
        self.setVisible(bool(lines))
        if self._popup is not None:
            self._popup.close()

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.is_cut():
            self.show_details()
        super().mouseReleaseEvent(event)

    def show_details(self) -> QFrame:
        """The whole warning in a popup over the banner: nothing under it moves."""
        popup = QFrame(self, Qt.WindowType.Popup)
        popup.setObjectName("contactBanner")
        popup.setStyleSheet(self.styleSheet())
        popup.setAccessibleName(self.tr("Contact warning"))
        text = QLabel(self.text(), popup)
        text.setObjectName("contactBannerText")
        text.setFont(self.label.font())
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(popup)
        layout.setContentsMargins(_MARGIN_X, _MARGIN_Y, _MARGIN_X, _MARGIN_Y)
        layout.addWidget(text)
        popup.setFixedWidth(self.width())
        popup.setFixedHeight(max(self.height(), layout.totalHeightForWidth(self.width())))
        popup.move(self.mapToGlobal(self.rect().topLeft()))
        popup.show()
        self._popup = popup
        popup.destroyed.connect(lambda *_: setattr(self, "_popup", None))
        popup.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return popup

    def _style(self) -> None:
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        border, text = (_RED if self.severe else _AMBER)[dark]
        base = self.palette().color(QPalette.ColorRole.Base).name()
        self.setStyleSheet(
            f"QFrame#contactBanner {{ border: {_BORDER}px solid {border}; border-radius: 6px;"
            f" background-color: {base}; }}"
            f" QLabel#contactBannerText {{ color: {text}; border: none; }}"
            f" QToolButton {{ color: {text}; border: none; text-decoration: underline; }}")
        which = (QStyle.StandardPixmap.SP_MessageBoxCritical if self.severe
                 else QStyle.StandardPixmap.SP_MessageBoxWarning)
        size = self._icon_size()
        self.icon.setPixmap(self.style().standardIcon(which).pixmap(size, size))
