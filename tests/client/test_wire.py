"""The shared request/answer logic: error mapping, exact money, references."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest

from otpvirt_client import (
    Activation,
    InvalidRequestError,
    NoNumbersError,
    OtpVirtError,
    ServerError,
    SmsAlreadyReceivedError,
    _wire,
)

GET_SMS = _wire.activation_call("GetSms", "x")


@pytest.mark.parametrize(
    ("error", "cls"),
    [
        (1, NoNumbersError),
        (2, ServerError),
        (3, InvalidRequestError),
        (4, SmsAlreadyReceivedError),
    ],
)
def test_error_numbers_map_to_classes(error: int, cls: type[OtpVirtError]) -> None:
    body = f'{{"status":4,"error":{error},"reason":"r","message":"m"}}'.encode()
    with pytest.raises(cls) as err:
        _wire.decode(GET_SMS, 200, body)
    assert (err.value.error, err.value.reason, err.value.message) == (error, "r", "m")


def test_success_with_status_0_as_in_the_collection() -> None:
    assert _wire.decode(GET_SMS, 200, b'{"sms":[],"status":0,"error":0}')["sms"] == []


def test_money_is_never_a_float() -> None:
    data = _wire.decode(_wire.BALANCE, 200, b'{"currency":"JPY","balance":0.1,"status":2}')
    assert data["balance"] == Decimal("0.1")
    assert _wire.parse_balance({"currency": "JPY", "balance": 1500}).amount == Decimal(1500)
    with pytest.raises(ServerError):
        _wire.parse_balance({"currency": "USD", "balance": "1.00"})


def test_sms_code_empty_means_none_and_phone_digits_are_accepted() -> None:
    item = {"id": "i", "phoneFrom": "Viber", "phone": "992112302159", "text": "hi", "code": ""}
    sms = _wire.parse_sms(item, "test")
    assert (sms.phone, sms.code) == (992112302159, None)
    with pytest.raises(ServerError, match="phone"):
        _wire.parse_sms({**item, "phone": True}, "test")


def test_activation_references() -> None:
    guid = uuid.uuid4()
    act = Activation(str(guid), 992112302159, Decimal("0.05"))
    assert {_wire.activation_id(r) for r in (act, guid, f" {guid} ")} == {str(guid)}
    assert _wire.base_url("http://h:8080/native/") == "http://h:8080"
