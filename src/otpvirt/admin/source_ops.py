"""Operator actions on sources and on-demand suppliers, each audited.

Like `client_ops`: each action runs its own transaction and writes its audit entry in it.
"""

from __future__ import annotations

from typing import Any

from otpvirt.admin.audit import Actor
from otpvirt.admin.client_ops import audited
from otpvirt.db import Conn
from otpvirt.runtime import Runtime
from otpvirt.sources import service as sources
from otpvirt.supply import stock
from otpvirt.upstream import rent_switch as upstream_rent


async def create_source(
    rt: Runtime, actor: Actor, name: str, **kw: Any
) -> tuple[sources.SourceInfo, str]:
    """Create a source; the token is in the answer only."""

    async def work(conn: Conn) -> tuple[tuple[sources.SourceInfo, str], Any, Any]:
        info, token = await sources.create_source(conn, name, **kw)
        return (info, token), None, {"kind": info.kind}

    return await audited(rt, actor, "source.create", name, work)


async def rotate_source_token(rt: Runtime, actor: Actor, name: str) -> str:
    """A new token for a source (the old one stops)."""

    async def work(conn: Conn) -> tuple[str, Any, Any]:
        return await sources.rotate_token(conn, name), None, {"token": "rotated"}

    return await audited(rt, actor, "source.rotate_token", name, work)


async def set_source_enabled(rt: Runtime, actor: Actor, name: str, enabled: bool) -> None:
    """Disable or re-enable a source (and so its numbers)."""

    async def work(conn: Conn) -> tuple[None, Any, Any]:
        before = (await sources.get_source(conn, name)).enabled
        await sources.set_enabled(conn, name, enabled)
        return None, {"enabled": before}, {"enabled": enabled}

    await audited(rt, actor, "source.enable" if enabled else "source.disable", name, work)


async def set_supplier_priority(rt: Runtime, actor: Actor, name: str, priority: int) -> None:
    """Set the order in which an on-demand supplier is asked (lower first)."""

    async def work(conn: Conn) -> tuple[None, Any, Any]:
        before = await stock.set_priority(conn, name, priority)
        return None, {"priority": before}, {"priority": priority}

    await audited(rt, actor, "source.priority", name, work)


async def set_upstream_rent(rt: Runtime, actor: Actor, name: str, on: bool) -> None:
    """Let clients rent numbers through an upstream provider (its rent actions), or not."""

    async def work(conn: Conn) -> tuple[None, Any, Any]:
        before = await upstream_rent.set_rent(conn, name, on)
        return None, {"rent": before}, {"rent": on}

    await audited(rt, actor, "source.rent", name, work)


async def map_device(
    rt: Runtime, actor: Actor, name: str, device: str, number: str, sim: int | None = None
) -> sources.DeviceMap:
    """Say which number a device (or SIM) of a source is."""

    async def work(conn: Conn) -> tuple[sources.DeviceMap, Any, Any]:
        out = await sources.map_device(conn, name, device, number, sim=sim)
        return out, None, {"source": out.source, "device": out.device, "number": out.number}

    return await audited(rt, actor, "source.map", name, work)
