"""The simulated SIM bank: SMS for leases on simulator numbers, through ingest."""

from __future__ import annotations

import asyncio
import random

import pytest

from otpvirt.activation.dispatch import lease_in_transaction
from otpvirt.activation.service import LeaseRequest
from otpvirt.catalogue.snapshot import Snapshot
from otpvirt.db import in_transaction
from otpvirt.otp import extract_code
from otpvirt.runtime import Runtime
from otpvirt.simulator import service as simulator
from otpvirt.simulator.templates import COUNTRY_LANGUAGES, SERVICES, make_message
from otpvirt.worker.runner import run_simulator
from tests.conftest import make_settings
from tests.support import factory
from tests.support.gateway import source


@pytest.mark.parametrize("service", [*SERVICES, "zz"])
@pytest.mark.parametrize("country", list(COUNTRY_LANGUAGES))
def test_every_simulated_message_parses_to_its_code(service: str, country: str) -> None:
    rng = random.Random(f"{service}-{country}")
    for _ in range(20):
        msg = make_message(service, "Some Service", country, rng)
        assert extract_code(msg.text, sender=msg.sender, service=service) == msg.code, msg.text


@pytest.mark.parametrize(
    ("text", "lo", "hi"), [("3-15", 3, 15), ("0.5", 0.5, 0.5), (" 1 - 2 ", 1, 2)]
)
def test_parse_delay(text: str, lo: float, hi: float) -> None:
    assert simulator.parse_delay(text) == (lo, hi)


async def _lease(rt: Runtime, client: factory.TestClient, snap: Snapshot) -> str:
    from otpvirt.activation import service as activations
    from otpvirt.clients.service import authenticate

    auth = await authenticate(rt.db, rt.passwords, client.id, client.password)
    svc = snap.services["tg"]
    where = activations.candidates(snap, "USD", svc, snap.countries["tajikistan"], None)
    lease = await in_transaction(
        rt.db, lease_in_transaction, LeaseRequest(auth, svc, tuple(where), 60_000)
    )
    return lease.guid


@pytest.fixture
async def sim_rt(rt: Runtime, settings, tmp_path):
    await source(rt, "simulator", kind="simulator")
    await factory.numbers(rt, "tajikistan", "indigo", 5, source="simulator")
    await factory.price(rt, "tajikistan", "tg", "0.29")
    return rt


async def _sms(rt: Runtime, guid: str) -> list[tuple[str, str]]:
    async with rt.db.read() as conn:
        rows = await conn.fetchall(
            "SELECT m.sender, m.code FROM sms_messages m "
            "JOIN activations a ON a.id = m.activation_id WHERE a.guid = :g ORDER BY m.id",
            {"g": guid},
        )
    return [(r[0], r[1]) for r in rows]


async def test_lease_receives_a_telegram_code(sim_rt: Runtime, settings, tmp_path) -> None:
    rt = Runtime.open(
        make_settings(
            settings.database_url, tmp_path, simulator_delay="0", simulator_second_sms_probability=0
        )
    )
    try:
        client = await factory.client(rt)
        guid = await _lease(rt, client, await rt.catalogue.get())
        await run_simulator(rt)
        [(sender, code)] = await _sms(rt, guid)
        assert sender == "Telegram" and len(code) == 5 and code.isdigit()
        # Nothing is sent twice, whatever the number of runs.
        await run_simulator(rt)
        assert len(await _sms(rt, guid)) == 1
        async with rt.db.read() as conn:
            assert (
                await conn.fetchval("SELECT state FROM activations WHERE guid = :g", {"g": guid})
                == "sms_received"
            )
    finally:
        await rt.close()


async def test_no_sms_and_second_sms_probabilities(sim_rt: Runtime, settings, tmp_path) -> None:
    silent = Runtime.open(
        make_settings(
            settings.database_url, tmp_path, simulator_delay="0", simulator_no_sms_probability=1
        )
    )
    try:
        client = await factory.client(silent)
        guid = await _lease(silent, client, await silent.catalogue.get())
        await run_simulator(silent)
        assert await _sms(silent, guid) == []
    finally:
        await silent.close()
    chatty = Runtime.open(
        make_settings(
            settings.database_url, tmp_path, simulator_delay="0", simulator_second_sms_probability=1
        )
    )
    try:
        client = await factory.client(chatty)
        guid = await _lease(chatty, client, await chatty.catalogue.get())
        await run_simulator(chatty)
        assert len(await _sms(chatty, guid)) == 2
    finally:
        await chatty.close()


async def test_delay_is_respected_and_cancelled_leases_get_nothing(
    sim_rt: Runtime, settings, tmp_path
) -> None:
    rt = Runtime.open(
        make_settings(
            settings.database_url,
            tmp_path,
            simulator_delay="0.3",
            simulator_second_sms_probability=0,
        )
    )
    try:
        client = await factory.client(rt)
        snap = await rt.catalogue.get()
        keep, drop = await _lease(rt, client, snap), await _lease(rt, client, snap)
        await run_simulator(rt)
        assert await _sms(rt, keep) == []  # not due yet
        from otpvirt.activation import service as activations

        await in_transaction(rt.db, activations.cancel, client.id, guid=drop)
        await asyncio.sleep(0.35)
        await run_simulator(rt)
        assert len(await _sms(rt, keep)) == 1
        assert await _sms(rt, drop) == []
        async with rt.db.read() as conn:
            assert (
                await conn.fetchval("SELECT COUNT(*) FROM simulated_sms WHERE delivered_at IS NULL")
                == 0
            )
    finally:
        await rt.close()


async def test_leases_on_other_sources_are_left_alone(rt: Runtime, settings, tmp_path) -> None:
    await source(rt, "gw")
    await factory.numbers(rt, "tajikistan", "indigo", 2, source="gw")
    await factory.price(rt, "tajikistan", "tg", "0.29")
    sim = Runtime.open(make_settings(settings.database_url, tmp_path, simulator_delay="0"))
    try:
        client = await factory.client(sim)
        guid = await _lease(sim, client, await sim.catalogue.get())
        await run_simulator(sim)
        assert await _sms(sim, guid) == []
    finally:
        await sim.close()
