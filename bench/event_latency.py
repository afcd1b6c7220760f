"""Lifecycle webhook latency next to the SMS webhook's, in one run, SQLite or PostgreSQL.

Starts a real `otpvirt serve` (worker included; SQLite in a temporary directory, or
`--database-url postgresql://...`), the receiver of `bench/webhook_latency.py` in
this process, and clients subscribed to `sms,activation.finished`. Leases every
activation it will cancel beforehand (not measured), then for `--seconds` sends,
interleaved, `--rate` CancelActivation per second (each ends one lease: one
`activation.finished` webhook) and `--sms-rate` SMS per second through the gateway
API (each one SMS webhook). Reports, for each kind, the p50/p99 from just before the
request that changed the state to the receiver reading the webhook (after a short
warm-up), the lifecycle/SMS p99 ratio, and lost, duplicated and badly signed
deliveries (all must be 0).

    .venv/bin/python bench/event_latency.py [--rate 100] [--sms-rate 100] [--seconds 30]
    .venv/bin/python bench/event_latency.py --database-url postgresql://postgres@127.0.0.1/bench
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from standardwebhooks import Webhook

sys.path.insert(0, str(Path(__file__).parent))
from webhook_latency import Receiver, cli, cpu_seconds, free_port, pct, start_server

EVENTS = "sms,activation.finished"


@dataclass
class Client:
    creds: dict[str, str]
    verifier: Webhook


@dataclass
class Sent:
    """When each measured request started, keyed by SMS seq / activationId."""

    sms: dict[int, float] = field(default_factory=dict)
    cancels: dict[str, float] = field(default_factory=dict)
    warm_sms: set[int] = field(default_factory=set)
    warm_cancels: set[str] = field(default_factory=set)
    refused: int = 0
    # Request round trips (ms) of the measured cancels and SMS posts, and the send time.
    api_ms: list[float] = field(default_factory=list)
    sending_s: float = 0.0


def setup(env: dict[str, str], args: argparse.Namespace, data_dir: Path, hook: str) -> Any:
    """Source, price, numbers and subscribed clients through the operator CLI."""
    run_id = f"{random.randrange(16**6):06x}"
    # A reused database: earlier runs' numbers, free longer, would be leased first and
    # refuse this run's gateway token; their sources are switched off.
    for old in cli(env, "sources", "list"):
        if old["name"].startswith("bench-") and old["enabled"]:
            off = [sys.executable, "-m", "otpvirt", "sources", "disable", old["name"]]
            subprocess.run(off, env=env, capture_output=True, check=True)
    source = cli(env, "sources", "create", f"bench-{run_id}")
    cli(env, "prices", "set", "latvia", "vi", "0.01")
    pool = args.numbers + int(args.rate * (args.warmup + args.seconds)) + 50
    base = 37130000000 + random.randrange(0, 9_000_000 // pool) * pool
    csv = data_dir / "numbers.csv"
    csv.write_text(
        "number,country,provider,source\n"
        + "".join(f"{base + i},latvia,xomobile,bench-{run_id}\n" for i in range(pool))
    )
    cli(env, "numbers", "import", str(csv))
    clients = []
    for _ in range(args.clients):
        c = cli(env, "clients", "create", "--balance", "1000")
        secret = cli(env, "clients", "set-webhook", c["clientId"], hook, "--events", EVENTS)
        creds = {"clientId": c["clientId"], "apiPassword": c["apiPassword"]}
        clients.append(Client(creds, Webhook(secret["secret"])))
    return source["token"], clients


async def run(args: argparse.Namespace) -> dict[str, Any]:
    data_dir = Path(tempfile.mkdtemp(prefix="otpvirt-evbench-"))
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
    token, clients = setup(env, args, data_dir, hook)
    port = free_port()
    proc = start_server(env, port, data_dir / "serve.log")
    try:
        limits = httpx.Limits(max_connections=64, max_keepalive_connections=64)
        async with httpx.AsyncClient(
            base_url=f"http://127.0.0.1:{port}", timeout=30, limits=limits
        ) as http:
            phones = await lease_all(http, clients, args.numbers, 16)
            to_cancel = await lease_all(
                http, clients, int(args.rate * (args.warmup + args.seconds)), 16
            )
            cpu0 = cpu_seconds(proc.pid)
            sent = await send_all(args, http, token, phones, to_cancel)
            cpu = cpu_seconds(proc.pid) - cpu0
            await drain(args, rx, sent)
        result = analyse(args, rx, sent, {c.creds["clientId"]: c.verifier for c in clients})
        result["server_cpu_s"] = round(cpu, 1)
        return result
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        server_rx.close()
        await rx.close()


async def lease_all(
    http: httpx.AsyncClient, clients: list[Client], count: int, parallel: int
) -> list[tuple[str, str, dict[str, str]]]:
    """Lease `count` numbers round-robin over the clients: (activationId, number, creds)."""
    out: list[tuple[str, str, dict[str, str]]] = []
    gate = asyncio.Semaphore(parallel)

    async def one(i: int) -> None:
        creds = clients[i % len(clients)].creds
        body = {**creds, "service": "vi", "detail": {"country": "latvia"}}
        async with gate:
            got = (await http.post("/native/GetNumber", json=body)).json()
        if got["status"] != 2:
            raise SystemExit(f"GetNumber failed: {got}")
        out.append((got["activationId"], str(got["number"]), creds))

    await asyncio.gather(*(one(i) for i in range(count)))
    return out


async def send_all(
    args: argparse.Namespace,
    http: httpx.AsyncClient,
    token: str,
    phones: list[tuple[str, str, dict[str, str]]],
    to_cancel: list[tuple[str, str, dict[str, str]]],
) -> Sent:
    """Cancels at `--rate` and SMS at `--sms-rate`, interleaved on one schedule."""
    sent = Sent()
    warm_until = time.perf_counter() + args.warmup

    async def cancel(act: str, creds: dict[str, str]) -> None:
        started = time.perf_counter()
        sent.cancels[act] = started
        if started < warm_until:
            sent.warm_cancels.add(act)
        got = await http.post("/native/CancelActivation", json={**creds, "activationId": act})
        sent.api_ms.append((time.perf_counter() - started) * 1000)
        if got.json().get("status") != 2:
            sent.refused += 1
            sent.cancels.pop(act)

    async def sms(seq: int) -> None:
        item = {
            "to": phones[seq % len(phones)][1],
            "from": "Viber",
            "text": f"bench {seq} code {seq % 900000 + 100000}",
        }
        started = time.perf_counter()
        sent.sms[seq] = started
        if started < warm_until:
            sent.warm_sms.add(seq)
        resp = await http.post(
            "/gateway/v1/sms", json=item, headers={"Authorization": f"Bearer {token}"}
        )
        sent.api_ms.append((time.perf_counter() - started) * 1000)
        if resp.status_code != 200 or resp.json()["accepted"] != 1:
            sent.refused += 1
            sent.sms.pop(seq)

    plan = [(i / args.rate, "c", i) for i in range(len(to_cancel))]
    n_sms = int(args.sms_rate * (args.warmup + args.seconds))
    plan += [((i + 0.5) / args.sms_rate, "s", i) for i in range(n_sms)]
    plan.sort()
    tasks = []
    t0 = time.perf_counter()
    for at, kind, i in plan:
        delay = t0 + at - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        act, _, creds = to_cancel[i] if kind == "c" else ("", "", {})
        tasks.append(asyncio.create_task(cancel(act, creds) if kind == "c" else sms(i)))
    await asyncio.gather(*tasks)
    sent.sending_s = time.perf_counter() - t0
    return sent


async def drain(args: argparse.Namespace, rx: Receiver, sent: Sent) -> None:
    """Wait for every expected webhook (or `--drain` seconds), then a second for late copies."""
    rx.expected = len(sent.sms) + len(sent.cancels)
    if len(rx.arrivals) >= rx.expected:
        rx.all_in.set()
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(rx.all_in.wait(), args.drain)
    await asyncio.sleep(1.0)


def _figures(values: list[float]) -> dict[str, float | None]:
    if not values:
        return {"p50": None, "p99": None, "max": None}
    return {
        "p50": round(statistics.median(values), 1),
        "p99": round(pct(values, 0.99), 1),
        "max": round(max(values), 1),
    }


def analyse(
    args: argparse.Namespace, rx: Receiver, sent: Sent, verifiers: dict[str, Webhook]
) -> dict[str, Any]:
    seen: set[str] = set()
    got_sms: set[int] = set()
    got_cancel: set[str] = set()
    lat_sms: list[float] = []
    lat_event: list[float] = []
    duplicates = bad = wrong = 0
    for at, headers, body in rx.arrivals:
        payload = json.loads(body)
        try:
            verifiers[payload["clientId"]].verify(body, headers)
        except Exception:
            bad += 1
        if headers.get("webhook-id") in seen:
            duplicates += 1
            continue
        seen.add(headers.get("webhook-id", ""))
        if payload.get("type") == "activation.finished":
            act = payload["activationId"]
            wrong += payload["state"] != "cancelled" or act not in sent.cancels
            got_cancel.add(act)
            if act in sent.cancels and act not in sent.warm_cancels:
                lat_event.append((at - sent.cancels[act]) * 1000)
        else:
            seq = int(payload["text"].split()[1])
            got_sms.add(seq)
            if seq in sent.sms and seq not in sent.warm_sms:
                lat_sms.append((at - sent.sms[seq]) * 1000)
    event, sms = _figures(lat_event), _figures(lat_sms)
    return {
        "database": "postgresql" if args.database_url else "sqlite",
        "seconds": args.seconds,
        "lifecycle": {
            "rate": args.rate,
            "sent": len(sent.cancels),
            "lost": len(set(sent.cancels) - got_cancel),
            "latency_ms": event,
        },
        "sms": {
            "rate": args.sms_rate,
            "sent": len(sent.sms),
            "lost": len(set(sent.sms) - got_sms),
            "latency_ms": sms,
        },
        "p99_ratio_lifecycle_to_sms": (
            round(event["p99"] / sms["p99"], 2) if event["p99"] and sms["p99"] else None
        ),
        "requests_per_s_achieved": round(len(sent.api_ms) / sent.sending_s, 1),
        "request_ms": _figures(sent.api_ms),
        "refused_requests": sent.refused,
        "duplicates": duplicates,
        "bad_signatures": bad,
        "unexpected_events": wrong,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default="", help="PostgreSQL URL (default: SQLite)")
    parser.add_argument("--rate", type=float, default=100.0, help="lifecycle events per second")
    parser.add_argument("--sms-rate", type=float, default=100.0, help="SMS per second")
    parser.add_argument("--seconds", type=float, default=30.0, help="how long to send")
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds not measured")
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--numbers", type=int, default=200, help="activations receiving SMS")
    parser.add_argument("--drain", type=float, default=30.0, help="max wait for stragglers")
    result = asyncio.run(run(parser.parse_args()))
    print(json.dumps(result, indent=2))
    clean = result["bad_signatures"] == result["duplicates"] == result["unexpected_events"] == 0
    lost = result["lifecycle"]["lost"] + result["sms"]["lost"]
    sys.exit(0 if clean and lost == 0 and result["refused_requests"] == 0 else 1)


if __name__ == "__main__":
    main()
