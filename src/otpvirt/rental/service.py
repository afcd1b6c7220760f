"""The rules of rentals: rent, read, extend, finish, cancel, end at the end date, route SMS.

Every function runs in the caller's transaction; money moves through the ledger in
that same transaction. State changes are single guarded UPDATEs (`WHERE state =
'active' ...`), so a cancel and an SMS, or two workers ending the same rental,
never both succeed.
"""

from __future__ import annotations

from dataclasses import dataclass

from otpvirt.db import Conn
from otpvirt.errors import (
    InvalidRequest,
    NoNumbers,
    NotFound,
    ServiceNotOffered,
    SmsAlreadyReceived,
    ValidationFailed,
)
from otpvirt.events import rent as rent_events
from otpvirt.ids import new_guid
from otpvirt.ledger import service as ledger
from otpvirt.money import MAX_MINOR
from otpvirt.rental import repository as repo
from otpvirt.rental.notices import ENDING_LEAD_MS, ending_due
from otpvirt.rental.repository import RentalRow, RentalSmsRow, RentPriceRow, RoutedRental
from otpvirt.webhook import targets

Rental = RentalRow
RentalSms = RentalSmsRow
RentPrice = RentPriceRow

ACTIVE, FINISHED, CANCELLED, EXPIRED = "active", "finished", "cancelled", "expired"
STATES = (ACTIVE, FINISHED, CANCELLED, EXPIRED)
FULL = "full"
MIN_HOURS, MAX_HOURS = 4, 1344
HOUR_MS = 3_600_000
CANCEL_WINDOW_MS = 20 * 60_000


class RentalNotFound(NotFound):
    reason = "rental_not_found"

    def __init__(self, message: str = "no such rental for this client") -> None:
        super().__init__(message)


class BadRentTime(ValidationFailed):
    reason = "invalid_rent_time"


class MaxHoursExceeded(ValidationFailed):
    reason = "max_hours_exceeded"


class RentalEnded(InvalidRequest):
    """The rental is no longer live (`state` says how it ended)."""

    reason = "rental_ended"

    def __init__(self, state: str) -> None:
        super().__init__(f"the rental is already {state}")
        self.state = state


class CancelTooLate(InvalidRequest):
    reason = "rent_cancel_too_late"


class CancelAfterSms(SmsAlreadyReceived):
    reason = "rent_sms_received"

    def __init__(self) -> None:
        super().__init__("an SMS was already received on this rental: finish it instead")


class RentNotOffered(ServiceNotOffered):
    reason = "rent_not_offered"


@dataclass(frozen=True, slots=True)
class Place:
    """Where a number may be rented: a country and maybe one operator."""

    country_id: int
    provider_id: int | None


@dataclass(frozen=True, slots=True)
class Offer:
    """What renting a service in a country costs now, and how many numbers are free."""

    country_id: int
    service_code: str
    hourly: int
    free: int


def check_hours(hours: int) -> None:
    """4 to 1344 whole hours per call."""
    if not MIN_HOURS <= hours <= MAX_HOURS:
        raise BadRentTime(f"hours must be {MIN_HOURS} to {MAX_HOURS}, not {hours}")


def _cost(hourly: int, hours: int) -> int:
    amount = hourly * hours
    if amount > MAX_MINOR:
        raise ValidationFailed("the rent of that many hours is beyond any balance")
    return amount


async def rent(
    conn: Conn,
    *,
    client_id: str,
    cur: str,
    service_code: str,
    service_id: int | None,
    places: list[Place],
    hours: int,
    url: str | None,
    now: int,
) -> Rental:
    """Rent the longest-free fitting number of the first place that has one; charge it.

    `url` (checked by the caller with `notices.check_url`): the rental's SMS are also
    pushed there, signed with the client's webhook secret (made now if it has none).
    """
    check_hours(hours)
    url = targets.check_url(url) if url else None
    priced = False
    for place in places:
        hourly = await repo.rent_price(conn, place.country_id, service_code, cur)
        if hourly is None:
            continue
        priced = True
        picked = await repo.pick(conn, place.country_id, place.provider_id, service_id)
        if picked is None:
            continue
        amount = _cost(hourly, hours)
        rental_id = await repo.insert(
            conn,
            {
                "guid": new_guid(),
                "client": client_id,
                "number": picked.id,
                "phone": picked.phone,
                "country": place.country_id,
                "provider": picked.provider_id,
                "service": service_code,
                "cur": cur,
                "hourly": hourly,
                "hours": hours,
                "amount": amount,
                "now": now,
                "ends": now + hours * HOUR_MS,
                "url": url,
                "ending": ending_due(now + hours * HOUR_MS),
            },
        )
        if not await repo.hold_number(conn, picked.id, rental_id):
            raise NoNumbers("the number was taken meanwhile; try again")
        await ledger.debit(
            conn, client_id, amount, cur, rental_id=rental_id, note=f"rent {hours} h", now=now
        )
        if url:
            await targets.ensure_secret(conn, client_id)
        return await _get(conn, None, rental_id=rental_id)
    if not priced:
        raise RentNotOffered(f"{service_code} is not offered for rent there")
    raise NoNumbers("no number is free for rent there")


