"""Client portal pages: log in, buy a number, watch the code arrive, confirm or cancel,
history, webhook and API key settings."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Query
from starlette.requests import Request
from starlette.responses import Response

from otpvirt.activation import dispatch
from otpvirt.activation import service as rules
from otpvirt.activation import supervision as activations
from otpvirt.activation.leasing import lease_number
from otpvirt.activation.schemas import activation_detail_json, activation_json
from otpvirt.activation.service import LeaseRequest
from otpvirt.admin import client_ops
from otpvirt.admin.audit import Actor
from otpvirt.clients import service as clients
from otpvirt.clients.service import authenticate
from otpvirt.db import in_transaction
from otpvirt.errors import ActivationNotFound, OtpVirtError
from otpvirt.money import currency, format_amount
from otpvirt.portal import client_settings, offers
from otpvirt.portal.auth import SESSION, PortalUser, fingerprint, portal_user
from otpvirt.reuse import service as reuse
from otpvirt.web.pages import MAX_PAGE, page_args, page_rows, redirect, render, rt_of, safe_next
from otpvirt.web.sessions import check_login_csrf, login_token, set_cookie
from otpvirt.webhook import targets
from otpvirt.webhook.schemas import WebhookOut

router = APIRouter(prefix="/portal", include_in_schema=False)
User = Annotated[PortalUser, Depends(portal_user)]
Text = Annotated[str, Form()]


async def page(request: Request, user: PortalUser, template: str, nav: str, **ctx: Any) -> Response:
    """A portal page with the balance in the header."""
    cur = currency(user.client.currency)
    balance = format_amount(user.client.balance or 0, cur)
    return await render(
        request,
        f"portal/{template}",
        {"user": user, "nav": nav, "csrf": user.csrf, "balance": balance, "cur": cur.code, **ctx},
    )


async def _login_page(request: Request, next_url: str, **ctx: Any) -> Response:
    rt = rt_of(request)
    token, cookie = await login_token(rt, request, "/portal")
    response = await render(
        request,
        "portal/login.html",
        {"login_csrf": token, "next": safe_next(next_url, "/portal"), **ctx},
        status_code=401 if ctx.get("error") else 200,
    )
    if cookie:
        set_cookie(request, response, "otpvirt_login", cookie, "/portal", 3600)
    return response


@router.get("/login")
async def login_form(request: Request, next: str | None = None) -> Response:
    """Log in with the clientId and API password."""
    return await _login_page(request, next or "/portal")


@router.post("/login")
async def login(
    request: Request, csrf: Text = "", client_id: Text = "", password: Text = "", next: Text = ""
) -> Response:
    """Check the credentials (with the API's lockout rules) and start a session."""
    rt = rt_of(request)
    await check_login_csrf(rt, request, csrf)
    cid = client_id.strip().lower()[:64]
    try:
        client = await authenticate(
            rt.db,
            rt.passwords,
            cid,
            password,
            address=request.client.host if request.client else None,
            policy=rt.lockout,
        )
    except OtpVirtError as exc:
        return await _login_page(request, next, error=exc.message, client_id=cid)
    async with rt.db.read() as conn:
        creds = await clients.credentials(conn, client.id)
    if creds is None:  # deleted since the check: as if the password were wrong
        return await _login_page(request, next, error="unknown client", client_id=cid)
    done = await redirect(request, safe_next(next, "/portal"))
    await SESSION.start(rt, request, done, client.id, fingerprint(creds.password_hash))
    return done


@router.post("/logout")
async def logout(request: Request, user: User) -> Response:
    """End the session, on the server too: a copy of the cookie no longer works."""
    done = await redirect(request, "/portal/login")
    await SESSION.end(rt_of(request), done, user.session_id)
    return done


@router.get("")
async def home(request: Request, user: User, service: str = "", country: str = "") -> Response:
    """Balance, the buy form, and the live activations."""
    rt = rt_of(request)
    menu = await offers.menu(rt, user.client.currency)
    service = service or (menu.services[0].code if menu.services else "")
    async with rt.db.read() as conn:
        found = await activations.list_activations(conn, client_id=user.id, live=True, limit=20)
    live = [activation_json(r) for r in found]
    quote = await offers.quote(rt, user.client.currency, service, country) if service else None
    return await page(
        request,
        user,
        "home.html",
        "home",
        menu=menu,
        service=service,
        country=country,
        quote=quote,
        live=live,
    )


@router.get("/quote")
async def quote(request: Request, user: User, service: str = "", country: str = "") -> Response:
    """Price and numbers available for a service in a country (an htmx fragment)."""
    rt = rt_of(request)
    q = await offers.quote(rt, user.client.currency, service, country)
    menu = await offers.menu(rt, user.client.currency)
    return await render(
        request,
        "portal/_quote.html",
        {"quote": q, "menu": menu, "service": service, "country": country},
    )


@router.post("/buy")
async def buy(request: Request, user: User, service: Text, country: Text = "") -> Response:
    """Lease a number for the service and charge its price."""
    rt = rt_of(request)
    try:
        svc = await rt.catalogue.service(service)
        place = await rt.catalogue.country(country) if country else None
        where = rules.candidates(await rt.catalogue.get(), user.client.currency, svc, place, None)
        lease = await lease_number(
            rt, LeaseRequest(user.client, svc, tuple(where), rt.settings.lease_ms)
        )
    except OtpVirtError as exc:
        back = "/portal?" + urlencode({"service": service, "country": country})
        return await redirect(request, back, error=exc.message)
    return await redirect(request, f"/portal/activations/{lease.guid}")


async def _own(request: Request, user: PortalUser, guid: str) -> dict[str, Any]:
    # Unknown and someone else's are one answer, word for word.
    try:
        async with rt_of(request).db.read() as conn:
            a = await activations.get_activation(conn, guid, webhooks=False)
    except ActivationNotFound:
        raise ActivationNotFound() from None
    if a.activation.client_id != user.id:
        raise ActivationNotFound()
    return activation_detail_json(a)


@router.get("/activations/{guid}")
async def activation(request: Request, user: User, guid: str) -> Response:
    """The number, and the SMS and code the moment they arrive."""
    try:
        a = await _own(request, user, guid)
    except OtpVirtError as exc:
        return await redirect(request, "/portal", error=exc.message)
    return await page(request, user, "activation.html", "home", a=a)


@router.get("/activations/{guid}/status")
async def activation_status(request: Request, user: User, guid: str) -> Response:
    """The live part of the activation page (polled every 1.5 s while the lease lives)."""
    a = await _own(request, user, guid)
    return await render(request, "portal/_status.html", {"a": a, "csrf": user.csrf})


@router.post("/activations/{guid}/{action}")
async def finish(request: Request, user: User, guid: str, action: str) -> Response:
    """Confirm (the charge stands) or cancel (refunded while no SMS came)."""
    rt, back = rt_of(request), f"/portal/activations/{guid}"
    try:
        a = await _own(request, user, guid)
        if action == "confirm":
            await in_transaction(rt.db, rules.confirm, user.id, guid=a["id"])
            notice = "Confirmed. Thank you!"
        elif action == "cancel":
            refunded = await dispatch.cancel_activation(rt.db, user.id, guid=a["id"])
            amount = format_amount(refunded, currency(a["currency"]))
            notice = f"Cancelled: {amount} {a['currency']} refunded."
        else:
            return await redirect(request, back, error=f"unknown action {action!r}")
    except OtpVirtError as exc:
        return await redirect(request, back, error=exc.message)
    return await redirect(request, back, notice=notice)


@router.post("/reuse/{guid}")
async def reuse_number(request: Request, user: User, guid: str) -> Response:
    """Use an earlier activation's number again for its service (the reuse rule)."""
    rt = rt_of(request)
    try:
        lease = await in_transaction(
            rt.db,
            reuse.lease_guid_again,
            await rt.catalogue.get(),
            user.client,
            guid,
            lease_ms=rt.settings.lease_ms,
            reuse_ms=rt.settings.reuse_ms,
        )
    except OtpVirtError as exc:
        return await redirect(request, "/portal/history", error=exc.message)
    rt.counts.clear()
    return await redirect(request, f"/portal/activations/{lease.guid}")


@router.get("/history")
async def history(
    request: Request,
    user: User,
    page_no: Annotated[int, Query(alias="page", ge=1, le=MAX_PAGE)] = 1,
) -> Response:
    """Every activation of the client, newest first."""
    limit, offset = page_args(page_no)
    async with rt_of(request).db.read() as conn:
        found = await activations.list_activations(
            conn, client_id=user.id, limit=limit, offset=offset
        )
    rows = [activation_json(r) for r in found]
    return await page(
        request,
        user,
        "history.html",
        "history",
        **page_rows(rows, limit),
        page_no=page_no,
    )


@router.get("/settings")
async def settings(request: Request, user: User) -> Response:
    """Webhook URL, secret and events, recent deliveries, and the sms-activate API key."""
    async with rt_of(request).db.read() as conn:
        hook = WebhookOut.of(await targets.get_webhook(conn, user.id))
        has_key = await clients.has_api_key(conn, user.id)
        events = await client_settings.context(conn, user.id)
    return await page(
        request, user, "settings.html", "settings", hook=hook, has_key=has_key, **events
    )


@router.post("/settings/{what}")
async def change_settings(
    request: Request, user: User, what: str, url: Text = "", format: Text = "native"
) -> Response:
    """Set the webhook, or issue a new webhook secret or API key (shown once)."""
    rt, actor = (
        rt_of(request),
        Actor(f"client:{user.id}", request.scope.get("state", {}).get("request_id")),
    )
    secret, title = None, ""
    try:
        if what == "webhook":
            out = await client_ops.set_webhook(rt, actor, user.id, url.strip() or None, format)
            secret, title = out.secret, "Webhook signing secret"
            notice = "Webhook saved." if out.url else "Webhook removed."
        elif what == "webhook-secret":
            secret = (await client_ops.rotate_webhook_secret(rt, actor, user.id)).secret
            title, notice = "New webhook signing secret", "The old secret co-signs for 24 hours."
        elif what == "api-key":
            secret = await client_ops.rotate_api_key(rt, actor, user.id)
            title, notice = "New sms-activate API key", "The old key no longer works."
        else:
            return await redirect(request, "/portal/settings", error=f"unknown setting {what!r}")
    except OtpVirtError as exc:
        return await redirect(request, "/portal/settings", error=exc.message)
    if not secret:
        return await redirect(request, "/portal/settings", notice=notice)
    return await page(
        request, user, "secret.html", "settings", title=title, secret=secret, note=notice
    )
