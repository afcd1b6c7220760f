"""The SQL of the simulator: its cursor over new leases and its queue of SMS to send."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from otpvirt.db import Conn


@dataclass(frozen=True, slots=True)
class NewLease:
    """A lease taken since the cursor, with what a simulated SMS needs to know of it."""

    id: int
    phone: int
    created_at: int
    state: str
    service_code: str
    service_name: str
    country: str
    source_kind: str | None
    source_config: str | None


@dataclass(frozen=True, slots=True)
class DueSms:
    """A queued simulated SMS that is due, with its lease's state now."""

    id: int
    phone: int
    sender: str
    text: str
    state: str
    source_id: int | None


async def lock_cursor(conn: Conn, key: str, now: int) -> int:
    """The cursor's value, locked until commit (created at 0 when missing)."""
    row = await conn.fetchone(
        "SELECT value FROM system_values WHERE key = :k" + conn.for_update, {"k": key}
    )
    if row is None:
        await conn.execute(
            "INSERT INTO system_values (key, value, created_at) VALUES (:k, '0', :now) "
            "ON CONFLICT DO NOTHING",
            {"k": key, "now": now},
        )
        return 0
    return int(row["value"])


async def move_cursor(conn: Conn, key: str, value: int) -> None:
    """Store the cursor's new value."""
    await conn.execute(
        "UPDATE system_values SET value = :v WHERE key = :k", {"v": str(value), "k": key}
    )


async def leases_after(conn: Conn, cursor: int, limit: int) -> list[NewLease]:
    """Leases with an id above the cursor, oldest first."""
    return await conn.fetch_all_as(
        NewLease,
        "SELECT a.id, a.phone, a.created_at, a.state, s.code, s.name, c.name, src.kind, src.config "
        "FROM activations a JOIN numbers n ON n.id = a.number_id "
        "JOIN services s ON s.id = a.service_id JOIN countries c ON c.id = a.country_id "
        "LEFT JOIN sources src ON src.id = n.source_id "
        "WHERE a.id > :cur ORDER BY a.id LIMIT :lim",
        {"cur": cursor, "lim": limit},
    )


async def queue(conn: Conn, messages: Sequence[dict[str, Any]]) -> None:
    """Queue simulated SMS: a (activation id), p (phone), s (sender), t (text), due."""
    if messages:
        await conn.executemany(
            "INSERT INTO simulated_sms (activation_id, phone, sender, text, due_at) "
            "VALUES (:a, :p, :s, :t, :due)",
            messages,
        )


async def claim_due(conn: Conn, now: int, limit: int) -> list[DueSms]:
    """Due, undelivered SMS in due order (skipping ones another worker holds)."""
    return await conn.fetch_all_as(
        DueSms,
        "SELECT q.id, q.phone, q.sender, q.text, a.state, n.source_id FROM simulated_sms q "
        "JOIN activations a ON a.id = q.activation_id JOIN numbers n ON n.id = a.number_id "
        "WHERE q.delivered_at IS NULL AND q.due_at <= :now ORDER BY q.due_at LIMIT :lim"
        + conn.skip_locked_of("q"),
        {"now": now, "lim": limit},
    )


async def mark_delivered(conn: Conn, sms_id: int, now: int) -> None:
    """Record that a simulated SMS was sent."""
    await conn.execute(
        "UPDATE simulated_sms SET delivered_at = :now WHERE id = :id", {"now": now, "id": sms_id}
    )


@dataclass(frozen=True, slots=True)
class QuietRental:
    """A live rental on a simulated SIM that has had no SMS for a while."""

    id: int
    phone: int
    service_code: str
    service_name: str | None
    country: str
    source_id: int | None
    sms_count: int


async def quiet_rentals(conn: Conn, quiet_since: int, limit: int) -> list[QuietRental]:
    """Live rentals on simulator numbers whose last SMS (or start) is before `quiet_since`."""
    return await conn.fetch_all_as(
        QuietRental,
        "SELECT r.id, r.phone, r.service_code, s.name, c.name, n.source_id, r.sms_count "
        "FROM rentals r JOIN numbers n ON n.id = r.number_id "
        "JOIN sources src ON src.id = n.source_id JOIN countries c ON c.id = r.country_id "
        "LEFT JOIN services s ON s.code = r.service_code "
        "WHERE r.state = 'active' AND src.kind = 'simulator' "
        "AND COALESCE(n.last_sms_at, r.created_at) < :q AND r.created_at < :q "
        "ORDER BY r.id LIMIT :lim",
        {"q": quiet_since, "lim": limit},
    )