async def _get(
    conn: Conn, client_id: str | None, *, guid: str | None = None, rental_id: int | None = None
) -> Rental:
    row = None
    if guid is not None and client_id is not None:
        row = await repo.by_guid(conn, client_id, guid)
    elif rental_id is not None:
        row = await repo.by_id(conn, client_id, rental_id)
    if row is None:
        raise RentalNotFound()
    return row


async def get(
    conn: Conn, client_id: str | None, *, guid: str | None = None, rental_id: int | None = None
) -> Rental:
    """One rental (another client's is answered like a missing one)."""
    return await _get(conn, client_id, guid=guid, rental_id=rental_id)


async def sms(conn: Conn, rental: Rental, *, limit: int = 100, offset: int = 0) -> list[RentalSms]:
    """A rental's SMS, newest first."""
    return await repo.sms_of(conn, rental.id, limit, offset)


async def finish(
    conn: Conn,
    client_id: str | None,
    *,
    now: int,
    guid: str | None = None,
    rental_id: int | None = None,
) -> Rental:
    """End a live rental now; the charge stands."""
    row = await _get(conn, client_id, guid=guid, rental_id=rental_id)
    ended = await repo.end(conn, row.id, FINISHED, now)
    if ended is None:
        raise RentalEnded((await _get(conn, None, rental_id=row.id)).state)
    await repo.release_number(conn, ended.number_id, ended.id, now)
    await rent_events.record_rent_finished(conn, ended.id, FINISHED, 0, now)
    return await _get(conn, None, rental_id=row.id)


async def cancel(
    conn: Conn,
    client_id: str,
    *,
    now: int,
    guid: str | None = None,
    rental_id: int | None = None,
) -> Rental:
    """End a rental with a full refund: only within 20 minutes and before any SMS."""
    row = await _get(conn, client_id, guid=guid, rental_id=rental_id)
    ended = await repo.cancel(conn, row.id, now - CANCEL_WINDOW_MS, now)
    if ended is None:
        row = await _get(conn, None, rental_id=row.id)
        if row.state != ACTIVE:
            raise RentalEnded(row.state)
        if row.sms_count > 0:
            raise CancelAfterSms()
        raise CancelTooLate("a rental can be cancelled only within 20 minutes of its start")
    await repo.release_number(conn, ended.number_id, ended.id, now)
    await ledger.credit(
        conn,
        row.client_id,
        ended.amount,
        row.currency,
        rental_id=row.id,
        note="rent cancelled",
        now=now,
    )
    await rent_events.record_rent_finished(conn, ended.id, CANCELLED, ended.amount, now)
    return await _get(conn, None, rental_id=row.id)


async def _extension(conn: Conn, row: Rental, hours: int, now: int) -> int:
    check_hours(hours)
    if row.state != ACTIVE:
        raise RentalEnded(row.state)
    if row.ends_at <= now:
        raise RentalEnded(EXPIRED)
    if row.hours + hours > MAX_HOURS:
        raise MaxHoursExceeded(f"a rental lasts at most {MAX_HOURS} h; this one has {row.hours} h")
    # The price of the time being bought; the original one if the operator withdrew it.
    hourly = await repo.rent_price(conn, row.country_id, row.service_code, row.currency)
    return _cost(row.hourly_price if hourly is None else hourly, hours)


async def prolong_price(
    conn: Conn,
    client_id: str,
    hours: int,
    *,
    now: int,
    guid: str | None = None,
    rental_id: int | None = None,
) -> int:
    """What extending the rental by `hours` would cost now."""
    row = await _get(conn, client_id, guid=guid, rental_id=rental_id)
    return await _extension(conn, row, hours, now)


