"""Console sessions: who is logged in, still valid, and sending the right CSRF token."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request

from otpvirt.admin import service as admins
from otpvirt.admin.audit import Actor
from otpvirt.web.pages import LoginRequired, rt_of
from otpvirt.web.sessions import SessionCookie, check_csrf

SESSION = SessionCookie("console", "/console")
LOGIN_URL = "/console/login"


@dataclass(frozen=True)
class ConsoleUser:
    """The operator behind this request."""

    actor: Actor
    csrf: str

    @property
    def name(self) -> str:
        """How the header shows the operator."""
        return self.actor.name


async def console_user(request: Request) -> ConsoleUser:
    """The logged-in operator; state-changing requests must carry the CSRF token."""
    rt = rt_of(request)
    data = await SESSION.read(rt, request)
    if data is None or data.get("area") != "console" or data.get("kind") not in ("user", "token"):
        raise LoginRequired(LOGIN_URL)
    async with rt.db.read() as conn:
        valid = await admins.operator_still_valid(
            conn, str(data["kind"]), str(data["name"]), str(data.get("fp", ""))
        )
    if not valid:
        raise LoginRequired(LOGIN_URL)
    if request.method not in ("GET", "HEAD"):
        await check_csrf(request, data)
    rid = request.scope.get("state", {}).get("request_id")
    return ConsoleUser(Actor(f"{data['kind']}:{data['name']}", rid), str(data["csrf"]))
