"""From a gateway's report to the one ingest path, one transaction per SMS."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from otpvirt.clock import now_ms, parse_iso_ms
from otpvirt.db import Database, in_transaction
from otpvirt.errors import OtpVirtError, ValidationFailed
from otpvirt.gateway.schemas import GatewaySms
from otpvirt.sms.service import DUPLICATE, IngestResult, ingest
from otpvirt.sources.service import SourceInfo


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one reported SMS."""

    status: str
    result: IngestResult | None = None
    error: OtpVirtError | None = None

    def as_dict(self, index: int) -> dict[str, Any]:
        """The per-item answer of the gateway API."""
        if self.error is not None:
            return {
                "index": index,
                "status": "rejected",
                "reason": self.error.reason,
                "message": self.error.message,
            }
        assert self.result is not None
        return {
            "index": index,
            "status": self.status,
            "smsId": self.result.sms_id or None,
            "routed": self.result.activation_id is not None,
        }


def received_ms(value: str | int | None, now: int) -> int:
    """A reported reception time in epoch ms (seconds and ms both accepted)."""
    if value is None:
        return now
    if isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
        n = int(value)
        return n if n > 10**11 else n * 1000
    try:
        return parse_iso_ms(value)
    except ValueError:
        raise ValidationFailed(f"receivedAt is not a date: {value!r}", reason="bad_field") from None


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
    try:
        now = now_ms()
        res = await in_transaction(
            db,
            ingest,
            to=receiver(source, item),
            sender=item.sender,
            text=item.text,
            source_id=source.id,
            received_at=received_ms(item.receivedAt, now),
            external_id=None if item.messageId is None else str(item.messageId),
            dedup_window_ms=window_ms,
        )
    except OtpVirtError as exc:
        return Outcome("rejected", error=exc)
    return Outcome("duplicate" if res.status == DUPLICATE else "accepted", result=res)
