"""Prometheus metrics: per-process counters, and figures read from the database.

Request, webhook and latency metrics are counted in each process; with
`serve --workers N` they live in `PROMETHEUS_MULTIPROC_DIR` (set by `serve`) and a
scrape of any process sees the sum. Figures about the whole service (activations by
state, numbers available, SMS per source, sweeper lag) are read from the database by
whichever process answers the scrape, at most every 15 s, never per request.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from otpvirt.clock import now_ms
from otpvirt.db import Conn
from otpvirt.observability import repository as repo
from otpvirt.observability import stats
from otpvirt.runtime import Runtime

LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

REQUESTS = Counter(
    "otpvirt_requests_total",
    "Requests by API method (or HTTP area) and outcome (ok, an error reason, or 2xx/4xx/5xx).",
    ["method", "outcome"],
)
LATENCY = Histogram(
    "otpvirt_request_duration_seconds",
    "Time to answer a request, by API method (or HTTP area).",
    ["method"],
    buckets=LATENCY_BUCKETS,
)
WEBHOOKS = Counter(
    "otpvirt_webhook_deliveries_total",
    "Webhook delivery attempts by outcome: delivered, retry (will be tried again), failed.",
    ["outcome"],
)
WEBHOOK_LATENCY = Histogram(
    "otpvirt_webhook_attempt_duration_seconds",
    "Time a webhook attempt took, until the receiver answered or the attempt failed.",
    buckets=LATENCY_BUCKETS,
)
REFRESH_SECONDS = 15.0
SETTLE_MS = 5_000
KEY = "db_metrics"


@dataclass
class DbFigures:
    """Service-wide figures from the database, refreshed at most every 15 s."""

    activations: dict[str, int] = field(default_factory=dict)
    available: dict[tuple[str, str], int] = field(default_factory=dict)
    sms_by_source: dict[str, int] = field(default_factory=dict)
    sms_counted_until: int | None = None
    sweeper_lag: float = 0.0
    refreshed: float = 0.0

    async def refresh(self, conn: Conn) -> None:
        """Read the figures; SMS are counted incrementally by creation time."""
        now = now_ms()
        # Two indexed reads: every live lease (partial index), finished ones of the last day.
        live = await repo.live_leases(conn)
        ended = await repo.ended_leases_since(conn, now - stats.DAY_MS)
        self.activations = {"waiting": 0, "sms_received": 0}
        self.activations.update({r.label: r.number for r in [*live, *ended]})
        available: dict[tuple[str, str], int] = {}
        for row in await stats.availability(conn):
            key = (row["country"], row["service"])
            available[key] = available.get(key, 0) + row["available"]
        self.available = available
        # Rows older than a few seconds are committed: count each once, from the last mark.
        until = now - SETTLE_MS
        for r in await repo.sms_per_source(conn, self.sms_counted_until, until):
            self.sms_by_source[r.label] = self.sms_by_source.get(r.label, 0) + r.number
        self.sms_counted_until = until
        oldest = await repo.oldest_overdue_lease(conn, now)
        self.sweeper_lag = 0.0 if oldest is None else (now - oldest) / 1000
        self.refreshed = time.monotonic()


class DbCollector(Collector):
    """Exposes the last `DbFigures` read."""

    def __init__(self, figures: DbFigures) -> None:
        self.figures = figures

    def collect(self) -> Iterator[Metric]:
        f = self.figures
        acts = GaugeMetricFamily(
            "otpvirt_activations",
            "Activations by state: live ones, and all created in the last 24 hours.",
            labels=["state"],
        )
        for state, count in sorted(f.activations.items()):
            acts.add_metric([state], count)
        yield acts
        avail = GaugeMetricFamily(
            "otpvirt_numbers_available",
            "Numbers that could be leased now, per country and offered service.",
            labels=["country", "service"],
        )
        for (country, service), count in sorted(f.available.items()):
            avail.add_metric([country, service], count)
        yield avail
        sms = CounterMetricFamily(
            "otpvirt_sms_ingested", "SMS stored, per source (all processes).", labels=["source"]
        )
        for source, count in sorted(f.sms_by_source.items()):
            sms.add_metric([source], count)
        yield sms
        yield GaugeMetricFamily(
            "otpvirt_sweeper_lag_seconds",
            "How long the oldest lease past its end has waited to be expired (0 = none).",
            value=f.sweeper_lag,
        )


def _process_registry() -> CollectorRegistry | None:
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return None  # the default registry
    from prometheus_client import multiprocess

    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    return registry


async def exposition(rt: Runtime) -> bytes:
    """The /metrics body: this process's (or all processes') counters plus database figures."""
    found = rt.extras.get(KEY)
    if not isinstance(found, tuple):
        figures = DbFigures()
        registry = CollectorRegistry(auto_describe=False)
        registry.register(DbCollector(figures))
        found = (figures, registry)
        rt.extras[KEY] = found
    figures, db_registry = found
    if time.monotonic() - figures.refreshed >= REFRESH_SECONDS:
        async with rt.db.read() as conn:
            await figures.refresh(conn)
    from prometheus_client import REGISTRY

    process = _process_registry() or REGISTRY
    return bytes(generate_latest(process) + generate_latest(db_registry))
