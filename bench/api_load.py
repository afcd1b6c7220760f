"""Load benchmark: a real `otpvirt serve` against a bare ASGI app on the same uvicorn.

    python bench/api_load.py                                  # SQLite, 1 and 2 workers
    python bench/api_load.py --postgres                       # PostgreSQL at 127.0.0.1
    python bench/api_load.py --pool-sizes 10000 1000000 --only cycle   # pool-size scaling
    python bench/api_load.py --baseline /tmp/otpvirt-main --rounds 3   # A/B, alternating

For each worker count it starts the ceiling, `bench/bare_asgi.py` (no framework: reads
the body, answers a constant JSON envelope, on uvicorn with the options of `otpvirt
serve`: uvloop, httptools, proxy headers), a second reference, `bench/ceiling_app.py`
(FastAPI + GZip middleware answering the same body), and the real server, seeds a
client, prices, a pool of numbers on a simulated source and one activation with an SMS,
then drives each with wrk (`bench/wrk/*.lua`) at each connection count. Every figure is
printed with its ratio to the bare ASGI ceiling measured in the same round ("x") and to
the FastAPI one ("xF"), plus p50/p99 latency, answers that were not `"status":2` (must
be 0) and the peak RSS of each server process. Results are also written as JSON to
bench/results/.

`--baseline DIR` also serves the same database with the code of another checkout
(`DIR/src`, e.g. `git archive main src | tar -x -C DIR`), and measures each method on
both servers back to back, alternating which goes first, `--rounds` times: the A/B
comparison for a change, free of the machine's drift between runs.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TypedDict

ROOT = Path(__file__).resolve().parent.parent
WRK = ROOT / "bench" / "wrk"
PY = sys.executable
PG_ADMIN = os.environ.get("OTPVIRT_BENCH_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
TARGETS = ["GetBalance", "GetSms", "GetNumbersCount", "GetPrice", "cycle"]
CEILINGS = ["bare", "fastapi"]
# Leases without cancels drain the pool: only when asked for, with a pool that outlasts
# the run (e.g. --only ceiling GetNumber --pool-sizes 200000).
OPTIONAL = ["GetNumber"]


@dataclass
class Result:
    pool: int
    workers: int
    connections: int
    target: str
    round: int
    rps: float
    ratio: float  # to the bare ASGI ceiling of the same round
    ratio_fastapi: float  # to the FastAPI ceiling of the same round
    cpu_us: float  # server CPU (all processes and threads) per answer
    cpu_ratio: float  # the bare ceiling's CPU per answer / this one's (same round)
    p50_ms: float
    p99_ms: float
    bad: int
    sample: str


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_http(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on {port}")


def cli(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [PY, "-m", "otpvirt", *args], env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"otpvirt {' '.join(args)}: {done.stderr}")
    return done.stdout


def fresh_postgres(name: str) -> str:
    import asyncpg

    async def go() -> None:
        con = await asyncpg.connect(PG_ADMIN)
        await con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await con.execute(f'CREATE DATABASE "{name}"')
        await con.close()

    asyncio.run(go())
    return PG_ADMIN.rsplit("/", 1)[0] + f"/{name}"


def seed(env: dict[str, str], data: Path, pool: int, clients: int = 1) -> dict[str, str]:
    """Rich clients, prices, `pool` simulator numbers; returns the first client's creds
    plus `all`: every client as "id:password,..." (one per wrk thread in the cycle)."""
    cli(env, "db", "upgrade")
    made = [
        json.loads(cli(env, "clients", "create", "--balance", "1000000000", "--json"))
        for _ in range(clients)
    ]
    client = made[0]
    cli(env, "sources", "create", "bench-sim", "--simulator", "--json")
    for service, price in (("vi", "0.05"), ("tg", "0.29"), ("wa", "0.32"), ("fb", "0.06")):
        cli(env, "prices", "set", "tajikistan", service, price)
    path = data / "pool.csv"
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["number", "country", "provider", "source"])
        for i in range(pool):
            w.writerow([f"9927{i:08d}", "tajikistan", "indigo", "bench-sim"])
    started = time.monotonic()
    cli(env, "numbers", "import", str(path), "--json")
    print(f"  imported {pool} numbers in {time.monotonic() - started:.1f} s", flush=True)
    return {
        "clientId": client["clientId"],
        "apiPassword": client["apiPassword"],
        "all": ",".join(f"{c['clientId']}:{c['apiPassword']}" for c in made),
    }


def sms_activation(base: str, creds: dict[str, str], env: dict[str, str]) -> str:
    import httpx

    got = httpx.post(
        f"{base}/native/GetNumber",
        json={**creds, "service": "wa", "detail": {"country": "tajikistan"}},
        timeout=30,
    ).json()
    cli(
        env,
        "sms",
        "inject",
        "--to",
        str(got["number"]),
        "--from",
        "WhatsApp",
        "--text",
        "Your WhatsApp code: 123-456",
    )
    return str(got["activationId"])


def rss_kib(pids: list[int]) -> dict[int, int]:
    out = {}
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    out[pid] = int(line.split()[1])
        except OSError:
            pass
    return out


def children(pid: int) -> list[int]:
    try:
        out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    except OSError:
        return [pid]
    kids = [int(p) for p in out.split()]
    return [pid, *kids, *[g for k in kids for g in children(k)]]


class WrkResult(TypedDict, total=False):
    rps: float
    requests: int
    cpu_us: float
    p50: float
    p99: float
    bad: int
    sample: str


def wrk(
    url: str, script: str, args: list[str], conns: int, seconds: int, threads: int
) -> WrkResult:
    cmd = [
        "wrk",
        f"-t{threads}",
        f"-c{conns}",
        f"-d{seconds}s",
        "--latency",
        "-s",
        str(WRK / script),
        url,
        "--",
        *args,
    ]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    requests = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    p50 = int(re.search(r"^P50 (\d+)", out, re.M).group(1)) / 1000  # type: ignore[union-attr]
    p99 = int(re.search(r"^P99 (\d+)", out, re.M).group(1)) / 1000  # type: ignore[union-attr]
    bad = int(re.search(r"^BAD (\d+)", out, re.M).group(1))  # type: ignore[union-attr]
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    sample = re.search(r"^SAMPLE (.*)", out, re.M)
    return {
        "rps": rps,
        "requests": requests,
        "p50": p50,
        "p99": p99,
        "bad": bad + (int(non2xx.group(1)) if non2xx else 0),
        "sample": (sample.group(1)[:160] if sample else "")
        + (f" sockets: {errors.group(1)}" if errors else ""),
    }


def cpu_ticks(pids: list[int]) -> int:
    """User + system clock ticks used so far by every thread of `pids`."""
    total = 0
    for pid in pids:
        for stat in Path(f"/proc/{pid}/task").glob("*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += int(fields[11]) + int(fields[12])
    return total


def start(cmd: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        cmd, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT, start_new_session=True
    )


def stop(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(proc.pid, signal.SIGKILL)


def uvicorn_ceiling(port: int, workers: int) -> list[str]:
    """The FastAPI reference, on the uvicorn options of `otpvirt serve`."""
    return [
        PY,
        "-m",
        "uvicorn",
        "--factory",
        "ceiling_app:create_app",
        "--port",
        str(port),
        "--loop",
        "uvloop",
        "--http",
        "httptools",
        "--no-access-log",
        "--log-level",
        "warning",
        "--proxy-headers",
        "--forwarded-allow-ips",
        "127.0.0.1",
        "--workers",
        str(workers),
    ]


def serve_cmd(port: int, workers: int) -> list[str]:
    return [
        PY,
        "-m",
        "otpvirt",
        "serve",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--log-level",
        "warning",
    ]


def start_servers(
    args: argparse.Namespace, workers: int, env: dict[str, str], data: Path
) -> tuple[dict[str, int], dict[str, subprocess.Popen[bytes]]]:
    """The two ceilings, the server, and (with --baseline) the other checkout's server."""
    ports = {name: free_port() for name in ("bare", "fastapi", "new", "base")}
    bench_env = {**env, "PYTHONPATH": str(ROOT / "bench")}
    bare = [PY, str(ROOT / "bench" / "bare_asgi.py"), "--port", str(ports["bare"])]
    procs = {
        "bare": start([*bare, "--workers", str(workers)], bench_env, data / "bare.log"),
        "fastapi": start(
            uvicorn_ceiling(ports["fastapi"], workers), bench_env, data / "fastapi.log"
        ),
        "new": start(serve_cmd(ports["new"], workers), env, data / "serve.log"),
    }
    if args.baseline:
        # The other checkout's code on the same database (imports its src/ first).
        base_env = {**env, "PYTHONPATH": str(Path(args.baseline).resolve() / "src")}
        procs["base"] = start(serve_cmd(ports["base"], workers), base_env, data / "base.log")
    return ports, procs


