"""A real `otpvirt serve --demo` pushes the simulator's SMS to a client's webhook."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from standardwebhooks import Webhook

from tests.support.server import Server, start_server, stop_server


class _Hook(BaseHTTPRequestHandler):
    got: list[tuple[dict[str, str], bytes]]

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.got.append(({k.lower(): v for k, v in self.headers.items()}, body))
        self.send_response(200)
        self.send_header("Content-Length", "12")
        self.end_headers()
        self.wfile.write(b'{"status":2}')

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def receiver() -> Iterator[tuple[str, list[tuple[dict[str, str], bytes]]]]:
    got: list[tuple[dict[str, str], bytes]] = []
    handler = type("Hook", (_Hook,), {"got": got})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/otp", got
    server.shutdown()


@pytest.fixture(scope="module")
def hook_demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    server = start_server(
        tmp_path_factory.mktemp("webhooks"),
        env={
            "OTPVIRT_SIMULATOR_DELAY": "0.2-0.5",
            "OTPVIRT_SIMULATOR_SECOND_SMS_PROBABILITY": "0",
            "OTPVIRT_WEBHOOK_ALLOW_PRIVATE": "true",
        },
    )
    yield server
    stop_server(server)


def test_serve_pushes_signed_webhooks(
    hook_demo: Server, receiver: tuple[str, list[tuple[dict[str, str], bytes]]]
) -> None:
    url, got = receiver
    env = {**os.environ, "OTPVIRT_DATA_DIR": str(hook_demo.data_dir)}
    env.pop("OTPVIRT_DATABASE_URL", None)
    args = ["clients", "set-webhook", hook_demo.client_id, url, "--json"]
    out = subprocess.run(
        [sys.executable, "-m", "otpvirt", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    secret = json.loads(out.stdout)["secret"]
    creds = {"clientId": hook_demo.client_id, "apiPassword": hook_demo.password}
    with httpx.Client(base_url=hook_demo.base, timeout=10) as http:
        lease = http.post(
            "/native/GetNumber",
            json={**creds, "service": "wa", "detail": {"country": "tajikistan"}},
        ).json()
        assert lease["status"] == 2, lease
        deadline = time.monotonic() + 20
        while not got and time.monotonic() < deadline:
            time.sleep(0.1)
        assert got, "no webhook arrived"
        headers, body = got[0]
        payload = Webhook(secret).verify(body, headers)
        sms = http.post(
            "/native/GetSms", json={**creds, "activationId": lease["activationId"]}
        ).json()["sms"]
    assert payload == {
        **sms[0],
        "clientId": hook_demo.client_id,
        "activationId": lease["activationId"],
    }
    assert payload["phone"] == lease["number"] and payload["code"]
