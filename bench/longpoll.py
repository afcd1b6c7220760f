"""Long-poll GetSms: held requests, SMS injected at a fixed rate, store-to-answer latency.

Starts a real `otpvirt serve` (SQLite in a temporary directory by default, or
`--database-url postgresql://...`; `--workers 2` for two server processes), leases
`--held` numbers, and holds one `GetSms {"wait": 60}` per activation. Then:

1. idle: with every request held and nothing arriving, the server's CPU (all its
   processes) over `--idle-seconds`, as a percentage of one core;
2. arrivals: one SMS per held activation through `POST /gateway/v1/sms` at `--rate`
   per second; latency from just before the POST (the store) to the held GetSms
   answering with the SMS. With `--workers 2` about half the answers cross
   processes (the SMS stored by one process, the request held by the other).

    .venv/bin/python bench/longpoll.py [--held 1000] [--rate 100] [--workers 2]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from webhook_latency import cli, cpu_seconds, free_port, pct


def tree(pid: int) -> list[int]:
    """The process and its descendants (Linux /proc)."""
    out = [pid]
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children = (task / "children").read_text().split()
        except OSError:
            continue
        for child in children:
            out.extend(tree(int(child)))
    return out


def cpu_of_tree(pid: int) -> float:
    return sum(cpu_seconds(p) for p in tree(pid))


async def post(port: int, path: str, payload: dict[str, Any], token: str = "") -> tuple[int, Any]:
    """One POST on its own connection (raw asyncio: httpx would be the bottleneck here)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    body = json.dumps(payload).encode()
    auth = f"Authorization: Bearer {token}\r\n" if token else ""
    writer.write(
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"{auth}Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode()
        + body
    )
    await writer.drain()
    raw = await reader.read()
    writer.close()
    head, _, rest = raw.partition(b"\r\n\r\n")
    status = int(head.split()[1])
    return status, json.loads(rest) if rest else None


def start(env: dict[str, str], port: int, workers: int, log: Path) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "otpvirt", "serve", "--port", str(port), "--log-level", "warning"]
    proc = subprocess.Popen(
        [*cmd, "--workers", str(workers)], env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT
    )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit("server failed to start:\n" + log.read_text())
        try:
            httpx.get(f"http://127.0.0.1:{port}/openapi.json", timeout=1)
            return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("server did not start:\n" + log.read_text())


