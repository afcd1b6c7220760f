"""The demo market: a few simulated clients that lease, read their codes, confirm, cancel.

Only `serve --demo` runs it, as a worker loop (`--demo-traffic` leases per minute). Its
clients are accounts marked `demo`; everything they do goes through the service
functions the API calls (lease, GetSms, confirm, cancel), each in its own transaction,
so money and SMS follow the real rules. Nothing lives in memory: the time of the next
lease is a row in `system_values`, and what each lease will do is a function of its id,
so a restart or a kill -9 simply carries on where it stopped.
"""

from __future__ import annotations

import hashlib
import logging
import random
from dataclasses import dataclass

from otpvirt.activation import dispatch
from otpvirt.activation import service as activations
from otpvirt.activation.leasing import lease_number
from otpvirt.activation.service import LeaseRequest
from otpvirt.clients.service import AuthClient
from otpvirt.clock import now_ms
from otpvirt.db import Conn, in_transaction
from otpvirt.demo import repository as repo
from otpvirt.demo import upkeep
from otpvirt.demo.catalogue import SERVICES
from otpvirt.demo.repository import LiveLease
from otpvirt.errors import (
    ActivationFinished,
    InsufficientBalance,
    NoNumbers,
    NotFound,
    OtpVirtError,
    SmsAlreadyReceived,
)
from otpvirt.runtime import Runtime

log = logging.getLogger("otpvirt.demo")

NEXT_KEY = repo.NEXT_KEY
RNG_KEY = "demo_market_rng"
# A client whose SMS has not come after this long gives up and cancels (refunded).
GIVE_UP_MS = 90_000
# Leases made in one pass at most, and how far behind the schedule may fall before
# the missed leases are dropped (after a pause or a restart: no burst of catch-up).
MAX_LEASES_PER_PASS = 20
MAX_BEHIND_MS = 5_000
# Live demo leases looked at per pass, newest first (older ones are left to expire).
MAX_LIVE = 500

CONFIRM, CANCEL, ABANDON = "confirm", "cancel", "abandon"


@dataclass(frozen=True)
class Persona:
    """A simulated client: its account name and what it buys (repeats weigh more)."""

    name: str
    services: tuple[str, ...]


PERSONAS = (
    Persona("demo market: messenger farm", ("tg", "tg", "wa", "wa", "vi", "wb", "ig")),
    Persona("demo market: app testing lab", ("go", "go", "fb", "ig", "wx", "hw", "mb", "ma")),
    Persona("demo market: reseller", SERVICES),
)
_BY_NAME = {p.name: p for p in PERSONAS}


async def setup_market(rt: Runtime) -> list[str]:
    """The simulated clients' accounts, created once (marked demo); their ids."""
    return await upkeep.ensure_clients(rt, [p.name for p in PERSONAS])


@dataclass(frozen=True)
class Plan:
    """What a simulated client does with a lease, and how long it takes to do it."""

    fate: str
    # After the SMS (confirm) or after the lease (cancel), in ms.
    delay_ms: int


