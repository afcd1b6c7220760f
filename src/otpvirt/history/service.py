"""History of a client's activations and which countries work for a service.

Both dialects list the same pages: a time window (default the last 30 days),
newest first, at most `MAX_LIMIT` a page and never deeper than `MAX_OFFSET`, so
one request costs a bounded, index-driven read whatever the client asks.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from otpvirt.catalogue.snapshot import CountryInfo, ServiceInfo
from otpvirt.clock import now_ms
from otpvirt.errors import ValidationFailed
from otpvirt.history import repository as repo
from otpvirt.history.repository import PastActivation, PastSms
from otpvirt.runtime import Runtime
from otpvirt.supply.availability import available

DAY_MS = 86_400_000
DEFAULT_WINDOW_MS = 30 * DAY_MS
TOP_WINDOW_MS = 7 * DAY_MS
MAX_LIMIT = 100
DEFAULT_LIMIT = 50
MAX_OFFSET = 10_000
# A history entry shows at most this many SMS (a page stays bounded).
MAX_SMS_PER_ACTIVATION = 20
# How long per-country figures are reused before they are read again.
RATES_MAX_AGE_S = 60.0


class BadWindow(ValidationFailed):
    """A history window or page the service cannot answer."""

    reason = "bad_window"


@dataclass(frozen=True, slots=True)
class Window:
    """[since, until) in epoch ms, and the page within it."""

    since: int
    until: int
    offset: int
    limit: int


@dataclass(frozen=True, slots=True)
class Entry:
    """One activation of a history page, with its SMS (oldest first)."""

    activation: PastActivation
    sms: list[PastSms]


@dataclass(frozen=True, slots=True)
class FreeCountry:
    """A country selling the service: free numbers now and the price."""

    country: CountryInfo
    count: int
    price: int


@dataclass(frozen=True, slots=True)
class CountryRate:
    """A country's share of the service's recent activations and the % that got an SMS."""

    country: CountryInfo
    share: float
    rate: float


def window(start_s: int | None, end_s: int | None, offset: int | None, limit: int | None) -> Window:
    """A window from Unix seconds (default: the last 30 days up to now), `end` included."""
    now = now_ms()
    until = now + 1 if end_s is None else end_s * 1000 + 1
    since = (until - 1 - DEFAULT_WINDOW_MS) if start_s is None else start_s * 1000
    if since < 0 or since >= until or until > 2**53:
        raise BadWindow("the start must be before the end, both non-negative Unix seconds")
    off = 0 if offset is None else offset
    # A larger page is served as the largest one, as clients page until a short one.
    lim = DEFAULT_LIMIT if limit is None else min(limit, MAX_LIMIT)
    if not 0 <= off <= MAX_OFFSET:
        raise BadWindow(f"offset must be 0-{MAX_OFFSET}; narrow the time window instead")
    if lim < 1:
        raise BadWindow(f"limit must be 1-{MAX_LIMIT}")
    return Window(since, until, off, lim)


async def page(rt: Runtime, client_id: str, w: Window) -> list[Entry]:
    """The client's activations created in the window, newest first, with their SMS."""
    async with rt.db.read() as conn:
        acts = await repo.activations(
            conn, client_id, since=w.since, until=w.until, offset=w.offset, limit=w.limit
        )
        sms = await repo.sms_of(conn, [a.id for a in acts], per_activation=MAX_SMS_PER_ACTIVATION)
    by_act: dict[int, list[PastSms]] = {}
    for m in sms:
        by_act.setdefault(m.activation_id, []).append(m)
    return [Entry(a, by_act.get(a.id, [])) for a in acts]


async def free_countries(
    rt: Runtime, currency_code: str, service: ServiceInfo
) -> list[FreeCountry]:
    """Countries selling the service in the currency: more free numbers first, then cheaper."""
    snap = await rt.catalogue.get()
    found: list[FreeCountry] = []
    for (country_id, service_id), price in snap.prices.get(currency_code, {}).items():
        country = snap.countries_by_id[country_id]
        if service_id != service.id or not country.enabled:
            continue
        count = await available(rt, currency_code, country_id, None, service.id)
        found.append(FreeCountry(country, count, price))
    return sorted(found, key=lambda f: (-f.count, f.price, f.country.id))


async def country_rates(rt: Runtime, service: ServiceInfo) -> list[CountryRate]:
    """Over the last 7 days: each country's share of the service's activations and SMS rate.

    Reading a week of a service's activations is not free, so the figures are kept for
    `RATES_MAX_AGE_S` per process: repeated calls cost nothing, whoever makes them.
    """
    key = f"history.rates.{service.id}"
    hit = rt.extras.get(key)
    if isinstance(hit, tuple) and hit[0] > time.monotonic():
        cached: list[CountryRate] = hit[1]
        return cached
    rates = await _country_rates(rt, service)
    rt.extras[key] = (time.monotonic() + RATES_MAX_AGE_S, rates)
    return rates


async def _country_rates(rt: Runtime, service: ServiceInfo) -> list[CountryRate]:
    async with rt.db.read() as conn:
        figures = await repo.country_figures(conn, service.id, since=now_ms() - TOP_WINDOW_MS)
    snap = await rt.catalogue.get()
    total = sum(f.activations for f in figures)
    rates = [
        CountryRate(
            snap.countries_by_id[f.country_id],
            round(100 * f.activations / total, 2),
            round(100 * f.with_sms / f.activations, 2),
        )
        for f in figures
        if f.country_id in snap.countries_by_id
    ]
    return sorted(rates, key=lambda r: (-r.share, -r.rate, r.country.id))
