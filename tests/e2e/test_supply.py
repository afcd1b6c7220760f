"""SMS supply against a real server: the demo simulator, gateway and Android peers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator

import httpx
import pytest

from tests.support.gateway import android_request, gson, sms_received
from tests.support.server import Server, start_server, stop_server


@pytest.fixture(scope="module")
def fast_demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    server = start_server(
        tmp_path_factory.mktemp("supply"),
        env={"OTPVIRT_SIMULATOR_DELAY": "0.2-0.6", "OTPVIRT_SIMULATOR_SECOND_SMS_PROBABILITY": "0"},
    )
    yield server
    stop_server(server)


def test_demo_numbers_receive_codes_from_the_simulator(fast_demo: Server) -> None:
    creds = {"clientId": fast_demo.client_id, "apiPassword": fast_demo.password}
    with httpx.Client(base_url=fast_demo.base, timeout=10) as http:
        for service in ("vi", "wa", "tg", "fb", "go"):
            got = http.post(
                "/native/GetNumber",
                json={**creds, "service": service, "detail": {"country": "tajikistan"}},
            ).json()
            assert got["status"] == 2, got
            deadline = time.monotonic() + 15
            sms: list[dict[str, object]] = []
            while not sms and time.monotonic() < deadline:
                time.sleep(0.2)
                sms = http.post(
                    "/native/GetSms", json={**creds, "activationId": got["activationId"]}
                ).json()["sms"]
            assert sms, f"no SMS for {service}"
            code = str(sms[0]["code"])
            assert code.isdigit() and len(code) >= 5, sms
            assert code in str(sms[0]["text"]).replace("-", "").replace(" ", "")
            assert (
                http.post(
                    "/native/ConfirmActivation", json={**creds, "activationId": got["activationId"]}
                ).json()["status"]
                == 2
            )


def _cli(server: Server, *args: str) -> str:
    env = {**os.environ, "OTPVIRT_DATA_DIR": str(server.data_dir)}
    env.pop("OTPVIRT_DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-m", "otpvirt", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout


def test_gateway_and_android_peers_over_http(fast_demo: Server) -> None:
    gw = json.loads(_cli(fast_demo, "sources", "create", "gw-e2e", "--json"))
    phone = json.loads(
        _cli(fast_demo, "sources", "create", "phone-e2e", "--kind", "android", "--json")
    )
    csv = fast_demo.data_dir / "e2e.csv"
    csv.write_text(
        "number,country,provider,source\n37129990001,latvia,xomobile,gw-e2e\n37129990002,latvia,xomobile,phone-e2e\n"
    )
    _cli(fast_demo, "numbers", "import", str(csv))
    with httpx.Client(base_url=fast_demo.base, timeout=10) as http:
        resp = http.post(
            "/gateway/v1/sms",
            headers={"Authorization": f"Bearer {gw['token']}"},
            json=[
                {
                    "to": "+371 2999 0001",
                    "from": "Citadele",
                    "text": "Apstiprināšanas kods 024485",
                    "messageId": "g-1",
                }
            ],
        )
        assert resp.status_code == 200 and resp.json()["accepted"] == 1
        body = gson(sms_received("Код <b>771122</b>", recipient="+37129990002"))
        resp = http.post(
            f"/gateway/v1/android/{phone['token']}",
            content=body,
            headers=android_request(body, phone["signingKey"]),
        )
        assert resp.status_code == 200 and resp.json()["accepted"] == 1
    listed = json.loads(_cli(fast_demo, "sms", "list", "--unrouted", "--json"))
    got = {r["phone"]: (r["text"], r["code"], r["source"]) for r in listed}
    assert got[37129990001] == ("Apstiprināšanas kods 024485", "024485", "gw-e2e")
    assert got[37129990002] == ("Код <b>771122</b>", "771122", "phone-e2e")
    sources = {s["name"]: s for s in json.loads(_cli(fast_demo, "sources", "list", "--json"))}
    assert sources["gw-e2e"]["lastSmsAt"] and sources["simulator"]["numbers"] == 350
