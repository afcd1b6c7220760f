"""History reads walk their indexes: a page's cost does not grow with the table."""

from __future__ import annotations

from typing import Any

from otpvirt.history import repository as repo
from otpvirt.runtime import Runtime


async def test_history_queries_use_their_indexes(rt: Runtime) -> None:
    cases: list[tuple[str, dict[str, Any], str]] = [
        (repo.PAGE_SQL, {"c": "x", "since": 0, "until": 1, "lim": 50, "off": 0}, "client_created"),
        (repo.FIGURES_SQL, {"s": 1, "since": 0}, "service_created"),
    ]
    async with rt.db.read() as conn:
        if conn.dialect == "postgresql":
            await conn.execute("ANALYZE activations")
            await conn.execute("SET enable_seqscan = off")
        for sql, params, index in cases:
            explain = "EXPLAIN " + ("QUERY PLAN " if conn.dialect == "sqlite" else "")
            plan = " ".join(str(r[-1]) for r in await conn.fetchall(explain + sql, params))
            assert f"ix_activations_{index}" in plan, plan
            assert "TEMP B-TREE" not in plan or index != "client_created", plan
