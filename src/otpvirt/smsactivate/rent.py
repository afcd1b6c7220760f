"""The sms-activate rent actions (API-extensions §1), mapped onto `otpvirt.rental`.

Their failures are JSON, `{"status": "error", "message": <token>}`, unlike the
plain-text tokens of the activation actions; a rental of another client is
answered exactly like a missing one (NO_ID_RENT).
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from otpvirt.clients.service import AuthClient
from otpvirt.clock import now_ms
from otpvirt.errors import OtpVirtError
from otpvirt.money import currency, to_wire
from otpvirt.rental import flow
from otpvirt.rental import service as rentals
from otpvirt.runtime import Runtime
from otpvirt.smsactivate import places
from otpvirt.smsactivate import schemas as s
from otpvirt.smsactivate.wire import token_of

Answer = str | dict[str, Any]
_DIGITS = re.compile(r"[0-9]{1,9}")
MAX_URL = 2000
MAX_PAGE_SIZE = 100

# Rental errors as the protocol's messages (per action where they differ).
_MESSAGES = {
    "rental_not_found": "NO_ID_RENT",
    "invalid_rent_time": "INVALID_TIME",
    "max_hours_exceeded": "MAX_HOURS_EXCEED",
    "rent_cancel_too_late": "CANT_CANCEL",
    "rent_sms_received": "CANT_CANCEL",
    "rent_not_offered": "NO_NUMBERS",
}


def _error(message: str) -> dict[str, Any]:
    return {"status": "error", "message": message}


def _guarded(
    fn: Callable[[Runtime, AuthClient, s.Params], Awaitable[Answer]],
) -> Callable[[Runtime, AuthClient, s.Params], Awaitable[Answer]]:
    async def action(rt: Runtime, client: AuthClient, p: s.Params) -> Answer:
        try:
            return await fn(rt, client, p)
        except rentals.RentalEnded as exc:
            return _error(_ended(fn.__name__, exc.state))
        except OtpVirtError as exc:
            return _error(_MESSAGES.get(exc.reason) or token_of(exc))

    action.__name__ = fn.__name__
    action.__doc__ = fn.__doc__
    return action


def _ended(action: str, state: str) -> str:
    if action == "get_rent_status":
        return "STATUS_CANCEL" if state == rentals.CANCELLED else "STATUS_FINISH"
    if action == "set_rent_status":
        return "ALREADY_CANCEL" if state == rentals.CANCELLED else "ALREADY_FINISH"
    return "RENT_DIE"


def _hours(p: s.Params) -> int:
    raw = (p.get("rent_time") or p.get("time") or "4").strip()
    if not _DIGITS.fullmatch(raw):
        raise s.DialectError("INVALID_TIME")
    hours = int(raw)
    rentals.check_hours(hours)
    return hours


def _rent_id(p: s.Params) -> int:
    raw = (p.get("id") or "").strip()
    if not re.fullmatch(r"[0-9]{1,18}", raw) or int(raw) == 0:
        raise s.DialectError("NO_ID_RENT")
    return int(raw)


def _iso(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%dT%H:%M:%S")


def _phone(r: rentals.Rental) -> dict[str, Any]:
    return {
        "status": "success",
        "phone": {"id": r.id, "endDate": _iso(r.ends_at), "number": str(r.phone)},
    }


async def _places(rt: Runtime, p: s.Params) -> list[rentals.Place]:
    country = await places.resolve_country(rt, p.get("country"))
    snap = await rt.catalogue.get()
    found = places.places(snap, country, s.operators(p))
    return [rentals.Place(c.id, provider_id) for c, provider_id in found]


async def get_rent_services_and_countries(rt: Runtime, client: AuthClient, p: s.Params) -> Answer:
    """What renting each service for `rent_time` hours costs, and how many numbers are free."""
    hours = _hours(p)
    cur = currency(client.currency)
    snap = await rt.catalogue.get()
    country = await places.resolve_country(rt, p.get("country"))
    async with rt.db.read() as conn:
        priced = {x.country_id for x in await rentals.prices(conn, cur.code)}
    if country is None:
        # No country given: the first one that is offered for rent.
        ids = sorted(c for c in priced if c in snap.countries_by_id)
        country = snap.countries_by_id[ids[0]] if ids else None
    services: dict[str, Any] = {}
    operators = {"0": "any"}
    if country is not None:
        wanted = [
            rentals.Place(c.id, pid) for c, pid in places.places(snap, country, s.operators(p))
        ]
        service_ids = {svc.code: svc.id for svc in snap.services_by_id.values() if svc.enabled}
        async with rt.db.read() as conn:
            for offer in await rentals.offers(conn, cur.code, wanted[:1], service_ids):
                services[offer.service_code] = {
                    "cost": to_wire(offer.hourly * hours, cur),
                    "quant": offer.free,
                }
        for i, name in enumerate(sorted(country.providers), start=1):
            operators[str(i)] = name
    return {
        "countries": {"0": places.country_code(country)} if country else {},
        "operators": operators,
        "services": services,
        "currency": cur.numeric,
    }


async def _service(rt: Runtime, p: s.Params) -> tuple[str, int | None]:
    code = s.service_code(p)
    if code == rentals.FULL:
        return code, None
    svc = await rt.catalogue.service(code)
    return svc.code, svc.id


def _url(p: s.Params) -> str | None:
    url = (p.get("url") or "").strip()
    if not url:
        return None
    if len(url) > MAX_URL or not url.lower().startswith(("http://", "https://")):
        raise s.DialectError("BAD_DATA", "url must be an http(s) URL")
    return url


@_guarded
async def get_rent_number(rt: Runtime, client: AuthClient, p: s.Params) -> Answer:
    """Rent a number for `rent_time` hours (default 4) and charge it."""
    code, service_id = await _service(rt, p)
    hours = _hours(p)
    where = await _places(rt, p)
    req = flow.RentRequest(client.id, client.currency, code, service_id, where, hours, _url(p))
    return _phone(await flow.rent(rt, req))


@_guarded
async def get_rent_status(rt: Runtime, client: AuthClient, p: s.Params) -> Answer:
    """The rental's SMS, newest first (`page`, `size`)."""
    rent_id = _rent_id(p)
    page_raw, size_raw = (p.get("page") or "0").strip(), (p.get("size") or "").strip()
    if not _DIGITS.fullmatch(page_raw) or (size_raw and not _DIGITS.fullmatch(size_raw)):
        raise s.DialectError("BAD_DATA", "page and size must be non-negative integers")
    size = min(int(size_raw), MAX_PAGE_SIZE) if size_raw and int(size_raw) else MAX_PAGE_SIZE
    async with rt.db.read() as conn:
        rental = await rentals.get(conn, client.id, rental_id=rent_id)
        if rental.state != rentals.ACTIVE:
            raise rentals.RentalEnded(rental.state)
        msgs = await rentals.sms(conn, rental, limit=size, offset=int(page_raw) * size)
    if rental.sms_count == 0:
        return _error("STATUS_WAIT_CODE")
    service = rental.service_code
    values = {
        str(i): {
            "phoneFrom": m.sender,
            "text": m.text,
            "service": service,
            "date": s.sa_time(m.received_at),
        }
        for i, m in enumerate(msgs)
    }
    return {"status": "success", "quantity": str(rental.sms_count), "values": values}


