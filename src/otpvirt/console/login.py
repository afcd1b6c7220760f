"""Console login and logout: an admin token, or a console user's name and password."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form
from starlette.requests import Request
from starlette.responses import Response

from otpvirt.admin import service as admins
from otpvirt.console.auth import SESSION, ConsoleUser, console_user
from otpvirt.errors import OtpVirtError
from otpvirt.web.pages import redirect, render, rt_of, safe_next
from otpvirt.web.sessions import check_login_csrf, login_token, set_cookie

router = APIRouter(prefix="/console", include_in_schema=False)
User = Annotated[ConsoleUser, Depends(console_user)]


@router.get("/login")
async def login_form(request: Request, next: str | None = None) -> Response:
    """The login form: an admin token, or a console user's name and password."""
    rt = rt_of(request)
    token, cookie = await login_token(rt, request, "/console")
    response = await render(
        request,
        "console/login.html",
        {"heading": "Operator console", "login_csrf": token, "next": safe_next(next, "/console")},
    )
    if cookie:
        set_cookie(request, response, "otpvirt_login", cookie, "/console", 3600)
    return response


@router.post("/login")
async def login(
    request: Request,
    csrf: Annotated[str, Form()] = "",
    username: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    token: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/console",
) -> Response:
    """Check the credentials, start a session, go where the operator was heading."""
    rt = rt_of(request)
    await check_login_csrf(rt, request, csrf)
    address = request.client.host if request.client else None
    try:
        if token.strip():
            op = await admins.authenticate_token(rt.db, token.strip())
        else:
            op = await admins.authenticate_user(rt, username, password, address=address)
    except OtpVirtError as exc:
        fresh, cookie = await login_token(rt, request, "/console")
        response = await render(
            request,
            "console/login.html",
            {
                "heading": "Operator console",
                "login_csrf": fresh,
                "next": safe_next(next, "/console"),
                "error": exc.message,
                "username": username[:100],
            },
            status_code=401,
        )
        if cookie:
            set_cookie(request, response, "otpvirt_login", cookie, "/console", 3600)
        return response
    done = await redirect(request, safe_next(next, "/console"))
    await SESSION.start(rt, request, done, op.actor, op.fingerprint)
    return done


@router.post("/logout")
async def logout(request: Request, user: User) -> Response:
    """End the session, on the server too: a copy of the cookie no longer works."""
    response = await redirect(request, "/console/login")
    await SESSION.end(rt_of(request), response, user.session_id)
    return response
