"""`otpvirt serve` and `otpvirt worker`."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from typing import Annotated

import typer

from otpvirt import __version__
from otpvirt.cli.common import DbUrl, console, ensure_schema, run, settings_for
from otpvirt.config import Settings
from otpvirt.observability import logs
from otpvirt.runtime import Runtime
from otpvirt.web.exposure import serve_advice
from otpvirt.worker.runner import Worker

# Leases per minute of the demo market under `serve --demo`: a gentle, steady trickle.
DEMO_TRAFFIC = 10.0


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8080,
    database_url: DbUrl = None,
    demo: Annotated[
        bool, typer.Option("--demo", help="Add demo prices, numbers and a demo client.")
    ] = False,
    no_worker: Annotated[
        bool, typer.Option("--no-worker", help="Do not run background work here.")
    ] = False,
    log_level: Annotated[str, typer.Option(help="debug, info, warning or error.")] = "info",
    access_log: Annotated[bool, typer.Option("--access-log", help="Log every request.")] = False,
    workers: Annotated[
        int, typer.Option(min=1, help="Server processes sharing the port (SQLite included).")
    ] = 1,
    demo_traffic: Annotated[
        float,
        typer.Option(
            min=0,
            max=600,
            metavar="RATE",
            help="With --demo: leases per minute made by simulated demo clients (0: none).",
        ),
    ] = DEMO_TRAFFIC,
) -> None:
    """Run the API server (and, unless --no-worker, the background work)."""
    import uvicorn

    from otpvirt.app import create_app

    # The demo market never runs outside a demo start, whatever the environment says.
    rate = demo_traffic if demo else 0.0
    settings = settings_for(
        database_url, host=host, port=port, log_level=log_level, demo_traffic=rate
    )
    logs.configure(log_level, json_lines=settings.json_logs)
    ensure_schema(settings, isolated=True)
    base = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}"
    console.print(
        f"[bold]otpvirt {__version__}[/] on {base}  (API docs: {base}/docs)", highlight=False
    )
    console.print(f"database: {settings.effective_database_url.split('@')[-1]}", highlight=False)
    _print_durability(settings)
    console.print(f"operator console: {base}/console", highlight=False)
    console.print(f"client portal:    {base}/portal", highlight=False)
    for line in serve_advice(host, settings):
        console.print(f"[bold yellow]warning:[/] {line}", highlight=False, soft_wrap=True)
    if demo:
        from otpvirt.demo import setup_demo, setup_demo_admin

        admin_user, admin_password = run(settings, setup_demo_admin, migrate=False)
        console.print("[bold green]demo operator[/] (console login)", highlight=False)
        console.print(f"  user:     {admin_user}", highlight=False)
        console.print(f"  password: {admin_password}", highlight=False)
        creds = run(settings, setup_demo, migrate=False)
        console.print("[bold green]demo client[/] (portal login and API)", highlight=False)
        console.print(f"  clientId:    {creds.client_id}", highlight=False)
        console.print(f"  apiPassword: {creds.api_password}", highlight=False)
        console.print(
            f"  try: curl -s {base}/native/GetBalance -H 'Content-Type: application/json' "
            f'-d \'{{"clientId":"{creds.client_id}","apiPassword":"{creds.api_password}"}}\'',
            highlight=False,
            soft_wrap=True,
        )
        console.print(f"  sms-activate api_key: {creds.api_key}", highlight=False)
        console.print(
            f"  try: curl -s '{base}/stubs/handler_api.php?api_key={creds.api_key}"
            "&action=getBalance'",
            highlight=False,
            soft_wrap=True,
        )
        if rate > 0:
            _start_market(settings, rate, no_worker)
    options = {
        "host": host,
        "port": port,
        "loop": "uvloop",
        "http": "httptools",
        "log_level": log_level,
        "access_log": access_log,
        "timeout_graceful_shutdown": 10,
        # Our handlers (JSON when not a TTY, secrets redacted) serve uvicorn's loggers too.
        "log_config": None,
        # X-Forwarded-Proto/For are believed only from these proxies (Secure cookies).
        "proxy_headers": True,
        "forwarded_allow_ips": settings.forwarded_allow_ips,
    }
    if workers == 1:
        uvicorn.run(create_app(settings, worker=not no_worker), **options)  # type: ignore[arg-type]
        return
    # Several processes: each builds its app from the environment; the background
    # work runs once, in its own process, so it is never done twice.
    os.environ["OTPVIRT_DATABASE_URL"] = settings.effective_database_url
    os.environ["OTPVIRT_DATA_DIR"] = str(settings.data_dir)
    os.environ["OTPVIRT_LOG_LEVEL"] = log_level
    # Every process counts into files here, so a scrape of any process sees them all.
    metrics_dir = None
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        metrics_dir = tempfile.mkdtemp(prefix="otpvirt-metrics-")
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = metrics_dir
    background = None
    if not no_worker:
        background = subprocess.Popen(
            [sys.executable, "-m", "otpvirt", "worker", "--log-level", log_level]
            + (["--demo-traffic", str(rate)] if rate > 0 else [])
        )
    try:
        uvicorn.run("otpvirt.app:app_from_environment", factory=True, workers=workers, **options)  # type: ignore[arg-type]
    finally:
        if background is not None:
            background.terminate()
            try:
                background.wait(timeout=15)
            except subprocess.TimeoutExpired:
                background.kill()
        if metrics_dir is not None:
            shutil.rmtree(metrics_dir, ignore_errors=True)


def _print_durability(settings: Settings) -> None:
    """Say at start what an acknowledged commit survives (a warning when not a power loss)."""
    from otpvirt.db.durability import Durability, in_force

    async def read() -> Durability:
        rt = Runtime.open(settings)
        try:
            return await in_force(rt.db)
        finally:
            await rt.close()

    try:
        found = asyncio.run(read())
    except Exception as exc:  # the server reports its own connection problems
        console.print(f"durability: unknown ({exc})", highlight=False)
        return
    colour = "green" if found.survives_power_loss else "yellow"
    console.print(f"durability: [{colour}]{found.summary()}[/]", highlight=False)
    for warning in found.warnings:
        console.print(f"[yellow]warning:[/] {warning}", highlight=False, soft_wrap=True)


def _start_market(settings: Settings, rate: float, no_worker: bool) -> None:
    """Create the demo market's clients and say what they will do."""
    from otpvirt.demo.market import setup_market

    ids = run(settings, setup_market, migrate=False)
    if no_worker:
        console.print("demo market: not here (--no-worker runs no background work)")
        return
    console.print(
        f"[bold green]demo market[/]: {len(ids)} simulated clients lease about {rate:g} numbers "
        "a minute (marked demo in the console; --demo-traffic 0 turns them off)",
        highlight=False,
        soft_wrap=True,
    )


def worker(
    database_url: DbUrl = None,
    log_level: str = "info",
    demo_traffic: Annotated[float, typer.Option(min=0, max=600, hidden=True)] = 0.0,
) -> None:
    """Run only the background work (for deployments that separate it from serve)."""
    # --demo-traffic is how `serve --demo --workers N` hands the market to its worker.
    settings = settings_for(database_url, log_level=log_level, demo_traffic=demo_traffic)
    logs.configure(log_level, json_lines=settings.json_logs)
    ensure_schema(settings, isolated=True)

    async def work(rt: Runtime) -> None:
        bg = Worker(rt)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        bg.start()
        console.print(f"worker running: {', '.join(lp.name for lp in bg.loops)}")
        await stop.wait()
        await bg.stop()

    run(settings, work, migrate=False)


__all__ = ["Settings", "serve", "worker"]
