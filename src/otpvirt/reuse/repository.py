"""The SQL of reuse: the activation a reuse starts from and its number, locked."""

from __future__ import annotations

from dataclasses import dataclass

from otpvirt.db import Conn


@dataclass(frozen=True, slots=True)
class Origin:
    """An earlier activation whose number a client asks for again."""

    id: int
    client_id: str
    number_id: int
    phone: int
    country_id: int
    service_id: int
    sms_count: int
    created_at: int


@dataclass(frozen=True, slots=True)
class NumberNow:
    """The number as it is now (row locked on PostgreSQL)."""

    id: int
    phone: int
    provider_id: int
    free_since: int
    enabled: bool
    source_online: bool
    active_activation_id: int | None

    @property
    def free(self) -> bool:
        """Could be leased now (the pool's PICKABLE predicate)."""
        return self.enabled and self.source_online and self.active_activation_id is None


_ORIGIN = (
    "SELECT id, client_id, number_id, phone, country_id, service_id, sms_count, created_at "
    "FROM activations "
)


async def origin(conn: Conn, act_id: int) -> Origin | None:
    """The activation by integer id (whoever's it is)."""
    return await conn.fetch_one_as(Origin, _ORIGIN + "WHERE id = :i", {"i": act_id})


async def origin_by_guid(conn: Conn, guid: str) -> Origin | None:
    """The activation by GUID (whoever's it is)."""
    return await conn.fetch_one_as(Origin, _ORIGIN + "WHERE guid = :g", {"g": guid})


async def origin_by_phone(
    conn: Conn, client_id: str, phone: int, service_id: int, since: int
) -> Origin | None:
    """The client's newest activation of that number for the service that got an SMS since."""
    return await conn.fetch_one_as(
        Origin,
        _ORIGIN + "WHERE number_id = (SELECT id FROM numbers WHERE phone = :p) "
        "AND client_id = :c AND service_id = :s AND sms_count > 0 AND created_at >= :since "
        "ORDER BY id DESC LIMIT 1",
        {"p": phone, "c": client_id, "s": service_id, "since": since},
    )


async def number_now(conn: Conn, number_id: int) -> NumberNow | None:
    """The number's current state, locked against a concurrent lease on PostgreSQL."""
    row = await conn.fetch_one_as(
        NumberNow,
        "SELECT id, phone, provider_id, free_since, enabled, source_online, active_activation_id "
        "FROM numbers WHERE id = :n" + conn.for_update,
        {"n": number_id},
    )
    if row is None:
        return None
    # SQLite answers booleans as 0/1.
    return NumberNow(
        int(row.id),
        int(row.phone),
        int(row.provider_id),
        int(row.free_since),
        bool(row.enabled),
        bool(row.source_online),
        None if row.active_activation_id is None else int(row.active_activation_id),
    )
