"""How the catalogue looks on the wire (admin API, CLI `--json`, console pages)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from otpvirt.catalogue.repository import ServiceRow
from otpvirt.catalogue.service import (
    AddedCountry,
    AddedProvider,
    AddedService,
    Catalogue,
    CountryEntry,
)


class CountryAddedOut(BaseModel):
    """A country just added."""

    id: int
    name: str
    callingCode: int

    @classmethod
    def of(cls, c: AddedCountry) -> CountryAddedOut:
        """The wire form of a new country."""
        return cls(id=c.id, name=c.name, callingCode=c.calling_code)


class ProviderAddedOut(BaseModel):
    """An operator just added to a country."""

    id: int
    country: str
    name: str

    @classmethod
    def of(cls, p: AddedProvider) -> ProviderAddedOut:
        """The wire form of a new operator."""
        return cls(id=p.id, country=p.country, name=p.name)


class ServiceAddedOut(BaseModel):
    """A service just added."""

    id: int
    code: str
    name: str

    @classmethod
    def of(cls, s: AddedService) -> ServiceAddedOut:
        """The wire form of a new service."""
        return cls(id=s.id, code=s.code, name=s.name)


class CountryOut(BaseModel):
    """A country with the names of its operators."""

    id: int
    name: str
    title: str
    callingCode: int
    iso2: str | None
    smsactivateId: int | None = Field(description="Its id in the sms-activate protocol.")
    enabled: bool
    providers: list[str]

    @classmethod
    def of(cls, e: CountryEntry) -> CountryOut:
        """The wire form of a catalogue country."""
        c = e.country
        return cls(
            id=c.id,
            name=c.name,
            title=c.title,
            callingCode=c.calling_code,
            iso2=c.iso2,
            smsactivateId=c.smsactivate_id,
            enabled=bool(c.enabled),
            providers=list(e.providers),
        )


class ServiceOut(BaseModel):
    """A service of the catalogue."""

    id: int
    code: str
    name: str
    enabled: bool

    @classmethod
    def of(cls, s: ServiceRow) -> ServiceOut:
        """The wire form of a catalogue service."""
        return cls(id=s.id, code=s.code, name=s.name, enabled=bool(s.enabled))


class CatalogueOut(BaseModel):
    """Countries with their operators, and services."""

    countries: list[CountryOut]
    services: list[ServiceOut]

    @classmethod
    def of(cls, cat: Catalogue) -> CatalogueOut:
        """The wire form of the catalogue."""
        return cls(
            countries=[CountryOut.of(c) for c in cat.countries],
            services=[ServiceOut.of(s) for s in cat.services],
        )


def catalogue_json(cat: Catalogue) -> dict[str, Any]:
    """The catalogue as plain JSON data (CLI `--json`, console pages)."""
    return CatalogueOut.of(cat).model_dump()
