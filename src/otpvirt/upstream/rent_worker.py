"""The worker's side of upstream rentals: pull their SMS, end them at the provider.

Rows of `upstream_rentals` are due at `due_at` (claimed with SKIP LOCKED on
PostgreSQL, so several workers never work one row at once). A live rental is asked
for its SMS (getRentStatus) every `upstream_poll_seconds`, and at its end date; each
new SMS is stored once (its provider text, sender and date make its external id)
and routed to the rental like any SMS to a rented number. Once our rental ended
(finished or expired), the provider is told (setRentStatus 1); a provider rental we
could not record is cancelled there (setRentStatus 2). Failures retry with backoff.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging

from otpvirt.clock import now_ms
from otpvirt.db import Conn, in_transaction
from otpvirt.rental import service as rentals
from otpvirt.runtime import Runtime
from otpvirt.sms.service import ACCEPTED, ingest
from otpvirt.sources.kinds import UPSTREAM
from otpvirt.sources.service import SourceInfo, sources_of_kind
from otpvirt.supply.base import SupplierError
from otpvirt.upstream import repository as repo
from otpvirt.upstream.client import SmsActivateClient
from otpvirt.upstream.rent_api import CANCEL, FINISH, GONE, SETTLED, RentApi, RentRefused, RentSms
from otpvirt.upstream.repository import CANCELLING, DueRental, UpstreamRentalRow

log = logging.getLogger("otpvirt.upstream")

CLAIM_MS = 60_000


def api_of(rt: Runtime, source: SourceInfo) -> RentApi:
    """The rent actions of an upstream source."""
    cfg = source.config
    client = SmsActivateClient(
        str(cfg.get("baseUrl", "")),
        str(cfg.get("apiKey", "")),
        timeout=rt.settings.supplier_timeout_seconds,
    )
    return RentApi(client)


async def source_of(rt: Runtime, source_id: int) -> SourceInfo:
    """An upstream source by id (enabled or not: its rentals are still ours to end)."""
    async with rt.db.read() as conn:
        found = [s for s in await sources_of_kind(conn, UPSTREAM) if s.id == source_id]
    if not found:
        raise SupplierError(f"upstream source {source_id} no longer exists")
    return found[0]


def _external_id(row: UpstreamRentalRow | DueRental, sms: RentSms) -> str:
    digest = hashlib.sha256(f"{sms.sender}\0{sms.date}\0{sms.text}".encode()).hexdigest()
    return f"rent:{row.external_id}:{digest[:24]}"


async def pull(
    rt: Runtime, api: RentApi, row: UpstreamRentalRow | DueRental
) -> tuple[int, str | None]:
    """Store the rental's new SMS; how many were new, and the end token if it ended there."""
    found, ended = await asyncio.wait_for(
        api.sms(row.external_id), rt.settings.supplier_timeout_seconds
    )

    async def record(conn: Conn) -> int:
        fed = 0
        for sms in reversed(found):  # oldest first, as they arrived
            result = await ingest(
                conn,
                to=row.phone,
                sender=sms.sender,
                text=sms.text,
                source_id=row.source_id,
                reported_at=sms.date or None,
                external_id=_external_id(row, sms),
            )
            fed += result.status == ACCEPTED
        return fed

    fed = await in_transaction(rt.db, record) if found else 0
    if fed:
        rt.notify("sms")
    return fed, ended


async def work_rentals(rt: Runtime, *, limit: int = 50) -> int:
    """Pull, finish or cancel the due upstream rentals; return how many were due."""
    async with rt.db.read() as conn:
        if not await repo.any_due(conn, now_ms()):
            return 0
    due = await in_transaction(rt.db, repo.claim_due, now=now_ms(), hold_ms=CLAIM_MS, limit=limit)
    for row in due:
        try:
            api = api_of(rt, await source_of(rt, row.source_id))
            if row.state == CANCELLING:
                await _settle(rt, api, row, CANCEL)
            elif row.rental_state == rentals.ACTIVE:
                await _poll(rt, api, row)
            else:
                await _settle(rt, api, row, FINISH)
        except Exception as exc:
            if not isinstance(exc, SupplierError | TimeoutError):
                log.exception("upstream rental %d failed", row.id)
            error = str(exc) or type(exc).__name__
            log.warning("upstream rental %s: %s; retrying later", row.external_id, error)
            await in_transaction(
                rt.db,
                repo.retry_later,
                row.id,
                error=error,
                now=now_ms(),
                attempts=row.attempts,
                max_delay_ms=int(rt.settings.supplier_retry_max_seconds * 1000),
            )
    return len(due)


async def _poll(rt: Runtime, api: RentApi, row: DueRental) -> None:
    _, ended = await pull(rt, api, row)
    now = now_ms()
    if ended is not None:
        note = f"ended by the provider ({ended})"
        log.warning("upstream rental %s: %s", row.external_id, note)
        await in_transaction(rt.db, repo.done, row.id, now=now, note=note)
        return
    due = now + int(rt.settings.upstream_poll_seconds * 1000)
    if row.ends_at is not None and now < row.ends_at < due:
        due = row.ends_at  # one last pull at the end date, then it is finished there
    await in_transaction(rt.db, repo.due_at, row.id, due)


async def _settle(rt: Runtime, api: RentApi, row: DueRental, status: int) -> None:
    answer = await asyncio.wait_for(
        api.set_status(row.external_id, status), rt.settings.supplier_timeout_seconds
    )
    if status == CANCEL and answer == "CANT_CANCEL":
        # Too late for a refund from the provider: at least end it there.
        log.error("upstream rental %s: the provider refused the cancel", row.external_id)
        status = FINISH
        answer = await asyncio.wait_for(
            api.set_status(row.external_id, status), rt.settings.supplier_timeout_seconds
        )
    if answer not in SETTLED[status] and answer not in GONE:
        raise RentRefused("setRentStatus", answer)
    note = None if answer == "success" else f"setRentStatus {status}: {answer}"
    await in_transaction(rt.db, repo.done, row.id, now=now_ms(), note=note)
    log.info("upstream rental %s: setRentStatus %d (%s)", row.external_id, status, answer)
