"""The SDK's rental methods against the app in-process (async twins of `Client`'s)."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from otpvirt.client import AsyncClient, InvalidRequestError, SmsAlreadyReceivedError
from otpvirt.clock import now_ms
from otpvirt.db import in_transaction
from otpvirt.rental import service as rentals
from otpvirt.runtime import Runtime
from tests.client.conftest import deliver


async def test_rent_read_prolong_finish_cancel(otp: AsyncClient, rt: Runtime) -> None:
    snap = await rt.catalogue.get()
    tj = snap.countries["tajikistan"].id
    await in_transaction(rt.db, rentals.set_price, tj, "full", "USD", 10, now_ms())
    rental = await otp.rent_number("full", 4, country="tajikistan")
    assert rental.amount == Decimal("0.40") and rental.ends_at > datetime.now(UTC)
    assert await otp.rent_sms(rental) == []
    await deliver(rt, rental.number, "Telegram code: 51234", sender="Telegram")
    await deliver(rt, rental.number, "Your code is 8812", sender="Bank")
    got = await otp.rent_sms(rental)
    assert [(m.sender, m.code) for m in got] == [("Telegram", "51234"), ("Bank", "8812")]
    with pytest.raises(SmsAlreadyReceivedError):
        await otp.cancel_rent(rental)
    more = await otp.prolong_rent(rental, 4)
    assert more.amount == Decimal("0.40") and more.ends_at > rental.ends_at
    await otp.finish_rent(rental.id)
    with pytest.raises(InvalidRequestError) as err:
        await otp.finish_rent(rental)
    assert err.value.reason == "rental_ended"
    second = await otp.rent_number("full", 4, country="tajikistan")
    await otp.cancel_rent(second)
    assert (await otp.get_balance()).amount == Decimal("9.20")
