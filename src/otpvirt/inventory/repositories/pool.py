"""Picking a free number and giving it back: the indexed hot path of GetNumber.

Picking walks the partial index `ix_numbers_pick_*` (only pickable numbers are
in it) in free-since order and looks at no more than the `PICK_WINDOW` longest-free
numbers of the country (or operator): of those it takes the first that was never used
for the service and that no excluded prefix refuses. So a pick's cost is bounded
whatever the pool size and the exclusions (a `phoneException` refusing every number
is answered NO_NUMBERS after `PICK_WINDOW` index entries, not after the whole pool).
The price: when the window's numbers are all refused, a fitting number further
down the queue is not found by this request (it moves up as numbers are leased).
"""

from __future__ import annotations

from dataclasses import dataclass

from otpvirt.db import POOL, Conn, Database


@dataclass(frozen=True, slots=True)
class PickedNumber:
    """A number chosen for a lease."""

    id: int
    phone: int
    provider_id: int
    free_since: int


# A number can be handed out when this holds; the picking indexes are partial on
# exactly this predicate (models/inventory.py), and the picking query repeats it
# verbatim so SQLite and PostgreSQL use them.
PICKABLE = "enabled AND source_online AND active_activation_id IS NULL AND rental_id IS NULL"

_NOT_USED = (
    "NOT EXISTS (SELECT 1 FROM number_services ns "
    "WHERE ns.number_id = numbers.id AND ns.service_id = :service)"
)


# How many of the longest-free numbers one pick examines at most.
PICK_WINDOW = 500


def _where(provider: bool, exclude: int) -> str:
    sql = f"numbers.country_id = :country AND {PICKABLE} AND {_NOT_USED}"
    if provider:
        sql += " AND numbers.provider_id = :provider"
    for i in range(exclude):
        sql += f" AND CAST(numbers.phone AS TEXT) NOT LIKE :ex{i}"
    return sql


def _window(provider: bool) -> str:
    # The window repeats the index's predicate verbatim, so it walks the index, and is
    # named `numbers` so the filters below read the same on it as on the table.
    inner = (
        "SELECT id, phone, provider_id, free_since FROM numbers "
        f"WHERE country_id = :country AND {PICKABLE}"
    )
    if provider:
        inner += " AND provider_id = :provider"
    return f"({inner} ORDER BY free_since LIMIT {PICK_WINDOW}) AS numbers"


def _filters(exclude: int) -> str:
    sql = _NOT_USED
    for i in range(exclude):
        sql += f" AND CAST(numbers.phone AS TEXT) NOT LIKE :ex{i}"
    return sql


def _params(
    country_id: int, provider_id: int | None, service_id: int, exclude: tuple[str, ...]
) -> dict[str, object]:
    params: dict[str, object] = {"country": country_id, "service": service_id}
    if provider_id is not None:
        params["provider"] = provider_id
    for i, prefix in enumerate(exclude):
        params[f"ex{i}"] = prefix + "%"
    return params


def pickable_window(
    *, country_id: int, provider_id: int | None, service_id: int, exclude_prefixes: tuple[str, ...]
) -> tuple[str, str, dict[str, object]]:
    """FROM source, WHERE clause and parameters: the numbers a pick may take (bounded).

    The source is the `PICK_WINDOW` longest-free numbers, in free-since order, named
    `numbers`; the WHERE clause refuses those used for the service or excluded.
    """
    params = _params(country_id, provider_id, service_id, exclude_prefixes)
    return _window(provider_id is not None), _filters(len(exclude_prefixes)), params


async def pick_number(
    conn: Conn,
    *,
    country_id: int,
    provider_id: int | None,
    service_id: int,
    exclude_prefixes: tuple[str, ...] = (),
) -> PickedNumber | None:
    """The longest-free fitting number, ready to claim."""
    # No outer ORDER BY: the window is a co-routine yielding in free-since order, so
    # the first fitting row ends the search (an ORDER BY would sort the whole window).
    sql = (
        "SELECT numbers.id, numbers.phone, numbers.provider_id, numbers.free_since FROM "
        + _window(provider_id is not None)
        + " WHERE "
        + _filters(len(exclude_prefixes))
        + " LIMIT 1"
        + conn.skip_locked
    )
    params = _params(country_id, provider_id, service_id, exclude_prefixes)
    return await conn.fetch_one_as(PickedNumber, sql, params)


async def claim(conn: Conn, number_id: int, activation_id: int) -> bool:
    """Mark a picked number as held by an activation (False if someone was faster)."""
    conn.changed(POOL)
    return bool(
        await conn.execute(
            "UPDATE numbers SET active_activation_id = :a, lease_count = lease_count + 1 "
            "WHERE id = :n AND active_activation_id IS NULL",
            {"a": activation_id, "n": number_id},
        )
    )


async def release(conn: Conn, number_id: int, activation_id: int, now: int) -> None:
    """Give a number back to the pool (to the end of the free queue)."""
    conn.changed(POOL)
    await conn.execute(
        "UPDATE numbers SET active_activation_id = NULL, free_since = :now "
        "WHERE id = :n AND active_activation_id = :a",
        {"now": now, "n": number_id, "a": activation_id},
    )


def count_query(
    *, country_id: int, provider_id: int | None, service_id: int
) -> tuple[str, dict[str, object]]:
    """SQL and parameters counting the numbers that could be leased for the service."""
    sql = "SELECT COUNT(*) FROM numbers WHERE " + _where(provider_id is not None, 0)
    return sql, _params(country_id, provider_id, service_id, ())


@dataclass(frozen=True, slots=True)
class PoolCounts:
    """What every country/operator/service could lease, from one grouped read of the pool."""

    # (country, operator) -> pickable numbers
    free: dict[tuple[int, int], int]
    # (country, operator, service) -> pickable numbers already used for the service
    used: dict[tuple[int, int, int], int]

    def available(self, country_id: int, provider_id: int | None, service_id: int) -> int:
        """Pickable numbers of the country (or operator) never used for the service."""
        total = 0
        for (country, provider), free in self.free.items():
            if country == country_id and provider_id in (None, provider):
                total += free - self.used.get((country, provider, service_id), 0)
        return total


_FREE_BY_PLACE = (
    f"SELECT country_id, provider_id, COUNT(*) FROM numbers WHERE {PICKABLE} "
    "GROUP BY country_id, provider_id"
)
_USED_BY_PLACE = (
    "SELECT numbers.country_id, numbers.provider_id, ns.service_id, COUNT(*) "
    "FROM number_services ns JOIN numbers ON numbers.id = ns.number_id "
    f"WHERE {PICKABLE} GROUP BY numbers.country_id, numbers.provider_id, ns.service_id"
)


async def pool_counts_off_loop(db: Database) -> PoolCounts:
    """Every place's counts in two grouped reads, off the event loop.

    One scan answers every (country, operator, service) pair, so what counting costs
    does not grow with the number of priced pairs or the rate of requests.
    """
    free = await db.fetch_all_slow(_FREE_BY_PLACE)
    used = await db.fetch_all_slow(_USED_BY_PLACE)
    return PoolCounts(
        free={(int(c), int(p)): int(n) for c, p, n in free},
        used={(int(c), int(p), int(sv)): int(n) for c, p, sv, n in used},
    )


async def count_available(
    conn: Conn, *, country_id: int, provider_id: int | None, service_id: int
) -> int:
    """How many numbers could be leased right now for the service."""
    sql, params = count_query(country_id=country_id, provider_id=provider_id, service_id=service_id)
    return int(await conn.fetchval(sql, params) or 0)
