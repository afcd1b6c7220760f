"""The seven native methods: parse, call one service function, render."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel
from starlette.requests import Request
from starlette.responses import Response

from otpvirt.activation import dispatch
from otpvirt.activation import service as activations
from otpvirt.activation.leasing import lease_number
from otpvirt.activation.service import LeaseRequest
from otpvirt.catalogue.snapshot import Snapshot, provider_of
from otpvirt.clients.service import AuthClient, authenticate, current_balance
from otpvirt.db import in_transaction
from otpvirt.errors import ValidationFailed
from otpvirt.history import service as history
from otpvirt.longpoll import service as longpoll
from otpvirt.money import currency, to_wire
from otpvirt.native import schemas as s
from otpvirt.native.wire import client_address, native, ok, parse, runtime
from otpvirt.reuse import service as reuse
from otpvirt.runtime import Runtime
from otpvirt.supply.availability import available
from otpvirt.web.openapi import body_of

router = APIRouter(prefix="/native", tags=["OTP-virt API"])


async def _auth(rt: Runtime, request: Request, req: s.Credentials) -> AuthClient:
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


@native
async def get_numbers_count(request: Request) -> Response:
    """How many numbers could be leased right now for a service in a country/operator."""
    rt = runtime(request)
    req = await parse(request, s.GetNumbersCountRequest)
    client = await _auth(rt, request, req)
    service = await rt.catalogue.service(req.service)
    country = await rt.catalogue.country(req.country)
    provider = provider_of(country, req.provider)
    count = await available(
        rt, client.currency, country.id, provider.id if provider else None, service.id
    )
    return ok({"count": count, "status": 2, "error": 0})


def _detail(detail: dict[str, Any]) -> tuple[str | None, str | None]:
    # The collection's table writes Country/Provider, its example country/provider.
    found: dict[str, str | None] = {"country": None, "provider": None}
    for key, value in detail.items():
        k = key.strip().lower()
        if k in found and value is not None:
            if not isinstance(value, str) or not 1 <= len(value) <= 64:
                raise ValidationFailed(f"detail.{key} must be a string of 1-64 characters")
            found[k] = value
    return found["country"], found["provider"]


def _reuse_number(detail: dict[str, Any]) -> int | None:
    """`detail.number`: a number the client used before, to take again (the reuse rule)."""
    for key, value in detail.items():
        if key.strip().lower() != "number" or value is None:
            continue
        digits = str(value).strip().lstrip("+") if isinstance(value, (int, str)) else ""
        if isinstance(value, bool) or not digits.isdigit() or not 6 <= len(digits) <= 15:
            raise ValidationFailed("detail.number must be a phone number with its country code")
        return int(digits)
    return None


@native
async def get_number(request: Request) -> Response:
    """Lease a number for a service and charge its price."""
    rt = runtime(request)
    req = await parse(request, s.GetNumberRequest)
    country_name, provider_name = _detail(req.detail)
    client = await _auth(rt, request, req)
    service = await rt.catalogue.service(req.service)
    phone = _reuse_number(req.detail)
    if phone is not None:
        lease = await in_transaction(
            rt.db,
            reuse.lease_phone_again,
            await rt.catalogue.get(),
            client,
            phone,
            service,
            lease_ms=rt.settings.lease_ms,
            reuse_ms=rt.settings.reuse_ms,
        )
    else:
        country = await rt.catalogue.country(country_name) if country_name else None
        where = activations.candidates(
            await rt.catalogue.get(), client.currency, service, country, provider_name
        )
        lease = await lease_number(
            rt, LeaseRequest(client, service, tuple(where), rt.settings.lease_ms)
        )
    return ok(
        {
            "activationId": lease.guid,
            "ammount": to_wire(lease.price, currency(lease.currency)),
            "number": lease.phone,
            "status": 2,
            "error": 0,
        }
    )


@native
async def confirm_activation(request: Request) -> Response:
    """End the lease; the charge stands."""
    rt = runtime(request)
    req = await parse(request, s.ActivationRequest)
    client = await _auth(rt, request, req)
    await in_transaction(rt.db, activations.confirm, client.id, guid=str(req.activationId))
    rt.notify("webhook")  # activation.finished, if subscribed
    return ok({"status": 2, "error": 0})


@native
async def cancel_activation(request: Request) -> Response:
    """End the lease and refund it, unless an SMS already came (error 4)."""
    rt = runtime(request)
    req = await parse(request, s.ActivationRequest)
    client = await _auth(rt, request, req)
    await dispatch.cancel_activation(rt.db, client.id, guid=str(req.activationId))
    rt.notify("webhook")  # activation.finished, if subscribed
    return ok({"status": 2, "error": 0})


@native
async def get_sms(request: Request) -> Response:
    """Every SMS received for the activation so far, oldest first (`wait`: hold until one)."""
    rt = runtime(request)
    req = await parse(request, s.GetSmsRequest)
    client = await _auth(rt, request, req)
    rows = await longpoll.get_sms(
        rt, client.id, str(req.activationId), wait=req.wait, after=req.after
    )
    sms = [
        {"id": r.guid, "phoneFrom": r.sender, "phone": r.phone, "text": r.text, "code": r.code}
        for r in rows
    ]
    return ok({"sms": sms, "status": 2, "error": 0})


@native
async def get_balance(request: Request) -> Response:
    """The client's balance and currency."""
    rt = runtime(request)
    req = await parse(request, s.GetBalanceRequest)
    client = await _auth(rt, request, req)
    cur = currency(client.currency)
    return ok(
        {
            "currency": cur.code,
            "balance": to_wire(await current_balance(rt.db, client), cur),
            "status": 2,
            "error": 0,
        }
    )


