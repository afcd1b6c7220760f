"""Crash test: kill -9 the server again and again under load, then prove nothing was lost.

    python bench/crash.py                      # SQLite, 10 kills, one every ~3 s
    python bench/crash.py --postgres --kills 20

Clients run GetNumber -> (SMS through the gateway API, GetSms) -> Cancel or Confirm in a
loop while the server is killed with SIGKILL at random moments and restarted. Every
answer that said "success" is journaled. At the end `otpvirt doctor` must be clean and
every journaled success must be in the database: the lease exists and is charged, a
successful cancel is cancelled and refunded, a confirm is completed, an accepted SMS is
stored. Exit status 0 only if all of that holds.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from api_load import cli, free_port, fresh_postgres, wait_http  # noqa: E402

PY = sys.executable


@dataclass
class Journal:
    leased: dict[str, int] = field(default_factory=dict)  # activation -> number
    cancelled: set[str] = field(default_factory=set)
    confirmed: set[str] = field(default_factory=set)
    sms: set[str] = field(default_factory=set)
    errors: int = 0


def start(env: dict[str, str], port: int, log: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [PY, "-m", "otpvirt", "serve", "--port", str(port), "--log-level", "warning"],
        env=env,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


async def client_loop(
    base: str, creds: dict[str, str], token: str, journal: Journal, stop: asyncio.Event
) -> None:
    rng = random.Random()
    async with httpx.AsyncClient(base_url=base, timeout=5) as http:
        while not stop.is_set():
            try:
                got = (
                    await http.post(
                        "/native/GetNumber",
                        json={**creds, "service": "vi", "detail": {"country": "tajikistan"}},
                    )
                ).json()
                if got["status"] != 2:
                    await asyncio.sleep(0.05)
                    continue
                act, number = got["activationId"], int(got["number"])
                journal.leased[act] = number
                body = {**creds, "activationId": act}
                if rng.random() < 0.5:
                    sms = await http.post(
                        "/gateway/v1/sms",
                        headers={"Authorization": f"Bearer {token}"},
                        json={
                            "to": str(number),
                            "from": "Viber",
                            "text": f"Your Viber code: {rng.randint(100000, 999999)}",
                            "messageId": f"crash-{act}",
                        },
                    )
                    for r in sms.json().get("results", []):
                        if r["status"] in ("accepted", "duplicate") and r.get("smsId"):
                            journal.sms.add(r["smsId"])
                    await http.post("/native/GetSms", json=body)
                    if (await http.post("/native/ConfirmActivation", json=body)).json()[
                        "status"
                    ] == 2:
                        journal.confirmed.add(act)
                else:
                    if (await http.post("/native/CancelActivation", json=body)).json()[
                        "status"
                    ] == 2:
                        journal.cancelled.add(act)
            except (httpx.HTTPError, json.JSONDecodeError, KeyError):
                journal.errors += 1
                await asyncio.sleep(0.1)


async def verify(env: dict[str, str], journal: Journal) -> list[str]:
    os.environ.update(env)
    from otpvirt.config import Settings
    from otpvirt.runtime import Runtime

    problems: list[str] = []
    rt = Runtime.open(Settings())
    try:
        async with rt.db.read() as conn:
            rows = {
                r[0]: (r[1], int(r[2]))
                for r in await conn.fetchall(
                    "SELECT a.guid, a.state, (SELECT COUNT(*) FROM ledger_entries e "
                    "WHERE e.activation_id = a.id AND e.kind = 'refund') FROM activations a"
                )
            }
            stored_sms = {r[0] for r in await conn.fetchall("SELECT guid FROM sms_messages")}
            charged = {
                r[0]
                for r in await conn.fetchall(
                    "SELECT a.guid FROM activations a JOIN ledger_entries e "
                    "ON e.activation_id = a.id AND e.kind = 'charge'"
                )
            }
    finally:
        await rt.close()
    for act in journal.leased:
        if act not in rows or act not in charged:
            problems.append(f"lease {act} answered but missing or uncharged")
    for act in journal.cancelled:
        if rows.get(act, ("?", 0)) != ("cancelled", 1):
            problems.append(f"cancel of {act} answered but state/refund is {rows.get(act)}")
    for act in journal.confirmed:
        if rows.get(act, ("?", 0))[0] != "completed":
            problems.append(f"confirm of {act} answered but state is {rows.get(act)}")
    problems += [f"SMS {s} accepted but not stored" for s in journal.sms - stored_sms]
    return problems


async def main_async(args: argparse.Namespace) -> int:
    data = Path(tempfile.mkdtemp(prefix="otpvirt-crash-"))
    env = {**os.environ, "OTPVIRT_DATA_DIR": str(data), "OTPVIRT_RATE_LIMIT": "off"}
    env.pop("OTPVIRT_DATABASE_URL", None)
    if args.postgres:
        env["OTPVIRT_DATABASE_URL"] = await asyncio.to_thread(
            fresh_postgres, f"otpvirt_crash_{os.getpid()}"
        )
    cli(env, "db", "upgrade")
    creds = json.loads(cli(env, "clients", "create", "--balance", "100000", "--json"))
    creds = {"clientId": creds["clientId"], "apiPassword": creds["apiPassword"]}
    token = json.loads(cli(env, "sources", "create", "crash-gw", "--json"))["token"]
    cli(env, "prices", "set", "tajikistan", "vi", "0.05")
    # A number that received a Viber code is never leased for Viber again: the pool must
    # outlast the run (about 700 leases per kill interval here) or the kills hit an idle server.
    pool = args.numbers or max(20_000, int(args.kills * args.interval * 1000))
    (data / "n.csv").write_text(
        "number,country,provider,source\n"
        + "".join(f"9929{i:08d},tajikistan,indigo,crash-gw\n" for i in range(pool))
    )
    cli(env, "numbers", "import", str(data / "n.csv"))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = data / "serve.log"
    server = start(env, port, log)
    wait_http(port)
    journal, stop = Journal(), asyncio.Event()
    tasks = [
        asyncio.create_task(client_loop(base, creds, token, journal, stop))
        for _ in range(args.clients)
    ]
    try:
        for kill in range(args.kills):
            await asyncio.sleep(random.uniform(0.5, 2) * args.interval)
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
            print(
                f"kill {kill + 1}/{args.kills}: leases {len(journal.leased)}, "
                f"cancels {len(journal.cancelled)}, "
                f"confirms {len(journal.confirmed)}, SMS {len(journal.sms)}, "
                f"failed calls {journal.errors}",
                flush=True,
            )
            server = start(env, port, log)
            await asyncio.to_thread(wait_http, port)
        await asyncio.sleep(args.interval)
    finally:
        stop.set()
        await asyncio.gather(*tasks, return_exceptions=True)
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
    doctor = await asyncio.to_thread(
        subprocess.run, [PY, "-m", "otpvirt", "doctor"], env=env, capture_output=True, text=True
    )
    print(doctor.stdout.strip().splitlines()[-1])
    problems = await verify(env, journal)
    for p in problems[:20]:
        print("LOST:", p)
    print(
        f"journal: {len(journal.leased)} leases, {len(journal.cancelled)} cancels, "
        f"{len(journal.confirmed)} confirms, {len(journal.sms)} SMS acknowledged; "
        f"{len(problems)} lost; doctor {'clean' if doctor.returncode == 0 else 'FAILED'}"
    )
    return 0 if doctor.returncode == 0 and not problems and journal.leased else 1


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--interval", type=float, default=3.0, help="mean seconds between kills")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument(
        "--numbers", type=int, default=0, help="pool size (default: enough for the whole run)"
    )
    sys.exit(asyncio.run(main_async(parser.parse_args())))


if __name__ == "__main__":
    main()
