"""The SQL of history: a client's activations in a time window and their SMS.

Every query is bounded: a page is at most `MAX_LIMIT` activations found through
`ix_activations_client_created` (client, created_at), their SMS through
`ix_sms_messages_activation`, and the per-country figures read one service's
activations of a bounded window through `ix_activations_service_created`.
"""

from __future__ import annotations

from dataclasses import dataclass

from otpvirt.db import Conn

# The statements whose plans tests/history/test_plans.py checks (index-driven).
PAGE_SQL = (
    "SELECT id, guid, phone, country_id, provider_id, service_id, state, price, currency, "
    "created_at, finished_at FROM activations "
    "WHERE client_id = :c AND created_at >= :since AND created_at < :until "
    "ORDER BY created_at DESC, id DESC LIMIT :lim OFFSET :off"
)
FIGURES_SQL = (
    "SELECT country_id, COUNT(*), SUM(CASE WHEN sms_count > 0 THEN 1 ELSE 0 END) "
    "FROM activations WHERE service_id = :s AND created_at >= :since GROUP BY country_id"
)


@dataclass(frozen=True, slots=True)
class PastActivation:
    """One activation of the client, as history lists it."""

    id: int
    guid: str
    phone: int
    country_id: int
    provider_id: int
    service_id: int
    state: str
    price: int
    currency: str
    created_at: int
    finished_at: int | None


@dataclass(frozen=True, slots=True)
class PastSms:
    """One SMS of a listed activation."""

    activation_id: int
    guid: str
    sender: str
    phone: int
    text: str
    code: str
    received_at: int


@dataclass(frozen=True, slots=True)
class CountryFigures:
    """Activations of a service in a country since some moment, and how many got an SMS."""

    country_id: int
    activations: int
    with_sms: int


async def activations(
    conn: Conn, client_id: str, *, since: int, until: int, offset: int, limit: int
) -> list[PastActivation]:
    """The client's activations created in [since, until), newest first."""
    return await conn.fetch_all_as(
        PastActivation,
        PAGE_SQL,
        {"c": client_id, "since": since, "until": until, "lim": limit, "off": offset},
    )


async def sms_of(conn: Conn, activation_ids: list[int], *, per_activation: int) -> list[PastSms]:
    """The SMS of these activations, oldest first, at most `per_activation` of each."""
    if not activation_ids:
        return []
    names = {f"a{i}": a for i, a in enumerate(activation_ids)}
    rows = await conn.fetch_all_as(
        PastSms,
        "SELECT activation_id, guid, sender, phone, text, code, received_at FROM sms_messages "
        f"WHERE activation_id IN ({', '.join(':' + n for n in names)}) "
        "ORDER BY activation_id, id",
        names,
    )
    kept: list[PastSms] = []
    seen: dict[int, int] = {}
    for r in rows:
        seen[r.activation_id] = seen.get(r.activation_id, 0) + 1
        if seen[r.activation_id] <= per_activation:
            kept.append(r)
    return kept


async def country_figures(conn: Conn, service_id: int, *, since: int) -> list[CountryFigures]:
    """Per country: the service's activations created since `since`, and those that got an SMS."""
    rows = await conn.fetch_all_as(
        CountryFigures,
        FIGURES_SQL,
        {"s": service_id, "since": since},
    )
    # COUNT/SUM come back as Decimal or int depending on the driver.
    return [CountryFigures(int(r.country_id), int(r.activations), int(r.with_sms)) for r in rows]


@dataclass(frozen=True, slots=True)
class ServiceCountryFigures:
    """Activations of a service in a country since some moment, and how many got an SMS."""

    service_id: int
    country_id: int
    activations: int
    with_sms: int


async def service_country_figures(conn: Conn, *, since: int) -> list[ServiceCountryFigures]:
    """Per (service, country): activations created since `since` and those that got an SMS."""
    rows = await conn.fetch_all_as(
        ServiceCountryFigures,
        "SELECT service_id, country_id, COUNT(*), SUM(CASE WHEN sms_count > 0 THEN 1 ELSE 0 END) "
        "FROM activations WHERE created_at >= :since GROUP BY service_id, country_id",
        {"since": since},
    )
    return [
        ServiceCountryFigures(
            int(r.service_id), int(r.country_id), int(r.activations), int(r.with_sms)
        )
        for r in rows
    ]
