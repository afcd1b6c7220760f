"""Webhook attempts are counted by outcome and timed (Prometheus)."""

from __future__ import annotations

import httpx

from otpvirt.observability.metrics import WEBHOOK_LATENCY, WEBHOOKS
from otpvirt.runtime import Runtime
from otpvirt.worker.runner import Worker
from tests.support.receiver import Receiver, fail_first
from tests.support.wait import until
from tests.webhook.conftest import lease, sms


def _count(outcome: str) -> float:
    return WEBHOOKS.labels(outcome)._value.get()


def _timed() -> float:
    [metric] = WEBHOOK_LATENCY.collect()
    return next(s.value for s in metric.samples if s.name.endswith("_count"))


async def test_attempts_are_counted_by_outcome(
    rt: Runtime, api: httpx.AsyncClient, worker: Worker
) -> None:
    before = {o: _count(o) for o in ("delivered", "retry")}
    timed = _timed()
    async with Receiver(fail_first(1)) as rx:
        got = await lease(rt, api, rx.url)
        await sms(rt, got.phone, "Your code 481516")
        await rx.wait_for(lambda _r: rx.answered[-1:] == [200])
    await until(lambda: _count("delivered") == before["delivered"] + 1)
    assert _count("retry") == before["retry"] + 1
    assert _count("delivered") == before["delivered"] + 1
    assert _timed() == timed + 2
    text = (await api.get("/metrics")).text
    assert 'otpvirt_webhook_deliveries_total{outcome="delivered"}' in text
