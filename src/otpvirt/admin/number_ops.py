"""Operator actions on the number pool, each audited (CLI, admin API, console).

Like `client_ops`: each action runs its own transaction and writes its audit entry in it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from otpvirt.admin import audit, repository
from otpvirt.admin.audit import Actor
from otpvirt.admin.client_ops import audited
from otpvirt.db import Conn
from otpvirt.inventory import service as inventory
from otpvirt.runtime import Runtime


async def import_numbers(
    rt: Runtime,
    actor: Actor,
    rows: Iterable[tuple[int, dict[str, str]]],
    *,
    progress: Callable[[int], None] | None = None,
    filename: str | None = None,
) -> inventory.ImportReport:
    """Import numbers (committed per chunk); the summary is audited at the end."""
    snap = await rt.catalogue.get()
    report = await inventory.import_numbers(rt.db, snap, rows, progress=progress)
    summary = {
        "added": report.added,
        "skipped": len(report.skipped),
        "invalid": len(report.invalid),
    }
    async with rt.db.transaction() as conn:
        await audit.record(conn, actor, "numbers.import", filename, None, summary)
    return report


async def set_number_enabled(rt: Runtime, actor: Actor, number: str, enabled: bool) -> None:
    """Take a number out of the pool, or put it back."""
    phone = inventory.normalize_phone(number)

    async def work(conn: Conn) -> tuple[None, Any, Any]:
        before = await repository.number_enabled(conn, phone)
        await inventory.set_number_enabled(conn, str(phone), enabled)
        return None, {"enabled": before}, {"enabled": enabled}

    await audited(rt, actor, "number.enable" if enabled else "number.disable", str(phone), work)
