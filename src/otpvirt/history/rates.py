"""Success rate per service and country (the operator console): which supply works.

The same figures as sms-activate `getListOfTopCountriesByService`, for every service
at once: over the last 7 days, each country's share of a service's activations and the
% of them that got an SMS. Kept for a minute per process, as reading them is not free.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from otpvirt.catalogue.snapshot import CountryInfo, ServiceInfo
from otpvirt.clock import now_ms
from otpvirt.history import repository as repo
from otpvirt.history.service import RATES_MAX_AGE_S, TOP_WINDOW_MS
from otpvirt.runtime import Runtime

_KEY = "history.success_rates"


@dataclass(frozen=True, slots=True)
class SuccessRate:
    """A service in a country over the last 7 days."""

    service: ServiceInfo
    country: CountryInfo
    activations: int
    with_sms: int
    share: float
    rate: float


async def success_rates(rt: Runtime) -> list[SuccessRate]:
    """Every (service, country) with activations in the last 7 days: by service, busiest first."""
    hit = rt.extras.get(_KEY)
    if isinstance(hit, tuple) and hit[0] > time.monotonic():
        cached: list[SuccessRate] = hit[1]
        return cached
    async with rt.db.read() as conn:
        figures = await repo.service_country_figures(conn, since=now_ms() - TOP_WINDOW_MS)
    snap = await rt.catalogue.get()
    totals: dict[int, int] = {}
    for f in figures:
        totals[f.service_id] = totals.get(f.service_id, 0) + f.activations
    out = [
        SuccessRate(
            snap.services_by_id[f.service_id],
            snap.countries_by_id[f.country_id],
            f.activations,
            f.with_sms,
            round(100 * f.activations / totals[f.service_id], 2),
            round(100 * f.with_sms / f.activations, 2),
        )
        for f in figures
        if f.service_id in snap.services_by_id and f.country_id in snap.countries_by_id
    ]
    out.sort(key=lambda r: (r.service.code, -r.activations, r.country.name))
    rt.extras[_KEY] = (time.monotonic() + RATES_MAX_AGE_S, out)
    return out
