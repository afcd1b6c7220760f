"""Portal rentals in-process, on both databases: rent, watch SMS arrive, extend, finish,
cancel (window and SMS rules), balance and no-numbers errors, CSRF, and 404 for another
client's rental."""

from __future__ import annotations

import re

import httpx

from otpvirt.clock import now_ms
from otpvirt.db import in_transaction
from otpvirt.runtime import Runtime
from otpvirt.sms.service import ingest
from tests.support import factory
from tests.web.conftest import csrf_of, portal_login
from tests.web.rentals_setup import balance, pool, rent, rent_prices, state


async def _client(api: httpx.AsyncClient, rt: Runtime, amount: int = 1000) -> tuple[str, str]:
    c = await factory.client(rt, balance=amount)
    await portal_login(api, c.id, c.password)
    return c.id, csrf_of((await api.get("/portal/rentals")).text)


def _guid(location: str) -> str:
    found = re.fullmatch(r"/portal/rentals/([0-9a-f-]{36})", location)
    assert found, location
    return found.group(1)


async def _rental_id(rt: Runtime, guid: str) -> int:
    async with rt.db.read() as conn:
        return int(await conn.fetchval("SELECT id FROM rentals WHERE guid = :g", {"g": guid}))


async def test_rent_watch_extend_finish(api: httpx.AsyncClient, rt: Runtime) -> None:
    await pool(rt)
    await rent_prices(rt, hourly=10)
    cid, token = await _client(api, rt)
    home = (await api.get("/portal/rentals")).text
    assert 'id="hourly">0.10 USD<' in home and 'id="total">0.40 USD<' in home
    q = await api.get(
        "/portal/rentals/quote", params={"service": "full", "country": "tajikistan", "hours": "10"}
    )
    assert 'id="total">1.00 USD<' in q.text and 'id="free">3<' in q.text
    form = {"service": "full", "country": "tajikistan", "hours": "6"}
    assert (await api.post("/portal/rentals", data=form)).status_code == 403
    assert await balance(rt, cid) == 1000
    done = await api.post("/portal/rentals", data={**form, "csrf": token})
    where = done.headers["location"]
    guid = _guid(where)
    page = await api.get(where)
    phone = int(re.search(r'id="number">\+(\d+)<', page.text).group(1))  # type: ignore[union-attr]
    assert "0.60 USD charged" in page.text and 'id="waiting"' in page.text
    assert 'id="cancel"' in page.text and 'id="balance">9.40 USD<' in page.text
    assert await balance(rt, cid) == 940

    # SMS arrive and the polled part shows them, newest first, with their codes.
    live = f"{where}/live?was=active"
    assert 'hx-trigger="every 2s"' in (await api.get(live)).text
    await in_transaction(rt.db, ingest, to=phone, sender="Telegram", text="Telegram code 55123")
    await in_transaction(rt.db, ingest, to=phone, sender="Google", text="G-804411 is your code")
    shown = (await api.get(live)).text
    assert shown.index("Google") < shown.index("Telegram")
    assert ">55123<" in shown and ">804411<" in shown and 'id="sms-count">2<' in shown
    assert "hx-refresh" not in {k.lower() for k in (await api.get(live)).headers}

    ext = await api.post(f"{where}/extend", data={"hours": "5", "csrf": token})
    assert "Extended by 5 h: 0.50 USD charged" in (await api.get(ext.headers["location"])).text
    assert await balance(rt, cid) == 890
    bad = await api.post(f"{where}/extend", data={"hours": "2", "csrf": token})
    assert "hours must be 4 to 1344" in (await api.get(bad.headers["location"])).text
    assert await balance(rt, cid) == 890

    fin = await api.post(f"{where}/finish", data={"csrf": token})
    assert "Finished" in (await api.get(fin.headers["location"])).text
    assert await state(rt, await _rental_id(rt, guid)) == "finished"
    assert await balance(rt, cid) == 890  # no refund
    ended = await api.get(live)
    assert ended.headers["hx-refresh"] == "true" and "hx-trigger" not in ended.text
    late = await api.post(f"{where}/extend", data={"hours": "4", "csrf": token})
    assert "already finished" in (await api.get(late.headers["location"])).text
    mine = (await api.get("/portal/rentals")).text.split('id="my-rentals"', 1)[1]
    assert f"+{phone}" in mine and "finished" in mine


