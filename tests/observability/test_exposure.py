"""What a stranger on the network may read: /metrics and the admin part of /openapi.json.

Issue 15, items 10 and 13.
"""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from otpvirt.admin import service as admins
from otpvirt.app import create_app
from otpvirt.config import Settings
from otpvirt.runtime import Runtime
from otpvirt.web.exposure import serve_advice
from tests.conftest import make_settings
from tests.support.server import start_server, stop_server

REMOTE = ("203.0.113.5", 40000)


def _client(rt: Runtime, peer: tuple[str, int] = REMOTE) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=create_app(runtime=rt), client=peer)
    return httpx.AsyncClient(transport=transport, base_url="http://otpvirt.test")


@pytest.fixture
async def remote(rt: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    async with _client(rt) as client:
        yield client


async def test_metrics_without_a_token_are_for_loopback_only(
    api: httpx.AsyncClient, remote: httpx.AsyncClient
) -> None:
    assert (await api.get("/metrics")).status_code == 200  # a local Prometheus
    refused = await remote.get("/metrics")
    assert refused.status_code == 403, refused.text
    assert "OTPVIRT_METRICS_TOKEN" in refused.json()["message"]
    assert "otpvirt_" not in refused.text
    # Through a proxy on the same host the peer is loopback, but the request is not local.
    proxied = await api.get("/metrics", headers={"X-Forwarded-For": "203.0.113.5"})
    assert proxied.status_code == 403
    assert (await api.get("/metrics", headers={"Forwarded": "for=1.2.3.4"})).status_code == 403


async def test_metrics_with_a_token_are_for_whoever_has_it(
    tmp_path: Path, database_url: str
) -> None:
    rt = Runtime.open(make_settings(database_url, tmp_path, metrics_token="s3cret-token"))
    try:
        async with _client(rt) as remote:
            assert (await remote.get("/metrics")).status_code == 401
            wrong = await remote.get("/metrics", headers={"Authorization": "Bearer nope"})
            assert wrong.status_code == 401
            ok = await remote.get("/metrics", headers={"Authorization": "Bearer s3cret-token"})
            assert ok.status_code == 200 and "otpvirt_requests_total" in ok.text
    finally:
        await rt.close()


async def test_openapi_shows_the_admin_api_to_admins_only(
    remote: httpx.AsyncClient, rt: Runtime
) -> None:
    public = (await remote.get("/openapi.json")).json()
    assert "/native/GetNumber" in public["paths"]
    assert "/gateway/v1/sms" in public["paths"]
    assert not [p for p in public["paths"] if p.startswith("/admin/")]
    schemas = public["components"]["schemas"]
    assert "GetNumberRequest" in schemas or any(k.startswith("GetNumber") for k in schemas)
    for admin_only in ("NewClient", "Adjustment", "BalanceChange", "NewCountry", "Price"):
        assert admin_only not in schemas, admin_only
    assert "admin API" not in {t.get("name") for t in public.get("tags", [])}
    assert "Bearer" not in str(public.get("components", {}).get("securitySchemes", ""))

    async with rt.db.transaction() as conn:
        token = await admins.create_token(conn, "docs-reader")
    full = await remote.get("/openapi.json", headers={"Authorization": f"Bearer {token}"})
    assert full.status_code == 200
    assert "/admin/v1/clients" in full.json()["paths"]
    assert "NewClient" in full.json()["components"]["schemas"]
    bad = await remote.get("/openapi.json", headers={"Authorization": "Bearer adm_forged"})
    assert bad.status_code == 401
    # The interactive documentation still works, on the public document.
    docs = await remote.get("/docs")
    assert docs.status_code == 200 and "/openapi.json" in docs.text
    assert (await remote.get("/redoc")).status_code == 200


def test_serve_advice_on_exposed_addresses() -> None:
    plain = Settings()
    assert serve_advice("127.0.0.1", plain) == []
    assert serve_advice("::1", plain) == []
    assert serve_advice("localhost", plain) == []
    exposed = "\n".join(serve_advice("0.0.0.0", plain))
    assert "OTPVIRT_METRICS_TOKEN" in exposed and "loopback" in exposed
    assert "nginx" in exposed and "OTPVIRT_BEHIND_PROXY" in exposed
    assert len(serve_advice("192.0.2.10", plain)) == len(serve_advice("0.0.0.0", plain)) == 2
    assert len(serve_advice("otpvirt.example", plain)) == 2
    ready = Settings(metrics_token="t" * 32, behind_proxy=True)
    assert serve_advice("0.0.0.0", ready) == []
    proxied = "\n".join(serve_advice("::", Settings(behind_proxy=True)))
    assert "nginx" not in proxied and "OTPVIRT_METRICS_TOKEN" in proxied


def _own_address() -> str | None:
    """A non-loopback address of this machine, if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.1", 9))  # no packet is sent
        except OSError:
            return None
        address = str(s.getsockname()[0])
    return None if address.startswith("127.") or address == "0.0.0.0" else address


def test_serve_on_all_interfaces_prints_the_advice(tmp_path: Path) -> None:
    server = start_server(tmp_path, "--host", "0.0.0.0")
    try:
        assert httpx.get(f"{server.base}/metrics").status_code == 200  # loopback
        own = _own_address()
        if own is not None:
            remote = httpx.get(server.base.replace("127.0.0.1", own) + "/metrics")
            assert remote.status_code == 403, remote.text
    finally:
        stop_server(server)
    log = (tmp_path / "serve.log").read_text()
    assert "OTPVIRT_METRICS_TOKEN" in log, log
    assert "deploy/nginx/otpvirt.conf" in log and "OTPVIRT_BEHIND_PROXY" in log, log
