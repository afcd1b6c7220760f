"""Renting through upstream sms-activate providers, where the operator enabled it.

When our pool has no fitting number for a priced rent, each enabled upstream source
with `rent` on is asked (getRentNumber), in supplier priority order. Money: the
client is charged our hourly rent price, only once the provider gave a number, in
one transaction with the rental row and the provider's rental id; if that
transaction fails, the provider rental is cancelled (setRentStatus 2, its refund to
us) now, or by the worker until it accepts. Cancel asks the provider first (a refund
here only after its refund there); extension too (continueRentNumber, then our
charge); finish and the end date are told to the provider by the worker.
"""

from __future__ import annotations

import asyncio
import logging

from otpvirt.catalogue.snapshot import CountryInfo, Snapshot
from otpvirt.clock import now_ms
from otpvirt.db import Conn, in_transaction
from otpvirt.errors import (
    InsufficientBalance,
    InternalError,
    NoNumbers,
    OtpVirtError,
)
from otpvirt.inventory.repositories import numbers
from otpvirt.ledger import repository as balances
from otpvirt.money import currency, format_amount
from otpvirt.rental import flow
from otpvirt.rental import service as rentals
from otpvirt.rental.flow import RentRequest, SuppliedNumber
from otpvirt.rental.service import Place, Rental
from otpvirt.runtime import Runtime
from otpvirt.sources.service import SourceInfo
from otpvirt.supply import stock
from otpvirt.supply.base import SupplierError
from otpvirt.upstream import repository as repo
from otpvirt.upstream.rent_api import CANCEL, SETTLED, RentApi, RentedNumber, RentRefused
from otpvirt.upstream.rent_switch import rent_enabled
from otpvirt.upstream.rent_worker import api_of, pull, source_of
from otpvirt.upstream.repository import CANCELLING, OPEN

log = logging.getLogger("otpvirt.upstream")


class ProviderUnavailable(InternalError):
    reason = "upstream_unavailable"


class _Rejected(Exception):
    """A number the provider rented that we cannot take: cancel it there."""


async def _balance_covers(rt: Runtime, client_id: str, cur: str, amount: int) -> None:
    async with rt.db.read() as conn:
        have = int(await balances.balance(conn, client_id) or 0)
    if have < amount:
        c = currency(cur)
        raise InsufficientBalance(
            f"balance {format_amount(have, c)} {c.code} is less than {format_amount(amount, c)}"
        )


class UpstreamRent:
    """The rent supplier of every upstream source with renting on."""

    async def rent(self, rt: Runtime, req: RentRequest) -> Rental | None:
        async with rt.db.read() as conn:
            found = [s for s in await stock.suppliers(conn) if rent_enabled(s)]
        if not found:
            return None
        snap = await rt.catalogue.get()
        for place in req.places:
            country = snap.countries_by_id.get(place.country_id)
            if country is None or country.smsactivate_id is None:
                continue
            async with rt.db.read() as conn:
                hourly = await flow.hourly_price(conn, country.id, req.service_code, req.cur)
            if hourly is None:
                continue
            await _balance_covers(rt, req.client_id, req.cur, hourly * req.hours)
            for source in found:
                got = await _rent_from(rt, source, req, snap, country, place)
                if got is not None:
                    return got
        return None

    async def cancel(self, rt: Runtime, rental: Rental) -> Rental | None:
        async with rt.db.read() as conn:
            row = await repo.of_rental(conn, rental.id)
        if row is None or row.state != OPEN:
            return None
        _check_cancel(rental, now_ms())
        api = api_of(rt, await source_of(rt, row.source_id))
        try:
            if (await pull(rt, api, row))[0]:
                raise rentals.CancelAfterSms()
            answer = await asyncio.wait_for(
                api.set_status(row.external_id, CANCEL), rt.settings.supplier_timeout_seconds
            )
        except (SupplierError, TimeoutError) as exc:
            raise ProviderUnavailable(f"the provider did not answer; try again ({exc})") from None
        if answer == "CANT_CANCEL":
            raise rentals.CancelTooLate("the provider refused the cancel: finish the rental")
        if answer not in SETTLED[CANCEL]:
            raise ProviderUnavailable(f"the provider refused the cancel: {answer}")
        try:
            return await in_transaction(rt.db, _cancelled, rental, row.id)
        except OtpVirtError:
            # Refused here meanwhile (an SMS came): the provider ended it, so end it here.
            await in_transaction(rt.db, _finished_after_cancel, rental, row.id)
            raise

    async def prolong(self, rt: Runtime, rental: Rental, hours: int) -> tuple[Rental, int] | None:
        async with rt.db.read() as conn:
            row = await repo.of_rental(conn, rental.id)
            if row is None or row.state != OPEN:
                return None
            amount = await rentals.prolong_price(
                conn, rental.client_id, hours, now=now_ms(), rental_id=rental.id
            )
        await _balance_covers(rt, rental.client_id, rental.currency, amount)
        api = api_of(rt, await source_of(rt, row.source_id))
        try:
            await asyncio.wait_for(
                api.prolong(row.external_id, hours), rt.settings.supplier_timeout_seconds
            )
        except RentRefused as exc:
            if exc.token == "RENT_DIE":
                raise rentals.RentalEnded(rentals.EXPIRED) from None
            if exc.token == "MAX_HOURS_EXCEED":
                raise rentals.MaxHoursExceeded("the provider refuses that many hours") from None
            raise ProviderUnavailable(f"the provider refused the extension: {exc.token}") from None
        except (SupplierError, TimeoutError) as exc:
            raise ProviderUnavailable(f"the provider did not answer; try again ({exc})") from None
        try:
            return await in_transaction(
                rt.db, rentals.prolong, rental.client_id, hours, now=now_ms(), rental_id=rental.id
            )
        except Exception as exc:
            log.error("upstream rental %s: extended there, not here: %s", row.external_id, exc)
            await in_transaction(rt.db, repo.note, row.id, f"extended there, not here: {exc}")
            raise

    async def ended(self, rt: Runtime, rental: Rental) -> None:
        async with rt.db.read() as conn:
            row = await repo.of_rental(conn, rental.id)
        if row is not None and row.state == OPEN:
            await in_transaction(rt.db, repo.due_now, rental.id, now_ms())
            rt.notify("supplier")