async def test_cancel_only_early_and_without_sms(api: httpx.AsyncClient, rt: Runtime) -> None:
    await pool(rt)
    await rent_prices(rt, hourly=10)
    cid, token = await _client(api, rt)
    form = {"service": "full", "country": "tajikistan", "hours": "4", "csrf": token}
    where = (await api.post("/portal/rentals", data=form)).headers["location"]
    assert await balance(rt, cid) == 960
    assert (await api.post(f"{where}/cancel", data={})).status_code == 403
    done = await api.post(f"{where}/cancel", data={"csrf": token})
    assert "Cancelled: 0.40 USD refunded" in (await api.get(done.headers["location"])).text
    assert await balance(rt, cid) == 1000
    assert await state(rt, await _rental_id(rt, _guid(where))) == "cancelled"

    # After an SMS: refused, clearly, and nothing refunded.
    where = (await api.post("/portal/rentals", data=form)).headers["location"]
    phone = int(re.search(r'id="number">\+(\d+)<', (await api.get(where)).text).group(1))  # type: ignore[union-attr]
    await in_transaction(rt.db, ingest, to=phone, sender="Bank", text="code 1234")
    assert 'id="cancel"' not in (await api.get(where)).text
    refused = await api.post(f"{where}/cancel", data={"csrf": token})
    shown = (await api.get(refused.headers["location"])).text
    assert 'role="alert"' in shown and "an SMS was already received" in shown
    assert await balance(rt, cid) == 960

    # After 20 minutes: refused too.
    old = await rent(rt, cid, now=now_ms() - 21 * 60_000)
    where = f"/portal/rentals/{old.guid}"
    assert 'id="cancel"' not in (await api.get(where)).text
    refused = await api.post(f"{where}/cancel", data={"csrf": token})
    assert "within 20 minutes" in (await api.get(refused.headers["location"])).text
    assert await balance(rt, cid) == 920 and await state(rt, old.id) == "active"


async def test_balance_no_numbers_and_bad_input(api: httpx.AsyncClient, rt: Runtime) -> None:
    await pool(rt, tajikistan=1, laos=1)
    await rent_prices(rt, hourly=10)
    cid, token = await _client(api, rt, amount=30)
    q = await api.get(
        "/portal/rentals/quote", params={"service": "full", "country": "tajikistan", "hours": "4"}
    )
    assert "Insufficient balance" in q.text and 'id="rent-number" disabled' in q.text
    form = {"service": "full", "country": "tajikistan", "hours": "4", "csrf": token}
    short = await api.post("/portal/rentals", data=form)
    assert short.headers["location"].startswith("/portal/rentals?")
    text = (await api.get(short.headers["location"])).text
    assert 'role="alert">Insufficient balance: balance 0.30 USD is less than 0.40' in text
    for hours, message in (("3", "hours must be 4 to 1344"), ("x", "whole number")):
        bad = await api.post("/portal/rentals", data={**form, "hours": hours})
        assert message in (await api.get(bad.headers["location"])).text
    unpriced = await api.post("/portal/rentals", data={**form, "service": "wa", "country": "laos"})
    assert "not offered" in (await api.get(unpriced.headers["location"])).text
    assert await balance(rt, cid) == 30

    # The only Tajik number is taken: "no numbers", shown in the quote and on renting.
    other = await factory.client(rt, balance=1000)
    await rent(rt, other.id)
    rich = await factory.client(rt, balance=1000)
    api.cookies.clear()
    await portal_login(api, rich.id, rich.password)
    token = csrf_of((await api.get("/portal/rentals")).text)
    q = await api.get(
        "/portal/rentals/quote", params={"service": "full", "country": "tajikistan", "hours": "4"}
    )
    assert 'id="free">0<' in q.text and "No numbers are free" in q.text
    none = await api.post("/portal/rentals", data={**form, "csrf": token})
    assert "No numbers" in (await api.get(none.headers["location"])).text
    assert await balance(rt, rich.id) == 1000
    async with rt.db.read() as conn:
        assert await conn.fetchval("SELECT COUNT(*) FROM rentals") == 1


async def test_another_clients_rental_is_not_found(api: httpx.AsyncClient, rt: Runtime) -> None:
    await pool(rt)
    await rent_prices(rt)
    owner = await factory.client(rt, balance=1000)
    theirs = await rent(rt, owner.id)
    cid, token = await _client(api, rt)
    where = f"/portal/rentals/{theirs.guid}"
    for path in (where, f"{where}/live"):
        resp = await api.get(path)
        assert resp.status_code == 404 and "no such rental" in resp.text
    for action, data in (("cancel", {}), ("finish", {}), ("extend", {"hours": "4"})):
        resp = await api.post(f"{where}/{action}", data={**data, "csrf": token})
        assert resp.status_code == 404
    missing = await api.get("/portal/rentals/00000000-0000-0000-0000-000000000000")
    assert missing.status_code == 404 and "no such rental" in missing.text
    assert await state(rt, theirs.id) == "active"
    assert await balance(rt, owner.id) == 960 and await balance(rt, cid) == 1000
    assert theirs.guid not in (await api.get("/portal/rentals")).text
