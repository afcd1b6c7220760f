"""A rental's webhooks: its own `url` (checked at rent time) and the `rent.ending` notice.

`rentals.ending_at` holds when the notice is due (`ENDING_LEAD_MS` before the end; NULL
once sent). The worker takes due notices in its own transaction: the guarded UPDATE
clears the column and the event is queued in the same transaction, so a notice goes
out once whatever the restarts, and several workers (SKIP LOCKED on PostgreSQL) never
send one twice. An extension re-arms it for the new end.
"""

from __future__ import annotations

from otpvirt.db import Conn
from otpvirt.events import rent as rent_events
from otpvirt.rental.repositories import notices as repo
from otpvirt.webhook import targets

ENDING_LEAD_MS = rent_events.ENDING_LEAD_MS


def check_url(url: str, *, allow_private: bool) -> str:
    """A rental's `url`: an http(s) URL that is not a loopback/private address literal.

    Raises `webhook.targets.BadWebhookUrl`. Names are vetted again at every send.
    """
    return targets.check_public_url(url, allow_private)


def ending_due(ends_at: int) -> int:
    """When the `rent.ending` notice of a rental ending at `ends_at` is due."""
    return ends_at - ENDING_LEAD_MS


async def send_ending_notices(conn: Conn, now: int, *, limit: int = 200) -> int:
    """Queue `rent.ending` for the live rentals whose last hour began; returns how many."""
    done = 0
    for rental_id in await repo.due_endings(conn, now, limit):
        if await repo.take_ending(conn, rental_id, now):
            await rent_events.record_rent_ending(conn, rental_id, now)
            done += 1
    return done
