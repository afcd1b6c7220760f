"""`AsyncClient` against the real app in-process, on SQLite and PostgreSQL: every method
and every error class the server produces."""

from __future__ import annotations

import asyncio
from decimal import Decimal
from typing import Any

import httpx
import pytest

from otpvirt.app import create_app
from otpvirt.client import (
    Activation,
    AsyncClient,
    Balance,
    InvalidRequestError,
    NoNumbersError,
    Sms,
    SmsAlreadyReceivedError,
    WaitTimeout,
)
from otpvirt.runtime import Runtime
from tests.client.conftest import VIBER_TEXT, deliver, httpx_asgi
from tests.support import factory


async def test_balance_prices_and_count(otp: AsyncClient, rt: Runtime) -> None:
    assert await otp.get_balance() == Balance(Decimal("10.00"), "USD")
    prices = await otp.get_prices()
    assert prices.currency == "USD"
    assert prices.countries == {"tajikistan": {"vi": Decimal("0.05"), "fb": Decimal("0.06")}}
    assert prices.get("tajikistan", "vi") == Decimal("0.05")
    assert prices.get("laos", "vi") is None
    assert [p.service for p in prices.filter(service="fb")] == ["fb"]
    assert await otp.get_numbers_count("vi", "tajikistan", "indigo") == 3
    assert await otp.get_numbers_count("vi", "tajikistan") == 3  # provider "any"
    assert await otp.get_numbers_count("wa", "tajikistan") == 0  # not offered


async def test_number_sms_code_confirm(otp: AsyncClient, rt: Runtime) -> None:
    act = await otp.get_number("vi", country="tajikistan", provider="indigo")
    assert isinstance(act, Activation)
    assert act.amount == Decimal("0.05") and isinstance(act.amount, Decimal)
    assert str(act.number).startswith("992") and act.phone == f"+{act.number}"
    assert (await otp.get_balance()).amount == Decimal("9.95")
    assert await otp.get_numbers_count("vi", "tajikistan") == 2
    assert await otp.get_sms(act) == []

    await deliver(rt, act.number, VIBER_TEXT)
    [sms] = await otp.get_sms(act.id.upper())
    assert isinstance(sms, Sms)
    assert (sms.sender, sms.phone, sms.text, sms.code) == (
        "Viber",
        act.number,
        VIBER_TEXT,
        "905526",
    )
    assert await otp.wait_for_code(act, timeout=1) == "905526"
    await otp.confirm(act)
    with pytest.raises(InvalidRequestError) as finished:
        await otp.confirm(act)
    assert finished.value.reason == "activation_finished" and finished.value.error == 3
    assert (await otp.get_balance()).amount == Decimal("9.95")


async def test_wait_returns_as_soon_as_the_sms_comes(otp: AsyncClient, rt: Runtime) -> None:
    act = await otp.get_number("vi", country="tajikistan")

    async def later() -> None:
        await asyncio.sleep(0.3)
        await deliver(rt, act.number, VIBER_TEXT)

    task = asyncio.create_task(later())
    loop = asyncio.get_running_loop()
    started = loop.time()
    [sms] = await otp.wait_for_sms(act, timeout=30, poll_interval=0.05)
    await task
    assert sms.code == "905526"
    assert loop.time() - started < 5  # well before the 30 s timeout


async def test_wait_after_waits_for_a_new_sms(otp: AsyncClient, rt: Runtime) -> None:
    act = await otp.get_number("vi", country="tajikistan")
    await deliver(rt, act.number, "Your code: 111222")
    first = await otp.wait_for_sms(act, timeout=1)
    assert [s.code for s in first] == ["111222"]
    with pytest.raises(WaitTimeout):
        await otp.wait_for_code(act, timeout=0.2, poll_interval=0.05, after=first)

    async def resend() -> None:
        await asyncio.sleep(0.2)
        await deliver(rt, act.number, "Your new code: 333444")

    task = asyncio.create_task(resend())
    code = await otp.wait_for_code(act, timeout=30, poll_interval=0.05, after=[first[0].id])
    await task
    assert code == "333444"


async def test_wait_for_code_skips_sms_without_code(otp: AsyncClient, rt: Runtime) -> None:
    act = await otp.get_number("vi", country="tajikistan")
    await deliver(rt, act.number, "Welcome aboard, your account is almost ready")
    [plain] = await otp.get_sms(act)
    assert plain.code is None  # "" on the wire
    with pytest.raises(WaitTimeout) as timed_out:
        await otp.wait_for_code(act, timeout=0.3, poll_interval=0.05)
    assert timed_out.value.activation_id == act.id
    assert timed_out.value.sms == [plain]
    assert [s.id for s in await otp.wait_for_sms(act, timeout=0)] == [plain.id]


async def test_wait_timeout_leaves_the_lease_live(otp: AsyncClient) -> None:
    act = await otp.get_number("vi", country="tajikistan")
    with pytest.raises(WaitTimeout) as timed_out:
        await otp.wait_for_sms(act, timeout=0.2, poll_interval=0.05)
    assert timed_out.value.activation_id == act.id and timed_out.value.sms == []
    assert act.id in str(timed_out.value)
    await otp.cancel(act)  # still live: the refund works
    assert (await otp.get_balance()).amount == Decimal("10.00")


