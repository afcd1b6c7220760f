"""Re-parsing stored SMS after a parser upgrade never changes a code clients may have seen."""

from __future__ import annotations

import json
import subprocess
import sys

import httpx

from otpvirt.db import in_transaction
from otpvirt.runtime import Runtime
from otpvirt.sms.service import ingest, reparse
from tests.support import factory


async def test_reparse_rules(api: httpx.AsyncClient, rt: Runtime) -> None:
    phones = await factory.numbers(rt, "tajikistan", "indigo", 3)
    _, got = await factory.leased(api, rt)
    leased = str(got["number"])
    other = next(str(p) for p in phones if str(p) != leased)
    await in_transaction(rt.db, ingest, to=leased, sender="Viber", text="Your Viber code: 111222")
    await in_transaction(rt.db, ingest, to=leased, sender="Viber", text="Viber code 333444, again")
    await in_transaction(rt.db, ingest, to=other, sender="Bank", text="Kod: 555666")
    # Pretend an older parser got these wrong.
    async with rt.db.transaction() as conn:
        await conn.execute("UPDATE sms_messages SET code = '999999' WHERE text LIKE 'Your Viber%'")
        await conn.execute("UPDATE sms_messages SET code = '' WHERE text LIKE 'Viber code%'")
        await conn.execute("UPDATE sms_messages SET code = '000000' WHERE sender = 'Bank'")
    report = await in_transaction(rt.db, reparse)
    assert (report.checked, report.changed, report.kept_delivered) == (3, 2, 1)
    async with rt.db.read() as conn:
        codes = {r[0]: r[1] for r in await conn.fetchall("SELECT text, code FROM sms_messages")}
    assert codes == {
        "Your Viber code: 111222": "999999",  # routed and already visible: kept
        "Viber code 333444, again": "333444",  # was empty: filled
        "Kod: 555666": "555666",  # unrouted: corrected
    }
    again = await in_transaction(rt.db, reparse, after_id=report.last_id)
    assert again.checked == 0


def test_cli_reparse_and_code_parse(database_url: str, tmp_path) -> None:
    env = {"OTPVIRT_DATABASE_URL": database_url, "OTPVIRT_DATA_DIR": str(tmp_path), "PATH": ""}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        cmd = [sys.executable, "-m", "otpvirt", *args]
        return subprocess.run(cmd, env=env, capture_output=True, text=True)

    out = run("sms", "reparse", "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == {"checked": 0, "changed": 0, "keptDelivered": 0}
    parsed = run(
        "code", "parse", "G-482915 is your Google verification code.", "--sender", "Google"
    )
    assert (parsed.returncode, parsed.stdout.strip()) == (0, "482915")
    assert run("code", "parse", "Your order has shipped").returncode == 1
