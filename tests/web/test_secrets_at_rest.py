"""Secrets at rest: private data directory and files, and a session key the database
does not hold (a key file in the data directory, or OTPVIRT_SECRET_KEY)."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import stat
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from itsdangerous import URLSafeTimedSerializer
from typer.testing import CliRunner

from otpvirt.admin import service as admins
from otpvirt.app import create_app
from otpvirt.cli.main import app as cli_app
from otpvirt.config import Settings
from otpvirt.db import migrate
from otpvirt.db.backup import backup
from otpvirt.runtime import Runtime
from tests.conftest import make_settings
from tests.web.conftest import console_login, make_operator


def _read(path: str) -> bytes:
    return Path(path).read_bytes()


def mode(path: Path) -> int:
    """The permission bits of a file."""
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def loose_umask() -> Iterator[None]:
    """A umask that would leave files group-writable and world-readable."""
    before = os.umask(0o002)
    try:
        yield
    finally:
        os.umask(before)


@asynccontextmanager
async def browser(rt: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app(runtime=rt))
    async with httpx.AsyncClient(transport=transport, base_url="http://otpvirt.test") as web:
        yield web


def _fresh_settings(data_dir: Path, **overrides: Any) -> Settings:
    # The embedded default: an SQLite file inside the data directory.
    return make_settings("", data_dir, **overrides)


async def test_a_new_data_directory_and_its_files_are_private(
    tmp_path: Path, loose_umask: None
) -> None:
    data = tmp_path / "data"
    settings = _fresh_settings(data)
    migrate.upgrade(settings.effective_database_url)  # what `otpvirt db upgrade` does
    rt = Runtime.open(settings)
    try:
        await make_operator(rt)
        async with browser(rt) as web:
            assert (await console_login(web)).status_code == 303
    finally:
        await rt.close()
    assert mode(data) == 0o700
    names = {p.name for p in data.iterdir()}
    assert {"otpvirt.db", "otpvirt.db-writer.lock", "secret.key"} <= names
    for path in data.iterdir():
        assert mode(path) == 0o600, path.name


async def test_an_older_installation_is_tightened(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    db_file = data / "otpvirt.db"
    sqlite3.connect(db_file).close()
    db_file.chmod(0o644)
    settings = _fresh_settings(data)
    migrate.upgrade(settings.effective_database_url)
    rt = Runtime.open(settings)
    try:
        async with rt.db.transaction() as conn:
            await conn.execute(
                "INSERT INTO system_values (key, value, created_at) VALUES ('probe', 'v', 0)"
            )
    finally:
        await rt.close()
    assert mode(data) == 0o700
    assert mode(db_file) == 0o600


def test_backups_are_private(database_url: str, tmp_path: Path, loose_umask: None) -> None:
    target = tmp_path / "backups" / "otpvirt.dump"
    backup(database_url, target)
    assert target.stat().st_size > 0
    assert mode(target) == 0o600


async def test_the_database_alone_cannot_sign_a_console_session(
    api: httpx.AsyncClient, rt: Runtime
) -> None:
    await make_operator(rt)
    assert (await console_login(api)).status_code == 303
    assert (await api.get("/console/clients")).status_code == 200
    async with rt.db.read() as conn:
        values = [str(r[0]) for r in await conn.fetchall("SELECT value FROM system_values")]
        pw_hash = await conn.fetchval("SELECT password_hash FROM admin_users WHERE name = 'alice'")
    # A console session as the service used to sign it, with every value the database
    # holds as the key, then with the real key (which alone is not enough either).
    payload = {
        "area": "console",
        "kind": "user",
        "name": "alice",
        "fp": admins.fingerprint(str(pw_hash)),
        "csrf": "forged",
    }
    key_file = Path(rt.settings.data_dir) / "secret.key"
    for key in [*values, key_file.read_text().strip()]:
        forged = URLSafeTimedSerializer(key, salt="otpvirt.console").dumps(payload)
        async with browser(rt) as attacker:
            attacker.cookies.set("otpvirt_console", forged, domain="otpvirt.test")
            assert (await attacker.get("/console/clients")).status_code == 303
    if rt.db.dialect == "sqlite":
        db_file = rt.settings.effective_database_url.removeprefix("sqlite:///")
        assert key_file.read_bytes().strip() not in _read(db_file)


async def test_the_key_can_come_from_the_environment(database_url: str, tmp_path: Path) -> None:
    key = "k" * 48
    runtimes = [
        Runtime.open(make_settings(database_url, tmp_path / "a", secret_key=key)),
        Runtime.open(make_settings(database_url, tmp_path / "b", secret_key=key)),
        Runtime.open(make_settings(database_url, tmp_path / "c")),
    ]
    one, two, other = runtimes
    try:
        await make_operator(one)
        async with browser(one) as web:
            assert (await console_login(web)).status_code == 303
            cookie = web.cookies["otpvirt_console"]
        async with browser(two) as web:
            web.cookies.set("otpvirt_console", cookie, domain="otpvirt.test")
            assert (await web.get("/console/clients")).status_code == 200
        async with browser(other) as web:  # its own key file: another key
            web.cookies.set("otpvirt_console", cookie, domain="otpvirt.test")
            assert (await web.get("/console/clients")).status_code == 303
    finally:
        for rt in runtimes:
            await rt.close()
    assert not (tmp_path / "a" / "secret.key").exists()
    assert not (tmp_path / "b" / "secret.key").exists()
    with pytest.raises(ValueError, match="32"):
        Settings(secret_key="too-short")  # type: ignore[arg-type]


async def test_rotating_the_key_ends_every_session(
    api: httpx.AsyncClient, rt: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    await make_operator(rt)
    assert (await console_login(api)).status_code == 303
    assert (await api.get("/console/clients")).status_code == 200
    key_file = Path(rt.settings.data_dir) / "secret.key"
    before = key_file.read_text()
    monkeypatch.setenv("OTPVIRT_DATABASE_URL", rt.settings.database_url)
    monkeypatch.setenv("OTPVIRT_DATA_DIR", str(rt.settings.data_dir))
    # The command runs its own event loop, as from a shell.
    result = await asyncio.to_thread(CliRunner().invoke, cli_app, ["admin", "rotate-secret-key"])
    assert result.exit_code == 0, result.output
    assert "secret.key" in result.output
    assert key_file.read_text() != before and mode(key_file) == 0o600
    assert (await api.get("/console/clients")).status_code == 303
    # The running process takes the new key up without a restart (it looks at the
    # file at most once a second).
    await asyncio.sleep(1.1)
    assert (await console_login(api)).status_code == 303
    assert (await api.get("/console/clients")).status_code == 200
    signed = api.cookies["otpvirt_console"]
    URLSafeTimedSerializer(key_file.read_text().strip(), salt="otpvirt.console").loads(signed)
    async with rt.db.read() as conn:
        actions = [r[0] for r in await conn.fetchall("SELECT action FROM audit_log")]
    assert "admin.secret_key_rotate" in actions
