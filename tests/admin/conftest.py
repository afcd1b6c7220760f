"""Admin API fixtures: a token and an authorised HTTP client."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from otpvirt.admin import service as admins
from otpvirt.runtime import Runtime


@pytest.fixture
async def admin_token(rt: Runtime) -> str:
    async with rt.db.transaction() as conn:
        return await admins.create_token(conn, "ops-bot")


@pytest.fixture
async def admin(api: httpx.AsyncClient, admin_token: str) -> AsyncIterator[httpx.AsyncClient]:
    """The in-process app with the admin token on every request."""
    api.headers["Authorization"] = f"Bearer {admin_token}"
    yield api
    del api.headers["Authorization"]
