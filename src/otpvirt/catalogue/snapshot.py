"""An in-memory copy of the catalogue and price list for the request path.

The catalogue changes rarely (operator commands), and every API call needs it
to turn names into ids, so each process keeps a copy that is reloaded when it
is older than `catalogue_cache_seconds`, when this process changes it, or when
a name is not found (so another process's additions show up at once).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from otpvirt.catalogue import repository as repo
from otpvirt.db import Conn, Database
from otpvirt.errors import ValidationFailed

ANY_PROVIDER = "any"


@dataclass(frozen=True, slots=True)
class ProviderInfo:
    id: int
    name: str
    title: str
    country_id: int


@dataclass(frozen=True, slots=True)
class CountryInfo:
    id: int
    name: str
    title: str
    calling_code: int
    iso2: str | None
    smsactivate_id: int | None
    enabled: bool
    providers: dict[str, ProviderInfo] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ServiceInfo:
    id: int
    code: str
    name: str
    enabled: bool


@dataclass(slots=True)
class Snapshot:
    """The catalogue at one moment; lookups are by lower-case name."""

    countries: dict[str, CountryInfo]
    countries_by_id: dict[int, CountryInfo]
    providers_by_id: dict[int, ProviderInfo]
    services: dict[str, ServiceInfo]
    services_by_id: dict[int, ServiceInfo]
    # currency -> {(country_id, service_id): amount in minor units}
    prices: dict[str, dict[tuple[int, int], int]]
    loaded_at: float
    countries_by_smsactivate_id: dict[int, CountryInfo] = field(default_factory=dict)

    def country(self, name: str) -> CountryInfo | None:
        """An enabled country by name (case-insensitive)."""
        c = self.countries.get(name.strip().lower())
        return c if c is not None and c.enabled else None

    def country_by_smsactivate_id(self, smsactivate_id: int) -> CountryInfo | None:
        """An enabled country by the numeric id of the sms-activate protocol."""
        c = self.countries_by_smsactivate_id.get(smsactivate_id)
        return c if c is not None and c.enabled else None

    def service(self, code: str) -> ServiceInfo | None:
        """An enabled service by code."""
        s = self.services.get(code.strip().lower())
        return s if s is not None and s.enabled else None


async def load_snapshot(conn: Conn) -> Snapshot:
    """Read the whole catalogue and price list."""
    countries: dict[str, CountryInfo] = {}
    by_id: dict[int, CountryInfo] = {}
    for r in await repo.countries(conn):
        c = CountryInfo(
            r.id, r.name, r.title, r.calling_code, r.iso2, r.smsactivate_id, bool(r.enabled), {}
        )
        countries[c.name] = c
        by_id[c.id] = c
    providers: dict[int, ProviderInfo] = {}
    for pr in await repo.providers(conn):
        p = ProviderInfo(pr.id, pr.name, pr.title, pr.country_id)
        providers[p.id] = p
        by_id[p.country_id].providers[p.name] = p
    services: dict[str, ServiceInfo] = {}
    services_by_id: dict[int, ServiceInfo] = {}
    for sr in await repo.services(conn):
        s = ServiceInfo(sr.id, sr.code, sr.name, bool(sr.enabled))
        services[s.code] = s
        services_by_id[s.id] = s
    prices: dict[str, dict[tuple[int, int], int]] = {}
    for pp in await repo.prices(conn):
        prices.setdefault(pp.currency, {})[(pp.country_id, pp.service_id)] = pp.amount
    by_sa = {c.smsactivate_id: c for c in by_id.values() if c.smsactivate_id is not None}
    return Snapshot(
        countries, by_id, providers, services, services_by_id, prices, time.monotonic(), by_sa
    )


class Catalogue:
    """The per-process catalogue cache."""

    def __init__(self, db: Database, ttl_seconds: float) -> None:
        self._db = db
        self._ttl = ttl_seconds
        self._snap: Snapshot | None = None

    async def get(self) -> Snapshot:
        """The current snapshot, reloading it when stale."""
        snap = self._snap
        if snap is None or time.monotonic() - snap.loaded_at > self._ttl:
            async with self._db.read() as conn:
                snap = self._snap = await load_snapshot(conn)
        return snap

    def invalidate(self) -> None:
        """Forget the snapshot (after a local change)."""
        self._snap = None

    async def country(self, name: str) -> CountryInfo:
        """Resolve a country name, or fail with `unknown_country`."""
        c = (await self.get()).country(name)
        if c is None and self._snap is not None and self._reloadable():
            self.invalidate()
            c = (await self.get()).country(name)
        if c is None:
            raise ValidationFailed(f"unknown country {name!r}", reason="unknown_country")
        return c

    async def country_by_smsactivate_id(self, smsactivate_id: int) -> CountryInfo:
        """Resolve an sms-activate country id, or fail with `unknown_country`."""
        c = (await self.get()).country_by_smsactivate_id(smsactivate_id)
        if c is None and self._snap is not None and self._reloadable():
            self.invalidate()
            c = (await self.get()).country_by_smsactivate_id(smsactivate_id)
        if c is None:
            raise ValidationFailed(
                f"no country has sms-activate id {smsactivate_id}", reason="unknown_country"
            )
        return c

    async def service(self, code: str) -> ServiceInfo:
        """Resolve a service code, or fail with `unknown_service`."""
        s = (await self.get()).service(code)
        if s is None and self._snap is not None and self._reloadable():
            self.invalidate()
            s = (await self.get()).service(code)
        if s is None:
            raise ValidationFailed(f"unknown service {code!r}", reason="unknown_service")
        return s

    def _reloadable(self) -> bool:
        # A miss reloads at most every 100 ms, so garbage names cannot force
        # a full catalogue read on every request.
        return self._snap is not None and time.monotonic() - self._snap.loaded_at > 0.1


def provider_of(country: CountryInfo, name: str | None) -> ProviderInfo | None:
    """The named operator of a country; None for `any`/absent; error if unknown."""
    if name is None:
        return None
    key = name.strip().lower()
    if key == ANY_PROVIDER or key == "":
        return None
    p = country.providers.get(key)
    if p is None:
        raise ValidationFailed(
            f"unknown provider {name!r} for {country.name}", reason="unknown_provider"
        )
    return p
