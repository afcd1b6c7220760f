"""Operator actions on client accounts, each audited in its own transaction.

The CLI, the admin API and the console all call these, so a change made anywhere
is checked by the same rules and lands in the same audit log.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from otpvirt.admin import audit
from otpvirt.admin.audit import Actor
from otpvirt.auth.passwords import generate_password
from otpvirt.clients import service as clients
from otpvirt.clock import now_ms
from otpvirt.db import Conn, in_transaction
from otpvirt.errors import ValidationFailed
from otpvirt.events import service as lifecycle
from otpvirt.ids import new_guid, parse_guid
from otpvirt.ledger import service as ledger
from otpvirt.money import currency, format_amount, parse_amount
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


@dataclass(frozen=True, slots=True)
class NewClient:
    """A client just created, with its API password (shown only now)."""

    balance: clients.Balance
    api_password: str


def _amount(b: clients.Balance) -> str:
    """A balance as the audit log records it."""
    return format_amount(b.balance, currency(b.currency))


async def _client(conn: Conn, client_id: str) -> clients.Client:
    return (await clients.get_client(conn, client_id)).client


async def create_client(
    rt: Runtime,
    actor: Actor,
    *,
    password: str | None = None,
    currency_code: str = "USD",
    balance: str = "0",
    client_id: str | None = None,
    name: str | None = None,
) -> NewClient:
    """Create a client; the answer holds its API password (shown only now)."""
    pw = password or generate_password()
    clients.check_password_rules(pw)
    opening = parse_amount(balance, currency(currency_code))
    pw_hash = await asyncio.to_thread(rt.passwords.hash, pw)
    cid = parse_guid(client_id, field="clientId") if client_id else new_guid()

    async def work(conn: Conn) -> tuple[clients.Balance, Any, Any]:
        out = await clients.create_client(
            conn,
            password_hash=pw_hash,
            currency_code=currency_code,
            balance=opening,
            client_id=cid,
            name=name,
        )
        after = {"name": name, "currency": out.currency, "balance": _amount(out)}
        return out, None, after

    out = await audited(rt, actor, "client.create", cid, work)
    return NewClient(out, pw)


async def change_balance(
    rt: Runtime, actor: Actor, client_id: str, amount: str, *, kind: str, note: str | None
) -> clients.Balance:
    """Top up (kind topup) or correct (kind adjustment, reason required) a balance."""
    if kind == ledger.ADJUSTMENT and not (note and note.strip()):
        raise ValidationFailed("an adjustment needs a reason", reason="reason_required")
    cid = parse_guid(client_id, field="clientId")

    async def work(conn: Conn) -> tuple[clients.Balance, Any, Any]:
        c = await _client(conn, cid)
        before = format_amount(c.balance, currency(c.currency))
        out = await clients.change_balance(conn, cid, amount, kind=kind, note=note)
        return out, {"balance": before}, {"balance": _amount(out), "amount": amount, "note": note}

    return await audited(rt, actor, f"client.{kind}", cid, work)


async def set_enabled(rt: Runtime, actor: Actor, client_id: str, enabled: bool) -> None:
    """Disable or re-enable a client (takes effect at once in this process)."""
    cid = parse_guid(client_id, field="clientId")

    async def work(conn: Conn) -> tuple[None, Any, Any]:
        before = (await _client(conn, cid)).enabled
        await clients.set_enabled(conn, cid, enabled)
        return None, {"enabled": before}, {"enabled": enabled}

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
    rt: Runtime,
    actor: Actor,
    client_id: str,
    url: str | None,
    fmt: str | None = None,
    events: str | None = None,
) -> targets.WebhookChange:
    """Set or clear the client's webhook (and with `events`, what it is sent for)."""
    cid = parse_guid(client_id, field="clientId")
    if events is not None:
        lifecycle.check_events(events)

    async def work(conn: Conn) -> tuple[targets.WebhookChange, Any, Any]:
        old = await targets.get_webhook(conn, cid)
        old_events = await lifecycle.events_of(conn, cid)
        out = await targets.set_webhook(conn, cid, url, fmt)
        now = old_events if events is None else await lifecycle.set_events(conn, cid, events)
        out = replace(out, events=now)
        before = {"url": old.url, "format": old.format, "events": old_events}
        return out, before, {"url": out.url, "format": out.format, "events": now}

    return await audited(rt, actor, "client.webhook", cid, work)


async def set_low_balance(
    rt: Runtime, actor: Actor, client_id: str, amount: str | None
) -> int | None:
    """Set (None: clear) the balance below which the client gets `balance.low`."""
    cid = parse_guid(client_id, field="clientId")

    async def work(conn: Conn) -> tuple[int | None, Any, Any]:
        cur = currency((await _client(conn, cid)).currency)
        threshold = None if amount is None else parse_amount(amount, cur)
        await lifecycle.set_low_balance(conn, cid, threshold, now_ms())
        shown = None if threshold is None else format_amount(threshold, cur)
        return threshold, None, {"lowBalance": shown}

    return await audited(rt, actor, "client.low_balance", cid, work)


async def rotate_webhook_secret(rt: Runtime, actor: Actor, client_id: str) -> targets.Rotation:
    """A new webhook signing secret (the old one co-signs for 24 h)."""
    cid = parse_guid(client_id, field="clientId")

    async def work(conn: Conn) -> tuple[targets.Rotation, Any, Any]:
        out = await targets.rotate_secret(conn, cid)
        return out, None, {"secret": "rotated"}

    return await audited(rt, actor, "client.webhook_secret", cid, work)
