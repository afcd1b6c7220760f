"""`history()` and `reuse()`: in-process on both databases (async) and against a real
`otpvirt serve --demo` (sync)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from otpvirt.client import AsyncClient, Client, HistoryEntry, NoNumbersError
from otpvirt.runtime import Runtime
from tests.client.conftest import VIBER_TEXT, deliver, inject
from tests.support.server import Server


async def test_history_and_reuse(otp: AsyncClient, rt: Runtime) -> None:
    act = await otp.get_number("vi", country="tajikistan")
    await deliver(rt, act.number, VIBER_TEXT)
    await otp.confirm(act)
    other = await otp.get_number("fb", country="tajikistan")
    await otp.cancel(other)
    newest, oldest = await otp.history()
    assert isinstance(newest, HistoryEntry)
    assert (newest.id, newest.service, newest.state, newest.sms) == (
        other.id,
        "fb",
        "cancelled",
        [],
    )
    assert (oldest.id, oldest.number, oldest.amount, oldest.country) == (
        act.id,
        act.number,
        Decimal("0.05"),
        "tajikistan",
    )
    assert oldest.state == "completed" and oldest.finished_at is not None
    assert [m.code for m in oldest.sms] == ["905526"]
    assert oldest.created_at <= datetime.now(UTC)
    assert [h.id for h in await otp.history(limit=1, offset=1)] == [act.id]
    assert await otp.history(until=datetime.now(UTC) - timedelta(days=1)) == []
    # Reuse by id (looked up in the history) or by entry; the cancelled one had no SMS.
    again = await otp.reuse(act.id)
    assert again.number == act.number and again.id != act.id
    assert again.amount == Decimal("0.05")
    await deliver(rt, act.number, "Your Viber code: 777888")
    assert await otp.wait_for_code(again, timeout=5) == "777888"
    await otp.confirm(again)
    third = await otp.reuse(oldest)
    assert third.number == act.number
    await otp.cancel(third)
    with pytest.raises(NoNumbersError):
        await otp.reuse(other)
    with pytest.raises(NoNumbersError):
        await otp.reuse("00000000-0000-4000-8000-000000000000")


def test_sync_history_and_reuse(server: Server) -> None:
    with Client(server.base, server.client_id, server.password, timeout=10) as otp:
        act = otp.get_number("vi", country="tajikistan")
        inject(server, act.number, VIBER_TEXT)
        otp.confirm(act)
        assert act.id in [h.id for h in otp.history(limit=100)]
        again = otp.reuse(act)
        assert again.number == act.number and again.id != act.id
        otp.cancel(again)
