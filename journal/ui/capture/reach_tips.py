"""After a call that did not connect: other verified channels, the platform's status page, and
when this platform answers."""
from __future__ import annotations

import weakref

import shiboken6
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QMessageBox, QWidget

from ...domain.channels import display_phone
from ..kit import labels


def _shown(channel) -> str:
    return display_phone(channel.value) if channel.kind.value == "phone" else channel.value


def tips_text(tips: dict) -> str:
    translate = QCoreApplication.translate
    lines = []
    if tips["channels"]:
        others = "\n".join(f"• {labels.channel_kind(c.kind)}: {_shown(c)}"
                           for c in tips["channels"][:5])
        lines.append(translate("ReachTips", "Other verified channels of {0}:").format(
            tips["platform"]) + "\n" + others)
    else:
        lines.append(translate("ReachTips", "No other verified channel of {0} is in your "
                                            "directory yet.").format(tips["platform"]))
    if tips.get("status_url"):
        lines.append(translate("ReachTips", "Check its status page for an outage: {0}")
                     .format(tips["status_url"]))
    elif tips["website"]:
        lines.append(translate("ReachTips", "Check its announcements for an outage: {0}")
                     .format(tips["website"]))
    if tips.get("support_hours"):
        hours = tips["support_hours"]
        if tips.get("time_there"):
            day, clock = tips["time_there"].split()
            now = QLocale().dayName(int(day) + 1, QLocale.FormatType.ShortFormat) + " " + clock
            hours = translate("ReachTips", "{0} ({1}; now {2} there)").format(
                hours, tips["time_zone"], now)
        lines.append(translate("ReachTips", "Its support hours: {0}").format(hours))
    pattern = answered_most(tips)
    if pattern:
        lines.append(pattern)
    return "\n\n".join(lines)


def _weekdays() -> tuple[str, ...]:
    translate = QCoreApplication.translate
    return (translate("ReachTips", "Mondays"), translate("ReachTips", "Tuesdays"),
            translate("ReachTips", "Wednesdays"), translate("ReachTips", "Thursdays"),
            translate("ReachTips", "Fridays"), translate("ReachTips", "Saturdays"),
            translate("ReachTips", "Sundays"))


def answered_most(tips: dict) -> str:
    """When the platform answered calls, with the count it rests on; empty while the
    record is too thin to name a day or an hour (the service decides: best_slots)."""
    translate = QCoreApplication.translate
    locale = QLocale()
    names = _weekdays()
    days = locale.createSeparatedList([names[d] for d in tips.get("best_weekdays", ())])
    hours = locale.createSeparatedList([f"{h:02d}:00" for h in tips.get("best_hours", ())])
    n = tips["answered"]
    if days and hours:
        return translate("ReachTips", "In your record (%n answered calls), {0} answered most "
                                      "on {1}, around {2}.", "", n).format(
            tips["platform"], days, hours)
    if days:
        return translate("ReachTips", "In your record (%n answered calls), {0} answered most "
                                      "on {1}.", "", n).format(tips["platform"], days)
    if hours:
        return translate("ReachTips", "In your record (%n answered calls), {0} answered most "
                                      "around {1}.", "", n).format(tips["platform"], hours)
    return ""


def read_tips(journal, interaction_id: int) -> dict | None:
    """On the worker: where else to reach them, if the contact did not connect."""
    record = journal.interaction(interaction_id)
    if not record.outcome.failed:
        return None
    return journal.reach_suggestions(record.case_id, tried_channel_id=record.channel_id,
                                     tried_contact=record.contact)


def show_tips(parent: QWidget, session, interaction_id: int) -> None:
    """A calm note beside the window when the logged contact was a failed attempt (the
    suggestions are read off the GUI thread; nothing is shown for a contact that connected)."""
    window = weakref.ref(parent)

    def answer(tips: dict | None) -> None:
        widget = window()
        if tips is not None and widget is not None and shiboken6.isValid(widget):
            _show(widget, tips)
    session.read(lambda j: read_tips(j, interaction_id), answer, lambda _sentence: None)


def _show(parent: QWidget, tips: dict) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Information,
                      QCoreApplication.translate("ReachTips", "It did not connect"),
                      tips_text(tips), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("reachTips")
    box.setModal(False)
    box.show()
    return box