async def run(args: argparse.Namespace) -> dict[str, Any]:
    data_dir = Path(tempfile.mkdtemp(prefix="otpvirt-lpbench-"))
    env = {
        **os.environ,
        "OTPVIRT_DATA_DIR": str(data_dir),
        "OTPVIRT_ARGON2_MEMORY_KIB": "64",
        "OTPVIRT_ARGON2_TIME_COST": "1",
        "OTPVIRT_RATE_LIMIT": "off",
        "OTPVIRT_WAIT_MAX_PER_CLIENT": str(args.held),
        "OTPVIRT_WAIT_MAX_HELD": str(args.held * 2),
        # The bench injects every SMS itself.
        "OTPVIRT_SIMULATOR_DELAY": "3600",
    }
    env.pop("OTPVIRT_DATABASE_URL", None)
    if args.database_url:
        env["OTPVIRT_DATABASE_URL"] = args.database_url
    run_id = f"{random.randrange(16**6):06x}"
    source = cli(env, "sources", "create", f"lp-{run_id}")
    cli(env, "prices", "set", "latvia", "vi", "0.01")
    base = 37130000000 + random.randrange(0, 9_000_000 // args.held) * args.held
    csv = data_dir / "numbers.csv"
    csv.write_text(
        "number,country,provider,source\n"
        + "".join(f"{base + i},latvia,xomobile,lp-{run_id}\n" for i in range(args.held))
    )
    cli(env, "numbers", "import", str(csv))
    clients = [cli(env, "clients", "create", "--balance", "1000") for _ in range(args.clients)]
    port = free_port()
    proc = start(env, port, args.workers, data_dir / "serve.log")
    try:
        return await measure(args, port, source["token"], clients, proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


async def measure(
    args: argparse.Namespace, port: int, token: str, clients: list[dict[str, Any]], pid: int
) -> dict[str, Any]:
    leases: list[tuple[dict[str, Any], str, int]] = []
    gate = asyncio.Semaphore(16)

    async def lease(i: int) -> None:
        c = clients[i % len(clients)]
        async with gate:
            _, got = await post(
                port,
                "/native/GetNumber",
                {
                    "clientId": c["clientId"],
                    "apiPassword": c["apiPassword"],
                    "service": "vi",
                    "detail": {"country": "latvia"},
                },
            )
        if got["status"] != 2:
            raise SystemExit(f"GetNumber failed: {got}")
        leases.append((c, got["activationId"], int(got["number"])))

    await asyncio.gather(*(lease(i) for i in range(args.held)))
    answered_at: dict[str, float] = {}
    empty = 0

    async def hold(c: dict[str, Any], act: str) -> None:
        nonlocal empty
        body = {
            "clientId": c["clientId"],
            "apiPassword": c["apiPassword"],
            "activationId": act,
            "wait": 60,
        }
        _, got = await post(port, "/native/GetSms", body)
        if got.get("status") != 2 or not got.get("sms"):
            empty += 1
            return
        answered_at[act] = time.perf_counter()

    holders = [asyncio.create_task(hold(c, act)) for c, act, _ in leases]
    # Let every request reach the server and settle, then measure the idle cost.
    await asyncio.sleep(args.settle)
    cpu0, t0 = cpu_of_tree(pid), time.perf_counter()
    await asyncio.sleep(args.idle_seconds)
    idle_pct = (cpu_of_tree(pid) - cpu0) / (time.perf_counter() - t0) * 100
    early = sum(h.done() for h in holders)

    stored_at: dict[str, float] = {}
    post_ms: list[float] = []
    acked_at: dict[str, float] = {}

    async def inject(act: str, phone: int) -> None:
        stored_at[act] = time.perf_counter()
        status, got = await post(
            port,
            "/gateway/v1/sms",
            {"to": str(phone), "from": "Viber", "text": "code 123456"},
            token,
        )
        if status != 200:
            raise SystemExit(f"gateway refused: {got}")
        post_ms.append((time.perf_counter() - stored_at[act]) * 1000)
        acked_at[act] = time.perf_counter()

    senders = []
    cpu1, mine1 = cpu_of_tree(pid), time.process_time()
    t0 = time.perf_counter()
    for i, (_, act, phone) in enumerate(leases):
        delay = t0 + i / args.rate - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        senders.append(asyncio.create_task(inject(act, phone)))
    await asyncio.gather(*senders)
    await asyncio.wait_for(asyncio.gather(*holders), 90)
    arrivals_s = time.perf_counter() - t0
    server_cpu = cpu_of_tree(pid) - cpu1
    bench_cpu = time.process_time() - mine1
    latencies = [(answered_at[a] - stored_at[a]) * 1000 for a in answered_at if a in stored_at]
    # The wake-up path alone: the held answer against the gateway's own answer to the
    # POST that stored the SMS (negative: the held request was answered first).
    after_ack = [(answered_at[a] - acked_at[a]) * 1000 for a in answered_at if a in acked_at]
    return {
        "database": "postgresql" if args.database_url else "sqlite",
        "workers": args.workers,
        "held": args.held,
        "answered_before_any_sms": early,
        "answered_empty": empty,
        "idle_server_cpu_pct_of_one_core": round(idle_pct, 2),
        "rate": args.rate,
        "answered_with_sms": len(latencies),
        "store_to_answer_ms": {
            "p50": round(statistics.median(latencies), 1) if latencies else None,
            "p99": round(pct(latencies, 0.99), 1) if latencies else None,
            "max": round(max(latencies), 1) if latencies else None,
        },
        "answer_minus_gateway_answer_ms": {
            "p50": round(statistics.median(after_ack), 1) if after_ack else None,
            "p99": round(pct(after_ack, 0.99), 1) if after_ack else None,
        },
        "arrivals_seconds": round(arrivals_s, 1),
        "server_cpu_pct_during_arrivals": round(server_cpu / arrivals_s * 100, 1),
        "bench_cpu_pct_during_arrivals": round(bench_cpu / arrivals_s * 100, 1),
        "gateway_post_ms": {
            "p50": round(statistics.median(post_ms), 1),
            "p99": round(pct(post_ms, 0.99), 1),
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default="", help="PostgreSQL URL (default: SQLite)")
    parser.add_argument("--held", type=int, default=1000, help="held GetSms requests")
    parser.add_argument("--rate", type=float, default=100.0, help="SMS per second")
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--settle", type=float, default=5.0, help="seconds before idle CPU")
    parser.add_argument("--idle-seconds", type=float, default=10.0)
    result = asyncio.run(run(parser.parse_args()))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
