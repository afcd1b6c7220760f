"""Every request of the seed Postman collection, sent to `otpvirt serve --demo` with the
printed demo credentials substituted, gets an answer of the documented shape."""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path
from typing import Any

import httpx

from tests.support.server import Server

COLLECTION = json.loads((Path(__file__).parent / "OTP-virt.postman_collection.json").read_text())
EXAMPLE_CLIENT = "bd7bf3dd-ea7a-4079-a836-4bb26592fdad"


def _requests() -> list[tuple[str, str, dict[str, Any], Any]]:
    out = []
    for item in COLLECTION["item"]:
        req = item.get("request", {})
        raw = (req.get("body") or {}).get("raw")
        if not raw:
            continue
        url = req["url"]["raw"] if isinstance(req["url"], dict) else req["url"]
        example = json.loads(item["response"][0]["body"]) if item.get("response") else None
        out.append((item["name"], url, json.loads(raw), example))
    return out


def _shape(value: Any) -> Any:
    """The JSON type skeleton of a value (numbers of any kind are 'number')."""
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shape(value[0])] if value else []
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int | float):
        return "int" if isinstance(value, int) else "number"
    return type(value).__name__


def test_collection_round_trip(demo_server: Server) -> None:
    requests = _requests()
    assert [name for name, *_ in requests][:5] == [
        "1. Available numbers quantity request",
        "2. Getting a number",
        "3. End of lease",
        "4. Cancellation of the lease",
        "5. Receiving SMS on request",
    ]
    ids: dict[str, str] = {}
    with httpx.Client(base_url=demo_server.base, timeout=10) as http:
        for name, url, body, example in requests:
            path = re.sub(r"^https?://[^/]+", "", url)
            body = dict(body, clientId=demo_server.client_id, apiPassword=demo_server.password)
            if "activationId" in body:
                # The collection's ids are its own; a fresh lease stands in for each.
                original = body["activationId"]
                if original not in ids:
                    got = http.post(
                        "/native/GetNumber",
                        json={**body, "service": "vi", "detail": {"country": "tajikistan"}},
                    ).json()
                    ids[original] = got["activationId"]
                body["activationId"] = ids[original]
            resp = http.post(path, json=body, headers={"Accept-Encoding": "gzip"})
            assert resp.status_code == 200, name
            assert resp.headers.get("content-encoding") == "gzip", name
            data = resp.json()
            if name.startswith("6."):
                # The webhook example is filed under GetSms; it is answered as GetSms.
                assert data["status"] == 2 and isinstance(data["sms"], list), name
                continue
            assert data["status"] == 2 and data["error"] == 0, (name, data)
            if example is None:
                continue
            got_shape, expected = _shapes(name, data, example)
            assert got_shape == expected, name
            if "activationId" in data:
                assert data["activationId"] == str(uuid.UUID(data["activationId"]))


def _shapes(name: str, data: dict[str, Any], example: Any) -> tuple[Any, Any]:
    """The answer's shape and the example's, with what may differ (amounts, SMS) evened."""
    expected = _shape({**example, "status": 2})
    got_shape = _shape(data)
    if name.startswith("5.") and not data["sms"]:
        got_shape["sms"] = expected["sms"]
    if "balance" in expected:
        expected["balance"] = got_shape["balance"] = "number"
    if "ammount" in expected:
        expected["ammount"] = got_shape["ammount"] = "number"
    if "countryList" in expected:
        for e in expected["countryList"] + got_shape["countryList"]:
            e["services"] = {k: "number" for k in e["services"]}
        # The demo sells every service in every country: a superset of the example's,
        # each a number; the shape is compared on the example's keys.
        sold = {g["country"]: set(g["services"]) for g in data["countryList"]}
        for e in example["countryList"]:
            assert set(e["services"]) <= sold[e["country"]], (name, e["country"])
        expected_services = expected["countryList"][0]["services"]
        got_shape["countryList"][0]["services"] = {
            k: v
            for k, v in got_shape["countryList"][0]["services"].items()
            if k in expected_services
        }
    return got_shape, expected


def test_demo_restart_keeps_credentials(demo_server: Server, tmp_path: Path) -> None:
    saved = json.loads((demo_server.data_dir / "demo-client.json").read_text())
    assert saved == {
        "clientId": demo_server.client_id,
        "apiPassword": demo_server.password,
        "apiKey": saved["apiKey"],
    }
    assert len(saved["apiKey"]) >= 32
