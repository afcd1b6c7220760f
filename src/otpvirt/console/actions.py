"""Console actions: every form that changes something calls one audited operator action.

Success and failure both go back to the page the form was on, with a one-time
message; secrets (a new password, key or token) are shown once on their own page.
"""

from __future__ import annotations

import io
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, UploadFile
from starlette.requests import Request
from starlette.responses import Response

from otpvirt.admin import (
    catalogue_ops,
    client_ops,
    lease_ops,
    number_ops,
    price_ops,
    source_ops,
    webhook_ops,
)
from otpvirt.console.auth import ConsoleUser, console_user
from otpvirt.errors import OtpVirtError, ValidationFailed
from otpvirt.inventory import service as inventory
from otpvirt.inventory.schemas import import_report_json
from otpvirt.ledger import service as ledger
from otpvirt.web.pages import redirect, render, rt_of

router = APIRouter(prefix="/console", include_in_schema=False)
User = Annotated[ConsoleUser, Depends(console_user)]
Text = Annotated[str, Form()]
MAX_CSV_BYTES = 32 * 1024 * 1024


async def attempt(
    request: Request, back: str, work: Callable[[], Awaitable[Any]], notice: str
) -> Response:
    """Run an action; go back with its notice, or with the error that refused it."""
    try:
        await work()
    except OtpVirtError as exc:
        return await redirect(request, back, error=exc.message)
    return await redirect(request, back, notice=notice)


async def show_secret(
    request: Request, user: ConsoleUser, title: str, secret: str, back: str, note: str
) -> Response:
    """A page showing a new secret once."""
    return await render(
        request,
        "console/secret.html",
        {
            "user": user,
            "nav": "",
            "csrf": user.csrf,
            "title": title,
            "secret": secret,
            "back": back,
            "note": note,
        },
    )


@router.post("/clients")
async def create_client(
    request: Request, user: User, name: Text = "", balance: Text = "0", currency: Text = "USD"
) -> Response:
    """Create a client and show its API password once."""
    try:
        out = await client_ops.create_client(
            rt_of(request),
            user.actor,
            currency_code=currency,
            balance=balance or "0",
            name=name.strip() or None,
        )
    except OtpVirtError as exc:
        return await redirect(request, "/console/clients", error=exc.message)
    return await show_secret(
        request,
        user,
        f"Client {out.balance.client_id}",
        out.api_password,
        f"/console/clients/{out.balance.client_id}",
        "The API password is shown only now; give it to the client with the clientId.",
    )


@router.post("/clients/{client_id}/balance")
async def change_balance(
    request: Request,
    user: User,
    client_id: str,
    amount: Text,
    kind: Text = "topup",
    note: Text = "",
) -> Response:
    """Top up, or adjust with a reason."""
    kind = ledger.ADJUSTMENT if kind == ledger.ADJUSTMENT else ledger.TOPUP

    async def work() -> None:
        await client_ops.change_balance(
            rt_of(request), user.actor, client_id, amount, kind=kind, note=note.strip() or None
        )

    done = "balance adjusted" if kind == ledger.ADJUSTMENT else "balance topped up"
    return await attempt(request, f"/console/clients/{client_id}", work, done)


@router.post("/clients/{client_id}/enabled")
async def set_client_enabled(
    request: Request, user: User, client_id: str, enabled: Text
) -> Response:
    """Disable or re-enable a client."""
    on = enabled == "true"

    async def work() -> None:
        await client_ops.set_enabled(rt_of(request), user.actor, client_id, on)

    notice = "client enabled" if on else "client disabled"
    return await attempt(request, f"/console/clients/{client_id}", work, notice)


@router.post("/clients/{client_id}/secret")
async def client_secret(request: Request, user: User, client_id: str, which: Text) -> Response:
    """A new API password, sms-activate key or webhook secret, shown once."""
    rt, back = rt_of(request), f"/console/clients/{client_id}"
    try:
        if which == "password":
            value = await client_ops.set_password(rt, user.actor, client_id, None)
            title, note = "New API password", "The old password no longer works."
        elif which == "api-key":
            value = await client_ops.rotate_api_key(rt, user.actor, client_id)
            title, note = "New sms-activate API key", "The old key no longer works."
        elif which == "webhook-secret":
            value = (await client_ops.rotate_webhook_secret(rt, user.actor, client_id)).secret
            title, note = "New webhook secret", "The old secret co-signs for 24 hours."
        else:
            raise ValidationFailed(f"unknown secret {which!r}")
    except OtpVirtError as exc:
        return await redirect(request, back, error=exc.message)
    return await show_secret(request, user, title, value, back, note + " Shown only now.")


