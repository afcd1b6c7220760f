"""The suppliers' background work: refresh stock, poll purchases, finish and give back.

Each task claims due rows in a short transaction, talks to the suppliers outside
any transaction, and records the result in another; a crash in between only
delays the work until the claim expires.
"""

from __future__ import annotations

import asyncio
import logging
import random

from otpvirt.catalogue.snapshot import Snapshot
from otpvirt.clock import now_ms
from otpvirt.db import Conn, in_transaction
from otpvirt.runtime import Runtime
from otpvirt.sms.service import ACCEPTED, ingest
from otpvirt.sources.service import SourceInfo, get_source
from otpvirt.supply import stock
from otpvirt.supply.base import SMSHUB, UPSTREAM, IncomingSms, Supplier, SupplierError, Want
from otpvirt.supply.orders import FINISHING, OPEN
from otpvirt.supply.registry import supplier_for
from otpvirt.supply.repositories import orders
from otpvirt.supply.repositories import stock as stock_rows
from otpvirt.supply.repositories.orders import Order

log = logging.getLogger("otpvirt.supply")

CLAIM_MS = 60_000
# After the first code, a purchase is polled less often (a second SMS is rarer).
SLOW_POLL_MS = 15_000


async def refresh_stock(rt: Runtime) -> int:
    """Ask every due supplier for its stock (SMSHub GET_SERVICES, upstream getPrices)."""
    s = rt.settings
    rng = rt.extras.setdefault("supply_rng", random.Random())
    assert isinstance(rng, random.Random)
    intervals = {
        SMSHUB: s.smshub_stock_interval_seconds,
        UPSTREAM: s.upstream_stock_interval_seconds,
    }
    due = await in_transaction(
        rt.db, stock.claim_due_sources, now=now_ms(), intervals=intervals, rng=rng
    )
    if not due:
        return 0
    snap = await rt.catalogue.get()

    async def one(source: SourceInfo) -> None:
        try:
            rows = await supplier_for(source, s).stock(snap)
        except (SupplierError, TimeoutError) as exc:
            log.warning("supplier %s: stock refresh failed: %s", source.name, exc)
            return
        await in_transaction(rt.db, stock.replace, source.id, rows, now_ms())

    await asyncio.gather(*(one(src) for src in due))
    return len(due)


async def work_orders(rt: Runtime, *, limit: int = 50) -> int:
    """Finish, give back or poll the due supplier orders; return how many were due."""
    due = await in_transaction(rt.db, orders.claim_due, now=now_ms(), hold_ms=CLAIM_MS, limit=limit)
    if not due:
        return 0
    snap = await rt.catalogue.get()
    adapters: dict[int, Supplier] = {}
    for order in due:
        supplier = adapters.get(order.source_id)
        if supplier is None:
            async with rt.db.read() as conn:
                source = await _source(conn, order.source_id)
            supplier = adapters[order.source_id] = supplier_for(source, rt.settings)
        try:
            if order.state == FINISHING:
                await _finish(rt, supplier, order, snap)
            elif order.state == OPEN:
                await _poll(rt, supplier, order, snap)
        except (SupplierError, TimeoutError) as exc:
            await _retry(rt, supplier, order, str(exc) or "no answer in time")
        except Exception as exc:
            log.exception("supplier order %d failed", order.id)
            await _retry(rt, supplier, order, f"{type(exc).__name__}: {exc}")
    return len(due)


async def _source(conn: Conn, source_id: int) -> SourceInfo:
    name = await stock_rows.source_name(conn, source_id)
    return await get_source(conn, str(name))


async def _retry(rt: Runtime, supplier: Supplier, order: Order, error: str) -> None:
    log.warning("supplier %s order %d: %s; retrying later", supplier.source.name, order.id, error)
    await in_transaction(
        rt.db,
        orders.retry_later,
        order.id,
        error=error,
        now=now_ms(),
        attempts=order.attempts,
        max_delay_ms=int(rt.settings.supplier_retry_max_seconds * 1000),
    )


async def _finish(rt: Runtime, supplier: Supplier, order: Order, snap: Snapshot) -> None:
    external_id = order.external_id
    assert order.outcome is not None
    if external_id is None:
        # The purchase's answer was lost: find it by our order key, if the supplier can.
        want = Want(
            snap.countries_by_id[order.country_id],
            None,
            snap.services_by_id[order.service_id],
            0,
            "",
            (),
            order.order_key,
        )
        offer = await supplier.recover(want)
        if offer is None:
            note = "nothing found to give back under the order key"
            await in_transaction(rt.db, orders.done, order.id, now=now_ms(), note=note)
            return
        await in_transaction(rt.db, orders.found, order.id, offer)
        external_id = offer.external_id
    await supplier.finish(external_id, order.outcome)
    await in_transaction(rt.db, orders.done, order.id, now=now_ms())
    log.info("supplier %s: %s %s", supplier.source.name, order.outcome, external_id)


async def _feed(conn: Conn, order: Order, sms: list[IncomingSms], sender: str, source: int) -> int:
    fed = 0
    for item in sms:
        result = await ingest(
            conn,
            to=order.phone or 0,
            sender=sender,
            text=item.text,
            source_id=source,
            external_id=item.external_id,
        )
        fed += result.status == ACCEPTED
    return fed


async def _poll(rt: Runtime, supplier: Supplier, order: Order, snap: Snapshot) -> None:
    if order.external_id is None or order.phone is None:
        return
    sms, ended = await supplier.poll(order.external_id)
    sender = snap.services_by_id[order.service_id].name
    now = now_ms()

    async def record(conn: Conn) -> int:
        fed = await _feed(conn, order, sms, sender, supplier.source.id)
        if ended:
            # The provider ended (and refunded) it itself: nothing is left to tell it.
            await orders.done(conn, order.id, now=now, note="ended by the supplier")
        else:
            wait = (
                SLOW_POLL_MS if order.sms_count + fed else rt.settings.upstream_poll_seconds * 1000
            )
            await orders.polled(
                conn, order.id, sms_count=order.sms_count + fed, next_poll=now + int(wait)
            )
        return fed

    if await in_transaction(rt.db, record):
        rt.notify("sms")
