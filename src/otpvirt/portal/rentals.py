"""Portal rentals: rent a number for hours, watch its SMS arrive, extend, finish, cancel.

Every rule (hours, prices, the cancel window, balance) is `otpvirt.rental.service`'s,
reached through `rental.flow` (as the APIs do, so a rental from an upstream supplier
works here too); these pages parse the forms, call it and show what it answered.
Another client's rental is answered 404, exactly like one that does not exist.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Path, Query
from starlette.requests import Request
from starlette.responses import Response

from otpvirt.catalogue.snapshot import Snapshot
from otpvirt.clock import now_ms
from otpvirt.errors import InsufficientBalance, NoNumbers, OtpVirtError
from otpvirt.money import currency, format_amount
from otpvirt.portal import rent_offers
from otpvirt.portal.auth import PortalUser, portal_user
from otpvirt.portal.endpoints import page
from otpvirt.rental import flow
from otpvirt.rental import service as rentals
from otpvirt.rental.schemas import rental_page_json
from otpvirt.web.pages import MAX_PAGE, page_args, page_rows, redirect, render, rt_of

router = APIRouter(prefix="/portal", include_in_schema=False)
User = Annotated[PortalUser, Depends(portal_user)]
Text = Annotated[str, Form()]
Field = Annotated[str, Query(max_length=64)]
RentId = Annotated[str, Path(max_length=64)]


def _title(snap: Snapshot, country_id: int) -> str:
    found = snap.countries_by_id.get(country_id)
    return found.title if found else str(country_id)


@router.get("/rentals")
async def rent_home(
    request: Request,
    user: User,
    service: Field = "",
    country: Field = "",
    hours: Field = str(rent_offers.DEFAULT_HOURS),
    page_no: Annotated[int, Query(alias="page", ge=1, le=MAX_PAGE)] = 1,
) -> Response:
    """The rent form with its quote, and the client's rentals, newest first."""
    rt = rt_of(request)
    menu = await rent_offers.menu(rt, user.client.currency)
    service = service or (menu.services[0][0] if menu.services else "")
    country = country or menu.country_for(service)
    quote = None
    if service and country:
        quote = await rent_offers.quote(
            rt, user.client.currency, user.client.balance or 0, service, country, hours
        )
    limit, offset = page_args(page_no, 20)
    snap = await rt.catalogue.get()
    async with rt.db.read() as conn:
        found = await rentals.listing(conn, client_id=user.id, limit=limit, offset=offset)
    rows = [rental_page_json(r, _title(snap, r.country_id)) for r in found]
    return await page(
        request,
        user,
        "rentals.html",
        "rentals",
        menu=menu,
        service=service,
        country=country,
        hours=hours,
        quote=quote,
        page_no=page_no,
        **page_rows(rows, limit),
    )


@router.get("/rentals/quote")
async def rent_quote(
    request: Request, user: User, service: Field = "", country: Field = "", hours: Field = ""
) -> Response:
    """Hourly price, total and numbers free for the form's choice (an htmx fragment)."""
    q = await rent_offers.quote(
        rt_of(request), user.client.currency, user.client.balance or 0, service, country, hours
    )
    return await render(request, "portal/_rent_quote.html", {"quote": q})


@router.post("/rentals")
async def rent(
    request: Request, user: User, service: Text = "", country: Text = "", hours: Text = ""
) -> Response:
    """Rent a number of the country for the service and charge the hours."""
    rt = rt_of(request)
    back = "/portal/rentals?" + urlencode({"service": service, "country": country, "hours": hours})
    try:
        h = rent_offers.parse_hours(hours)
        code, service_id, place = await rent_offers.target(rt, service, country)
        where = [rentals.Place(place.id, None)]
        rental = await flow.rent(
            rt, flow.RentRequest(user.id, user.client.currency, code, service_id, where, h, None)
        )
    except InsufficientBalance as exc:
        return await redirect(request, back, error=f"Insufficient balance: {exc.message}.")
    except NoNumbers:
        msg = f"No numbers: none is free for rent in {country or 'that country'} right now."
        return await redirect(request, back, error=msg)
    except OtpVirtError as exc:
        return await redirect(request, back, error=exc.message)
    amount = format_amount(rental.amount, currency(rental.currency))
    notice = f"Rented +{rental.phone} for {h} h: {amount} {rental.currency} charged."
    return await redirect(request, f"/portal/rentals/{rental.guid}", notice=notice)


