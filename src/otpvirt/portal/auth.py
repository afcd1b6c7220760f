"""Portal sessions: the client behind the browser, still enabled, same password."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from starlette.requests import Request

from otpvirt.clients import service as clients
from otpvirt.clients.service import AuthClient
from otpvirt.web.pages import LoginRequired, rt_of
from otpvirt.web.sessions import SessionCookie, check_csrf
from otpvirt.web.throttle import check_session

SESSION = SessionCookie("portal", "/portal")
LOGIN_URL = "/portal/login"


def fingerprint(password_hash: str) -> str:
    """Changes when the password does, so a new password ends old sessions."""
    return hashlib.sha256(password_hash.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class PortalUser:
    """The logged-in client."""

    client: AuthClient
    csrf: str
    session_id: str

    @property
    def id(self) -> str:
        """The clientId."""
        return self.client.id


async def portal_user(request: Request) -> PortalUser:
    """The logged-in client; state-changing requests must carry the CSRF token."""
    rt = rt_of(request)
    session = await SESSION.read(rt, request)
    if session is None:
        raise LoginRequired(LOGIN_URL)
    async with rt.db.read() as conn:
        row = await clients.credentials(conn, session.subject)
    if row is None or not row.enabled or fingerprint(row.password_hash) != session.fingerprint:
        raise LoginRequired(LOGIN_URL)
    await check_session(rt, session.id)
    if request.method not in ("GET", "HEAD"):
        await check_csrf(request, session.csrf)
    client = AuthClient(session.subject, row.currency, row.balance)
    return PortalUser(client, session.csrf, session.id)
