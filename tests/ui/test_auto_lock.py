"""Auto-lock: idle after the interval, postponed by keyboard and mouse activity."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QElapsedTimer, QPoint, Qt
from PySide6.QtWidgets import QLineEdit

from journal.ui.kit.auto_lock import AutoLock
from tests.ui import WAIT

INTERVAL = 300
SLOW = 800  # where activity must land inside the interval: room for a busy CI machine


@pytest.fixture
def auto_lock(qapp):
    lock = AutoLock()
    yield lock
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


def test_typing_and_the_mouse_postpone_idle(qtbot, auto_lock, field):
    auto_lock.set_interval_ms(SLOW)
    clock = QElapsedTimer()
    clock.start()
    with qtbot.assertNotEmitted(auto_lock.idle):
        for step in range(16):  # 16 x 100 ms of activity: twice the interval
            if step % 2:
                qtbot.keyClick(field, Qt.Key.Key_A)
            else:
                qtbot.mouseMove(field, QPoint(5 + step, 5))
                qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
            qtbot.wait(100)
    active_for = clock.elapsed()
    assert active_for > SLOW
    with qtbot.waitSignal(auto_lock.idle, timeout=WAIT):
        pass
    assert clock.elapsed() >= active_for + SLOW - 150


def test_poke_postpones_idle(qtbot, auto_lock):
    auto_lock.set_interval_ms(SLOW)
    with qtbot.assertNotEmitted(auto_lock.idle):
        for _ in range(6):
            qtbot.wait(200)
            auto_lock.poke()
    with qtbot.waitSignal(auto_lock.idle, timeout=WAIT):
        pass


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
