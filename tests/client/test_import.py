"""`otpvirt.client` needs only the standard library and httpx."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from tests.support.server import Server

BLOCKED = [
    "fastapi",
    "starlette",
    "sqlalchemy",
    "alembic",
    "asyncpg",
    "argon2",
    "pydantic",
    "pydantic_settings",
    "typer",
    "rich",
    "orjson",
    "uvicorn",
]

SCRIPT = textwrap.dedent(
    """
    import sys

    BLOCKED = set(sys.argv[4].split(","))

    class Blocker:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in BLOCKED:
                raise ImportError(f"{name} is blocked in this test")
            return None

    sys.meta_path.insert(0, Blocker())
    from otpvirt.client import Client, InvalidRequestError

    url, client_id, password = sys.argv[1:4]
    with Client(url, client_id, password) as otp:
        balance = otp.get_balance()
        try:
            otp.get_sms("0f9aa28a-125e-4f61-ac48-3d3a48b404a5")
        except InvalidRequestError as exc:
            reason = exc.reason
    loaded = sorted({m.split(".")[0] for m in sys.modules} & BLOCKED)
    print(balance.currency, type(balance.amount).__name__, reason, loaded)
    """
)


def test_the_sdk_imports_and_works_without_the_server_dependencies(server: Server) -> None:
    blocked = ",".join(BLOCKED)
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, server.base, server.client_id, server.password, blocked],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ),
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["USD", "Decimal", "activation_not_found", "[]"]
