"""The portable SQL of the lease rules (SQLite, and PostgreSQL's explaining fallback)."""

from __future__ import annotations

from dataclasses import dataclass

from otpvirt.db import Conn


@dataclass(frozen=True, slots=True)
class ActivationRow:
    """What the lease rules read of an activation."""

    id: int
    client_id: str
    state: str
    number_id: int
    price: int
    currency: str
    sms_count: int
    created_at: int
    # The first activation of its bundle (one number for several services), else None.
    bundle_id: int | None


@dataclass(frozen=True, slots=True)
class SmsOfActivation:
    """An activation's owner with one of its SMS (all None when it has none)."""

    client_id: str
    guid: str | None
    sender: str | None
    phone: int | None
    text: str | None
    code: str | None


_SELECT = (
    "SELECT id, client_id, state, number_id, price, currency, sms_count, created_at, "
    "bundle_id FROM activations "
)


async def order_taken(conn: Conn, client_id: str, order_id: str) -> bool:
    """Whether the client already has an activation with this orderId."""
    return bool(
        await conn.fetchval(
            "SELECT id FROM activations WHERE client_id = :c AND order_id = :o",
            {"c": client_id, "o": order_id},
        )
    )


async def insert(
    conn: Conn,
    *,
    guid: str,
    client_id: str,
    number_id: int,
    phone: int,
    country_id: int,
    provider_id: int,
    service_id: int,
    price: int,
    currency: str,
    now: int,
    expires_at: int,
    order_id: str | None,
    bundle_id: int | None = None,
) -> int | None:
    """Record a waiting activation; None when the orderId is taken (a concurrent request)."""
    found = await conn.fetchval(
        "INSERT INTO activations (guid, client_id, number_id, phone, country_id, provider_id, "
        "service_id, price, currency, state, sms_count, created_at, expires_at, order_id, "
        "bundle_id) VALUES (:g, :c, :n, :phone, :country, :prov, :s, :price, :cur, 'waiting', "
        "0, :now, :exp, :o, :b) ON CONFLICT (client_id, order_id) WHERE order_id IS NOT NULL "
        "DO NOTHING RETURNING id",
        {
            "g": guid,
            "c": client_id,
            "n": number_id,
            "phone": phone,
            "country": country_id,
            "prov": provider_id,
            "s": service_id,
            "price": price,
            "cur": currency,
            "now": now,
            "exp": expires_at,
            "o": order_id,
            "b": bundle_id,
        },
    )
    return None if found is None else int(found)


async def start_bundle(conn: Conn, act_id: int) -> None:
    """Make an activation the first of its bundle (before the others are recorded)."""
    await conn.execute("UPDATE activations SET bundle_id = id WHERE id = :i", {"i": act_id})


async def bundle_heir(conn: Conn, number_id: int, bundle_id: int, act_id: int) -> int | None:
    """Another live activation of the bundle (the number passes to it), if any."""
    # The predicate of ux_activations_live_bundle, so the partial index answers it.
    heir = await conn.fetchval(
        "SELECT id FROM activations WHERE number_id = :n AND state IN ('waiting', "
        "'sms_received') AND bundle_id IS NOT NULL AND bundle_id = :b AND id <> :i "
        "ORDER BY id LIMIT 1",
        {"n": number_id, "b": bundle_id, "i": act_id},
    )
    return None if heir is None else int(heir)


async def locked(
    conn: Conn, *, guid: str | None = None, act_id: int | None = None
) -> ActivationRow | None:
    """An activation by guid or id, locked until commit (PostgreSQL)."""
    if guid is not None:
        return await conn.fetch_one_as(
            ActivationRow, _SELECT + "WHERE guid = :g" + conn.for_update, {"g": guid}
        )
    return await conn.fetch_one_as(
        ActivationRow, _SELECT + "WHERE id = :i" + conn.for_update, {"i": act_id}
    )


async def finish(conn: Conn, act_id: int, state: str, now: int, *, waiting_only: bool) -> bool:
    """End a live (or only a waiting) activation as `state`; False if it was not."""
    states = "('waiting')" if waiting_only else "('waiting', 'sms_received')"
    return bool(
        await conn.execute(
            "UPDATE activations SET state = :st, finished_at = :now WHERE id = :id "
            f"AND state IN {states}",
            {"st": state, "now": now, "id": act_id},
        )
    )


async def sms_of(conn: Conn, guid: str) -> list[SmsOfActivation]:
    """The activation's owner and SMS, oldest first (one all-None SMS row when it has none)."""
    return await conn.fetch_all_as(
        SmsOfActivation,
        "SELECT a.client_id, s.guid, s.sender, s.phone, s.text, s.code FROM activations a "
        "LEFT JOIN sms_messages s ON s.activation_id = a.id WHERE a.guid = :g ORDER BY s.id",
        {"g": guid},
    )


async def due(conn: Conn, now: int, limit: int) -> list[ActivationRow]:
    """Live activations past their lifetime, oldest first (others skip them)."""
    return await conn.fetch_all_as(
        ActivationRow,
        _SELECT + "WHERE state IN ('waiting', 'sms_received') AND expires_at <= :now "
        "ORDER BY expires_at LIMIT :lim" + conn.skip_locked,
        {"now": now, "lim": limit},
    )
