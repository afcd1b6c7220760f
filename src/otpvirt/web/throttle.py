"""Request rates for the console and the portal: per address and per session.

Every `/console` and `/portal` request counts against its address (IPv6: the /64)
before anything else runs, logged in or not (`OTPVIRT_WEB_ADDRESS_RATE_LIMIT`); a
request with a session also counts against the session, once the session is known
(`OTPVIRT_WEB_RATE_LIMIT`). Over either, the answer is 429 at once. The state is
shared by every process on PostgreSQL and kept per process on SQLite, like the API's.
"""

from __future__ import annotations

import html

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from otpvirt.auth.lockout import address_key
from otpvirt.errors import RateLimited
from otpvirt.runtime import Runtime
from otpvirt.web.pages import SECURITY_HEADERS

AREAS = ("/console", "/portal")


async def check_session(rt: Runtime, session_id: str) -> None:
    """Count one request of a console or portal session (raises RateLimited)."""
    await rt.web_limiter.check(f"web:session:{session_id[:32]}")


def too_many(exc: RateLimited) -> Response:
    """429 with a readable page; the browser may try again in a second."""
    body = (
        "<!doctype html><title>Too many requests</title>"
        f"<p>{html.escape(exc.message)}.</p><p>Wait a moment and reload the page.</p>"
    )
    return HTMLResponse(body, status_code=429, headers={**SECURITY_HEADERS, "Retry-After": "1"})


def rate_limited(request: Request, exc: RateLimited) -> Response:
    """Exception handler: a session over its rate (raised while reading the session)."""
    return too_many(exc)


class AddressThrottle:
    """ASGI middleware: console and portal requests from one address beyond the rate get
    429 before routing, session lookup or any page work."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].startswith(AREAS):
            rt: Runtime = scope["app"].state.runtime
            client = scope.get("client")
            try:
                await rt.web_address_limiter.check(
                    "web:" + address_key(client[0] if client else None)
                )
            except RateLimited as exc:
                await too_many(exc)(scope, receive, send)
                return
        await self.app(scope, receive, send)
