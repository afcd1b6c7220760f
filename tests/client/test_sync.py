"""`Client` against a real `otpvirt serve --demo` on 127.0.0.1: every method and every
error class the server produces."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from decimal import Decimal

import pytest

from otpvirt.client import (
    Client,
    InvalidRequestError,
    NoNumbersError,
    SmsAlreadyReceivedError,
    WaitTimeout,
)
from otpvirt.demo import DEMO_PRICES
from tests.client.conftest import VIBER_TEXT, inject
from tests.support.server import Server


@pytest.fixture
def otp(server: Server) -> Iterator[Client]:
    with Client(server.base, server.client_id, server.password, timeout=10) as client:
        yield client


def test_the_three_lines(otp: Client, server: Server) -> None:
    before = otp.get_balance()
    assert before.currency == "USD" and isinstance(before.amount, Decimal)
    act = otp.get_number("vi", country="tajikistan")
    threading.Timer(0.5, inject, (server, act.number, VIBER_TEXT)).start()
    code = otp.wait_for_code(act, timeout=60, poll_interval=0.2)
    otp.confirm(act)
    assert code == "905526"
    assert otp.get_balance().amount == before.amount - Decimal("0.05")
    [sms] = otp.get_sms(act)
    assert (sms.sender, sms.phone, sms.text, sms.code) == ("Viber", act.number, VIBER_TEXT, code)


def test_prices_and_count(otp: Client) -> None:
    prices = otp.get_prices()
    assert prices.currency == "USD"
    assert prices.get("tajikistan", "wa") == Decimal("0.32")
    assert prices.get("laos", "wv") == Decimal("1.23")
    assert len(prices) == sum(len(p) for p in DEMO_PRICES.values())  # 7 countries x 13
    assert all(isinstance(p.amount, Decimal) for p in prices)
    assert otp.get_numbers_count("fb", "tajikistan", "indigo") > 0
    assert otp.get_numbers_count("fb", "tajikistan", "any") > 0


def test_cancel_refunds_and_refused_after_sms(otp: Client, server: Server) -> None:
    start = otp.get_balance().amount
    act = otp.get_number("vi", country="tajikistan", provider="indigo")
    assert otp.get_balance().amount == start - act.amount
    otp.cancel(act)
    assert otp.get_balance().amount == start

    act = otp.get_number("vi", country="tajikistan")
    inject(server, act.number, VIBER_TEXT)
    with pytest.raises(SmsAlreadyReceivedError) as refused:
        otp.cancel(act)
    assert refused.value.reason == "sms_already_received"
    otp.confirm(act)
    assert otp.get_balance().amount == start - act.amount


def test_wait_timeout(otp: Client) -> None:
    act = otp.get_number("vi", country="tajikistan")
    started = time.monotonic()
    with pytest.raises(WaitTimeout) as timed_out:
        otp.wait_for_sms(act, timeout=0.5, poll_interval=0.1)
    assert 0.5 <= time.monotonic() - started < 5
    assert timed_out.value.activation_id == act.id
    otp.cancel(act)


def test_no_numbers_and_invalid_requests(otp: Client, server: Server) -> None:
    with pytest.raises(NoNumbersError) as not_offered:
        otp.get_number("zq", country="tajikistan")
    assert (not_offered.value.error, not_offered.value.reason) == (1, "service_not_offered")
    with pytest.raises(InvalidRequestError) as unknown:
        otp.get_sms("0f9aa28a-125e-4f61-ac48-3d3a48b404a5")
    assert unknown.value.reason == "activation_not_found"
    with (
        Client(server.base, server.client_id, "not-the-password") as wrong,
        pytest.raises(InvalidRequestError) as denied,
    ):
        wrong.get_balance()
    assert denied.value.reason == "bad_credentials"
    with (
        Client(server.base, server.client_id, "short") as short,
        pytest.raises(InvalidRequestError) as invalid,
    ):
        short.get_prices()
    assert invalid.value.reason == "validation_failed"
