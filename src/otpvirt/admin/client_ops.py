"""Operator actions on client accounts, each audited in its own transaction.

The CLI, the admin API and the console all call these, so a change made anywhere
is checked by the same rules and lands in the same audit log.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from otpvirt.admin import audit
from otpvirt.admin.audit import Actor
from otpvirt.auth.passwords import generate_password
from otpvirt.clients import service as clients
from otpvirt.db import Conn, in_transaction
from otpvirt.errors import ValidationFailed
from otpvirt.ids import new_guid, parse_guid
from otpvirt.ledger import service as ledger
from otpvirt.money import currency, parse_amount
from otpvirt.runtime import Runtime
from otpvirt.webhook import targets

T = TypeVar("T")
Work = Callable[[Conn], Awaitable[tuple[T, Any, Any]]]


async def audited(rt: Runtime, actor: Actor, action: str, target: str | None, work: Work[T]) -> T:
    """Run `work(conn)` -> (result, before, after) and log it, in one transaction."""

    async def tx(conn: Conn) -> T:
        result, before, after = await work(conn)
        await audit.record(conn, actor, action, target, before, after)
        return result

    return await in_transaction(rt.db, tx)


async def _state(conn: Conn, client_id: str) -> dict[str, Any]:
    data = await clients.get_client(conn, client_id)
    return {"balance": data["balance"], "enabled": data["enabled"]}


async def create_client(
    rt: Runtime,
    actor: Actor,
    *,
    password: str | None = None,
    currency_code: str = "USD",
    balance: str = "0",
    client_id: str | None = None,
    name: str | None = None,
) -> dict[str, Any]:
    """Create a client; the answer holds its API password (shown only now)."""
    pw = password or generate_password()
    clients.check_password_rules(pw)
    opening = parse_amount(balance, currency(currency_code))
    pw_hash = await asyncio.to_thread(rt.passwords.hash, pw)
    cid = parse_guid(client_id, field="clientId") if client_id else new_guid()

    async def work(conn: Conn) -> tuple[dict[str, Any], Any, Any]:
        out = await clients.create_client(
            conn,
            password_hash=pw_hash,
            currency_code=currency_code,
            balance=opening,
            client_id=cid,
            name=name,
        )
        after = {"name": name, "currency": out["currency"], "balance": out["balance"]}
        return out, None, after

    out = await audited(rt, actor, "client.create", cid, work)
    return {**out, "apiPassword": pw}


async def change_balance(
    rt: Runtime, actor: Actor, client_id: str, amount: str, *, kind: str, note: str | None
) -> dict[str, Any]:
    """Top up (kind topup) or correct (kind adjustment, reason required) a balance."""
    if kind == ledger.ADJUSTMENT and not (note and note.strip()):
        raise ValidationFailed("an adjustment needs a reason", reason="reason_required")
    cid = parse_guid(client_id, field="clientId")

    async def work(conn: Conn) -> tuple[dict[str, Any], Any, Any]:
        before = (await clients.get_client(conn, cid))["balance"]
        out = await clients.change_balance(conn, cid, amount, kind=kind, note=note)
        return out, {"balance": before}, {"balance": out["balance"], "amount": amount, "note": note}

    return await audited(rt, actor, f"client.{kind}", cid, work)


async def set_enabled(rt: Runtime, actor: Actor, client_id: str, enabled: bool) -> None:
    """Disable or re-enable a client (takes effect at once in this process)."""
    cid = parse_guid(client_id, field="clientId")

    async def work(conn: Conn) -> tuple[None, Any, Any]:
        before = await _state(conn, cid)
        await clients.set_enabled(conn, cid, enabled)
        return None, {"enabled": before["enabled"]}, {"enabled": enabled}

    await audited(rt, actor, "client.enable" if enabled else "client.disable", cid, work)
    rt.clients.forget(cid)
    rt.passwords.forget(cid)


async def set_password(rt: Runtime, actor: Actor, client_id: str, password: str | None) -> str:
    """Replace a client's API password; return it (shown only now)."""
    cid = parse_guid(client_id, field="clientId")
    pw = password or generate_password()
    clients.check_password_rules(pw)
    pw_hash = await asyncio.to_thread(rt.passwords.hash, pw)

    async def work(conn: Conn) -> tuple[None, Any, Any]:
        await clients.set_password_hash(conn, cid, pw_hash)
        return None, None, {"password": "changed"}

    await audited(rt, actor, "client.password", cid, work)
    rt.clients.forget(cid)
    rt.passwords.forget(cid)
    return pw


async def rotate_api_key(rt: Runtime, actor: Actor, client_id: str) -> str:
    """Issue a new sms-activate API key (the old one stops); return it."""
    cid = parse_guid(client_id, field="clientId")

    async def work(conn: Conn) -> tuple[str, Any, Any]:
        return await clients.rotate_api_key(conn, cid), None, {"apiKey": "rotated"}

    return await audited(rt, actor, "client.api_key", cid, work)


async def set_webhook(
    rt: Runtime, actor: Actor, client_id: str, url: str | None, fmt: str | None = None
) -> dict[str, Any]:
    """Set or clear the client's webhook; a first URL gets a secret (in the answer only)."""
    cid = parse_guid(client_id, field="clientId")

    async def work(conn: Conn) -> tuple[dict[str, Any], Any, Any]:
        old = await targets.get_webhook(conn, cid)
        out = await targets.set_webhook(conn, cid, url, fmt)
        before = {"url": old["url"], "format": old["format"]}
        return out, before, {"url": out["url"], "format": out["format"]}

    return await audited(rt, actor, "client.webhook", cid, work)


async def rotate_webhook_secret(rt: Runtime, actor: Actor, client_id: str) -> dict[str, Any]:
    """A new webhook signing secret (the old one co-signs for 24 h)."""
    cid = parse_guid(client_id, field="clientId")

    async def work(conn: Conn) -> tuple[dict[str, Any], Any, Any]:
        out = await targets.rotate_secret(conn, cid)
        return out, None, {"secret": "rotated"}

    return await audited(rt, actor, "client.webhook_secret", cid, work)
