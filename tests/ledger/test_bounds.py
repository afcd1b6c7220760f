"""Balances and amounts are bounded per currency; the doctor never overflows.

Issue 15, item 7: two top-ups of 46116860184273879.03 turned an SQLite balance into
a float and crashed `otpvirt doctor` (`integer overflow`); on PostgreSQL the second
was an HTTP 500.
"""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from alembic import command
from typer.testing import CliRunner

from otpvirt.cli.main import app
from otpvirt.db import IntegrityError, migrate
from otpvirt.doctor.service import run_checks
from otpvirt.money import CURRENCIES, MAX_MINOR, currency, format_amount
from otpvirt.runtime import Runtime
from tests.support import factory

HUGE = "46116860184273879.03"


def test_every_currency_bound_fits_the_schema_bound() -> None:
    for cur in CURRENCIES.values():
        assert 0 < cur.max_minor <= MAX_MINOR, cur
    # The schema bound leaves room: thousands of extreme entries still sum in 64 bits.
    assert MAX_MINOR * 9000 < 2**63


async def _balance(rt: Runtime, client_id: str) -> tuple[int, int]:
    async with rt.db.read() as conn:
        row = await conn.fetchone(
            "SELECT c.balance, (SELECT COUNT(*) FROM ledger_entries e WHERE e.client_id = c.id) "
            "FROM clients c WHERE c.id = :c",
            {"c": client_id},
        )
    assert row is not None
    return int(row[0]), int(row[1])


async def test_absurd_top_ups_are_refused_by_the_admin_api(
    admin: httpx.AsyncClient, rt: Runtime
) -> None:
    c = await factory.client(rt, balance=100)
    for _ in range(2):
        resp = await admin.post(f"/admin/v1/clients/{c.id}/topup", json={"amount": HUGE})
        assert resp.status_code == 400, resp.text
        assert resp.json()["error"] == "bad_amount"
        assert "at most 1000000000.00 USD" in resp.json()["message"]
    assert await _balance(rt, c.id) == (100, 1)
    async with rt.db.read() as conn:
        assert all(r["violations"] == 0 for r in await run_checks(conn))


async def test_the_balance_itself_is_bounded(admin: httpx.AsyncClient, rt: Runtime) -> None:
    cap = currency("USD").max_minor
    c = await factory.client(rt, balance=0)
    ok = await admin.post(
        f"/admin/v1/clients/{c.id}/topup", json={"amount": format_amount(cap, currency("USD"))}
    )
    assert ok.status_code == 200, ok.text
    more = await admin.post(f"/admin/v1/clients/{c.id}/topup", json={"amount": "0.01"})
    assert more.status_code == 400, more.text
    assert more.json()["error"] == "balance_limit"
    adjust = await admin.post(
        f"/admin/v1/clients/{c.id}/adjust", json={"amount": "0.01", "reason": "x"}
    )
    assert adjust.status_code == 400 and adjust.json()["error"] == "balance_limit"
    assert await _balance(rt, c.id) == (cap, 1)
    # An opening balance follows the same rule.
    new = await admin.post(
        "/admin/v1/clients", json={"balance": format_amount(cap + 1, currency("USD"))}
    )
    assert new.status_code == 400 and new.json()["error"] == "bad_amount", new.text


@pytest.mark.parametrize("code", ["USD", "JPY", "USDT", "IRR", "LYD"])
async def test_bounds_are_per_currency(admin: httpx.AsyncClient, rt: Runtime, code: str) -> None:
    cur = currency(code)
    c = await factory.client(rt, balance=0, currency=code)
    top = format_amount(cur.max_minor, cur)
    assert (await admin.post(f"/admin/v1/clients/{c.id}/topup", json={"amount": top})).is_success
    beyond = format_amount(cur.max_minor + 1, cur)
    resp = await admin.post(f"/admin/v1/clients/{c.id}/topup", json={"amount": beyond})
    assert resp.status_code == 400 and resp.json()["error"] == "bad_amount", resp.text
    assert await _balance(rt, c.id) == (cur.max_minor, 1)


