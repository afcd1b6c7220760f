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

from otpvirt.activation.repositories import views
from otpvirt.activation.repositories.views import ViewRow
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


def _view(r: ViewRow) -> ActivationView:
    sms = None
    if r.sender is not None and r.received_at is not None:
        sms = Sms(r.sender, r.text or "", r.code or "", int(r.received_at))
    return ActivationView(
        r.id,
        r.guid,
        r.state,
        r.phone,
        r.price,
        r.currency,
        r.country_id,
        r.provider_id,
        r.service_id,
        r.sms_count,
        r.retry_sms_count,
        r.created_at,
        r.expires_at,
        sms,
    )


async def view(conn: Conn, client_id: str, act_id: int) -> ActivationView:
    """The caller's activation by integer id; someone else's is reported as missing."""
    row = await views.view(conn, act_id)
    if row is None or row.client_id != client_id:
        raise ActivationNotFound()
    return _view(row)


async def live(conn: Conn, client_id: str, *, limit: int, offset: int) -> list[ActivationView]:
    """The caller's live activations, oldest first."""
    return [_view(r) for r in await views.live(conn, client_id, limit, offset)]


async def request_another_sms(conn: Conn, client_id: str, act_id: int) -> None:
    """Keep the live activation and wait for an SMS newer than those received so far."""
    if await views.ask_another(conn, client_id, act_id):
        return
    state = await views.state_of(conn, client_id, act_id)
    if state is None:
        raise ActivationNotFound()
    raise ActivationFinished(f"the activation is already {state}")
