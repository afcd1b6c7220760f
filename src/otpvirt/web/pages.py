"""What the console and the portal share: rendering, flash messages, login redirects."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from otpvirt.runtime import Runtime
from otpvirt.web.sessions import CsrfFailed, set_cookie, signing_key
from otpvirt.web.templating import templates

FLASH_COOKIE = "otpvirt_flash"
SECURITY_HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; frame-ancestors 'none'; form-action 'self'",
}


class LoginRequired(Exception):
    """No valid session: send the browser to the login page."""

    def __init__(self, login_url: str) -> None:
        super().__init__(login_url)
        self.login_url = login_url


def rt_of(request: Request) -> Runtime:
    """The process runtime."""
    rt: Runtime = request.app.state.runtime
    return rt


async def render(
    request: Request, template: str, context: dict[str, Any], *, status_code: int = 200
) -> HTMLResponse:
    """A page, with the flash message left by the previous action (if any)."""
    ctx = {"notice": None, "error": None, "csrf": None, **context}
    flash = await _read_flash(request)
    if flash:
        ctx.setdefault("notice", None)
        ctx["notice"] = ctx["notice"] or flash.get("notice")
        ctx["error"] = ctx["error"] or flash.get("error")
    response = templates.TemplateResponse(request, template, ctx, status_code=status_code)
    response.headers.update(SECURITY_HEADERS)
    if flash:
        response.delete_cookie(FLASH_COOKIE, path="/")
    return response


async def redirect(
    request: Request, url: str, *, notice: str | None = None, error: str | None = None
) -> RedirectResponse:
    """303 to `url`, carrying a one-time message for the next page."""
    response = RedirectResponse(url, status_code=303)
    if notice or error:
        rt = rt_of(request)
        value = URLSafeTimedSerializer(await signing_key(rt), salt="otpvirt.flash").dumps(
            {"notice": notice, "error": error}
        )
        set_cookie(request, response, FLASH_COOKIE, value, "/", 60)
    return response


async def _read_flash(request: Request) -> dict[str, Any] | None:
    raw = request.cookies.get(FLASH_COOKIE)
    if not raw:
        return None
    try:
        data = URLSafeTimedSerializer(
            await signing_key(rt_of(request)), salt="otpvirt.flash"
        ).loads(raw, max_age=60)
    except BadSignature:
        return None
    return data if isinstance(data, dict) else None


def login_redirect(request: Request, exc: LoginRequired) -> Response:
    """Pages go to the login form (and back after); htmx requests are told to go there."""
    target = f"{exc.login_url}?next={quote(request.url.path)}"
    if request.headers.get("hx-request"):
        return Response(status_code=204, headers={"HX-Redirect": target})
    return RedirectResponse(target, status_code=303)


def csrf_refused(request: Request, exc: CsrfFailed) -> Response:
    """403 with a readable explanation."""
    body = json.dumps({"error": exc.reason, "message": exc.message})
    if request.url.path.startswith(("/console", "/portal")):
        html = (
            "<!doctype html><title>Form expired</title><p>"
            f'{exc.message}.</p><p><a href="{request.url.path}">Back</a></p>'
        )
        return HTMLResponse(html, status_code=403, headers=SECURITY_HEADERS)
    return Response(body, status_code=403, media_type="application/json")


def safe_next(value: str | None, prefix: str) -> str:
    """Where to go after login: only a path of this area, never another site."""
    if value and value.startswith(prefix) and not value.startswith("//") and "\\" not in value:
        return value
    return prefix


# Far beyond any list, and small enough that an offset never overflows a 64-bit integer.
MAX_PAGE = 1_000_000


def page_args(page: int, size: int = 50) -> tuple[int, int]:
    """(limit, offset) for a 1-based page; one extra row tells whether a next page exists."""
    page = max(1, page)
    return size + 1, (page - 1) * size


def page_rows(rows: list[Any], limit: int) -> dict[str, Any]:
    """A page's rows, fetched with `page_args`'s limit, and whether a next page exists."""
    return {"rows": rows[: limit - 1], "more": len(rows) >= limit}
