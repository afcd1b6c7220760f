"""Console pages (reads): overview, clients, numbers, sources, prices, leases, SMS,
webhooks, audit. Changes are in `actions.py`."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from starlette.requests import Request
from starlette.responses import Response

from otpvirt.activation import supervision as activations
from otpvirt.activation.schemas import activation_detail_json, activation_json
from otpvirt.admin import audit
from otpvirt.admin.schemas import audit_json
from otpvirt.catalogue import service as catalogue
from otpvirt.catalogue.schemas import catalogue_json
from otpvirt.clients import service as clients
from otpvirt.clients.schemas import client_detail_json, client_json
from otpvirt.console import charts, client_settings
from otpvirt.console.auth import ConsoleUser, console_user
from otpvirt.console.rentals import rent_price_rows
from otpvirt.history.rates import success_rates
from otpvirt.inventory import service as inventory
from otpvirt.inventory.schemas import number_json
from otpvirt.ledger import service as ledger
from otpvirt.ledger.schemas import ledger_entry_json
from otpvirt.observability import stats
from otpvirt.pricing import service as pricing
from otpvirt.pricing.schemas import price_json
from otpvirt.sms import service as sms
from otpvirt.sms.schemas import sms_json
from otpvirt.sources import health
from otpvirt.sources.schemas import source_json
from otpvirt.web.pages import MAX_PAGE, page_args, page_rows, render, rt_of
from otpvirt.webhook import history, targets
from otpvirt.webhook.schemas import WebhookOut, delivery_detail_json, delivery_json

router = APIRouter(prefix="/console", include_in_schema=False)
User = Annotated[ConsoleUser, Depends(console_user)]


async def page(
    request: Request, user: ConsoleUser, template: str, nav: str, **ctx: Any
) -> Response:
    """A console page with the header's operator, navigation and CSRF token."""
    return await render(
        request, f"console/{template}", {"user": user, "nav": nav, "csrf": user.csrf, **ctx}
    )


@router.get("")
async def overview(request: Request, user: User) -> Response:
    """Pool, leases, SMS flow, success rates and money, with 24-hour charts."""
    return await page(request, user, "overview.html", "overview", **await _overview_ctx(request))


@router.get("/overview/live")
async def overview_live(request: Request, user: User) -> Response:
    """The overview's figures alone (refreshed by htmx)."""
    return await render(request, "console/_figures.html", await _overview_ctx(request))


async def _overview_ctx(request: Request) -> dict[str, Any]:
    ov = await stats.cached(rt_of(request))
    cur = ov.series_currency
    by_country: dict[str, int] = {}
    for row in ov.availability:
        key = f"{row['country']} / {row['service']}"
        by_country[key] = by_country.get(key, 0) + row["available"]
    return {
        "ov": ov,
        "per_service": sorted(by_country.items()),
        "charts": {
            "sms": charts.bars(ov.series["sms"], "SMS received per 10 minutes"),
            "leases": charts.bars(ov.series["leases"], "Numbers leased per 10 minutes"),
            **charts.revenue(ov.series, cur),
        },
        "currency": cur,
    }


@router.get("/clients")
async def clients_page(
    request: Request,
    user: User,
    search: str = "",
    page_no: Annotated[int, Query(alias="page", ge=1, le=MAX_PAGE)] = 1,
) -> Response:
    """Clients, newest first, with search and paging."""
    limit, offset = page_args(page_no)
    async with rt_of(request).db.read() as conn:
        found = await clients.list_clients(conn, search=search or None, limit=limit, offset=offset)
    rows = [client_json(c) for c in found]
    return await page(
        request,
        user,
        "clients.html",
        "clients",
        **page_rows(rows, limit),
        search=search,
        page_no=page_no,
    )


@router.get("/clients/{client_id}")
async def client_page(request: Request, user: User, client_id: str) -> Response:
    """One client: balance, counts, webhook, ledger, recent leases, and actions."""
    async with rt_of(request).db.read() as conn:
        data = await clients.get_client(conn, client_id)
        hook = WebhookOut.of(await targets.get_webhook(conn, client_id))
        entries = [
            ledger_entry_json(e) for e in await ledger.entries(conn, data.client.id, limit=30)
        ]
        found = await activations.list_activations(conn, client_id=client_id, limit=20)
        settings = await client_settings.shown(conn, client_id)
    leases = [activation_json(r) for r in found]
    c = client_detail_json(data)
    return await page(
        request,
        user,
        "client.html",
        "clients",
        c=c,
        hook=hook,
        entries=entries,
        leases=leases,
        **settings,
    )


