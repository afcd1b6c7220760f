"""Countries and operators as the sms-activate protocol names them.

Countries are numeric ids in this protocol: each country answers to the id
sms-activate uses for it (`countries.smsactivate_id`, settable per country).
A country without one gets the derived id 100000 + its own id, so it can
still be listed and bought; its native name is accepted as well.
"""

from __future__ import annotations

import re

from otpvirt.activation import service as activations
from otpvirt.catalogue.service import MAX_SMSACTIVATE_ID
from otpvirt.catalogue.snapshot import CountryInfo, ServiceInfo, Snapshot
from otpvirt.runtime import Runtime
from otpvirt.smsactivate.schemas import DialectError

DERIVED_BASE = MAX_SMSACTIVATE_ID + 1
_NUMBER = re.compile(r"[0-9]{1,9}")


def country_code(country: CountryInfo) -> int:
    """The numeric id of a country in this protocol."""
    if country.smsactivate_id is not None:
        return country.smsactivate_id
    return DERIVED_BASE + country.id


async def resolve_country(rt: Runtime, ref: str | None) -> CountryInfo | None:
    """A country by numeric id or native name; None when not given (any country)."""
    ref = (ref or "").strip()
    if not ref:
        return None
    if not _NUMBER.fullmatch(ref):
        return await rt.catalogue.country(ref)
    number = int(ref)
    if number < DERIVED_BASE:
        return await rt.catalogue.country_by_smsactivate_id(number)
    snap = await rt.catalogue.get()
    country = snap.countries_by_id.get(number - DERIVED_BASE)
    if country is None or not country.enabled or country.smsactivate_id is not None:
        raise DialectError("BAD_COUNTRY", f"unknown country {ref}")
    return country


def where(
    snap: Snapshot,
    cur: str,
    service: ServiceInfo,
    country: CountryInfo | None,
    operators: list[str | None],
) -> list[activations.Candidate]:
    """Where to look for a number, for each requested operator in turn."""
    found: list[activations.Candidate] = []
    for operator in operators:
        for cand in activations.candidates(snap, cur, service, country, operator):
            if all(cand[0].id != c.id or cand[1] != p for c, p in found):
                found.append(cand)
    return found


def places(
    snap: Snapshot, country: CountryInfo | None, operators: list[str | None]
) -> list[tuple[CountryInfo, int | None]]:
    """Every (country, operator id or None) a listing covers; WRONG_OPERATOR if none fits."""
    countries = [country] if country else [c for c in snap.countries_by_id.values() if c.enabled]
    out: list[tuple[CountryInfo, int | None]] = []
    for c in countries:
        for name in operators:
            if name is None:
                out.append((c, None))
            elif (p := c.providers.get(name)) is not None:
                out.append((c, p.id))
    if not out and operators != [None]:
        raise DialectError("WRONG_OPERATOR", "no such operator in the requested countries")
    return out
