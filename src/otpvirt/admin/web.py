"""How admin API errors look: a JSON body with a stable reason and a fitting status."""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from otpvirt.db import DatabaseUnavailable
from otpvirt.errors import OtpVirtError
from otpvirt.runtime import Runtime
from otpvirt.web.status import status_of

log = logging.getLogger("otpvirt.admin")


def rt_of(request: Request) -> Runtime:
    """The process runtime."""
    rt: Runtime = request.app.state.runtime
    return rt


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