@router.get("/numbers")
async def numbers_page(
    request: Request,
    user: User,
    country: str = "",
    provider: str = "",
    state: str = "",
    page_no: Annotated[int, Query(alias="page", ge=1, le=MAX_PAGE)] = 1,
) -> Response:
    """The pool with filters, and the CSV import."""
    limit, offset = page_args(page_no, 100)
    async with rt_of(request).db.read() as conn:
        found = await inventory.list_numbers(
            conn,
            country=country or None,
            provider=provider or None,
            state=state or None,
            limit=limit,
            offset=offset,
        )
        cat = catalogue_json(await catalogue.list_catalogue(conn))
    rows = [number_json(n) for n in found]
    return await page(
        request,
        user,
        "numbers.html",
        "numbers",
        **page_rows(rows, limit),
        country=country,
        provider=provider,
        state=state,
        page_no=page_no,
        cat=cat,
    )


@router.get("/sources")
async def sources_page(request: Request, user: User) -> Response:
    """Sources and gateways: online state, numbers, last contact, last SMS."""
    async with rt_of(request).db.read() as conn:
        rows = [source_json(x) for x in await health.list_sources(conn)]
    return await page(request, user, "sources.html", "sources", rows=rows)


@router.get("/prices")
async def prices_page(request: Request, user: User) -> Response:
    """The price list, the success rate of each service per country, and the catalogue."""
    async with rt_of(request).db.read() as conn:
        rows = [price_json(p) for p in await pricing.list_prices(conn)]
        cat = catalogue_json(await catalogue.list_catalogue(conn))
        rent = await rent_price_rows(rt_of(request), conn)
    rates = await success_rates(rt_of(request))
    return await page(
        request, user, "prices.html", "prices", rows=rows, cat=cat, rates=rates, rent=rent
    )


@router.get("/activations")
async def activations_page(
    request: Request, user: User, state: str = "", client: str = "", live: bool = False
) -> Response:
    """Leases, newest first; the table refreshes itself every 2 seconds."""
    ctx = await _activations_ctx(request, state, client, live)
    return await page(request, user, "activations.html", "activations", **ctx)


@router.get("/activations/table")
async def activations_table(
    request: Request, user: User, state: str = "", client: str = "", live: bool = False
) -> Response:
    """The activations table alone (polled by htmx)."""
    return await render(
        request, "console/_activations.html", await _activations_ctx(request, state, client, live)
    )


async def _activations_ctx(request: Request, state: str, client: str, live: bool) -> dict[str, Any]:
    async with rt_of(request).db.read() as conn:
        found = await activations.list_activations(
            conn, state=state or None, client_id=client or None, live=live, limit=100
        )
    rows = [activation_json(r) for r in found]
    return {"rows": rows, "state": state, "client": client, "live": live}


@router.get("/activations/{guid}")
async def activation_page(request: Request, user: User, guid: str) -> Response:
    """One lease with its SMS, ledger entries and webhook attempts."""
    async with rt_of(request).db.read() as conn:
        a = activation_detail_json(await activations.get_activation(conn, guid))
    return await page(request, user, "activation.html", "activations", a=a)


@router.get("/sms")
async def sms_page(
    request: Request, user: User, unrouted: bool = False, number: str = ""
) -> Response:
    """The SMS log with the parsed code and where each SMS went."""
    async with rt_of(request).db.read() as conn:
        found = await sms.list_sms(conn, unrouted=unrouted, number=number or None, limit=200)
    rows = [sms_json(m) for m in found]
    return await page(request, user, "sms.html", "sms", rows=rows, unrouted=unrouted, number=number)


@router.get("/webhooks")
async def webhooks_page(
    request: Request, user: User, state: str = "", client: str = ""
) -> Response:
    """Webhook deliveries with their last outcome."""
    async with rt_of(request).db.read() as conn:
        found = await history.deliveries(
            conn, state=state or None, client_id=client or None, limit=200
        )
    rows = [delivery_json(r) for r in found]
    return await page(request, user, "webhooks.html", "webhooks", rows=rows, state=state)


@router.get("/webhooks/{message_id}")
async def webhook_page(request: Request, user: User, message_id: str) -> Response:
    """One delivery: payload and every attempt, with a redeliver button."""
    async with rt_of(request).db.read() as conn:
        found = await history.delivery(conn, message_id)
    d = delivery_detail_json(found.delivery, found.attempts)
    return await page(request, user, "webhook.html", "webhooks", d=d)


@router.get("/audit")
async def audit_page(
    request: Request,
    user: User,
    actor: str = "",
    page_no: Annotated[int, Query(alias="page", ge=1, le=MAX_PAGE)] = 1,
) -> Response:
    """Who changed what, when, before and after."""
    limit, offset = page_args(page_no)
    async with rt_of(request).db.read() as conn:
        entries = await audit.list_entries(conn, actor=actor or None, limit=limit, offset=offset)
    rows = [audit_json(e) for e in entries]
    return await page(
        request,
        user,
        "audit.html",
        "audit",
        **page_rows(rows, limit),
        actor=actor,
        page_no=page_no,
    )
