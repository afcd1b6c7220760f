"""Operator (and portal) actions on a client's lifecycle-event subscriptions, audited."""

from __future__ import annotations

from typing import Any

from otpvirt.admin.audit import Actor
from otpvirt.admin.client_ops import audited
from otpvirt.clock import now_ms
from otpvirt.db import Conn
from otpvirt.events import service as lifecycle
from otpvirt.events import subscriptions
from otpvirt.events.subscriptions import Subscriptions
from otpvirt.ids import parse_guid
from otpvirt.money import currency, parse_amount
from otpvirt.runtime import Runtime


def _audit(s: Subscriptions) -> dict[str, Any]:
    return {"events": s.events, "lowBalance": s.low_balance_text}


async def set_subscriptions(
    rt: Runtime, actor: Actor, client_id: str, events: str, low_balance: str | None
) -> Subscriptions:
    """Subscribe the client to exactly `events` and set (None: clear) the low-balance
    threshold, in one audited transaction (`client.events`)."""
    cid = parse_guid(client_id, field="clientId")
    kinds = lifecycle.check_events(events)

    async def work(conn: Conn) -> tuple[Subscriptions, Any, Any]:
        old = await subscriptions.subscriptions_of(conn, cid)
        threshold = (
            None if low_balance is None else parse_amount(low_balance, currency(old.currency))
        )
        new = await subscriptions.set_subscriptions(conn, cid, kinds, threshold, now_ms())
        return new, _audit(old), _audit(new)

    return await audited(rt, actor, "client.events", cid, work)
