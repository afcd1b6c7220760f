"""Operator actions on the catalogue (countries, operators, services), each audited.

Like `client_ops`: each action runs its own transaction and writes its audit entry in it.
"""

from __future__ import annotations

from typing import Any

from otpvirt.admin import repository
from otpvirt.admin.audit import Actor
from otpvirt.admin.client_ops import audited
from otpvirt.catalogue import aliases
from otpvirt.catalogue import service as catalogue
from otpvirt.catalogue.schemas import ProviderAddedOut, ServiceAddedOut
from otpvirt.db import Conn
from otpvirt.runtime import Runtime


async def add_country(rt: Runtime, actor: Actor, name: str, **kw: Any) -> catalogue.AddedCountry:
    """Add a country (`calling_code`, `title`, `iso2`, `smsactivate_id`)."""

    async def work(conn: Conn) -> tuple[catalogue.AddedCountry, Any, Any]:
        out = await catalogue.add_country(conn, name, **kw)
        return out, None, {**kw, "name": out.name}

    out = await audited(rt, actor, "catalogue.add_country", name.strip().lower(), work)
    rt.catalogue.invalidate()
    return out


async def add_provider(
    rt: Runtime, actor: Actor, country: str, name: str, title: str | None = None
) -> catalogue.AddedProvider:
    """Add an operator to a country."""

    async def work(conn: Conn) -> tuple[catalogue.AddedProvider, Any, Any]:
        out = await catalogue.add_provider(conn, country, name, title=title)
        return out, None, ProviderAddedOut.of(out).model_dump()

    out = await audited(rt, actor, "catalogue.add_provider", f"{country}/{name}", work)
    rt.catalogue.invalidate()
    return out


async def add_service(rt: Runtime, actor: Actor, code: str, name: str) -> catalogue.AddedService:
    """Add a service."""

    async def work(conn: Conn) -> tuple[catalogue.AddedService, Any, Any]:
        out = await catalogue.add_service(conn, code, name)
        return out, None, ServiceAddedOut.of(out).model_dump()

    out = await audited(rt, actor, "catalogue.add_service", code.strip().lower(), work)
    rt.catalogue.invalidate()
    return out


async def set_smsactivate_id(
    rt: Runtime, actor: Actor, country: str, smsactivate_id: int | None
) -> None:
    """Set or clear a country's sms-activate id."""

    async def work(conn: Conn) -> tuple[None, Any, Any]:
        before = await repository.smsactivate_id(conn, country.strip().lower())
        await catalogue.set_smsactivate_id(conn, country, smsactivate_id)
        return None, {"smsactivateId": before}, {"smsactivateId": smsactivate_id}

    await audited(rt, actor, "catalogue.smsactivate_id", country.strip().lower(), work)
    rt.catalogue.invalidate()


async def add_alias(rt: Runtime, actor: Actor, code: str, alias: str) -> dict[str, str]:
    """Give a service another name for routing SMS within a bundle."""

    async def work(conn: Conn) -> tuple[dict[str, str], Any, Any]:
        out = await aliases.add_alias(conn, code, alias)
        return out, None, out

    return await audited(rt, actor, "catalogue.add_alias", code.strip().lower(), work)


async def remove_alias(rt: Runtime, actor: Actor, code: str, alias: str) -> dict[str, str]:
    """Take an operator's alias away from a service."""

    async def work(conn: Conn) -> tuple[dict[str, str], Any, Any]:
        out = await aliases.remove_alias(conn, code, alias)
        return out, out, None

    return await audited(rt, actor, "catalogue.remove_alias", code.strip().lower(), work)