async def _own(request: Request, user: PortalUser, guid: str) -> dict[str, Any]:
    """The client's rental with its SMS (newest first); RentalNotFound (404) otherwise."""
    rt = rt_of(request)
    snap = await rt.catalogue.get()
    async with rt.db.read() as conn:
        row = await rentals.get(conn, user.id, guid=guid)
        msgs = await rentals.sms(conn, row, limit=200)
    r = rental_page_json(row, _title(snap, row.country_id))
    window_ends = row.created_at + rentals.CANCEL_WINDOW_MS
    return {
        "r": r,
        "sms": msgs,
        "live": row.state == rentals.ACTIVE,
        "cancellable": row.state == rentals.ACTIVE and not row.sms_count and now_ms() < window_ends,
        "cancel_until": window_ends,
        "max_more": rentals.MAX_HOURS - row.hours,
    }


@router.get("/rentals/{guid}")
async def rental_page(request: Request, user: User, guid: RentId) -> Response:
    """The rented number, its SMS as they arrive, and extend / finish / cancel."""
    ctx = await _own(request, user, guid)
    return await page(request, user, "rental.html", "rentals", **ctx)


@router.get("/rentals/{guid}/live")
async def rental_live(request: Request, user: User, guid: RentId, was: Field = "") -> Response:
    """The live part of the rental page (polled while the rental runs); when it has just
    ended, the browser reloads the whole page so the actions go away."""
    ctx = await _own(request, user, guid)
    response = await render(request, "portal/_rent_live.html", {**ctx, "csrf": user.csrf})
    if was == rentals.ACTIVE and not ctx["live"]:
        response.headers["HX-Refresh"] = "true"
    return response


async def _act(
    request: Request, user: PortalUser, guid: str, work: Callable[[], Awaitable[str]]
) -> Response:
    await _own(request, user, guid)  # someone else's: 404 before anything is tried
    back = f"/portal/rentals/{guid}"
    try:
        notice = await work()
    except OtpVirtError as exc:
        return await redirect(request, back, error=exc.message)
    return await redirect(request, back, notice=notice)


@router.post("/rentals/{guid}/extend")
async def extend(request: Request, user: User, guid: RentId, hours: Text = "") -> Response:
    """Buy more hours at the current hourly price."""
    rt = rt_of(request)

    async def work() -> str:
        h = rent_offers.parse_hours(hours)
        r, amount = await flow.prolong(rt, user.id, h, guid=guid)
        paid = format_amount(amount, currency(r.currency))
        return f"Extended by {h} h: {paid} {r.currency} charged."

    return await _act(request, user, guid, work)


@router.post("/rentals/{guid}/finish")
async def finish(request: Request, user: User, guid: RentId) -> Response:
    """End the rental now; what was paid stays paid."""
    rt = rt_of(request)

    async def work() -> str:
        await flow.finish(rt, user.id, guid=guid)
        return "Finished: the number is no longer yours."

    return await _act(request, user, guid, work)


@router.post("/rentals/{guid}/cancel")
async def cancel(request: Request, user: User, guid: RentId) -> Response:
    """End the rental with a full refund (within 20 minutes, before any SMS)."""
    rt = rt_of(request)

    async def work() -> str:
        r = await flow.cancel(rt, user.id, guid=guid)
        return f"Cancelled: {format_amount(r.amount, currency(r.currency))} {r.currency} refunded."

    return await _act(request, user, guid, work)
