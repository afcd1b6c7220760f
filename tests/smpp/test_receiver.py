"""The SMPP receiver against a real SMSC (npm `smpp` in server mode) on 127.0.0.1."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import smpplib.gsm

from otpvirt.runtime import Runtime
from otpvirt.smpp.bridge import Bridge
from otpvirt.smpp.receiver import Receiver, SmppSettings
from otpvirt.sources import service as sources
from tests.conftest import make_settings
from tests.support import factory
from tests.support.dblock import hold_table
from tests.support.smsc import Smsc, responses, start_smsc

SRC = "79161234567"
LONG = (
    "Ваш код подтверждения: 482915. Никому не сообщайте этот код! 👩‍💻 "
    "Сообщение отправлено сервисом."
)
LONG3 = "Рамзи тасдиқ: 551203. Онро ба касе нагӯед. 🔐 " * 3


def ucs2(text: str) -> bytes:
    return text.encode("utf-16-be")


def split_inside_pair(text: str, emoji: str) -> tuple[bytes, bytes]:
    """UTF-16BE bytes cut between the two halves of the emoji's surrogate pair."""
    cut = len(ucs2(text[: text.index(emoji)])) + 2
    raw = ucs2(text)
    return raw[:cut], raw[cut:]


def msg(dest: str, body: bytes, **fields: Any) -> dict[str, Any]:
    base = {
        "source_addr_ton": 1,
        "source_addr_npi": 1,
        "source_addr": SRC,
        "dest_addr_ton": 1,
        "dest_addr_npi": 1,
        "destination_addr": dest,
        "data_coding": 8,
        "short_message_hex": body.hex(),
    }
    return {**base, **fields}


def scenario_messages(to: str, short_code: str) -> tuple[list[dict[str, Any]], list[Any]]:
    """What the SMSC sends, and the (number, sender, text) each SMS must be stored as."""
    a, b = split_inside_pair(LONG, "👩")
    # Another text: the same text again within minutes would be dropped as a re-push.
    sar_text = LONG.replace("482915", "551177")
    sa, sb = split_inside_pair(sar_text, "👩")
    raw3 = ucs2(LONG3)
    third = len(raw3) // 6 * 2
    p1, p2, p3 = raw3[:third], raw3[third : 2 * third], raw3[2 * third :]
    udh8 = lambda seq: bytes([0x05, 0x00, 0x03, 0xA7, 0x02, seq])  # noqa: E731
    udh16 = lambda seq: bytes([0x06, 0x08, 0x04, 0x12, 0x34, 0x03, seq])  # noqa: E731
    gsm_text = "Code 1234 €5 [ok] {x} @home £1 ~"
    gsm_bytes = smpplib.gsm.gsm_encode(gsm_text)
    assert bytes.fromhex("1b65") in gsm_bytes and bytes.fromhex("1b3c") in gsm_bytes
    receipt = (
        b"id:0123456789 sub:001 dlvrd:001 submit date:2611271200 done date:2611271201 "
        b"stat:DELIVRD err:000 text:Your code"
    )
    sent = [
        msg(to, ucs2("Код: 123456 🔐")),
        msg(to, gsm_bytes, data_coding=0),
        msg(to, udh8(1) + a, esm_class=0x40),
        msg(to, udh8(2) + b, esm_class=0x40),
        # 16-bit reference, parts out of order.
        msg(to, udh16(2) + p2, esm_class=0x40),
        msg(to, udh16(1) + p1, esm_class=0x40),
        msg(to, udh16(3) + p3, esm_class=0x40),
        msg(to, sa, sar_msg_ref_num=0x4321, sar_total_segments=2, sar_segment_seqnum=1),
        msg(to, sb, sar_msg_ref_num=0x4321, sar_total_segments=2, sar_segment_seqnum=2),
        msg(to, b"", message_payload_hex=ucs2(LONG + " payload").hex()),
        msg(to, receipt, data_coding=0, esm_class=0x04, receipted_message_id="0123456789"),
        msg(to, "Café naïve 4711".encode("latin-1"), data_coding=3),
        msg(to, ucs2("vendor tlv ok"), vendor_test_tlv_hex="010203"),
        msg(
            short_code,
            b"Telegram code 55555",
            data_coding=0,
            source_addr="Telegram",
            source_addr_ton=5,
            source_addr_npi=0,
        ),
    ]
    expected = [
        (to, SRC, "Код: 123456 🔐"),
        (to, SRC, gsm_text),
        (to, SRC, LONG),
        (to, SRC, LONG3),
        (to, SRC, sar_text),
        (to, SRC, LONG + " payload"),
        (to, SRC, "Café naïve 4711"),
        (to, SRC, "vendor tlv ok"),
        ("mapped", "Telegram", "Telegram code 55555"),
    ]
    return sent, expected


@pytest.fixture
async def pool(rt: Runtime) -> dict[str, Any]:
    async with rt.db.transaction() as conn:
        src, _ = await sources.create_source(conn, "smsc1", kind="smpp")
    phones = await factory.numbers(rt, "tajikistan", "indigo", 2, source="smsc1")
    return {"source": src, "phones": [str(p) for p in phones]}


def settings_for(port: int, **kw: Any) -> SmppSettings:
    values: dict[str, Any] = {
        "host": "127.0.0.1",
        "port": port,
        "system_id": "otpvirt",
        "password": "secret",
        "enquire_link_seconds": 1.0,
    }
    values.update(kw)
    return SmppSettings(**values)


@pytest.fixture
async def receivers() -> AsyncIterator[list[Receiver]]:
    running: list[Receiver] = []
    yield running
    for r in running:
        await asyncio.to_thread(r.stop)


