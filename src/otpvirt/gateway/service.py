"""From a gateway's report to the one ingest path, one transaction per SMS."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import orjson
from pydantic import ValidationError

from otpvirt.clock import parse_iso_ms
from otpvirt.db import Database, in_transaction
from otpvirt.errors import OtpVirtError, ValidationFailed
from otpvirt.gateway.schemas import GatewaySms
from otpvirt.sms.service import DUPLICATE, MAX_REPORTED, IngestResult, ingest
from otpvirt.sources.service import SourceInfo


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one reported SMS."""

    status: str
    result: IngestResult | None = None
    error: OtpVirtError | None = None


def _epoch_ms(n: int) -> int:
    # Seconds and milliseconds are both in use; 10**11 s is in the year 5138.
    return n if abs(n) > 10**11 else n * 1000


def received_ms(value: Any) -> tuple[int | None, str | None]:
    """A reported reception time: (epoch ms or None when unreadable, the value as text).

    Never raises: a time that cannot be read is no reason to refuse the SMS (ingest
    then stores it with our receipt time and keeps this text for display).
    """
    if value is None:
        return None, None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None, orjson.dumps(value).decode()[:MAX_REPORTED]
    text = value if isinstance(value, str) else repr(value)
    if isinstance(value, float):
        return (_epoch_ms(int(value)) if math.isfinite(value) else None), text
    if isinstance(value, int) or (value.isascii() and value.isdigit() and len(value) <= 20):
        return _epoch_ms(int(value)), text
    try:
        return parse_iso_ms(value), text
    except (ValueError, OverflowError):
        return None, text


def receiver(source: SourceInfo, item: GatewaySms) -> str | int:
    """The receiving number: as given, or from the source's device map."""
    if item.to not in (None, ""):
        assert item.to is not None
        return item.to
    mapped = source.device_number(item.device, item.sim)
    if mapped is None:
        what = f"device {item.device!r}" if item.device else "the SMS"
        raise ValidationFailed(
            f"no receiving number: give `to`, or map {what} with `otpvirt sources map`",
            reason="unknown_number",
        )
    return mapped


async def ingest_item(db: Database, source: SourceInfo, raw: Any, *, window_ms: int) -> Outcome:
    """Validate one reported SMS and store it; bad items are rejected, not raised."""
    try:
        item = GatewaySms.model_validate(raw)
    except ValidationError as err:
        first = err.errors(include_input=False, include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"]) or "item"
        return Outcome(
            "rejected", error=ValidationFailed(f"{where}: {first['msg']}", reason="bad_field")
        )
    received, reported = received_ms(item.receivedAt)
    try:
        res = await in_transaction(
            db,
            ingest,
            to=receiver(source, item),
            sender=item.sender,
            text=item.text,
            source_id=source.id,
            received_at=received,
            reported_at=reported,
            external_id=None if item.messageId is None else str(item.messageId),
            dedup_window_ms=window_ms,
        )
    except OtpVirtError as exc:
        return Outcome("rejected", error=exc)
    return Outcome("duplicate" if res.status == DUPLICATE else "accepted", result=res)
