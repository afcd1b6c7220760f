"""The SQL of incoming SMS: storing, de-duplicating, routing to the live lease, listing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from otpvirt.db import POOL, Conn


@dataclass(frozen=True, slots=True)
class Receiver:
    """A number of the pool that an SMS came to, with its live lease (if any)."""

    number_id: int
    live_activation_id: int | None
    service_code: str | None
    source_id: int | None
    # The live rental holding the number (never together with a live lease).
    rental_id: int | None
    # The bundle of the live lease (one number for several services), if any.
    bundle_id: int | None


@dataclass(frozen=True, slots=True)
class Member:
    """A live activation of a bundle, with its service's names."""

    id: int
    service_id: int
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class Routed:
    """The live lease an SMS was just counted on."""

    guid: str
    client_id: str
    service_id: int
    sms_count: int


@dataclass(frozen=True, slots=True)
class StoredSms:
    """An SMS as the operator sees it, with where it went."""

    guid: str
    phone: int
    sender: str
    text: str
    code: str
    activation_guid: str | None
    source: str | None
    received_at: int
    reported_at: str | None


@dataclass(frozen=True, slots=True)
class ParseInput:
    """What the parser reads again in a re-parse."""

    id: int
    text: str
    sender: str
    code: str
    activation_id: int | None
    service_code: str | None


async def receiver(conn: Conn, phone: int) -> Receiver | None:
    """The number with this phone, and the service of its live lease or rental."""
    return await conn.fetch_one_as(
        Receiver,
        "SELECT n.id, n.active_activation_id, COALESCE(s.code, r.service_code), n.source_id, "
        "n.rental_id, a.bundle_id FROM numbers n "
        "LEFT JOIN activations a ON a.id = n.active_activation_id "
        "LEFT JOIN services s ON s.id = a.service_id "
        "LEFT JOIN rentals r ON r.id = n.rental_id WHERE n.phone = :p",
        {"p": phone},
    )


async def bundle_members(conn: Conn, number_id: int, bundle_id: int) -> list[Member]:
    """The bundle's live activations on the number, oldest first."""
    return await conn.fetch_all_as(
        Member,
        "SELECT a.id, a.service_id, s.code, s.name FROM activations a "
        "JOIN services s ON s.id = a.service_id WHERE a.number_id = :n "
        "AND a.state IN ('waiting', 'sms_received') AND a.bundle_id IS NOT NULL "
        "AND a.bundle_id = :b ORDER BY a.id",
        {"n": number_id, "b": bundle_id},
    )


async def guid_by_external_id(conn: Conn, source_id: int, external_id: str) -> str | None:
    """The SMS a source already delivered under this id."""
    guid = await conn.fetchval(
        "SELECT guid FROM sms_messages WHERE source_id = :s AND external_id = :e",
        {"s": source_id, "e": external_id},
    )
    return None if guid is None else str(guid)


async def guid_of_twin(
    conn: Conn, number_id: int, sender: str, text: str, lo: int, hi: int
) -> str | None:
    """An SMS with the same text from the same sender to the number, received in [lo, hi]."""
    guid = await conn.fetchval(
        "SELECT guid FROM sms_messages WHERE number_id = :n AND received_at >= :lo "
        "AND received_at <= :hi AND sender = :snd AND text = :t LIMIT 1",
        {"n": number_id, "lo": lo, "hi": hi, "snd": sender, "t": text},
    )
    return None if guid is None else str(guid)


async def insert(conn: Conn, values: dict[str, Any]) -> int | None:
    """Store an SMS; None when a twin (same source and external id) is already stored.

    `values`: g, n, phone, snd, t, code, a, src, ext, rcv, claim, now.
    """
    sms_id = await conn.fetchval(
        "INSERT INTO sms_messages (guid, number_id, phone, sender, text, code, activation_id, "
        "source_id, external_id, received_at, reported_at, created_at) VALUES (:g, :n, :phone, "
        ":snd, :t, :code, :a, :src, :ext, :rcv, :claim, :now) ON CONFLICT DO NOTHING RETURNING id",
        values,
    )
    return None if sms_id is None else int(sms_id)


