"""Request ids and per-area request metrics for everything but the native fast path.

The id comes from the caller's `X-Request-ID` (when it is a sane token) or is
generated; it is put in a context variable (so log lines carry it), in
`scope["state"]` (so the audit log records it) and in the answer's header.
"""

from __future__ import annotations

import re
import secrets
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from otpvirt.observability import metrics
from otpvirt.observability.logs import request_id

_SANE = re.compile(r"^[A-Za-z0-9._:\-]{1,64}$")
_AREAS = (
    ("/stubs/", "smsactivate"),
    ("/native/", "native"),
    ("/gateway/", "gateway"),
    ("/agent/", "smshub"),
    ("/admin/", "admin"),
    ("/console", "console"),
    ("/portal", "portal"),
)


def area(path: str) -> str:
    """The coarse group a path belongs to (a bounded metrics label)."""
    for prefix, name in _AREAS:
        if path.startswith(prefix):
            return name
    return "other"


def incoming_id(scope: Scope) -> str | None:
    """The caller's X-Request-ID when it is a sane token."""
    for name, value in scope["headers"]:
        if name == b"x-request-id":
            text = value.decode("latin-1")
            return text if _SANE.match(text) else None
    return None


class RequestContext:
    """ASGI middleware: request id in, request id out, metrics per area."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = incoming_id(scope) or secrets.token_hex(8)
        token = request_id.set(rid)
        scope.setdefault("state", {})["request_id"] = rid
        label = "http:" + area(scope["path"])
        start = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", rid.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            request_id.reset(token)
            metrics.REQUESTS.labels(label, f"{status // 100}xx").inc()
            metrics.LATENCY.labels(label).observe(time.perf_counter() - start)
