"""Test fixtures: every database test runs on SQLite and on PostgreSQL.

The schema is built once per session with the real Alembic migrations into a
template (an SQLite file / a PostgreSQL template database); each test gets a
fresh copy. PostgreSQL is at OTPVIRT_TEST_PG_URL (default 127.0.0.1:5432, db
`test`); when it is unreachable its tests are skipped locally and fail in CI.
`--backends sqlite` (what `make quick` passes) leaves the PostgreSQL tests out.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest

from otpvirt import adapters  # noqa: F401  (registers the supplier adapters)
from otpvirt.config import Settings
from otpvirt.db import migrate
from otpvirt.runtime import Runtime
from tests.support.pgcopies import PgCopies
from tests.support.server import (
    QUIET_SIMULATOR,
    Server,
    add_unpriced_service,
    start_server,
    stop_server,
)

PG_ADMIN_URL = os.environ.get("OTPVIRT_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
BACKENDS = ["sqlite", "postgresql"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--backends",
        default=",".join(BACKENDS),
        help="databases to run the database tests on (comma-separated; default: both)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Deselect the tests of databases left out by --backends."""
    wanted = set(str(config.getoption("--backends")).split(","))
    if unknown := wanted - set(BACKENDS):
        raise pytest.UsageError(f"--backends: unknown {sorted(unknown)}; known {BACKENDS}")
    if "postgresql" in wanted:
        return
    keep: list[pytest.Item] = []
    drop: list[pytest.Item] = []
    for item in items:
        params = getattr(item, "callspec", None)
        on_pg = params is not None and "postgresql" in params.params.values()
        uses_pg = {"pg_template", "pg_copies", "pg_database_url"} & set(
            getattr(item, "fixturenames", ())
        )
        (drop if on_pg or uses_pg else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


def _pg_url(dbname: str) -> str:
    base, _, _ = PG_ADMIN_URL.rpartition("/")
    return f"{base}/{dbname}"


async def _pg_admin(sql: str) -> None:
    con = await asyncpg.connect(PG_ADMIN_URL, timeout=5)
    try:
        await con.execute(sql)
    finally:
        await con.close()


def pg_admin(sql: str) -> None:
    asyncio.run(_pg_admin(sql))


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tpl") / "template.db"
    migrate.upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    name = f"otpvirt_tpl_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    try:
        pg_admin(f'CREATE DATABASE "{name}"')
    except (TimeoutError, OSError, asyncpg.PostgresError) as exc:
        msg = f"PostgreSQL unreachable at {PG_ADMIN_URL}: {exc}"
        if IN_CI:
            pytest.fail(msg)
        pytest.skip(msg)
    migrate.upgrade(_pg_url(name))
    yield name
    pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_copies(pg_template: str) -> Iterator[PgCopies]:
    copies = PgCopies(PG_ADMIN_URL, pg_template)
    yield copies
    copies.close()


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A freshly migrated database of each kind."""
    if request.param == "sqlite":
        template: Path = request.getfixturevalue("sqlite_template")
        target = tmp_path / "otpvirt.db"
        shutil.copyfile(template, target)
        yield f"sqlite:///{target}"
        return
    yield from _fresh_pg(request.getfixturevalue("pg_copies"))


@pytest.fixture
def sqlite_database_url(sqlite_template: Path, tmp_path: Path) -> str:
    """A freshly migrated SQLite database, for tests of SQLite behaviour alone."""
    target = tmp_path / "otpvirt.db"
    shutil.copyfile(sqlite_template, target)
    return f"sqlite:///{target}"


@pytest.fixture
def pg_database_url(pg_copies: PgCopies) -> Iterator[str]:
    """A freshly migrated PostgreSQL database, for tests of the PostgreSQL layer alone."""
    yield from _fresh_pg(pg_copies)


def _fresh_pg(copies: PgCopies) -> Iterator[str]:
    name = copies.take()
    yield _pg_url(name)
    copies.give_back(name)


def make_settings(database_url: str, data_dir: Path, **overrides: Any) -> Settings:
    """Settings for tests: cheap password hashing, no auto-migration."""
    values: dict[str, Any] = {
        "database_url": database_url,
        "data_dir": data_dir,
        "auto_migrate": False,
        "argon2_time_cost": 1,
        "argon2_memory_kib": 64,
        "count_cache_seconds": 0,
        "client_cache_seconds": 0,
        "catalogue_cache_seconds": 0,
        # Parallel workers each open runtimes (some tests two) while PostgreSQL allows
        # 100 connections in all: 10 per runtime still gives the burst tests real
        # concurrency.
        "pg_pool_max": 10,
    }
    values.update(overrides)
    return Settings(**values)


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return make_settings(database_url, tmp_path)


@pytest.fixture
async def rt(settings: Settings) -> AsyncIterator[Runtime]:
    runtime = Runtime.open(settings)
    try:
        yield runtime
    finally:
        await runtime.close()


@pytest.fixture
async def api(rt: Runtime) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client talking to the app in-process."""
    from otpvirt.app import create_app

    app = create_app(runtime=rt)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://otpvirt.test") as client:
        yield client


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One `otpvirt serve --demo` (SQLite) per test process, for tests that only talk to it.

    Its simulator stays quiet (QUIET_SIMULATOR): these tests inject the SMS they expect.
    The demo prices every service everywhere, so it has one unpriced service, `zq`, for
    the "not offered" answers.
    """
    server = start_server(tmp_path_factory.mktemp("demo"), env=QUIET_SIMULATOR)
    add_unpriced_service(server, "zq")
    yield server
    stop_server(server)
