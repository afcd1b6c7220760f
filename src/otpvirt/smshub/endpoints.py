"""PUSH_SMS: where SMSHub-protocol agents deliver the SMS of the numbers they gave us."""

from __future__ import annotations

import logging

import orjson
from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from otpvirt.db import DatabaseUnavailable, in_transaction
from otpvirt.errors import OtpVirtError, ValidationFailed
from otpvirt.runtime import Runtime
from otpvirt.smshub.service import push_sms
from otpvirt.web.body import gunzip, read_body

log = logging.getLogger("otpvirt.smshub")
router = APIRouter(tags=["SMSHub agents"])
MAX_BODY = 256 * 1024


def _answer(status: str, error: str | None = None) -> Response:
    body = {"status": status} if error is None else {"status": status, "error": error}
    return Response(orjson.dumps(body), media_type="application/json; charset=utf-8")


async def receive(request: Request) -> Response:
    """Answer `{"status":"SUCCESS"}` once the SMS is stored; anything else makes the agent retry."""
    rt: Runtime = request.app.state.runtime
    try:
        body = await read_body(request, max_bytes=MAX_BODY, max_decompressed=MAX_BODY * 4)
        if body[:2] == b"\x1f\x8b":  # gzip sent without a Content-Encoding header
            body = gunzip(body, MAX_BODY * 4)
        try:
            payload = orjson.loads(body)
        except orjson.JSONDecodeError:
            raise ValidationFailed("the body is not JSON", reason="malformed_json") from None
        window = int(rt.settings.sms_dedup_window_seconds * 1000)
        result = await in_transaction(rt.db, push_sms, payload, window_ms=window)
    except OtpVirtError as exc:
        log.warning("smshub PUSH_SMS refused: %s", exc.message)
        return _answer("ERROR", exc.message)
    except DatabaseUnavailable as exc:
        log.error("smshub PUSH_SMS: database unavailable: %s", exc)
        return _answer("ERROR", "temporarily unavailable, send again")
    if result.activation_id is not None:
        rt.notify("sms")
    return _answer("SUCCESS")


for _path in ("/gateway/v1/smshub", "/agent/api/sms"):
    router.add_api_route(
        _path,
        receive,
        methods=["POST"],
        summary="SMSHub agent PUSH_SMS (gzip JSON; SUCCESS once stored)",
        include_in_schema=_path == "/gateway/v1/smshub",
    )
