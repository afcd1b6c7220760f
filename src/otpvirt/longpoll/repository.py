"""SQL of the long-poll watch: where the SMS id cursor stands and what passed it."""

from __future__ import annotations

from dataclasses import dataclass

from otpvirt.db import Conn


@dataclass(frozen=True, slots=True)
class Arrival:
    """An SMS routed to an activation, stored after the cursor."""

    id: int
    activation_guid: str


async def last_sms_id(conn: Conn) -> int:
    """The highest SMS id stored so far (0 when none)."""
    value = await conn.fetchval("SELECT COALESCE(MAX(id), 0) FROM sms_messages")
    return int(value)


async def arrivals_since(conn: Conn, after_id: int, limit: int) -> list[Arrival]:
    """Routed SMS with an id above `after_id`, oldest first."""
    return await conn.fetch_all_as(
        Arrival,
        "SELECT s.id, a.guid FROM sms_messages s JOIN activations a ON a.id = s.activation_id "
        "WHERE s.id > :after ORDER BY s.id LIMIT :lim",
        {"after": after_id, "lim": limit},
    )


async def activation_state(conn: Conn, guid: str) -> str | None:
    """The activation's state ('waiting', 'sms_received', ... ) or None when unknown."""
    value = await conn.fetchval("SELECT state FROM activations WHERE guid = :g", {"g": guid})
    return None if value is None else str(value)
