"""One number for several services (getMultiServiceNumber): a bundle of activations.

A bundle is one activation per requested service, all live on one number at once,
leased in one transaction through the lease engine's candidate loop
(`dispatch.candidate_loop`, the portable seam on both databases): in the first
country where every requested service is sold, a bounded pick of a number that is
free and was never used for any of them; then one activation per service, each
charged its own price through the ledger. All or nothing: a balance too low for
the last one leaves no activation and no charge.

The number is held once (`numbers.active_activation_id` names one live member;
`service.release` passes it on as members end) until the last member ends, so no
other lease gets it meanwhile. Every member's `bundle_id` is the first one's id.
Only the local pool serves bundles: an on-demand supplier sells one service per number.
"""

from __future__ import annotations

from otpvirt.activation.dispatch import Attempt, candidate_loop
from otpvirt.activation.repositories import leases
from otpvirt.activation.service import Lease, LeaseRequest
from otpvirt.catalogue.snapshot import CountryInfo
from otpvirt.clock import now_ms
from otpvirt.db import Conn, Database, in_transaction
from otpvirt.errors import InternalError
from otpvirt.ids import new_guid
from otpvirt.inventory.repositories import pool
from otpvirt.inventory.repositories.pool import PickedNumber
from otpvirt.ledger import service as ledger
from otpvirt.pricing import repository as prices


async def lease_bundle(db: Database, req: LeaseRequest) -> list[Lease]:
    """Lease one number for `req.service` and every service of `req.also`, or raise why not."""
    return await in_transaction(db, lease_bundle_in_transaction, req)


async def lease_bundle_in_transaction(conn: Conn, req: LeaseRequest) -> list[Lease]:
    """The bundle lease in the caller's transaction: one Lease per service, in request order."""
    got = await candidate_loop(conn, req, _attempt)
    assert got.lease is not None
    return [got.lease, *got.more]


async def _attempt(
    conn: Conn, req: LeaseRequest, country: CountryInfo, provider_id: int | None
) -> Attempt:
    amounts: list[int] = []
    for service in (req.service, *req.also):
        price = await prices.amount(conn, country.id, service.id, req.client.currency)
        if price is None:
            return Attempt(None)  # not every service is sold here
        amounts.append(price)
    total = sum(amounts)
    if req.max_price is not None and total > req.max_price:
        return Attempt(total)
    picked = await pool.pick_number(
        conn,
        country_id=country.id,
        provider_id=provider_id,
        service_id=req.service.id,
        exclude_prefixes=req.exclude_prefixes,
        also_services=tuple(s.id for s in req.also),
    )
    # The pick read a snapshot; the locking re-read sees a lease committed since (PostgreSQL).
    if picked is None or not await pool.still_pickable(conn, picked.id):
        return Attempt(total)
    got = await _lease_picked(conn, req, country, picked, amounts)
    return Attempt(total, got[0], tuple(got[1:]))


async def _lease_picked(
    conn: Conn, req: LeaseRequest, country: CountryInfo, picked: PickedNumber, amounts: list[int]
) -> list[Lease]:
    # Like `service.lease_picked`: never before the number was given back.
    now = max(now_ms(), picked.free_since)
    client = req.client
    head: int | None = None
    out: list[Lease] = []
    for service, price in zip((req.service, *req.also), amounts, strict=True):
        guid = new_guid()
        act_id = await leases.insert(
            conn,
            guid=guid,
            client_id=client.id,
            number_id=picked.id,
            phone=picked.phone,
            country_id=country.id,
            provider_id=picked.provider_id,
            service_id=service.id,
            price=price,
            currency=client.currency,
            now=now,
            expires_at=now + req.lease_ms,
            order_id=None,
            bundle_id=head,
        )
        if act_id is None:
            raise InternalError("a bundle activation was not recorded")
        if head is None:
            head = act_id
            await leases.start_bundle(conn, act_id)
            if not await pool.claim(conn, picked.id, act_id):
                raise InternalError("the picked number was taken concurrently")
        await ledger.debit(conn, client.id, price, client.currency, activation_id=act_id, now=now)
        out.append(
            Lease(
                act_id,
                guid,
                picked.phone,
                price,
                client.currency,
                country,
                picked.provider_id,
                service,
                now,
                now + req.lease_ms,
            )
        )
    return out