@native
async def get_price(request: Request) -> Response:
    """Prices of every service in every country, in the client's currency."""
    rt = runtime(request)
    req = await parse(request, s.GetPriceRequest)
    client = await _auth(rt, request, req)
    cur = currency(client.currency)
    snap = await rt.catalogue.get()
    by_country: dict[int, dict[str, Any]] = {}
    for (country_id, service_id), amount in snap.prices.get(cur.code, {}).items():
        country = snap.countries_by_id[country_id]
        service = snap.services_by_id[service_id]
        if country.enabled and service.enabled:
            by_country.setdefault(country_id, {})[service.code] = to_wire(amount, cur)
    country_list = [
        {"country": snap.countries_by_id[cid].name, "services": services}
        for cid, services in sorted(by_country.items())
    ]
    return ok({"currency": cur.code, "countryList": country_list, "status": 2, "error": 0})


def _iso(ms: int | None) -> str | None:
    if ms is None:
        return None
    return (
        datetime.fromtimestamp(ms / 1000, UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    )


def _past(e: history.Entry, snap: Snapshot) -> dict[str, Any]:
    a = e.activation
    provider = snap.providers_by_id.get(a.provider_id)
    return {
        "activationId": a.guid,
        "number": a.phone,
        "service": snap.services_by_id[a.service_id].code,
        "country": snap.countries_by_id[a.country_id].name,
        "provider": provider.name if provider else "any",
        "state": a.state,
        "ammount": to_wire(a.price, currency(a.currency)),
        "createdAt": _iso(a.created_at),
        "finishedAt": _iso(a.finished_at),
        "sms": [
            {"id": m.guid, "phoneFrom": m.sender, "phone": m.phone, "text": m.text, "code": m.code}
            for m in e.sms
        ],
    }


@native
async def get_history(request: Request) -> Response:
    """The client's activations in a time window, newest first, with their SMS."""
    rt = runtime(request)
    req = await parse(request, s.GetHistoryRequest)
    client = await _auth(rt, request, req)
    window = history.window(req.from_, req.to, req.offset, req.limit)
    entries = await history.page(rt, client.id, window)
    snap = await rt.catalogue.get()
    return ok({"activations": [_past(e, snap) for e in entries], "status": 2, "error": 0})


_METHODS: list[
    tuple[str, Callable[[Request], Awaitable[Response]], type[BaseModel], type[BaseModel]]
] = [
    ("GetNumbersCount", get_numbers_count, s.GetNumbersCountRequest, s.CountResponse),
    ("GetNumber", get_number, s.GetNumberRequest, s.GetNumberResponse),
    ("ConfirmActivation", confirm_activation, s.ActivationRequest, s.Envelope),
    ("CancelActivation", cancel_activation, s.ActivationRequest, s.Envelope),
    ("GetSms", get_sms, s.GetSmsRequest, s.GetSmsResponse),
    ("GetBalance", get_balance, s.GetBalanceRequest, s.BalanceResponse),
    ("GetPrice", get_price, s.GetPriceRequest, s.PriceResponse),
    ("GetHistory", get_history, s.GetHistoryRequest, s.GetHistoryResponse),
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

# The fast path (`otpvirt.web.fastpath`) serves these without FastAPI's router.
ENDPOINTS = {name: fn for name, fn, _, _ in _METHODS}

# Models the document needs beyond what the routes declare.
OPENAPI_MODELS: list[type[BaseModel]] = [
    s.GetNumbersCountRequest,
    s.GetNumberRequest,
    s.ActivationRequest,
    s.GetSmsRequest,
    s.GetBalanceRequest,
    s.GetPriceRequest,
    s.GetHistoryRequest,
    s.ErrorResponse,
    s.WebhookPayload,
]