@dataclass
class Bench:
    """What one measurement needs: the servers, the bodies, the clients."""

    args: argparse.Namespace
    ports: dict[str, int]
    procs: dict[str, subprocess.Popen[bytes]]
    bodies: dict[str, str]
    everyone: dict[str, str]
    peaks: dict[int, int]

    def measure(self, server: str, target: str, conns: int) -> WrkResult:
        base = f"http://127.0.0.1:{self.ports[server]}"
        if target == "cycle":
            url, script = base + "/", "cycle.lua"
            wargs = [self.everyone["all"], "vi", "tajikistan"]
        else:
            url, script = f"{base}/native/{target}", "post.lua"
            wargs = [self.bodies.get(target, self.bodies["GetBalance"])]
        threads = self.args.cycle_clients if target == "cycle" else self.args.threads
        wrk(url, script, wargs, conns, 2, threads)  # warm-up, discarded
        pids = children(self.procs[server].pid)
        before = cpu_ticks(pids)
        got = wrk(url, script, wargs, conns, self.args.duration, threads)
        # The server's CPU per answer (all its processes and threads): the cost of a
        # request that the machine's other load moves much less than the throughput.
        ticks = cpu_ticks(pids) - before
        got["cpu_us"] = round(ticks / os.sysconf("SC_CLK_TCK") * 1e6 / max(got["requests"], 1), 1)
        if server in ("new", "base"):
            for pid, kib in rss_kib(children(self.procs[server].pid)).items():
                self.peaks[pid] = max(self.peaks.get(pid, 0), kib)
        return got


