"""The note after a failed attempt names the status page when the platform has one."""
from __future__ import annotations

from journal.ui.capture.reach_tips import tips_text


def test_the_status_page_and_verified_numbers_as_people_read_them(session, qtbot):
    j = session.journal
    j.update_platform("Coinbase", status_url="https://status.coinbase.com")
    j.add_channel("Coinbase", kind="phone", value="+1 800 555 0123", source="official-site")
    j.add_channel("Coinbase", kind="phone", value="+1 800 555 0199", source="community")
    tips = j.reach_suggestions(1, tried_channel_id=1)
    text = tips_text(tips)
    assert "Check its status page for an outage: https://status.coinbase.com" in text
    assert "+1 800-555-0123" in text          # verified, shown formatted
    assert "555-0199" not in text and "5550199" not in text   # unverified: not suggested
    assert "https://coinbase.com" not in text  # the status page, not the home page


def test_the_support_hours_with_the_time_it_is_there(session, qtbot):
    j = session.journal
    j.update_platform("Coinbase", support_hours="Mon-Fri 09:00-18:00",
                      time_zone="Asia/Singapore")
    tips = j.reach_suggestions(1)
    day, clock = tips["time_there"].split()
    assert 0 <= int(day) <= 6 and len(clock) == 5
    text = tips_text(tips)
    assert "Its support hours: Mon-Fri 09:00-18:00 (Asia/Singapore; now " in text
    assert f"{clock} there)" in text



def test_one_answered_call_is_no_pattern(session, qtbot):
    tips = session.journal.reach_suggestions(1)   # the fixture: one answered call, on a Friday
    assert tips["answered"] == 1
    assert "answered most" not in tips_text(tips)


def test_a_pattern_is_said_with_the_count_it_rests_on(session, qtbot):
    from journal.ui.capture import reach_tips
    j = session.journal
    for start in ("2026-11-03T21:05:00+01:00", "2026-11-10T21:20:00+01:00",
                  "2026-11-17T21:40:00+01:00", "2026-11-24T21:15:00+01:00",
                  "2026-12-01T21:30:00+01:00",       # five Tuesdays at 21
                  "2026-11-18T21:50:00+01:00", "2026-11-05T10:00:00+01:00"):
        j.log(1, kind="call", contact="+1 888 908 7930", start=start)
    box = reach_tips._show(None, j.reach_suggestions(1))   # the note the user sees
    qtbot.addWidget(box)
    assert ("In your record (8 answered calls), Coinbase answered most on Tuesdays, around "
            "21:00.") in box.text()
