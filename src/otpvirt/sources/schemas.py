"""How sources look on the wire (admin API, CLI `--json`, console)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from otpvirt.sources.health import SourceHealth
from otpvirt.sources.service import DeviceMap


class SourceOut(BaseModel):
    """A source with its health and how many numbers it holds."""

    name: str
    kind: str
    enabled: bool
    online: bool
    lastSeenAt: int | None
    lastSmsAt: int | None
    numbers: int
    heartbeatTimeout: int | None = Field(description="Seconds of silence before offline.")
    priority: int | None = Field(description="On-demand suppliers only: lower is asked first.")
    devices: dict[str, Any] = Field(description="device[/SIM] -> number.")
    rent: bool | None = Field(
        default=None, description="Upstream providers only: clients may rent through it."
    )

    @classmethod
    def of(cls, s: SourceHealth) -> SourceOut:
        """The wire form of a source."""
        return cls(
            name=s.name,
            kind=s.kind,
            enabled=s.enabled,
            online=s.online,
            lastSeenAt=s.last_seen_at,
            lastSmsAt=s.last_sms_at,
            numbers=s.numbers,
            heartbeatTimeout=s.heartbeat_timeout,
            priority=s.priority,
            devices=s.devices,
            rent=s.rent,
        )


def source_json(s: SourceHealth) -> dict[str, Any]:
    """A source as plain JSON data."""
    return SourceOut.of(s).model_dump()


def device_json(d: DeviceMap) -> dict[str, Any]:
    """A device mapping as plain JSON data."""
    return {"source": d.source, "device": d.device, "number": d.number}
