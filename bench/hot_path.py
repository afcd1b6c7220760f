"""Where a native request's time goes, in-process: the per-request cost budget.

    python bench/hot_path.py                     # SQLite
    python bench/hot_path.py --postgres          # PostgreSQL at 127.0.0.1
    python bench/hot_path.py --profile GetSms    # plus a cProfile of that method

Seeds a database like bench/api_load.py, builds the real app (`create_app`) on uvloop
and calls it as uvicorn would (an ASGI scope, a `receive` giving the body, a `send`
that keeps the answer), N times per method: the µs per request of our own work, with
no HTTP parsing or socket in it. Then it times each step of the fast path alone, with
the same objects, for the budget table: body read, JSON parse/validation,
authentication (cache hit), rate limit (on, 100/s per key spread over many keys),
metrics, database read, encoding, response. The HTTP side (uvicorn + httptools +
sockets) is the bare ASGI ceiling's 1/throughput in bench/api_load.py.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import os
import pstats
import shutil
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

import uvloop

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_load import PG_ADMIN, fresh_postgres, seed


def scope_for(path: str) -> dict[str, Any]:
    """The scope uvicorn (httptools) builds for a wrk POST."""
    return {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": "1.1",
        "server": ("127.0.0.1", 8080),
        "client": ("127.0.0.1", 40000),
        "scheme": "http",
        "method": "POST",
        "root_path": "",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "headers": [
            (b"host", b"127.0.0.1:8080"),
            (b"content-type", b"application/json"),
            (b"content-length", b"0"),
        ],
        "state": {},
    }


class Call:
    """One request's ASGI channels: the body in, the answer kept."""

    def __init__(self, body: bytes) -> None:
        self.body = body
        self.out: list[MutableMapping[str, Any]] = []

    async def receive(self) -> dict[str, Any]:
        return {"type": "http.request", "body": self.body, "more_body": False}

    async def send(self, message: MutableMapping[str, Any]) -> None:
        self.out.append(message)

    def answer(self) -> dict[str, Any]:
        return dict(json.loads(self.out[-1]["body"]))


