"""The admin API's pool side: numbers, sources, prices, catalogue, leases, SMS, webhooks."""

from __future__ import annotations

import io

from fastapi import APIRouter
from starlette.requests import Request

from otpvirt.activation import supervision as activations
from otpvirt.activation.schemas import ActivationDetailOut, ActivationOut, ForcedCancelOut
from otpvirt.admin import catalogue_ops, lease_ops, number_ops, price_ops, source_ops, webhook_ops
from otpvirt.admin import schemas as s
from otpvirt.admin.endpoints import Limit, Offset, Op
from otpvirt.admin.web import AdminRoute, rt_of
from otpvirt.catalogue import service as catalogue
from otpvirt.catalogue.schemas import (
    CatalogueOut,
    CountryAddedOut,
    ProviderAddedOut,
    ServiceAddedOut,
)
from otpvirt.clock import parse_iso_ms
from otpvirt.errors import ValidationFailed
from otpvirt.inventory import service as inventory
from otpvirt.inventory.schemas import ImportReportOut, NumberOut
from otpvirt.pricing import service as pricing
from otpvirt.pricing.schemas import PriceOut, PriceRemovedOut
from otpvirt.sms import service as sms
from otpvirt.sms.schemas import SmsOut
from otpvirt.sources import health
from otpvirt.sources.schemas import SourceOut
from otpvirt.web.body import read_body
from otpvirt.webhook import history
from otpvirt.webhook.schemas import DeliveryDetailOut, DeliveryOut

MAX_CSV_BYTES = 32 * 1024 * 1024
router = APIRouter(prefix="/admin/v1", tags=["admin API"], route_class=AdminRoute)


@router.post("/numbers/import")
async def import_numbers(request: Request, actor: Op) -> ImportReportOut:
    """Import a `number,country,provider[,source]` CSV (the raw body, or a multipart `file`)."""
    rt = rt_of(request)
    if request.headers.get("content-type", "").startswith("multipart/form-data"):
        form = await request.form(max_files=1)
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            raise ValidationFailed("send the CSV as the form field `file`")
        raw, name = await upload.read(MAX_CSV_BYTES + 1), upload.filename
    else:
        raw, name = (
            await read_body(request, max_bytes=MAX_CSV_BYTES, max_decompressed=MAX_CSV_BYTES),
            None,
        )
    if len(raw) > MAX_CSV_BYTES:
        raise ValidationFailed(f"the CSV is larger than {MAX_CSV_BYTES} bytes")
    text = io.StringIO(raw.decode("utf-8-sig", errors="replace"), newline="")
    report = await number_ops.import_numbers(rt, actor, inventory.read_csv(text), filename=name)
    return ImportReportOut.of(report)


