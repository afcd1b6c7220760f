"""Hostile picks: a getNumber that can never match must not slow anyone down.

    python bench/hostile_pick.py                     # SQLite, pools of 100,000 and 1,000,000
    python bench/hostile_pick.py --postgres          # PostgreSQL at 127.0.0.1
    python bench/hostile_pick.py --pools 100000 --seconds 5

For each pool size it seeds one country (tajikistan) with that many free numbers, all
starting with 9927, starts `otpvirt serve` (one worker, the default rate limit), and
measures another client's GetBalance latency first alone, then while an attacker runs
4 loops of sms-activate `getNumber` with `phoneException=9927` (no number can match)
at 20 requests/s each (80/s, within the default 100/s). It prints p50/p95 of the
victim's GetBalance in both phases, the ratio between them, and the attacker's answer
times (each must be NO_NUMBERS). Targets: both p95 under 20 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_load import cli, free_port, fresh_postgres, start, stop, wait_http

PY = sys.executable
PREFIX = "9927"


def seed_numbers(env: dict[str, str], data: Path, pool: int) -> None:
    """`pool` free numbers in tajikistan/indigo, inserted in one statement."""
    url = env.get("OTPVIRT_DATABASE_URL")
    sql = (
        "INSERT INTO numbers (phone, country_id, provider_id, source_id, enabled, "
        "source_online, free_since, created_at, lease_count, sms_lease_count) "
        "SELECT {phone}, c.id, p.id, NULL, TRUE, TRUE, {i}, 0, 0, 0 "
        "FROM {series} , countries c JOIN providers p ON p.country_id = c.id "
        "WHERE c.name = 'tajikistan' AND p.name = 'indigo'"
    )
    if url:
        import asyncpg

        async def go() -> None:
            con = await asyncpg.connect(url.replace("postgresql+asyncpg", "postgresql"))
            await con.execute(
                sql.format(
                    phone=f"{PREFIX}00000000 + g", i="g", series=f"generate_series(0, {pool - 1}) g"
                )
            )
            await con.execute("ANALYZE numbers")
            await con.close()

        asyncio.run(go())
        return
    db = sqlite3.connect(data / "otpvirt.db")
    db.execute(
        "WITH RECURSIVE s(g) AS (SELECT 0 UNION ALL SELECT g + 1 FROM s WHERE g < ?) "
        + sql.format(phone=f"{PREFIX}00000000 + g", i="g", series="s"),
        (pool - 1,),
    )
    db.commit()
    db.execute("ANALYZE")
    db.close()


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def victim(base: str, creds: dict[str, str], seconds: float) -> list[float]:
    """GetBalance 50 times a second; each answer's latency in ms."""
    out: list[float] = []
    async with httpx.AsyncClient(base_url=base) as http:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            t = time.perf_counter()
            r = await http.post("/native/GetBalance", json=creds)
            out.append((time.perf_counter() - t) * 1000)
            assert r.json()["status"] == 2, r.text
            await asyncio.sleep(max(0.0, 0.02 - (time.perf_counter() - t)))
    return out


async def attacker(base: str, key: str, seconds: float, answers: list[str]) -> list[float]:
    """getNumber that no number can match, 20 times a second; latencies in ms."""
    out: list[float] = []
    params = {
        "api_key": key,
        "action": "getNumber",
        "service": "vi",
        "country": "143",
        "phoneException": PREFIX,
    }
    async with httpx.AsyncClient(base_url=base) as http:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            t = time.perf_counter()
            r = await http.get("/stubs/handler_api.php", params=params)
            out.append((time.perf_counter() - t) * 1000)
            answers.append(r.text)
            await asyncio.sleep(max(0.0, 0.05 - (time.perf_counter() - t)))
    return out


async def measure(base: str, creds: dict[str, str], key: str, seconds: float) -> dict[str, float]:
    quiet = await victim(base, creds, seconds)
    answers: list[str] = []
    loud, *attacks = await asyncio.gather(
        victim(base, creds, seconds), *(attacker(base, key, seconds, answers) for _ in range(4))
    )
    hits = [x for a in attacks for x in a]
    wrong = [a for a in answers if a != "NO_NUMBERS"]
    return {
        "quiet_p50": statistics.median(quiet),
        "quiet_p95": pct(quiet, 0.95),
        "attack_p50": statistics.median(loud),
        "attack_p95": pct(loud, 0.95),
        "attacker_p50": statistics.median(hits),
        "attacker_p95": pct(hits, 0.95),
        "attacker_rps": len(hits) / seconds,
        "not_no_numbers": float(len(wrong)),
    }


def run(pool: int, args: argparse.Namespace) -> dict[str, float]:
    data = Path(tempfile.mkdtemp(prefix="otpvirt-hostile-"))
    env = {**os.environ, "OTPVIRT_DATA_DIR": str(data), "OTPVIRT_LOG_LEVEL": "warning"}
    env.pop("OTPVIRT_RATE_LIMIT", None)
    if args.postgres:
        env["OTPVIRT_DATABASE_URL"] = fresh_postgres(f"otpvirt_hostile_{os.getpid()}")
    else:
        env.pop("OTPVIRT_DATABASE_URL", None)
    cli(env, "db", "upgrade")
    cli(env, "prices", "set", "tajikistan", "vi", "0.05")
    started = time.monotonic()
    seed_numbers(env, data, pool)
    print(f"  seeded {pool} numbers in {time.monotonic() - started:.1f} s", flush=True)
    bad = json.loads(cli(env, "clients", "create", "--balance", "100000", "--json"))
    good = json.loads(cli(env, "clients", "create", "--balance", "100000", "--json"))
    key = json.loads(cli(env, "clients", "api-key", bad["clientId"], "--json"))["apiKey"]
    creds = {"clientId": good["clientId"], "apiPassword": good["apiPassword"]}
    port = free_port()
    server = start(
        [PY, "-m", "otpvirt", "serve", "--port", str(port), "--log-level", "warning"],
        env,
        data / "serve.log",
    )
    try:
        wait_http(port)
        return asyncio.run(measure(f"http://127.0.0.1:{port}", creds, key, args.seconds))
    finally:
        stop(server)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--pools", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    db = "PostgreSQL" if args.postgres else "SQLite"
    for pool in args.pools:
        print(f"{db}, {pool} numbers:", flush=True)
        r = run(pool, args)
        print(
            f"  victim GetBalance p50/p95 alone {r['quiet_p50']:.1f}/{r['quiet_p95']:.1f} ms, "
            f"under attack {r['attack_p50']:.1f}/{r['attack_p95']:.1f} ms "
            f"(p95 ratio {r['attack_p95'] / r['quiet_p95']:.2f}); attacker "
            f"{r['attacker_rps']:.0f} req/s answered NO_NUMBERS in p50/p95 "
            f"{r['attacker_p50']:.1f}/{r['attacker_p95']:.1f} ms "
            f"({int(r['not_no_numbers'])} other answers)",
            flush=True,
        )


if __name__ == "__main__":
    main()
