"""What a gateway posts: one SMS, or a list of them."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from otpvirt.errors import OtpVirtError
from otpvirt.sms.service import IngestResult

MAX_BATCH = 1000


class GatewaySms(BaseModel):
    """One incoming SMS as a gateway reports it."""

    model_config = ConfigDict(
        extra="ignore",
        populate_by_name=True,
        json_schema_extra={
            "examples": [
                {
                    "to": "992112302159",
                    "from": "Viber",
                    "text": "Your Viber code: 905526",
                    "receivedAt": "2026-11-27T18:00:00Z",
                    "messageId": "modem1-4711",
                }
            ]
        },
    )

    to: str | int | None = Field(
        default=None, description="Receiving number with country code (or give `device`)"
    )
    sender: Annotated[str, StringConstraints(min_length=1, max_length=100)] = Field(
        alias="from", description="Sender number or name"
    )
    text: Annotated[str, StringConstraints(max_length=10_000)]
    receivedAt: Any = Field(
        default=None,
        description="ISO 8601 (naive = UTC) or Unix seconds/milliseconds. An implausible or "
        "unreadable time never refuses the SMS: it is stored with the server's receipt time.",
        json_schema_extra={"anyOf": [{"type": "string"}, {"type": "integer"}, {"type": "null"}]},
    )
    messageId: Annotated[str, StringConstraints(min_length=1, max_length=200)] | int | None = Field(
        default=None, description="The gateway's own id: repeats are ignored"
    )
    device: Annotated[str, StringConstraints(min_length=1, max_length=100)] | None = Field(
        default=None, description="Device/modem id mapped to a number with `sources map`"
    )
    sim: int | str | None = Field(default=None, description="SIM slot on that device")


class ItemResult(BaseModel):
    index: int
    status: str = Field(description="accepted, duplicate or rejected")
    smsId: str | None = None
    routed: bool | None = Field(default=None, description="Delivered to a live lease")
    reason: str | None = None
    message: str | None = None

    @classmethod
    def stored(cls, index: int, status: str, r: IngestResult) -> ItemResult:
        """An SMS accepted (or recognised as a duplicate)."""
        return cls(
            index=index, status=status, smsId=r.sms_id or None, routed=r.activation_id is not None
        )

    @classmethod
    def rejected(cls, index: int, error: OtpVirtError) -> ItemResult:
        """An SMS refused, with the error's reason and message."""
        return cls(index=index, status="rejected", reason=error.reason, message=error.message)

    def as_json(self) -> dict[str, Any]:
        """Plain JSON data: the fields of its kind (an accepted SMS has no reason)."""
        return self.model_dump(exclude_unset=True)


class GatewayResponse(BaseModel):
    accepted: int
    duplicates: int
    rejected: int
    results: list[ItemResult]


def as_items(body: Any) -> list[Any]:
    """The body as a list of raw items (a single object is a list of one)."""
    return body if isinstance(body, list) else [body]