async def stored(rt: Runtime) -> list[tuple[str, str, str]]:
    async with rt.db.read() as conn:
        rows = await conn.fetchall("SELECT phone, sender, text FROM sms_messages ORDER BY id")
    return [(str(r[0]), r[1], r[2]) for r in rows]


async def test_every_kind_of_message_is_stored_byte_exact(
    rt: Runtime,
    pool: dict[str, Any],
    node: str,
    smscs: list[Smsc],
    receivers: list[Receiver],
    tmp_path: Path,
) -> None:
    to, mapped = pool["phones"]
    sent, expected = scenario_messages(to, "1001")
    smsc = await start_smsc(node, smscs, tmp_path, messages=sent, max_attempts=1)
    bridge = Bridge(rt, pool["source"], asyncio.get_running_loop(), number_map={"1001": mapped})
    receiver = Receiver(settings_for(smsc.port, bind="transceiver"), bridge)
    receivers.append(receiver)
    receiver.start()
    events = await smsc.wait_for(lambda ev: any(e["event"] == "done" for e in ev))
    assert [status for _, _, status in responses(events)] == [0] * len(sent)
    assert any(e["event"] == "bound" and e["mode"] == "bind_transceiver" for e in events)
    want = [(mapped if n == "mapped" else n, s, t) for n, s, t in expected]
    assert await stored(rt) == want
    async with rt.db.read() as conn:
        assert await conn.fetchval("SELECT COUNT(*) FROM smpp_parts") == 0
    # An idle link is kept alive with enquire_link.
    await smsc.wait_for(lambda ev: any(e["event"] == "enquire_link" for e in ev), wait=5)


async def test_an_sms_is_acknowledged_only_after_it_is_stored(
    database_url: str,
    tmp_path: Path,
    node: str,
    smscs: list[Smsc],
    receivers: list[Receiver],
) -> None:
    settings = make_settings(database_url, tmp_path, sqlite_busy_timeout_ms=200)
    rt = Runtime.open(settings)
    try:
        async with rt.db.transaction() as conn:
            src, _ = await sources.create_source(conn, "smsc1", kind="smpp")
        (phone,) = await factory.numbers(rt, "tajikistan", "indigo", 1, source="smsc1")
        text = "Код подтверждения: 771177"
        release = await hold_table(database_url, "sms_messages")
        try:
            smsc = await start_smsc(
                node,
                smscs,
                tmp_path,
                messages=[msg(str(phone), ucs2(text))],
                redeliver_ms=200,
            )
            bridge = Bridge(rt, src, asyncio.get_running_loop(), timeout=1.0)
            receiver = Receiver(settings_for(smsc.port), bridge)
            receivers.append(receiver)
            receiver.start()
            # The database refuses the write: the SMSC hears a temporary error, twice.
            await smsc.wait_for(lambda ev: len(responses(ev)) >= 2, wait=30)
            assert all(status == 0x64 for _, _, status in responses(smsc.events()))
            assert await stored(rt) == []
        finally:
            await release()
        events = await smsc.wait_for(lambda ev: any(e["event"] == "done" for e in ev), wait=30)
        assert responses(events)[-1][2] == 0
        assert await stored(rt) == [(str(phone), SRC, text)]
    finally:
        for r in receivers:
            await asyncio.to_thread(r.stop)
        receivers.clear()
        await rt.close()


async def test_unknown_number_is_refused_permanently(
    rt: Runtime,
    pool: dict[str, Any],
    node: str,
    smscs: list[Smsc],
    receivers: list[Receiver],
    tmp_path: Path,
) -> None:
    smsc = await start_smsc(
        node, smscs, tmp_path, messages=[msg("992000000001", ucs2("x 1234"))], max_attempts=1
    )
    receiver = Receiver(
        settings_for(smsc.port), Bridge(rt, pool["source"], asyncio.get_running_loop())
    )
    receivers.append(receiver)
    receiver.start()
    events = await smsc.wait_for(lambda ev: any(e["event"] == "done" for e in ev))
    assert responses(events) == [(0, 1, 0x0B)]  # ESME_RINVDSTADR
    assert await stored(rt) == []


async def test_rebinds_after_the_link_drops_and_logs_why(
    rt: Runtime,
    pool: dict[str, Any],
    node: str,
    smscs: list[Smsc],
    receivers: list[Receiver],
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    to = pool["phones"][0]
    smsc = await start_smsc(
        node, smscs, tmp_path, messages=[msg(to, ucs2("после обрыва 4242"))], drop_first=True
    )
    receiver = Receiver(
        settings_for(smsc.port), Bridge(rt, pool["source"], asyncio.get_running_loop())
    )
    receivers.append(receiver)
    with caplog.at_level(logging.WARNING, logger="otpvirt.smpp"):
        receiver.start()
        await smsc.wait_for(lambda ev: any(e["event"] == "done" for e in ev), wait=30)
    assert receiver.binds == 2
    assert any("reconnecting in" in r.getMessage() for r in caplog.records)
    assert await stored(rt) == [(to, SRC, "после обрыва 4242")]


async def test_a_refused_bind_is_logged_and_retried(
    rt: Runtime,
    pool: dict[str, Any],
    node: str,
    smscs: list[Smsc],
    receivers: list[Receiver],
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    smsc = await start_smsc(node, smscs, tmp_path)
    receiver = Receiver(
        settings_for(smsc.port, password="wrong"),
        Bridge(rt, pool["source"], asyncio.get_running_loop()),
    )
    receivers.append(receiver)
    with caplog.at_level(logging.WARNING, logger="otpvirt.smpp"):
        receiver.start()
        await smsc.wait_for(lambda ev: sum(e["event"] == "bind_refused" for e in ev) >= 2, wait=15)
    assert receiver.binds == 0
    assert any("the SMSC refused" in r.getMessage() for r in caplog.records)