@router.get("/numbers")
async def list_numbers(
    request: Request,
    _: Op,
    country: str | None = None,
    provider: str | None = None,
    state: str | None = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> list[NumberOut]:
    """Numbers with their state: free, leased, rented, disabled or offline."""
    async with rt_of(request).db.read() as conn:
        found = await inventory.list_numbers(
            conn, country=country, provider=provider, state=state, limit=limit, offset=offset
        )
    return [NumberOut.of(n) for n in found]


@router.post("/numbers/{number}/disable")
async def disable_number(request: Request, actor: Op, number: str) -> s.NumberEnabled:
    """Take a number out of the pool."""
    await number_ops.set_number_enabled(rt_of(request), actor, number, False)
    return s.NumberEnabled(number=inventory.normalize_phone(number), enabled=False)


@router.post("/numbers/{number}/enable")
async def enable_number(request: Request, actor: Op, number: str) -> s.NumberEnabled:
    """Put a number back into the pool."""
    await number_ops.set_number_enabled(rt_of(request), actor, number, True)
    return s.NumberEnabled(number=inventory.normalize_phone(number), enabled=True)


@router.get("/sources")
async def list_sources(request: Request, _: Op) -> list[SourceOut]:
    """Sources with online state, last contact and last SMS."""
    async with rt_of(request).db.read() as conn:
        return [SourceOut.of(x) for x in await health.list_sources(conn)]


@router.post("/sources/{name}/disable")
async def disable_source(request: Request, actor: Op, name: str) -> s.SourceEnabled:
    """Refuse a source's SMS and rest its numbers."""
    await source_ops.set_source_enabled(rt_of(request), actor, name, False)
    return s.SourceEnabled(name=name, enabled=False)


@router.post("/sources/{name}/enable")
async def enable_source(request: Request, actor: Op, name: str) -> s.SourceEnabled:
    """Accept a source again."""
    await source_ops.set_source_enabled(rt_of(request), actor, name, True)
    return s.SourceEnabled(name=name, enabled=True)


@router.put("/sources/{name}/priority")
async def set_source_priority(
    request: Request, actor: Op, name: str, body: s.Priority
) -> s.SourcePriority:
    """Set the order in which an on-demand supplier is asked (lower first)."""
    await source_ops.set_supplier_priority(rt_of(request), actor, name, body.priority)
    return s.SourcePriority(name=name, priority=body.priority)


@router.put("/sources/{name}/rent")
async def set_source_rent(
    request: Request, actor: Op, name: str, body: s.RentSwitch
) -> s.SourceRent:
    """Let clients rent numbers through an upstream provider (its rent actions), or not."""
    await source_ops.set_upstream_rent(rt_of(request), actor, name, body.rent)
    return s.SourceRent(name=name, rent=body.rent)


@router.get("/prices")
async def list_prices(request: Request, _: Op, currency: str | None = None) -> list[PriceOut]:
    """Every price."""
    async with rt_of(request).db.read() as conn:
        return [PriceOut.of(p) for p in await pricing.list_prices(conn, currency_code=currency)]


@router.put("/prices")
async def set_price(request: Request, actor: Op, body: s.Price) -> PriceOut:
    """Set the price of a service in a country."""
    out = await price_ops.set_price(
        rt_of(request), actor, body.country, body.service, body.price, body.currency, free=body.free
    )
    return PriceOut.of(out)


@router.delete("/prices/{country}/{service}")
async def remove_price(
    request: Request, actor: Op, country: str, service: str, currency: str = "USD"
) -> PriceRemovedOut:
    """Stop offering a service in a country."""
    removed = await price_ops.remove_price(rt_of(request), actor, country, service, currency)
    return PriceRemovedOut(removed=removed)


@router.get("/catalogue")
async def show_catalogue(request: Request, _: Op) -> CatalogueOut:
    """Countries with operators, and services."""
    async with rt_of(request).db.read() as conn:
        return CatalogueOut.of(await catalogue.list_catalogue(conn))


@router.post("/catalogue/countries", status_code=201)
async def add_country(request: Request, actor: Op, body: s.NewCountry) -> CountryAddedOut:
    """Add a country."""
    out = await catalogue_ops.add_country(
        rt_of(request),
        actor,
        body.name,
        calling_code=body.callingCode,
        title=body.title,
        iso2=body.iso2,
        smsactivate_id=body.smsactivateId,
    )
    return CountryAddedOut.of(out)


@router.post("/catalogue/providers", status_code=201)
async def add_provider(request: Request, actor: Op, body: s.NewProvider) -> ProviderAddedOut:
    """Add an operator to a country."""
    out = await catalogue_ops.add_provider(
        rt_of(request), actor, body.country, body.name, body.title
    )
    return ProviderAddedOut.of(out)


@router.post("/catalogue/services", status_code=201)
async def add_service(request: Request, actor: Op, body: s.NewService) -> ServiceAddedOut:
    """Add a service."""
    out = await catalogue_ops.add_service(rt_of(request), actor, body.code, body.name)
    return ServiceAddedOut.of(out)


@router.get("/activations")
async def list_activations(
    request: Request,
    _: Op,
    client: str | None = None,
    state: str | None = None,
    service: str | None = None,
    country: str | None = None,
    number: str | None = None,
    live: bool = False,
    limit: Limit = 50,
    offset: Offset = 0,
) -> list[ActivationOut]:
    """Activations, newest first."""
    async with rt_of(request).db.read() as conn:
        found = await activations.list_activations(
            conn,
            client_id=client,
            state=state,
            service=service,
            country=country,
            number=number,
            live=live,
            limit=limit,
            offset=offset,
        )
    return [ActivationOut.of(r) for r in found]


@router.get("/activations/{activation_id}")
async def show_activation(request: Request, _: Op, activation_id: str) -> ActivationDetailOut:
    """One activation with its SMS, ledger entries and webhook attempts."""
    async with rt_of(request).db.read() as conn:
        found = await activations.get_activation(conn, activation_id)
    return ActivationDetailOut.of_detail(found)


@router.post("/activations/{activation_id}/cancel")
async def cancel_activation(request: Request, actor: Op, activation_id: str) -> ForcedCancelOut:
    """Cancel a waiting activation of any client and refund it."""
    return ForcedCancelOut.of(await lease_ops.force_cancel(rt_of(request), actor, activation_id))


@router.get("/sms")
async def list_sms(
    request: Request,
    _: Op,
    unrouted: bool = False,
    number: str | None = None,
    since: str | None = None,
    limit: Limit = 50,
) -> list[SmsOut]:
    """Stored SMS, newest first, with the parsed code and where each went."""
    since_ms = _since(since)
    async with rt_of(request).db.read() as conn:
        found = await sms.list_sms(
            conn, unrouted=unrouted, number=number, since=since_ms, limit=limit
        )
    return [SmsOut.of(m) for m in found]


@router.get("/webhooks")
async def list_webhooks(
    request: Request,
    _: Op,
    client: str | None = None,
    state: str | None = None,
    activation: str | None = None,
    limit: Limit = 50,
) -> list[DeliveryOut]:
    """Webhook deliveries, newest first."""
    async with rt_of(request).db.read() as conn:
        rows = await history.deliveries(
            conn, client_id=client, state=state, activation_id=activation, limit=limit
        )
    return [DeliveryOut.of(r) for r in rows]


@router.get("/webhooks/{message_id}")
async def show_webhook(request: Request, _: Op, message_id: str) -> DeliveryDetailOut:
    """One delivery with its payload and every attempt."""
    async with rt_of(request).db.read() as conn:
        found = await history.delivery(conn, message_id)
    return DeliveryDetailOut.of_detail(found.delivery, found.attempts)


@router.post("/webhooks/{message_id}/redeliver")
async def redeliver(request: Request, actor: Op, message_id: str) -> DeliveryDetailOut:
    """Send a delivery again now (same webhook-id, fresh retry schedule)."""
    found = await webhook_ops.redeliver_webhook(rt_of(request), actor, message_id)
    return DeliveryDetailOut.of_detail(found.delivery, found.attempts)


def _since(text: str | None) -> int | None:
    if not text:
        return None
    try:
        return parse_iso_ms(text)
    except ValueError:
        raise ValidationFailed(f"since must be ISO 8601, got {text!r}") from None