def test_the_cli_says_why(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OTPVIRT_DATABASE_URL", database_url)
    monkeypatch.setenv("OTPVIRT_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("OTPVIRT_ARGON2_MEMORY_KIB", "64")
    monkeypatch.setenv("OTPVIRT_ARGON2_TIME_COST", "1")
    runner = CliRunner()
    created = runner.invoke(app, ["clients", "create", "--json"])
    cid = json.loads(created.output)["clientId"]
    for _ in range(2):
        out = runner.invoke(app, ["clients", "topup", cid, HUGE])
        assert out.exit_code == 1 and "at most 1000000000.00 USD" in out.output, out.output
    doctor = runner.invoke(app, ["doctor", "--json"])
    assert doctor.exit_code == 0, doctor.output
    assert json.loads(doctor.output)["ok"] is True


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE clients SET balance = 1000000000000001",
        "UPDATE clients SET balance = -1000000000000001",
        "UPDATE ledger_entries SET amount = 1000000000000001",
        "UPDATE ledger_entries SET amount = -1000000000000001",
        "UPDATE ledger_entries SET balance_after = 1000000000000001",
        "UPDATE prices SET amount = 1000000000000001",
        "UPDATE prices SET amount = -1",
    ],
)
async def test_the_schema_refuses_out_of_range_money(rt: Runtime, sql: str) -> None:
    """Whatever path writes money, the database keeps it in range (both databases)."""
    await factory.price(rt, "tajikistan", "vi", "0.05")
    await factory.client(rt, balance=100)
    with pytest.raises(IntegrityError):
        async with rt.db.transaction() as conn:
            await conn.execute(sql)


async def test_the_schema_refuses_an_out_of_range_activation_price(
    api: httpx.AsyncClient, rt: Runtime
) -> None:
    await factory.numbers(rt, "tajikistan", "indigo", 1)
    await factory.price(rt, "tajikistan", "vi", "0.05")
    c = await factory.client(rt)
    got = await api.post(
        "/native/GetNumber", json=c.creds(service="vi", detail={"country": "tajikistan"})
    )
    assert got.json()["status"] == 2
    with pytest.raises(IntegrityError):
        async with rt.db.transaction() as conn:
            await conn.execute("UPDATE activations SET price = 1000000000000001")


def test_the_doctor_survives_an_overflowed_ledger(database_url: str, tmp_path: Path) -> None:
    """A database written before the bounds (revision 0010) with the reported overflow."""
    import asyncio

    from tests.conftest import make_settings

    huge = 4_611_686_018_427_387_903
    settings = make_settings(database_url, tmp_path)

    async def made() -> factory.TestClient:
        # Made with today's code and schema; the rows stay when the schema goes back.
        rt = Runtime.open(settings)
        try:
            return await factory.client(rt, balance=10_000)
        finally:
            await rt.close()

    c = asyncio.run(made())
    command.downgrade(migrate.alembic_config(database_url), "0010")

    async def check() -> dict[str, int]:
        rt = Runtime.open(settings)
        try:
            async with rt.db.transaction() as conn:
                sqlite = conn.dialect == "sqlite"
                # What the two top-ups left: on SQLite the second sum became a float; on
                # PostgreSQL the second failed (bigint out of range).
                after: list[int | float] = [huge + 10_000]
                if sqlite:
                    after.append(float(2 * huge + 10_000))
                for balance in after:
                    await conn.execute(
                        "INSERT INTO ledger_entries (client_id, kind, amount, balance_after, "
                        "currency, created_at) VALUES (:c, 'topup', :a, :b, 'USD', 0)",
                        {"c": c.id, "a": huge, "b": balance},
                    )
                await conn.execute(
                    "UPDATE clients SET balance = :b WHERE id = :c", {"b": after[-1], "c": c.id}
                )
            async with rt.db.read() as conn:
                return {r["name"]: r["violations"] for r in await run_checks(conn)}
        finally:
            await rt.close()

    found = asyncio.run(check())
    # The balance and the top-up entries are flagged; nothing crashed.
    assert found["amounts_within_bounds"] == (3 if "sqlite" in database_url else 2), found