@_guarded
async def set_rent_status(rt: Runtime, client: AuthClient, p: s.Params) -> Answer:
    """1 = finish now (no refund), 2 = cancel (full refund within 20 minutes, no SMS)."""
    rent_id = _rent_id(p)
    status = (p.get("status") or "").strip()
    if status not in ("1", "2"):
        return _error("INCORECT_STATUS")
    if status == "1":
        await flow.finish(rt, client.id, rental_id=rent_id)
    else:
        await flow.cancel(rt, client.id, rental_id=rent_id)
    return {"status": "success"}


@_guarded
async def get_rent_list(rt: Runtime, client: AuthClient, p: s.Params) -> Answer:
    """The caller's live rentals."""
    async with rt.db.read() as conn:
        live = await rentals.live(conn, client.id)
    if not live:
        return _error("NO_NUMBERS")
    return {
        "status": "success",
        "values": {str(i): {"id": str(r.id), "phone": str(r.phone)} for i, r in enumerate(live)},
    }


@_guarded
async def continue_rent_number(rt: Runtime, client: AuthClient, p: s.Params) -> Answer:
    """Extend a live rental by `rent_time` hours and charge them."""
    rent_id = _rent_id(p)
    hours = _hours(p)
    rental, _ = await flow.prolong(rt, client.id, hours, rental_id=rent_id)
    return _phone(rental)


@_guarded
async def get_continue_rent_price_number(rt: Runtime, client: AuthClient, p: s.Params) -> Answer:
    """What extending a rental by `rent_time` hours would cost."""
    rent_id = _rent_id(p)
    hours = _hours(p)
    async with rt.db.read() as conn:
        amount = await rentals.prolong_price(
            conn, client.id, hours, now=now_ms(), rental_id=rent_id
        )
    cur = currency(client.currency)
    return {
        "status": "success",
        "price": to_wire(amount, cur),
        "currency": cur.numeric,
        "hours": hours,
    }


ACTIONS: dict[str, Callable[[Runtime, AuthClient, s.Params], Awaitable[Answer]]] = {
    "getRentServicesAndCountries": _guarded(get_rent_services_and_countries),
    "getRentNumber": get_rent_number,
    "getRentStatus": get_rent_status,
    "setRentStatus": set_rent_status,
    "getRentList": get_rent_list,
    "continueRentNumber": continue_rent_number,
    "getContinueRentPriceNumber": get_continue_rent_price_number,
    "continueRentInfo": get_continue_rent_price_number,
}
