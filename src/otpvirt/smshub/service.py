"""PUSH_SMS from SMSHub-protocol agents: authenticate by the shared key, then ingest.

The agent keeps re-sending an SMS every 10 s until it hears `SUCCESS`, so SUCCESS
is answered only once the SMS is committed, and a repeat (same `smsId`) is a
duplicate that is answered SUCCESS again without storing anything.
"""

from __future__ import annotations

import hmac
from typing import Any

from otpvirt.clock import now_ms
from otpvirt.db import Conn
from otpvirt.errors import ValidationFailed
from otpvirt.sms.service import IngestResult, ingest
from otpvirt.sources import service as sources
from otpvirt.sources.kinds import SMSHUB
from otpvirt.sources.service import BadSourceToken, SourceInfo

PUSH_SMS = "PUSH_SMS"


async def agent_by_key(conn: Conn, key: str) -> SourceInfo:
    """The enabled SMSHub source sharing this key (constant-time comparison)."""
    for agent in await sources.sources_of_kind(conn, SMSHUB):
        theirs = str(agent.config.get("key", ""))
        if theirs and hmac.compare_digest(theirs.encode(), key.encode()):
            if not agent.enabled:
                raise BadSourceToken(f"agent {agent.name!r} is disabled")
            return agent
    raise BadSourceToken("unknown key")


def _digits(value: Any, name: str) -> int:
    # The protocol wants JSON numbers; a digit string is accepted rather than refused forever.
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    raise ValidationFailed(f"{name} must be a number", reason="bad_field")


async def push_sms(conn: Conn, payload: Any, *, window_ms: int) -> IngestResult:
    """Store one pushed SMS (a repeat of a stored smsId is a duplicate)."""
    if not isinstance(payload, dict):
        raise ValidationFailed("the body must be a JSON object", reason="malformed_json")
    if payload.get("action") != PUSH_SMS:
        raise ValidationFailed(f"unsupported action {payload.get('action')!r}", reason="bad_action")
    key = payload.get("key")
    if not isinstance(key, str) or not key:
        raise BadSourceToken("missing key")
    agent = await agent_by_key(conn, key)
    sms_id = _digits(payload.get("smsId"), "smsId")
    phone = _digits(payload.get("phone"), "phone")
    text = payload.get("text")
    if not isinstance(text, str):
        raise ValidationFailed("text must be a string", reason="bad_field")
    sender = str(payload.get("phoneFrom") or "").strip()[:100] or "unknown"
    now = now_ms()
    await sources.mark_seen(conn, agent.id, now)
    return await ingest(
        conn,
        to=phone,
        sender=sender,
        text=text,
        source_id=agent.id,
        received_at=now,
        external_id=str(sms_id),
        dedup_window_ms=window_ms,
    )