async def per_call(fn: Callable[[], Awaitable[object]], n: int) -> float:
    """µs per call of `fn`, best of three runs of n."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(n):
            await fn()
        best = min(best, (time.perf_counter() - start) / n * 1e6)
    return best


async def run(args: argparse.Namespace, creds: dict[str, str]) -> None:  # noqa: C901
    from otpvirt.app import create_app
    from otpvirt.config import Settings
    from otpvirt.runtime import Runtime

    settings = Settings()
    rt = Runtime.open(settings)
    app = create_app(runtime=rt)
    c = json.dumps({"clientId": creds["clientId"], "apiPassword": creds["apiPassword"]})[1:-1]

    async def call(method: str, body: str) -> dict[str, Any]:
        payload = body.encode()
        scope = scope_for(f"/native/{method}")
        scope["headers"][2] = (b"content-length", str(len(payload)).encode())
        ch = Call(payload)
        await app(scope, ch.receive, ch.send)
        return ch.answer()

    got = await call("GetNumber", f'{{{c},"service":"wa","detail":{{"country":"tajikistan"}}}}')
    assert got["status"] == 2, got
    activation = got["activationId"]
    bodies = {
        "GetBalance": f"{{{c}}}",
        "GetSms": f'{{{c},"activationId":"{activation}"}}',
    }

    async def cycle() -> None:
        got = await call("GetNumber", f'{{{c},"service":"vi","detail":{{"country":"tajikistan"}}}}')
        assert got["status"] == 2, got
        done = await call("CancelActivation", f'{{{c},"activationId":"{got["activationId"]}"}}')
        assert done["status"] == 2, done

    for method, body in bodies.items():
        first = await call(method, body)
        assert first["status"] == 2, first

        async def one(method: str = method, body: str = body) -> None:
            await call(method, body)

        print(f"{method:<22} {await per_call(one, args.n):7.1f} µs per request (in-process)")
    print(f"{'GetNumber→Cancel':<22} {await per_call(cycle, args.n // 10) / 2:7.1f} µs per request")
    if args.concurrency > 1:
        # As wrk's connections do: that many loops at once (the group commit gathers them).
        pairs = args.n // 10
        cpu, start = time.process_time(), time.perf_counter()

        async def loop() -> None:
            for _ in range(pairs // args.concurrency):
                await cycle()

        await asyncio.gather(*(loop() for _ in range(args.concurrency)))
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu
        done = pairs // args.concurrency * args.concurrency * 2
        print(
            f"GetNumber→Cancel × {args.concurrency} at once: {done / wall:7.0f} req/s, "
            f"{cpu / done * 1e6:.1f} µs CPU per request (all threads)"
        )
    await budget(rt, app, bodies)
    if args.profile:
        target = args.profile
        prof = cProfile.Profile()
        prof.enable()
        if target == "cycle":
            # As under load: `--concurrency` cycles at once, so commits are grouped.
            per_loop = max(args.n // 10 // args.concurrency, 1)

            async def cycles() -> None:
                for _ in range(per_loop):
                    await cycle()

            await asyncio.gather(*(cycles() for _ in range(args.concurrency)))
        else:
            for _ in range(args.n):
                await call(target, bodies[target])
        prof.disable()
        stats = pstats.Stats(prof)
        stats.sort_stats(args.sort).print_stats(args.lines)
    await rt.close()


async def budget(rt: Any, app: Any, bodies: dict[str, str]) -> None:  # noqa: C901
    """Each step of GetBalance and GetSms alone, as the fast path runs it."""
    import orjson
    from starlette.requests import Request

    from otpvirt.auth.ratelimit import Limiter
    from otpvirt.clients.service import authenticate, current_balance
    from otpvirt.longpoll import service as longpoll
    from otpvirt.native import schemas as s
    from otpvirt.native import wire
    from otpvirt.native.wire import parse
    from otpvirt.observability.metrics import LATENCY, REQUESTS
    from otpvirt.rates import parse_rate
    from otpvirt.web.body import read_body

    n = 20_000
    body = bodies["GetBalance"].encode()
    sms_body = bodies["GetSms"].encode()
    path = "/native/GetBalance"
    data = json.loads(body)

    def request(payload: bytes = body) -> Request:
        ch = Call(payload)
        scope = scope_for(path)
        scope["app"] = app
        scope["headers"][2] = (b"content-length", str(len(payload)).encode())
        return Request(scope, ch.receive)

    async def body_read() -> None:
        await read_body(request(), max_bytes=65536, max_decompressed=1 << 20)

    async def validate() -> None:
        s.GetBalanceRequest.model_validate_json(body)

    async def read_and_validate() -> None:
        await parse(request(), s.GetBalanceRequest)

    async def auth() -> None:
        await authenticate(
            rt.db,
            rt.passwords,
            data["clientId"],
            data["apiPassword"],
            address="127.0.0.1",
            policy=rt.lockout,
            cache=rt.clients,
        )

    shared = rt.db.dialect == "postgresql"
    limiter = Limiter(rt.db, parse_rate("100/s"), shared=shared)
    keys = [f"client:bench-{i}" for i in range(1000)]
    counter = iter(range(10**9))

    async def rate_limit() -> None:
        await limiter.check(keys[next(counter) % 1000])

    ok = REQUESTS.labels("GetBalance", "ok").inc
    observe = LATENCY.labels("GetBalance").observe

    async def metrics() -> None:
        start = time.perf_counter()
        ok()
        observe(time.perf_counter() - start)

    client = await authenticate(
        rt.db, rt.passwords, data["clientId"], data["apiPassword"], cache=rt.clients
    )

    async def db_balance() -> None:
        await current_balance(rt.db, client)

    sms = json.loads(sms_body)

    async def db_sms() -> None:
        await longpoll.get_sms(rt, client.id, sms["activationId"])

    payload = {"currency": "USD", "balance": 131.95, "status": 2, "error": 0}

    async def encode() -> None:
        orjson.dumps(payload)

    answer = orjson.dumps(payload)
    scope = scope_for(path)

    async def respond() -> None:
        ch = Call(b"")
        await wire.JsonAnswer(answer)(scope, ch.receive, ch.send)

    rows = [
        ("body read (Request + read_body)", body_read),
        ("JSON parse + validation (pydantic)", validate),
        ("  read + parse together (wire.parse)", read_and_validate),
        ("authentication (cache hit)", auth),
        (f"rate limit (on, {'shared' if shared else 'local'})", rate_limit),
        ("metrics (counter + histogram)", metrics),
        ("database read: GetBalance balance", db_balance),
        ("database read: GetSms rows", db_sms),
        ("encoding (orjson.dumps)", encode),
        ("response (wire.JsonAnswer + send)", respond),
    ]
    print("\nper-step cost, µs (each step alone, best of 3 × 20,000):")
    for name, fn in rows:
        print(f"  {name:<40} {await per_call(fn, n):6.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--postgres", action="store_true", help=f"a fresh database at {PG_ADMIN}")
    parser.add_argument("-n", type=int, default=5000, help="requests per method")
    parser.add_argument("--concurrency", type=int, default=32, help="cycles at once")
    parser.add_argument("--sort", default="tottime", help="cProfile order (tottime, cumtime)")
    parser.add_argument("--lines", type=int, default=25, help="cProfile lines shown")
    parser.add_argument("--profile", choices=["GetBalance", "GetSms", "cycle"])
    args = parser.parse_args()
    data = Path(tempfile.mkdtemp(prefix="otpvirt-hot-"))
    os.environ.update(
        {
            "OTPVIRT_DATA_DIR": str(data),
            "OTPVIRT_RATE_LIMIT": "off",
            "OTPVIRT_LOG_LEVEL": "warning",
        }
    )
    if args.postgres:
        os.environ["OTPVIRT_DATABASE_URL"] = fresh_postgres(f"otpvirt_hot_{os.getpid()}")
    else:
        os.environ.pop("OTPVIRT_DATABASE_URL", None)
    try:
        creds = seed(dict(os.environ), data, 20_000)
        uvloop.run(run(args, creds))
    finally:
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
