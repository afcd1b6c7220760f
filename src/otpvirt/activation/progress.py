"""What a client sees of its activation: the newest SMS and the ask-for-another rule.

A client that got a code it cannot use may ask for another SMS on the same
activation, for free (sms-activate `setStatus 3`). The activation remembers
how many SMS it had at that moment (`retry_sms_count`); until a newer one
arrives the client is told to keep waiting. The lease is not extended: it
still ends at `expires_at`, and as it already received an SMS it then
completes with the charge standing, exactly as without the request.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from otpvirt.activation.service import LIVE
from otpvirt.db import Conn
from otpvirt.errors import ActivationFinished, ActivationNotFound

# What a polling client should be told.
WAIT_CODE = "wait_code"
CODE = "code"
WAIT_RETRY = "wait_retry"
ENDED = "ended"


@dataclass(frozen=True, slots=True)
class Sms:
    """One received SMS as the client sees it."""

    sender: str
    text: str
    code: str
    received_at: int


@dataclass(frozen=True, slots=True)
class ActivationView:
    """An activation of the caller, with its newest SMS."""

    id: int
    guid: str
    state: str
    phone: int
    price: int
    currency: str
    country_id: int
    provider_id: int
    service_id: int
    sms_count: int
    retry_sms_count: int | None
    created_at: int
    expires_at: int
    last_sms: Sms | None

    @property
    def phase(self) -> str:
        """wait_code, code, wait_retry or ended."""
        if self.state not in LIVE:
            return ENDED
        if self.sms_count == 0:
            return WAIT_CODE
        if self.retry_sms_count is not None and self.sms_count <= self.retry_sms_count:
            return WAIT_RETRY
        return CODE


_VIEW = (
    "SELECT a.id, a.guid, a.state, a.phone, a.price, a.currency, a.country_id, a.provider_id, "
    "a.service_id, a.sms_count, a.retry_sms_count, a.created_at, a.expires_at, a.client_id, "
    "s.sender, s.text, s.code, s.received_at FROM activations a "
    "LEFT JOIN sms_messages s ON s.id = "
    "(SELECT MAX(m.id) FROM sms_messages m WHERE m.activation_id = a.id) "
)


def _view(r: Any) -> ActivationView:
    sms = None if r[14] is None else Sms(r[14], r[15], r[16] or "", int(r[17]))
    return ActivationView(
        int(r[0]),
        r[1],
        r[2],
        int(r[3]),
        int(r[4]),
        r[5],
        int(r[6]),
        int(r[7]),
        int(r[8]),
        int(r[9]),
        None if r[10] is None else int(r[10]),
        int(r[11]),
        int(r[12]),
        sms,
    )


async def view(conn: Conn, client_id: str, act_id: int) -> ActivationView:
    """The caller's activation by integer id; someone else's is reported as missing."""
    row = await conn.fetchone(_VIEW + "WHERE a.id = :i", {"i": act_id})
    if row is None or row[13] != client_id:
        raise ActivationNotFound()
    return _view(row)


async def live(conn: Conn, client_id: str, *, limit: int, offset: int) -> list[ActivationView]:
    """The caller's live activations, oldest first."""
    rows = await conn.fetchall(
        _VIEW + "WHERE a.client_id = :c AND a.state IN ('waiting', 'sms_received') "
        "ORDER BY a.id LIMIT :lim OFFSET :off",
        {"c": client_id, "lim": limit, "off": offset},
    )
    return [_view(r) for r in rows]


async def request_another_sms(conn: Conn, client_id: str, act_id: int) -> None:
    """Keep the live activation and wait for an SMS newer than those received so far."""
    changed = await conn.execute(
        "UPDATE activations SET retry_sms_count = sms_count WHERE id = :i AND client_id = :c "
        "AND state IN ('waiting', 'sms_received')",
        {"i": act_id, "c": client_id},
    )
    if changed:
        return
    state = await conn.fetchval(
        "SELECT state FROM activations WHERE id = :i AND client_id = :c",
        {"i": act_id, "c": client_id},
    )
    if state is None:
        raise ActivationNotFound()
    raise ActivationFinished(f"the activation is already {state}")
