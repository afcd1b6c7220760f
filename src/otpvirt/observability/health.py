"""`/healthz` (the process answers), `/readyz` (database reachable, schema current), `/metrics`."""

from __future__ import annotations

import asyncio
import hmac
import ipaddress
import logging

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from otpvirt.db import revisions
from otpvirt.db.durability import in_force
from otpvirt.observability import metrics, repository
from otpvirt.runtime import Runtime

log = logging.getLogger("otpvirt.health")
router = APIRouter(tags=["operations"])
HEAD_KEY = "schema_head"


@router.get("/healthz", summary="The process is up")
async def healthz() -> dict[str, str]:
    """Always 200 while the process serves requests."""
    return {"status": "ok"}


@router.get("/readyz", summary="The database is reachable and its schema current")
async def readyz(request: Request) -> JSONResponse:
    """200 when the database answers within 2 s at the newest migration, else 503.

    The 200 answer also says what an acknowledged commit survives (`durability`).
    """
    rt: Runtime = request.app.state.runtime
    head = rt.extras.get(HEAD_KEY)
    if head is None:
        head = rt.extras[HEAD_KEY] = revisions.head()
    try:
        async with asyncio.timeout(2):
            async with rt.db.read() as conn:
                current = await repository.schema_revision(conn)
            durability = await in_force(rt.db)
    except Exception as exc:
        log.warning("readyz: database unreachable: %s", exc)
        return JSONResponse(
            {"status": "unavailable", "database": "unreachable", "error": type(exc).__name__},
            status_code=503,
        )
    if current != head:
        return JSONResponse(
            {"status": "unavailable", "database": "ok", "schema": current, "expected": head},
            status_code=503,
        )
    return JSONResponse(
        {
            "status": "ok",
            "database": "ok",
            "schema": current,
            "durability": {
                **durability.settings,
                "survivesPowerLoss": durability.survives_power_loss,
                "warnings": list(durability.warnings),
            },
        }
    )


# Headers a proxy adds: a request carrying one came from elsewhere, whatever the peer.
_FORWARDED = (b"x-forwarded-for", b"forwarded", b"x-real-ip")


def local_request(request: Request) -> bool:
    """Made from this host directly: a loopback peer, and no proxy in between."""
    if request.client is None:
        return False
    try:
        loopback = ipaddress.ip_address(request.client.host.split("%", 1)[0]).is_loopback
    except ValueError:
        return False
    return loopback and not any(name in _FORWARDED for name, _ in request.scope["headers"])


@router.get("/metrics", summary="Prometheus metrics", response_class=Response)
async def prometheus(request: Request) -> Response:
    """Counters of this (or every) server process plus service-wide figures.

    Without OTPVIRT_METRICS_TOKEN only a scraper on this host is answered: the
    figures (stock per country and service, leases by state) are the operator's.
    """
    rt: Runtime = request.app.state.runtime
    wanted = rt.settings.metrics_token
    if wanted:
        given = request.headers.get("authorization", "").partition(" ")[2].strip()
        if not hmac.compare_digest(given.encode(), wanted.encode()):
            return JSONResponse({"error": "bad_credentials"}, status_code=401)
    elif not local_request(request):
        return JSONResponse(
            {
                "error": "forbidden",
                "message": "/metrics answers only this host; set OTPVIRT_METRICS_TOKEN "
                "and scrape with `Authorization: Bearer <token>` from elsewhere",
            },
            status_code=403,
        )
    body = await metrics.exposition(rt)
    return Response(body, media_type="text/plain; version=0.0.4; charset=utf-8")