async def prolong(
    conn: Conn,
    client_id: str,
    hours: int,
    *,
    now: int,
    guid: str | None = None,
    rental_id: int | None = None,
) -> tuple[Rental, int]:
    """Extend a live rental by `hours` and charge them; returns it and the amount charged."""
    row = await _get(conn, client_id, guid=guid, rental_id=rental_id)
    amount = await _extension(conn, row, hours, now)
    if await repo.extend(conn, row.id, hours, amount, MAX_HOURS, now, ENDING_LEAD_MS) is None:
        # Changed since it was read (ended, or extended by a concurrent call).
        fresh = await _get(conn, None, rental_id=row.id)
        await _extension(conn, fresh, hours, now)
        raise RentalEnded(fresh.state)
    await ledger.debit(
        conn,
        row.client_id,
        amount,
        row.currency,
        rental_id=row.id,
        note=f"rent extended {hours} h",
        now=now,
    )
    return await _get(conn, None, rental_id=row.id), amount


async def expire_due(conn: Conn, now: int, *, limit: int = 200) -> int:
    """End the rentals past their end date and give their numbers back."""
    done = 0
    for rental_id in await repo.due(conn, now, limit):
        ended = await repo.end(conn, rental_id, EXPIRED, now)
        if ended is not None:
            await repo.release_number(conn, ended.number_id, ended.id, now)
            await rent_events.record_rent_finished(conn, ended.id, EXPIRED, 0, now)
            done += 1
    return done


async def route_sms(conn: Conn, rental_id: int, sms_id: int) -> RoutedRental | None:
    """Give a stored SMS to the live rental of its number (None: the rental just ended)."""
    routed = await repo.count_sms(conn, rental_id)
    if routed is not None:
        await repo.attach_sms(conn, sms_id, rental_id)
    return routed


async def live(conn: Conn, client_id: str, *, limit: int = 100, offset: int = 0) -> list[Rental]:
    """The client's live rentals, oldest first."""
    return await repo.listing(
        conn, client_id=client_id, state=ACTIVE, limit=limit, offset=offset, oldest_first=True
    )


async def listing(
    conn: Conn,
    *,
    client_id: str | None = None,
    state: str | None = None,
    limit: int = 50,
    offset: int = 0,
    country_id: int | None = None,
    service_code: str | None = None,
    phone: str | None = None,
) -> list[Rental]:
    """Rentals for the operator (or one client's history), newest first; `phone` matches
    any run of digits of the number."""
    if state is not None and state not in STATES:
        raise ValidationFailed(f"state must be one of {', '.join(STATES)}")
    digits = "".join(ch for ch in phone or "" if ch.isdigit())[:15]
    return await repo.listing(
        conn,
        client_id=client_id,
        state=state,
        limit=limit,
        offset=offset,
        country_id=country_id,
        service_code=service_code,
        phone_digits=digits or None,
    )


async def quote(
    conn: Conn, cur: str, place: Place, service_code: str, service_id: int | None
) -> Offer | None:
    """The hourly price of renting the service there now and the numbers free (None: not
    offered for rent there)."""
    hourly = await repo.rent_price(conn, place.country_id, service_code, cur)
    if hourly is None:
        return None
    free = await repo.count_free(conn, place.country_id, place.provider_id, service_id)
    return Offer(place.country_id, service_code, hourly, free)


async def offers(
    conn: Conn, cur: str, places: list[Place], service_ids: dict[str, int]
) -> list[Offer]:
    """Every priced (country, service) of the places, with its free numbers."""
    out: list[Offer] = []
    by_country = {p.country_id: p for p in places}
    for price in await repo.rent_prices(conn, cur):
        place = by_country.get(price.country_id)
        if place is None:
            continue
        service_id = service_ids.get(price.service_code)
        if price.service_code != FULL and service_id is None:
            continue
        free = await repo.count_free(conn, place.country_id, place.provider_id, service_id)
        out.append(Offer(place.country_id, price.service_code, price.amount, free))
    return out


async def prices(conn: Conn, cur: str | None = None) -> list[RentPrice]:
    """Every hourly rent price."""
    return await repo.rent_prices(conn, cur)


async def set_price(
    conn: Conn, country_id: int, service_code: str, cur: str, amount: int, now: int
) -> None:
    """Set the hourly rent price of a service (or `full`) in a country."""
    if not 0 <= amount <= MAX_MINOR:
        raise ValidationFailed("the hourly price must be 0 or more", reason="bad_amount")
    await repo.set_rent_price(conn, country_id, service_code, cur, amount, now)
