"""The waiting plan of `wait_for_sms` / `wait_for_code`, shared by both clients.

Each GetSms asks the server to hold the answer until an SMS arrives (`wait`, at
most 60 s, `after` = the newest SMS seen), so a code is seen within ~0.1 s of
its arrival without polling. A server that answers at once without news (one
older than `wait`, an activation that has ended, a server stopping) is polled
at `poll_interval`, x1.5 per poll up to 5 s.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from otpvirt_client._errors import WaitTimeout
from otpvirt_client._models import Sms


class Waiter:
    """The polling plan of `wait_for_sms` / `wait_for_code`: what counts as arrived, and
    how long to sleep (from `poll_interval`, ×1.5 per poll, up to 5 s, never past the
    deadline)."""

    MAX_INTERVAL = 5.0
    # The longest `wait` the server accepts.
    MAX_HOLD = 60

    def __init__(
        self,
        activation: str,
        *,
        timeout: float,
        poll_interval: float,
        after: Iterable[Sms | str],
        want_code: bool,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if timeout < 0 or poll_interval <= 0:
            raise ValueError("timeout must be >= 0 and poll_interval > 0")
        self.activation = activation
        self.timeout = timeout
        self.want_code = want_code
        self._seen = {s.id if isinstance(s, Sms) else str(s) for s in after}
        self._interval = poll_interval
        self._cap = max(self.MAX_INTERVAL, poll_interval)
        self._clock = clock
        self._deadline = clock() + timeout
        self._pending: list[Sms] = []
        # The newest SMS id the server listed (its `after`), and whether the last
        # answer listed a newer one than that.
        self.newest: str | None = None
        self._moved = False

    def code(self, found: list[Sms]) -> str:
        """The code of the first SMS that `check` found with one."""
        return next(s.code for s in found if s.code)

    def check(self, sms: list[Sms]) -> list[Sms] | None:
        """The new SMS (with a code, for `want_code`) if any arrived, else None."""
        new = [s for s in sms if s.id not in self._seen]
        newest = sms[-1].id if sms else None
        self._moved, self.newest = newest != self.newest, newest
        self._pending = new
        found = [s for s in new if s.code] if self.want_code else new
        return found or None

    def hold(self) -> int:
        """Whole seconds the next GetSms may be held by the server (0: answer at once)."""
        return max(0, min(self.MAX_HOLD, int(self._deadline - self._clock())))

    def after_held(self, hold: int, started: float) -> float:
        """Seconds to sleep after a GetSms held up to `hold` s brought nothing wanted.

        0 when the server did hold it (or listed a new SMS): ask again at once. Raises
        `WaitTimeout` when time is up.
        """
        held = hold > 0 and self._clock() - started >= hold - 0.5
        if (held or self._moved) and self._deadline > self._clock():
            return 0.0
        return self.next_delay()

    def next_delay(self) -> float:
        """Seconds to sleep before the next poll; raises `WaitTimeout` when time is up."""
        remaining = self._deadline - self._clock()
        if remaining <= 0:
            what = "an SMS with a code" if self.want_code else "an SMS"
            raise WaitTimeout(
                f"no {what} for activation {self.activation} within {self.timeout:g} s",
                activation_id=self.activation,
                timeout=self.timeout,
                sms=self._pending,
            )
        delay = min(self._interval, remaining)
        self._interval = min(self._interval * 1.5, self._cap)
        return delay
