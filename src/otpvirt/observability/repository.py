"""The SQL of the overview and metrics: indexed counts over the pool, leases, SMS and money.

Every query reads either a partial index (free numbers, live leases) or a time range
of an index on `created_at`, so the figures cost the same on a day-old and a
year-old database.
"""

from __future__ import annotations

from dataclasses import dataclass

from otpvirt.db import Conn

FREE = "n.enabled AND n.source_online AND n.active_activation_id IS NULL AND n.rental_id IS NULL"
LIVE = "('waiting', 'sms_received')"


@dataclass(frozen=True, slots=True)
class Count:
    """A count per label."""

    label: str
    number: int


@dataclass(frozen=True, slots=True)
class FreeCount:
    """Free numbers per country and operator."""

    country_id: int
    provider_id: int
    number: int


@dataclass(frozen=True, slots=True)
class UsedCount:
    """Free numbers per country and operator already used for a service."""

    country_id: int
    provider_id: int
    service_id: int
    number: int


@dataclass(frozen=True, slots=True)
class Offer:
    """A priced (country, service) pair with its names."""

    country_id: int
    service_id: int
    country: str
    service: str


@dataclass(frozen=True, slots=True)
class Provider:
    """An operator of a country."""

    id: int
    country_id: int
    name: str


@dataclass(frozen=True, slots=True)
class Rate:
    """Leases of a country or service, and how many got an SMS."""

    name: str
    leased: int
    with_sms: int


@dataclass(frozen=True, slots=True)
class MoneyRow:
    """The sum of a day's ledger entries of one kind in one currency."""

    currency: str
    kind: str
    total: int


@dataclass(frozen=True, slots=True)
class Bucket:
    """A count in one time bucket (the bucket's index since the epoch)."""

    bucket: int
    number: int


async def live_leases(conn: Conn) -> list[Count]:
    """Live leases per state."""
    rows = await conn.fetch_all_as(
        Count, f"SELECT state, COUNT(*) FROM activations WHERE state IN {LIVE} GROUP BY state"
    )
    return [Count(r.label, int(r.number)) for r in rows]


async def ended_leases_since(conn: Conn, since: int) -> list[Count]:
    """Leases created since `since` and ended, per state."""
    rows = await conn.fetch_all_as(
        Count,
        "SELECT state, COUNT(*) FROM activations WHERE created_at >= :t "
        f"AND state NOT IN {LIVE} GROUP BY state",
        {"t": since},
    )
    return [Count(r.label, int(r.number)) for r in rows]


async def free_numbers(conn: Conn) -> list[FreeCount]:
    """Free numbers per country and operator."""
    return await conn.fetch_all_as(
        FreeCount,
        f"SELECT n.country_id, n.provider_id, COUNT(*) FROM numbers n WHERE {FREE} "
        "GROUP BY n.country_id, n.provider_id",
    )


async def used_free_numbers(conn: Conn) -> list[UsedCount]:
    """Free numbers per country, operator and a service they already got an SMS for."""
    return await conn.fetch_all_as(
        UsedCount,
        "SELECT n.country_id, n.provider_id, ns.service_id, COUNT(*) FROM number_services ns "
        f"JOIN numbers n ON n.id = ns.number_id WHERE {FREE} "
        "GROUP BY n.country_id, n.provider_id, ns.service_id",
    )


async def offers(conn: Conn) -> list[Offer]:
    """Every priced (country, service) pair, by country and service name."""
    return await conn.fetch_all_as(
        Offer,
        "SELECT DISTINCT p.country_id, p.service_id, c.name, s.code FROM prices p "
        "JOIN countries c ON c.id = p.country_id JOIN services s ON s.id = p.service_id "
        "ORDER BY c.name, s.code",
    )


async def providers(conn: Conn) -> list[Provider]:
    """Every operator, by name."""
    return await conn.fetch_all_as(
        Provider, "SELECT id, country_id, name FROM providers ORDER BY name"
    )


_RATE_GROUPS = {
    "country": ("countries", "name", "country_id"),
    "service": ("services", "code", "service_id"),
}


async def rates(conn: Conn, by: str, since: int) -> list[Rate]:
    """Leases since `since` per country (`by` country) or service, busiest first."""
    table, label, key = _RATE_GROUPS[by]
    rows = await conn.fetch_all_as(
        Rate,
        f"SELECT x.{label}, COUNT(*), SUM(CASE WHEN a.sms_count > 0 THEN 1 ELSE 0 END) "
        f"FROM activations a JOIN {table} x ON x.id = a.{key} "
        f"WHERE a.created_at >= :since GROUP BY x.{label} ORDER BY COUNT(*) DESC",
        {"since": since},
    )
    return [Rate(r.name, int(r.leased), int(r.with_sms or 0)) for r in rows]


