"""How admin API errors look: a JSON body with a stable reason and a fitting status."""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from otpvirt.auth.lockout import LockedOut
from otpvirt.db import DatabaseUnavailable
from otpvirt.errors import (
    ActivationFinished,
    BadCredentials,
    Conflict,
    NotFound,
    OtpVirtError,
    SmsAlreadyReceived,
)
from otpvirt.runtime import Runtime

log = logging.getLogger("otpvirt.admin")


def rt_of(request: Request) -> Runtime:
    """The process runtime."""
    rt: Runtime = request.app.state.runtime
    return rt


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


def error(status: int, reason: str, message: str) -> JSONResponse:
    """The admin API's error body."""
    return JSONResponse({"error": reason, "message": message}, status_code=status)


class AdminRoute(APIRoute):
    """Turns project errors (and bad bodies) into `{"error", "message"}` answers."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def guarded(request: Request) -> Response:
            try:
                return await handler(request)
            except OtpVirtError as exc:
                return error(status_of(exc), exc.reason, exc.message)
            except RequestValidationError as exc:
                first = exc.errors()[0] if exc.errors() else {}
                where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
                return error(400, "validation_failed", f"{where or 'body'}: {first.get('msg')}")
            except DatabaseUnavailable as exc:
                log.error("database unavailable: %s", exc)
                return error(503, "database_unavailable", "the database is unavailable")

        return guarded
