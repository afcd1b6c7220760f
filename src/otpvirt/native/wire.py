"""Parsing native requests and rendering the `{status, error}` envelope."""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import orjson
from pydantic import BaseModel, ValidationError
from starlette.requests import Request
from starlette.responses import Response

from otpvirt.db import DatabaseUnavailable
from otpvirt.errors import InternalError, OtpVirtError, ValidationFailed
from otpvirt.observability.metrics import LATENCY, REQUESTS
from otpvirt.runtime import Runtime
from otpvirt.web.body import read_body

log = logging.getLogger("otpvirt.native")

M = TypeVar("M", bound=BaseModel)
SUCCESS = 2
FAILURE = 4


_JSON = (b"content-type", b"application/json")


class JsonAnswer(Response):
    """An HTTP 200 JSON answer: the headers starlette's `Response(body, media_type=
    "application/json")` would build (content-length, content-type), built directly."""

    media_type = "application/json"

    def __init__(self, body: bytes) -> None:
        self.status_code = 200
        self.background = None
        self.body = body
        self.raw_headers = [(b"content-length", str(len(body)).encode()), _JSON]


def ok(payload: dict[str, Any]) -> Response:
    """A success answer (the payload already ends with status 2, error 0)."""
    return JsonAnswer(orjson.dumps(payload))


def failure(exc: OtpVirtError) -> Response:
    """The error envelope for a project exception."""
    body = {"status": FAILURE, "error": int(exc.code), "reason": exc.reason, "message": exc.message}
    return JsonAnswer(orjson.dumps(body))


def _describe(err: ValidationError) -> tuple[str, str]:
    first = err.errors(include_input=False, include_url=False)[0]
    if first["type"] == "json_invalid":
        return "malformed_json", "the body is not valid JSON"
    if first["type"] == "model_type" and not first["loc"]:
        return "malformed_json", "the body must be a JSON object"
    where = ".".join(str(p) for p in first["loc"]) or "body"
    return "validation_failed", f"{where}: {first['msg']}"


async def parse(request: Request, model: type[M]) -> M:
    """Read, bound, gunzip and validate the body as `model`."""
    settings = runtime(request).settings
    body = await read_body(
        request,
        max_bytes=settings.max_body_bytes,
        max_decompressed=settings.max_decompressed_bytes,
    )
    if not body:
        raise ValidationFailed("the body is empty; send a JSON object", reason="malformed_json")
    try:
        return model.model_validate_json(body)
    except ValidationError as err:
        reason, message = _describe(err)
        raise ValidationFailed(message, reason=reason) from None


def runtime(request: Request) -> Runtime:
    """The process runtime the app was created with."""
    # `state[...]`, not `state.runtime`: State resolves attributes in `__getattr__`,
    # after a failed normal lookup (a measurable cost on every request).
    rt: Runtime = request.scope["app"].state["runtime"]
    return rt


def client_address(request: Request) -> str | None:
    """The peer's address (what `request.client.host` gives, without its objects)."""
    client = request.scope.get("client")
    return str(client[0]) if client else None


def wire_name(function_name: str) -> str:
    """`get_numbers_count` -> `GetNumbersCount`: the method's name in the API."""
    return "".join(part.title() for part in function_name.split("_"))


def native(
    fn: Callable[[Request], Awaitable[Response]],
) -> Callable[[Request], Awaitable[Response]]:
    """Turn every outcome of a native method into the HTTP 200 envelope, and count it."""
    method = wire_name(fn.__name__)
    # Bound once: a success costs one counter increment and one histogram observation.
    succeeded = REQUESTS.labels(method, "ok").inc
    observe = LATENCY.labels(method).observe
    clock = time.perf_counter

    @functools.wraps(fn)
    async def endpoint(request: Request) -> Response:
        start = clock()
        try:
            response = await fn(request)
            succeeded()
            return response
        except OtpVirtError as exc:
            REQUESTS.labels(method, exc.reason).inc()
            return failure(exc)
        except DatabaseUnavailable as exc:
            REQUESTS.labels(method, "database_unavailable").inc()
            log.error("database unavailable in %s: %s", request.url.path, exc)
            return failure(InternalError("the database is unavailable; nothing was changed"))
        except Exception:
            REQUESTS.labels(method, "internal_error").inc()
            log.exception("internal error in %s", request.url.path)
            return failure(InternalError("internal error; nothing was charged or changed"))
        finally:
            observe(clock() - start)

    return endpoint
