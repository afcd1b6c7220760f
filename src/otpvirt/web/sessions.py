"""Signed session cookies and CSRF tokens for the console and the portal.

The signing key is generated on first start and kept in the database
(`system_values`), so every process of a deployment shares it and nothing needs
configuring; there is no shipped default. A session is a signed, timestamped
payload in an HttpOnly, SameSite=Lax cookie (Secure when the request arrived over
HTTPS, directly or through a trusted proxy: see `OTPVIRT_FORWARDED_ALLOW_IPS`).
Each session carries its own CSRF token, which every form and htmx request must
send back; the login forms, before any session exists, use a signed double-submit
cookie instead.
"""

from __future__ import annotations

import hmac
import secrets
from typing import Any

from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.requests import Request
from starlette.responses import Response

from otpvirt.clock import now_ms
from otpvirt.errors import InvalidRequest
from otpvirt.runtime import Runtime

KEY_NAME = "session_signing_key"
EXTRAS_KEY = "session_signing_key"
LOGIN_COOKIE = "otpvirt_login"
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"


class CsrfFailed(InvalidRequest):
    reason = "csrf_failed"

    def __init__(self) -> None:
        super().__init__("the form expired or did not come from this site; reload and try again")


async def signing_key(rt: Runtime) -> str:
    """This deployment's session signing key, created on first use."""
    cached = rt.extras.get(EXTRAS_KEY)
    if isinstance(cached, str):
        return cached
    async with rt.db.transaction() as conn:
        await conn.execute(
            "INSERT INTO system_values (key, value, created_at) VALUES (:k, :v, :now) "
            "ON CONFLICT DO NOTHING",
            {"k": KEY_NAME, "v": secrets.token_urlsafe(48), "now": now_ms()},
        )
        key = str(
            await conn.fetchval("SELECT value FROM system_values WHERE key = :k", {"k": KEY_NAME})
        )
    rt.extras[EXTRAS_KEY] = key
    return key


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

    def _serializer(self, key: str, salt: str) -> URLSafeTimedSerializer:
        return URLSafeTimedSerializer(key, salt=f"otpvirt.{salt}")

    async def read(self, rt: Runtime, request: Request) -> dict[str, Any] | None:
        """The session payload, if the cookie is present, genuine and not too old."""
        raw = request.cookies.get(self.name)
        if not raw or len(raw) > 4096:
            return None
        try:
            data = self._serializer(await signing_key(rt), self.kind).loads(
                raw, max_age=self.max_age(rt)
            )
        except BadSignature:
            return None
        return data if isinstance(data, dict) else None

    async def start(
        self, rt: Runtime, request: Request, response: Response, payload: dict[str, Any]
    ) -> None:
        """Set a new session (a fresh CSRF token) on the response."""
        data = {**payload, "csrf": secrets.token_urlsafe(24)}
        value = self._serializer(await signing_key(rt), self.kind).dumps(data)
        set_cookie(request, response, self.name, value, self.path, self.max_age(rt))
        response.delete_cookie(LOGIN_COOKIE, path=self.path)

    def end(self, response: Response) -> None:
        """Forget the session in the browser."""
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


async def check_csrf(request: Request, session: dict[str, Any]) -> None:
    """The request carries the session's CSRF token (form field or header)."""
    expected = str(session.get("csrf", ""))
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
