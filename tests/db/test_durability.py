"""The durability in force: FULL by default on SQLite, reported by doctor and /readyz."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import asyncpg
import httpx
import pytest
from typer.testing import CliRunner

from otpvirt.cli.main import app
from otpvirt.config import Settings
from otpvirt.db.durability import assess_postgres, assess_sqlite, in_force
from otpvirt.runtime import Runtime
from tests.conftest import make_settings


async def _durable_commits(url: str) -> None:
    """Undo the test copies' `synchronous_commit = off` (tests/support/pgcopies.py)."""
    name = url.rpartition("/")[2]
    con = await asyncpg.connect(url)
    try:
        await con.execute(f'ALTER DATABASE "{name}" SET synchronous_commit = on')
    finally:
        await con.close()


@pytest.fixture(autouse=True)
async def durable_pg_copy(request: pytest.FixtureRequest) -> None:
    """PostgreSQL test databases run with the server's durable default, as in production.

    Autouse, so it runs before `rt` opens its first connection.
    """
    for name in ("database_url", "pg_database_url"):
        if name in request.fixturenames:
            url = request.getfixturevalue(name)
            if url.startswith("postgresql"):
                await _durable_commits(url)


async def doctor(url: str, tmp_path: Path, *args: str) -> tuple[int, str]:
    """`otpvirt doctor` (in a thread: the command runs its own event loop)."""
    env = {"OTPVIRT_DATABASE_URL": url, "OTPVIRT_DATA_DIR": str(tmp_path)}
    result = await asyncio.to_thread(CliRunner().invoke, app, ["doctor", *args], env=env)
    return result.exit_code, result.output


def test_the_default_is_full() -> None:
    assert Settings().sqlite_synchronous == "FULL"


async def test_default_settings_report_full(sqlite_database_url: str, tmp_path: Path) -> None:
    rt = Runtime.open(make_settings(sqlite_database_url, tmp_path))
    try:
        found = await in_force(rt.db)
    finally:
        await rt.close()
    assert found.settings == {"journal_mode": "wal", "synchronous": "FULL"}
    assert found.survives_power_loss and found.warnings == ()
    code, out = await doctor(sqlite_database_url, tmp_path)
    assert code == 0, out
    assert "ok durability: SQLite journal_mode=wal, synchronous=FULL" in " ".join(out.split())


async def test_normal_is_an_explicit_choice_reported_with_its_risk(
    sqlite_database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rt = Runtime.open(make_settings(sqlite_database_url, tmp_path, sqlite_synchronous="normal"))
    try:
        found = await in_force(rt.db)
    finally:
        await rt.close()
    assert found.settings["synchronous"] == "NORMAL" and not found.survives_power_loss
    (warning,) = found.warnings
    assert "power loss" in warning and "OTPVIRT_SQLITE_SYNCHRONOUS=FULL" in warning
    monkeypatch.setenv("OTPVIRT_SQLITE_SYNCHRONOUS", "NORMAL")
    code, out = await doctor(sqlite_database_url, tmp_path, "--json")
    report = json.loads(out)
    # A warning, not a violation: the invariants still decide the exit status.
    assert code == 0 and report["ok"] is True
    assert report["durability"]["settings"]["synchronous"] == "NORMAL"
    assert report["durability"]["survivesPowerLoss"] is False


async def test_postgres_warns_when_synchronous_commit_is_off(
    pg_database_url: str, tmp_path: Path
) -> None:
    code, out = await doctor(pg_database_url, tmp_path, "--json")
    assert code == 0
    assert json.loads(out)["durability"] == {
        "database": "postgresql",
        "settings": {"synchronous_commit": "on", "fsync": "on", "full_page_writes": "on"},
        "survivesPowerLoss": True,
        "warnings": [],
    }
    name = pg_database_url.rpartition("/")[2]
    con = await asyncpg.connect(pg_database_url)
    try:
        await con.execute(f'ALTER DATABASE "{name}" SET synchronous_commit = off')
    finally:
        await con.close()
    code, out = await doctor(pg_database_url, tmp_path, "--json")
    durability = json.loads(out)["durability"]
    assert code == 0 and durability["settings"]["synchronous_commit"] == "off"
    assert not durability["survivesPowerLoss"]
    assert any("synchronous_commit=off" in w for w in durability["warnings"])
    code, out = await doctor(pg_database_url, tmp_path)
    assert code == 0 and "WARN durability" in out


def test_every_postgres_setting_that_loses_commits_is_named() -> None:
    assert assess_postgres("local", "on", "on").survives_power_loss
    assert assess_postgres("remote_apply", "on", "on").survives_power_loss
    found = assess_postgres("off", "off", "off")
    assert not found.survives_power_loss
    assert [w.split(":")[0] for w in found.warnings] == [
        "PostgreSQL fsync=off",
        "PostgreSQL synchronous_commit=off",
        "PostgreSQL full_page_writes=off",
    ]
    assert assess_sqlite("wal", "EXTRA").survives_power_loss
    assert not assess_sqlite("wal", "OFF").survives_power_loss
    assert "expects WAL" in assess_sqlite("delete", "FULL").warnings[0]


async def test_readyz_reports_the_durability(api: httpx.AsyncClient, rt: Runtime) -> None:
    ready = (await api.get("/readyz")).json()
    assert ready["durability"]["survivesPowerLoss"] is True
    if rt.db.dialect == "sqlite":
        assert ready["durability"]["synchronous"] == "FULL"
    else:
        assert ready["durability"]["synchronous_commit"] == "on"
        assert ready["durability"]["fsync"] == "on"