async def test_cancel_refunds_and_sms_already_received(otp: AsyncClient, rt: Runtime) -> None:
    act = await otp.get_number("vi", country="tajikistan")
    await otp.cancel(act.id)
    assert (await otp.get_balance()).amount == Decimal("10.00")
    with pytest.raises(InvalidRequestError) as again:
        await otp.cancel(act)
    assert again.value.reason == "activation_finished"

    act = await otp.get_number("vi", country="tajikistan")
    await deliver(rt, act.number, VIBER_TEXT)
    with pytest.raises(SmsAlreadyReceivedError) as refused:
        await otp.cancel(act)
    assert (refused.value.error, refused.value.reason) == (4, "sms_already_received")
    assert (await otp.get_balance()).amount == Decimal("9.95")


async def test_no_numbers(otp: AsyncClient) -> None:
    for _ in range(3):
        await otp.get_number("vi", country="tajikistan")
    with pytest.raises(NoNumbersError) as none_left:
        await otp.get_number("vi", country="tajikistan")
    assert (none_left.value.error, none_left.value.reason) == (1, "no_numbers")
    assert (await otp.get_balance()).amount == Decimal("9.85")  # the refused one is free
    with pytest.raises(NoNumbersError) as not_offered:
        await otp.get_number("wa", country="tajikistan")
    assert not_offered.value.reason == "service_not_offered"


@pytest.mark.parametrize(
    ("call", "reason"),
    [
        (lambda c: c.confirm("0f9aa28a-125e-4f61-ac48-3d3a48b404a5"), "activation_not_found"),
        (lambda c: c.get_sms("0f9aa28a-125e-4f61-ac48-3d3a48b404a5"), "activation_not_found"),
        (lambda c: c.get_sms("not-a-guid"), "validation_failed"),
        (lambda c: c.get_number("zz", country="tajikistan"), "unknown_service"),
        (lambda c: c.get_number("vi", country="narnia"), "unknown_country"),
        (lambda c: c.get_numbers_count("vi", "tajikistan", "nope"), "unknown_provider"),
    ],
)
async def test_invalid_requests(otp: AsyncClient, call: Any, reason: str) -> None:
    with pytest.raises(InvalidRequestError) as bad:
        await call(otp)
    assert (bad.value.error, bad.value.reason) == (3, reason)
    assert bad.value.message


async def test_bad_credentials_and_insufficient_balance(
    rt: Runtime, shop: factory.TestClient
) -> None:
    transport = httpx_asgi(rt)
    async with AsyncClient("http://t", shop.id, "wrong-password", transport=transport) as bad:
        with pytest.raises(InvalidRequestError) as denied:
            await bad.get_balance()
    assert denied.value.reason == "bad_credentials"
    assert "wrong-password" not in repr(denied.value)
    poor = await factory.client(rt, balance=4)
    async with AsyncClient("http://t", poor.id, poor.password, transport=transport) as client:
        with pytest.raises(InvalidRequestError) as broke:
            await client.get_number("vi", country="tajikistan")
    assert broke.value.reason == "insufficient_balance"


async def test_requests_are_gzip_and_answers_accepted_gzip(
    rt: Runtime, shop: factory.TestClient
) -> None:
    app = create_app(runtime=rt)
    seen: list[dict[bytes, bytes]] = []

    async def recording(scope: Any, receive: Any, send: Any) -> None:
        async def send_spy(message: Any) -> None:
            if message["type"] == "http.response.start":
                seen.append(dict(message["headers"]))
            await send(message)

        if scope["type"] == "http":
            seen.append(dict(scope["headers"]))
        await app(scope, receive, send_spy)

    transport = httpx.ASGITransport(app=recording)
    async with AsyncClient("http://t", shop.id, shop.password, transport=transport) as otp:
        assert (await otp.get_balance()).amount == Decimal("10.00")
    request, response = seen
    assert request[b"content-encoding"] == b"gzip"
    assert b"gzip" in request[b"accept-encoding"]
    assert response[b"content-encoding"] == b"gzip"


async def test_wait_for_code_is_held_by_the_server_not_polled(
    otp: AsyncClient, rt: Runtime
) -> None:
    from otpvirt.longpoll.hub import hub_for
    from tests.support.wait import until

    act = await otp.get_number("vi", country="tajikistan")
    loop = asyncio.get_running_loop()
    started = loop.time()
    # A 20 s poll interval: only a held GetSms can answer within seconds.
    task = asyncio.create_task(otp.wait_for_code(act, timeout=40, poll_interval=20))
    await until(lambda: hub_for(rt).held == 1)
    await deliver(rt, act.number, "Welcome aboard")  # no code: wait on, after it
    await deliver(rt, act.number, VIBER_TEXT)
    assert await asyncio.wait_for(task, 15) == "905526"
    assert loop.time() - started < 10
