"""Event subscriptions in the console (client page) and the portal (settings page), both
DBs: shown, changed through one audited action with the CSRF token, bad input refused."""

from __future__ import annotations

import re

import httpx

from otpvirt.admin import audit, client_ops
from otpvirt.admin.audit import Actor
from otpvirt.events.subscriptions import subscriptions_of
from otpvirt.runtime import Runtime
from tests.support import factory
from tests.web.conftest import console_login, csrf_of, make_operator, portal_login


def ticked(html: str) -> list[str]:
    """The event types ticked in the page's events form."""
    form = html.split('id="events-form"', 1)[1].split("</form>", 1)[0]
    return re.findall(r'name="events" value="([^"]+)" checked', form)


async def test_console_client_page_shows_and_edits_subscriptions(
    api: httpx.AsyncClient, rt: Runtime
) -> None:
    await make_operator(rt)
    await console_login(api)
    c = await factory.client(rt, balance=500)
    page = await api.get(f"/console/clients/{c.id}")
    assert ticked(page.text) == ["sms"]
    assert 'name="low_balance" size="8" value=""' in page.text
    token = csrf_of(page.text)
    form = {"events": ["balance.low", "activation.finished"], "low_balance": "2.50"}
    forged = await api.post(f"/console/clients/{c.id}/events", data=form)
    assert forged.status_code == 403
    ok = await api.post(f"/console/clients/{c.id}/events", data={**form, "csrf": token})
    assert ok.status_code == 303
    after = await api.get(ok.headers["location"])
    assert "event settings saved" in after.text
    assert ticked(after.text) == ["activation.finished", "balance.low"]
    assert 'value="2.50"' in after.text
    # Refused input changes nothing and says why.
    for bad, says in (
        ({"events": ["sms", "nope"], "low_balance": ""}, "unknown webhook event nope"),
        ({"low_balance": "1"}, "unknown webhook event (none)"),
        ({"events": ["sms"], "low_balance": "-1"}, "must not be negative"),
        ({"events": ["sms"], "low_balance": "0.001"}, "decimal places"),
    ):
        refused = await api.post(f"/console/clients/{c.id}/events", data={**bad, "csrf": token})
        assert says in (await api.get(refused.headers["location"])).text
    async with rt.db.read() as conn:
        subs = await subscriptions_of(conn, c.id)
        log = await audit.list_entries(conn, target=c.id)
    assert (subs.events, subs.low_balance) == ("activation.finished,balance.low", 250)
    assert [(e.actor, e.action) for e in log] == [("user:alice", "client.events")]
    assert log[0].before == {"events": "sms", "lowBalance": None}
    assert log[0].after == {"events": "activation.finished,balance.low", "lowBalance": "2.50"}
    # Cleared threshold: empty field.
    await api.post(
        f"/console/clients/{c.id}/events",
        data={"events": ["sms"], "low_balance": "", "csrf": token},
    )
    async with rt.db.read() as conn:
        subs = await subscriptions_of(conn, c.id)
    assert (subs.events, subs.low_balance) == ("sms", None)


async def test_portal_settings_edit_own_subscriptions_and_show_deliveries(
    api: httpx.AsyncClient, rt: Runtime
) -> None:
    await factory.price(rt, "tajikistan", "vi", "0.05")
    await factory.numbers(rt, "tajikistan", "indigo", 2)
    c = await factory.client(rt, balance=100)
    other = await factory.client(rt)
    await portal_login(api, c.id, c.password)
    page = await api.get("/portal/settings")
    assert ticked(page.text) == ["sms"] and "No deliveries yet." in page.text
    token = csrf_of(page.text)
    hook = await api.post(
        "/portal/settings/webhook",
        data={"url": "https://me.example/otp", "format": "native", "csrf": token},
    )
    assert hook.status_code == 200 and "whsec_" in hook.text  # the new secret, once
    form = {"events": ["activation.finished", "sms"], "low_balance": "0.99"}
    assert (await api.post("/portal/events", data=form)).status_code == 403
    ok = await api.post("/portal/events", data={**form, "csrf": token})
    assert ok.status_code == 303 and ok.headers["location"].startswith("/portal/settings")
    # A cancel queues activation.finished; the page lists it with state and attempts.
    leased = (
        await api.post(
            "/native/GetNumber", json=c.creds(service="vi", detail={"country": "tajikistan"})
        )
    ).json()
    await api.post("/native/CancelActivation", json=c.creds(activationId=leased["activationId"]))
    after = await api.get(ok.headers["location"])
    assert "Event settings saved." in after.text
    assert ticked(after.text) == ["sms", "activation.finished"] and 'value="0.99"' in after.text
    rows = after.text.split('id="deliveries"', 1)[1].split("</table>", 1)[0]
    assert "activation.finished" in rows and "pending" in rows
    assert f"/portal/activations/{leased['activationId']}" in rows
    assert re.search(r'<td class="num">0</td>', rows)
    async with rt.db.read() as conn:
        mine = await subscriptions_of(conn, c.id)
        theirs = await subscriptions_of(conn, other.id)
        log = await audit.list_entries(conn, target=c.id)
    assert (mine.events, mine.low_balance) == ("sms,activation.finished", 99)
    assert (theirs.events, theirs.low_balance) == ("sms", None)
    assert ("client:" + c.id, "client.events") in [(e.actor, e.action) for e in log]
    bad = await api.post("/portal/events", data={"events": ["rent.nope"], "csrf": token})
    assert "unknown webhook event rent.nope" in (await api.get(bad.headers["location"])).text


async def test_portal_shows_only_its_own_deliveries(api: httpx.AsyncClient, rt: Runtime) -> None:
    await factory.price(rt, "tajikistan", "vi", "0.05")
    await factory.numbers(rt, "tajikistan", "indigo", 2)
    c = await factory.client(rt)
    other = await factory.client(rt)
    actor = Actor("cli:test")
    for who in (c, other):
        await client_ops.set_webhook(
            rt, actor, who.id, "https://x.example/h", None, "sms,activation.finished"
        )
    leased = (
        await api.post(
            "/native/GetNumber", json=other.creds(service="vi", detail={"country": "tajikistan"})
        )
    ).json()
    await api.post(
        "/native/CancelActivation", json=other.creds(activationId=leased["activationId"])
    )
    await portal_login(api, c.id, c.password)
    page = await api.get("/portal/settings")
    assert "No deliveries yet." in page.text and leased["activationId"][:8] not in page.text
