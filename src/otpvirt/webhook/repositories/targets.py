"""The SQL of a client's webhook settings (columns of `clients`)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from otpvirt.db import Conn


@dataclass(frozen=True, slots=True)
class Stored:
    """A client's webhook columns."""

    url: str | None
    secret: str | None
    format: str


@dataclass(frozen=True, slots=True)
class Shown:
    """What may be shown of a client's webhook (never the secret)."""

    url: str | None
    format: str
    has_secret: bool
    # The subscribed event types (comma list).
    events: str


async def lock(conn: Conn, client_id: str) -> Stored | None:
    """A client's webhook columns, locked until commit (None: no such client)."""
    return await conn.fetch_one_as(
        Stored,
        "SELECT webhook_url, webhook_secret, webhook_format FROM clients WHERE id = :id"
        + conn.for_update,
        {"id": client_id},
    )


async def shown(conn: Conn, client_id: str) -> Shown | None:
    """A client's webhook URL, format and events, and whether it has a secret."""
    row = await conn.fetch_one_as(
        Shown,
        "SELECT webhook_url, webhook_format, webhook_secret IS NOT NULL, webhook_events "
        "FROM clients "
        "WHERE id = :id",
        {"id": client_id},
    )
    return None if row is None else replace(row, has_secret=bool(row.has_secret))


async def save(
    conn: Conn, client_id: str, url: str | None, fmt: str, secret: str | None, now: int
) -> None:
    """Store the URL, format and secret; `webhook_since` moves when a URL appears."""
    await conn.execute(
        "UPDATE clients SET webhook_url = :u, webhook_format = :f, webhook_secret = :s, "
        "webhook_since = CASE WHEN CAST(:u2 AS TEXT) IS NULL THEN NULL "
        "WHEN webhook_url IS NULL THEN CAST(:now AS BIGINT) ELSE webhook_since END WHERE id = :id",
        {"u": url, "u2": url, "f": fmt, "s": secret, "now": now, "id": client_id},
    )


async def rotate(
    conn: Conn, client_id: str, secret: str, previous: str | None, until: int | None
) -> None:
    """Store a new secret; the previous one co-signs until `until`."""
    await conn.execute(
        "UPDATE clients SET webhook_secret = :s, webhook_previous_secret = :old, "
        "webhook_previous_until = :until WHERE id = :id",
        {"s": secret, "old": previous, "until": until, "id": client_id},
    )


async def add_secret(conn: Conn, client_id: str, secret: str) -> None:
    """Store a signing secret for a client that has none."""
    await conn.execute(
        "UPDATE clients SET webhook_secret = :s WHERE id = :id AND webhook_secret IS NULL",
        {"s": secret, "id": client_id},
    )
