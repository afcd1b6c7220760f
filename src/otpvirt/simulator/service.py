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


async def _cursor(conn: Conn, now: int) -> int:
    row = await conn.fetchone(
        "SELECT value FROM system_values WHERE key = :k" + conn.for_update, {"k": CURSOR_KEY}
    )
    if row is None:
        await conn.execute(
            "INSERT INTO system_values (key, value, created_at) VALUES (:k, '0', :now) "
            "ON CONFLICT DO NOTHING",
            {"k": CURSOR_KEY, "now": now},
        )
        return 0
    return int(row[0])


async def schedule(conn: Conn, settings: Settings, *, rng: random.Random, limit: int = 500) -> int:
    """Queue the SMS of leases taken since the last run; return how many leases were read."""
    now = now_ms()
    cursor = await _cursor(conn, now)
    rows = await conn.fetchall(
        "SELECT a.id, a.phone, a.created_at, a.state, s.code, s.name, c.name, src.kind, src.config "
        "FROM activations a JOIN numbers n ON n.id = a.number_id "
        "JOIN services s ON s.id = a.service_id JOIN countries c ON c.id = a.country_id "
        "LEFT JOIN sources src ON src.id = n.source_id "
        "WHERE a.id > :cur ORDER BY a.id LIMIT :lim",
        {"cur": cursor, "lim": limit},
    )
    if not rows:
        return 0
    queued = []
    for act_id, phone, created, state, code, name, country, kind, config in rows:
        if kind != "simulator" or state != "waiting":
            continue
        how = Behaviour.from_settings(settings, json.loads(config or "{}").get("simulator"))
        if rng.random() < how.no_sms:
            continue
        due = created + int(rng.uniform(how.delay_min, how.delay_max) * 1000)
        count = 2 if rng.random() < how.second_sms else 1
        for _ in range(count):
            msg = make_message(code, name, country, rng)
            queued.append({"a": act_id, "p": phone, "s": msg.sender, "t": msg.text, "due": due})
            due += int(rng.uniform(how.delay_min, how.delay_max) * 1000)
    if queued:
        await conn.executemany(
            "INSERT INTO simulated_sms (activation_id, phone, sender, text, due_at) "
            "VALUES (:a, :p, :s, :t, :due)",
            queued,
        )
    await conn.execute(
        "UPDATE system_values SET value = :v WHERE key = :k",
        {"v": str(rows[-1][0]), "k": CURSOR_KEY},
    )
    return len(rows)


async def deliver(conn: Conn, *, limit: int = 100) -> int:
    """Send the due simulated SMS through ingest; return how many were handled."""
    now = now_ms()
    rows = await conn.fetchall(
        "SELECT q.id, q.phone, q.sender, q.text, a.state, n.source_id FROM simulated_sms q "
        "JOIN activations a ON a.id = q.activation_id JOIN numbers n ON n.id = a.number_id "
        "WHERE q.delivered_at IS NULL AND q.due_at <= :now ORDER BY q.due_at LIMIT :lim"
        + conn.skip_locked_of("q"),
        {"now": now, "lim": limit},
    )
    for qid, phone, sender, text, state, src in rows:
        # A simulated SIM only writes to live leases; later ones are dropped quietly.
        if state in ("waiting", "sms_received"):
            await ingest(
                conn,
                to=phone,
                sender=sender,
                text=text,
                source_id=src,
                received_at=now,
                external_id=f"sim-{qid}",
                dedup_window_ms=0,
            )
        await conn.execute(
            "UPDATE simulated_sms SET delivered_at = :now WHERE id = :id", {"now": now, "id": qid}
        )
    return len(rows)
