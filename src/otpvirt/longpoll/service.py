"""GetSms with `wait` and `after`: answer at once when there is news, else hold."""

from __future__ import annotations

import asyncio
import contextlib

from otpvirt.activation import service as activations
from otpvirt.activation.service import ReceivedSms
from otpvirt.errors import ValidationFailed
from otpvirt.longpoll import repository as repo
from otpvirt.longpoll.hub import hub_for
from otpvirt.runtime import Runtime

MAX_WAIT_SECONDS = 60


def has_news(rows: list[ReceivedSms], after: str | None) -> bool:
    """Whether `rows` hold an SMS newer than the one with id `after` (any, without it)."""
    if after is None:
        return bool(rows)
    for i, row in enumerate(rows):
        if row.guid == after:
            return i + 1 < len(rows)
    raise ValidationFailed("after is not the id of an SMS of this activation", reason="bad_after")


async def _read(rt: Runtime, client_id: str, guid: str) -> list[ReceivedSms]:
    async with rt.db.read() as conn:
        return await activations.get_sms(conn, client_id, guid)


async def _open(rt: Runtime, guid: str) -> bool:
    async with rt.db.read() as conn:
        return await repo.activation_state(conn, guid) in activations.LIVE


async def get_sms(
    rt: Runtime, client_id: str, guid: str, *, wait: int = 0, after: str | None = None
) -> list[ReceivedSms]:
    """Every SMS of the activation; with `wait`, once there is news or the time is up.

    No news: held (an event, no thread, no query) until the process's watch sees
    an SMS for this activation, the wait runs out, or the server stops. An
    activation that can receive no more SMS is answered at once.
    """
    rows = await _read(rt, client_id, guid)
    if wait <= 0 or has_news(rows, after) or not await _open(rt, guid):
        return rows
    hub = hub_for(rt)
    if hub.closed:
        return rows
    hub.reserve(client_id)
    try:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + min(wait, MAX_WAIT_SECONDS)
        await hub.ready()
        with hub.register(guid) as arrived:
            while True:
                # Cleared before the read: a wake-up during it is never lost.
                arrived.clear()
                rows = await _read(rt, client_id, guid)
                remaining = deadline - loop.time()
                if has_news(rows, after) or hub.closed or remaining <= 0:
                    return rows
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(remaining):
                        await arrived.wait()
    finally:
        hub.release(client_id)
