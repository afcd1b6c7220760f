"""What availability counts cost the server: getPrices polled at 1/s and at 20/s.

    python bench/count_cost.py                        # SQLite, 300,000 numbers
    python bench/count_cost.py --postgres             # PostgreSQL at 127.0.0.1
    python bench/count_cost.py --pool 1000000 --seconds 20 --rates 1 20

One country (tajikistan) holds `--pool` free numbers, 13 services priced there, and a
third of the numbers already used for Viber (so the counts differ per service). While
another client leases and cancels a number 10 times a second (each lease makes the
counts stale), sms-activate `getPrices` for the country is polled at each rate; the
server's CPU time over the window (PostgreSQL: with its backends for the bench's
database), as a share of one core, is printed per rate, beside
a window with the leases alone. The target (issue 16): counts cost the same whatever
the request rate, and far less than a core at 1/s.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_load import cli, free_port, fresh_postgres, start, stop, wait_http
from hostile_pick import seed_numbers

PY = sys.executable
SERVICES = ("wa", "hw", "mb", "vi", "fb", "go", "ma", "wb", "tg", "ig", "vk", "wx", "wv")
USED = (
    "INSERT INTO number_services (number_id, service_id, created_at) "
    "SELECT n.id, s.id, 0 FROM numbers n, services s WHERE s.code = 'vi' AND n.id % 3 = 0"
)


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and its children, in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    tick = os.sysconf("SC_CLK_TCK")
    return sum(int(x) for x in fields[11:15]) / tick


def backends(env: dict[str, str]) -> list[int]:
    """PostgreSQL server processes serving the bench's database (their CPU counts too)."""
    url = env.get("OTPVIRT_DATABASE_URL")
    if not url:
        return []
    import asyncpg

    async def go() -> list[int]:
        con = await asyncpg.connect(url.replace("postgresql+asyncpg", "postgresql"))
        rows = await con.fetch(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid()"
        )
        await con.close()
        return [r["pid"] for r in rows]

    return asyncio.run(go())


def total_cpu(pids: list[int]) -> float:
    out = 0.0
    for pid in pids:
        with contextlib.suppress(FileNotFoundError):  # a backend that ended
            out += cpu_seconds(pid)
    return out


def mark_used(env: dict[str, str], data: Path) -> None:
    url = env.get("OTPVIRT_DATABASE_URL")
    if url:
        import asyncpg

        async def go() -> None:
            con = await asyncpg.connect(url.replace("postgresql+asyncpg", "postgresql"))
            await con.execute(USED)
            await con.execute("ANALYZE")
            await con.close()

        asyncio.run(go())
        return
    db = sqlite3.connect(data / "otpvirt.db")
    db.execute(USED)
    db.commit()
    db.execute("ANALYZE")
    db.close()


async def churn(base: str, creds: dict[str, str], seconds: float) -> int:
    """GetNumber then CancelActivation, 10 times a second."""
    done = 0
    async with httpx.AsyncClient(base_url=base) as http:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            t = time.perf_counter()
            body = {**creds, "service": "tg", "detail": {"country": "tajikistan"}}
            r = (await http.post("/native/GetNumber", json=body)).json()
            if r.get("status") == 2:
                aid = r["activationId"]
                await http.post("/native/CancelActivation", json={**creds, "activationId": aid})
                done += 1
            await asyncio.sleep(max(0.0, 0.1 - (time.perf_counter() - t)))
    return done


async def poll(base: str, key: str, rate: float, seconds: float) -> int:
    """getPrices for the country at `rate` requests a second."""
    sent = 0
    params = {"api_key": key, "action": "getPrices", "country": "143"}
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            t = time.perf_counter()
            r = await http.get("/stubs/handler_api.php", params=params)
            assert r.status_code == 200 and "143" in r.text, r.text
            sent += 1
            await asyncio.sleep(max(0.0, 1 / rate - (time.perf_counter() - t)))
    return sent


async def window(
    pids: list[int], base: str, creds: dict[str, str], key: str, rate: float, seconds: float
) -> tuple[float, int]:
    before = total_cpu(pids)
    jobs = [churn(base, creds, seconds)]
    if rate > 0:
        jobs.append(poll(base, key, rate, seconds))
    answers = await asyncio.gather(*jobs)
    return (total_cpu(pids) - before) / seconds, sum(answers[1:])


def run(args: argparse.Namespace) -> None:
    data = Path(tempfile.mkdtemp(prefix="otpvirt-counts-"))
    env = {**os.environ, "OTPVIRT_DATA_DIR": str(data), "OTPVIRT_LOG_LEVEL": "warning"}
    env.pop("OTPVIRT_RATE_LIMIT", None)
    if args.postgres:
        env["OTPVIRT_DATABASE_URL"] = fresh_postgres(f"otpvirt_counts_{os.getpid()}")
    else:
        env.pop("OTPVIRT_DATABASE_URL", None)
    cli(env, "db", "upgrade")
    for service in SERVICES:
        cli(env, "prices", "set", "tajikistan", service, "0.05")
    seed_numbers(env, data, args.pool)
    mark_used(env, data)
    made = json.loads(cli(env, "clients", "create", "--balance", "100000", "--json"))
    creds = {"clientId": made["clientId"], "apiPassword": made["apiPassword"]}
    key = json.loads(cli(env, "clients", "api-key", made["clientId"], "--json"))["apiKey"]
    port = free_port()
    server = start(
        [PY, "-m", "otpvirt", "serve", "--port", str(port), "--log-level", "warning"],
        env,
        data / "serve.log",
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_http(port)
        asyncio.run(poll(base, key, 2, 2))  # warm: the first counts wait
        # The server's pool connections are open once it answered (PostgreSQL backends).
        pids = [server.pid, *backends(env)]
        for rate in (0.0, *args.rates):
            cpu, sent = asyncio.run(window(pids, base, creds, key, rate, args.seconds))
            label = "leases alone" if rate == 0 else f"getPrices {rate:g}/s ({sent} answers)"
            print(f"  {label}: server CPU {cpu * 100:.1f} % of a core", flush=True)
    finally:
        stop(server)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--pool", type=int, default=300_000)
    parser.add_argument("--rates", type=float, nargs="+", default=[1.0, 20.0])
    parser.add_argument("--seconds", type=float, default=15.0)
    args = parser.parse_args()
    print(f"{'PostgreSQL' if args.postgres else 'SQLite'}, {args.pool} numbers:", flush=True)
    run(args)


if __name__ == "__main__":
    main()
