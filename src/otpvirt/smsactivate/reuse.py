"""checkExtraActivation and getExtraActivation: the same number again (`otpvirt.reuse`)."""

from __future__ import annotations

from otpvirt.clients.service import AuthClient
from otpvirt.db import in_transaction
from otpvirt.errors import ActivationNotFound
from otpvirt.money import currency, to_wire
from otpvirt.reuse import service as reuse
from otpvirt.runtime import Runtime
from otpvirt.smsactivate import places
from otpvirt.smsactivate import schemas as s
from otpvirt.smsactivate.service import Answer


def _activation_id(p: s.Params) -> int:
    # `activationId` in the documentation, `id` in some clients.
    given = (p.get("activationId") or "").strip() or (p.get("id") or "").strip()
    return s.activation_id({"id": given})


def _error(message: str) -> dict[str, str]:
    return {"status": "error", "message": message}


async def check_extra_activation(rt: Runtime, client: AuthClient, p: s.Params) -> Answer:
    """Whether the activation's number can be taken again now, and at what cost."""
    try:
        act_id = _activation_id(p)
        snap = await rt.catalogue.get()
        async with rt.db.read() as conn:
            offer = await reuse.check(conn, snap, client, act_id, reuse_ms=rt.settings.reuse_ms)
    except (s.DialectError, ActivationNotFound):
        return _error("WRONG_ACTIVATION_ID")
    except reuse.NotReusable:
        return _error("RENEW_ACTIVATION_NOT_AVAILABLE")
    return {
        "status": "success",
        "cost": to_wire(offer.price, currency(client.currency)),
        "service": offer.service.code,
        "phone": offer.number.phone,
        "country": places.country_code(offer.country),
    }


async def get_extra_activation(rt: Runtime, client: AuthClient, p: s.Params) -> Answer:
    """Lease the activation's number again: `ACCESS_NUMBER:<new id>:<phone>`."""
    act_id = _activation_id(p)
    snap = await rt.catalogue.get()
    try:
        lease = await in_transaction(
            rt.db,
            reuse.lease_again,
            snap,
            client,
            act_id,
            lease_ms=rt.settings.lease_ms,
            reuse_ms=rt.settings.reuse_ms,
        )
    except ActivationNotFound:
        raise s.DialectError("WRONG_ACTIVATION_ID") from None
    except reuse.NotReusable as exc:
        raise s.DialectError("NEW_ACTIVATION_IMPOSSIBLE", str(exc)) from None
    return f"ACCESS_NUMBER:{lease.id}:{lease.phone}"
