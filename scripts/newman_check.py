"""Run the seed Postman collection with newman against a running server.

    python scripts/newman_check.py http://127.0.0.1:8080 [otpvirt-data/demo-client.json]

Rewrites the collection's host and credentials (and gives each example activation id
a fresh lease), then runs `npx --yes newman run` on it, with a test per request that
the answer is HTTP 200 with status 2.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
COLLECTION = HERE.parent / "tests" / "e2e" / "OTP-virt.postman_collection.json"
CHECK = [
    "pm.test('HTTP 200 with status 2', function () {",
    "  pm.response.to.have.status(200);",
    "  pm.expect(pm.response.json().status).to.eql(2);",
    "});",
]


def main() -> int:
    """Patch the collection and hand it to newman."""
    base = sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8080"
    creds_file = Path(sys.argv[2] if len(sys.argv) > 2 else "otpvirt-data/demo-client.json")
    creds = json.loads(creds_file.read_text())
    # Fetch newman first: the demo simulator sends a code 3-15 s after each lease, and a
    # lease that got its SMS can no longer be cancelled (request 4 would rightly fail).
    subprocess.run(["npx", "--yes", "newman", "--version"], check=True, capture_output=True)
    doc = json.loads(COLLECTION.read_text())
    fresh: dict[str, str] = {}
    # Items 9-11 are documentation pages (no URL, no body), not requests.
    doc["item"] = [
        i for i in doc["item"] if ((i.get("request") or {}).get("body") or {}).get("raw")
    ]
    for item in doc["item"]:
        req = item["request"]
        raw = req["body"]["raw"]
        body = json.loads(raw)
        body.update(clientId=creds["clientId"], apiPassword=creds["apiPassword"])
        if "activationId" in body:
            old = body["activationId"]
            if old not in fresh:
                got = httpx.post(
                    f"{base}/native/GetNumber",
                    json={**body, "service": "vi", "detail": {"country": "tajikistan"}},
                ).json()
                fresh[old] = got["activationId"]
            body["activationId"] = fresh[old]
        req["body"]["raw"] = json.dumps(body)
        url = req["url"]["raw"] if isinstance(req["url"], dict) else req["url"]
        path = url.split("/native/", 1)[1]
        req["url"] = f"{base}/native/{path}"
        item["event"] = [{"listen": "test", "script": {"type": "text/javascript", "exec": CHECK}}]
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump(doc, fh)
    return subprocess.call(["npx", "--yes", "newman", "run", fh.name])


if __name__ == "__main__":
    raise SystemExit(main())
