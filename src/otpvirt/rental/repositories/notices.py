"""The SQL of `rent.ending` notices: which are due, and taking one (exactly once)."""

from __future__ import annotations

from otpvirt.db import Conn
from otpvirt.rental.repository import RentalId


async def due_endings(conn: Conn, now: int, limit: int) -> list[int]:
    """Live rentals whose notice is due and whose end is still ahead, claimed.

    SKIP LOCKED on PostgreSQL: concurrent workers take different rentals.
    """
    rows = await conn.fetch_all_as(
        RentalId,
        "SELECT id FROM rentals WHERE state = 'active' AND ending_at IS NOT NULL "
        "AND ending_at <= :now AND ends_at > :now ORDER BY ending_at LIMIT :lim" + conn.skip_locked,
        {"now": now, "lim": limit},
    )
    return [r.id for r in rows]


async def take_ending(conn: Conn, rental_id: int, now: int) -> bool:
    """Clear a due notice (False: another worker took it, or the rental changed)."""
    changed = await conn.execute(
        "UPDATE rentals SET ending_at = NULL WHERE id = :i AND state = 'active' "
        "AND ending_at IS NOT NULL AND ending_at <= :now AND ends_at > :now",
        {"i": rental_id, "now": now},
    )
    return changed > 0
