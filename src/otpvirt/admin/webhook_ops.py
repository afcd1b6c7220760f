"""Operator actions on webhook deliveries, each audited.

Like `client_ops`: each action runs its own transaction and writes its audit entry in it.
"""

from __future__ import annotations

from typing import Any

from otpvirt.admin.audit import Actor
from otpvirt.admin.client_ops import audited
from otpvirt.clock import now_ms
from otpvirt.db import Conn
from otpvirt.runtime import Runtime
from otpvirt.webhook import service as webhooks
from otpvirt.webhook.history import DeliveryDetail


async def redeliver_webhook(rt: Runtime, actor: Actor, message_id: str) -> DeliveryDetail:
    """Send a webhook delivery again now."""

    async def work(conn: Conn) -> tuple[DeliveryDetail, Any, Any]:
        out = await webhooks.redeliver(conn, message_id, now_ms())
        return out, None, {"state": out.delivery.state}

    out = await audited(rt, actor, "webhook.redeliver", message_id.strip(), work)
    rt.notify("webhook")
    return out
