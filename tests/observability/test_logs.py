"""Log lines: JSON with the request id, and never a password, token or API key."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import httpx
import pytest

from otpvirt.admin import service as admins
from otpvirt.observability import logs
from otpvirt.runtime import Runtime
from tests.support import factory


@pytest.fixture
def captured() -> Iterator[io.StringIO]:
    """Every log record, through the service's own handler set-up, into a buffer."""
    buffer = io.StringIO()
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    logs.configure("debug", json_lines=True)
    handler = root.handlers[0]
    assert isinstance(handler, logging.StreamHandler)
    handler.setStream(buffer)
    try:
        yield buffer
    finally:
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])


def test_redact_masks_every_secret_shape() -> None:
    line = (
        "GET /stubs/handler_api.php?api_key=K3y0nly&action=getBalance token=abc "
        '{"apiPassword": "hunter22-secret"} adm_AbCdEfGh12345678 src_ZZZZZZZZZZZZ '
        "whsec_c2VjcmV0c2VjcmV0 Authorization: Bearer xyz /gateway/v1/android/tok123/x"
    )
    out = logs.redact(line)
    for secret in ("K3y0nly", "hunter22-secret", "AbCdEfGh12345678", "ZZZZZZZZZZZZ", "xyz"):
        assert secret not in out
    assert "c2VjcmV0c2VjcmV0" not in out and "tok123" not in out
    assert "action=getBalance" in out


def test_json_lines_carry_the_request_id(captured: io.StringIO) -> None:
    token = logs.request_id.set("req-42")
    try:
        logging.getLogger("otpvirt.test").warning("hello %s", "world")
    finally:
        logs.request_id.reset(token)
    entry = json.loads(captured.getvalue().splitlines()[-1])
    assert entry["msg"] == "hello world" and entry["request_id"] == "req-42"
    assert entry["level"] == "warning" and entry["logger"] == "otpvirt.test"


async def test_no_secret_reaches_the_logs(
    captured: io.StringIO, api: httpx.AsyncClient, rt: Runtime
) -> None:
    c = await factory.client(rt)
    async with rt.db.transaction() as conn:
        token = await admins.create_token(conn, "logger")
    # Calls that carry secrets, some failing (failures are what gets logged).
    await api.post("/native/GetBalance", json=c.creds())
    await api.post("/native/GetBalance", json={**c.creds(), "apiPassword": "Wrong-Pass-123"})
    await api.get("/stubs/handler_api.php", params={"api_key": "SecretKey123456", "action": "x"})
    await api.get("/admin/v1/clients", headers={"Authorization": f"Bearer {token}"})
    await api.get("/admin/v1/clients", headers={"Authorization": "Bearer adm_WrongToken123"})
    # A careless log call elsewhere is still masked.
    logging.getLogger("uvicorn.access").info(
        '127.0.0.1 - "GET /stubs/handler_api.php?api_key=SecretKey123456&action=getBalance"'
    )
    logging.getLogger("otpvirt").info("token %s password=%s", token, c.password)
    text = captured.getvalue()
    assert text  # something was logged
    for secret in (c.password, "Wrong-Pass-123", "SecretKey123456", token, "adm_WrongToken123"):
        assert secret not in text, secret
