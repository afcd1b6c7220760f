"""Operator changes to the catalogue: countries, operators, services."""

from __future__ import annotations

import re
from dataclasses import dataclass

from otpvirt.catalogue import repository as repo
from otpvirt.catalogue.repository import CountryRow, ServiceRow
from otpvirt.db import Conn, IntegrityError
from otpvirt.errors import Conflict, ValidationFailed

_NAME = re.compile(r"^[a-z0-9][a-z0-9_.\-]{0,63}$")
# sms-activate's own ids are small; ids from here up are derived for countries
# without one (see otpvirt.smsactivate.places), so they are not assignable.
MAX_SMSACTIVATE_ID = 99_999


@dataclass(frozen=True, slots=True)
class AddedCountry:
    """A country just added."""

    id: int
    name: str
    calling_code: int


@dataclass(frozen=True, slots=True)
class AddedProvider:
    """An operator just added to a country."""

    id: int
    country: str
    name: str


@dataclass(frozen=True, slots=True)
class AddedService:
    """A service just added."""

    id: int
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class CountryEntry:
    """A country of the catalogue with the names of its operators."""

    country: CountryRow
    providers: list[str]


@dataclass(frozen=True, slots=True)
class Catalogue:
    """Every country (with its operators) and every service."""

    countries: list[CountryEntry]
    services: list[ServiceRow]


def check_smsactivate_id(value: int | None) -> None:
    """sms-activate country ids are 0-99999."""
    if value is not None and not 0 <= value <= MAX_SMSACTIVATE_ID:
        raise ValidationFailed(
            f"sms-activate id must be 0-{MAX_SMSACTIVATE_ID}, got {value}", reason="bad_id"
        )


def clean_name(value: str, what: str, *, max_len: int = 64) -> str:
    """A catalogue name: lower-case letters, digits, `_ . -`."""
    name = value.strip().lower()
    if not _NAME.match(name) or len(name) > max_len:
        raise ValidationFailed(
            f"{what} must be 1-{max_len} lower-case letters, digits, '_', '.' or '-': {value!r}"
        )
    return name


async def add_country(
    conn: Conn,
    name: str,
    *,
    calling_code: int,
    title: str | None = None,
    iso2: str | None = None,
    smsactivate_id: int | None = None,
) -> AddedCountry:
    """Add a country; its clients' name for it is `name`."""
    name = clean_name(name, "country name")
    if not 1 <= calling_code <= 9999:
        raise ValidationFailed(f"calling code must be 1-9999, got {calling_code}")
    if iso2 is not None and not re.fullmatch(r"[A-Za-z]{2}", iso2):
        raise ValidationFailed(f"ISO code must be two letters, got {iso2!r}")
    check_smsactivate_id(smsactivate_id)
    try:
        new_id = await repo.insert_country(
            conn,
            name,
            title or name.title(),
            calling_code,
            iso2.upper() if iso2 else None,
            smsactivate_id,
        )
    except IntegrityError:
        raise Conflict(
            f"country {name!r} (or sms-activate id {smsactivate_id}) already exists"
        ) from None
    return AddedCountry(new_id, name, calling_code)


async def set_smsactivate_id(conn: Conn, country: str, smsactivate_id: int | None) -> None:
    """Set (or clear) the numeric id the sms-activate dialect uses for a country."""
    check_smsactivate_id(smsactivate_id)
    try:
        changed = await repo.set_smsactivate_id(conn, country.strip().lower(), smsactivate_id)
    except IntegrityError:
        raise Conflict(f"sms-activate id {smsactivate_id} is used by another country") from None
    if not changed:
        raise ValidationFailed(f"unknown country {country!r}", reason="unknown_country")


async def add_provider(
    conn: Conn, country: str, name: str, *, title: str | None = None
) -> AddedProvider:
    """Add an operator to a country."""
    name = clean_name(name, "provider name")
    country_id = await repo.country_id(conn, country.strip().lower())
    if country_id is None:
        raise ValidationFailed(f"unknown country {country!r}", reason="unknown_country")
    try:
        pid = await repo.insert_provider(conn, country_id, name, title or name)
    except IntegrityError:
        raise Conflict(f"provider {name!r} already exists in {country}") from None
    return AddedProvider(pid, country.strip().lower(), name)


async def add_service(conn: Conn, code: str, name: str) -> AddedService:
    """Add a service (code as clients send it, e.g. `vi`, and a display name)."""
    code = clean_name(code, "service code", max_len=36)
    if len(code) < 2:
        raise ValidationFailed("service code must be 2-36 characters")
    if not name.strip():
        raise ValidationFailed("service name must not be empty")
    try:
        sid = await repo.insert_service(conn, code, name.strip())
    except IntegrityError:
        raise Conflict(f"service {code!r} already exists") from None
    return AddedService(sid, code, name.strip())


async def list_catalogue(conn: Conn) -> Catalogue:
    """Countries with their operators, and services."""
    providers: dict[int, list[str]] = {}
    for p in await repo.providers(conn):
        providers.setdefault(p.country_id, []).append(p.name)
    countries = [CountryEntry(r, providers.get(r.id, [])) for r in await repo.countries(conn)]
    return Catalogue(countries, await repo.services(conn))
