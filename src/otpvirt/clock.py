"""Time as integer milliseconds since the Unix epoch (the storage format)."""

from __future__ import annotations

import time
from datetime import UTC, datetime


def now_ms() -> int:
    """The current time in epoch milliseconds."""
    return time.time_ns() // 1_000_000


def to_datetime(ms: int | None) -> datetime | None:
    """Epoch milliseconds as an aware UTC datetime."""
    return None if ms is None else datetime.fromtimestamp(ms / 1000, tz=UTC)


def iso(ms: int | None) -> str | None:
    """Epoch milliseconds as ISO 8601 UTC text, e.g. '2026-11-27T18:00:00Z'."""
    dt = to_datetime(ms)
    return None if dt is None else dt.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def parse_iso_ms(text: str) -> int:
    """ISO 8601 text (naive = UTC) as epoch milliseconds."""
    dt = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return int(dt.timestamp() * 1000)
