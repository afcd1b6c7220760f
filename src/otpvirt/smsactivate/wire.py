"""Reading sms-activate requests and writing its answers: tokens and JSON, always HTTP 200."""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any
from urllib.parse import parse_qsl

import orjson
from starlette.requests import Request
from starlette.responses import Response

from otpvirt.config import Settings
from otpvirt.db import DatabaseUnavailable
from otpvirt.errors import OtpVirtError
from otpvirt.smsactivate.schemas import DialectError
from otpvirt.web.body import read_body

log = logging.getLogger("otpvirt.smsactivate")

MAX_FIELDS = 100
# What the protocol's clients recognise for "the server failed".
SERVER_ERROR = "ERROR_SQL"

# The project's errors (by reason) as the protocol's tokens.
_TOKENS = {
    "bad_credentials": "BAD_KEY",
    "client_disabled": "ACCOUNT_INACTIVE",
    "unknown_service": "BAD_SERVICE",
    "unknown_country": "BAD_COUNTRY",
    "unknown_provider": "WRONG_OPERATOR",
    "insufficient_balance": "NO_BALANCE",
    "no_numbers": "NO_NUMBERS",
    "service_not_offered": "NO_NUMBERS",
    "order_exists": "ORDER_ALREADY_EXISTS",
    "activation_not_found": "NO_ACTIVATION",
    "activation_finished": "BAD_STATUS",
    "sms_already_received": "BAD_STATUS",
    "cancel_too_early": "EARLY_CANCEL_DENIED",
    # Not in sms-activate's list; self-explanatory to a person reading logs.
    "rate_limited": "TOO_MANY_REQUESTS",
    "internal_error": SERVER_ERROR,
}


def token_of(exc: OtpVirtError) -> str:
    """The protocol's token for a project error; BAD_DATA for other bad input."""
    if isinstance(exc, DialectError):
        return exc.token
    return _TOKENS.get(exc.reason, "BAD_DATA")


def text(token: str) -> Response:
    """A plain-text answer token."""
    return Response(token.encode(), media_type="text/plain; charset=utf-8")


def json_answer(payload: dict[str, Any] | list[Any]) -> Response:
    """A JSON answer: an object, except for the actions whose contract answers a list."""
    return Response(orjson.dumps(payload), media_type="application/json")


def _multipart(body: bytes, content_type: str) -> list[tuple[str, str]]:
    head = b"Content-Type: " + content_type.encode("latin-1", "replace") + b"\r\n\r\n"
    msg = BytesParser(policy=HTTP).parsebytes(head + body)
    if not msg.is_multipart():
        raise DialectError("BAD_DATA", "malformed multipart body")
    fields: list[tuple[str, str]] = []
    for part in msg.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        if isinstance(name, str) and isinstance(payload, bytes):
            fields.append((name, payload.decode("utf-8", "replace")))
    return fields


async def read_params(request: Request, settings: Settings) -> dict[str, str]:
    """Query-string parameters, overridden by those of a form body (as PHP's $_REQUEST)."""
    params = {k.strip(): v for k, v in request.query_params.multi_items()}
    if request.method != "POST":
        return params
    body = await read_body(
        request,
        max_bytes=settings.max_body_bytes,
        max_decompressed=settings.max_decompressed_bytes,
    )
    if not body:
        return params
    content_type = request.headers.get("content-type", "")
    if content_type.lower().startswith("multipart/"):
        fields = _multipart(body, content_type)
    else:
        try:
            fields = parse_qsl(
                body.decode("utf-8", "replace"), keep_blank_values=True, max_num_fields=MAX_FIELDS
            )
        except ValueError:
            raise DialectError("BAD_DATA", "too many form fields") from None
    if len(fields) > MAX_FIELDS:
        raise DialectError("BAD_DATA", "too many form fields")
    params.update((k.strip(), v) for k, v in fields)
    return params


def dialect(
    fn: Callable[[Request], Awaitable[Response]],
) -> Callable[[Request], Awaitable[Response]]:
    """Turn every outcome into an HTTP 200 answer of the protocol (never an error page)."""

    @functools.wraps(fn)
    async def endpoint(request: Request) -> Response:
        try:
            return await fn(request)
        except OtpVirtError as exc:
            return text(token_of(exc))
        except DatabaseUnavailable as exc:
            log.error("database unavailable: %s", exc)
            return text(SERVER_ERROR)
        except Exception:
            log.exception("internal error in %s", request.url.path)
            return text(SERVER_ERROR)

    return endpoint
