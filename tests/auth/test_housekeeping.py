"""The worker forgets expired sessions and lockout / rate-limit state that ran out."""

from __future__ import annotations

from otpvirt.clock import now_ms
from otpvirt.runtime import Runtime
from otpvirt.worker.runner import housekeeping


async def test_housekeeping_forgets_only_what_ran_out(rt: Runtime) -> None:
    now = now_ms()
    window = rt.lockout.window_ms
    async with rt.db.transaction() as conn:
        for sid, until in (("old", now - 1), ("live", now + 60_000)):
            await conn.execute(
                "INSERT INTO web_sessions (id, area, subject, fingerprint, csrf, created_at, "
                "expires_at) VALUES (:id, 'portal', 'c', 'fp', 'x', 0, :until)",
                {"id": sid, "until": until},
            )
        for key, start, locked in (
            ("ip:stale", now - window - 1, None),
            ("ip:lock-over", now - window - 1, now - 1),
            ("ip:locked", now - window - 1, now + 60_000),
            ("ip:fresh", now - 1, None),
        ):
            await conn.execute(
                "INSERT INTO auth_failures (key, failures, pending, window_start, locked_until) "
                "VALUES (:k, 3, 0, :start, :locked)",
                {"k": key, "start": start, "locked": locked},
            )
        for key, tat in (("full", (now - 1) * 1000), ("busy", (now + 60_000) * 1000)):
            await conn.execute(
                "INSERT INTO rate_limits (key, tat) VALUES (:k, :t)", {"k": key, "t": tat}
            )
    assert await housekeeping(rt) == 4
    async with rt.db.read() as conn:
        assert [r[0] for r in await conn.fetchall("SELECT id FROM web_sessions")] == ["live"]
        keys = {r[0] for r in await conn.fetchall("SELECT key FROM auth_failures")}
        assert keys == {"ip:locked", "ip:fresh"}
        assert [r[0] for r in await conn.fetchall("SELECT key FROM rate_limits")] == ["busy"]
