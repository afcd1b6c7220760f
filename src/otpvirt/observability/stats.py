"""The operator's overview: pool, leases, SMS flow, success rates and money, from indexed queries.

Every query reads either a partial index (free numbers, live leases) or a time range
of an index on `created_at`, so the overview costs the same on a day-old and a
year-old database. Results are cached per process for a few seconds (`cached`).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from otpvirt.clock import now_ms
from otpvirt.db import Conn
from otpvirt.money import currency, format_amount
from otpvirt.runtime import Runtime

BUCKET_MS = 600_000  # 10 minutes
DAY_MS = 86_400_000
BUCKETS = DAY_MS // BUCKET_MS
FREE = "n.enabled AND n.source_online AND n.active_activation_id IS NULL"


@dataclass
class Overview:
    """Everything the overview page and the metrics show."""

    at: int
    availability: list[dict[str, Any]]
    live: dict[str, int]
    sms_last_minute: int
    sms_last_hour: int
    success_by_country: list[dict[str, Any]]
    success_by_service: list[dict[str, Any]]
    money_today: list[dict[str, Any]]
    free_numbers: int = 0
    series: dict[str, list[int]] = field(default_factory=dict)
    series_currency: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """Plain data for the admin API."""
        return {
            "at": self.at,
            "availability": self.availability,
            "freeNumbers": self.free_numbers,
            "liveLeases": self.live,
            "smsLastMinute": self.sms_last_minute,
            "smsLastHour": self.sms_last_hour,
            "successByCountry": self.success_by_country,
            "successByService": self.success_by_service,
            "moneyToday": self.money_today,
            "series": {"bucketMinutes": BUCKET_MS // 60_000, **self.series},
            "seriesCurrency": self.series_currency,
        }


async def availability(conn: Conn) -> list[dict[str, Any]]:
    """Numbers that could be leased now, per country, operator and offered service."""
    free = {
        (r[0], r[1]): int(r[2])
        for r in await conn.fetchall(
            f"SELECT n.country_id, n.provider_id, COUNT(*) FROM numbers n WHERE {FREE} "
            "GROUP BY n.country_id, n.provider_id"
        )
    }
    used = {
        (r[0], r[1], r[2]): int(r[3])
        for r in await conn.fetchall(
            "SELECT n.country_id, n.provider_id, ns.service_id, COUNT(*) FROM number_services ns "
            f"JOIN numbers n ON n.id = ns.number_id WHERE {FREE} "
            "GROUP BY n.country_id, n.provider_id, ns.service_id"
        )
    }
    offered = await conn.fetchall(
        "SELECT DISTINCT p.country_id, p.service_id, c.name, s.code FROM prices p "
        "JOIN countries c ON c.id = p.country_id JOIN services s ON s.id = p.service_id "
        "ORDER BY c.name, s.code"
    )
    providers: dict[int, list[tuple[int, str]]] = {}
    for r in await conn.fetchall("SELECT id, country_id, name FROM providers ORDER BY name"):
        providers.setdefault(int(r[1]), []).append((int(r[0]), r[2]))
    out = []
    for country_id, service_id, country, service in offered:
        for provider_id, provider in providers.get(int(country_id), []):
            total = free.get((country_id, provider_id), 0)
            left = total - used.get((country_id, provider_id, service_id), 0)
            out.append(
                {"country": country, "provider": provider, "service": service, "available": left}
            )
    return out


_RATE_GROUPS = {
    "country": ("countries", "name", "country_id"),
    "service": ("services", "code", "service_id"),
}


async def _rates(conn: Conn, by: str, since: int) -> list[dict[str, Any]]:
    table, label, key = _RATE_GROUPS[by]
    rows = await conn.fetchall(
        f"SELECT x.{label}, COUNT(*), SUM(CASE WHEN a.sms_count > 0 THEN 1 ELSE 0 END) "
        f"FROM activations a JOIN {table} x ON x.id = a.{key} "
        f"WHERE a.created_at >= :since GROUP BY x.{label} ORDER BY COUNT(*) DESC",
        {"since": since},
    )
    return [
        {
            "name": r[0],
            "leased": int(r[1]),
            "withSms": int(r[2] or 0),
            "rate": round(int(r[2] or 0) / int(r[1]), 3) if r[1] else None,
        }
        for r in rows
    ]


async def _series(conn: Conn, sql: str, since: int) -> list[int]:
    values = [0] * BUCKETS
    first = since // BUCKET_MS
    for bucket, count in await conn.fetchall(sql, {"since": since}):
        index = int(bucket) - first
        if 0 <= index < BUCKETS:
            values[index] += int(count or 0)
    return values


async def overview(conn: Conn, now: int | None = None) -> Overview:
    """Compute the overview now."""
    now = now or now_ms()
    day_ago = now - DAY_MS
    midnight = now - now % DAY_MS
    live = {
        r[0]: int(r[1])
        for r in await conn.fetchall(
            "SELECT state, COUNT(*) FROM activations WHERE state IN ('waiting', 'sms_received') "
            "GROUP BY state"
        )
    }
    sms_minute = int(
        await conn.fetchval(
            "SELECT COUNT(*) FROM sms_messages WHERE created_at >= :t", {"t": now - 60_000}
        )
        or 0
    )
    sms_hour = int(
        await conn.fetchval(
            "SELECT COUNT(*) FROM sms_messages WHERE created_at >= :t", {"t": now - 3_600_000}
        )
        or 0
    )
    money = []
    for cur_code, kind, total in await conn.fetchall(
        "SELECT currency, kind, SUM(amount) FROM ledger_entries WHERE created_at >= :t "
        "AND kind IN ('charge', 'refund', 'topup') GROUP BY currency, kind ORDER BY currency",
        {"t": midnight},
    ):
        money.append({"currency": cur_code, "kind": kind, "minor": int(total or 0)})
    money_today = _money(money)
    # The time series use the busiest currency of the day (most operators price in one).
    main = max(money_today, key=lambda m: m["chargesMinor"])["currency"] if money_today else None
    start = (now // BUCKET_MS - BUCKETS + 1) * BUCKET_MS
    bucket = f"created_at / {BUCKET_MS}"
    series = {
        "sms": await _series(
            conn,
            f"SELECT {bucket}, COUNT(*) FROM sms_messages WHERE created_at >= :since "
            f"GROUP BY {bucket}",
            start,
        ),
        "leases": await _series(
            conn,
            f"SELECT {bucket}, COUNT(*) FROM activations WHERE created_at >= :since "
            f"GROUP BY {bucket}",
            start,
        ),
    }
    if main is not None:
        series["revenueMinor"] = await _series(
            conn,
            f"SELECT {bucket}, -SUM(amount) FROM ledger_entries WHERE created_at >= :since "
            f"AND kind IN ('charge', 'refund') AND currency = '{currency(main).code}' "
            f"GROUP BY {bucket}",
            start,
        )
    free_numbers = int(
        await conn.fetchval(
            "SELECT COUNT(*) FROM numbers WHERE enabled AND source_online "
            "AND active_activation_id IS NULL"
        )
        or 0
    )
    return Overview(
        at=now,
        free_numbers=free_numbers,
        availability=await availability(conn),
        live={"waiting": live.get("waiting", 0), "sms_received": live.get("sms_received", 0)},
        sms_last_minute=sms_minute,
        sms_last_hour=sms_hour,
        success_by_country=await _rates(conn, "country", day_ago),
        success_by_service=await _rates(conn, "service", day_ago),
        money_today=money_today,
        series=series,
        series_currency=main,
    )


def _money(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_cur: dict[str, dict[str, int]] = {}
    for r in rows:
        by_cur.setdefault(r["currency"], {})[r["kind"]] = r["minor"]
    out = []
    for code, kinds in sorted(by_cur.items()):
        cur = currency(code)
        charges, refunds = -kinds.get("charge", 0), kinds.get("refund", 0)
        out.append(
            {
                "currency": code,
                "charges": format_amount(charges, cur),
                "refunds": format_amount(refunds, cur),
                "revenue": format_amount(charges - refunds, cur),
                "topups": format_amount(kinds.get("topup", 0), cur),
                "chargesMinor": charges,
            }
        )
    return out


OVERVIEW_KEY = "overview_cache"


async def cached(rt: Runtime, max_age: float = 5.0) -> Overview:
    """The overview, recomputed at most every `max_age` seconds per process."""
    hit = rt.extras.get(OVERVIEW_KEY)
    if isinstance(hit, tuple) and hit[0] > time.monotonic():
        value: Overview = hit[1]
        return value
    async with rt.db.read() as conn:
        value = await overview(conn)
    rt.extras[OVERVIEW_KEY] = (time.monotonic() + max_age, value)
    return value
