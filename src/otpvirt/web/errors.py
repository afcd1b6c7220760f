"""What a request that fails outside the API dialects gets: a page for people, JSON otherwise.

The native and sms-activate dialects, the admin API and the gateways turn errors into
their own wire forms; this is the net under everything else. A project error is the
caller's fault (400/404/409...), never a 500 with a traceback; a client that hangs up
mid-body is neither an error of ours nor worth more than a debug line.
"""

from __future__ import annotations

import logging

from fastapi.exception_handlers import (
    http_exception_handler,
    request_validation_exception_handler,
)
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from otpvirt.errors import OtpVirtError
from otpvirt.web.pages import SECURITY_HEADERS
from otpvirt.web.status import status_of
from otpvirt.web.templating import templates

log = logging.getLogger("otpvirt.web")
PAGE_AREAS = ("/console", "/portal")
# nginx's code for "the client closed the request": nobody reads this answer.
CLIENT_CLOSED = 499
TITLES = {400: "Bad request", 404: "Not found", 409: "Conflict", 429: "Too many requests"}


def _area(request: Request) -> str | None:
    path = request.url.path
    for prefix in PAGE_AREAS:
        if path == prefix or path.startswith(prefix + "/"):
            return prefix
    return None


def _page(request: Request, area: str, status: int, message: str) -> HTMLResponse:
    response = templates.TemplateResponse(
        request,
        "error.html",
        {
            "status": status,
            "title": TITLES.get(status, "Error"),
            "message": message,
            "home": area,
            "csrf": None,
            "notice": None,
            "error": None,
        },
        status_code=status,
    )
    response.headers.update(SECURITY_HEADERS)
    return response


def project_error(request: Request, exc: OtpVirtError) -> Response:
    """A service refused the request: 400/404/409… with its message."""
    status = status_of(exc)
    area = _area(request)
    if area is not None:
        return _page(request, area, status, exc.message)
    return JSONResponse({"error": exc.reason, "message": exc.message}, status_code=status)


async def bad_parameters(request: Request, exc: RequestValidationError) -> Response:
    """Query or form values of the wrong shape: 400 on pages (FastAPI's 422 elsewhere)."""
    area = _area(request)
    if area is None:
        return await request_validation_exception_handler(request, exc)
    first = exc.errors()[0] if exc.errors() else {}
    where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("query", "body", "path"))
    return _page(request, area, 400, f"{where or 'request'}: {first.get('msg', 'invalid')}")


async def http_error(request: Request, exc: HTTPException) -> Response:
    """Unknown pages of the console and portal are pages too."""
    area = _area(request)
    if area is None or exc.status_code < 400:
        return await http_exception_handler(request, exc)
    message = "There is no such page." if exc.status_code == 404 else str(exc.detail)
    return _page(request, area, exc.status_code, message)


def client_gone(request: Request, exc: ClientDisconnect) -> Response:
    """The client hung up before sending its whole request: nothing to answer, no error."""
    log.debug("client disconnected during %s %s", request.method, request.url.path)
    return Response(status_code=CLIENT_CLOSED)
