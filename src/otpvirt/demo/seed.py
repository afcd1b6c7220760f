"""`serve --demo`: demo prices, a pool of demo numbers, a demo client, a demo operator.

Idempotent: the second start finds everything in place and prints the same
demo credentials (kept in the data directory, readable only by the owner).
"""

from __future__ import annotations

import asyncio
import json
import os
import random
from dataclasses import dataclass
from pathlib import Path

from otpvirt.auth.passwords import generate_password
from otpvirt.clients import service as clients
from otpvirt.clock import now_ms
from otpvirt.db import Conn
from otpvirt.demo.catalogue import DEMO_PRICES, DEMO_RENT_PRICES, NUMBER_PLANS, SIMULATOR_SOURCE
from otpvirt.errors import NotFound, OtpVirtError
from otpvirt.inventory import service as inventory
from otpvirt.money import currency, parse_amount
from otpvirt.pricing.service import set_price
from otpvirt.rental import service as rentals
from otpvirt.runtime import Runtime
from otpvirt.sources import service as sources

DEMO_BALANCE = "100.00"


@dataclass(frozen=True)
class DemoClient:
    client_id: str
    api_password: str
    # For the sms-activate protocol (/stubs/handler_api.php).
    api_key: str = ""


def demo_numbers(per_provider: int, providers: dict[str, list[str]]) -> list[dict[str, str]]:
    """Deterministic demo numbers for every country/operator."""
    rows = []
    for country, (prefix, digits) in NUMBER_PLANS.items():
        rng = random.Random(f"otpvirt-demo-{country}")
        seen: set[str] = set()
        for provider in providers.get(country, []):
            made = 0
            while made < per_provider:
                number = prefix + "".join(rng.choice("0123456789") for _ in range(digits))
                if number not in seen:
                    seen.add(number)
                    rows.append(
                        {
                            "number": number,
                            "country": country,
                            "provider": provider,
                            "source": SIMULATOR_SOURCE,
                        }
                    )
                    made += 1
    return rows


async def ensure_source(conn: Conn, name: str, kind: str) -> int:
    """The id of a source, created if missing."""
    return await sources.ensure_source(conn, name, kind)


async def setup_demo(rt: Runtime, *, per_provider: int = 50) -> DemoClient:
    """Make the demo data present; return the demo client's credentials."""
    async with rt.db.transaction() as conn:
        await ensure_source(conn, SIMULATOR_SOURCE, "simulator")
        for country, prices in DEMO_PRICES.items():
            for service, price in prices.items():
                await set_price(conn, country, service, price, "USD")
    rt.catalogue.invalidate()
    snap = await rt.catalogue.get()
    usd = currency("USD")
    async with rt.db.transaction() as conn:
        for country, rents in DEMO_RENT_PRICES.items():
            for service, per_hour in rents.items():
                amount = parse_amount(per_hour, usd)
                await rentals.set_price(
                    conn, snap.countries[country].id, service, "USD", amount, now_ms()
                )
    providers = {c.name: list(c.providers) for c in snap.countries.values()}
    rows = demo_numbers(per_provider, providers)
    await inventory.import_numbers(rt.db, snap, enumerate(rows, start=2))
    return await _demo_client(rt)


async def _demo_client(rt: Runtime) -> DemoClient:
    path = Path(rt.settings.data_dir) / "demo-client.json"
    saved: dict[str, str] = {}
    if path.exists():
        saved = json.loads(path.read_text())
    async with rt.db.read() as conn:
        exists = saved.get("clientId") and await clients.exists(conn, saved["clientId"])
    if exists:
        key = await _demo_api_key(rt, saved["clientId"], saved.get("apiKey", ""))
        if key != saved.get("apiKey"):
            _save(path, {**saved, "apiKey": key})
        return DemoClient(saved["clientId"], saved["apiPassword"], key)
    password = generate_password()
    pw_hash = await asyncio.to_thread(rt.passwords.hash, password)
    async with rt.db.transaction() as conn:
        if saved.get("clientId"):
            try:
                await clients.set_password_hash(conn, saved["clientId"], pw_hash)
                client_id = saved["clientId"]
            except NotFound:
                client_id = ""
        else:
            client_id = ""
        if not client_id:
            out = await clients.create_client(
                conn, password_hash=pw_hash, currency_code="USD", balance=10_000, name="demo client"
            )
            client_id = out.client_id
    key = await _demo_api_key(rt, client_id, "")
    _save(path, {"clientId": client_id, "apiPassword": password, "apiKey": key})
    return DemoClient(client_id, password, key)


async def _demo_api_key(rt: Runtime, client_id: str, saved: str) -> str:
    """The saved sms-activate key if it still works, else a new one."""
    if saved:
        try:
            if (await clients.authenticate_api_key(rt.db, saved)).id == client_id:
                return saved
        except OtpVirtError:
            pass
    async with rt.db.transaction() as conn:
        return await clients.rotate_api_key(conn, client_id)


DEMO_ADMIN = "admin"


async def setup_demo_admin(rt: Runtime) -> tuple[str, str]:
    """The demo console user (`admin`) and its password, created once and kept in data_dir."""
    from otpvirt.admin import audit
    from otpvirt.admin import service as admins

    path = Path(rt.settings.data_dir) / "demo-admin.json"
    saved: dict[str, str] = json.loads(path.read_text()) if path.exists() else {}
    if saved.get("password"):
        try:
            await admins.authenticate_user(rt, DEMO_ADMIN, saved["password"])
            return DEMO_ADMIN, saved["password"]
        except OtpVirtError:
            pass
    password = generate_password(20)
    pw_hash = await admins.hash_password(rt, password)
    actor = audit.Actor("system:demo")
    async with rt.db.transaction() as conn:
        try:
            await admins.set_user_password(conn, DEMO_ADMIN, pw_hash)
            await audit.record(conn, actor, "admin.user_password", DEMO_ADMIN)
        except NotFound:
            await admins.create_user(conn, DEMO_ADMIN, pw_hash)
            await audit.record(conn, actor, "admin.user_create", DEMO_ADMIN)
    _save(path, {"username": DEMO_ADMIN, "password": password})
    return DEMO_ADMIN, password


def _save(path: Path, creds: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        json.dump(creds, fh)
