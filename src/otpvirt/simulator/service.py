"""Scheduling and delivering simulated SMS; all state in the database.

`schedule` reads activations past a cursor (kept in `system_values`, locked while it
moves, so two workers never schedule twice) and queues one or two SMS per lease on a
simulator number. `deliver` sends due ones through the one ingest path, in the same
transaction that marks them delivered.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass

from otpvirt.clock import now_ms
from otpvirt.config import Settings
from otpvirt.db import Conn
from otpvirt.errors import ValidationFailed
from otpvirt.simulator import repository as repo
from otpvirt.simulator.templates import make_message
from otpvirt.sms.service import ingest

CURSOR_KEY = "simulator_cursor"


@dataclass(frozen=True)
class Behaviour:
    """How a simulated SIM bank behaves."""

    delay_min: float
    delay_max: float
    no_sms: float
    second_sms: float

    @classmethod
    def from_settings(
        cls, settings: Settings, override: dict[str, object] | None = None
    ) -> Behaviour:
        """The global behaviour, with a source's own settings on top."""
        o = override or {}
        lo, hi = parse_delay(str(o.get("delay", settings.simulator_delay)))
        return cls(
            lo,
            hi,
            float(o.get("noSms", settings.simulator_no_sms_probability)),  # type: ignore[arg-type]
            float(o.get("secondSms", settings.simulator_second_sms_probability)),  # type: ignore[arg-type]
        )


def parse_delay(text: str) -> tuple[float, float]:
    """'3-15' (seconds) as (3.0, 15.0); a single number is a fixed delay."""
    try:
        parts = [float(p) for p in text.replace(" ", "").split("-", 1)]
    except ValueError:
        raise ValidationFailed(f"simulator delay must look like '3-15', got {text!r}") from None
    lo, hi = (parts[0], parts[-1])
    if lo < 0 or hi < lo:
        raise ValidationFailed(f"simulator delay must look like '3-15', got {text!r}")
    return lo, hi


async def schedule(conn: Conn, settings: Settings, *, rng: random.Random, limit: int = 500) -> int:
    """Queue the SMS of leases taken since the last run; return how many leases were read."""
    now = now_ms()
    cursor = await repo.lock_cursor(conn, CURSOR_KEY, now)
    rows = await repo.leases_after(conn, cursor, limit)
    if not rows:
        return 0
    queued = []
    for r in rows:
        if r.source_kind != "simulator" or r.state != "waiting":
            continue
        how = Behaviour.from_settings(
            settings, json.loads(r.source_config or "{}").get("simulator")
        )
        if rng.random() < how.no_sms:
            continue
        due = r.created_at + int(rng.uniform(how.delay_min, how.delay_max) * 1000)
        count = 2 if rng.random() < how.second_sms else 1
        for _ in range(count):
            msg = make_message(r.service_code, r.service_name, r.country, rng)
            queued.append({"a": r.id, "p": r.phone, "s": msg.sender, "t": msg.text, "due": due})
            due += int(rng.uniform(how.delay_min, how.delay_max) * 1000)
    await repo.queue(conn, queued)
    await repo.move_cursor(conn, CURSOR_KEY, rows[-1].id)
    return len(rows)


async def deliver(conn: Conn, *, limit: int = 100) -> int:
    """Send the due simulated SMS through ingest; return how many were handled."""
    now = now_ms()
    rows = await repo.claim_due(conn, now, limit)
    for q in rows:
        # A simulated SIM only writes to live leases; later ones are dropped quietly.
        if q.state in ("waiting", "sms_received"):
            await ingest(
                conn,
                to=q.phone,
                sender=q.sender,
                text=q.text,
                source_id=q.source_id,
                received_at=now,
                external_id=f"sim-{q.id}",
                dedup_window_ms=0,
            )
        await repo.mark_delivered(conn, q.id, now)
    return len(rows)


# A rented simulated SIM gets an SMS now and then: after this many times the
# simulator's longest delay without one (at least a minute).
RENTAL_QUIET_FACTOR = 8
RENTAL_SERVICES = ("tg", "wa", "vi", "go", "fb", "ig")


async def chat_to_rentals(
    conn: Conn, settings: Settings, *, rng: random.Random, limit: int = 50
) -> int:
    """Send one realistic SMS to each rented simulator number that has been quiet a while."""
    now = now_ms()
    how = Behaviour.from_settings(settings, None)
    quiet_ms = max(60_000, int(how.delay_max * 1000 * RENTAL_QUIET_FACTOR))
    rows = await repo.quiet_rentals(conn, now - quiet_ms, limit)
    for r in rows:
        code = r.service_code if r.service_code != "full" else rng.choice(RENTAL_SERVICES)
        msg = make_message(code, r.service_name or code, r.country, rng)
        await ingest(
            conn,
            to=r.phone,
            sender=msg.sender,
            text=msg.text,
            source_id=r.source_id,
            received_at=now,
            external_id=f"simrent-{r.id}-{r.sms_count}",
            dedup_window_ms=0,
        )
    return len(rows)
