"""The SDK's exceptions: one hierarchy under `OtpVirtError` (drawn in the package docstring)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from otpvirt_client._models import Sms


class OtpVirtError(Exception):
    """Base of every error the SDK raises.

    `error` is the API's error number when the server sent one (1-4), `reason` its stable
    snake_case cause (e.g. ``"insufficient_balance"``) and `message` one line for a person.
    """

    def __init__(
        self, message: str, *, error: int | None = None, reason: str | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.error = error
        self.reason = reason

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}({self.message!r}, error={self.error}, reason={self.reason!r})"
        )


class NoNumbersError(OtpVirtError):
    """Error 1: no available number fits the request (nothing was charged)."""


class ServerError(OtpVirtError):
    """Error 2, an HTTP status other than 200, or an answer that is not the API's JSON.

    `status_code` is the HTTP status of the answer (None when the server sent error 2).
    """

    def __init__(
        self,
        message: str,
        *,
        error: int | None = None,
        reason: str | None = None,
        status_code: int | None = None,
    ) -> None:
        super().__init__(message, error=error, reason=reason)
        self.status_code = status_code


class InvalidRequestError(OtpVirtError):
    """Error 3: bad credentials, unknown activation, insufficient balance, bad input...

    Tell the causes apart by `reason` (``"bad_credentials"``, ``"activation_not_found"``,
    ``"activation_finished"``, ``"insufficient_balance"``, ``"validation_failed"``...).
    """


class SmsAlreadyReceivedError(OtpVirtError):
    """Error 4: cancel refused because an SMS already arrived; confirm the lease instead."""


class TransportError(OtpVirtError):
    """The server could not be reached, or the connection failed or timed out.

    `maybe_processed` is False when the request certainly never reached the server (the
    connection could not be opened) and True when it may have been processed: after a
    GetNumber that means a number may have been leased and charged.
    """

    def __init__(self, message: str, *, maybe_processed: bool) -> None:
        super().__init__(message)
        self.maybe_processed = maybe_processed


class WaitTimeout(OtpVirtError):
    """`wait_for_sms` / `wait_for_code` gave up; the lease is still live (cancel it to refund).

    `sms` holds the messages seen while waiting (for `wait_for_code`: ones without a code).
    """

    def __init__(self, message: str, *, activation_id: str, timeout: float, sms: list[Sms]) -> None:
        super().__init__(message)
        self.activation_id = activation_id
        self.timeout = timeout
        self.sms = sms


class WebhookVerificationError(OtpVirtError):
    """A webhook request is not signed with your secret, is stale, or is not the payload."""
