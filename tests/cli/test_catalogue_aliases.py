"""`otpvirt catalogue alias|aliases|remove-alias`: operators' names route bundle SMS."""

from __future__ import annotations

import asyncio
import json

from otpvirt.activation import service as activations
from otpvirt.activation.bundles import lease_bundle
from otpvirt.activation.service import LeaseRequest
from otpvirt.clients.service import authenticate
from otpvirt.db import in_transaction
from otpvirt.runtime import Runtime
from otpvirt.sms.service import ingest
from tests.cli.conftest import Cli
from tests.support import factory


async def _counts(rt: Runtime) -> list[int]:
    async with rt.db.read() as conn:
        rows = await conn.fetchall("SELECT sms_count FROM activations ORDER BY id")
    return [int(r[0]) for r in rows]


async def test_an_alias_added_on_the_cli_changes_routing(rt: Runtime, cli: Cli) -> None:
    await factory.price(rt, "tajikistan", "vi", "0.05")
    await factory.price(rt, "tajikistan", "fb", "0.06")
    (phone,) = await factory.numbers(rt, "tajikistan", "indigo", 1)
    c = await factory.client(rt, balance=1000)
    client = await authenticate(rt.db, rt.passwords, c.id, c.password)
    snap = await rt.catalogue.get()
    vi, fb = snap.services["vi"], snap.services["fb"]
    where = activations.candidates(snap, "USD", vi, snap.countries["tajikistan"], None)
    await lease_bundle(rt.db, LeaseRequest(client, vi, tuple(where), 600_000, also=(fb,)))

    async def sms(text: str) -> None:
        await in_transaction(rt.db, ingest, to=phone, sender="ZUCKCORP", text=text)

    def run(*args: str, ok: bool = True) -> str:
        return cli("catalogue", *args, ok=ok)

    # A sender no name matches: every activation of the number gets the SMS.
    await sms("Code 55123")
    assert await _counts(rt) == [1, 1]
    added = json.loads(await asyncio.to_thread(run, "alias", "fb", "ZuckCorp", "--json"))
    assert added == {"service": "fb", "alias": "zuckcorp"}
    await sms("Code 55124")
    assert await _counts(rt) == [1, 2]
    listed = json.loads(await asyncio.to_thread(run, "aliases", "--json"))
    assert listed == [{"service": "fb", "alias": "zuckcorp"}]
    assert json.loads(await asyncio.to_thread(run, "aliases", "vi", "--json")) == []
    assert "zuckcorp" in await asyncio.to_thread(run, "aliases")
    # Adding it twice is harmless; unknown services and empty names are refused.
    await asyncio.to_thread(run, "alias", "FB", "  zuckcorp ")
    assert "unknown service" in await asyncio.to_thread(run, "alias", "zz", "x", ok=False)
    await asyncio.to_thread(run, "alias", "fb", "   ", ok=False)
    await asyncio.to_thread(run, "remove-alias", "vi", "zuckcorp", ok=False)
    # Removed: routed to both again.
    await asyncio.to_thread(run, "remove-alias", "fb", "ZuckCorp")
    await sms("Code 55125")
    assert await _counts(rt) == [2, 3]
    assert json.loads(await asyncio.to_thread(run, "aliases", "--json")) == []
    async with rt.db.read() as conn:
        audit = await conn.fetchall("SELECT action FROM audit_log ORDER BY id")
    assert [r[0] for r in audit][-2:] == ["catalogue.add_alias", "catalogue.remove_alias"]
