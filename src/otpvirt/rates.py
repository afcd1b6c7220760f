"""Request-rate settings (`100/s`, `20/m`, `off`): parsed without touching the database.

A leaf module, so `config` can validate rate settings without importing the limiter
(which needs the database layer, which needs `config`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SPEC = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*/\s*(s|sec|second|m|min|minute|h|hour)\s*$")
_UNIT = {"s": 1, "sec": 1, "second": 1, "m": 60, "min": 60, "minute": 60, "h": 3600, "hour": 3600}


@dataclass(frozen=True)
class Rate:
    """A rate: one request every `interval_us`, up to `burst` back to back."""

    interval_us: int
    burst: int

    @property
    def tolerance_us(self) -> int:
        """How far ahead of now the bucket may run before refusing."""
        return (self.burst - 1) * self.interval_us


def parse_rate(spec: str) -> Rate | None:
    """'100/s' -> Rate (burst 200); 'off' -> None."""
    if spec.strip().lower() in ("off", "none", "0", ""):
        return None
    m = _SPEC.match(spec.lower())
    if not m or float(m.group(1)) <= 0:
        raise ValueError(f"rate limit must look like '100/s' or 'off', not {spec!r}")
    per_second = float(m.group(1)) / _UNIT[m.group(2)]
    return Rate(
        interval_us=max(1, int(1_000_000 / per_second)), burst=max(1, int(2 * float(m.group(1))))
    )
