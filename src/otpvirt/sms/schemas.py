"""How stored SMS look on the wire (admin API, CLI `--json`, console)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from otpvirt.sms.repository import StoredSms


class SmsOut(BaseModel):
    """A stored SMS with the parsed code and where it went."""

    id: str
    phone: int
    sender: str
    text: str
    code: str = Field(description="The parsed code; empty when none was found.")
    activationId: str | None = Field(description="null: unrouted (no live lease).")
    source: str | None
    receivedAt: int
    reportedAt: str | None = Field(description="The peer's own receipt time when implausible.")

    @classmethod
    def of(cls, m: StoredSms) -> SmsOut:
        """The wire form of a stored SMS."""
        return cls(
            id=m.guid,
            phone=int(m.phone),
            sender=m.sender,
            text=m.text,
            code=m.code,
            activationId=m.activation_guid,
            source=m.source,
            receivedAt=m.received_at,
            reportedAt=m.reported_at,
        )


def sms_json(m: StoredSms) -> dict[str, Any]:
    """A stored SMS as plain JSON data."""
    return SmsOut.of(m).model_dump()
