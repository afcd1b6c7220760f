"""`otpvirt client number --wait`: a live spinner until the SMS comes, then confirm; on
timeout or Ctrl-C cancel the lease so the money comes back."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field

from rich.live import Live
from rich.spinner import Spinner

from otpvirt.cli import client_io as io
from otpvirt.client import Activation, Client, Sms, SmsAlreadyReceivedError, WaitTimeout


@dataclass
class Outcome:
    """How a waited-for lease ended."""

    status: str  # "confirmed" or "cancelled"
    exit_code: int
    sms: list[Sms] = field(default_factory=list)
    refunded: bool = False

    @property
    def code(self) -> str | None:
        return next((s.code for s in self.sms if s.code), None)


class _Waiting:
    """A spinner whose text shows the time spent so far (rendered on every refresh)."""

    def __init__(self, act: Activation, timeout: float) -> None:
        self._act = act
        self._timeout = timeout
        self._start = time.monotonic()
        self._spinner = Spinner("dots", style="cyan")

    def __rich__(self) -> Spinner:
        spent = int(time.monotonic() - self._start)
        self._spinner.update(
            text=f"waiting for the SMS to {self._act.phone}  {spent // 60}:{spent % 60:02d}"
            f" / {int(self._timeout) // 60}:{int(self._timeout) % 60:02d}"
            "  [dim](Ctrl-C cancels and refunds)[/]"
        )
        return self._spinner


@contextmanager
def _live(act: Activation, timeout: float) -> Iterator[None]:
    with Live(_Waiting(act, timeout), console=io.err_console, transient=True, refresh_per_second=8):
        yield


def wait_and_finish(
    otp: Client, act: Activation, service: str, *, timeout: float, json_out: bool
) -> Outcome:
    """Wait for the SMS and confirm, or cancel (refund) on timeout / Ctrl-C."""
    show = not json_out and io.err_console.is_terminal
    spinner: AbstractContextManager[None] = _live(act, timeout) if show else nullcontext()
    try:
        # Everything after the lease is inside: a Ctrl-C at any point cancels it.
        if not json_out:
            io.console.print(
                f"Number [bold]{act.phone}[/] for {service} (activation {act.id}, "
                f"charged {act.amount})"
            )
        with spinner:
            got = otp.wait_for_sms(act, timeout=timeout)
    except WaitTimeout:
        why = f"no SMS within {timeout:g} s"
        return _give_up(otp, act, why, io.EXIT_WAIT_TIMEOUT, json_out)
    except KeyboardInterrupt:
        return _give_up(otp, act, "interrupted", io.EXIT_INTERRUPTED, json_out)
    return _finish(otp, act, got, json_out)


def _finish(otp: Client, act: Activation, got: list[Sms], json_out: bool) -> Outcome:
    if not json_out:
        for sms in got:
            if sms.code:
                io.console.print(f"Code [bold green]{sms.code}[/] (from {sms.sender})")
            else:
                io.console.print(f"SMS from {sms.sender}, no code found in it: {sms.text}")
    otp.confirm(act)
    if not json_out:
        io.note(f"activation {act.id} confirmed")
    return Outcome("confirmed", io.EXIT_OK, got)


def _give_up(otp: Client, act: Activation, why: str, code: int, json_out: bool) -> Outcome:
    try:
        otp.cancel(act)
    except SmsAlreadyReceivedError:
        # It came in the last moment: it is paid for and cannot be refunded, so show it.
        return _finish(otp, act, otp.get_sms(act), json_out)
    if not json_out:
        io.err_console.print(
            f"[bold yellow]{why}[/]: activation {act.id} cancelled, {act.amount} refunded",
            soft_wrap=True,
        )
    return Outcome("cancelled", code, refunded=True)
