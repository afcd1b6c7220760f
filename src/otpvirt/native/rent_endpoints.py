"""The native rental methods (API-extensions §1): parse, call `otpvirt.rental`, render."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel
from starlette.requests import Request
from starlette.responses import Response

from otpvirt.catalogue.snapshot import provider_of
from otpvirt.clients.service import AuthClient, authenticate
from otpvirt.errors import ValidationFailed
from otpvirt.money import currency, to_wire
from otpvirt.native import rent_schemas as s
from otpvirt.native import schemas as ns
from otpvirt.native.wire import client_address, native, ok, parse, runtime
from otpvirt.rental import flow
from otpvirt.rental import service as rentals
from otpvirt.runtime import Runtime
from otpvirt.web.openapi import body_of

router = APIRouter(prefix="/native", tags=["OTP-virt API: rentals"])


async def _auth(rt: Runtime, request: Request, req: ns.Credentials) -> AuthClient:
    client = await authenticate(
        rt.db,
        rt.passwords,
        str(req.clientId),
        req.apiPassword,
        address=client_address(request),
        policy=rt.lockout,
        cache=rt.clients,
    )
    await rt.limiter.check(f"client:{client.id}")
    return client


def _detail(detail: dict[str, Any]) -> tuple[str | None, str | None]:
    found: dict[str, str | None] = {"country": None, "provider": None}
    for key, value in detail.items():
        k = key.strip().lower()
        if k in found and value is not None:
            if not isinstance(value, str) or not 1 <= len(value) <= 64:
                raise ValidationFailed(f"detail.{key} must be a string of 1-64 characters")
            found[k] = value
    return found["country"], found["provider"]


async def _places(rt: Runtime, detail: dict[str, Any]) -> list[rentals.Place]:
    country_name, provider_name = _detail(detail)
    snap = await rt.catalogue.get()
    if country_name is None:
        return [rentals.Place(c.id, None) for c in snap.countries_by_id.values() if c.enabled]
    country = await rt.catalogue.country(country_name)
    provider = provider_of(country, provider_name)
    return [rentals.Place(country.id, provider.id if provider else None)]


@native
async def rent_number(request: Request) -> Response:
    """Rent a number for whole hours (4 to 1344) and charge them."""
    rt = runtime(request)
    req = await parse(request, s.RentNumberRequest)
    client = await _auth(rt, request, req)
    if req.service == rentals.FULL:
        code, service_id = rentals.FULL, None
    else:
        svc = await rt.catalogue.service(req.service)
        code, service_id = svc.code, svc.id
    where = await _places(rt, req.detail)
    rental = await flow.rent(
        rt, flow.RentRequest(client.id, client.currency, code, service_id, where, req.hours, None)
    )
    return ok(
        {
            "rentId": rental.guid,
            "number": rental.phone,
            "endDate": s.iso(rental.ends_at),
            "ammount": to_wire(rental.amount, currency(rental.currency)),
            "status": 2,
            "error": 0,
        }
    )


@native
async def get_rent_sms(request: Request) -> Response:
    """Every SMS the rented number received, oldest first, with the rental's end and state."""
    rt = runtime(request)
    req = await parse(request, s.RentRequest)
    client = await _auth(rt, request, req)
    async with rt.db.read() as conn:
        rental = await rentals.get(conn, client.id, guid=str(req.rentId))
        msgs = await rentals.sms(conn, rental, limit=1000)
    sms = [
        {
            "id": m.guid,
            "phoneFrom": m.sender,
            "phone": rental.phone,
            "text": m.text,
            "code": m.code,
            "receivedAt": s.iso(m.received_at),
        }
        for m in reversed(msgs)
    ]
    return ok(
        {
            "sms": sms,
            "endDate": s.iso(rental.ends_at),
            "state": rental.state,
            "status": 2,
            "error": 0,
        }
    )


@native
async def prolong_rent(request: Request) -> Response:
    """Extend a live rental and charge the added hours."""
    rt = runtime(request)
    req = await parse(request, s.ProlongRentRequest)
    client = await _auth(rt, request, req)
    rental, amount = await flow.prolong(rt, client.id, req.hours, guid=str(req.rentId))
    return ok(
        {
            "endDate": s.iso(rental.ends_at),
            "ammount": to_wire(amount, currency(rental.currency)),
            "status": 2,
            "error": 0,
        }
    )


@native
async def finish_rent(request: Request) -> Response:
    """End a rental now; the charge stands."""
    rt = runtime(request)
    req = await parse(request, s.RentRequest)
    client = await _auth(rt, request, req)
    await flow.finish(rt, client.id, guid=str(req.rentId))
    rt.notify("webhook")  # rent.finished, if subscribed
    return ok({"status": 2, "error": 0})


@native
async def cancel_rent(request: Request) -> Response:
    """End a rental with a full refund: within 20 minutes (else error 3), before any SMS (4)."""
    rt = runtime(request)
    req = await parse(request, s.RentRequest)
    client = await _auth(rt, request, req)
    await flow.cancel(rt, client.id, guid=str(req.rentId))
    rt.notify("webhook")  # rent.finished, if subscribed
    return ok({"status": 2, "error": 0})


@native
async def get_rent_price(request: Request) -> Response:
    """Rent prices of every service (and `full`) in every country for that many hours."""
    rt = runtime(request)
    req = await parse(request, s.GetRentPriceRequest)
    client = await _auth(rt, request, req)
    rentals.check_hours(req.hours)
    cur = currency(client.currency)
    snap = await rt.catalogue.get()
    async with rt.db.read() as conn:
        prices = await rentals.prices(conn, cur.code)
    by_country: dict[int, dict[str, Any]] = {}
    for p in prices:
        country = snap.countries_by_id.get(p.country_id)
        if country is not None and country.enabled:
            by_country.setdefault(p.country_id, {})[p.service_code] = to_wire(
                p.amount * req.hours, cur
            )
    country_list = [
        {"country": snap.countries_by_id[cid].name, "services": services}
        for cid, services in sorted(by_country.items())
    ]
    return ok({"currency": cur.code, "countryList": country_list, "status": 2, "error": 0})


_METHODS: list[
    tuple[str, Callable[[Request], Awaitable[Response]], type[BaseModel], type[BaseModel]]
] = [
    ("RentNumber", rent_number, s.RentNumberRequest, s.RentNumberResponse),
    ("GetRentSms", get_rent_sms, s.RentRequest, s.GetRentSmsResponse),
    ("ProlongRent", prolong_rent, s.ProlongRentRequest, s.ProlongRentResponse),
    ("FinishRent", finish_rent, s.RentRequest, ns.Envelope),
    ("CancelRent", cancel_rent, s.RentRequest, ns.Envelope),
    ("GetRentPrice", get_rent_price, s.GetRentPriceRequest, s.RentPriceResponse),
]

for _name, _fn, _req, _resp in _METHODS:
    router.add_api_route(
        f"/{_name}",
        _fn,
        methods=["POST"],
        name=_name,
        operation_id=_name,
        summary=(_fn.__doc__ or "").strip(),
        response_model=_resp,
        openapi_extra=body_of(_req, _resp),
    )

ENDPOINTS = {name: fn for name, fn, _, _ in _METHODS}
OPENAPI_MODELS: list[type[BaseModel]] = [
    s.RentNumberRequest,
    s.RentRequest,
    s.ProlongRentRequest,
    s.GetRentPriceRequest,
]