def plan_for(guid: str) -> Plan:
    """The lease's fate, the same in every process and after any restart."""
    h = int.from_bytes(hashlib.sha256(guid.encode()).digest()[:8], "big")
    roll, delay = h % 100, 1_500 + (h // 100) % 6_000
    if roll < 78:
        return Plan(CONFIRM, delay)
    if roll < 90:
        return Plan(CANCEL, delay)
    return Plan(ABANDON, 0)


def next_step(plan: Plan, state: str, created_at: int, last_sms_at: int | None, now: int) -> str:
    """CONFIRM, CANCEL or "" (nothing yet) for a live lease."""
    if plan.fate == ABANDON:
        return ""  # the lease runs out: the sweeper completes or refunds it
    if state == activations.SMS_RECEIVED:
        # A code came: read it and confirm (a cancel that came too late does the same).
        return CONFIRM if now >= (last_sms_at or created_at) + plan.delay_ms else ""
    if plan.fate == CANCEL:
        return CANCEL if now >= created_at + plan.delay_ms else ""
    return CANCEL if now >= created_at + GIVE_UP_MS else ""


async def run_market(rt: Runtime) -> int:
    """One pass: act on the live demo leases that are due, then make the due leases."""
    rate = rt.settings.demo_traffic
    if rate <= 0:
        return 0
    rng = rt.extras.setdefault(RNG_KEY, random.Random())
    assert isinstance(rng, random.Random)
    done = await settle(rt)
    gap_ms = 60_000 / rate
    longest = int(gap_ms * 1.5)
    # Read first: most passes have no turn due and need no write transaction.
    async with rt.db.read() as conn:
        booked = await repo.next_turn(conn, lock=False)
    now = now_ms()
    if booked is not None and now < booked <= now + longest:
        return done
    for _ in range(MAX_LEASES_PER_PASS):
        gap = int(gap_ms * rng.uniform(0.5, 1.5))
        if not await in_transaction(rt.db, claim_lease, now_ms(), gap, longest):
            break
        done += await lease_one(rt, rng)
    return done


async def claim_lease(conn: Conn, now: int, gap: int, longest: int) -> bool:
    """Take the next lease's turn if it is due (one process per turn), and book the next."""
    due = await repo.next_turn(conn, lock=True)
    if due is None:
        await repo.first_turn(conn, now + gap, now)
        return True
    # A turn booked further ahead than the current rate allows (the rate went up) is due.
    if due > now and due <= now + longest:
        return False
    await repo.book_turn(conn, max(min(due, now), now - MAX_BEHIND_MS) + gap)
    return True


async def lease_one(rt: Runtime, rng: random.Random) -> int:
    """A random demo client leases a number for one of its services; 1 if it got one."""
    async with rt.db.read() as conn:
        rows = await repo.clients(conn, enabled_only=True)
    if not rows:
        return 0
    chosen = rng.choice(rows)
    client_id, name, cur = chosen.id, chosen.name, chosen.currency
    persona = _BY_NAME.get(name or "", PERSONAS[-1])
    snap = await rt.catalogue.get()
    service = snap.service(rng.choice(persona.services))
    if service is None:
        return 0  # the operator stopped it
    prices = snap.prices.get(cur, {})
    sold = [c for c in snap.countries_by_id.values() if c.enabled and (c.id, service.id) in prices]
    if not sold:
        return 0
    # Most clients name a country, some an operator; a few take the cheapest anywhere.
    country = rng.choice(sold) if rng.random() < 0.85 else None
    operator = None
    if country is not None and country.providers and rng.random() < 0.5:
        operator = rng.choice(sorted(country.providers))
    client = AuthClient(str(client_id), str(cur), None)
    try:
        where = activations.candidates(snap, client.currency, service, country, operator)
        lease = await lease_number(
            rt, LeaseRequest(client, service, tuple(where), rt.settings.lease_ms)
        )
    except InsufficientBalance:
        await upkeep.top_up(rt, client.id)
        return 0
    except NoNumbers:
        if country is not None:
            await upkeep.restock(rt, country, None, service)
        return 0
    except OtpVirtError as exc:
        log.info("demo market: lease refused: %s", exc.message)
        return 0
    await upkeep.restock(rt, lease.country, lease.provider_id, service)
    return 1


async def settle(rt: Runtime) -> int:
    """Confirm the leases whose code came, cancel those given up on; return how many."""
    now = now_ms()
    async with rt.db.read() as conn:
        rows = await repo.live_leases(conn, MAX_LIVE)
    done = 0
    for row in rows:
        step = next_step(plan_for(row.guid), row.state, int(row.created_at), row.last_sms_at, now)
        if step and await _act(rt, step, row):
            done += 1
    return done


async def _act(rt: Runtime, step: str, row: LiveLease) -> bool:
    act_id, guid, client_id = int(row.id), str(row.guid), str(row.client_id)
    try:
        if step == CONFIRM:
            # As a real client would: read the code (GetSms), then confirm.
            async with rt.db.read() as conn:
                got = await activations.get_sms(conn, client_id, guid)
            log.debug("demo market: %s got code %s", guid, got[-1].code if got else None)
            await in_transaction(rt.db, activations.confirm, client_id, act_id=act_id)
        else:
            await dispatch.cancel_activation(rt.db, client_id, act_id=act_id)
    except SmsAlreadyReceived:
        return False  # the SMS beat the cancel: confirmed on the next pass
    except (ActivationFinished, NotFound):
        return False  # ended meanwhile (expiry, an operator, another worker)
    return True
