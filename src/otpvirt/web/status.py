"""The HTTP status of a project error, for every JSON and HTML area that is not the API's
envelope (the admin API, gateways, pages)."""

from __future__ import annotations

from otpvirt.auth.lockout import LockedOut
from otpvirt.errors import (
    ActivationFinished,
    BadCredentials,
    Conflict,
    NotFound,
    OtpVirtError,
    SmsAlreadyReceived,
)


def status_of(exc: OtpVirtError) -> int:
    """The HTTP status for a project error."""
    if isinstance(exc, BadCredentials):
        return 401
    if isinstance(exc, LockedOut):
        return 429
    if isinstance(exc, NotFound):
        return 404
    if isinstance(exc, Conflict | ActivationFinished | SmsAlreadyReceived):
        return 409
    if exc.code == 2:
        return 503
    return 400
