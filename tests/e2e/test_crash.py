"""The crash benchmark, short: kill -9 under load, then nothing answered is lost.

Two kills a second apart with a pool of 3,000 numbers (about 250 leases per second run
here); `bench/crash.py` with its defaults is the full loop (10 kills, 20,000 numbers).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_kill_9_loses_nothing(backend: str, request: pytest.FixtureRequest) -> None:
    if backend == "postgresql":
        request.getfixturevalue("pg_template")  # skip locally / fail in CI if unreachable
    args = ["--kills", "2", "--interval", "1", "--clients", "8", "--numbers", "3000"]
    if backend == "postgresql":
        args.append("--postgres")
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "crash.py"), *args],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "0 lost; doctor clean" in done.stdout
