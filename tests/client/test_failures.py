"""Failures a healthy server does not produce, from a scripted peer on 127.0.0.1 or a
closed port: server errors, broken connections, what is retried and what never is."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from otpvirt.client import (
    AsyncClient,
    Client,
    OtpVirtError,
    ServerError,
    TransportError,
)
from tests.client.conftest import closed_port_url
from tests.support.peer import Scripted

CLIENT_ID = "bd7bf3dd-ea7a-4079-a836-4bb26592fdad"
BALANCE = (200, b'{"currency":"USD","balance":131.95,"status":2,"error":0}')
NUMBER = (
    200,
    b'{"activationId":"DF500217-3A9B-4260-8D87-CB72FE7C8A43","ammount":0.05,'
    b'"number":992112302159,"status":2,"error":0}',
)


def call(kind: str, url: str, method: str, *args: Any, retries: int = 2) -> Any:
    """Run one SDK method with the sync or the async client."""
    if kind == "sync":
        with Client(url, CLIENT_ID, "s3cret-api-password", retries=retries, timeout=5) as c:
            return getattr(c, method)(*args)

    async def run() -> Any:
        async with AsyncClient(
            url, CLIENT_ID, "s3cret-api-password", retries=retries, timeout=5
        ) as c:
            return await getattr(c, method)(*args)

    return asyncio.run(run())


KINDS = pytest.mark.parametrize("kind", ["sync", "async"])


@KINDS
def test_wire_format_and_exact_money(kind: str, scripted: Scripted) -> None:
    scripted.replies = [BALANCE, NUMBER]
    balance = call(kind, scripted.url + "/", "get_balance")
    assert str(balance.amount) == "131.95" and str(balance) == "131.95 USD"
    act = call(kind, scripted.url + "/native", "get_number", "vi")
    assert act.id == "df500217-3a9b-4260-8d87-cb72fe7c8a43" and str(act.amount) == "0.05"
    first, second = scripted.requests
    assert first["path"] == "/native/GetBalance"
    assert first["headers"]["Content-Encoding"] == "gzip"
    assert first["body"] == {"clientId": CLIENT_ID, "apiPassword": "s3cret-api-password"}
    assert second["body"]["detail"] == {} and second["body"]["service"] == "vi"


@KINDS
@pytest.mark.parametrize(
    ("reply", "status_code", "text"),
    [
        ((500, b"Internal Server Error"), 500, "HTTP 500"),
        ((200, b"<html>proxy</html>"), 200, "not JSON"),
        ((200, b"[1, 2]"), 200, "not a JSON object"),
        ((200, b'{"status":2,"error":0}'), None, "'balance' missing"),
    ],
)
def test_server_errors(
    kind: str, scripted: Scripted, reply: tuple[int, bytes], status_code: int | None, text: str
) -> None:
    scripted.replies = [reply]
    with pytest.raises(ServerError) as err:
        call(kind, scripted.url, "get_balance")
    assert err.value.status_code == status_code and text in err.value.message
    assert len(scripted.requests) == 1


@KINDS
def test_error_2_is_server_error_with_reason(kind: str, scripted: Scripted) -> None:
    body = {"status": 4, "error": 2, "reason": "internal_error", "message": "nothing changed"}
    scripted.replies = [(200, json.dumps(body).encode())]
    with pytest.raises(ServerError) as err:
        call(kind, scripted.url, "get_numbers_count", "vi", "tajikistan")
    assert (err.value.error, err.value.reason, err.value.message) == (
        2,
        "internal_error",
        "nothing changed",
    )


@KINDS
def test_unknown_error_number_is_the_base_class(kind: str, scripted: Scripted) -> None:
    scripted.replies = [(200, b'{"status":4,"error":9}')]
    with pytest.raises(OtpVirtError) as err:
        call(kind, scripted.url, "get_prices")
    assert type(err.value) is OtpVirtError and err.value.error == 9


@KINDS
def test_reads_are_retried_after_a_broken_connection(kind: str, scripted: Scripted) -> None:
    scripted.replies = ["drop", (503, b"busy"), BALANCE]
    assert str(call(kind, scripted.url, "get_balance", retries=2).amount) == "131.95"
    assert len(scripted.requests) == 3
    scripted.requests.clear()
    scripted.replies = ["drop", "drop"]
    with pytest.raises(TransportError) as err:
        call(kind, scripted.url, "get_sms", "df500217-3a9b-4260-8d87-cb72fe7c8a43", retries=1)
    assert err.value.maybe_processed and "after 2 attempts" in err.value.message
    assert len(scripted.requests) == 2


@KINDS
def test_get_number_is_never_repeated_once_sent(kind: str, scripted: Scripted) -> None:
    scripted.replies = ["drop", NUMBER]
    with pytest.raises(TransportError) as err:
        call(kind, scripted.url, "get_number", "vi", retries=5)
    assert err.value.maybe_processed
    assert "charged" in err.value.message and "not repeated" in err.value.message
    assert len(scripted.requests) == 1
    scripted.replies = [(503, b"busy"), NUMBER]
    with pytest.raises(ServerError):
        call(kind, scripted.url, "get_number", "vi", retries=5)
    assert len(scripted.requests) == 2


@KINDS
@pytest.mark.parametrize("method", ["confirm", "cancel"])
def test_confirm_and_cancel_are_not_repeated(kind: str, method: str, scripted: Scripted) -> None:
    scripted.replies = ["drop", (200, b'{"status":2,"error":0}')]
    with pytest.raises(TransportError) as err:
        call(kind, scripted.url, method, "df500217-3a9b-4260-8d87-cb72fe7c8a43")
    assert err.value.maybe_processed and "activation_finished" in err.value.message
    assert len(scripted.requests) == 1


@KINDS
def test_closed_port_is_a_transport_error_and_nothing_was_sent(kind: str) -> None:
    url = closed_port_url()
    for method, args in [("get_balance", ()), ("get_number", ("vi",))]:
        with pytest.raises(TransportError) as err:
            call(kind, url, method, *args, retries=1)
        assert not err.value.maybe_processed
        assert "cannot reach" in err.value.message and "after 2 attempts" in err.value.message
