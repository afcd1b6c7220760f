"""`/healthz`, `/readyz` and `/metrics` in-process, on both databases."""

from __future__ import annotations

import re
from pathlib import Path

import httpx

from otpvirt.app import create_app
from otpvirt.db import in_transaction, migrate
from otpvirt.observability import metrics
from otpvirt.runtime import Runtime
from otpvirt.sms.service import ingest
from tests.conftest import make_settings
from tests.support import factory


async def test_healthz_and_readyz(api: httpx.AsyncClient, rt: Runtime) -> None:
    head = migrate.head_revision()
    assert (await api.get("/healthz")).json() == {"status": "ok"}
    ready = await api.get("/readyz")
    assert ready.status_code == 200 and ready.json()["schema"] == head
    async with rt.db.transaction() as conn:
        await conn.execute("UPDATE alembic_version SET version_num = '0008'")
    stale = await api.get("/readyz")
    assert stale.status_code == 503
    assert stale.json() == {
        "status": "unavailable",
        "database": "ok",
        "schema": "0008",
        "expected": head,
    }


async def test_readyz_when_the_database_is_gone(tmp_path: Path) -> None:
    settings = make_settings("postgresql://postgres@127.0.0.1:1/nowhere", tmp_path)
    rt = Runtime.open(settings)
    transport = httpx.ASGITransport(app=create_app(runtime=rt))
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        assert (await client.get("/healthz")).status_code == 200
        resp = await client.get("/readyz")
    await rt.close()
    assert resp.status_code == 503 and resp.json()["database"] == "unreachable"


def _value(text: str, name: str, **labels: str) -> float:
    """A sample's value from the exposition text (0 when absent)."""
    want = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
    for line in text.splitlines():
        m = re.match(r"^([a-z_]+)(?:\{(.*)\})? (\S+)$", line)
        if m and m.group(1) == name:
            got = ",".join(sorted((m.group(2) or "").split(","))) if m.group(2) else ""
            if got == want:
                return float(m.group(3))
    return 0.0


async def test_metrics_count_requests_and_read_the_database(
    api: httpx.AsyncClient, rt: Runtime
) -> None:
    await factory.price(rt, "tajikistan", "vi", "0.05")
    await factory.numbers(rt, "tajikistan", "indigo", 3, source="modem-a")
    c = await factory.client(rt, balance=100)
    before = (await api.get("/metrics")).text
    for _ in range(3):
        await api.post("/native/GetBalance", json=c.creds())
    await api.post("/native/GetBalance", json={**c.creds(), "apiPassword": "wrong-password"})
    leased = await api.post(
        "/native/GetNumber", json=c.creds(service="vi", detail={"country": "tajikistan"})
    )
    phone = leased.json()["number"]
    async with rt.db.transaction() as conn:
        source_id = await conn.fetchval("SELECT id FROM sources WHERE name = 'modem-a'")
    await in_transaction(
        rt.db, ingest, to=phone, sender="Viber", text="Your code is 123456", source_id=source_id
    )
    found = rt.extras[metrics.KEY]
    assert isinstance(found, tuple)
    figures = found[0]
    async with rt.db.transaction() as conn:
        # Make the SMS older than the settle time but newer than the last count.
        await conn.execute(
            "UPDATE sms_messages SET created_at = :t", {"t": figures.sms_counted_until + 1}
        )
    figures.refreshed = 0.0
    await api.get("/stubs/handler_api.php", params={"action": "getBalance"})

    text = (await api.get("/metrics")).text
    ok_before = _value(before, "otpvirt_requests_total", method="GetBalance", outcome="ok")
    assert _value(text, "otpvirt_requests_total", method="GetBalance", outcome="ok") == (
        ok_before + 3
    )
    assert (
        _value(text, "otpvirt_requests_total", method="GetBalance", outcome="bad_credentials") >= 1
    )
    assert _value(text, "otpvirt_request_duration_seconds_count", method="GetNumber") >= 1
    assert _value(text, "otpvirt_requests_total", method="http:smsactivate", outcome="2xx") >= 1
    assert _value(text, "otpvirt_activations", state="sms_received") == 1
    assert _value(text, "otpvirt_numbers_available", country="tajikistan", service="vi") == 2
    assert _value(text, "otpvirt_sms_ingested_total", source="modem-a") == 1
    assert _value(text, "otpvirt_sweeper_lag_seconds") == 0


async def test_sweeper_lag_shows_an_overdue_lease(api: httpx.AsyncClient, rt: Runtime) -> None:
    await factory.price(rt, "tajikistan", "vi", "0.05")
    await factory.numbers(rt, "tajikistan", "indigo", 1)
    c = await factory.client(rt, balance=100)
    await api.post(
        "/native/GetNumber", json=c.creds(service="vi", detail={"country": "tajikistan"})
    )
    async with rt.db.transaction() as conn:
        await conn.execute("UPDATE activations SET expires_at = expires_at - 1300000")
    text = (await api.get("/metrics")).text
    assert 90 <= _value(text, "otpvirt_sweeper_lag_seconds") <= 200


async def test_request_id_is_taken_or_made(api: httpx.AsyncClient, rt: Runtime) -> None:
    made = await api.get("/healthz")
    assert re.fullmatch(r"[0-9a-f]{16}", made.headers["x-request-id"])
    given = await api.get("/healthz", headers={"X-Request-ID": "abc-123"})
    assert given.headers["x-request-id"] == "abc-123"
    odd = await api.get("/healthz", headers={"X-Request-ID": "no spaces <allowed>"})
    assert odd.headers["x-request-id"] != "no spaces <allowed>"
    c = await factory.client(rt)
    native = await api.post("/native/GetBalance", json=c.creds(), headers={"X-Request-ID": "n-1"})
    assert native.headers["x-request-id"] == "n-1"