def _check_cancel(rental: Rental, now: int) -> None:
    """Our rules first: the provider is not asked for a cancel we would refuse."""
    if rental.state != rentals.ACTIVE:
        raise rentals.RentalEnded(rental.state)
    if rental.sms_count > 0:
        raise rentals.CancelAfterSms()
    if rental.created_at <= now - rentals.CANCEL_WINDOW_MS:
        raise rentals.CancelTooLate("a rental can be cancelled only within 20 minutes of its start")


async def _cancelled(conn: Conn, rental: Rental, row_id: int) -> Rental:
    now = now_ms()
    done = await rentals.cancel(conn, rental.client_id, now=now, rental_id=rental.id)
    await repo.done(conn, row_id, now=now)
    return done


async def _finished_after_cancel(conn: Conn, rental: Rental, row_id: int) -> None:
    now = now_ms()
    current = await rentals.get(conn, None, rental_id=rental.id)
    if current.state == rentals.ACTIVE:
        await rentals.finish(conn, None, now=now, rental_id=rental.id)
    await repo.done(conn, row_id, now=now, note="cancelled at the provider, refused here")


async def _rent_from(
    rt: Runtime,
    source: SourceInfo,
    req: RentRequest,
    snap: Snapshot,
    country: CountryInfo,
    place: Place,
) -> Rental | None:
    api = api_of(rt, source)
    operator = snap.providers_by_id[place.provider_id].name if place.provider_id else None
    assert country.smsactivate_id is not None
    try:
        got = await asyncio.wait_for(
            api.rent(
                service=req.service_code,
                hours=req.hours,
                country=country.smsactivate_id,
                operator=operator,
            ),
            rt.settings.supplier_timeout_seconds,
        )
    except (SupplierError, TimeoutError) as exc:
        log.warning("upstream %s: getRentNumber failed: %s", source.name, exc or "no answer")
        return None
    if got is None:
        return None
    try:
        return await in_transaction(rt.db, _record, source, got, req, snap, country, place)
    except BaseException as exc:
        await _give_back(rt, api, source, got, f"{type(exc).__name__}: {exc}")
        if isinstance(exc, _Rejected) or type(exc) is NoNumbers:
            return None
        raise


async def _record(
    conn: Conn,
    source: SourceInfo,
    got: RentedNumber,
    req: RentRequest,
    snap: Snapshot,
    country: CountryInfo,
    place: Place,
) -> Rental:
    now = now_ms()
    if not str(got.phone).startswith(str(country.calling_code)):
        raise _Rejected(f"{got.phone} is not a number of {country.name}")
    found = await numbers.by_phone(conn, got.phone)
    if found is not None:
        if found.source_id != source.id:
            raise _Rejected(f"{got.phone} belongs to another source")
        number = SuppliedNumber(found.id, got.phone, found.provider_id)
    else:
        provider = snap.providers_by_id.get(place.provider_id or 0)
        if provider is None and country.providers:
            provider = min(country.providers.values(), key=lambda p: p.id)
        if provider is None:
            raise _Rejected(f"{country.name} has no operators in the catalogue")
        number_id = await numbers.insert_supplied(
            conn, got.phone, country.id, provider.id, source.id, now
        )
        number = SuppliedNumber(number_id, got.phone, provider.id)
    rental = await flow.rent_supplied(conn, req=req, country_id=country.id, number=number, now=now)
    await repo.insert(
        conn,
        source_id=source.id,
        rental_id=rental.id,
        external_id=got.external_id,
        phone=got.phone,
        state=OPEN,
        due_at=now,
        now=now,
    )
    return rental


async def _give_back(
    rt: Runtime, api: RentApi, source: SourceInfo, got: RentedNumber, reason: str
) -> None:
    """Cancel a provider rental we did not record: now, else through the worker."""
    log.warning("upstream %s: cancelling rental %s: %s", source.name, got.external_id, reason)
    try:
        answer = await asyncio.wait_for(
            api.set_status(got.external_id, CANCEL), rt.settings.supplier_timeout_seconds
        )
        if answer in SETTLED[CANCEL]:
            return
        reason = f"{reason}; setRentStatus 2: {answer}"
    except (SupplierError, TimeoutError) as exc:
        reason = f"{reason}; setRentStatus 2: {exc or 'no answer'}"
    try:
        await in_transaction(
            rt.db,
            repo.insert,
            source_id=source.id,
            rental_id=None,
            external_id=got.external_id,
            phone=got.phone,
            state=CANCELLING,
            due_at=now_ms(),
            now=now_ms(),
            error=reason,
        )
        rt.notify("supplier")
    except Exception as exc:
        log.error("upstream %s: rental %s left to cancel by hand: %s", source.name, got, exc)


flow.register(UpstreamRent())
