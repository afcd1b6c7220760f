"""The SQL of sources: the peers that deliver SMS, their tokens, settings and health."""

from __future__ import annotations

from dataclasses import dataclass, replace

from otpvirt.db import POOL, Conn

_COLS = "id, name, kind, enabled, config"


@dataclass(frozen=True, slots=True)
class SourceRow:
    """A source; `config` is its JSON settings."""

    id: int
    name: str
    kind: str
    enabled: bool
    config: str | None


@dataclass(frozen=True, slots=True)
class SeenRow:
    """A source found by its token, with when it was last seen."""

    id: int
    name: str
    kind: str
    enabled: bool
    config: str | None
    last_seen_at: int | None


@dataclass(frozen=True, slots=True)
class HealthRow:
    """What the health check reads of a source."""

    id: int
    online: bool
    last_seen_at: int | None
    config: str | None


@dataclass(frozen=True, slots=True)
class ListedRow:
    """A source as the operator lists it, with how many numbers it holds."""

    id: int
    name: str
    kind: str
    enabled: bool
    online: bool
    last_seen_at: int | None
    last_sms_at: int | None
    config: str | None
    numbers: int


async def insert(conn: Conn, name: str, kind: str, token_hash: str, config: str, now: int) -> int:
    """Create an enabled, online source; its id (IntegrityError: the name is taken)."""
    sid = await conn.fetchval(
        "INSERT INTO sources (name, kind, enabled, online, token_hash, config, created_at) "
        "VALUES (:n, :k, TRUE, TRUE, :h, :c, :now) RETURNING id",
        {"n": name, "k": kind, "h": token_hash, "c": config, "now": now},
    )
    return int(sid)


async def ensure(conn: Conn, name: str, kind: str, now: int) -> int:
    """The id of a source, created (without a token) when missing."""
    sid = await conn.fetchval("SELECT id FROM sources WHERE name = :n", {"n": name})
    if sid is None:
        sid = await conn.fetchval(
            "INSERT INTO sources (name, kind, enabled, online, created_at) "
            "VALUES (:n, :k, TRUE, TRUE, :now) RETURNING id",
            {"n": name, "k": kind, "now": now},
        )
    return int(sid)


async def by_name(conn: Conn, name: str) -> SourceRow | None:
    """A source by name."""
    return await conn.fetch_one_as(
        SourceRow, f"SELECT {_COLS} FROM sources WHERE name = :n", {"n": name}
    )


async def by_token(conn: Conn, token_hash: str) -> SeenRow | None:
    """The source holding a token (by its digest)."""
    return await conn.fetch_one_as(
        SeenRow,
        f"SELECT {_COLS}, last_seen_at FROM sources WHERE token_hash = :h",
        {"h": token_hash},
    )


async def of_kind(conn: Conn, kind: str) -> list[SourceRow]:
    """Every source of a kind."""
    return await conn.fetch_all_as(
        SourceRow, f"SELECT {_COLS} FROM sources WHERE kind = :k", {"k": kind}
    )


async def touch_seen(conn: Conn, source_id: int, now: int) -> None:
    """Record that a source made contact."""
    await conn.execute(
        "UPDATE sources SET last_seen_at = :now WHERE id = :id", {"now": now, "id": source_id}
    )


async def set_token_hash(conn: Conn, name: str, token_hash: str) -> bool:
    """Store a new token digest; False when there is no such source."""
    return bool(
        await conn.execute(
            "UPDATE sources SET token_hash = :h WHERE name = :n", {"h": token_hash, "n": name}
        )
    )


async def save_config(conn: Conn, source_id: int, config: str) -> None:
    """Replace a source's JSON settings."""
    await conn.execute(
        "UPDATE sources SET config = :c WHERE id = :id", {"c": config, "id": source_id}
    )


async def number_exists(conn: Conn, phone: int) -> bool:
    """Whether the number is in the pool."""
    found = await conn.fetchval("SELECT id FROM numbers WHERE phone = :p", {"p": phone})
    return found is not None


async def set_flag(conn: Conn, source_id: int, column: str, value: bool) -> None:
    """Set `enabled` or `online`, then copy the source's availability onto its numbers."""
    if column not in ("enabled", "online"):
        raise ValueError(column)
    await conn.execute(
        f"UPDATE sources SET {column} = :v WHERE id = :id", {"v": value, "id": source_id}
    )
    await sync_numbers(conn, source_id)


async def sync_numbers(conn: Conn, source_id: int) -> None:
    """Copy the source's availability (enabled and online) onto its numbers."""
    conn.changed(POOL)
    await conn.execute(
        "UPDATE numbers SET source_online = (SELECT enabled AND online FROM sources "
        "WHERE sources.id = :id) WHERE source_id = :id",
        {"id": source_id},
    )


async def watched(conn: Conn) -> list[HealthRow]:
    """Every source but simulators, with its last contact and settings."""
    return await conn.fetch_all_as(
        HealthRow, "SELECT id, online, last_seen_at, config FROM sources WHERE kind <> 'simulator'"
    )


async def listed(conn: Conn) -> list[ListedRow]:
    """Every source with its health and how many numbers it holds, by id."""
    rows = await conn.fetch_all_as(
        ListedRow,
        "SELECT s.id, s.name, s.kind, s.enabled, s.online, s.last_seen_at, s.last_sms_at, "
        "s.config, (SELECT COUNT(*) FROM numbers n WHERE n.source_id = s.id) "
        "FROM sources s ORDER BY s.id",
    )
    return [replace(r, enabled=bool(r.enabled), online=bool(r.online)) for r in rows]
