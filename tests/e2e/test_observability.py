"""Observability on a real server: metrics from every worker process, JSON logs, probes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx
import pytest

from tests.support.server import start_server, stop_server

# `serve --workers 2` and its scrapes: slow (make test runs it).
pytestmark = pytest.mark.slow


def _sample(text: str, pattern: str) -> float:
    found = re.search(pattern + r" ([0-9.e+]+)$", text, re.MULTILINE)
    return float(found.group(1)) if found else 0.0


def test_a_scrape_sees_every_worker_process(tmp_path: Path) -> None:
    server = start_server(tmp_path, "--workers", "2", env={"OTPVIRT_RATE_LIMIT": "off"})
    try:
        creds = {"clientId": server.client_id, "apiPassword": server.password}
        with httpx.Client(base_url=server.base, timeout=10) as web:
            # Fresh connections, so the kernel spreads them over both processes.
            for _ in range(30):
                with httpx.Client(base_url=server.base, timeout=10) as one:
                    assert one.post("/native/GetBalance", json=creds).json()["status"] == 2
            assert web.get("/healthz").json() == {"status": "ok"}
            assert web.get("/readyz").status_code == 200
        ok = r'otpvirt_requests_total\{method="GetBalance",outcome="ok"\}'
        # Whichever process answers a scrape, it reports what all of them counted.
        for _ in range(5):
            text = httpx.get(f"{server.base}/metrics", timeout=10).text
            assert _sample(text, ok) == 30
        assert _sample(text, r'otpvirt_numbers_available\{country="tajikistan",service="vi"\}') > 0
    finally:
        stop_server(server)
    # Logs are JSON lines when stdout is not a terminal, and carry no credential.
    log = (tmp_path / "serve.log").read_text()
    lines = [json.loads(line) for line in log.splitlines() if line.startswith("{")]
    assert any(entry["logger"].startswith("uvicorn") for entry in lines)
    assert server.password not in "\n".join(
        line for line in log.splitlines() if line.startswith("{")
    )
