"""`otpvirt db backup` while the service writes, `otpvirt db restore`, doctor clean on the copy."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from otpvirt.cli.main import app
from otpvirt.db.backup import BackupFailed, backup
from otpvirt.db.pgtools import libpq_env
from otpvirt.db.restore import RestoreRefused, restore
from otpvirt.runtime import Runtime
from tests.conftest import PG_ADMIN_URL, pg_admin
from tests.doctor.test_doctor import traffic
from tests.support import factory


async def cli(*args: str, url: str, tmp_path: Path) -> tuple[int, str]:
    """One `otpvirt` command (in a thread: it runs its own event loop)."""
    env = {"OTPVIRT_DATABASE_URL": url, "OTPVIRT_DATA_DIR": str(tmp_path)}
    result = await asyncio.to_thread(CliRunner().invoke, app, list(args), env=env)
    return result.exit_code, result.output


@pytest.fixture
def empty_target(database_url: str, tmp_path: Path) -> Iterator[str]:
    """A database of the same kind with nothing in it (SQLite: no file yet)."""
    if database_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'restored' / 'otpvirt.db'}"
        return
    name = f"otpvirt_r_{uuid.uuid4().hex[:12]}"
    pg_admin(f'CREATE DATABASE "{name}"')
    yield f"{PG_ADMIN_URL.rpartition('/')[0]}/{name}"
    pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def rows(rt: Runtime, sql: str, **params: object) -> list[tuple[object, ...]]:
    async with rt.db.read() as conn:
        return [tuple(r) for r in await conn.fetchall(sql, params)]


async def test_backup_under_load_restores_to_a_clean_copy(
    api: httpx.AsyncClient, rt: Runtime, database_url: str, empty_target: str, tmp_path: Path
) -> None:
    await traffic(api, rt)
    await factory.numbers(rt, "latvia", "xomobile", 4)
    await factory.price(rt, "latvia", "vi", "0.07")
    c = await factory.client(rt, balance=100_000)
    ask = c.creds(service="vi", detail={"country": "latvia"})
    target = tmp_path / "backups" / "otpvirt.backup"
    taken = asyncio.ensure_future(
        cli("db", "backup", str(target), url=database_url, tmp_path=tmp_path)
    )
    cycles = 0
    while not taken.done() or cycles < 20:
        got = (await api.post("/native/GetNumber", json=ask)).json()
        assert got["status"] == 2, got
        ask_cancel = c.creds(activationId=got["activationId"])
        assert (await api.post("/native/CancelActivation", json=ask_cancel)).json()["status"] == 2
        cycles += 1
    code, out = await taken
    assert code == 0, out
    assert target.stat().st_mode & 0o777 == 0o600
    assert list(target.parent.iterdir()) == [target]  # no partial file left behind
    code, out = await cli("db", "restore", str(target), url=empty_target, tmp_path=tmp_path)
    assert code == 0 and "restored into" in out, out
    code, out = await cli("doctor", "--json", url=empty_target, tmp_path=tmp_path)
    report = json.loads(out)
    assert code == 0 and report["ok"] is True, out
    assert report["durability"]["survivesPowerLoss"] is True
    if empty_target.startswith("sqlite"):
        restored = Path(empty_target.removeprefix("sqlite:///"))
        assert (await asyncio.to_thread(restored.stat)).st_mode & 0o777 == 0o600
    # The copy holds what was there before the backup began, charged and refunded alike.
    copy = Runtime.open(rt.settings.model_copy(update={"database_url": empty_target}))
    try:
        sql = "SELECT guid, state FROM activations WHERE client_id <> :c ORDER BY guid"
        assert await rows(copy, sql, c=c.id) == await rows(rt, sql, c=c.id)
    finally:
        await copy.close()


async def test_restore_never_overwrites_data_without_force(
    rt: Runtime, database_url: str, tmp_path: Path
) -> None:
    await factory.client(rt, balance=500)
    target = tmp_path / "x.backup"
    await asyncio.to_thread(backup, database_url, target)
    later = await factory.client(rt, balance=700)
    with pytest.raises(RestoreRefused, match="not empty"):
        await asyncio.to_thread(restore, target, database_url)
    assert len(await rows(rt, "SELECT id FROM clients")) == 2
    await rt.close()  # as an operator stops the service first
    code, out = await cli("db", "restore", str(target), url=database_url, tmp_path=tmp_path)
    assert code == 1 and "--force" in out
    code, out = await cli(
        "db", "restore", str(target), "--force", url=database_url, tmp_path=tmp_path
    )
    assert code == 0 and "replaced" in out, out
    copy = Runtime.open(rt.settings)
    try:
        ids = [r[0] for r in await rows(copy, "SELECT id FROM clients")]
    finally:
        await copy.close()
    assert len(ids) == 1 and later.id not in ids


def test_a_backup_goes_only_where_its_kind_restores(tmp_path: Path) -> None:
    junk = tmp_path / "junk.backup"
    junk.write_bytes(b"not a backup at all")
    with pytest.raises(BackupFailed, match="neither"):
        restore(junk, f"sqlite:///{tmp_path / 'a.db'}")
    lite = tmp_path / "lite.backup"
    lite.write_bytes(b"SQLite format 3\x00" + bytes(100))
    with pytest.raises(RestoreRefused, match="SQLite backup"):
        restore(lite, "postgresql://postgres@127.0.0.1:5432/anything")
    pg = tmp_path / "pg.backup"
    pg.write_bytes(b"PGDMP" + bytes(100))
    with pytest.raises(RestoreRefused, match="PostgreSQL archive"):
        restore(pg, f"sqlite:///{tmp_path / 'b.db'}")


def test_a_failed_backup_leaves_the_last_good_one(tmp_path: Path) -> None:
    target = tmp_path / "nightly.backup"
    target.write_bytes(b"yesterday")
    with pytest.raises(BackupFailed, match="no SQLite database"):
        backup(f"sqlite:///{tmp_path / 'missing.db'}", target)
    assert target.read_bytes() == b"yesterday"
    assert [p.name for p in tmp_path.iterdir()] == ["nightly.backup"]


def test_the_database_password_stays_off_the_command_line() -> None:
    dsn, env = libpq_env("postgresql+asyncpg://otp:p%40ss:w@db.example:5433/otp?sslmode=require")
    assert dsn == "postgresql://otp@db.example:5433/otp?sslmode=require"
    assert env["PGPASSWORD"] == "p@ss:w"
    dsn, env = libpq_env("postgresql://db.example/otp")
    assert dsn == "postgresql://db.example/otp"
