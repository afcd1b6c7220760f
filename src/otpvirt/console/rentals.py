"""Console rentals: the list with filters, one rental with its SMS, finishing it, and the
hourly rent prices (set on the prices page). Changes go through `admin.rent_ops`."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Query
from starlette.requests import Request
from starlette.responses import Response

from otpvirt.admin import rent_ops
from otpvirt.catalogue.snapshot import Snapshot
from otpvirt.console.actions import attempt
from otpvirt.console.auth import ConsoleUser, console_user
from otpvirt.db import Conn
from otpvirt.errors import OtpVirtError
from otpvirt.money import currency, format_amount
from otpvirt.rental import service as rentals
from otpvirt.rental.schemas import rental_page_json
from otpvirt.runtime import Runtime
from otpvirt.web.pages import MAX_PAGE, page_args, page_rows, render, rt_of

router = APIRouter(prefix="/console", include_in_schema=False)
User = Annotated[ConsoleUser, Depends(console_user)]
Text = Annotated[str, Form()]
Filter = Annotated[str, Query(max_length=64)]


async def _page(request: Request, user: ConsoleUser, template: str, **ctx: Any) -> Response:
    return await render(
        request, f"console/{template}", {"user": user, "nav": "rentals", "csrf": user.csrf, **ctx}
    )


def _country_name(snap: Snapshot, country_id: int) -> str:
    found = snap.countries_by_id.get(country_id)
    return found.name if found else str(country_id)


@router.get("/rentals")
async def rentals_page(
    request: Request,
    user: User,
    state: Filter = "",
    client: Filter = "",
    country: Filter = "",
    service: Filter = "",
    number: Filter = "",
    page_no: Annotated[int, Query(alias="page", ge=1, le=MAX_PAGE)] = 1,
) -> Response:
    """Rentals, newest first, filtered by state, client, country, service and number."""
    rt = rt_of(request)
    snap = await rt.catalogue.get()
    limit, offset = page_args(page_no)
    filters = {
        "state": state,
        "client": client,
        "country": country,
        "service": service,
        "number": number,
    }
    rows: list[dict[str, Any]] = []
    error = None
    try:
        country_id = (await rt.catalogue.country(country)).id if country else None
        async with rt.db.read() as conn:
            found = await rentals.listing(
                conn,
                client_id=client.strip() or None,
                state=state or None,
                country_id=country_id,
                service_code=service.strip().lower() or None,
                phone=number or None,
                limit=limit,
                offset=offset,
            )
        rows = [rental_page_json(r, _country_name(snap, r.country_id)) for r in found]
    except OtpVirtError as exc:
        error = exc.message
    return await _page(
        request,
        user,
        "rentals.html",
        **page_rows(rows, limit),
        f=filters,
        query={k: v for k, v in filters.items() if v},
        page_no=page_no,
        states=rentals.STATES,
        countries=sorted(snap.countries.values(), key=lambda c: c.name),
        error=error,
    )


@router.get("/rentals/{rental_id}")
async def rental_page(request: Request, user: User, rental_id: int) -> Response:
    """One rental: who, which number, what it cost, when it ends, and every SMS."""
    rt = rt_of(request)
    snap = await rt.catalogue.get()
    async with rt.db.read() as conn:
        row = await rentals.get(conn, None, rental_id=rental_id)
        msgs = await rentals.sms(conn, row, limit=500)
    r = rental_page_json(row, _country_name(snap, row.country_id))
    return await _page(request, user, "rental.html", r=r, sms=msgs)


@router.post("/rentals/{rental_id}/finish")
async def finish_rental(request: Request, user: User, rental_id: int) -> Response:
    """End a live rental now (no refund); its number goes back to the pool."""

    async def work() -> None:
        await rent_ops.finish_rental(rt_of(request), user.actor, rental_id)

    back = f"/console/rentals/{rental_id}"
    return await attempt(request, back, work, "rental finished; the number is back in the pool")


@router.post("/rent-prices")
async def set_rent_price(
    request: Request,
    user: User,
    country: Text,
    service: Text,
    per_hour: Text,
    cur: Annotated[str, Form(alias="currency")] = "USD",
) -> Response:
    """Set the hourly rent price of a service (`full` = any service) in a country."""

    async def work() -> None:
        await rent_ops.set_rent_price(rt_of(request), user.actor, country, service, per_hour, cur)

    notice = f"rent of {service} in {country}: {per_hour} {cur} per hour"
    return await attempt(request, "/console/prices#rent-prices", work, notice)


async def rent_price_rows(rt: Runtime, conn: Conn) -> list[dict[str, Any]]:
    """Every hourly rent price, for the prices page."""
    snap = await rt.catalogue.get()
    return [
        {
            "country": _country_name(snap, p.country_id),
            "service": p.service_code,
            "perHour": format_amount(p.amount, currency(p.currency)),
            "currency": p.currency,
        }
        for p in await rentals.prices(conn)
    ]
