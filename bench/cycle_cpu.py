"""Server CPU per GetNumber→CancelActivation cycle: a cost that holds on a busy machine.

    python bench/cycle_cpu.py [--postgres] [--cycles 800]
    PYTHONPATH=/path/to/other/checkout/src python bench/cycle_cpu.py   # the other code

Starts `otpvirt serve` (1 process) on a fresh database with 2,000 numbers, runs
`--cycles` lease+cancel cycles from 4 concurrent loops (after 50 warm-up cycles),
and prints the CPU time the server used per cycle (PostgreSQL: the server process
plus its backends for the bench's database) and the cycles per second. Throughput on
the shared 2-core machine swings with its load; CPU per cycle much less, so compare
two checkouts by alternating runs of this script (PYTHONPATH picks the server's code).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_load import free_port, fresh_postgres, seed, start, stop, wait_http
from count_cost import backends, total_cpu


async def loop(base: str, creds: dict[str, str], n: int) -> None:
    async with httpx.AsyncClient(base_url=base) as http:
        for _ in range(n):
            body = {**creds, "service": "vi", "detail": {"country": "tajikistan"}}
            got = (await http.post("/native/GetNumber", json=body)).json()
            assert got["status"] == 2, got
            done = await http.post(
                "/native/CancelActivation", json={**creds, "activationId": got["activationId"]}
            )
            assert done.json()["status"] == 2, done.text


async def measure(
    base: str, creds: dict[str, str], pids: list[int], cycles: int
) -> tuple[float, float]:
    await loop(base, creds, 50)
    before, started = total_cpu(pids), time.perf_counter()
    await asyncio.gather(*(loop(base, creds, cycles // 4) for _ in range(4)))
    elapsed = time.perf_counter() - started
    return (total_cpu(pids) - before) / cycles * 1000, cycles / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--cycles", type=int, default=800)
    args = parser.parse_args()
    data = Path(tempfile.mkdtemp(prefix="otpvirt-cycle-"))
    env = {**os.environ, "OTPVIRT_DATA_DIR": str(data), "OTPVIRT_LOG_LEVEL": "warning"}
    env["OTPVIRT_RATE_LIMIT"] = "100000/s"
    if args.postgres:
        env["OTPVIRT_DATABASE_URL"] = fresh_postgres(f"otpvirt_cycle_{os.getpid()}")
    else:
        env.pop("OTPVIRT_DATABASE_URL", None)
    made = seed(env, data, 2000)
    creds = {"clientId": made["clientId"], "apiPassword": made["apiPassword"]}
    port = free_port()
    server = start(
        [sys.executable, "-m", "otpvirt", "serve", "--port", str(port), "--log-level", "warning"],
        env,
        data / "serve.log",
    )
    try:
        wait_http(port)
        pids = [server.pid, *backends(env)]
        ms, rate = asyncio.run(measure(f"http://127.0.0.1:{port}", creds, pids, args.cycles))
    finally:
        stop(server)
    code = os.environ.get("PYTHONPATH") or "this checkout"
    db = "PostgreSQL" if args.postgres else "SQLite"
    print(f"{db} ({code}): server CPU {ms:.2f} ms per cycle, {rate:.0f} cycles/s", flush=True)


if __name__ == "__main__":
    main()
