"""The sms-activate catalogue actions: counts, prices, countries, operators, services.

Prices are those of the client's currency; counts are what could be bought
right now (the same counting, and the same short cache, as GetNumbersCount).
"""

from __future__ import annotations

from typing import Any

from otpvirt.catalogue.snapshot import CountryInfo, ServiceInfo, Snapshot
from otpvirt.clients.service import AuthClient
from otpvirt.money import currency, to_wire
from otpvirt.rental import service as rentals
from otpvirt.runtime import Runtime
from otpvirt.smsactivate import places
from otpvirt.smsactivate import schemas as s
from otpvirt.smsactivate.service import Answer
from otpvirt.supply.availability import available


async def _service(rt: Runtime, p: s.Params) -> ServiceInfo | None:
    code = (p.get("service") or "").strip()
    return await rt.catalogue.service(code) if code else None


async def get_numbers_status(rt: Runtime, client: AuthClient, p: s.Params) -> Answer:
    """`{"<service>_0": count}` for every service offered where asked."""
    country = await places.resolve_country(rt, p.get("country"))
    snap = await rt.catalogue.get()
    where = places.places(snap, country, s.operators(p))
    prices = snap.prices.get(client.currency, {})
    out: dict[str, int] = {}
    for service in snap.services_by_id.values():
        offered = [(c, pid) for c, pid in where if (c.id, service.id) in prices]
        if not service.enabled or not offered:
            continue
        # The `_0` suffix: without call forwarding, as every client expects.
        out[f"{service.code}_0"] = sum(
            [await available(rt, client.currency, c.id, pid, service.id) for c, pid in offered]
        )
    return out


async def get_prices(rt: Runtime, client: AuthClient, p: s.Params) -> Answer:
    """`{"<country id>": {"<service>": {"cost", "count", "physicalCount"}}}`."""
    only_service = await _service(rt, p)
    country = await places.resolve_country(rt, p.get("country"))
    snap = await rt.catalogue.get()
    cur = currency(client.currency)
    out: dict[str, dict[str, Any]] = {}
    for (country_id, service_id), amount in snap.prices.get(cur.code, {}).items():
        c = snap.countries_by_id[country_id]
        svc = snap.services_by_id[service_id]
        if not c.enabled or not svc.enabled:
            continue
        if (country and c.id != country.id) or (only_service and svc.id != only_service.id):
            continue
        count = await available(rt, cur.code, c.id, None, svc.id)
        # Every number here is a physical SIM, so both counts are the same.
        out.setdefault(str(places.country_code(c)), {})[svc.code] = {
            "cost": to_wire(amount, cur),
            "count": count,
            "physicalCount": count,
        }
    return out


def _combinable(prices: dict[tuple[int, int], int], snap: Snapshot) -> dict[int, set[int]]:
    """Country id -> the enabled services sold there, where at least two are (a bundle)."""
    sold: dict[int, set[int]] = {}
    for country_id, service_id in prices:
        svc = snap.services_by_id.get(service_id)
        if svc is not None and svc.enabled:
            sold.setdefault(country_id, set()).add(service_id)
    return {c: ids for c, ids in sold.items() if len(ids) > 1}


def _country(c: CountryInfo, rent: bool, multi: bool = False) -> dict[str, Any]:
    code = places.country_code(c)
    # No translations are kept: every language gets the catalogue's title.
    return {
        "id": code,
        "rus": c.title,
        "eng": c.title,
        "chn": c.title,
        "visible": 1,
        "retry": 1,
        "rent": 1 if rent else 0,
        # 1: several services can be bought on one number here (getMultiServiceNumber).
        "multiService": 1 if multi else 0,
    }


async def get_countries(rt: Runtime, client: AuthClient, p: s.Params) -> Answer:
    """Every enabled country, keyed by its numeric id (`rent` 1 where rent prices exist)."""
    snap = await rt.catalogue.get()
    async with rt.db.read() as conn:
        rented = {p.country_id for p in await rentals.prices(conn, client.currency)}
    multi = _combinable(snap.prices.get(client.currency, {}), snap)
    return {
        str(places.country_code(c)): _country(c, c.id in rented, c.id in multi)
        for c in snap.countries_by_id.values()
        if c.enabled
    }


async def get_operators(rt: Runtime, client: AuthClient, p: s.Params) -> Answer:
    """`{"status": "success", "countryOperators": {"<country id>": [names]}}`."""
    country = await places.resolve_country(rt, p.get("country"))
    snap = await rt.catalogue.get()
    countries = [country] if country else [c for c in snap.countries_by_id.values() if c.enabled]
    found = {str(places.country_code(c)): sorted(c.providers) for c in countries if c.providers}
    if not found:
        raise s.DialectError("OPERATORS_NOT_FOUND")
    return {"status": "success", "countryOperators": found}


async def get_services_list(rt: Runtime, client: AuthClient, p: s.Params) -> Answer:
    """`{"status": "success", "services": [{"code", "name", "multiService", "rent"}]}`.

    With `country`, the services sold there. `multiService` is 1 when the service can
    be bought with another on one number (getMultiServiceNumber) there, or anywhere;
    `rent` is 1 when it can be rented there (or anywhere): a rent price for it or `full`.
    """
    country = await places.resolve_country(rt, p.get("country"))
    snap = await rt.catalogue.get()
    prices = snap.prices.get(client.currency, {})
    multi = _combinable(prices, snap)
    combinable = set().union(
        *(ids for c, ids in multi.items() if country is None or c == country.id)
    )
    async with rt.db.read() as conn:
        rent_prices = await rentals.prices(conn, client.currency)
    rentable = {
        r.service_code for r in rent_prices if country is None or r.country_id == country.id
    }
    services = [
        {
            "code": svc.code,
            "name": svc.name,
            "multiService": 1 if svc.id in combinable else 0,
            "rent": 1 if rentable & {svc.code, rentals.FULL} else 0,
        }
        for svc in snap.services_by_id.values()
        if svc.enabled and (country is None or (country.id, svc.id) in prices)
    ]
    return {"status": "success", "services": services}
