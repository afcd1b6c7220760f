"""The operator console in-process, on both databases: login, CSRF, sessions, actions."""

from __future__ import annotations

import httpx

from otpvirt.admin import audit
from otpvirt.admin import service as admins
from otpvirt.runtime import Runtime
from tests.support import factory
from tests.web.conftest import console_login, csrf_of, make_operator, portal_login


async def test_pages_need_a_login(api: httpx.AsyncClient, rt: Runtime) -> None:
    for path in ("/console", "/console/clients", "/console/audit", "/console/activations/table"):
        resp = await api.get(path)
        assert resp.status_code == 303 and resp.headers["location"].startswith("/console/login")
    htmx = await api.get("/console/activations/table", headers={"HX-Request": "true"})
    assert htmx.headers["hx-redirect"].startswith("/console/login")
    forged = await api.post("/console/clients", data={"name": "x"})
    assert forged.status_code == 303  # to the login page; nothing created
    async with rt.db.read() as conn:
        assert await conn.fetchval("SELECT COUNT(*) FROM clients") == 0


async def test_login_with_password_or_token(api: httpx.AsyncClient, rt: Runtime) -> None:
    await make_operator(rt)
    wrong = await console_login(api, password="not-the-password")
    assert wrong.status_code == 401 and "wrong password" in wrong.text
    assert "otpvirt_console" not in api.cookies
    resp = await console_login(api)
    assert resp.status_code == 303 and resp.headers["location"] == "/console"
    cookie = next(
        h for h in resp.headers.get_list("set-cookie") if h.startswith("otpvirt_console=")
    )
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Path=/console" in cookie
    assert "Secure" not in cookie  # plain HTTP here; see the HTTPS test
    overview = await api.get("/console")
    assert overview.status_code == 200 and "user:alice" in overview.text
    assert overview.headers["x-frame-options"] == "DENY"

    api.cookies.clear()
    async with rt.db.transaction() as conn:
        token = await admins.create_token(conn, "night-shift")
    assert (await console_login(api, username="", password="", token=token)).status_code == 303
    assert "token:night-shift" in (await api.get("/console")).text
    # Revoking the token ends the session at once.
    async with rt.db.transaction() as conn:
        await admins.revoke_token(conn, "night-shift")
    assert (await api.get("/console")).status_code == 303


async def test_login_form_needs_its_csrf_token(api: httpx.AsyncClient, rt: Runtime) -> None:
    await make_operator(rt)
    await api.get("/console/login")
    resp = await api.post(
        "/console/login", data={"csrf": "forged", "username": "alice", "password": "x" * 19}
    )
    assert resp.status_code == 403
    assert "otpvirt_console" not in api.cookies


async def test_actions_need_the_session_csrf_and_are_audited(
    api: httpx.AsyncClient, rt: Runtime
) -> None:
    await make_operator(rt)
    await console_login(api)
    c = await factory.client(rt, balance=100)
    page = await api.get(f"/console/clients/{c.id}")
    token = csrf_of(page.text)
    no_token = await api.post(f"/console/clients/{c.id}/balance", data={"amount": "5"})
    assert no_token.status_code == 403
    bad = await api.post(
        f"/console/clients/{c.id}/balance", data={"amount": "5", "csrf": token + "x"}
    )
    assert bad.status_code == 403
    ok = await api.post(f"/console/clients/{c.id}/balance", data={"amount": "5", "csrf": token})
    assert ok.status_code == 303
    after = await api.get(ok.headers["location"])
    assert "balance topped up" in after.text and "6.00 USD" in after.text
    refused = await api.post(
        f"/console/clients/{c.id}/balance",
        data={"amount": "-1", "kind": "adjustment", "note": "", "csrf": token},
    )
    assert "needs a reason" in (await api.get(refused.headers["location"])).text
    # htmx requests send the token as a header.
    via_header = await api.post(
        f"/console/clients/{c.id}/enabled",
        data={"enabled": "false"},
        headers={"X-CSRF-Token": token},
    )
    assert via_header.status_code == 303
    async with rt.db.read() as conn:
        log = await audit.list_entries(conn, target=c.id)
    assert [(e.actor, e.action) for e in log] == [
        ("user:alice", "client.disable"),
        ("user:alice", "client.topup"),
    ]


async def test_secrets_are_shown_once(api: httpx.AsyncClient, rt: Runtime) -> None:
    await make_operator(rt)
    await console_login(api)
    token = csrf_of((await api.get("/console/clients")).text)
    created = await api.post(
        "/console/clients", data={"name": "Acme", "balance": "3", "csrf": token}
    )
    assert created.status_code == 200 and 'id="secret"' in created.text
    async with rt.db.read() as conn:
        cid = await conn.fetchval("SELECT id FROM clients")
    assert "3.00 USD" in (await api.get(f"/console/clients/{cid}")).text


async def test_csv_import_reports_each_row(api: httpx.AsyncClient, rt: Runtime) -> None:
    await make_operator(rt)
    await console_login(api)
    token = csrf_of((await api.get("/console/numbers")).text)
    csv = b"number,country,provider\n992110000001,tajikistan,indigo\nbogus,tajikistan,indigo\n"
    resp = await api.post(
        "/console/numbers/import",
        files={"file": ("pool.csv", csv, "text/csv")},
        headers={"X-CSRF-Token": token, "HX-Request": "true"},
    )
    assert "added 1, skipped 0, invalid 1" in resp.text
    assert "6-15 digits" in resp.text and ">3<" in resp.text
    assert "+992110000001" in (await api.get("/console/numbers")).text


async def test_overview_and_lists_render(api: httpx.AsyncClient, rt: Runtime) -> None:
    await make_operator(rt)
    await factory.price(rt, "tajikistan", "vi", "0.05")
    await factory.numbers(rt, "tajikistan", "indigo", 4)
    await console_login(api)
    page = await api.get("/console")
    assert '<svg class="chart"' in page.text and 'id="free-numbers">4<' in page.text
    for path in (
        "/console/clients",
        "/console/numbers",
        "/console/sources",
        "/console/prices",
        "/console/activations",
        "/console/sms",
        "/console/webhooks",
        "/console/audit",
        "/console/overview/live",
        "/console/activations/table",
    ):
        assert (await api.get(path)).status_code == 200, path


async def test_cookies_are_secure_over_https(rt: Runtime) -> None:
    from otpvirt.app import create_app

    await make_operator(rt)
    transport = httpx.ASGITransport(app=create_app(runtime=rt))
    async with httpx.AsyncClient(transport=transport, base_url="https://otpvirt.test") as web:
        resp = await console_login(web)
    cookie = next(
        h for h in resp.headers.get_list("set-cookie") if h.startswith("otpvirt_console=")
    )
    assert "Secure" in cookie


async def test_a_client_session_is_no_console_session(api: httpx.AsyncClient, rt: Runtime) -> None:
    c = await factory.client(rt)
    assert (await portal_login(api, c.id, c.password)).status_code == 303
    portal_cookie = api.cookies.get("otpvirt_portal")
    assert portal_cookie
    # The portal's cookie presented to the console, as if its path allowed it.
    api.cookies.set("otpvirt_console", portal_cookie, domain="otpvirt.test", path="/console")
    assert (await api.get("/console")).status_code == 303
    assert (await api.get("/admin/v1/clients")).status_code == 401
    headers = {"Authorization": f"Bearer {portal_cookie}"}
    assert (await api.get("/admin/v1/clients", headers=headers)).status_code == 401
