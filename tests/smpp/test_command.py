"""`otpvirt smpp` as an operator runs it: a process bound to a real SMSC."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from otpvirt.runtime import Runtime
from otpvirt.sources import service as sources
from tests.support import factory
from tests.support.smsc import Smsc, responses, start_smsc


def start_command(port: int, number_map: Path, database_url: str, tmp_path: Path) -> Any:
    """`otpvirt smpp …` in its own process, logging to tmp_path/smpp.log."""
    env = {**os.environ, "OTPVIRT_SMPP_PASSWORD": "secret", "OTPVIRT_DATA_DIR": str(tmp_path)}
    with (tmp_path / "smpp.log").open("wb") as log:
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "otpvirt",
                "smpp",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--system-id",
                "otpvirt",
                "--source",
                "smsc1",
                "--number-map",
                str(number_map),
                "--database-url",
                database_url,
            ],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )


async def test_the_command_stores_what_the_smsc_delivers_and_stops_on_sigterm(
    rt: Runtime, database_url: str, node: str, smscs: list[Smsc], tmp_path: Path
) -> None:
    async with rt.db.transaction() as conn:
        await sources.create_source(conn, "smsc1", kind="smpp")
    (phone,) = await factory.numbers(rt, "tajikistan", "indigo", 1, source="smsc1")
    number_map = tmp_path / "numbers.csv"
    number_map.write_text(f"address,number\nGW-7,{phone}\n")
    text = "Код WhatsApp: 123-456"
    message = {
        "source_addr": "WhatsApp",
        "source_addr_ton": 5,
        "destination_addr": "GW-7",
        "data_coding": 8,
        "short_message_hex": text.encode("utf-16-be").hex(),
    }
    smsc = await start_smsc(node, smscs, tmp_path, messages=[message])
    proc = start_command(smsc.port, number_map, database_url, tmp_path)
    try:
        events = await smsc.wait_for(lambda ev: any(e["event"] == "done" for e in ev), wait=60)
        assert responses(events) == [(0, 1, 0)]
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 0, (tmp_path / "smpp.log").read_text()
    finally:
        if proc.poll() is None:
            proc.kill()
    async with rt.db.read() as conn:
        row = await conn.fetchone("SELECT phone, sender, text FROM sms_messages")
    assert row is not None and (int(row[0]), row[1], row[2]) == (phone, "WhatsApp", text)
    assert any(e["event"] == "unbind" for e in smsc.events())
