"""Picking a number uses the partial index, never a scan of the pool."""

from __future__ import annotations

import pytest

from otpvirt.errors import ValidationFailed
from otpvirt.inventory.repositories import pool
from otpvirt.inventory.service import normalize_phone
from otpvirt.runtime import Runtime
from tests.support import factory


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("+992 (11) 230-21-59", 992112302159),
        ("00992112302159", 992112302159),
        (37120000000, 37120000000),
    ],
)
def test_normalize_phone(raw: str | int, expected: int) -> None:
    assert normalize_phone(raw) == expected


@pytest.mark.parametrize("raw", ["", "12345", "1" * 16, "abc"])
def test_normalize_phone_refuses(raw: str) -> None:
    with pytest.raises(ValidationFailed):
        normalize_phone(raw)


async def test_pick_takes_the_longest_free_and_skips_used_numbers(rt: Runtime) -> None:
    phones = await factory.numbers(rt, "tajikistan", "indigo", 3)
    snap = await rt.catalogue.get()
    tj, vi = snap.countries["tajikistan"], snap.services["vi"]
    async with rt.db.transaction() as conn:
        await conn.execute("UPDATE numbers SET free_since = 100 WHERE phone = :p", {"p": phones[2]})
        picked = await pool.pick_number(conn, country_id=tj.id, provider_id=None, service_id=vi.id)
        assert picked is not None and picked.phone == phones[2]
        nid = await conn.fetchval("SELECT id FROM numbers WHERE phone = :p", {"p": phones[2]})
        await conn.execute(
            "INSERT INTO number_services (number_id, service_id, created_at) VALUES (:n, :s, 0)",
            {"n": nid, "s": vi.id},
        )
        picked = await pool.pick_number(conn, country_id=tj.id, provider_id=None, service_id=vi.id)
        assert picked is not None and picked.phone != phones[2]
        excluded = await pool.pick_number(
            conn, country_id=tj.id, provider_id=None, service_id=vi.id, exclude_prefixes=("99255",)
        )
        assert excluded is None


async def test_pick_query_uses_the_partial_index(rt: Runtime) -> None:
    await factory.numbers(rt, "tajikistan", "indigo", 50)
    snap = await rt.catalogue.get()
    tj, vi = snap.countries["tajikistan"], snap.services["vi"]
    provider = tj.providers["indigo"]
    async with rt.db.read() as conn:
        if conn.dialect == "postgresql":
            await conn.execute("ANALYZE numbers")
            await conn.execute("SET enable_seqscan = off")
        for prov in (None, provider.id):
            window, where = pool._window(prov is not None), pool._filters(0)
            sql = f"SELECT numbers.id FROM {window} WHERE {where} LIMIT 1"
            params = pool._params(tj.id, prov, vi.id, ())
            plan = " ".join(
                str(r[-1])
                for r in await conn.fetchall(
                    "EXPLAIN " + ("QUERY PLAN " if conn.dialect == "sqlite" else "") + sql, params
                )
            )
            expected = "ix_numbers_pick_provider" if prov else "ix_numbers_pick_country"
            assert expected in plan, plan


async def test_a_pick_examines_a_bounded_window(
    rt: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pool, "PICK_WINDOW", 3)
    phones = await factory.numbers(rt, "tajikistan", "indigo", 5)
    snap = await rt.catalogue.get()
    tj, vi = snap.countries["tajikistan"], snap.services["vi"]
    async with rt.db.transaction() as conn:
        for i, phone in enumerate(phones):
            await conn.execute(
                "UPDATE numbers SET free_since = :t WHERE phone = :p", {"t": i, "p": phone}
            )
        # The three longest-free are refused: the two behind them are not looked at.
        refused = tuple(str(p) for p in phones[:3])
        assert (
            await pool.pick_number(
                conn, country_id=tj.id, provider_id=None, service_id=vi.id, exclude_prefixes=refused
            )
            is None
        )
        picked = await pool.pick_number(
            conn, country_id=tj.id, provider_id=None, service_id=vi.id, exclude_prefixes=refused[:2]
        )
        assert picked is not None and picked.phone == phones[2]
