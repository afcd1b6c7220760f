"""Console and portal sessions live on the server: logout, a new password or disabling
the account ends them, whatever copies of the cookie were kept."""

from __future__ import annotations

import httpx

from otpvirt.admin import client_ops
from otpvirt.admin import service as admins
from otpvirt.admin.audit import Actor
from otpvirt.runtime import Runtime
from tests.support import factory
from tests.web.conftest import console_login, csrf_of, make_operator, portal_login

ACTOR = Actor("test")


def _replay(api: httpx.AsyncClient, name: str, value: str) -> None:
    api.cookies.clear()
    api.cookies.set(name, value, domain="otpvirt.test")


async def _console(api: httpx.AsyncClient, rt: Runtime) -> str:
    await make_operator(rt)
    assert (await console_login(api)).status_code == 303
    assert (await api.get("/console/clients")).status_code == 200
    return api.cookies["otpvirt_console"]


async def _portal(api: httpx.AsyncClient, rt: Runtime) -> tuple[factory.TestClient, str]:
    c = await factory.client(rt)
    assert (await portal_login(api, c.id, c.password)).status_code == 303
    assert (await api.get("/portal")).status_code == 200
    return c, api.cookies["otpvirt_portal"]


async def _sessions(rt: Runtime) -> int:
    async with rt.db.read() as conn:
        return int(await conn.fetchval("SELECT COUNT(*) FROM web_sessions"))


async def test_console_logout_ends_the_session_on_the_server(
    api: httpx.AsyncClient, rt: Runtime
) -> None:
    saved = await _console(api, rt)
    csrf = csrf_of((await api.get("/console/clients")).text)
    assert (await api.post("/console/logout", data={"csrf": csrf})).status_code == 303
    _replay(api, "otpvirt_console", saved)
    assert (await api.get("/console/clients")).status_code == 303
    assert await _sessions(rt) == 0


async def test_portal_logout_ends_the_session_on_the_server(
    api: httpx.AsyncClient, rt: Runtime
) -> None:
    _, saved = await _portal(api, rt)
    csrf = csrf_of((await api.get("/portal")).text)
    assert (await api.post("/portal/logout", data={"csrf": csrf})).status_code == 303
    _replay(api, "otpvirt_portal", saved)
    assert (await api.get("/portal")).status_code == 303
    assert await _sessions(rt) == 0


async def test_disabling_a_console_user_ends_its_sessions_for_good(
    api: httpx.AsyncClient, rt: Runtime
) -> None:
    saved = await _console(api, rt)
    async with rt.db.transaction() as conn:
        await admins.set_user_enabled(conn, "alice", False)
    async with rt.db.transaction() as conn:
        await admins.set_user_enabled(conn, "alice", True)
    _replay(api, "otpvirt_console", saved)
    assert (await api.get("/console/clients")).status_code == 303


async def test_disabling_a_client_ends_its_portal_sessions_for_good(
    api: httpx.AsyncClient, rt: Runtime
) -> None:
    c, saved = await _portal(api, rt)
    await client_ops.set_enabled(rt, ACTOR, c.id, False)
    await client_ops.set_enabled(rt, ACTOR, c.id, True)
    _replay(api, "otpvirt_portal", saved)
    assert (await api.get("/portal")).status_code == 303


async def test_a_new_password_ends_the_sessions(api: httpx.AsyncClient, rt: Runtime) -> None:
    saved = await _console(api, rt)
    new_hash = await admins.hash_password(rt, "another-password-1")
    async with rt.db.transaction() as conn:
        await admins.set_user_password(conn, "alice", new_hash)
    _replay(api, "otpvirt_console", saved)
    assert (await api.get("/console/clients")).status_code == 303

    c, saved = await _portal(api, rt)
    await client_ops.set_password(rt, ACTOR, c.id, "another-password-2")
    _replay(api, "otpvirt_portal", saved)
    assert (await api.get("/portal")).status_code == 303
    assert await _sessions(rt) == 0


async def test_other_sessions_survive_a_logout(api: httpx.AsyncClient, rt: Runtime) -> None:
    """Logging out ends this browser's session, not the same person's other ones."""
    first = await _console(api, rt)
    api.cookies.clear()
    assert (await console_login(api)).status_code == 303
    csrf = csrf_of((await api.get("/console/clients")).text)
    assert (await api.post("/console/logout", data={"csrf": csrf})).status_code == 303
    _replay(api, "otpvirt_console", first)
    assert (await api.get("/console/clients")).status_code == 200
