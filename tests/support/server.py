"""A real `otpvirt serve --demo` process on 127.0.0.1 for end-to-end tests.

`demo_server` (tests/conftest.py) is one such server shared by every test that only
needs a demo service to talk to; a test that needs its own settings starts its own.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# The simulator answers a lease 3-15 s later by default: in tests that inject their
# own SMS it would race them under load, so the shared server's waits an hour.
QUIET_SIMULATOR = {"OTPVIRT_SIMULATOR_DELAY": "3600"}


@dataclass
class Server:
    base: str
    client_id: str
    password: str
    data_dir: Path
    proc: subprocess.Popen[bytes]


def start_server(
    data_dir: Path,
    *extra: str,
    env: dict[str, str] | None = None,
    database_url: str | None = None,
    demo_traffic: float = 0,
) -> Server:
    """Start `otpvirt serve --demo` (SQLite in data_dir unless given a URL) and wait for it.

    The demo market is off unless `demo_traffic` (leases per minute) is given: the other
    tests count on a pool that only they use.
    """
    port = free_port()
    full_env = {
        **os.environ,
        "OTPVIRT_DATA_DIR": str(data_dir),
        "OTPVIRT_ARGON2_MEMORY_KIB": "64",
        "OTPVIRT_ARGON2_TIME_COST": "1",
        **(env or {}),
    }
    full_env.pop("OTPVIRT_DATABASE_URL", None)
    if database_url:
        full_env["OTPVIRT_DATABASE_URL"] = database_url
    log = (data_dir / "serve.log").open("wb")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "otpvirt",
            "serve",
            "--demo",
            "--port",
            str(port),
            "--demo-traffic",
            str(demo_traffic),
            *extra,
        ],
        env=full_env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError((data_dir / "serve.log").read_text())
        try:
            httpx.get(f"{base}/openapi.json", timeout=1)
            break
        except httpx.HTTPError:
            time.sleep(0.05)
    else:
        proc.kill()
        raise RuntimeError("server did not start: " + (data_dir / "serve.log").read_text())
    creds = json.loads((data_dir / "demo-client.json").read_text())
    return Server(base, creds["clientId"], creds["apiPassword"], data_dir, proc)


def add_unpriced_service(server: Server, code: str) -> str:
    """A service in the server's catalogue without a price (the demo prices every other)."""
    env = {**os.environ, "OTPVIRT_DATA_DIR": str(server.data_dir)}
    env.pop("OTPVIRT_DATABASE_URL", None)
    subprocess.run(
        [sys.executable, "-m", "otpvirt", "catalogue", "add-service", code, "Unpriced"],
        env=env,
        capture_output=True,
        check=True,
        timeout=60,
    )
    return code


def stop_server(server: Server) -> None:
    server.proc.terminate()
    try:
        server.proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.proc.kill()
