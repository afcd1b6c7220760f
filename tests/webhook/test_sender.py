"""The HTTP side: SSRF guard (after DNS, no rebinding), no redirects, capped reads, timeout."""

from __future__ import annotations

import asyncio
import ipaddress
import socket

import pytest

from otpvirt.webhook.sender import Outcome, Resolver, Sender, redact, refusal, system_resolve
from tests.support.receiver import Received, Receiver

BODY = b'{"id":"x"}'


async def post(
    url: str,
    *,
    allow_private: bool = False,
    seconds: float = 3,
    resolve: Resolver = system_resolve,
) -> Outcome:
    sender = Sender(timeout=seconds, allow_private=allow_private, resolve=resolve)
    try:
        return await sender.post(url, BODY, {"webhook-id": "msg_1"})
    finally:
        await sender.close()


@pytest.mark.parametrize(
    ("address", "why"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:10.0.0.5", "private"),
        ("2002:7f00:1::1", "loopback"),
        ("64:ff9b::a9fe:a9fe", "link-local"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("fc00::1", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("100.64.0.1", "not a public"),
        ("240.0.0.1", "address"),
        ("192.0.2.1", "address"),
    ],
)
def test_refused_addresses(address: str, why: str) -> None:
    why_not = refusal(ipaddress.ip_address(address))
    assert why_not is not None and why in why_not


@pytest.mark.parametrize("address", ["8.8.8.8", "93.184.216.34", "2001:4860:4860::8888"])
def test_public_addresses_pass(address: str) -> None:
    assert refusal(ipaddress.ip_address(address)) is None


async def test_loopback_targets_are_refused_before_any_connection() -> None:
    async with Receiver() as rx:
        for url in (
            rx.url,
            f"http://localhost:{rx.port}/hook",
            f"http://[::1]:{rx.port}/hook",
            f"http://[::ffff:127.0.0.1]:{rx.port}/hook",
            "http://169.254.169.254/latest/meta-data/",
            "http://10.0.0.1/hook",
            "http://0.0.0.0/hook",
        ):
            out = await post(url)
            assert out.status is None and out.error and out.error.startswith("refused"), url
        await asyncio.sleep(0.1)
    assert rx.received == []


async def test_a_name_resolving_to_loopback_is_refused() -> None:
    seen: list[str] = []

    async def resolve(host: str, port: int) -> list[str]:
        seen.append(host)
        return ["93.184.216.34", "127.0.0.1"] if host == "mixed.example" else ["127.0.0.1"]

    async with Receiver() as rx:
        for host in ("evil.example", "mixed.example"):
            out = await post(f"http://{host}:{rx.port}/hook", resolve=resolve)
            assert "refused" in (out.error or "") and "127.0.0.1" in (out.error or "")
    assert rx.received == [] and seen == ["evil.example", "mixed.example"]


async def test_connects_to_the_address_it_vetted_and_keeps_the_host_name() -> None:
    # The system resolver cannot resolve this name: reaching the receiver proves the
    # connection went to the address the guard resolved and checked (no second lookup).
    calls: list[str] = []

    async def resolve(host: str, port: int) -> list[str]:
        calls.append(host)
        return ["127.0.0.1"]

    async with Receiver() as rx:
        out = await post(
            f"http://hooks.invalid:{rx.port}/hook?x=1", allow_private=True, resolve=resolve
        )
        (req,) = rx.received
    assert out.status == 200 and out.ok
    assert req.headers["host"] == f"hooks.invalid:{rx.port}" and req.path == "/hook?x=1"
    assert req.body == BODY and req.headers["webhook-id"] == "msg_1"
    assert calls == ["hooks.invalid"]


async def test_allow_private_reaches_localhost_with_the_system_resolver() -> None:
    assert "127.0.0.1" in await system_resolve("localhost", 80)
    async with Receiver() as rx:
        out = await post(f"http://localhost:{rx.port}/hook", allow_private=True)
    assert out.ok and len(rx.received) == 1


async def test_redirects_are_not_followed() -> None:
    async with Receiver() as target:

        async def redirect(_r: Received, _i: int) -> tuple[int, dict[str, str], bytes]:
            return 307, {"Location": target.url}, b""

        async with Receiver(redirect) as rx:
            out = await post(rx.url, allow_private=True)
        await asyncio.sleep(0.1)
    assert out.status == 307 and not out.ok
    assert "not followed" in (out.error or "")
    assert target.received == []


async def test_the_answer_is_read_only_up_to_a_snippet() -> None:
    async def huge(_r: Received, _i: int) -> tuple[int, dict[str, str], bytes]:
        return 200, {}, b"A" * 5_000_000

    async with Receiver(huge) as rx:
        out = await post(rx.url, allow_private=True)
    assert out.ok and out.snippet == "A" * 1024


async def test_a_receiver_that_never_answers_times_out() -> None:
    never = asyncio.Event()

    async def hang(_r: Received, _i: int) -> tuple[int, dict[str, str], bytes]:
        await never.wait()
        return 200, {}, b""

    async with Receiver(hang) as rx:
        out = await post(rx.url, allow_private=True, seconds=0.5)
    assert out.status is None and "timed out" in (out.error or "")
    assert 400 <= out.duration_ms < 3000


async def test_unreachable_and_unresolvable_targets_are_errors_not_exceptions() -> None:
    async with Receiver() as rx:
        port = rx.port
    closed = await post(f"http://127.0.0.1:{port}/hook", allow_private=True)
    assert closed.status is None and "cannot connect" in (closed.error or "")

    async def nxdomain(host: str, port: int) -> list[str]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    nowhere = await post("http://no-such-host.invalid/hook", allow_private=True, resolve=nxdomain)
    assert nowhere.status is None and "resolve" in (nowhere.error or "")


async def test_basic_auth_in_the_url_is_sent_and_never_logged() -> None:
    async with Receiver() as rx:
        url = f"http://bob:s%40cret@127.0.0.1:{rx.port}/hook"
        out = await post(url, allow_private=True)
        (req,) = rx.received
    assert out.ok and req.headers["authorization"] == "Basic Ym9iOnNAY3JldA=="
    assert redact(url) == f"http://bob:***@127.0.0.1:{rx.port}/hook"
    assert redact("https://h.example/x@y") == "https://h.example/x@y"
