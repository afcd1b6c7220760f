"""The SQL of rentals: rent prices, picking and holding a number, state changes, SMS."""

from __future__ import annotations

from dataclasses import dataclass

from otpvirt.db import POOL, Conn

ACTIVE = "active"
# Free for a rental: the pool's picking predicate (inventory.repositories.pool.PICKABLE), repeated
# here so that this package does not depend on the lease engine's.
PICKABLE = "enabled AND source_online AND active_activation_id IS NULL AND rental_id IS NULL"
COLUMNS = (
    "r.id, r.guid, r.client_id, r.number_id, r.phone, r.country_id, r.provider_id, "
    "r.service_code, r.currency, r.hourly_price, r.hours, r.amount, r.state, r.sms_count, "
    "r.created_at, r.ends_at, r.finished_at, r.url"
)


@dataclass(frozen=True, slots=True)
class RentalRow:
    """One rental as stored."""

    id: int
    guid: str
    client_id: str
    number_id: int
    phone: int
    country_id: int
    provider_id: int
    service_code: str
    currency: str
    hourly_price: int
    hours: int
    amount: int
    state: str
    sms_count: int
    created_at: int
    ends_at: int
    finished_at: int | None
    url: str | None


@dataclass(frozen=True, slots=True)
class RentPriceRow:
    """An hourly rent price."""

    country_id: int
    service_code: str
    currency: str
    amount: int


@dataclass(frozen=True, slots=True)
class Picked:
    """A free number claimed for a rental."""

    id: int
    phone: int
    provider_id: int


@dataclass(frozen=True, slots=True)
class RentalSmsRow:
    """An SMS a rented number received."""

    guid: str
    sender: str
    text: str
    code: str
    received_at: int


@dataclass(frozen=True, slots=True)
class Ended:
    """A rental that just ended, the number to give back, and what it cost."""

    id: int
    number_id: int
    amount: int


@dataclass(frozen=True, slots=True)
class RoutedRental:
    """The live rental an SMS was just counted on."""

    id: int
    guid: str
    client_id: str
    url: str | None


async def rent_price(conn: Conn, country_id: int, service_code: str, cur: str) -> int | None:
    """The hourly price for the service in the country: its own, else that of `full`."""
    value = await conn.fetchval(
        "SELECT amount FROM rent_prices WHERE country_id = :c AND currency = :cur "
        "AND service_code IN (:s, 'full') "
        "ORDER BY CASE WHEN service_code = :s THEN 0 ELSE 1 END LIMIT 1",
        {"c": country_id, "cur": cur, "s": service_code},
    )
    return None if value is None else int(value)


async def rent_prices(conn: Conn, cur: str | None = None) -> list[RentPriceRow]:
    """Every hourly rent price (of one currency when given)."""
    sql = "SELECT country_id, service_code, currency, amount FROM rent_prices"
    params: dict[str, object] = {}
    if cur is not None:
        sql += " WHERE currency = :cur"
        params["cur"] = cur
    return await conn.fetch_all_as(RentPriceRow, sql + " ORDER BY country_id, service_code", params)


async def set_rent_price(
    conn: Conn, country_id: int, service_code: str, cur: str, amount: int, now: int
) -> None:
    """Create or replace an hourly rent price."""
    await conn.execute(
        "INSERT INTO rent_prices (country_id, service_code, currency, amount, updated_at) "
        "VALUES (:c, :s, :cur, :a, :now) ON CONFLICT (country_id, service_code, currency) "
        "DO UPDATE SET amount = excluded.amount, updated_at = excluded.updated_at",
        {"c": country_id, "s": service_code, "cur": cur, "a": amount, "now": now},
    )


def _free(service_id: int | None, provider: bool) -> str:
    sql = f"numbers.country_id = :country AND {PICKABLE}"
    if service_id is not None:
        # A number that already received an SMS for the service is never given for it again.
        sql += (
            " AND NOT EXISTS (SELECT 1 FROM number_services ns "
            "WHERE ns.number_id = numbers.id AND ns.service_id = :service)"
        )
    if provider:
        sql += " AND numbers.provider_id = :provider"
    return sql


