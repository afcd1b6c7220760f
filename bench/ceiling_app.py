"""The ceiling for api_load.py: the same stack (FastAPI, GZip middleware, uvicorn with
uvloop/httptools) answering a constant JSON body, so every figure is also a ratio."""

from __future__ import annotations

from fastapi import FastAPI
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import Response

BODY = b'{"currency":"USD","balance":131.95,"status":2,"error":0}'


def create_app() -> FastAPI:
    """A one-route app with the production middleware stack."""
    app = FastAPI()
    app.add_middleware(GZipMiddleware, minimum_size=0)

    @app.post("/native/{method}")
    async def constant(request: Request) -> Response:
        await request.body()
        return Response(BODY, media_type="application/json")

    return app
