"""Session cookies and CSRF tokens for the console and the portal.

A session lives on the server (`auth.sessions`): the cookie holds a random token,
signed and timestamped under the service's secret key (`auth.secret_key`, never in
the database), in an HttpOnly, SameSite=Lax cookie (Secure when the request arrived
over HTTPS, directly or through a trusted proxy: see `OTPVIRT_FORWARDED_ALLOW_IPS`).
Each session has its own CSRF token, which every form and htmx request must send
back; the login forms, before any session exists, use a signed double-submit cookie.
"""

from __future__ import annotations

import hmac
import secrets

from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.requests import Request
from starlette.responses import Response

from otpvirt.auth import sessions
from otpvirt.auth.sessions import Session
from otpvirt.clock import now_ms
from otpvirt.errors import InvalidRequest
from otpvirt.runtime import Runtime

LOGIN_COOKIE = "otpvirt_login"
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"


class CsrfFailed(InvalidRequest):
    reason = "csrf_failed"

    def __init__(self) -> None:
        super().__init__("the form expired or did not come from this site; reload and try again")


async def signing_key(rt: Runtime) -> str:
    """The key that signs this deployment's cookies (OTPVIRT_SECRET_KEY or the key file)."""
    return rt.secret.get()


class SessionCookie:
    """One kind of session (console or portal): its cookie name, path and salt."""

    def __init__(self, kind: str, path: str) -> None:
        self.kind = kind
        self.name = f"otpvirt_{kind}"
        self.path = path

    @staticmethod
    def max_age(rt: Runtime) -> int:
        """How long a login lasts (`OTPVIRT_SESSION_HOURS`)."""
        return int(rt.settings.session_hours * 3600)

    def _serializer(self, key: str) -> URLSafeTimedSerializer:
        return URLSafeTimedSerializer(key, salt=f"otpvirt.{self.kind}")

    async def read(self, rt: Runtime, request: Request) -> Session | None:
        """The live session the cookie names, if it is genuine and not ended or expired."""
        raw = request.cookies.get(self.name)
        if not raw or len(raw) > 4096:
            return None
        key = rt.secret.get()
        try:
            data = self._serializer(key).loads(raw, max_age=self.max_age(rt))
        except BadSignature:
            return None
        token = data.get("sid") if isinstance(data, dict) else None
        if not isinstance(token, str):
            return None
        async with rt.db.read() as conn:
            return await sessions.find(conn, sessions.session_id(key, token), self.kind, now_ms())

    async def start(
        self, rt: Runtime, request: Request, response: Response, subject: str, fingerprint: str
    ) -> None:
        """Record a new session (with a fresh CSRF token) and set its cookie."""
        key = rt.secret.get()
        token = sessions.new_token()
        async with rt.db.transaction() as conn:
            await sessions.create(
                conn,
                sessions.session_id(key, token),
                self.kind,
                subject,
                fingerprint,
                now_ms(),
                self.max_age(rt) * 1000,
            )
        value = self._serializer(key).dumps({"sid": token})
        set_cookie(request, response, self.name, value, self.path, self.max_age(rt))
        response.delete_cookie(LOGIN_COOKIE, path=self.path)

    async def end(self, rt: Runtime, response: Response, session_id: str) -> None:
        """End the session on the server and forget its cookie in the browser."""
        async with rt.db.transaction() as conn:
            await sessions.end(conn, session_id)
        response.delete_cookie(self.name, path=self.path)


def set_cookie(
    request: Request, response: Response, name: str, value: str, path: str, max_age: int
) -> None:
    """A cookie the page's scripts cannot read, sent only to this site (and only over HTTPS
    when the request came over HTTPS)."""
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path=path,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
    )


async def check_csrf(request: Request, expected: str) -> None:
    """The request carries the session's CSRF token (form field or header)."""
    given = request.headers.get(CSRF_HEADER)
    if given is None:
        form = await request.form()
        value = form.get(CSRF_FIELD)
        given = value if isinstance(value, str) else ""
    if not expected or not hmac.compare_digest(expected, given):
        raise CsrfFailed()


async def login_token(rt: Runtime, request: Request, path: str) -> tuple[str, str | None]:
    """The login form's CSRF token, and the cookie value to set when there is none yet."""
    serializer = URLSafeTimedSerializer(await signing_key(rt), salt="otpvirt.login")
    raw = request.cookies.get(LOGIN_COOKIE)
    if raw:
        try:
            token = serializer.loads(raw, max_age=3600)
            if isinstance(token, str):
                return token, None
        except BadSignature:
            pass
    token = secrets.token_urlsafe(24)
    return token, serializer.dumps(token)


async def check_login_csrf(rt: Runtime, request: Request, given: str) -> None:
    """A login form's token matches its double-submit cookie."""
    serializer = URLSafeTimedSerializer(await signing_key(rt), salt="otpvirt.login")
    raw = request.cookies.get(LOGIN_COOKIE, "")
    try:
        expected = serializer.loads(raw, max_age=3600)
    except BadSignature:
        raise CsrfFailed() from None
    if not isinstance(expected, str) or not hmac.compare_digest(expected, given):
        raise CsrfFailed()
