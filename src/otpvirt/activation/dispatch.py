"""Leasing from the local pool and cancelling, on the fastest path each database has.

SQLite runs the portable multi-statement rules in one `BEGIN IMMEDIATE` transaction
(statements cost microseconds there). PostgreSQL runs the same rules as one atomic
statement each (`pgpath`), and falls back to the portable path only to name the
precise reason when nothing could be done.
"""

from __future__ import annotations

from otpvirt.activation import pgpath
from otpvirt.activation import service as rules
from otpvirt.activation.service import Candidate, Lease, OrderExists
from otpvirt.catalogue.snapshot import ServiceInfo
from otpvirt.clients.service import AuthClient
from otpvirt.clock import now_ms
from otpvirt.db import Database, IntegrityError, in_transaction
from otpvirt.errors import InsufficientBalance
from otpvirt.events import service as events
from otpvirt.ids import new_guid
from otpvirt.money import currency, format_amount


async def lease_local(
    db: Database,
    *,
    client: AuthClient,
    service: ServiceInfo,
    where: list[Candidate],
    lease_ms: int,
    max_price: int | None = None,
    exclude_prefixes: tuple[str, ...] = (),
    order_id: str | None = None,
) -> Lease:
    """Lease a number from the local pool and charge it, or raise why not."""
    if db.dialect != "postgresql":
        return await in_transaction(
            db,
            rules.get_number,
            client=client,
            service=service,
            where=where,
            lease_ms=lease_ms,
            max_price=max_price,
            exclude_prefixes=exclude_prefixes,
            order_id=order_id,
        )
    offered = False
    cheapest_refused: int | None = None
    async with db.read() as conn:
        for country, provider_id in where:
            now = now_ms()
            guid = new_guid()
            try:
                row = await pgpath.lease_once(
                    conn,
                    client_id=client.id,
                    currency=client.currency,
                    country_id=country.id,
                    provider_id=provider_id,
                    service_id=service.id,
                    exclude_prefixes=exclude_prefixes,
                    max_price=max_price,
                    guid=guid,
                    order_id=order_id,
                    now=now,
                    lease_ms=lease_ms,
                )
            except IntegrityError:
                if order_id is None:
                    raise
                raise OrderExists(
                    f"an activation with orderId {order_id!r} already exists"
                ) from None
            price, picked, act_id = row[0], row[1], row[2]
            if price is None:
                continue
            offered = True
            if max_price is not None and price > max_price:
                cheapest_refused = (
                    price if cheapest_refused is None else min(cheapest_refused, price)
                )
                continue
            if picked is None:
                continue
            if act_id is None:
                have = await conn.fetchval(
                    "SELECT balance FROM clients WHERE id = :c", {"c": client.id}
                )
                cur = currency(client.currency)
                raise InsufficientBalance(
                    f"balance {format_amount(int(have or 0), cur)} {cur.code} is less than "
                    f"{format_amount(int(price), cur)}"
                )
            # The statement charged without the ledger's hook: balance.low here (a
            # transaction only when the balance crossed the client's threshold).
            if await events.balance_crossed(conn, client.id):
                await in_transaction(db, events.balance_changed, client.id, now)
            return Lease(
                int(act_id),
                guid,
                int(row[3]),
                int(row[5]),
                client.currency,
                country,
                int(row[4]),
                service,
                int(row[8]),
                int(row[8]) + lease_ms,
            )
    raise rules.no_lease(where, service, offered=offered, cheapest_refused=cheapest_refused)


async def cancel_activation(
    db: Database,
    client_id: str,
    *,
    guid: str | None = None,
    act_id: int | None = None,
    min_age_ms: int = 0,
) -> int:
    """Cancel a waiting activation and refund it; return the amount refunded."""
    if db.dialect == "postgresql":
        now = now_ms()
        # A transaction, so the lifecycle webhooks are queued with the cancel.
        async with db.transaction() as conn:
            refunded = await pgpath.cancel_once(
                conn, client_id, guid=guid, act_id=act_id, latest=now - min_age_ms, now=now
            )
            if refunded is not None:
                await events.record_cancelled(conn, guid or act_id or 0, refunded, now)
                await events.balance_changed(conn, client_id, now)
        if refunded is not None:
            return refunded
    # SQLite, or nothing was cancellable: the portable path applies (or explains) it.
    return await in_transaction(
        db, rules.cancel, client_id, guid=guid, act_id=act_id, min_age_ms=min_age_ms
    )
