"""Fuzzing the native API on a real server: schemathesis from the served OpenAPI, and a
barrage of malformed bodies. No 5xx, every answer a valid envelope, nothing changed."""

from __future__ import annotations

import asyncio
import gzip
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from otpvirt.native.schemas import CLIENT_ID, PASSWORD
from tests.support.server import Server, start_server, stop_server

# Thousands of generated requests against a server of its own: slow (make test runs them).
pytestmark = pytest.mark.slow

BUSINESS = ["clients", "ledger_entries", "activations", "sms_messages", "numbers", "prices"]


@pytest.fixture(scope="module")
def fuzz_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    data = tmp_path_factory.mktemp("fuzz")
    # No background work: the database must change only through the requests sent.
    server = start_server(
        data,
        "--no-worker",
        env={
            "OTPVIRT_RATE_LIMIT": "off",
            "OTPVIRT_LOCKOUT_ATTEMPTS": "1000000",
            "OTPVIRT_LOCKOUT_ADDRESS_ATTEMPTS": "1000000",
        },
    )
    env = {**os.environ, "OTPVIRT_DATA_DIR": str(data)}
    env.pop("OTPVIRT_DATABASE_URL", None)
    # The OpenAPI examples' credentials authenticate, so generated requests get past auth.
    subprocess.run(
        [
            sys.executable,
            "-m",
            "otpvirt",
            "clients",
            "create",
            "--client-id",
            CLIENT_ID,
            "--password",
            PASSWORD,
            "--balance",
            "1",
        ],
        env=env,
        check=True,
        capture_output=True,
    )
    yield server
    stop_server(server)


def assert_envelope(resp: Any) -> None:
    assert resp.status_code == 200, (resp.status_code, resp.text[:200])
    data = resp.json()
    assert isinstance(data, dict)
    assert data["status"] in (2, 4) and data["error"] in (0, 1, 2, 3, 4)
    if data["status"] == 4:
        assert data["error"] != 0 and isinstance(data["reason"], str)
        assert isinstance(data["message"], str)
        assert data["error"] != 2, data  # never an internal error
        assert PASSWORD not in resp.text


@pytest.mark.parametrize("mode", ["positive", "negative"])
def test_schemathesis_native_api(fuzz_server: Server, mode: str) -> None:
    """Every native operation, with bodies that fit the schema and bodies that do not."""
    # Imported here: schemathesis and hypothesis take ~1.5 s to import, and every test
    # process imports every test module (pytest -p no:schemathesis: not its plugin).
    import schemathesis
    from hypothesis import HealthCheck, given, settings

    schema = schemathesis.openapi.from_url(f"{fuzz_server.base}/openapi.json")
    # An operation the schema cannot describe is an Err: .ok() on it fails the test.
    operations = [r.ok() for r in schema.get_all_operations()]  # type: ignore[union-attr]
    native = [op for op in operations if op.path.startswith("/native/")]
    # The seed's 7, GetHistory and the 6 rental methods (API-extensions.md).
    assert len(native) == 14
    for op in native:

        @given(case=op.as_strategy(generation_mode=schemathesis.GenerationMode(mode)))
        @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
        def check(case: Any) -> None:
            assert_envelope(case.call(base_url=fuzz_server.base))

        check()


def _counts(server: Server) -> dict[str, int]:
    from otpvirt.config import Settings
    from otpvirt.runtime import Runtime

    async def go() -> dict[str, int]:
        rt = Runtime.open(Settings(data_dir=server.data_dir))
        try:
            async with rt.db.read() as conn:
                out = {t: int(await conn.fetchval(f"SELECT COUNT(*) FROM {t}")) for t in BUSINESS}
                out["balance"] = int(
                    await conn.fetchval("SELECT COALESCE(SUM(balance), 0) FROM clients")
                )
                return out
        finally:
            await rt.close()

    return asyncio.run(go())


INJECTIONS = [
    "' OR '1'='1",
    "'; DROP TABLE clients; --",
    "<script>alert(1)</script>",
    "\x00",
    "../../etc/passwd",
    "${jndi:ldap://x}",
    "\ud800",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢" * 50,
    "1e309",
    "-1",
    "99999999999999999999999",
]


def _bodies() -> list[tuple[bytes, dict[str, str]]]:
    good = {"clientId": CLIENT_ID, "apiPassword": PASSWORD}
    out: list[tuple[bytes, dict[str, str]]] = [
        (b"\xff\xfe\xfa", {}),
        (b"\xed\xa0\x80", {}),  # lone surrogate in UTF-8
        (b'{"clientId": "' + b"\xc3\x28" + b'"}', {}),
        (b"[" * 100_000 + b"]" * 100_000, {}),
        (b'{"a":' * 20_000 + b"1" + b"}" * 20_000, {}),
        (b"{" + b" " * (100 * 1024 * 1024 // 1024) + b"}", {}),
        (gzip.compress(b" " * (50 * 1024 * 1024)), {"Content-Encoding": "gzip"}),
        (gzip.compress(json.dumps(good).encode()), {"Content-Encoding": "deflate"}),
        (json.dumps(good).encode(), {"Content-Encoding": "gzip"}),
        (json.dumps(good).encode(), {"Content-Encoding": "zstd"}),
        (json.dumps(good).encode(), {"Content-Type": "text/plain"}),
        (b"null", {}),
        (b"123", {}),
        (b'"str"', {}),
        (b"true", {}),
        (json.dumps({**good, "service": 1e308, "detail": {"country": ["x"]}}).encode(), {}),
        (json.dumps({**good, "activationId": 12345}).encode(), {}),
    ]
    for field in ("clientId", "apiPassword", "service", "activationId"):
        for inj in INJECTIONS:
            body = {
                **good,
                "service": "vi",
                "detail": {"country": inj, "provider": inj},
                field: inj,
            }
            out.append((json.dumps(body).encode("utf-8", "surrogatepass"), {}))
    return out


@pytest.mark.parametrize(
    "method", ["GetNumber", "CancelActivation", "GetSms", "GetBalance", "GetNumbersCount"]
)
def test_malformed_bodies_change_nothing(fuzz_server: Server, method: str) -> None:
    before = _counts(fuzz_server)
    with httpx.Client(base_url=fuzz_server.base, timeout=60) as http:
        for body, headers in _bodies():
            try:
                resp = http.post(f"/native/{method}", content=body, headers=headers)
            except httpx.RemoteProtocolError:
                continue  # the server may close a connection it refused to read further
            assert_envelope(resp)
        # A 100 MB upload announced up front is refused without reading it.
        big = http.post(f"/native/{method}", content=b"x" * (100 * 1024 * 1024))
        assert big.json()["reason"] == "body_too_large"
    assert _counts(fuzz_server) == before
    done = subprocess.run(
        [sys.executable, "-m", "otpvirt", "doctor"],
        env={**os.environ, "OTPVIRT_DATA_DIR": str(fuzz_server.data_dir)},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout
