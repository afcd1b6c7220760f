"""Console sessions: who is logged in, still valid, and sending the right CSRF token."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request

from otpvirt.admin import service as admins
from otpvirt.admin.audit import Actor
from otpvirt.web.pages import LoginRequired, rt_of
from otpvirt.web.sessions import SessionCookie, check_csrf
from otpvirt.web.throttle import check_session

SESSION = SessionCookie("console", "/console")
LOGIN_URL = "/console/login"


@dataclass(frozen=True)
class ConsoleUser:
    """The operator behind this request."""

    actor: Actor
    csrf: str
    session_id: str

    @property
    def name(self) -> str:
        """How the header shows the operator."""
        return self.actor.name


async def console_user(request: Request) -> ConsoleUser:
    """The logged-in operator; state-changing requests must carry the CSRF token."""
    rt = rt_of(request)
    session = await SESSION.read(rt, request)
    if session is None:
        raise LoginRequired(LOGIN_URL)
    kind, _, name = session.subject.partition(":")
    async with rt.db.read() as conn:
        valid = kind in ("user", "token") and await admins.operator_still_valid(
            conn, kind, name, session.fingerprint
        )
    if not valid:
        raise LoginRequired(LOGIN_URL)
    await check_session(rt, session.id)
    if request.method not in ("GET", "HEAD"):
        await check_csrf(request, session.csrf)
    rid = request.scope.get("state", {}).get("request_id")
    return ConsoleUser(Actor(session.subject, rid), session.csrf, session.id)
