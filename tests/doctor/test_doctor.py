"""The doctor is clean after real traffic, and catches each kind of corruption."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from otpvirt.db import in_transaction
from otpvirt.doctor.service import CHECKS, run_checks
from otpvirt.runtime import Runtime
from otpvirt.sms.service import ingest
from otpvirt.worker.runner import sweep_leases
from tests.support import factory
from tests.support.gateway import source


async def traffic(api: httpx.AsyncClient, rt: Runtime) -> dict[str, str]:
    """Leases that end every possible way."""
    await source(rt, "bank")
    await factory.numbers(rt, "tajikistan", "indigo", 6, source="bank")
    await factory.price(rt, "tajikistan", "vi", "0.05")
    c = await factory.client(rt, balance=100)
    acts: dict[str, str] = {}
    for name in ("confirmed", "cancelled", "with_sms", "expired", "sms_then_expired", "live"):
        got = (
            await api.post(
                "/native/GetNumber", json=c.creds(service="vi", detail={"country": "tajikistan"})
            )
        ).json()
        acts[name] = got["activationId"]
        acts[name + "_phone"] = str(got["number"])
    for name in ("with_sms", "sms_then_expired", "confirmed"):
        await in_transaction(
            rt.db, ingest, to=acts[name + "_phone"], sender="Viber", text=f"code {name} 123456"
        )
    await api.post("/native/ConfirmActivation", json=c.creds(activationId=acts["confirmed"]))
    await api.post("/native/CancelActivation", json=c.creds(activationId=acts["cancelled"]))
    async with rt.db.transaction() as conn:
        await conn.execute(
            "UPDATE activations SET expires_at = 0 WHERE guid IN (:a, :b)",
            {"a": acts["expired"], "b": acts["sms_then_expired"]},
        )
    await sweep_leases(rt)
    return acts


async def test_clean_after_traffic(api: httpx.AsyncClient, rt: Runtime) -> None:
    await traffic(api, rt)
    async with rt.db.read() as conn:
        results = await run_checks(conn)
    assert [r["name"] for r in results] == [c.name for c in CHECKS]
    assert {r["name"]: r["violations"] for r in results} == {c.name: 0 for c in CHECKS}


CORRUPTIONS = [
    ("balance_equals_ledger", "UPDATE clients SET balance = balance + 1"),
    ("no_negative_balance", "UPDATE clients SET balance = -1"),
    (
        "one_charge_per_activation",
        "DELETE FROM ledger_entries WHERE kind = 'charge' "
        "AND activation_id = (SELECT id FROM activations WHERE guid = :live)",
    ),
    (
        "no_overlapping_leases",
        "UPDATE activations SET finished_at = NULL, created_at = 0, number_id = "
        "(SELECT number_id FROM activations WHERE guid = :live) WHERE guid = :cancelled",
    ),
    ("refunds_match_state", "UPDATE activations SET state = 'cancelled' WHERE guid = :confirmed"),
    ("state_agrees_with_sms", "UPDATE activations SET state = 'waiting' WHERE guid = :with_sms"),
    ("sms_count_matches", "UPDATE activations SET sms_count = 5 WHERE guid = :with_sms"),
    (
        "number_points_to_its_live_lease",
        "UPDATE numbers SET active_activation_id = "
        "(SELECT id FROM activations WHERE guid = :cancelled) WHERE phone = :cancelled_phone",
    ),
    (
        "live_lease_holds_its_number",
        "UPDATE numbers SET active_activation_id = NULL WHERE phone = :live_phone",
    ),
    ("sms_used_number_not_reoffered", "DELETE FROM number_services"),
    ("number_availability_follows_source", "UPDATE sources SET online = FALSE"),
]


@pytest.mark.parametrize(("check", "sql"), CORRUPTIONS, ids=[c[0] for c in CORRUPTIONS])
async def test_each_corruption_is_caught(
    api: httpx.AsyncClient, rt: Runtime, check: str, sql: str
) -> None:
    acts = await traffic(api, rt)
    params = {k: (int(v) if k.endswith("_phone") else v) for k, v in acts.items() if f":{k}" in sql}
    async with rt.db.transaction() as conn:
        await conn.execute(sql, params)
    async with rt.db.read() as conn:
        results = {r["name"]: r for r in await run_checks(conn)}
    assert results[check]["violations"] > 0, results[check]


async def test_one_live_lease_per_number_is_also_enforced_by_the_schema(
    api: httpx.AsyncClient, rt: Runtime
) -> None:
    acts = await traffic(api, rt)
    from otpvirt.db import IntegrityError

    with pytest.raises(IntegrityError):
        async with rt.db.transaction() as conn:
            await conn.execute(
                "UPDATE activations SET state = 'waiting', number_id = "
                "(SELECT number_id FROM activations WHERE guid = :live) WHERE guid = :cancelled",
                {"live": acts["live"], "cancelled": acts["cancelled"]},
            )
    await asyncio.sleep(0)


async def test_every_routed_sms_of_a_webhook_client_has_its_delivery(
    api: httpx.AsyncClient, rt: Runtime
) -> None:
    from otpvirt.webhook.targets import set_webhook

    await factory.numbers(rt, "tajikistan", "indigo", 2)
    await factory.price(rt, "tajikistan", "vi", "0.05")
    c = await factory.client(rt, balance=100)
    async with rt.db.transaction() as conn:
        out = await set_webhook(conn, c.id, "https://hooks.example.com/otp")
        assert out.secret is not None and out.secret.startswith("whsec_")
        since = await conn.fetchval("SELECT webhook_since FROM clients WHERE id = :c", {"c": c.id})
        assert since is not None
        # Pretend the URL was set a minute ago (outside the doctor's grace period).
        await conn.execute("UPDATE clients SET webhook_since = webhook_since - 60000")
    got = (
        await api.post(
            "/native/GetNumber", json=c.creds(service="vi", detail={"country": "tajikistan"})
        )
    ).json()
    await in_transaction(rt.db, ingest, to=str(got["number"]), sender="Viber", text="code 123456")
    async with rt.db.read() as conn:
        results = {r["name"]: r for r in await run_checks(conn)}
    assert results["routed_sms_has_webhook"]["violations"] == 0
    async with rt.db.transaction() as conn:
        await conn.execute("DELETE FROM webhook_deliveries")
    async with rt.db.read() as conn:
        results = {r["name"]: r for r in await run_checks(conn)}
    assert results["routed_sms_has_webhook"]["violations"] == 1
    async with rt.db.transaction() as conn:
        await set_webhook(conn, c.id, None)
        assert (
            await conn.fetchval("SELECT webhook_since FROM clients WHERE id = :c", {"c": c.id})
            is None
        )


async def test_a_release_stamped_ahead_of_our_clock_never_makes_leases_overlap(
    api: httpx.AsyncClient, rt: Runtime
) -> None:
    # Under load a cancel's timestamp can be later than the moment the next GetNumber,
    # in another process or behind a pool queue, reads the clock; the lease must still
    # start no earlier than its number was given back.
    await factory.numbers(rt, "tajikistan", "indigo", 1)
    await factory.price(rt, "tajikistan", "vi", "0.05")
    c = await factory.client(rt, balance=100)
    ask = c.creds(service="vi", detail={"country": "tajikistan"})
    first = (await api.post("/native/GetNumber", json=ask)).json()
    await api.post("/native/CancelActivation", json=c.creds(activationId=first["activationId"]))
    ahead = 4_000_000_000_000  # a release stamped by a clock far ahead (year 2096)
    async with rt.db.transaction() as conn:
        await conn.execute("UPDATE activations SET finished_at = :t", {"t": ahead})
        await conn.execute("UPDATE numbers SET free_since = :t", {"t": ahead})
    second = (await api.post("/native/GetNumber", json=ask)).json()
    assert second["status"] == 2 and second["number"] == first["number"]
    async with rt.db.read() as conn:
        started = await conn.fetchval(
            "SELECT created_at FROM activations WHERE guid = :g", {"g": second["activationId"]}
        )
        results = {r["name"]: r["violations"] for r in await run_checks(conn)}
    assert started == ahead
    assert results["no_overlapping_leases"] == 0


async def test_reuse_by_another_client_is_caught(api: httpx.AsyncClient, rt: Runtime) -> None:
    acts = await traffic(api, rt)
    other = await factory.client(rt)
    async with rt.db.read() as conn:
        assert {r["name"]: r for r in await run_checks(conn)}["reuse_only_by_its_client"][
            "violations"
        ] == 0
    # The later live lease of a number that got a Viber SMS, as if another client's.
    async with rt.db.transaction() as conn:
        await conn.execute(
            "UPDATE activations SET client_id = :o, number_id = "
            "(SELECT number_id FROM activations WHERE guid = :w) WHERE guid = :live",
            {"o": other.id, "w": acts["confirmed"], "live": acts["live"]},
        )
    async with rt.db.read() as conn:
        results = {r["name"]: r for r in await run_checks(conn)}
    assert results["reuse_only_by_its_client"]["violations"] > 0


async def test_bundles_pass_and_their_corruptions_are_caught(rt: Runtime) -> None:
    from otpvirt.activation.bundles import lease_bundle
    from otpvirt.activation.service import LeaseRequest, candidates
    from otpvirt.clients.service import authenticate
    from otpvirt.db import IntegrityError
    from otpvirt.webhook.targets import set_webhook

    await factory.price(rt, "tajikistan", "vi", "0.05")
    await factory.price(rt, "tajikistan", "fb", "0.06")
    (phone,) = await factory.numbers(rt, "tajikistan", "indigo", 1)
    c = await factory.client(rt, balance=100)
    other = await factory.client(rt, balance=100)
    async with rt.db.transaction() as conn:
        await set_webhook(conn, c.id, "https://hooks.example.com/otp")
        await conn.execute("UPDATE clients SET webhook_since = webhook_since - 60000")
    client = await authenticate(rt.db, rt.passwords, c.id, c.password)
    snap = await rt.catalogue.get()
    vi, fb = snap.services["vi"], snap.services["fb"]
    where = candidates(snap, "USD", vi, snap.countries["tajikistan"], None)
    head, member = await lease_bundle(
        rt.db, LeaseRequest(client, vi, tuple(where), 600_000, also=(fb,))
    )
    # An SMS naming neither service reaches both, each with its own webhook delivery.
    await in_transaction(rt.db, ingest, to=phone, sender="INFO", text="Your code is 4411")
    async with rt.db.read() as conn:
        results = {r["name"]: r["violations"] for r in await run_checks(conn)}
        deliveries = await conn.fetchval("SELECT COUNT(*) FROM webhook_deliveries")
    assert results == {c.name: 0 for c in CHECKS}
    assert deliveries == 2
    # The schema refuses a second live activation of the bundle for the same service.
    with pytest.raises(IntegrityError):
        async with rt.db.transaction() as conn:
            await conn.execute(
                "UPDATE activations SET service_id = :s WHERE id = :m",
                {"s": vi.id, "m": member.id},
            )

    async def violations(check: str) -> int:
        async with rt.db.read() as conn:
            return {r["name"]: r["violations"] for r in await run_checks(conn)}[check]

    async def caught(check: str, sql: str, undo: str | None = None, **params: object) -> None:
        assert await violations(check) == 0
        async with rt.db.transaction() as conn:
            await conn.execute(sql, params)
        assert await violations(check) > 0
        if undo is not None:
            async with rt.db.transaction() as conn:
                await conn.execute(undo, params)

    # A member of the bundle that is another client's.
    await caught(
        "bundle_holds_number_alone",
        "UPDATE activations SET client_id = :o WHERE id = :m",
        "UPDATE activations SET client_id = :c WHERE id = :m",
        o=other.id,
        m=member.id,
        c=c.id,
    )
    # Someone else's lease of the number while the bundle was live.
    await caught(
        "bundle_holds_number_alone",
        "INSERT INTO activations (guid, client_id, number_id, phone, country_id, provider_id, "
        "service_id, price, currency, state, sms_count, created_at, expires_at, finished_at) "
        "SELECT 'intruder', :o, number_id, phone, country_id, provider_id, service_id, 0, "
        "currency, 'cancelled', 0, created_at + 1, expires_at, created_at + 2 "
        "FROM activations WHERE id = :h",
        o=other.id,
        h=head.id,
    )
    # The number held by a lease outside the bundle.
    await caught(
        "live_lease_holds_its_number",
        "UPDATE numbers SET active_activation_id = (SELECT id FROM activations "
        "WHERE guid = 'intruder')",
    )
