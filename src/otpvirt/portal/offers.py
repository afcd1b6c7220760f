"""What a client can buy: services and countries sold in its currency, with price and stock."""

from __future__ import annotations

from dataclasses import dataclass, field

from otpvirt.catalogue.snapshot import CountryInfo, ServiceInfo
from otpvirt.money import currency, format_amount
from otpvirt.runtime import Runtime
from otpvirt.supply.availability import available


@dataclass
class Menu:
    """Services on sale, and for each the countries selling it (cheapest first)."""

    services: list[ServiceInfo]
    countries: dict[str, list[tuple[CountryInfo, str]]] = field(default_factory=dict)


@dataclass
class Quote:
    """Price and numbers available now for a service in a country (or the cheapest)."""

    service: str
    country: str | None
    price: str | None
    currency: str
    available: int


async def menu(rt: Runtime, currency_code: str) -> Menu:
    """The services and countries the client can buy in its currency."""
    snap = await rt.catalogue.get()
    cur = currency(currency_code)
    by_service: dict[str, list[tuple[int, CountryInfo]]] = {}
    for (country_id, service_id), amount in snap.prices.get(cur.code, {}).items():
        service, country = snap.services_by_id[service_id], snap.countries_by_id[country_id]
        if service.enabled and country.enabled:
            by_service.setdefault(service.code, []).append((amount, country))
    services = sorted((snap.services[code] for code in by_service), key=lambda s: s.name.lower())
    countries = {
        code: [(c, format_amount(a, cur)) for a, c in sorted(rows, key=lambda r: (r[0], r[1].name))]
        for code, rows in by_service.items()
    }
    return Menu(services, countries)


async def quote(rt: Runtime, currency_code: str, service: str, country: str) -> Quote | None:
    """The offer for a service in a country; with no country, the cheapest country's."""
    m = await menu(rt, currency_code)
    places = m.countries.get(service.strip().lower())
    if not places:
        return None
    chosen = next((p for p in places if p[0].name == country.strip().lower()), None)
    if chosen is None:
        chosen = places[0]
        country = ""
    snap = await rt.catalogue.get()
    svc = snap.services[service.strip().lower()]
    if country:
        count = await available(rt, currency_code, chosen[0].id, None, svc.id)
    else:
        count = 0
        for place, _ in places:
            count += await available(rt, currency_code, place.id, None, svc.id)
    return Quote(svc.code, country or None, chosen[1], currency(currency_code).code, count)
