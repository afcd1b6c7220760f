"""The SDK as its own distribution: a fresh virtualenv holding only `pip install ./sdk/python`
runs the three-line flow against a real `otpvirt serve`, and none of the server's
dependencies are installed there."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import textwrap
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.server import Server, start_server, stop_server

ROOT = Path(__file__).resolve().parents[2]

FLOW = textwrap.dedent(
    """
    import sys

    from otpvirt_client import Client

    url, client_id, password = sys.argv[1:4]
    with Client(url, client_id, password) as otp:
        before = otp.get_balance().amount
        act = otp.get_number("vi", country="tajikistan")
        code = otp.wait_for_code(act, timeout=60)
        otp.confirm(act)
        after = otp.get_balance().amount
    print(code, act.amount, before - after)
    """
)

# The distributions a root distribution needs (itself included), by walking the
# requirements installed in that venv; with --direct only its own requirements.
CLOSURE = textwrap.dedent(
    """
    import json
    import re
    import sys
    from importlib import metadata

    def name(req):
        return re.split(r"[ ;<>=!~\\[(]", req, maxsplit=1)[0].lower().replace("_", "-")

    if sys.argv[2:] == ["--direct"]:
        print(json.dumps(sorted(name(r) for r in metadata.requires(sys.argv[1]) or [])))
        raise SystemExit
    seen, todo = set(), [sys.argv[1]]
    while todo:
        dist = todo.pop()
        if dist in seen:
            continue
        try:
            reqs = metadata.requires(dist) or []
        except metadata.PackageNotFoundError:
            continue  # excluded by its marker (python_version < "3.11"...)
        seen.add(dist)
        for req in reqs:
            if "extra ==" not in req:
                todo.append(name(req))
    print(json.dumps(sorted(seen)))
    """
)


def _name(requirement: str) -> str:
    return re.split(r"[ ;<>=!~\[(]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _run(*args: str | Path, timeout: float = 120) -> str:
    out = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, timeout=timeout, check=False
    )
    assert out.returncode == 0, out.stdout + out.stderr
    return out.stdout


@pytest.fixture(scope="module")
def sdk_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtualenv with the SDK installed from sdk/python, and nothing else."""
    work = tmp_path_factory.mktemp("sdk-only")
    source = work / "sdk"
    # A copy, so the build leaves nothing (build/, *.egg-info) in the source tree.
    shutil.copytree(
        ROOT / "sdk" / "python",
        source,
        ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"),
    )
    venv = work / "venv"
    _run(sys.executable, "-m", "venv", venv)
    python = venv / "bin" / "python"
    _run(python, "-m", "pip", "install", "--quiet", source, timeout=600)
    return python


def test_only_the_sdk_and_httpx_are_installed(sdk_venv: Path) -> None:
    listed = json.loads(_run(sdk_venv, "-m", "pip", "list", "--format", "json"))
    installed = {_name(p["name"]) for p in listed}
    assert json.loads(_run(sdk_venv, "-c", CLOSURE, "otpvirt-client", "--direct")) == ["httpx"]
    needed = {"otpvirt-client", *json.loads(_run(sdk_venv, "-c", CLOSURE, "httpx"))}
    assert "httpx" in needed
    # pip's own tooling is all there is besides the SDK and what httpx needs.
    assert installed - needed <= {"pip", "setuptools", "wheel"}
    server = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    server_only = {_name(r) for r in server} - needed
    assert {"fastapi", "sqlalchemy", "alembic", "asyncpg", "argon2-cffi", "pydantic"} <= (
        server_only
    )
    assert not installed & (server_only | {"otpvirt", "starlette"})
    probe = "import importlib.util as u; print(u.find_spec('otpvirt'))"
    assert _run(sdk_venv, "-c", probe).strip() == "None"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A plain `otpvirt serve --demo`: its simulator sends the code 1-2 s after a lease."""
    srv = start_server(tmp_path_factory.mktemp("sdk-demo"), env={"OTPVIRT_SIMULATOR_DELAY": "1-2"})
    yield srv
    stop_server(srv)


def test_three_line_flow_against_a_running_server(sdk_venv: Path, demo: Server) -> None:
    out = _run(sdk_venv, "-c", FLOW, demo.base, demo.client_id, demo.password)
    code, price, paid = out.split()
    assert code.isdigit() and 4 <= len(code) <= 8
    assert price == paid == "0.05"
