"""Bad ids and filters are 404/400 pages, never 500s; a client that leaves is not an error.

Issue 15, item 9.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from fastapi.routing import APIRoute
from prometheus_client import REGISTRY

from otpvirt.app import create_app
from otpvirt.console import endpoints as console_endpoints
from otpvirt.console import login as console_login_routes
from otpvirt.portal import endpoints as portal_endpoints
from otpvirt.runtime import Runtime
from tests.support import factory
from tests.support.gateway import source
from tests.web.conftest import console_login, csrf_of, make_operator, portal_login

UNKNOWN = str(uuid.uuid4())


async def _buy(api: httpx.AsyncClient, c: factory.TestClient) -> str:
    got = (
        await api.post(
            "/native/GetNumber", json=c.creds(service="vi", detail={"country": "tajikistan"})
        )
    ).json()
    assert got["status"] == 2, got
    return str(got["activationId"])


async def _shop(rt: Runtime) -> None:
    await factory.price(rt, "tajikistan", "vi", "0.05")
    await factory.numbers(rt, "tajikistan", "indigo", 3)


def _page(resp: httpx.Response, status: int | tuple[int, ...]) -> None:
    wanted = status if isinstance(status, tuple) else (status,)
    assert resp.status_code in wanted, (resp.request.url, resp.status_code, resp.text[:300])
    assert resp.headers["content-type"].startswith("text/html"), resp.headers
    assert "Traceback" not in resp.text and "<html" in resp.text.lower()


async def test_console_bad_ids_and_filters(api: httpx.AsyncClient, rt: Runtime) -> None:
    await make_operator(rt)
    await console_login(api)
    for path in ("/console/clients/xyz", "/console/activations/xyz"):
        _page(await api.get(path), (400, 404))
    for path in (
        f"/console/clients/{UNKNOWN}",
        f"/console/activations/{UNKNOWN}",
        "/console/webhooks/xyz",
        f"/console/webhooks/msg_{UNKNOWN}",
    ):
        _page(await api.get(path), 404)
    for path in (
        "/console/activations?state=bogus",
        "/console/activations/table?state=bogus",
        "/console/webhooks?state=bogus",
        "/console/numbers?state=bogus",
        "/console/clients?page=abc",
        "/console/sms?number=abc",
        "/console/activations?client=xyz",
    ):
        _page(await api.get(path), 400)
    # A page that is not there at all.
    _page(await api.get("/console/nothing-here"), 404)


async def test_portal_bad_and_foreign_ids(api: httpx.AsyncClient, rt: Runtime) -> None:
    await _shop(rt)
    owner, other = await factory.client(rt), await factory.client(rt)
    theirs = await _buy(api, other)
    await portal_login(api, owner.id, owner.password)
    for guid in ("xyz", UNKNOWN, theirs):
        _page(await api.get(f"/portal/activations/{guid}/status"), (400, 404))
    # Another client's activation is answered exactly like an unknown one.
    foreign = await api.get(f"/portal/activations/{theirs}/status")
    unknown = await api.get(f"/portal/activations/{UNKNOWN}/status")
    assert foreign.status_code == unknown.status_code == 404
    assert foreign.text == unknown.text
    _page(await api.get("/portal/history?page=abc"), 400)


BOGUS_VALUES = ["bogus", "-1", "0", "99999999999999999999999", "%00", "\u202e", "x" * 3000]


def _get_routes(area: str) -> list[APIRoute]:
    routers = {
        "/console": [console_endpoints.router, console_login_routes.router],
        "/portal": [portal_endpoints.router],
    }[area]
    return [
        r
        for router in routers
        for r in router.routes
        if isinstance(r, APIRoute) and r.path.startswith(area) and "GET" in (r.methods or set())
    ]


@pytest.mark.parametrize("area", ["/console", "/portal"])
async def test_no_page_answers_500_to_any_bogus_parameter(
    api: httpx.AsyncClient, rt: Runtime, area: str
) -> None:
    """Every GET page, each path and query parameter set to values a prober would try."""
    await _shop(rt)
    c = await factory.client(rt)
    act = await _buy(api, c)
    if area == "/console":
        await make_operator(rt)
        await console_login(api)
    else:
        await portal_login(api, c.id, c.password)
    checked = 0
    for route in _get_routes(area):
        names = [p.name for p in route.dependant.path_params]
        queries = [p.alias for p in route.dependant.query_params]
        for value in [*BOGUS_VALUES, UNKNOWN, act]:
            path = route.path
            for name in names:
                path = path.replace("{" + name + "}", quote(value, safe=""))
            params: dict[str, Any] = {q: value for q in queries}
            resp = await api.get(path, params=params)
            assert resp.status_code < 500, (path, params, resp.status_code, resp.text[:300])
            checked += 1
    assert checked > 50


def _counted(method: str, outcome: str) -> float:
    value = REGISTRY.get_sample_value(
        "otpvirt_requests_total", {"method": method, "outcome": outcome}
    )
    return value or 0.0


async def _disconnecting(app: Any, path: str, content_type: bytes) -> list[dict[str, Any]]:
    """POST half a body, then hang up (what a client closing mid-upload looks like)."""
    messages: list[dict[str, Any]] = [
        {"type": "http.request", "body": b'{"clientId": "', "more_body": True},
        {"type": "http.disconnect"},
    ]
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"content-type", content_type), (b"content-length", b"1000")],
        "client": ("192.0.2.7", 5555),
        "server": ("otpvirt.test", 80),
        "state": {},
    }
    await app(scope, receive, send)
    return sent


async def test_a_client_leaving_mid_body_is_no_internal_error(
    rt: Runtime, caplog: pytest.LogCaptureFixture
) -> None:
    _, token = await source(rt)
    app = create_app(runtime=rt)
    before = {
        "native": _counted("GetBalance", "internal_error"),
        "gateway": _counted("http:gateway", "5xx"),
        "console": _counted("http:console", "5xx"),
        "smsactivate": _counted("http:smsactivate", "5xx"),
    }
    caplog.set_level(logging.INFO)
    await _disconnecting(app, "/native/GetBalance", b"application/json")
    await _disconnecting(app, "/gateway/v1/sms", b"application/json")
    await _disconnecting(app, "/console/login", b"application/x-www-form-urlencoded")
    await _disconnecting(app, "/stubs/handler_api.php", b"application/x-www-form-urlencoded")
    after = {
        "native": _counted("GetBalance", "internal_error"),
        "gateway": _counted("http:gateway", "5xx"),
        "console": _counted("http:console", "5xx"),
        "smsactivate": _counted("http:smsactivate", "5xx"),
    }
    assert after == before
    assert _counted("GetBalance", "client_disconnected") >= 1
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == [], [r.getMessage() for r in errors]
    del token


async def test_the_page_not_found_is_html_for_people_and_json_for_programs(
    api: httpx.AsyncClient, rt: Runtime
) -> None:
    csrf_of((await api.get("/console/login")).text)  # the console answers
    assert (
        (await api.get("/admin/v1/nothing")).headers["content-type"].startswith("application/json")
    )
    _page(await api.get("/portal/nothing-here"), 404)
