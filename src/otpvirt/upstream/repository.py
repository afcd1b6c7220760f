"""The SQL of rentals taken from upstream providers (rules: `upstream.rent`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from otpvirt.db import Conn

OPEN, CANCELLING, DONE = "open", "cancelling", "done"


@dataclass(frozen=True, slots=True)
class UpstreamRentalRow:
    """A provider rental as stored."""

    id: int
    source_id: int
    rental_id: int | None
    external_id: str
    phone: int
    state: str
    attempts: int


@dataclass(frozen=True, slots=True)
class DueRental:
    """A provider rental the worker claimed, with the state of our rental."""

    id: int
    source_id: int
    rental_id: int | None
    external_id: str
    phone: int
    state: str
    attempts: int
    rental_state: str | None
    ends_at: int | None


_COLS = "u.id, u.source_id, u.rental_id, u.external_id, u.phone, u.state, u.attempts"


async def insert(
    conn: Conn,
    *,
    source_id: int,
    rental_id: int | None,
    external_id: str,
    phone: int,
    state: str,
    due_at: int,
    now: int,
    error: str | None = None,
) -> int:
    """Store a provider rental (ours, or one to cancel there); its id."""
    return int(
        await conn.fetchval(
            "INSERT INTO upstream_rentals (source_id, rental_id, external_id, phone, state, "
            "due_at, attempts, last_error, created_at) VALUES (:s, :r, :e, :p, :st, :due, 0, "
            ":err, :now) RETURNING id",
            {
                "s": source_id,
                "r": rental_id,
                "e": external_id,
                "p": phone,
                "st": state,
                "due": due_at,
                "err": None if error is None else error[:500],
                "now": now,
            },
        )
    )


async def of_rental(conn: Conn, rental_id: int) -> UpstreamRentalRow | None:
    """The provider rental behind one of our rentals, if it came from a provider."""
    return await conn.fetch_one_as(
        UpstreamRentalRow,
        f"SELECT {_COLS} FROM upstream_rentals u WHERE u.rental_id = :r",
        {"r": rental_id},
    )


async def any_due(conn: Conn, now: int) -> bool:
    """Whether any row is due (a read, so an idle worker takes no write lock)."""
    found = await conn.fetchval(
        "SELECT 1 FROM upstream_rentals WHERE state <> 'done' AND due_at <= :now LIMIT 1",
        {"now": now},
    )
    return found is not None


async def claim_due(conn: Conn, *, now: int, hold_ms: int, limit: int) -> list[DueRental]:
    """Take due rows for `hold_ms` (other workers skip them meanwhile)."""
    rows = await conn.fetch_all_as(
        DueRental,
        f"SELECT {_COLS}, r.state, r.ends_at FROM upstream_rentals u "
        "LEFT JOIN rentals r ON r.id = u.rental_id WHERE u.state <> 'done' "
        "AND u.due_at <= :now ORDER BY u.due_at LIMIT :lim" + conn.skip_locked_of("u"),
        {"now": now, "lim": limit},
    )
    if rows:
        marks = ", ".join(f":i{n}" for n in range(len(rows)))
        params: dict[str, Any] = {f"i{n}": r.id for n, r in enumerate(rows)}
        params["hold"] = now + hold_ms
        await conn.execute(
            f"UPDATE upstream_rentals SET due_at = :hold WHERE id IN ({marks})", params
        )
    return rows


async def due_at(conn: Conn, row_id: int, due: int) -> None:
    """When the row is next worked on (a successful attempt resets the backoff)."""
    await conn.execute(
        "UPDATE upstream_rentals SET due_at = :due, attempts = 0 "
        "WHERE id = :id AND state <> 'done'",
        {"due": due, "id": row_id},
    )


async def due_now(conn: Conn, rental_id: int, now: int) -> None:
    """Work on the provider rental behind our rental at once (it just ended here)."""
    await conn.execute(
        "UPDATE upstream_rentals SET due_at = :now WHERE rental_id = :r AND state = 'open'",
        {"now": now, "r": rental_id},
    )


async def done(conn: Conn, row_id: int, *, now: int, note: str | None = None) -> None:
    """Nothing is left to do at the provider."""
    await conn.execute(
        "UPDATE upstream_rentals SET state = 'done', due_at = NULL, finished_at = :now, "
        "last_error = COALESCE(:note, last_error) WHERE id = :id",
        {"now": now, "note": None if note is None else note[:500], "id": row_id},
    )


async def retry_later(
    conn: Conn, row_id: int, *, error: str, now: int, attempts: int, max_delay_ms: int
) -> None:
    """Count a failed attempt and wait (exponentially longer, up to the cap)."""
    delay = min(1000 * 2 ** min(attempts, 20), max_delay_ms)
    await conn.execute(
        "UPDATE upstream_rentals SET attempts = attempts + 1, last_error = :err, "
        "due_at = :due WHERE id = :id AND state <> 'done'",
        {"err": error[:500], "due": now + delay, "id": row_id},
    )


async def note(conn: Conn, row_id: int, error: str) -> None:
    """Keep a problem for the operator without changing the row's course."""
    await conn.execute(
        "UPDATE upstream_rentals SET last_error = :err WHERE id = :id",
        {"err": error[:500], "id": row_id},
    )
