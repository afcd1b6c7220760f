"""deliver_sm_resp 0 (the SMSC forgets the SMS) only after the commit holding it.

A real SMSC on 127.0.0.1 delivers a whole SMS and then the two parts of a long one
while the database refuses to COMMIT first the SMS, then the part: each must be
answered 0x64 (temporary error, delivered again), never 0, until it is committed.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from otpvirt.runtime import Runtime
from otpvirt.smpp.bridge import TEMPORARY, Bridge
from otpvirt.smpp.receiver import Receiver
from otpvirt.sources import service as sources
from tests.smpp.test_receiver import SRC, msg, settings_for, stored, ucs2
from tests.support import factory
from tests.support.commitfail import refuse_commits
from tests.support.smsc import Smsc, responses, start_smsc


def udh(seq: int) -> bytes:
    """An 8-bit concatenation header: reference 0x2A, part `seq` of 2."""
    return bytes([0x05, 0x00, 0x03, 0x2A, 0x02, seq])


def answers(smsc: Smsc, n: int) -> list[int]:
    return [status for i, _, status in responses(smsc.events()) if i == n]


async def test_no_deliver_sm_resp_ok_before_the_commit(
    rt: Runtime,
    database_url: str,
    node: str,
    smscs: list[Smsc],
    tmp_path: Path,
) -> None:
    async with rt.db.transaction() as conn:
        src, _ = await sources.create_source(conn, "smsc1", kind="smpp")
    (phone,) = await factory.numbers(rt, "tajikistan", "indigo", 1, source="smsc1")
    to = str(phone)
    whole = "Код подтверждения: 771177"
    first, second = "Рамзи тасдиқ: 551203. ", "Онро ба касе нагӯед."
    undo_sms = await refuse_commits(database_url, "sms_messages")
    undo_parts = await refuse_commits(database_url, "smpp_parts")
    smsc = await start_smsc(
        node,
        smscs,
        tmp_path,
        messages=[
            msg(to, ucs2(whole)),
            msg(to, udh(1) + ucs2(first), esm_class=0x40),
            msg(to, udh(2) + ucs2(second), esm_class=0x40),
        ],
        redeliver_ms=150,
    )
    receiver = Receiver(settings_for(smsc.port), Bridge(rt, src, asyncio.get_running_loop()))
    receiver.start()
    try:
        await smsc.wait_for(lambda ev: len(answers(smsc, 0)) >= 2)
        assert set(answers(smsc, 0)) == {TEMPORARY}
        assert await stored(rt) == []
        await undo_sms()
        # The SMS is committed and acknowledged; the first part's commit is refused.
        await smsc.wait_for(lambda ev: len(answers(smsc, 1)) >= 2)
        assert answers(smsc, 0)[-1] == 0 and set(answers(smsc, 1)) == {TEMPORARY}
        async with rt.db.read() as conn:
            assert await conn.fetchval("SELECT COUNT(*) FROM smpp_parts") == 0
        await undo_parts()
        await smsc.wait_for(lambda ev: any(e["event"] == "done" for e in ev))
        assert answers(smsc, 1)[-1] == 0 and answers(smsc, 2) == [0]
        assert await stored(rt) == [(to, SRC, whole), (to, SRC, first + second)]
    finally:
        await asyncio.to_thread(receiver.stop)