def _free_params(
    country_id: int, provider_id: int | None, service_id: int | None
) -> dict[str, object]:
    params: dict[str, object] = {"country": country_id}
    if service_id is not None:
        params["service"] = service_id
    if provider_id is not None:
        params["provider"] = provider_id
    return params


async def pick(
    conn: Conn, country_id: int, provider_id: int | None, service_id: int | None
) -> Picked | None:
    """The longest-free fitting number, locked (skipped by concurrent pickers on PostgreSQL)."""
    sql = (
        "SELECT numbers.id, numbers.phone, numbers.provider_id FROM numbers WHERE "
        + _free(service_id, provider_id is not None)
        + " ORDER BY numbers.free_since LIMIT 1"
        + conn.skip_locked
    )
    return await conn.fetch_one_as(Picked, sql, _free_params(country_id, provider_id, service_id))


async def count_free(
    conn: Conn, country_id: int, provider_id: int | None, service_id: int | None
) -> int:
    """How many numbers could be rented now."""
    sql = "SELECT COUNT(*) FROM numbers WHERE " + _free(service_id, provider_id is not None)
    return int(await conn.fetchval(sql, _free_params(country_id, provider_id, service_id)) or 0)


async def insert(conn: Conn, values: dict[str, object]) -> int:
    """Store a new live rental; returns its id."""
    rental_id = await conn.fetchval(
        "INSERT INTO rentals (guid, client_id, number_id, phone, country_id, provider_id, "
        "service_code, currency, hourly_price, hours, amount, state, sms_count, created_at, "
        "ends_at, url) VALUES (:guid, :client, :number, :phone, :country, :provider, :service, "
        ":cur, :hourly, :hours, :amount, 'active', 0, :now, :ends, :url) RETURNING id",
        values,
    )
    return int(rental_id)


async def hold_number(conn: Conn, number_id: int, rental_id: int, *, pooled: bool = True) -> bool:
    """Mark a free number as rented (False if it was taken meanwhile).

    `pooled=False`: a supplier's number (never pickable): only not held by anything else.
    """
    conn.changed(POOL)
    free = PICKABLE if pooled else "active_activation_id IS NULL AND rental_id IS NULL"
    return bool(
        await conn.execute(
            f"UPDATE numbers SET rental_id = :r WHERE id = :n AND {free}",
            {"r": rental_id, "n": number_id},
        )
    )


async def release_number(conn: Conn, number_id: int, rental_id: int, now: int) -> None:
    """Give a rented number back to the pool (to the end of the free queue)."""
    conn.changed(POOL)
    await conn.execute(
        "UPDATE numbers SET rental_id = NULL, free_since = :now WHERE id = :n AND rental_id = :r",
        {"now": now, "n": number_id, "r": rental_id},
    )


async def by_guid(conn: Conn, client_id: str, guid: str) -> RentalRow | None:
    """The client's rental with this GUID."""
    return await conn.fetch_one_as(
        RentalRow,
        f"SELECT {COLUMNS} FROM rentals r WHERE r.guid = :g AND r.client_id = :c",
        {"g": guid, "c": client_id},
    )


async def by_id(conn: Conn, client_id: str | None, rental_id: int) -> RentalRow | None:
    """The rental with this id (the client's only, when a client is given)."""
    sql = f"SELECT {COLUMNS} FROM rentals r WHERE r.id = :i"
    params: dict[str, object] = {"i": rental_id}
    if client_id is not None:
        sql += " AND r.client_id = :c"
        params["c"] = client_id
    return await conn.fetch_one_as(RentalRow, sql, params)


