"""Webhook latency: SMS in through the gateway API at a fixed rate, webhooks out to 127.0.0.1.

Starts a real `otpvirt serve` (SQLite in a temporary directory by default, or
`--database-url postgresql://...`), a receiver in this process, clients whose
webhook points at it and leased numbers on a gateway source; then posts one SMS
per request to `POST /gateway/v1/sms` at `--rate` per second for `--seconds`, and
reports ingest-to-receipt latency (from just before the POST to the receiver
reading the webhook; after a short warm-up), lost and duplicate deliveries, bad
signatures, and the server's CPU time per SMS.

    .venv/bin/python bench/webhook_latency.py [--rate 100] [--seconds 30]
    .venv/bin/python bench/webhook_latency.py --database-url postgresql://postgres@127.0.0.1/bench
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from standardwebhooks import Webhook


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Receiver:
    """Minimal HTTP/1.1 keep-alive receiver; notes when each webhook arrived."""

    def __init__(self) -> None:
        self.arrivals: list[tuple[float, dict[str, str], bytes]] = []
        self.expected = 0
        self.all_in = asyncio.Event()
        self.writers: set[asyncio.StreamWriter] = set()

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.writers.add(writer)
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                headers = {}
                for line in head.decode("latin-1").split("\r\n")[1:]:
                    if ":" in line:
                        k, v = line.split(":", 1)
                        headers[k.strip().lower()] = v.strip()
                body = await reader.readexactly(int(headers.get("content-length", "0")))
                self.arrivals.append((time.perf_counter(), headers, body))
                if self.expected and len(self.arrivals) >= self.expected:
                    self.all_in.set()
                writer.write(b'HTTP/1.1 200 OK\r\nContent-Length: 12\r\n\r\n{"status":2}')
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            self.writers.discard(writer)
            writer.close()

    async def close(self) -> None:
        """Hang up on every open connection so the handlers end."""
        for writer in list(self.writers):
            writer.close()
        await asyncio.sleep(0.1)


def cli(env: dict[str, str], *args: str) -> Any:
    """Run an `otpvirt` command and parse its JSON output."""
    done = subprocess.run(
        [sys.executable, "-m", "otpvirt", *args, "--json"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"otpvirt {' '.join(args)} failed: {done.stderr or done.stdout}")
    return json.loads(done.stdout)


def start_server(env: dict[str, str], port: int, log: Path) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "otpvirt", "serve", "--port", str(port), "--log-level", "warning"],
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
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


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux /proc)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def run(args: argparse.Namespace) -> dict[str, Any]:
    data_dir = Path(tempfile.mkdtemp(prefix="otpvirt-whbench-"))
    env = {
        **os.environ,
        "OTPVIRT_DATA_DIR": str(data_dir),
        "OTPVIRT_WEBHOOK_ALLOW_PRIVATE": "true",
        "OTPVIRT_ARGON2_MEMORY_KIB": "64",
        "OTPVIRT_ARGON2_TIME_COST": "1",
    }
    env.pop("OTPVIRT_DATABASE_URL", None)
    if args.database_url:
        env["OTPVIRT_DATABASE_URL"] = args.database_url
    rx = Receiver()
    server_rx = await asyncio.start_server(rx.serve, "127.0.0.1", 0)
    hook = f"http://127.0.0.1:{server_rx.sockets[0].getsockname()[1]}/hook"

    # Set-up through the operator CLI; unique names so a database can be reused.
    run_id = f"{random.randrange(16**6):06x}"
    source = cli(env, "sources", "create", f"bench-{run_id}")
    cli(env, "prices", "set", "latvia", "vi", "0.01")
    base = 37120000000 + random.randrange(0, 9_000_000 // args.numbers) * args.numbers
    csv = data_dir / "numbers.csv"
    csv.write_text(
        "number,country,provider,source\n"
        + "".join(f"{base + i},latvia,xomobile,bench-{run_id}\n" for i in range(args.numbers))
    )
    cli(env, "numbers", "import", str(csv))
    clients = []
    for _ in range(args.clients):
        c = cli(env, "clients", "create", "--balance", "1000")
        if args.baseline:
            secret = "whsec_" + "A" * 43
        else:
            secret = cli(env, "clients", "set-webhook", c["clientId"], hook)["secret"]
        clients.append((c, Webhook(secret)))

    port = free_port()
    proc = start_server(env, port, data_dir / "serve.log")
    try:
        cpu0 = cpu_seconds(proc.pid)
        result = await measure(args, port, source["token"], clients, rx)
        result["server_cpu_ms_per_sms"] = round(
            (cpu_seconds(proc.pid) - cpu0) * 1000 / result["sent"], 2
        )
        return result
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        server_rx.close()
        await rx.close()


async def lease_numbers(
    http: httpx.AsyncClient, count: int, clients: list[tuple[dict[str, Any], Webhook]]
) -> list[tuple[int, Webhook]]:
    """Lease `count` numbers round-robin over the clients: (phone, its client's verifier)."""
    phones: list[tuple[int, Webhook]] = []
    for i in range(count):
        c, verifier = clients[i % len(clients)]
        got = (
            await http.post(
                "/native/GetNumber",
                json={
                    "clientId": c["clientId"],
                    "apiPassword": c["apiPassword"],
                    "service": "vi",
                    "detail": {"country": "latvia"},
                },
            )
        ).json()
        if got["status"] != 2:
            raise SystemExit(f"GetNumber failed: {got}")
        phones.append((int(got["number"]), verifier))
    return phones


async def measure(
    args: argparse.Namespace,
    port: int,
    token: str,
    clients: list[tuple[dict[str, Any], Webhook]],
    rx: Receiver,
) -> dict[str, Any]:
    limits = httpx.Limits(max_connections=64, max_keepalive_connections=64)
    async with httpx.AsyncClient(
        base_url=f"http://127.0.0.1:{port}", timeout=30, limits=limits
    ) as http:
        phones = await lease_numbers(http, args.numbers, clients)
        verifier_of = dict(phones)

        # The first `--warmup` seconds (pool connections opening, statements being
        # prepared) are sent and checked for loss but not in the latency figures.
        warm = int(args.rate * args.warmup)
        total = warm + int(args.rate * args.seconds)
        sent_at: dict[int, float] = {}
        api_ms: dict[int, float] = {}
        rejected = 0

        async def send(seq: int) -> None:
            nonlocal rejected
            phone = phones[seq % len(phones)][0]
            item = {
                "to": str(phone),
                "from": "Viber",
                "text": f"bench {seq} code {seq % 900000 + 100000}",
            }
            started = time.perf_counter()
            sent_at[seq] = started
            resp = await http.post(
                "/gateway/v1/sms", json=item, headers={"Authorization": f"Bearer {token}"}
            )
            api_ms[seq] = (time.perf_counter() - started) * 1000
            if resp.status_code != 200 or resp.json()["accepted"] != 1:
                rejected += 1

        tasks = []
        t0 = time.perf_counter()
        for seq in range(total):
            delay = t0 + seq / args.rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(send(seq)))
        await asyncio.gather(*tasks)
        sending = time.perf_counter() - t0
        rx.expected = 0 if args.baseline else total - rejected
        if len(rx.arrivals) >= rx.expected:
            rx.all_in.set()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(rx.all_in.wait(), args.drain)
        await asyncio.sleep(1.0)  # late duplicates would show up here

    latencies: list[float] = []
    seen: set[str] = set()
    seqs: set[int] = set()
    duplicates = bad = 0
    for at, headers, body in rx.arrivals:
        payload = json.loads(body)
        try:
            verifier_of[int(payload["phone"])].verify(body, headers)
        except Exception:
            bad += 1
        if headers.get("webhook-id") in seen:
            duplicates += 1
            continue
        seen.add(headers.get("webhook-id", ""))
        seq = int(payload["text"].split()[1])
        seqs.add(seq)
        if seq >= warm:
            latencies.append((at - sent_at[seq]) * 1000)
    steady_api = [ms for seq, ms in api_ms.items() if seq >= warm]
    return {
        "database": "postgresql" if args.database_url else "sqlite",
        "webhooks": not args.baseline,
        "rate": args.rate,
        "seconds": args.seconds,
        "sent": total,
        "warmup_sent": warm,
        "send_rate_achieved": round(total / sending, 1),
        "rejected_by_api": rejected,
        "received": len(seqs),
        "lost": None if args.baseline else total - rejected - len(seqs),
        "duplicates": duplicates,
        "bad_signatures": bad,
        "latency_ms": {
            "p50": round(statistics.median(latencies), 1) if latencies else None,
            "p99": round(pct(latencies, 0.99), 1) if latencies else None,
            "max": round(max(latencies), 1) if latencies else None,
        },
        "gateway_post_ms": {
            "p50": round(statistics.median(steady_api), 1),
            "p99": round(pct(steady_api, 0.99), 1),
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default="", help="PostgreSQL URL (default: SQLite)")
    parser.add_argument("--rate", type=float, default=100.0, help="SMS per second")
    parser.add_argument("--seconds", type=float, default=30.0, help="how long to send")
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds not measured")
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--numbers", type=int, default=200, help="leased numbers (activations)")
    parser.add_argument("--drain", type=float, default=30.0, help="max wait for stragglers")
    parser.add_argument(
        "--baseline",
        action="store_true",
        help="clients without webhooks: the gateway API's latency alone, for a ratio",
    )
    result = asyncio.run(run(parser.parse_args()))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