async def sms_since(conn: Conn, since: int) -> int:
    """SMS stored since `since`."""
    value = await conn.fetchval(
        "SELECT COUNT(*) FROM sms_messages WHERE created_at >= :t", {"t": since}
    )
    return int(value or 0)


async def money_since(conn: Conn, since: int) -> list[MoneyRow]:
    """Charges, refunds and top-ups since `since`, per currency and kind."""
    rows = await conn.fetch_all_as(
        MoneyRow,
        "SELECT currency, kind, SUM(amount) FROM ledger_entries WHERE created_at >= :t "
        "AND kind IN ('charge', 'refund', 'topup') GROUP BY currency, kind ORDER BY currency",
        {"t": since},
    )
    return [MoneyRow(r.currency, r.kind, int(r.total or 0)) for r in rows]


async def _buckets(conn: Conn, sql: str, since: int) -> list[Bucket]:
    rows = await conn.fetch_all_as(Bucket, sql, {"since": since})
    return [Bucket(int(r.bucket), int(r.number or 0)) for r in rows]


async def sms_buckets(conn: Conn, since: int, bucket_ms: int) -> list[Bucket]:
    """SMS stored since `since`, per time bucket."""
    b = f"created_at / {int(bucket_ms)}"
    return await _buckets(
        conn,
        f"SELECT {b}, COUNT(*) FROM sms_messages WHERE created_at >= :since GROUP BY {b}",
        since,
    )


async def lease_buckets(conn: Conn, since: int, bucket_ms: int) -> list[Bucket]:
    """Leases made since `since`, per time bucket."""
    b = f"created_at / {int(bucket_ms)}"
    return await _buckets(
        conn,
        f"SELECT {b}, COUNT(*) FROM activations WHERE created_at >= :since GROUP BY {b}",
        since,
    )


async def revenue_buckets(
    conn: Conn, since: int, bucket_ms: int, currency: str, *, rentals_only: bool = False
) -> list[Bucket]:
    """Charges less refunds since `since` in one currency (a checked code), per time bucket
    (of rentals only when asked)."""
    b = f"created_at / {int(bucket_ms)}"
    rent = " AND rental_id IS NOT NULL" if rentals_only else ""
    return await _buckets(
        conn,
        f"SELECT {b}, -SUM(amount) FROM ledger_entries WHERE created_at >= :since "
        f"AND kind IN ('charge', 'refund') AND currency = '{currency}'{rent} GROUP BY {b}",
        since,
    )


async def live_rentals(conn: Conn) -> int:
    """Rentals running now (the partial index of live rentals)."""
    value = await conn.fetchval("SELECT COUNT(*) FROM rentals WHERE state = 'active'")
    return int(value or 0)


async def free_number_count(conn: Conn) -> int:
    """Numbers that could be leased now (for some service)."""
    value = await conn.fetchval(
        "SELECT COUNT(*) FROM numbers WHERE enabled AND source_online "
        "AND active_activation_id IS NULL AND rental_id IS NULL"
    )
    return int(value or 0)


async def sms_per_source(conn: Conn, lo: int | None, hi: int) -> list[Count]:
    """SMS created in (lo, hi] per source name ('(none)' for none)."""
    params: dict[str, int] = {"hi": hi}
    where = "m.created_at <= :hi"
    if lo is not None:
        where += " AND m.created_at > :lo"
        params["lo"] = lo
    rows = await conn.fetch_all_as(
        Count,
        "SELECT COALESCE(s.name, '(none)'), COUNT(*) FROM sms_messages m "
        f"LEFT JOIN sources s ON s.id = m.source_id WHERE {where} GROUP BY s.name",
        params,
    )
    return [Count(r.label, int(r.number)) for r in rows]


async def oldest_overdue_lease(conn: Conn, now: int) -> int | None:
    """When the oldest live lease past its end should have ended."""
    value = await conn.fetchval(
        f"SELECT MIN(expires_at) FROM activations WHERE state IN {LIVE} AND expires_at <= :now",
        {"now": now},
    )
    return None if value is None else int(value)


async def schema_revision(conn: Conn) -> str | None:
    """The database's migration revision."""
    value = await conn.fetchval("SELECT version_num FROM alembic_version")
    return None if value is None else str(value)
