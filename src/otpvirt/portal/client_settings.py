"""The portal settings page's events part: the client's own subscriptions and
low-balance threshold (changed through `admin.event_ops`, audited as the client),
and the recent deliveries to its webhook (state and attempts)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form
from starlette.requests import Request
from starlette.responses import Response

from otpvirt.admin import event_ops
from otpvirt.admin.audit import Actor
from otpvirt.db import Conn
from otpvirt.errors import OtpVirtError
from otpvirt.events import service as events
from otpvirt.events.subscriptions import subscriptions_of
from otpvirt.portal.auth import PortalUser, portal_user
from otpvirt.web.pages import redirect, rt_of
from otpvirt.webhook import history
from otpvirt.webhook.schemas import delivery_json

router = APIRouter(prefix="/portal", include_in_schema=False)
User = Annotated[PortalUser, Depends(portal_user)]
BACK = "/portal/settings"
RECENT = 20


async def context(conn: Conn, client_id: str) -> dict[str, Any]:
    """What the settings page shows of events (template context)."""
    subs = await subscriptions_of(conn, client_id)
    recent = await history.deliveries(conn, client_id=client_id, limit=RECENT)
    return {
        "subs": subs,
        "event_types": [(e, subs.has(e)) for e in events.EVENTS],
        "deliveries": [delivery_json(d) for d in recent],
    }


@router.post("/events")
async def set_events(
    request: Request,
    user: User,
    events: Annotated[list[str] | None, Form()] = None,
    low_balance: Annotated[str, Form()] = "",
) -> Response:
    """Subscribe to the ticked event types; set or clear the low-balance threshold."""
    actor = Actor(f"client:{user.id}", request.scope.get("state", {}).get("request_id"))
    try:
        await event_ops.set_subscriptions(
            rt_of(request), actor, user.id, ",".join(events or []), low_balance.strip() or None
        )
    except OtpVirtError as exc:
        return await redirect(request, BACK, error=exc.message)
    return await redirect(request, BACK, notice="Event settings saved.")
