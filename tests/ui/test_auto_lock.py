"""Auto-lock: idle after the interval, postponed by keyboard and mouse activity."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QElapsedTimer, QPoint, Qt
from PySide6.QtWidgets import QLineEdit

from journal.ui.kit import auto_lock as auto_lock_module
from journal.ui.kit.auto_lock import AutoLock
from tests.ui import WAIT

INTERVAL = 300
SLOW = 800


class ManualClock:
    """The clock AutoLock measures idleness with, in the tests of postponing: its time moves
    only when the test moves it, so a busy machine cannot turn the moment between two key
    presses into an idle interval. The countdown's timer still runs on real time; the tests
    let it fire, and it reads this clock."""

    def __init__(self):
        self.now = 0
        clock = self

        class Elapsed:  # what AutoLock uses of QElapsedTimer
            def __init__(self):
                self._start = clock.now

            def start(self):
                self._start = clock.now

            def restart(self):
                elapsed, self._start = clock.now - self._start, clock.now
                return elapsed

            def elapsed(self):
                return clock.now - self._start

        self.Elapsed = Elapsed

    def advance(self, ms: int) -> None:
        self.now += ms


@pytest.fixture
def auto_lock(qapp):
    lock = AutoLock()
    yield lock
    lock.stop()
    lock.deleteLater()


@pytest.fixture
def on_a_manual_clock(qapp, monkeypatch):
    """An AutoLock measuring idleness on a ManualClock, and the clock."""
    clock = ManualClock()
    monkeypatch.setattr(auto_lock_module, "QElapsedTimer", clock.Elapsed)
    lock = AutoLock()
    yield lock, clock
    lock.stop()
    lock.deleteLater()


@pytest.fixture
def field(qtbot):
    widget = QLineEdit()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget, timeout=WAIT)
    return widget


def test_idle_fires_after_the_interval(qtbot, auto_lock):
    clock = QElapsedTimer()
    clock.start()
    auto_lock.set_interval_ms(INTERVAL)
    assert auto_lock.is_active()
    with qtbot.waitSignal(auto_lock.idle, timeout=WAIT):
        pass
    assert clock.elapsed() >= INTERVAL - 20
    assert not auto_lock.is_active()  # once; it waits for resume() or poke()


def test_typing_and_the_mouse_postpone_idle(qtbot, on_a_manual_clock, field):
    auto_lock, clock = on_a_manual_clock
    auto_lock.set_interval_ms(SLOW)
    with qtbot.assertNotEmitted(auto_lock.idle):
        for step in range(16):  # 16 x 100 ms of activity: twice the interval
            clock.advance(100)
            if step % 2:
                qtbot.keyClick(field, Qt.Key.Key_A)
            else:
                qtbot.mouseMove(field, QPoint(5 + step, 5))
                qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
            qtbot.wait(100)  # on the real clock too: the countdown's timer fires, and looks
    active_for = clock.now
    assert active_for > SLOW
    # Idle a whole interval after the last activity, and not a millisecond before.
    with qtbot.assertNotEmitted(auto_lock.idle, wait=SLOW + 200):
        clock.advance(SLOW - 1)
    with qtbot.waitSignal(auto_lock.idle, timeout=WAIT):
        clock.advance(1)
    assert clock.now >= active_for + SLOW


def test_poke_postpones_idle(qtbot, on_a_manual_clock):
    auto_lock, clock = on_a_manual_clock
    auto_lock.set_interval_ms(SLOW)
    with qtbot.assertNotEmitted(auto_lock.idle):
        for _ in range(6):
            clock.advance(200)
            qtbot.wait(200)  # on the real clock too: the countdown's timer fires, and looks
            auto_lock.poke()
    with qtbot.waitSignal(auto_lock.idle, timeout=WAIT):
        clock.advance(SLOW)


def test_pause_stops_counting_and_resume_starts_again(qtbot, auto_lock):
    auto_lock.set_interval_ms(INTERVAL)
    auto_lock.pause()
    assert not auto_lock.is_active()
    with qtbot.assertNotEmitted(auto_lock.idle, wait=2 * INTERVAL):
        pass
    auto_lock.poke()  # activity while paused does not start it
    assert not auto_lock.is_active()
    auto_lock.resume()
    with qtbot.waitSignal(auto_lock.idle, timeout=WAIT):
        pass


def test_zero_minutes_is_off(qtbot, auto_lock):
    auto_lock.set_minutes(5)
    assert auto_lock.interval_ms() == 5 * 60_000 and auto_lock.is_active()
    auto_lock.set_minutes(0)
    assert not auto_lock.is_active()
    auto_lock.resume()
    assert not auto_lock.is_active()
    with qtbot.assertNotEmitted(auto_lock.idle, wait=200):
        pass
