"""The operator CLI in-process (Typer's runner) on each test database."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import pytest
from typer.testing import CliRunner

from otpvirt.cli.main import app


class Cli(Protocol):
    def __call__(self, *args: str, ok: bool = True) -> str:
        """Run `otpvirt ARGS`; assert exit 0 (`ok`) or 1 (a refused command); the output."""
        ...


@pytest.fixture
def cli(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Cli:
    """`otpvirt ...` against the test's database (cheap password hashing)."""
    monkeypatch.setenv("OTPVIRT_DATABASE_URL", database_url)
    monkeypatch.setenv("OTPVIRT_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("OTPVIRT_ARGON2_MEMORY_KIB", "64")
    monkeypatch.setenv("OTPVIRT_ARGON2_TIME_COST", "1")
    runner = CliRunner()

    def invoke(*args: str, ok: bool = True) -> str:
        result = runner.invoke(app, list(args))
        assert result.exit_code == (0 if ok else 1), (args, result.output)
        return result.output

    return invoke
