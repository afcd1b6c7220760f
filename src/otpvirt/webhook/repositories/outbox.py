"""The outbox's SQL: claiming due deliveries, queueing, recording attempts, redelivering."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from otpvirt.db import Conn

# Fails deliveries that have nowhere to go; the caller appends which.
_FAIL_WITHOUT_URL = (
    "UPDATE webhook_deliveries SET state = 'failed', claimed_until = NULL, last_error = :err WHERE "
)
# Due now and not leased by a live worker.
_DUE = (
    "d.state = 'pending' AND d.next_attempt_at <= :now "
    "AND (d.claimed_until IS NULL OR d.claimed_until < :now)"
)
# Deliveries of one activation go out in order: never overtake a pending one; those of
# a rental too, per target (the client's URL, the rental's own).
_IN_ORDER = (
    "NOT EXISTS (SELECT 1 FROM webhook_deliveries e WHERE e.activation_id = d.activation_id "
    "AND e.state = 'pending' AND e.id < d.id) "
    "AND NOT EXISTS (SELECT 1 FROM webhook_deliveries e WHERE e.rental_id = d.rental_id "
    "AND e.target = d.target AND e.state = 'pending' AND e.id < d.id)"
)


def _target(d: str) -> str:
    """Where delivery `d` goes (its own URL, else the client's) and the client's secrets."""
    return (
        f"COALESCE({d}.url, c.webhook_url), c.webhook_secret, c.webhook_previous_secret, "
        "c.webhook_previous_until"
    )


_FREE = "COALESCE(CAST(CAST(:free AS jsonb) ->> d.client_id AS integer), :per)"

_CLAIM_PG = f"""
WITH due AS (
    SELECT d.id, d.client_id, d.next_attempt_at, {_FREE} AS slots
    FROM webhook_deliveries d
    WHERE {_DUE} AND {_IN_ORDER} AND {_FREE} > 0
    ORDER BY d.next_attempt_at, d.id LIMIT :scan
), ranked AS (
    SELECT id, slots,
        ROW_NUMBER() OVER (PARTITION BY client_id ORDER BY next_attempt_at, id) AS rn
    FROM due
), picked AS (
    SELECT d.id FROM webhook_deliveries d JOIN ranked r ON r.id = d.id
    WHERE r.rn <= r.slots AND {_DUE}
    ORDER BY d.next_attempt_at, d.id LIMIT :lim
    FOR UPDATE OF d SKIP LOCKED
)
UPDATE webhook_deliveries AS w SET claimed_until = :tok
FROM picked, clients c WHERE w.id = picked.id AND c.id = w.client_id
RETURNING w.id, w.message_id, w.client_id, w.payload, w.attempts, {_target("w")}
"""


@dataclass(frozen=True, slots=True)
class DueRow:
    """A due delivery with its client's current webhook target."""

    id: int
    message_id: str
    client_id: str
    payload: str
    attempts: int
    url: str | None
    secret: str | None
    previous_secret: str | None
    previous_until: int | None


@dataclass(frozen=True, slots=True)
class Target:
    """Where a client's webhooks go, and in which format."""

    url: str | None
    format: str


@dataclass(frozen=True, slots=True)
class SmsActivateExtra:
    """What the sms-activate payload adds: the service code and sms-activate country id."""

    service: str
    country: int | None


async def any_due(conn: Conn, now: int) -> bool:
    """Whether any delivery may be claimable now."""
    found = await conn.fetchval(
        "SELECT 1 FROM webhook_deliveries d WHERE " + _DUE + " LIMIT 1", {"now": now}
    )
    return found is not None


async def claim_in_one_statement(
    conn: Conn, now: int, limit: int, token: int, free_json: str, per_client: int
) -> list[DueRow]:
    """PostgreSQL: claim up to `limit` due rows, per-client capped, skipping locked ones."""
    return await conn.fetch_all_as(
        DueRow,
        _CLAIM_PG,
        {
            "now": now,
            "lim": limit,
            "scan": limit * 4,
            "per": per_client,
            "free": free_json,
            "tok": token,
        },
    )


async def due(conn: Conn, now: int, limit: int, busy: Sequence[str]) -> list[DueRow]:
    """Due deliveries in order, leaving out clients in `busy` (the caller claims them)."""
    params: dict[str, Any] = {"now": now, "lim": limit}
    skip = ""
    if busy:
        names = [f"b{i}" for i in range(len(busy))]
        params.update(zip(names, busy, strict=True))
        skip = f" AND d.client_id NOT IN ({', '.join(':' + n for n in names)})"
    return await conn.fetch_all_as(
        DueRow,
        "SELECT d.id, d.message_id, d.client_id, d.payload, d.attempts, " + _target("d") + " "
        "FROM webhook_deliveries d JOIN clients c ON c.id = d.client_id "
        f"WHERE {_DUE} AND {_IN_ORDER}{skip} ORDER BY d.next_attempt_at, d.id LIMIT :lim",
        params,
    )


async def mark_claimed(conn: Conn, ids: Sequence[int], token: int) -> None:
    """Lease deliveries to this worker until `token` (epoch ms)."""
    if ids:
        await conn.executemany(
            "UPDATE webhook_deliveries SET claimed_until = :t WHERE id = :i",
            [{"t": token, "i": i} for i in ids],
        )


async def fail_delivery(conn: Conn, delivery_id: int, error: str) -> None:
    """Fail one delivery for good."""
    await conn.execute(_FAIL_WITHOUT_URL + "id = :i", {"i": delivery_id, "err": error})


async def fail_waiting_of(conn: Conn, client_id: str, now: int, error: str) -> None:
    """Fail a client's pending deliveries to its URL that no worker is sending now."""
    await conn.execute(
        _FAIL_WITHOUT_URL + "client_id = :id AND state = 'pending' AND url IS NULL "
        "AND (claimed_until IS NULL OR claimed_until < :now)",
        {"id": client_id, "now": now, "err": error},
    )


async def target(conn: Conn, client_id: str, channel: str, token: str) -> Target | None:
    """The client's webhook URL and format.

    On PostgreSQL the same statement asks for a NOTIFY on `channel` at commit (only
    when the client has a URL), so workers in other processes wake up at once.
    """
    if conn.dialect == "postgresql":
        row = await conn.fetchone(
            "SELECT webhook_url, webhook_format, "
            "CASE WHEN webhook_url IS NOT NULL THEN pg_notify(:ch, :tok) END "
            "FROM clients WHERE id = :c",
            {"c": client_id, "ch": channel, "tok": token},
        )
        return None if row is None else Target(row["webhook_url"], str(row["webhook_format"]))
    return await conn.fetch_one_as(
        Target, "SELECT webhook_url, webhook_format FROM clients WHERE id = :c", {"c": client_id}
    )


async def smsactivate_extra(conn: Conn, activation_id: int) -> SmsActivateExtra | None:
    """The service code and sms-activate country id of an activation."""
    return await conn.fetch_one_as(
        SmsActivateExtra,
        "SELECT s.code, c.smsactivate_id FROM activations a "
        "JOIN services s ON s.id = a.service_id JOIN countries c ON c.id = a.country_id "
        "WHERE a.id = :a",
        {"a": activation_id},
    )


async def insert_delivery(
    conn: Conn,
    message_id: str,
    client_id: str,
    activation_id: int | None,
    sms_id: int,
    payload: str,
    now: int,
    *,
    rental_id: int | None = None,
    target: str = "client",
    url: str | None = None,
) -> None:
    """Queue a delivery, due now (to `url` when given, else to the client's URL)."""
    await conn.execute(
        "INSERT INTO webhook_deliveries (message_id, client_id, activation_id, rental_id, sms_id, "
        "target, url, payload, state, attempts, next_attempt_at, created_at) VALUES (:m, :c, :a, "
        ":r, :s, :t, :u, :p, 'pending', 0, :now, :now)",
        {
            "m": message_id,
            "c": client_id,
            "a": activation_id,
            "r": rental_id,
            "s": sms_id,
            "t": target,
            "u": url,
            "p": payload,
            "now": now,
        },
    )


async def wake(conn: Conn, channel: str, token: str) -> None:
    """PostgreSQL: NOTIFY the webhook workers of other processes at commit."""
    if conn.dialect == "postgresql":
        await conn.execute("SELECT pg_notify(:ch, :tok)", {"ch": channel, "tok": token})


_INSERT_ATTEMPT = (
    "INSERT INTO webhook_attempts (delivery_id, attempted_at, url, status_code, error, "
    "duration_ms, response_snippet) VALUES (:i, :at, :u, :st, :err, :dur, :snip)"
)
# Only the holder of the current claim moves the delivery on; an attempt whose
# lease ran out (another worker took over) is kept as history only.
_SETTLE = (
    "UPDATE webhook_deliveries SET state = :s, attempts = :n, next_attempt_at = :next, "
    "claimed_until = NULL, last_attempt_at = :now, delivered_at = COALESCE(:dl, "
    "delivered_at), last_status = :st, last_error = :err WHERE id = :i AND state = 'pending' "
    "AND claimed_until = :tok"
)


async def record_attempt(conn: Conn, params: dict[str, Any], *, one_statement: bool) -> bool:
    """Store an attempt and settle its delivery; False when the claim was no longer ours.

    `params`: i, at, u, st, err, dur, snip (the attempt), s, n, next, now, dl, tok.
    """
    if one_statement:
        return bool(await conn.execute(f"WITH attempt AS ({_INSERT_ATTEMPT}) {_SETTLE}", params))
    await conn.execute(_INSERT_ATTEMPT, params)
    return bool(await conn.execute(_SETTLE, params))


@dataclass(frozen=True, slots=True)
class Redelivery:
    """A delivery about to be sent again, and where it goes now."""

    id: int
    url: str | None


async def lock_delivery(conn: Conn, message_id: str) -> Redelivery | None:
    """A delivery by `webhook-id`, locked until commit."""
    return await conn.fetch_one_as(
        Redelivery,
        "SELECT d.id, COALESCE(d.url, c.webhook_url) FROM webhook_deliveries d JOIN clients c "
        "ON c.id = d.client_id WHERE d.message_id = :m"
        + (" FOR UPDATE OF d" if conn.for_update else ""),
        {"m": message_id},
    )


async def restart(conn: Conn, delivery_id: int, now: int, channel: str) -> None:
    """Make a delivery pending and due now, with a fresh retry schedule; wake the workers."""
    await conn.execute(
        "UPDATE webhook_deliveries SET state = 'pending', attempts = 0, next_attempt_at = :now, "
        "delivered_at = NULL WHERE id = :i",
        {"now": now, "i": delivery_id},
    )
    if conn.dialect == "postgresql":
        await conn.execute("SELECT pg_notify(:ch, :tok)", {"ch": channel, "tok": ""})
