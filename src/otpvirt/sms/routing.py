"""Where a stored SMS goes: the number's live lease, or the right ones of a bundle.

A number leased for one service: its live activation gets every SMS. A number
leased for several services at once (a bundle, getMultiServiceNumber): the
activation whose service the sender or text names (`catalogue.aliases`: names,
the parser's aliases, operators' aliases), else every live activation of the
bundle. Each further activation gets its own row of the SMS (own guid, same text,
sender, code and receipt time; no external id, so a peer's re-push still finds
the first) and its own webhook, in the transaction that stored the SMS.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from otpvirt.catalogue import aliases
from otpvirt.db import Conn
from otpvirt.ids import new_guid
from otpvirt.sms import repository as repo
from otpvirt.sms.repository import Routed
from otpvirt.webhook import service as webhooks

# PostgreSQL channel told the activation guid of every routed SMS at its commit
# (long-poll GetSms waiters in every process listen to it).
ARRIVALS_CHANNEL = "otpvirt_sms"


@dataclass(frozen=True, slots=True)
class Plan:
    """The activations an SMS goes to (first: the stored row's) and the parser's hint."""

    targets: tuple[int, ...]
    hint: str | None


async def plan_bundle(
    conn: Conn, number_id: int, bundle_id: int, sender: str, text: str
) -> Plan | None:
    """Which live activations of the bundle get the SMS; None when none is live."""
    members = await repo.bundle_members(conn, number_id, bundle_id)
    if not members:
        return None
    named = await aliases.names_of(conn, [(m.service_id, m.code, m.name) for m in members])
    chosen = aliases.matches(named, sender, text) or named
    # One service: the parser gets its hint; several: none (like a `full` rental).
    hint = (chosen[0].parser_format or chosen[0].code) if len(chosen) == 1 else None
    services = {n.service_id for n in chosen}
    return Plan(tuple(m.id for m in members if m.service_id in services), hint)


async def deliver(
    conn: Conn, values: dict[str, Any], activation_id: int, now: int
) -> Routed | None:
    """Count a stored SMS (`values` as `repo.insert` took them, plus `id`) on a live lease.

    Marks the number used for the lease's service and queues the webhook; None (and
    the SMS kept unrouted) when the lease ended meanwhile.
    """
    act = await repo.count_on_lease(conn, activation_id)
    if act is None:
        await repo.unroute(conn, values["id"])
        return None
    await repo.mark_used_for(conn, values["n"], act.service_id, now)
    # The webhook is queued in this same transaction: stored SMS <=> queued webhook.
    await webhooks.enqueue(
        conn,
        {
            "id": values["id"],
            "guid": values["g"],
            "sender": values["snd"],
            "phone": values["phone"],
            "text": values["t"],
            "code": values["code"],
            "received_at": values["rcv"],
            "client_id": str(act.client_id),
            "activation_id": activation_id,
            "activation_guid": str(act.guid),
        },
        now,
    )
    if conn.dialect == "postgresql":
        await repo.announce(conn, ARRIVALS_CHANNEL, str(act.guid))
    return act


async def deliver_copies(
    conn: Conn, values: dict[str, Any], targets: tuple[int, ...], now: int
) -> list[Routed]:
    """A row of the SMS for each further activation of a bundle, each delivered."""
    routed: list[Routed] = []
    for act_id in targets:
        copy = {**values, "g": new_guid(), "a": act_id, "ext": None}
        sms_id = await repo.insert(conn, copy)
        if sms_id is None:
            continue
        got = await deliver(conn, {**copy, "id": sms_id}, act_id, now)
        if got is not None:
            routed.append(got)
    return routed
