"""The console client page's event settings: what the client's webhook is sent for and
the low-balance threshold, shown on the page and changed through `admin.event_ops`."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form
from starlette.requests import Request
from starlette.responses import Response

from otpvirt.admin import event_ops
from otpvirt.console.actions import attempt
from otpvirt.console.auth import ConsoleUser, console_user
from otpvirt.db import Conn
from otpvirt.events import service as events
from otpvirt.events.subscriptions import subscriptions_of
from otpvirt.web.pages import rt_of

router = APIRouter(prefix="/console", include_in_schema=False)
User = Annotated[ConsoleUser, Depends(console_user)]


async def shown(conn: Conn, client_id: str) -> dict[str, Any]:
    """What the client page's Events panel shows (template context)."""
    subs = await subscriptions_of(conn, client_id)
    return {
        "subs": subs,
        "event_types": [(e, subs.has(e)) for e in events.EVENTS],
    }


@router.post("/clients/{client_id}/events")
async def set_events(
    request: Request,
    user: User,
    client_id: str,
    events: Annotated[list[str] | None, Form()] = None,
    low_balance: Annotated[str, Form()] = "",
) -> Response:
    """Subscribe the client to the ticked event types; set or clear the threshold."""

    async def work() -> None:
        await event_ops.set_subscriptions(
            rt_of(request),
            user.actor,
            client_id,
            ",".join(events or []),
            low_balance.strip() or None,
        )

    return await attempt(request, f"/console/clients/{client_id}", work, "event settings saved")
