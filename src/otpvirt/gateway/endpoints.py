"""Gateway HTTP endpoints: parse, authenticate the source, ingest, answer."""

from __future__ import annotations

import logging
from typing import Any

import orjson
from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response

from otpvirt.clock import now_ms
from otpvirt.db import DatabaseUnavailable, in_transaction
from otpvirt.errors import OtpVirtError, ValidationFailed
from otpvirt.gateway import android, jasmin
from otpvirt.gateway.schemas import MAX_BATCH, GatewayResponse, GatewaySms, ItemResult, as_items
from otpvirt.gateway.service import ingest_item
from otpvirt.runtime import Runtime
from otpvirt.sms.service import ingest
from otpvirt.sources import service as sources
from otpvirt.web.body import read_body

log = logging.getLogger("otpvirt.gateway")
router = APIRouter(prefix="/gateway/v1", tags=["SMS gateways"])


def _error(status: int, exc: OtpVirtError) -> JSONResponse:
    return JSONResponse({"error": exc.reason, "message": exc.message}, status_code=status)


async def _body(request: Request, rt: Runtime) -> bytes:
    return await read_body(
        request,
        max_bytes=rt.settings.gateway_max_body_bytes,
        max_decompressed=rt.settings.gateway_max_body_bytes * 4,
    )


async def _source(rt: Runtime, token: str) -> sources.SourceInfo:
    async with rt.db.transaction() as conn:
        return await sources.authenticate(conn, token, now_ms())


def _bearer(request: Request) -> str:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise sources.BadSourceToken("send `Authorization: Bearer <source token>`")
    return token.strip()


async def _ingest_all(rt: Runtime, source: sources.SourceInfo, raw: list[Any]) -> dict[str, Any]:
    window = int(rt.settings.sms_dedup_window_seconds * 1000)
    results = []
    for i, item in enumerate(raw):
        outcome = await ingest_item(rt.db, source, item, window_ms=window)
        if outcome.error is not None:
            results.append(ItemResult.rejected(i, outcome.error).as_json())
        else:
            assert outcome.result is not None
            results.append(ItemResult.stored(i, outcome.status, outcome.result).as_json())
    if any(r["status"] == "accepted" and r.get("routed") for r in results):
        rt.notify("sms")
    tally = {
        s: sum(1 for r in results if r["status"] == s)
        for s in ("accepted", "duplicate", "rejected")
    }
    return {
        "accepted": tally["accepted"],
        "duplicates": tally["duplicate"],
        "rejected": tally["rejected"],
        "results": results,
    }


@router.post(
    "/sms",
    response_model=GatewayResponse,
    summary="Report incoming SMS (one object or a list)",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {
                        "anyOf": [
                            {"$ref": "#/components/schemas/GatewaySms"},
                            {"type": "array", "items": {"$ref": "#/components/schemas/GatewaySms"}},
                        ]
                    }
                }
            },
        }
    },
)
async def post_sms(request: Request) -> Response:
    """Store each SMS before answering; say per SMS: accepted, duplicate or rejected."""
    rt: Runtime = request.app.state.runtime
    try:
        source = await _source(rt, _bearer(request))
        body = await _body(request, rt)
        try:
            raw = as_items(orjson.loads(body))
        except orjson.JSONDecodeError:
            raise ValidationFailed("the body is not valid JSON", reason="malformed_json") from None
        if not raw or len(raw) > MAX_BATCH:
            raise ValidationFailed(f"send 1 to {MAX_BATCH} SMS per request", reason="bad_batch")
        return JSONResponse(await _ingest_all(rt, source, raw))
    except sources.BadSourceToken as exc:
        return _error(401, exc)
    except OtpVirtError as exc:
        return _error(413 if exc.reason == "body_too_large" else 400, exc)
    except DatabaseUnavailable as exc:
        log.error("gateway: database unavailable: %s", exc)
        return JSONResponse({"error": "unavailable", "message": "retry later"}, status_code=503)


@router.post("/heartbeat", summary="Tell the server this source is alive")
async def heartbeat(request: Request) -> Response:
    """Mark the source as seen (sources with a heartbeat timeout go offline without it)."""
    rt: Runtime = request.app.state.runtime
    try:
        source = await _source(rt, _bearer(request))
    except sources.BadSourceToken as exc:
        return _error(401, exc)
    return JSONResponse({"status": "ok", "source": source.name})


@router.post("/android/{token}", summary="SMS Gateway for Android webhook (sms:received)")
async def android_webhook(token: str, request: Request) -> Response:
    """Verify the app's signature, then ingest `sms:received` (other events: 200, ignored)."""
    rt: Runtime = request.app.state.runtime
    try:
        source = await _source(rt, token)
        body = await _body(request, rt)
        android.verify(body, request.headers, source.config.get("signingKey", ""))
        try:
            event = orjson.loads(body)
        except orjson.JSONDecodeError:
            raise ValidationFailed("the body is not valid JSON", reason="malformed_json") from None
        if not isinstance(event, dict):
            raise ValidationFailed("the body must be a JSON object", reason="malformed_json")
        items = android.items(event)
        if not items:
            return JSONResponse({"status": "ignored", "event": event.get("event")})
        answer = await _ingest_all(rt, source, items)
    except (sources.BadSourceToken, android.BadSignature) as exc:
        return _error(401, exc)
    except OtpVirtError as exc:
        return _error(413 if exc.reason == "body_too_large" else 400, exc)
    except DatabaseUnavailable as exc:
        log.error("android: database unavailable: %s", exc)
        return JSONResponse({"error": "unavailable", "message": "retry later"}, status_code=503)
    if answer["rejected"]:
        # Non-2xx makes the app retry (for about two days): time to map the device
        # or import the number, instead of losing the SMS.
        log.warning("android source %s: rejected %s", source.name, answer["results"])
        return JSONResponse(answer, status_code=422)
    return JSONResponse(answer)


_JASMIN = "Jasmin HTTP MO callback (answers `ACK/Jasmin` once the SMS is stored)"


@router.get("/jasmin", summary=_JASMIN, response_class=PlainTextResponse, operation_id="jasmin_get")
@router.post("/jasmin", summary=_JASMIN, response_class=PlainTextResponse, operation_id="jasmin")
async def jasmin_mo(request: Request) -> Response:
    """Store the SMS, then acknowledge; 404 (never retried) only when a retry cannot help."""
    rt: Runtime = request.app.state.runtime
    try:
        body = await _body(request, rt) if request.method == "POST" else b""
        found = jasmin.fields(request.scope.get("query_string", b""), body)
        source = await _source(rt, found.pop(b"token", b"").decode("latin-1"))
        mo = jasmin.parse(found)
        res = await in_transaction(
            rt.db,
            ingest,
            to=mo.to,
            sender=mo.sender,
            text=mo.text,
            source_id=source.id,
            external_id=mo.id,
            dedup_window_ms=int(rt.settings.sms_dedup_window_seconds * 1000),
        )
    except sources.BadSourceToken as exc:
        return PlainTextResponse(exc.message, status_code=403)
    except OtpVirtError as exc:
        log.warning("jasmin: refusing an SMS for good: %s", exc.message)
        return PlainTextResponse(f"{exc.reason}: {exc.message}", status_code=404)
    except DatabaseUnavailable as exc:
        log.error("jasmin: database unavailable: %s", exc)
        return PlainTextResponse("retry later", status_code=503)
    if res.activation_id is not None:
        rt.notify("sms")
    return PlainTextResponse(jasmin.ACK)


__all__ = ["GatewaySms", "router"]
