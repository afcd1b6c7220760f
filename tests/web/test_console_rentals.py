"""Console rentals in-process, on both databases: list filters, one rental with its SMS,
finish (audited, CSRF-checked), rent prices, and the overview's rental figures."""

from __future__ import annotations

import re

import httpx

from otpvirt.admin import audit
from otpvirt.clock import now_ms
from otpvirt.db import in_transaction
from otpvirt.observability.stats import overview
from otpvirt.runtime import Runtime
from otpvirt.sms.service import ingest
from tests.support import factory
from tests.web.conftest import console_login, csrf_of, make_operator
from tests.web.rentals_setup import balance, pool, rent, rent_prices, state


def _ids(html: str) -> list[int]:
    """The rental ids listed in the rentals table, in order."""
    return [int(x) for x in re.findall(r'href="/console/rentals/(\d+)"', html)]


async def _logged_in(api: httpx.AsyncClient, rt: Runtime) -> str:
    await make_operator(rt)
    await console_login(api)
    return csrf_of((await api.get("/console/rentals")).text)


async def test_list_filters_and_paging(api: httpx.AsyncClient, rt: Runtime) -> None:
    phones = await pool(rt)
    await rent_prices(rt)
    a, b = await factory.client(rt), await factory.client(rt)
    r1 = await rent(rt, a.id)
    r2 = await rent(rt, b.id, country="laos", service="vi")
    r3 = await rent(rt, a.id, hours=8)
    await in_transaction(rt.db, _finish, r3.id)
    await _logged_in(api, rt)

    async def ids(**params: str) -> list[int]:
        resp = await api.get("/console/rentals", params=params)
        assert resp.status_code == 200
        return _ids(resp.text)

    assert await ids() == [r3.id, r2.id, r1.id]
    client_page = (await api.get(f"/console/clients/{a.id}")).text
    assert f'href="/console/rentals?client={a.id}"' in client_page
    assert await ids(state="active") == [r2.id, r1.id]
    assert await ids(state="finished") == [r3.id]
    assert await ids(client=a.id) == [r3.id, r1.id]
    assert await ids(country="laos") == [r2.id]
    assert await ids(service="vi") == [r2.id]
    assert await ids(service="full", state="active") == [r1.id]
    assert await ids(number=str(r1.phone)[1:]) == [r1.id]
    assert await ids(number="856") == [r2.id]
    assert r1.phone in phones and await ids(number="000000000000") == []
    assert await ids(page="2") == []
    page = (await api.get("/console/rentals", params={"state": "active"})).text
    assert "older →" not in page and "+" + str(r2.phone) in page
    # A bad filter says so and lists nothing.
    bad = await api.get("/console/rentals", params={"state": "sleeping"})
    assert bad.status_code == 200 and "state must be one of" in bad.text and _ids(bad.text) == []
    nowhere = await api.get("/console/rentals", params={"country": "atlantis"})
    assert "unknown country" in nowhere.text and _ids(nowhere.text) == []


async def _finish(conn: object, rental_id: int) -> None:
    from otpvirt.rental import service as rentals

    await rentals.finish(conn, None, now=now_ms(), rental_id=rental_id)  # type: ignore[arg-type]


async def test_paging_shows_older_rentals(api: httpx.AsyncClient, rt: Runtime) -> None:
    await factory.numbers(rt, "tajikistan", "indigo", 51)
    await rent_prices(rt, hourly=1)
    c = await factory.client(rt)
    made = [await rent(rt, c.id) for _ in range(51)]
    await _logged_in(api, rt)
    first = await api.get("/console/rentals", params={"client": c.id})
    assert _ids(first.text) == [r.id for r in reversed(made)][:50]
    older = re.search(r'href="\?([^"]+)">older', first.text)
    assert older is not None
    second = await api.get("/console/rentals?" + older.group(1).replace("&amp;", "&"))
    assert _ids(second.text) == [made[0].id]


