"""Stored parts of concatenated SMS: redelivery, assembly, and the timeout for lost parts."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from otpvirt.db import in_transaction
from otpvirt.runtime import Runtime
from otpvirt.smpp import service
from otpvirt.smpp.bridge import Bridge, load_number_map
from otpvirt.smpp.concat import Segment
from otpvirt.sms.service import UnknownNumber
from otpvirt.sources import service as sources
from tests.support import factory

TEXT = "Ваш код: 482915. Никому не сообщайте его. 🔐 Это сообщение длинное."


def parts(text: str, n: int) -> list[bytes]:
    raw = text.encode("utf-16-be")
    size = -(-len(raw) // n // 2) * 2
    return [raw[i * size : (i + 1) * size] for i in range(n)]


@pytest.fixture
async def smpp_number(rt: Runtime) -> dict[str, Any]:
    async with rt.db.transaction() as conn:
        src, _ = await sources.create_source(conn, "smsc1", kind="smpp")
    (phone,) = await factory.numbers(rt, "tajikistan", "indigo", 1, source="smsc1")
    return {"source": src.id, "to": str(phone)}


async def put(rt: Runtime, where: dict[str, Any], seg: Segment) -> Any:
    await in_transaction(
        rt.db, service.receive, source_id=where["source"], seg=seg, to=where["to"], window_ms=0
    )
    return await in_transaction(
        rt.db, service.assemble, source_id=where["source"], seg=seg, to=where["to"], window_ms=0
    )


async def texts(rt: Runtime) -> list[str]:
    async with rt.db.read() as conn:
        return [r[0] for r in await conn.fetchall("SELECT text FROM sms_messages ORDER BY id")]


async def test_a_redelivered_part_is_stored_once(rt: Runtime, smpp_number: dict[str, Any]) -> None:
    p = parts(TEXT, 2)
    first = Segment("Bank", smpp_number["to"], 8, p[0], 5, 2, 1)
    assert await put(rt, smpp_number, first) is None
    assert await put(rt, smpp_number, first) is None
    done = await put(rt, smpp_number, Segment("Bank", smpp_number["to"], 8, p[1], 5, 2, 2))
    assert done is not None and done.status == "accepted"
    assert await texts(rt) == [TEXT]


async def test_missing_parts_are_delivered_after_the_timeout(
    rt: Runtime, smpp_number: dict[str, Any]
) -> None:
    p = parts(TEXT, 4)
    for seq in (1, 2, 4):
        await put(rt, smpp_number, Segment("Bank", smpp_number["to"], 8, p[seq - 1], 9, 4, seq))
    window = {"older_than_ms": 60_000, "window_ms": 0}
    assert await in_transaction(rt.db, service.flush_stale, **window) == 0
    assert await texts(rt) == []
    window["older_than_ms"] = 0
    assert await in_transaction(rt.db, service.flush_stale, **window) == 1
    expected = (b"".join(p[:2])).decode("utf-16-be") + "…" + p[3].decode("utf-16-be")
    assert await texts(rt) == [expected]
    async with rt.db.read() as conn:
        assert await conn.fetchval("SELECT COUNT(*) FROM smpp_parts") == 0


async def test_a_part_for_an_unknown_number_is_refused(
    rt: Runtime, smpp_number: dict[str, Any]
) -> None:
    seg = Segment("Bank", "992000000009", 8, b"\x00a", 1, 2, 1)
    with pytest.raises(UnknownNumber):
        await put(rt, {**smpp_number, "to": "992000000009"}, seg)
    async with rt.db.read() as conn:
        assert await conn.fetchval("SELECT COUNT(*) FROM smpp_parts") == 0


async def test_destination_addresses_map_to_numbers(rt: Runtime, tmp_path: Path) -> None:
    async with rt.db.transaction() as conn:
        src, _ = await sources.create_source(conn, "gsm-gw", kind="smpp")
    (phone,) = await factory.numbers(rt, "tajikistan", "indigo", 1, source="gsm-gw")
    async with rt.db.transaction() as conn:
        await sources.map_device(conn, "gsm-gw", "port-3", str(phone))
        src = await sources.get_source(conn, "gsm-gw")
    path = tmp_path / "map.csv"
    path.write_text("address,number\n# comment\n1001,992000000001\n+79990001122,992000000002\n")
    bridge = Bridge(rt, src, asyncio.get_running_loop(), number_map=load_number_map(path))
    assert bridge.number_for("1001") == "992000000001"
    assert bridge.number_for("79990001122") == "992000000002"
    assert bridge.number_for("port-3") == str(phone)
    assert bridge.number_for("992555") == "992555"
