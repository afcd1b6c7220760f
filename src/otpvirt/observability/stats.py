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
from otpvirt.observability import repository as repo
from otpvirt.runtime import Runtime

BUCKET_MS = 600_000  # 10 minutes
DAY_MS = 86_400_000
BUCKETS = DAY_MS // BUCKET_MS


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
    live_rentals: int = 0
    series: dict[str, list[int]] = field(default_factory=dict)
    series_currency: str | None = None


async def availability(conn: Conn) -> list[dict[str, Any]]:
    """Numbers that could be leased now, per country, operator and offered service."""
    free = {(r.country_id, r.provider_id): int(r.number) for r in await repo.free_numbers(conn)}
    used = {
        (r.country_id, r.provider_id, r.service_id): int(r.number)
        for r in await repo.used_free_numbers(conn)
    }
    providers: dict[int, list[tuple[int, str]]] = {}
    for p in await repo.providers(conn):
        providers.setdefault(int(p.country_id), []).append((int(p.id), p.name))
    out = []
    for o in await repo.offers(conn):
        for provider_id, provider in providers.get(int(o.country_id), []):
            total = free.get((o.country_id, provider_id), 0)
            left = total - used.get((o.country_id, provider_id, o.service_id), 0)
            out.append(
                {
                    "country": o.country,
                    "provider": provider,
                    "service": o.service,
                    "available": left,
                }
            )
    return out


async def _rates(conn: Conn, by: str, since: int) -> list[dict[str, Any]]:
    return [
        {
            "name": r.name,
            "leased": r.leased,
            "withSms": r.with_sms,
            "rate": round(r.with_sms / r.leased, 3) if r.leased else None,
        }
        for r in await repo.rates(conn, by, since)
    ]


def _series(buckets: list[repo.Bucket], since: int) -> list[int]:
    values = [0] * BUCKETS
    first = since // BUCKET_MS
    for b in buckets:
        index = b.bucket - first
        if 0 <= index < BUCKETS:
            values[index] += b.number
    return values


async def overview(conn: Conn, now: int | None = None) -> Overview:
    """Compute the overview now."""
    now = now or now_ms()
    day_ago = now - DAY_MS
    midnight = now - now % DAY_MS
    live = {r.label: r.number for r in await repo.live_leases(conn)}
    sms_minute = await repo.sms_since(conn, now - 60_000)
    sms_hour = await repo.sms_since(conn, now - 3_600_000)
    money = [
        {"currency": m.currency, "kind": m.kind, "minor": m.total}
        for m in await repo.money_since(conn, midnight)
    ]
    money_today = _money(money)
    # The time series use the busiest currency of the day (most operators price in one).
    main = max(money_today, key=lambda m: m["chargesMinor"])["currency"] if money_today else None
    start = (now // BUCKET_MS - BUCKETS + 1) * BUCKET_MS
    series = {
        "sms": _series(await repo.sms_buckets(conn, start, BUCKET_MS), start),
        "leases": _series(await repo.lease_buckets(conn, start, BUCKET_MS), start),
    }
    if main is not None:
        revenue = await repo.revenue_buckets(conn, start, BUCKET_MS, currency(main).code)
        series["revenueMinor"] = _series(revenue, start)
        rent = await repo.revenue_buckets(
            conn, start, BUCKET_MS, currency(main).code, rentals_only=True
        )
        series["rentRevenueMinor"] = _series(rent, start)
    return Overview(
        at=now,
        free_numbers=await repo.free_number_count(conn),
        live_rentals=await repo.live_rentals(conn),
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