async def test_detail_shows_the_sms(api: httpx.AsyncClient, rt: Runtime) -> None:
    await pool(rt)
    await rent_prices(rt)
    c = await factory.client(rt)
    r = await rent(rt, c.id)
    await in_transaction(rt.db, ingest, to=r.phone, sender="Telegram", text="Telegram code 48213")
    await in_transaction(rt.db, ingest, to=r.phone, sender="WhatsApp", text="Your code 771-902")
    await _logged_in(api, rt)
    page = await api.get(f"/console/rentals/{r.id}")
    assert page.status_code == 200
    table = page.text.split('id="rental-sms"', 1)[1]
    # Newest first, with the parsed codes.
    assert table.index("WhatsApp") < table.index("Telegram")
    assert ">48213<" in table and ">771902<" in table and "Telegram code 48213" in table
    assert f"+{r.phone}" in page.text and "0.40 USD charged" in page.text
    assert 'id="finish"' in page.text
    assert (await api.get("/console/rentals/999999")).status_code == 404


async def test_finish_from_the_console(api: httpx.AsyncClient, rt: Runtime) -> None:
    await pool(rt)
    await rent_prices(rt)
    c = await factory.client(rt, balance=1000)
    r = await rent(rt, c.id)
    token = await _logged_in(api, rt)
    # No CSRF token: refused, nothing changed.
    forged = await api.post(f"/console/rentals/{r.id}/finish", data={})
    assert forged.status_code == 403 and await state(rt, r.id) == "active"
    done = await api.post(f"/console/rentals/{r.id}/finish", data={"csrf": token})
    assert done.status_code == 303 and done.headers["location"] == f"/console/rentals/{r.id}"
    shown = await api.get(done.headers["location"])
    assert "rental finished" in shown.text and 'id="finish"' not in shown.text
    assert await state(rt, r.id) == "finished" and await balance(rt, c.id) == 960  # no refund
    async with rt.db.read() as conn:
        holder = await conn.fetchval(
            "SELECT rental_id FROM numbers WHERE phone = :p", {"p": r.phone}
        )
        entries = await audit.list_entries(conn, actor=None, limit=10, offset=0)
    assert holder is None
    assert [(e.action, e.target) for e in entries if e.action == "rental.finish"] == [
        ("rental.finish", str(r.id))
    ]
    again = await api.post(f"/console/rentals/{r.id}/finish", data={"csrf": token})
    assert "already finished" in (await api.get(again.headers["location"])).text


async def test_rent_prices_on_the_prices_page(api: httpx.AsyncClient, rt: Runtime) -> None:
    token = await _logged_in(api, rt)
    form = {"country": "tajikistan", "service": "wa", "per_hour": "0.07", "currency": "USD"}
    assert (await api.post("/console/rent-prices", data=form)).status_code == 403
    done = await api.post("/console/rent-prices", data={**form, "csrf": token})
    assert done.headers["location"].startswith("/console/prices")
    page = (await api.get("/console/prices")).text
    listed = page.split('id="rent-price-list"', 1)[1]
    assert "tajikistan" in listed and "0.07 USD" in listed
    await api.post(
        "/console/rent-prices",
        data={**form, "service": "full", "per_hour": "0.05", "csrf": token},
    )
    bad = await api.post("/console/rent-prices", data={**form, "per_hour": "-1", "csrf": token})
    assert 'role="alert"' in (await api.get(bad.headers["location"])).text
    async with rt.db.read() as conn:
        rows = await conn.fetchall(
            "SELECT service_code, amount FROM rent_prices ORDER BY service_code"
        )
        entries = await audit.list_entries(conn, actor=None, limit=10, offset=0)
    assert [tuple(r) for r in rows] == [("full", 5), ("wa", 7)]
    assert sum(1 for e in entries if e.action == "rent_price.set") == 2


async def test_overview_live_rentals_and_rent_revenue(api: httpx.AsyncClient, rt: Runtime) -> None:
    await pool(rt)
    await rent_prices(rt)
    await factory.leased(api, rt, service="vi", country="tajikistan", amount="0.05")
    c = await factory.client(rt, balance=10_000)
    await rent(rt, c.id)
    await rent(rt, c.id, country="laos", service="vi", hours=5)
    async with rt.db.read() as conn:
        ov = await overview(conn)
    assert ov.live_rentals == 2
    assert sum(ov.series["rentRevenueMinor"]) == 40 + 100
    assert sum(ov.series["revenueMinor"]) == 40 + 100 + 5
    await _logged_in(api, rt)
    page = (await api.get("/console")).text
    assert re.search(r'id="live-rentals"><a [^>]*>2<', page)
    assert 'id="rent-revenue"' in page and 'id="activation-revenue"' in page
    assert "Rent revenue per 10 minutes (USD)" in page
    live = (await api.get("/console/overview/live")).text
    assert re.search(r'id="live-rentals"><a [^>]*>2<', live)
