"""The operator's switch: whether clients may rent numbers through an upstream source.

A source setting (`rent` in its JSON config), off unless the operator turns it on
(`otpvirt sources create --upstream-smsactivate … --rent`, `otpvirt sources rent NAME
--on/--off`, `PUT /admin/sources/{name}/rent`).
"""

from __future__ import annotations

from otpvirt.db import Conn
from otpvirt.errors import ValidationFailed
from otpvirt.sources.service import SourceInfo, get_source, save_config
from otpvirt.supply.base import UPSTREAM

RENT = "rent"


def rent_enabled(source: SourceInfo) -> bool:
    """Whether the operator lets clients rent through this upstream source."""
    return source.kind == UPSTREAM and bool(source.config.get(RENT, False))


async def set_rent(conn: Conn, name: str, on: bool) -> bool:
    """Switch renting through an upstream source on or off; returns the previous setting."""
    source = await get_source(conn, name)
    if source.kind != UPSTREAM:
        raise ValidationFailed(
            f"{name} is a {source.kind} source: only upstream providers rent numbers to us"
        )
    before = rent_enabled(source)
    await save_config(conn, source, {**source.config, RENT: on})
    return before
