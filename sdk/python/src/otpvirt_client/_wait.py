"""The polling plan of `wait_for_sms` / `wait_for_code`, shared by both clients."""

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

    def code(self, found: list[Sms]) -> str:
        """The code of the first SMS that `check` found with one."""
        return next(s.code for s in found if s.code)

    def check(self, sms: list[Sms]) -> list[Sms] | None:
        """The new SMS (with a code, for `want_code`) if any arrived, else None."""
        new = [s for s in sms if s.id not in self._seen]
        self._pending = new
        found = [s for s in new if s.code] if self.want_code else new
        return found or None

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
