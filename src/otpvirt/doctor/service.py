"""The invariants, each one SQL query that must return no rows.

A violation means money or an SMS was mishandled somewhere; the doctor names the
rows so an operator (or a crash test) can see exactly what is wrong.
"""

from __future__ import annotations

from typing import Any, TypedDict

from otpvirt.db import Conn
from otpvirt.doctor import repository as repo
from otpvirt.doctor.repository import CHECKS, Check

__all__ = ["CHECKS", "Check", "CheckResult", "run_checks"]


class CheckResult(TypedDict):
    """One invariant's outcome: how many rows violate it, and a few of them."""

    name: str
    description: str
    violations: int
    examples: list[list[Any]]


async def run_checks(conn: Conn, *, sample: int = 5) -> list[CheckResult]:
    """Run every check; return each with its violation count and a few examples."""
    out: list[CheckResult] = []
    for check in CHECKS:
        rows = await repo.violations(conn, check)
        out.append(
            {
                "name": check.name,
                "description": check.description,
                "violations": len(rows),
                "examples": [[_plain(v) for v in row] for row in rows[:sample]],
            }
        )
    return out


def _plain(value: object) -> Any:
    return value if isinstance(value, int | str | float | type(None)) else str(value)
