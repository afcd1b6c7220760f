"""What a client can rent: the countries and services with an hourly rent price in its
currency, and a quote (hourly price, total for the hours, numbers free, balance check)."""

from __future__ import annotations

from dataclasses import dataclass

from otpvirt.catalogue.snapshot import CountryInfo
from otpvirt.errors import OtpVirtError
from otpvirt.money import currency, format_amount
from otpvirt.rental import service as rentals
from otpvirt.runtime import Runtime

DEFAULT_HOURS = rentals.MIN_HOURS


@dataclass
class RentMenu:
    """Countries with a rent price, and the services that can be rented somewhere."""

    countries: list[CountryInfo]
    services: list[tuple[str, str]]
    priced: dict[str, set[str]]

    def country_for(self, service: str) -> str:
        """The first country renting the service (its own price or `full`), else the first."""
        for c in self.countries:
            codes = self.priced.get(c.name, set())
            if service in codes or rentals.FULL in codes:
                return c.name
        return self.countries[0].name if self.countries else ""


@dataclass
class RentQuote:
    """The offer for renting a service in a country for some hours, or why there is none."""

    service: str
    country: str
    hours: int
    currency: str
    hourly: str | None = None
    total: str | None = None
    free: int = 0
    problem: str | None = None
    short: str | None = None


async def menu(rt: Runtime, currency_code: str) -> RentMenu:
    """The countries and services the client can rent in its currency."""
    snap = await rt.catalogue.get()
    async with rt.db.read() as conn:
        prices = await rentals.prices(conn, currency(currency_code).code)
    country_ids = {p.country_id for p in prices}
    countries = sorted(
        (c for c in snap.countries_by_id.values() if c.id in country_ids and c.enabled),
        key=lambda c: c.title.lower(),
    )
    codes = {p.service_code for p in prices}
    priced: dict[str, set[str]] = {}
    for p in prices:
        if p.country_id in snap.countries_by_id:
            priced.setdefault(snap.countries_by_id[p.country_id].name, set()).add(p.service_code)
    services: list[tuple[str, str]] = []
    if rentals.FULL in codes:
        services.append((rentals.FULL, "Any service (full)"))
    for svc in sorted(snap.services.values(), key=lambda s: s.name.lower()):
        if svc.enabled and (svc.code in codes or rentals.FULL in codes):
            services.append((svc.code, f"{svc.name} ({svc.code})"))
    return RentMenu(countries, services, priced)


def parse_hours(raw: str) -> int:
    """Whole hours from a form field, 4 to 1344 (else the rule's error)."""
    text = raw.strip()
    if not (text.isdigit() and len(text) <= 6):
        raise rentals.BadRentTime(
            f"hours must be a whole number from {rentals.MIN_HOURS} to {rentals.MAX_HOURS}"
        )
    rentals.check_hours(int(text))
    return int(text)


async def target(rt: Runtime, service: str, country: str) -> tuple[str, int | None, CountryInfo]:
    """The service code (and id, None for `full`) and the country of a rent form."""
    code = service.strip().lower()
    service_id = None
    if code != rentals.FULL:
        svc = await rt.catalogue.service(code)
        code, service_id = svc.code, svc.id
    return code, service_id, await rt.catalogue.country(country)


async def quote(
    rt: Runtime, currency_code: str, balance: int, service: str, country: str, hours: str
) -> RentQuote:
    """Hourly price and total for the hours, numbers free, and whether the balance covers it."""
    cur = currency(currency_code)
    q = RentQuote(service, country, DEFAULT_HOURS, cur.code)
    try:
        q.hours = parse_hours(hours)
        code, service_id, place = await target(rt, service, country)
        async with rt.db.read() as conn:
            offer = await rentals.quote(
                conn, cur.code, rentals.Place(place.id, None), code, service_id
            )
    except OtpVirtError as exc:
        q.problem = exc.message
        return q
    if offer is None:
        q.problem = f"{code} is not offered for rent in {place.title}"
        return q
    total = offer.hourly * q.hours
    q.hourly, q.total, q.free = (
        format_amount(offer.hourly, cur),
        format_amount(total, cur),
        offer.free,
    )
    if total > balance:
        q.short = (
            f"Insufficient balance: {format_amount(balance, cur)} {cur.code} is less than "
            f"the total {q.total} {cur.code}. Top up first."
        )
    return q