def bodies_for(creds: dict[str, str], activation: str) -> dict[str, str]:
    c = json.dumps(creds)[1:-1]
    return {
        "GetBalance": f"{{{c}}}",
        "GetPrice": f"{{{c}}}",
        "GetSms": f'{{{c},"activationId":"{activation}"}}',
        "GetNumbersCount": f'{{{c},"service":"vi","country":"tajikistan","provider":"indigo"}}',
        "GetNumber": f'{{{c},"service":"vi","detail":{{"country":"tajikistan"}}}}',
    }


def run_one(
    args: argparse.Namespace, pool: int, workers: int, results: list[Result]
) -> dict[int, int]:
    data = Path(tempfile.mkdtemp(prefix="otpvirt-bench-"))
    env = {
        **os.environ,
        "OTPVIRT_DATA_DIR": str(data),
        "OTPVIRT_RATE_LIMIT": args.rate_limit,
        "OTPVIRT_LOG_LEVEL": "warning",
    }
    if args.postgres:
        env["OTPVIRT_DATABASE_URL"] = fresh_postgres(f"otpvirt_bench_{os.getpid()}")
    else:
        env.pop("OTPVIRT_DATABASE_URL", None)
    everyone = seed(env, data, pool, clients=args.cycle_clients)
    creds = {"clientId": everyone["clientId"], "apiPassword": everyone["apiPassword"]}
    ports, procs = start_servers(args, workers, env, data)
    peaks: dict[int, int] = {}
    try:
        for name in procs:
            wait_http(ports[name])
        activation = sms_activation(f"http://127.0.0.1:{ports['new']}", creds, env)
        bench = Bench(args, ports, procs, bodies_for(creds, activation), everyone, peaks)
        methods = [t for t in TARGETS + OPTIONAL if t in (args.only or TARGETS)]
        servers = ["new", "base"] if args.baseline else ["new"]
        for conns in args.connections:
            for rnd in range(args.rounds):
                # The order alternates between rounds, so drift does not favour one side.
                order = servers if rnd % 2 == 0 else servers[::-1]
                measured = {name: bench.measure(name, "GetBalance", conns) for name in CEILINGS}
                ceil = {name: got["rps"] for name, got in measured.items()}
                ceil["cpu"] = measured["bare"].get("cpu_us", 0.0)
                for name, got in measured.items():
                    report(results, (pool, workers, conns, rnd), name, got, ceil)
                for target in methods:
                    for server in order:
                        got = bench.measure(server, target, conns)
                        label = target if server == "new" else f"base:{target}"
                        report(results, (pool, workers, conns, rnd), label, got, ceil)
        doctor = subprocess.run(
            [PY, "-m", "otpvirt", "doctor"], env=env, capture_output=True, text=True
        )
        print("  doctor:", "clean" if doctor.returncode == 0 else doctor.stdout, flush=True)
    finally:
        for proc in procs.values():
            stop(proc)
        if not args.keep:
            shutil.rmtree(data, ignore_errors=True)
    return peaks


