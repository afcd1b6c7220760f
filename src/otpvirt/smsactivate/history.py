"""The sms-activate history and top-country actions, on `otpvirt.history`."""

from __future__ import annotations

import re

from otpvirt.catalogue.snapshot import Snapshot
from otpvirt.clients.service import AuthClient
from otpvirt.history import service as history
from otpvirt.money import currency, to_wire
from otpvirt.runtime import Runtime
from otpvirt.smsactivate import places
from otpvirt.smsactivate import schemas as s
from otpvirt.smsactivate.service import Answer

_INT = re.compile(r"-?[0-9]{1,15}")
MAX_TOP_LENGTH = 100


def _int(p: s.Params, name: str, bad: str) -> int | None:
    raw = (p.get(name) or "").strip()
    if not raw:
        return None
    if not _INT.fullmatch(raw):
        raise s.DialectError(bad, f"{name} must be an integer")
    return int(raw)


async def get_history(rt: Runtime, client: AuthClient, p: s.Params) -> Answer:
    """The caller's activations in [start, end] (Unix s, default 30 days), newest first."""
    start, end = _int(p, "start", "WRONG_DATE"), _int(p, "end", "WRONG_DATE")
    offset, limit = _int(p, "offset", "BAD_DATA"), _int(p, "limit", "BAD_DATA")
    try:
        w = history.window(start, end, None, None)
    except history.BadWindow:
        raise s.DialectError("WRONG_DATE", "start must be before end (Unix seconds)") from None
    try:
        w = history.window(start, end, offset, limit)
    except history.BadWindow as exc:
        raise s.DialectError("BAD_DATA", str(exc)) from None
    entries = await history.page(rt, client.id, w)
    out = []
    for e in entries:
        a = e.activation
        cur = currency(a.currency)
        out.append(
            {
                "id": a.id,
                "date": s.sa_time(a.created_at),
                "phone": str(a.phone),
                "sms": [m.text for m in e.sms] or None,
                "cost": to_wire(a.price, cur),
                "status": a.state,
                "currency": cur.numeric,
            }
        )
    return out


async def get_top_countries(rt: Runtime, client: AuthClient, p: s.Params) -> Answer:
    """`{"0": {"country", "count", "price", "retail_price"}}`: more numbers, then cheaper, first."""
    service = await rt.catalogue.service(s.service_code(p))
    cur = currency(client.currency)
    # `freePrice` asks for the free-price offers; every price here is fixed, so it is the same.
    found = await history.free_countries(rt, cur.code, service)
    return {
        str(i): {
            "country": places.country_code(f.country),
            "count": f.count,
            "price": to_wire(f.price, cur),
            "retail_price": to_wire(f.price, cur),
        }
        for i, f in enumerate(found)
    }


def _rates(snap: Snapshot, rates: list[history.CountryRate]) -> list[dict[str, object]]:
    return [
        {"country": places.country_code(r.country), "share": r.share, "rate": r.rate}
        for r in rates
        if r.country.id in snap.countries_by_id
    ]


async def get_list_of_top_countries(rt: Runtime, client: AuthClient, p: s.Params) -> Answer:
    """`[{"country", "share", "rate"}]` of the service over the last 7 days, largest share first."""
    service = await rt.catalogue.service(s.service_code(p))
    length = _int(p, "length", "BAD_DATA")
    page = _int(p, "page", "BAD_DATA")
    length = MAX_TOP_LENGTH if length is None else length
    page = 1 if page is None else page
    if not 1 <= length <= MAX_TOP_LENGTH or page < 1:
        raise s.DialectError("BAD_DATA", f"length must be 1-{MAX_TOP_LENGTH}, page at least 1")
    rates = await history.country_rates(rt, service)
    shown = rates[(page - 1) * length : page * length]
    return _rates(await rt.catalogue.get(), shown)
