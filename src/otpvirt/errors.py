"""The project's exception classes; the dialects turn them into their wire form."""

from __future__ import annotations

from enum import IntEnum


class ErrorCode(IntEnum):
    """The OTP-virt `error` field."""

    NONE = 0
    NO_NUMBERS = 1
    INTERNAL = 2
    INVALID_REQUEST = 3
    SMS_RECEIVED = 4


class OtpVirtError(Exception):
    """Base of every error a service reports to a caller."""

    code: ErrorCode = ErrorCode.INVALID_REQUEST
    reason: str = "invalid_request"

    def __init__(self, message: str, *, reason: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if reason is not None:
            self.reason = reason


class InvalidRequest(OtpVirtError):
    """Error 3: the request cannot be honoured as sent."""


class ValidationFailed(InvalidRequest):
    reason = "validation_failed"


class BadCredentials(InvalidRequest):
    reason = "bad_credentials"

    def __init__(self, message: str = "unknown clientId or wrong apiPassword") -> None:
        super().__init__(message)


class ClientDisabled(InvalidRequest):
    reason = "client_disabled"

    def __init__(self, message: str = "this client account is disabled") -> None:
        super().__init__(message)


class RateLimited(InvalidRequest):
    reason = "rate_limited"


class NotFound(InvalidRequest):
    """An id that does not exist (or that the caller may not see)."""

    reason = "not_found"


class ActivationNotFound(NotFound):
    reason = "activation_not_found"

    def __init__(self, message: str = "no such activation for this client") -> None:
        super().__init__(message)


class ActivationFinished(InvalidRequest):
    reason = "activation_finished"


class InsufficientBalance(InvalidRequest):
    reason = "insufficient_balance"


class Conflict(InvalidRequest):
    """The thing already exists, or the operation clashes with current state."""

    reason = "conflict"


class NoNumbers(OtpVirtError):
    """Error 1: no available number fits the request."""

    code = ErrorCode.NO_NUMBERS
    reason = "no_numbers"


class ServiceNotOffered(NoNumbers):
    reason = "service_not_offered"


class SmsAlreadyReceived(OtpVirtError):
    """Error 4: cancel refused because an SMS was delivered."""

    code = ErrorCode.SMS_RECEIVED
    reason = "sms_already_received"

    def __init__(self, message: str = "an SMS was already received for this activation") -> None:
        super().__init__(message)


class InternalError(OtpVirtError):
    """Error 2: the server failed; nothing was charged or changed."""

    code = ErrorCode.INTERNAL
    reason = "internal_error"