async def count_on_lease(conn: Conn, activation_id: int) -> Routed | None:
    """Count an SMS on a lease that is still live (None: it ended meanwhile)."""
    return await conn.fetch_one_as(
        Routed,
        "UPDATE activations SET state = 'sms_received', sms_count = sms_count + 1 "
        "WHERE id = :a AND state IN ('waiting', 'sms_received') "
        "RETURNING guid, client_id, service_id, sms_count",
        {"a": activation_id},
    )


async def announce(conn: Conn, channel: str, activation_guid: str) -> None:
    """NOTIFY `channel` of an SMS for the activation, delivered at commit (PostgreSQL)."""
    await conn.execute("SELECT pg_notify(:ch, :g)", {"ch": channel, "g": activation_guid})


async def unroute(conn: Conn, sms_id: int) -> None:
    """Keep an SMS as unrouted."""
    await conn.execute("UPDATE sms_messages SET activation_id = NULL WHERE id = :i", {"i": sms_id})


async def touch_source(conn: Conn, source_id: int, now: int) -> None:
    """Record a source's last SMS, at most once a second.

    Advisory (health): on PostgreSQL the row lock would otherwise serialise every
    SMS of a busy source.
    """
    await conn.execute(
        "UPDATE sources SET last_sms_at = :now WHERE id = :s "
        "AND (last_sms_at IS NULL OR last_sms_at < :since)",
        {"now": now, "s": source_id, "since": now - 1000},
    )


async def touch_number(conn: Conn, number_id: int, now: int, first_sms_of_lease: bool) -> None:
    """Record a number's last SMS (and one more lease that got an SMS)."""
    await conn.execute(
        "UPDATE numbers SET last_sms_at = :now, sms_lease_count = sms_lease_count + :first "
        "WHERE id = :n",
        {"now": now, "first": 1 if first_sms_of_lease else 0, "n": number_id},
    )


async def mark_used_for(conn: Conn, number_id: int, service_id: int, now: int) -> None:
    """Never lease the number for this service again."""
    conn.changed(POOL)
    await conn.execute(
        "INSERT INTO number_services (number_id, service_id, created_at) VALUES (:n, :s, :now) "
        "ON CONFLICT DO NOTHING",
        {"n": number_id, "s": service_id, "now": now},
    )


async def stored(
    conn: Conn, *, unrouted: bool, phone: int | None, since: int | None, limit: int
) -> list[StoredSms]:
    """Stored SMS, newest first."""
    where = []
    params: dict[str, object] = {"lim": limit}
    if unrouted:
        # A rented number's SMS went to its rental: routed too.
        where.append("m.activation_id IS NULL AND m.rental_id IS NULL")
    if phone is not None:
        where.append("m.phone = :phone")
        params["phone"] = phone
    if since is not None:
        where.append("m.received_at >= :since")
        params["since"] = since
    sql = (
        "SELECT m.guid, m.phone, m.sender, m.text, m.code, a.guid, src.name, m.received_at, "
        "m.reported_at FROM sms_messages m LEFT JOIN activations a ON a.id = m.activation_id "
        "LEFT JOIN sources src ON src.id = m.source_id"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY m.id DESC LIMIT :lim"
    return await conn.fetch_all_as(StoredSms, sql, params)


async def parse_batch(conn: Conn, after_id: int, since: int | None, limit: int) -> list[ParseInput]:
    """The next SMS by id after `after_id` (received since `since`), with their service."""
    params: dict[str, object] = {"after": after_id, "lim": limit}
    sql = (
        # A rental's SMS counts as delivered too (its code may have been seen).
        "SELECT m.id, m.text, m.sender, m.code, COALESCE(m.activation_id, m.rental_id), "
        "COALESCE(s.code, NULLIF(r.service_code, 'full')) FROM sms_messages m "
        "LEFT JOIN activations a ON a.id = m.activation_id "
        "LEFT JOIN services s ON s.id = a.service_id "
        "LEFT JOIN rentals r ON r.id = m.rental_id WHERE m.id > :after"
    )
    if since is not None:
        sql += " AND m.received_at >= :since"
        params["since"] = since
    return await conn.fetch_all_as(ParseInput, sql + " ORDER BY m.id LIMIT :lim", params)


async def set_code(conn: Conn, sms_id: int, code: str) -> None:
    """Replace an SMS's parsed code."""
    await conn.execute("UPDATE sms_messages SET code = :c WHERE id = :i", {"c": code, "i": sms_id})
