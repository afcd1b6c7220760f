"""The `otpvirt` command loads a noun's module only to run it, and lists them all."""

from __future__ import annotations

import inspect
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from otpvirt.cli.main import COMMANDS, app, load_command

HEAVY = ("alembic", "sqlalchemy", "fastapi", "otpvirt.otp", "otpvirt.app", "otpvirt.cli.db")


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_the_listing_matches_each_command(name: str) -> None:
    command = load_command(name)
    assert command.name == name
    first_paragraph = " ".join(inspect.cleandoc(command.help or "").split("\n\n")[0].split())
    assert first_paragraph == COMMANDS[name][2]


def test_help_lists_every_command_and_each_runs() -> None:
    listing = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "200"})
    assert listing.exit_code == 0, listing.output
    for name, (_, _, help_line) in COMMANDS.items():
        assert f"{name} " in listing.output and help_line in listing.output
    for name in COMMANDS:
        shown = CliRunner().invoke(app, [name, "--help"])
        assert shown.exit_code == 0, (name, shown.output)
        assert "--install-completion" not in shown.output  # a part, not an app of its own
    unknown = CliRunner().invoke(app, ["dbb"])
    assert unknown.exit_code == 2 and "No such command 'dbb'" in unknown.output


@pytest.mark.parametrize("args", [[], ["--help"], ["version"], ["client", "--help"]])
def test_start_up_imports_nothing_heavy(args: list[str]) -> None:
    script = (
        "import sys\n"
        "from otpvirt.cli.main import app\n"
        f"try:\n    app({args!r})\nexcept SystemExit:\n    pass\n"
        f"print([m for m in {HEAVY!r} if m in sys.modules])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stdout