@router.post("/clients/{client_id}/webhook")
async def set_webhook(
    request: Request, user: User, client_id: str, url: Text = "", format: Text = "native"
) -> Response:
    """Set or clear the client's webhook URL."""
    back = f"/console/clients/{client_id}"
    try:
        out = await client_ops.set_webhook(
            rt_of(request), user.actor, client_id, url.strip() or None, format
        )
    except OtpVirtError as exc:
        return await redirect(request, back, error=exc.message)
    if out.secret:
        return await show_secret(
            request,
            user,
            "Webhook signing secret",
            out.secret,
            back,
            "Deliveries are signed with it (Standard Webhooks). Shown only now.",
        )
    return await redirect(request, back, notice="webhook updated" if out.url else "webhook removed")


@router.post("/numbers/import")
async def import_numbers(request: Request, user: User, file: UploadFile) -> Response:
    """Import a CSV; answers the per-row report (an htmx fragment)."""
    raw = await file.read(MAX_CSV_BYTES + 1)
    ctx: dict[str, Any] = {"filename": file.filename}
    try:
        if len(raw) > MAX_CSV_BYTES:
            raise ValidationFailed(f"the file is larger than {MAX_CSV_BYTES // 1024 // 1024} MiB")
        text = io.StringIO(raw.decode("utf-8-sig", errors="replace"), newline="")
        report = await number_ops.import_numbers(
            rt_of(request), user.actor, inventory.read_csv(text), filename=file.filename
        )
        ctx["report"] = import_report_json(report)
    except OtpVirtError as exc:
        ctx["error"] = exc.message
    return await render(request, "console/_import_report.html", ctx)


@router.post("/numbers/{number}/enabled")
async def set_number_enabled(request: Request, user: User, number: str, enabled: Text) -> Response:
    """Take a number out of the pool or put it back."""
    on = enabled == "true"

    async def work() -> None:
        await number_ops.set_number_enabled(rt_of(request), user.actor, number, on)

    notice = f"{number} {'enabled' if on else 'disabled'}"
    return await attempt(request, "/console/numbers", work, notice)


@router.post("/sources/{name}/enabled")
async def set_source_enabled(request: Request, user: User, name: str, enabled: Text) -> Response:
    """Disable or re-enable a source."""
    on = enabled == "true"

    async def work() -> None:
        await source_ops.set_source_enabled(rt_of(request), user.actor, name, on)

    return await attempt(
        request, "/console/sources", work, f"{name} {'enabled' if on else 'disabled'}"
    )


@router.post("/prices")
async def set_price(
    request: Request,
    user: User,
    country: Text,
    service: Text,
    price: Text,
    currency: Text = "USD",
    free: Text = "",
) -> Response:
    """Set a price (0 only with the "free" box ticked)."""

    async def work() -> None:
        await price_ops.set_price(
            rt_of(request), user.actor, country, service, price, currency, free=free == "true"
        )

    return await attempt(
        request, "/console/prices", work, f"{service} in {country}: {price} {currency}"
    )


@router.post("/prices/remove")
async def remove_price(
    request: Request, user: User, country: Text, service: Text, currency: Text = "USD"
) -> Response:
    """Stop offering a service in a country."""

    async def work() -> None:
        await price_ops.remove_price(rt_of(request), user.actor, country, service, currency)

    return await attempt(request, "/console/prices", work, f"{service} no longer sold in {country}")


@router.post("/catalogue/{kind}")
async def add_to_catalogue(
    request: Request, user: User, kind: str, name: Text, extra: Text = "", title: Text = ""
) -> Response:
    """Add a country (extra = calling code), an operator (extra = country) or a service."""
    rt = rt_of(request)

    async def work() -> None:
        if kind == "country":
            if not extra.strip().isdigit():
                raise ValidationFailed("the calling code must be a number, e.g. 996")
            await catalogue_ops.add_country(
                rt, user.actor, name, calling_code=int(extra), title=title or None
            )
        elif kind == "provider":
            await catalogue_ops.add_provider(rt, user.actor, extra, name, title or None)
        elif kind == "service":
            await catalogue_ops.add_service(rt, user.actor, name, title or name)
        else:
            raise ValidationFailed(f"unknown catalogue entry {kind!r}")

    return await attempt(request, "/console/prices", work, f"added {kind} {name}")


@router.post("/activations/{guid}/cancel")
async def cancel_activation(request: Request, user: User, guid: str) -> Response:
    """Cancel a client's waiting lease and refund it."""

    async def work() -> None:
        await lease_ops.force_cancel(rt_of(request), user.actor, guid)

    return await attempt(request, f"/console/activations/{guid}", work, "cancelled and refunded")


@router.post("/webhooks/{message_id}/redeliver")
async def redeliver(request: Request, user: User, message_id: str) -> Response:
    """Send a webhook delivery again now."""

    async def work() -> None:
        await webhook_ops.redeliver_webhook(rt_of(request), user.actor, message_id)

    return await attempt(
        request, f"/console/webhooks/{message_id}", work, "queued for delivery again"
    )
