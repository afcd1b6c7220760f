"""The client portal in-process, on both databases."""

from __future__ import annotations

import re

import httpx

from otpvirt.db import in_transaction
from otpvirt.runtime import Runtime
from otpvirt.sms.service import ingest
from tests.support import factory
from tests.web.conftest import csrf_of, portal_login


async def _shop(rt: Runtime) -> factory.TestClient:
    await factory.price(rt, "tajikistan", "vi", "0.05")
    await factory.price(rt, "laos", "vi", "0.04")
    await factory.numbers(rt, "tajikistan", "indigo", 2)
    return await factory.client(rt, balance=100)


async def test_login_and_wrong_password(api: httpx.AsyncClient, rt: Runtime) -> None:
    c = await _shop(rt)
    assert (await api.get("/portal")).status_code == 303
    wrong = await portal_login(api, c.id, "not-my-password")
    assert wrong.status_code == 401 and "wrong apiPassword" in wrong.text
    assert "otpvirt_portal" not in api.cookies
    ok = await portal_login(api, c.id, c.password)
    assert ok.status_code == 303
    home = await api.get("/portal")
    assert 'id="balance">1.00 USD<' in home.text
    # Quote: tajikistan has 2 numbers; laos is cheaper but has none.
    quote = await api.get("/portal/quote", params={"service": "vi", "country": "tajikistan"})
    assert 'id="price">0.05 USD<' in quote.text and 'id="available">2<' in quote.text


async def test_buy_watch_cancel_and_confirm(api: httpx.AsyncClient, rt: Runtime) -> None:
    c = await _shop(rt)
    await portal_login(api, c.id, c.password)
    token = csrf_of((await api.get("/portal")).text)
    assert (await api.post("/portal/buy", data={"service": "vi"})).status_code == 403
    bought = await api.post(
        "/portal/buy", data={"service": "vi", "country": "tajikistan", "csrf": token}
    )
    where = bought.headers["location"]
    assert where.startswith("/portal/activations/")
    page = await api.get(where)
    phone = int(re.search(r'id="number">\+(\d+)<', page.text).group(1))  # type: ignore[union-attr]
    assert "Waiting for the SMS" in (await api.get(where + "/status")).text
    cancelled = await api.post(where + "/cancel", data={"csrf": token})
    assert "0.05 USD refunded" in (await api.get(cancelled.headers["location"])).text

    second = await api.post(
        "/portal/buy", data={"service": "vi", "country": "tajikistan", "csrf": token}
    )
    where = second.headers["location"]
    phone = int(re.search(r'id="number">\+(\d+)<', (await api.get(where)).text).group(1))  # type: ignore[union-attr]
    await in_transaction(rt.db, ingest, to=phone, sender="Viber", text="Your code is 905526")
    status = await api.get(where + "/status")
    assert 'id="code">905526<' in status.text and 'id="cancel"' not in status.text
    await api.post(where + "/confirm", data={"csrf": token})
    final = await api.get(where + "/status")
    assert "completed" in final.text and "hx-trigger" not in final.text
    history = await api.get("/portal/history")
    assert history.text.count("+99255") == 2
    # "Use this number again": only on the one that got an SMS; a new lease of that number.
    assert history.text.count("Use this number again") == 1
    done_guid = where.rsplit("/", 1)[1]
    again = await api.post(f"/portal/reuse/{done_guid}", data={"csrf": token})
    reused = again.headers["location"]
    assert reused.startswith("/portal/activations/") and reused != where
    assert f'id="number">+{phone}<' in (await api.get(reused)).text
    # Busy now: refused with a message, nothing leased.
    refused = await api.post(f"/portal/reuse/{done_guid}", data={"csrf": token})
    assert refused.headers["location"].startswith("/portal/history")
    assert (await api.post(f"/portal/reuse/{done_guid}", data={})).status_code == 403


async def test_someone_elses_activation_is_not_found(api: httpx.AsyncClient, rt: Runtime) -> None:
    c = await _shop(rt)
    other = await factory.client(rt, balance=100)
    await portal_login(api, other.id, other.password)
    token = csrf_of((await api.get("/portal")).text)
    where = (
        await api.post(
            "/portal/buy", data={"service": "vi", "country": "tajikistan", "csrf": token}
        )
    ).headers["location"]
    api.cookies.clear()
    await portal_login(api, c.id, c.password)
    token = csrf_of((await api.get("/portal")).text)
    assert "no such activation" in (await api.get(where, follow_redirects=True)).text
    refused = await api.post(where + "/cancel", data={"csrf": token})
    shown = await api.get(refused.headers["location"], follow_redirects=True)
    assert "no such activation" in shown.text
    async with rt.db.read() as conn:
        assert await conn.fetchval("SELECT state FROM activations") == "waiting"


async def test_settings_webhook_and_api_key(api: httpx.AsyncClient, rt: Runtime) -> None:
    c = await _shop(rt)
    await portal_login(api, c.id, c.password)
    token = csrf_of((await api.get("/portal/settings")).text)
    hook = await api.post(
        "/portal/settings/webhook", data={"url": "https://me.example/otp", "csrf": token}
    )
    assert "whsec_" in hook.text
    key_page = await api.post("/portal/settings/api-key", data={"csrf": token})
    key = re.search(r'id="secret">([^<]+)<', key_page.text).group(1)  # type: ignore[union-attr]
    sa = await api.get("/stubs/handler_api.php", params={"api_key": key, "action": "getBalance"})
    assert sa.text == "ACCESS_BALANCE:1.00"


async def test_a_new_password_ends_the_session(api: httpx.AsyncClient, rt: Runtime) -> None:
    from otpvirt.admin import client_ops
    from otpvirt.admin.audit import Actor

    c = await _shop(rt)
    await portal_login(api, c.id, c.password)
    assert (await api.get("/portal")).status_code == 200
    await client_ops.set_password(rt, Actor("test"), c.id, "another-password-1")
    assert (await api.get("/portal")).status_code == 303
