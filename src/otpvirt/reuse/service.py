"""The reuse rule: the same number again, for the same client and service.

A number that received an SMS for a service is never leased for that service
again, with one exception: the client whose activation got that SMS may lease
it again for that service, while the number is free, within
`Settings.reuse_days` of that activation. Each reuse is a new activation with
a new id and its own charge at today's price; its SMS reach it as any lease's.
"""

from __future__ import annotations

from dataclasses import dataclass

from otpvirt.activation import service as activations
from otpvirt.activation.service import Lease, LeaseRequest
from otpvirt.catalogue.snapshot import CountryInfo, ServiceInfo, Snapshot
from otpvirt.clients.service import AuthClient
from otpvirt.clock import now_ms
from otpvirt.db import Conn
from otpvirt.errors import ActivationNotFound, NoNumbers
from otpvirt.inventory.repositories.pool import PickedNumber
from otpvirt.reuse import repository as repo
from otpvirt.reuse.repository import NumberNow, Origin


class NotReusable(NoNumbers):
    """The number cannot be leased again now (busy, too old, no SMS, or not sold)."""

    reason = "reuse_not_available"


@dataclass(frozen=True, slots=True)
class Offer:
    """What leasing the number again would give, and cost."""

    origin: Origin
    number: NumberNow
    country: CountryInfo
    service: ServiceInfo
    price: int


async def _offer(
    conn: Conn, snap: Snapshot, client: AuthClient, origin: Origin | None, reuse_ms: int
) -> Offer:
    if origin is None or origin.client_id != client.id:
        # Someone else's activation is reported exactly like a missing one.
        raise ActivationNotFound()
    if origin.sms_count == 0:
        raise NotReusable("only a number that received an SMS can be taken again")
    if now_ms() - origin.created_at > reuse_ms:
        raise NotReusable(f"a number can be taken again for {reuse_ms // 86_400_000} days")
    country = snap.countries_by_id.get(origin.country_id)
    service = snap.services_by_id.get(origin.service_id)
    price = snap.prices.get(client.currency, {}).get((origin.country_id, origin.service_id))
    if country is None or service is None or price is None:
        raise NotReusable("the service is no longer sold in that country")
    if not (country.enabled and service.enabled):
        raise NotReusable("the service is no longer sold in that country")
    number = await repo.number_now(conn, origin.number_id)
    if number is None or not number.free:
        raise NotReusable("the number is not free now")
    return Offer(origin, number, country, service, price)


async def check(
    conn: Conn, snap: Snapshot, client: AuthClient, act_id: int, *, reuse_ms: int
) -> Offer:
    """Whether the client may lease activation `act_id`'s number again now, and the price."""
    return await _offer(conn, snap, client, await repo.origin(conn, act_id), reuse_ms)


async def lease_again(
    conn: Conn,
    snap: Snapshot,
    client: AuthClient,
    act_id: int,
    *,
    lease_ms: int,
    reuse_ms: int,
) -> Lease:
    """Lease activation `act_id`'s number again for its service: a new activation, charged."""
    offer = await check(conn, snap, client, act_id, reuse_ms=reuse_ms)
    return await _lease(conn, client, offer, lease_ms)


async def lease_guid_again(
    conn: Conn, snap: Snapshot, client: AuthClient, guid: str, *, lease_ms: int, reuse_ms: int
) -> Lease:
    """`lease_again` for an activation named by its GUID (the native id)."""
    offer = await _offer(conn, snap, client, await repo.origin_by_guid(conn, guid), reuse_ms)
    return await _lease(conn, client, offer, lease_ms)


async def lease_phone_again(
    conn: Conn,
    snap: Snapshot,
    client: AuthClient,
    phone: int,
    service: ServiceInfo,
    *,
    lease_ms: int,
    reuse_ms: int,
) -> Lease:
    """Lease a number the client used for the service before (native GetNumber `number`)."""
    origin = await repo.origin_by_phone(conn, client.id, phone, service.id, now_ms() - reuse_ms)
    if origin is None:
        raise NotReusable(f"{phone} is not a number you received an SMS on for {service.code}")
    offer = await _offer(conn, snap, client, origin, reuse_ms)
    return await _lease(conn, client, offer, lease_ms)


async def _lease(conn: Conn, client: AuthClient, offer: Offer, lease_ms: int) -> Lease:
    n = offer.number
    req = LeaseRequest(client, offer.service, ((offer.country, n.provider_id),), lease_ms)
    picked = PickedNumber(n.id, n.phone, n.provider_id, n.free_since)
    return await activations.lease_picked(conn, req, offer.country, picked, offer.price)
