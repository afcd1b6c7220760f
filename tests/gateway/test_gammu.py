"""`otpvirt ingest gammu` run exactly as gammu-smsd runs it, against a real server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from otpvirt.gateway.gammu import item_from_env
from tests.support.server import Server, free_port, start_server, stop_server

# Captured from gammu-smsd 1.42 (dummy driver, files backend): a 2-part UCS-2 message.
TWO_PARTS = {
    "DECODED_1_TEXT": (
        "Привет! Ваш код подтверждения: 482915. Никому не сообщайте этот код. "
        "Сообщение отправлено сервисом проверки."
    ),
    "DECODED_PARTS": "1",
    "PHONE_ID": "modem-a",
    "SMS_1_CLASS": "-1",
    "SMS_1_NUMBER": "+79161234567",
    "SMS_1_REFERENCE": "0",
    "SMS_1_TEXT": "Привет! Ваш код подтверждения: 482915. Никому не сообщайте этот код",
    "SMS_2_CLASS": "-1",
    "SMS_2_NUMBER": "+79161234567",
    "SMS_2_REFERENCE": "0",
    "SMS_2_TEXT": ". Сообщение отправлено сервисом проверки.",
    "SMS_MESSAGES": "2",
}
TWO_PARTS_ARGV = [
    "IN20240102_030405_00_+79161234567_00.txt",
    "IN20240102_030405_00_+79161234567_01.txt",
]
SINGLE = {
    "DECODED_PARTS": "0",
    "PHONE_ID": "modem-a",
    "SMS_1_CLASS": "-1",
    "SMS_1_NUMBER": "Telegram",
    "SMS_1_REFERENCE": "0",
    "SMS_1_TEXT": "Telegram code: 12345",
    "SMS_MESSAGES": "1",
}


def test_env_to_item() -> None:
    item = item_from_env(TWO_PARTS, TWO_PARTS_ARGV)
    assert item is not None
    assert item["text"] == TWO_PARTS["DECODED_1_TEXT"] and item["from"] == "+79161234567"
    assert item["device"] == "modem-a" and item["messageId"] == ",".join(TWO_PARTS_ARGV)
    single = item_from_env(SINGLE, [], number="992111")
    assert (
        single is not None and single["text"] == "Telegram code: 12345" and single["to"] == "992111"
    )
    assert single["messageId"] is None
    assert (
        item_from_env({"SMS_MESSAGES": "1", "DECODED_PARTS": "0", "SMS_1_NUMBER": "x"}, []) is None
    )


def otpvirt(
    env: dict[str, str], *args: str, check: bool = True
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "otpvirt", *args],
        env=env,
        capture_output=True,
        text=True,
        check=check,
        timeout=60,
    )


@pytest.fixture(scope="module")
def gammu_server(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Server, dict[str, str], str]]:
    data = tmp_path_factory.mktemp("gammu")
    server = start_server(data)
    env = {**os.environ, "OTPVIRT_DATA_DIR": str(data)}
    env.pop("OTPVIRT_DATABASE_URL", None)
    token = json.loads(
        otpvirt(env, "sources", "create", "modems", "--kind", "gammu", "--json").stdout
    )["token"]
    (data / "n.csv").write_text(
        "number,country,provider,source\n79161230000,latvia,xomobile,modems\n"
        "37120000001,latvia,xomobile,modems\n"
    )
    otpvirt(env, "numbers", "import", str(data / "n.csv"))
    otpvirt(env, "sources", "map", "modems", "modem-a", "37120000001")
    yield server, env, token
    stop_server(server)


def run_gammu(
    base_env: dict[str, str],
    smsd_env: dict[str, str],
    argv: list[str],
    url: str,
    token: str,
    spool: Path,
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in base_env.items() if not k.startswith(("SMS_", "DECODED_"))}
    env.update(
        smsd_env, OTPVIRT_URL=url, OTPVIRT_SOURCE_TOKEN=token, OTPVIRT_GAMMU_SPOOL=str(spool)
    )
    return otpvirt(env, "ingest", "gammu", *argv, check=False)


def stored(server: Server, env: dict[str, str]) -> list[dict[str, Any]]:
    out = otpvirt(env, "sms", "list", "--json").stdout
    rows: list[dict[str, Any]] = json.loads(out)
    return rows


def test_multipart_and_single_messages_arrive_whole(
    gammu_server: tuple[Server, dict[str, str], str], tmp_path: Path
) -> None:
    server, env, token = gammu_server
    for smsd_env, argv in ((TWO_PARTS, TWO_PARTS_ARGV), (SINGLE, [])):
        done = run_gammu(env, smsd_env, argv, server.base, token, tmp_path)
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith("accepted"), done.stdout
    rows = stored(server, env)
    texts = {r["text"]: (r["phone"], r["code"], r["source"]) for r in rows}
    assert texts[TWO_PARTS["DECODED_1_TEXT"]] == (37120000001, "482915", "modems")
    assert texts["Telegram code: 12345"] == (37120000001, "12345", "modems")
    # gammu-smsd may run the program twice for one message: stored once.
    run_gammu(env, TWO_PARTS, TWO_PARTS_ARGV, server.base, token, tmp_path)
    assert len(stored(server, env)) == 2


def test_server_down_spools_then_flushes(
    gammu_server: tuple[Server, dict[str, str], str], tmp_path: Path
) -> None:
    server, env, token = gammu_server
    dead = f"http://127.0.0.1:{free_port()}"
    msg = dict(SINGLE, SMS_1_TEXT="Spooled code: 424242", SMS_1_NUMBER="Bank")
    down = run_gammu(env, msg, [], dead, token, tmp_path)
    assert down.returncode == 0 and "kept in" in down.stderr
    assert len(list(tmp_path.glob("*.json"))) == 1
    later = dict(SINGLE, SMS_1_TEXT="Next code: 515151", SMS_1_NUMBER="Bank")
    up = run_gammu(env, later, [], server.base, token, tmp_path)
    assert up.returncode == 0, up.stderr
    assert list(tmp_path.glob("*.json")) == []
    codes = {r["code"] for r in stored(server, env)}
    assert {"424242", "515151"} <= codes


def test_wrong_token_keeps_the_sms(
    gammu_server: tuple[Server, dict[str, str], str], tmp_path: Path
) -> None:
    server, env, _ = gammu_server
    done = run_gammu(env, SINGLE, [], server.base, "src_wrong", tmp_path)
    assert done.returncode == 0 and len(list(tmp_path.glob("*.json"))) == 1
    assert httpx.get(server.base + "/openapi.json").status_code == 200
