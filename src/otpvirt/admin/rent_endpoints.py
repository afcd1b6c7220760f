"""The admin API's rentals: list, show (with SMS), finish; hourly rent prices."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from starlette.requests import Request

from otpvirt.admin import rent_ops
from otpvirt.admin.endpoints import Limit, Op
from otpvirt.admin.schemas import RentPriceOut, RentPriceSet
from otpvirt.admin.web import AdminRoute, rt_of
from otpvirt.rental import service as rentals
from otpvirt.rental.schemas import RentalOut, RentPriceIn

router = APIRouter(prefix="/admin/v1", tags=["admin API"], route_class=AdminRoute)


@router.get("/rentals", response_model=list[RentalOut])
async def list_rentals(
    request: Request,
    _: Op,
    limit: Limit = 50,
    client: Annotated[str | None, Query(max_length=36)] = None,
    state: Annotated[str | None, Query(max_length=16)] = None,
) -> list[RentalOut]:
    """Rentals, newest first (filter by client and state)."""
    async with rt_of(request).db.read() as conn:
        rows = await rentals.listing(conn, client_id=client, state=state, limit=limit)
    return [RentalOut.of(r) for r in rows]


@router.get("/rentals/{rental_id}", response_model=RentalOut)
async def show_rental(request: Request, _: Op, rental_id: int) -> RentalOut:
    """One rental with its SMS, newest first."""
    async with rt_of(request).db.read() as conn:
        r = await rentals.get(conn, None, rental_id=rental_id)
        return RentalOut.of(r, await rentals.sms(conn, r, limit=200))


@router.post("/rentals/{rental_id}/finish", response_model=RentalOut)
async def finish_rental(request: Request, actor: Op, rental_id: int) -> RentalOut:
    """End a live rental now (no refund); its number goes back to the pool."""
    return RentalOut.of(await rent_ops.finish_rental(rt_of(request), actor, rental_id))


@router.get("/rent-prices", response_model=list[RentPriceOut])
async def list_rent_prices(request: Request, _: Op, currency: str | None = None) -> Any:
    """Every hourly rent price."""
    rt = rt_of(request)
    snap = await rt.catalogue.get()
    async with rt.db.read() as conn:
        rows = await rentals.prices(conn, currency)
    return [
        {
            "country": snap.countries_by_id[p.country_id].name,
            "service": p.service_code,
            "perHourMinor": p.amount,
            "currency": p.currency,
        }
        for p in rows
        if p.country_id in snap.countries_by_id
    ]


@router.put("/rent-prices", response_model=RentPriceSet)
async def set_rent_price(request: Request, actor: Op, body: RentPriceIn) -> dict[str, Any]:
    """Set the hourly rent price of a service (`full` = any service) in a country."""
    return await rent_ops.set_rent_price(
        rt_of(request), actor, body.country, body.service, body.perHour, body.currency
    )
