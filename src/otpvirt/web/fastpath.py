"""The application class: FastAPI, with the hot native methods served before it.

FastAPI still declares every native route (for the OpenAPI document and as the
fallback), but on the request path its application call, router, dependency
machinery and the GZip middleware cost about as much as the whole method (measured
in-process: ~190 µs per GetBalance through FastAPI against ~40 µs here; under 128
concurrent connections FastAPI's own call also showed p99 tails of hundreds of ms
that a plain ASGI path does not). `POST /native/<Method>` is therefore dispatched
first, with one dict lookup, and compressed here when the client accepts gzip.
"""

from __future__ import annotations

import gzip
from collections.abc import Awaitable, Callable

from fastapi import FastAPI
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

Endpoint = Callable[[Request], Awaitable[Response]]
PREFIX = "/native/"


def _accepts_gzip(scope: Scope) -> bool:
    for name, value in scope["headers"]:
        if name == b"accept-encoding":
            return b"gzip" in value
    return False


class OtpVirtApp(FastAPI):
    """FastAPI, except that `POST /native/<Method>` goes straight to its endpoint."""

    # Set by create_app; empty until then (everything goes through FastAPI).
    fast_endpoints: dict[str, Endpoint]

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.fast_endpoints = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST":
            path: str = scope["path"]
            endpoint = (
                self.fast_endpoints.get(path[len(PREFIX) :]) if path.startswith(PREFIX) else None
            )
            if endpoint is not None:
                scope["app"] = self
                response = await endpoint(Request(scope, receive))
                if _accepts_gzip(scope):
                    # The API requires gzip whenever the client accepts it, however small.
                    response.body = gzip.compress(response.body, compresslevel=5)
                    response.headers["content-encoding"] = "gzip"
                    response.headers["content-length"] = str(len(response.body))
                    response.headers["vary"] = "Accept-Encoding"
                await response(scope, receive, send)
                return
        await super().__call__(scope, receive, send)
