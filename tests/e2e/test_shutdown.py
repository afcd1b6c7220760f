"""SIGTERM: stop accepting, finish the requests in flight, stop the background work."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from tests.support.server import start_server

# A server stopped under load: slow (make test runs it).
pytestmark = pytest.mark.slow


def test_sigterm_finishes_in_flight_requests(tmp_path: Path) -> None:
    server = start_server(tmp_path)
    env = {**os.environ, "OTPVIRT_DATA_DIR": str(tmp_path)}
    env.pop("OTPVIRT_DATABASE_URL", None)

    def cli(*args: str) -> str:
        cmd = [sys.executable, "-m", "otpvirt", *args]
        return subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout

    token = json.loads(cli("sources", "create", "bulk", "--json"))["token"]
    csv = tmp_path / "n.csv"
    csv.write_text("number,country,provider,source\n37120000009,latvia,xomobile,bulk\n")
    cli("numbers", "import", str(csv))
    batch = [
        {"to": "37120000009", "from": f"S{i}", "text": f"message {i}", "messageId": f"b{i}"}
        for i in range(1000)
    ]
    answer: dict[str, object] = {}

    def send() -> None:
        resp = httpx.post(
            f"{server.base}/gateway/v1/sms",
            json=batch,
            headers={"Authorization": f"Bearer {token}"},
            timeout=60,
        )
        answer["status"] = resp.status_code
        answer["body"] = resp.json()

    sender = threading.Thread(target=send)
    sender.start()
    time.sleep(0.3)  # the batch is being stored
    server.proc.send_signal(signal.SIGTERM)
    sender.join(timeout=60)
    # uvicorn re-raises the signal after its graceful shutdown: exit by SIGTERM.
    assert server.proc.wait(timeout=30) in (0, -signal.SIGTERM)
    log = (tmp_path / "serve.log").read_text()
    assert "Waiting for application shutdown" in log and "Finished server process" in log
    assert answer["status"] == 200
    assert answer["body"]["accepted"] == 1000  # type: ignore[index]
    stored = json.loads(cli("sms", "list", "--number", "37120000009", "--limit", "2000", "--json"))
    assert len(stored) == 1000
    # New connections are refused once it has stopped.
    try:
        httpx.get(f"{server.base}/openapi.json", timeout=2)
        raise AssertionError("still answering after SIGTERM")
    except httpx.ConnectError:
        pass