async def listing(
    conn: Conn,
    *,
    client_id: str | None,
    state: str | None,
    limit: int,
    offset: int = 0,
    oldest_first: bool = False,
) -> list[RentalRow]:
    """Rentals, newest first (or oldest first), filtered by client and state."""
    where: list[str] = []
    params: dict[str, object] = {"lim": limit, "off": offset}
    if client_id is not None:
        where.append("r.client_id = :c")
        params["c"] = client_id
    if state is not None:
        where.append("r.state = :s")
        params["s"] = state
    sql = f"SELECT {COLUMNS} FROM rentals r"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY r.id {'ASC' if oldest_first else 'DESC'} LIMIT :lim OFFSET :off"
    return await conn.fetch_all_as(RentalRow, sql, params)


async def end(conn: Conn, rental_id: int, state: str, now: int) -> Ended | None:
    """Move a live rental to `state` (None: it was no longer live)."""
    return await conn.fetch_one_as(
        Ended,
        "UPDATE rentals SET state = :s, finished_at = :now WHERE id = :i AND state = 'active' "
        "RETURNING id, number_id, amount",
        {"s": state, "now": now, "i": rental_id},
    )


async def cancel(conn: Conn, rental_id: int, started_after: int, now: int) -> Ended | None:
    """Cancel a live rental that got no SMS and started after `started_after`, atomically."""
    return await conn.fetch_one_as(
        Ended,
        "UPDATE rentals SET state = 'cancelled', finished_at = :now WHERE id = :i "
        "AND state = 'active' AND sms_count = 0 AND created_at > :after "
        "RETURNING id, number_id, amount",
        {"now": now, "i": rental_id, "after": started_after},
    )


async def extend(
    conn: Conn, rental_id: int, hours: int, amount: int, max_hours: int, now: int
) -> int | None:
    """Add hours to a live rental within the maximum; returns the new end (None: refused)."""
    value = await conn.fetchval(
        "UPDATE rentals SET hours = hours + :h, amount = amount + :a, ends_at = ends_at + :ms "
        "WHERE id = :i AND state = 'active' AND ends_at > :now AND hours + :h <= :max "
        "RETURNING ends_at",
        {
            "h": hours,
            "a": amount,
            "ms": hours * 3_600_000,
            "i": rental_id,
            "now": now,
            "max": max_hours,
        },
    )
    return None if value is None else int(value)


async def due(conn: Conn, now: int, limit: int) -> list[int]:
    """Live rentals past their end, claimed (SKIP LOCKED on PostgreSQL)."""
    rows = await conn.fetch_all_as(
        RentalId,
        "SELECT id FROM rentals WHERE state = 'active' AND ends_at <= :now ORDER BY ends_at "
        "LIMIT :lim" + conn.skip_locked,
        {"now": now, "lim": limit},
    )
    return [r.id for r in rows]


@dataclass(frozen=True, slots=True)
class RentalId:
    """A rental's id."""

    id: int


async def count_sms(conn: Conn, rental_id: int) -> RoutedRental | None:
    """Count an SMS on a live rental (None: it is no longer live)."""
    return await conn.fetch_one_as(
        RoutedRental,
        "UPDATE rentals SET sms_count = sms_count + 1 WHERE id = :r AND state = 'active' "
        "RETURNING id, guid, client_id, url",
        {"r": rental_id},
    )


async def attach_sms(conn: Conn, sms_id: int, rental_id: int) -> None:
    """Record which rental an SMS belongs to."""
    await conn.execute(
        "UPDATE sms_messages SET rental_id = :r WHERE id = :i", {"r": rental_id, "i": sms_id}
    )


async def sms_of(conn: Conn, rental_id: int, limit: int, offset: int) -> list[RentalSmsRow]:
    """A rental's SMS, newest first."""
    return await conn.fetch_all_as(
        RentalSmsRow,
        "SELECT guid, sender, text, code, received_at FROM sms_messages WHERE rental_id = :r "
        "ORDER BY id DESC LIMIT :lim OFFSET :off",
        {"r": rental_id, "lim": limit, "off": offset},
    )
