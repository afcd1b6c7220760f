"""Operator actions on leases (activations), each audited.

Like `client_ops`: each action runs its own transaction and writes its audit entry in it.
"""

from __future__ import annotations

from typing import Any

from otpvirt.activation import supervision as activations
from otpvirt.activation.schemas import ForcedCancelOut
from otpvirt.admin.audit import Actor
from otpvirt.admin.client_ops import audited
from otpvirt.db import Conn
from otpvirt.runtime import Runtime


async def force_cancel(rt: Runtime, actor: Actor, guid: str) -> activations.ForcedCancel:
    """Cancel any client's waiting activation and refund it."""

    async def work(conn: Conn) -> tuple[activations.ForcedCancel, Any, Any]:
        out = await activations.force_cancel(conn, guid)
        after = {"state": out.state, "refunded": ForcedCancelOut.of(out).refunded}
        return out, {"state": "waiting"}, after

    result = await audited(rt, actor, "activation.cancel", guid.strip().lower(), work)
    return result
