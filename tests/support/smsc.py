"""A real SMSC on 127.0.0.1 for the SMPP tests: `tests/smpp/smsc.js` (npm `smpp`) under node."""

from __future__ import annotations

import asyncio
import fcntl
import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.support.server import free_port

SMSC_DIR = Path(__file__).resolve().parent.parent / "smpp"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def ensure_node() -> str:
    """The node binary with the simulator's packages installed (skip or fail without)."""
    node = shutil.which("node")
    npm = shutil.which("npm")
    if node is None or npm is None:
        msg = "node/npm not found: the SMPP tests need them to run the SMSC simulator"
        if IN_CI:
            pytest.fail(msg)
        pytest.skip(msg)
    # Parallel test processes: one installs, the others wait for it (and find it done).
    with (SMSC_DIR.parent / ".smpp-npm.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (SMSC_DIR / "node_modules" / "smpp").is_dir():
            done = subprocess.run(
                [npm, "install", "--no-audit", "--no-fund"],
                cwd=SMSC_DIR,
                capture_output=True,
                text=True,
                timeout=300,
            )
            if done.returncode != 0:
                pytest.fail(f"npm install in {SMSC_DIR} failed:\n{done.stderr}")
    return node


class Smsc:
    """One simulator process and the events it printed."""

    def __init__(self, node: str, scenario: dict[str, Any], workdir: Path) -> None:
        self.port = free_port()
        path = workdir / f"scenario-{self.port}.json"
        path.write_text(json.dumps(scenario))
        self.log_path = workdir / f"smsc-{self.port}.log"
        self._log = self.log_path.open("wb")
        self.proc = subprocess.Popen(
            [node, str(SMSC_DIR / "smsc.js"), str(self.port), str(path)],
            cwd=SMSC_DIR,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            env={**os.environ},
        )

    def events(self) -> list[dict[str, Any]]:
        """Every event so far."""
        out = []
        for line in self.log_path.read_text().splitlines():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError:
                out.append({"event": "output", "text": line})
        return out

    async def wait_for(
        self, predicate: Callable[[list[dict[str, Any]]], bool], wait: float = 20.0
    ) -> list[dict[str, Any]]:
        """Wait until the events satisfy `predicate`; fail with the log otherwise."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + wait
        while loop.time() < deadline:
            events = self.events()
            if predicate(events):
                return events
            if self.proc.poll() is not None:
                break
            await asyncio.sleep(0.05)
        raise AssertionError(f"SMSC events not as expected: {self.events()}")

    async def listening(self) -> None:
        """Wait until the simulator accepts connections."""
        await self.wait_for(lambda ev: any(e["event"] == "listening" for e in ev))

    def stop(self) -> None:
        """Stop the process."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self._log.close()


def responses(events: list[dict[str, Any]]) -> list[tuple[int, int, int]]:
    """(message index, attempt, deliver_sm_resp status) for every answer the SMSC got."""
    return [(e["n"], e["attempt"], e["status"]) for e in events if e["event"] == "resp"]


async def start_smsc(node: str, smscs: list[Smsc], workdir: Path, **scenario: Any) -> Smsc:
    """Start a simulator expecting system_id `otpvirt`, password `secret`; wait until it listens."""
    smsc = Smsc(
        node, {"credentials": {"system_id": "otpvirt", "password": "secret"}, **scenario}, workdir
    )
    smscs.append(smsc)
    await smsc.listening()
    return smsc