def report(
    results: list[Result],
    where: tuple[int, int, int, int],
    target: str,
    got: WrkResult,
    ceil: dict[str, float],
) -> None:
    pool, workers, conns, rnd = where
    bare, fastapi, ceil_cpu = ceil.get("bare", 0.0), ceil.get("fastapi", 0.0), ceil.get("cpu", 0.0)
    res = Result(
        pool,
        workers,
        conns,
        target,
        rnd,
        got["rps"],
        round(got["rps"] / bare, 3) if bare else 0.0,
        round(got["rps"] / fastapi, 3) if fastapi else 0.0,
        got.get("cpu_us", 0.0),
        round(ceil_cpu / got["cpu_us"], 3) if ceil_cpu and got.get("cpu_us") else 0.0,
        got["p50"],
        got["p99"],
        got["bad"],
        got["sample"],
    )
    results.append(res)
    print(
        f"  pool={pool:<8} workers={workers} c={conns:<4} r{rnd} {target:<20} "
        f"{res.rps:>9.0f} req/s {res.ratio:>5.2f}x {res.ratio_fastapi:>5.2f}xF "
        f"cpu {res.cpu_us:5.1f} µs ({res.cpu_ratio:4.2f}x)  "
        f"p50 {res.p50_ms:6.1f} ms  p99 {res.p99_ms:6.1f} ms  bad {res.bad}"
        + (f"  ({res.sample})" if res.bad else ""),
        flush=True,
    )


def summarise(results: list[Result]) -> None:
    """Per target: the median over rounds of its ratios to the same round's bare ceiling."""
    groups: dict[tuple[int, int, int, str], list[Result]] = {}
    for r in results:
        groups.setdefault((r.pool, r.workers, r.connections, r.target), []).append(r)
    print("medians over rounds (throughput ratio · CPU-per-answer ratio · p99):")
    for (pool, workers, conns, target), rs in groups.items():
        print(
            f"  pool={pool:<8} workers={workers} c={conns:<4} {target:<20} "
            f"{statistics.median(r.ratio for r in rs):5.2f}x · "
            f"{statistics.median(r.cpu_ratio for r in rs):5.2f}x · "
            f"p99 {statistics.median(r.p99_ms for r in rs):6.1f} ms"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--postgres", action="store_true", help=f"use a fresh database at {PG_ADMIN}"
    )
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--connections", type=int, nargs="+", default=[32, 128])
    parser.add_argument("--duration", type=int, default=10, help="seconds per measurement")
    parser.add_argument("--threads", type=int, default=1, help="wrk threads (reads)")
    parser.add_argument(
        "--cycle-clients",
        type=int,
        default=4,
        help="clients in the GetNumber->Cancel cycle (one wrk thread each; a client's own "
        "requests serialise on its balance row)",
    )
    parser.add_argument("--pool-sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument("--only", nargs="*", help=f"targets among {TARGETS + OPTIONAL}")
    parser.add_argument("--keep", action="store_true", help="keep the data directory")
    parser.add_argument(
        "--baseline", help="a checkout whose src/ also serves the same database (A/B runs)"
    )
    parser.add_argument("--rounds", type=int, default=1, help="measurements of each target")
    parser.add_argument(
        "--rate-limit",
        default="off",
        help="OTPVIRT_RATE_LIMIT of the servers (off: measure the work, not the limit)",
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")
    results: list[Result] = []
    memory = {}
    print(
        f"database: {'PostgreSQL' if args.postgres else 'SQLite'}; {os.cpu_count()} CPUs",
        flush=True,
    )
    for pool in args.pool_sizes:
        for workers in args.workers:
            peaks = run_one(args, pool, workers, results)
            memory[f"pool={pool},workers={workers}"] = {str(k): v // 1024 for k, v in peaks.items()}
            print(
                f"  peak RSS per server process (MiB): {sorted(v // 1024 for v in peaks.values())}",
                flush=True,
            )
    summarise(results)
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    name = (
        out
        / f"api_load-{'pg' if args.postgres else 'sqlite'}-{time.strftime('%Y%m%d-%H%M%S')}.json"
    )
    name.write_text(
        json.dumps({"results": [asdict(r) for r in results], "peak_rss_mib": memory}, indent=2)
    )
    print(f"written {name.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
