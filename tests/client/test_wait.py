"""The polling schedule of the waits: back off to 5 s, never sleep past the deadline."""

from __future__ import annotations

import pytest

from otpvirt.client import WaitTimeout
from otpvirt_client._models import Sms
from otpvirt_client._wait import Waiter


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_polling_backs_off_to_5_seconds_and_stops_at_the_deadline() -> None:
    clock = Clock()
    plan = Waiter("a1", timeout=20, poll_interval=1, after=(), want_code=False, clock=clock)
    delays = []

    def poll_until_timeout() -> None:
        while True:
            assert plan.check([]) is None
            delay = plan.next_delay()
            delays.append(delay)
            clock.now += delay

    with pytest.raises(WaitTimeout) as timed_out:
        poll_until_timeout()
    assert delays == [1, 1.5, 2.25, 3.375, 5, 5, 1.875]
    assert sum(delays) == 20
    assert timed_out.value.activation_id == "a1" and timed_out.value.timeout == 20


def test_poll_interval_above_the_cap_is_kept() -> None:
    clock = Clock()
    plan = Waiter("a", timeout=60, poll_interval=8, after=(), want_code=True, clock=clock)
    assert [plan.next_delay(), plan.next_delay()] == [8, 8]
    with pytest.raises(ValueError, match="poll_interval > 0"):
        Waiter("a", timeout=1, poll_interval=0, after=(), want_code=True)


def test_hold_asks_the_server_for_at_most_60_seconds() -> None:
    clock = Clock()
    plan = Waiter("a", timeout=300, poll_interval=1, after=(), want_code=True, clock=clock)
    assert plan.hold() == 60
    clock.now += 299.5
    assert plan.hold() == 0


def test_after_a_held_request_no_sleep_but_an_early_empty_answer_polls() -> None:
    clock = Clock()
    plan = Waiter("a", timeout=300, poll_interval=2, after=(), want_code=True, clock=clock)
    started = clock.now
    assert plan.check([]) is None
    clock.now += 60  # the server held it the full time
    assert plan.after_held(60, started) == 0
    # An answer at once without news (an older server, an ended lease): poll politely.
    assert plan.check([]) is None
    assert plan.after_held(60, clock.now) == 2
    # A new SMS without a code came: ask again at once, after it.
    sms = Sms(id="s1", sender="x", phone=1, text="hello", code=None)
    assert plan.check([sms]) is None and plan.newest == "s1"
    assert plan.after_held(60, clock.now) == 0
    clock.now = started + 300
    with pytest.raises(WaitTimeout):
        plan.after_held(60, started)
