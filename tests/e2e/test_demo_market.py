"""`serve --demo` with its market on: within seconds the console shows leases, SMS,
revenue and success rates made by simulated clients, marked demo; the printed demo
client is not one of them and still gets numbers in every country."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from decimal import Decimal

import httpx
import pytest

from tests.support.server import Server, start_server, stop_server
from tests.web.conftest import csrf_of


@pytest.fixture(scope="module")
def market(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    server = start_server(
        tmp_path_factory.mktemp("market"),
        demo_traffic=120,
        env={"OTPVIRT_SIMULATOR_DELAY": "0.5-1.5"},
    )
    yield server
    stop_server(server)


def _console(server: Server) -> httpx.Client:
    admin = json.loads((server.data_dir / "demo-admin.json").read_text())
    http = httpx.Client(base_url=server.base, timeout=10)
    form = http.get("/console/login")
    done = http.post(
        "/console/login",
        data={
            "csrf": csrf_of(form.text),
            "username": admin["username"],
            "password": admin["password"],
            "next": "/console",
        },
    )
    assert done.status_code in (200, 303), done.text[:300]
    return http


def _card(html: str, label: str) -> str:
    found = re.search(rf'<div class="label">{label}</div><div class="value"[^>]*>([^<]+)<', html)
    assert found, html[:2000]
    return found.group(1).strip()


def test_the_console_shows_the_market_at_work(market: Server) -> None:
    http = _console(market)
    try:
        deadline = time.monotonic() + 60
        while True:
            html = http.get("/console/overview/live").text
            revenue = Decimal(_card(html, r"Revenue today \(USD\)"))
            sms = int(re.search(r"(\d+) in the last hour", html).group(1))  # type: ignore[union-attr]
            if (revenue > 0 and sms > 0) or time.monotonic() > deadline:
                break
            time.sleep(1)
        assert revenue > 0 and sms > 0, html
        assert "No leases in the last 24 hours" not in html
        rates = re.findall(r'<td class="num">(\d+) %</td>', html)
        assert rates, html
        page = http.get("/console").text
        assert page.count('<rect class="bar"') >= 3  # SMS, leases and revenue charts
        clients = http.get("/console/clients").text
    finally:
        http.close()
    assert clients.count('class="badge demo"') == 3
    demo_row = next(r for r in clients.split("<tr>") if market.client_id in r)
    assert "badge demo" not in demo_row


def test_the_demo_client_gets_a_number_in_every_country(market: Server) -> None:
    creds = {"clientId": market.client_id, "apiPassword": market.password}
    with httpx.Client(base_url=market.base, timeout=10) as http:
        for country in ("tajikistan", "iran", "libyan", "afghanistan", "latvia", "serbia", "laos"):
            got = http.post(
                "/native/GetNumber",
                json={**creds, "service": "wa", "detail": {"country": country}},
            ).json()
            assert got["status"] == 2 and got["error"] == 0, (country, got)
            done = http.post(
                "/native/CancelActivation", json={**creds, "activationId": got["activationId"]}
            ).json()
            assert done == {"status": 2, "error": 0}
