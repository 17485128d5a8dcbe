"""Export to calendar…: every pending promise and running deadline of the journal as an .ics
file the user's calendar imports (Outlook, Google, Apple); importing it again updates the
events. Written off the GUI thread by the service, as `journal calendar --ics` writes it."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from . import export_places as places

translate = QCoreApplication.translate


class CalendarExport(QObject):
    """Holds the counted sentence: lupdate sees plural forms only in self.tr(text, "", n)."""

    def written(self, n: int) -> str:
        return self.tr("%n event(s) written to {0}: import the file into your calendar; "
                       "importing it again updates them.", "", n)


def export_calendar(window, path: str | None = None) -> None:
    """Ask where (unless `path` is given), then write; the status bar says what was written."""
    if path is None:
        start = places.nearest_folder(Path(places.remembered("folder") or places.documents()))
        path, _ = QFileDialog.getSaveFileName(
            window, translate("CalendarExport", "Export promises and deadlines to a calendar"),
            str(start / "support-journal.ics"),
            translate("CalendarExport", "Calendar files (*.ics)"))
        if not path:
            return
    if not path.lower().endswith(".ics"):
        path += ".ics"

    def done(result) -> None:
        said = CalendarExport().written(result["events"])
        window.statusBar().showMessage(said.format(result["path"]), 15000)

    def failed(sentence: str) -> None:
        QMessageBox.warning(window, translate("CalendarExport", "Export to calendar"), sentence)

    window.session.submit(lambda j: j.write_calendar(path), on_done=done, on_error=failed)
