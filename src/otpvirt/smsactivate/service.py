"""The sms-activate actions on balance and activations, mapped onto the domain.

One domain, two dialects: buying, refunds, expiry, several SMS per activation
and the ledger are exactly those of the native API. Activations are named by
their integer id here (the native API uses the GUID); someone else's id is
answered exactly like a missing one.
"""

from __future__ import annotations

from typing import Any

from otpvirt.activation import progress
from otpvirt.activation import service as activations
from otpvirt.activation.dispatch import cancel_activation
from otpvirt.activation.leasing import lease_number
from otpvirt.activation.service import LeaseRequest
from otpvirt.catalogue.snapshot import Snapshot
from otpvirt.clients.service import AuthClient, current_balance
from otpvirt.db import in_transaction
from otpvirt.errors import ActivationFinished
from otpvirt.money import currency, format_amount, to_wire
from otpvirt.runtime import Runtime
from otpvirt.smsactivate import places
from otpvirt.smsactivate import schemas as s

# A token, a JSON object, or (getHistory, getListOfTopCountriesByService) a JSON list.
Answer = str | dict[str, Any] | list[Any]


async def get_balance(rt: Runtime, client: AuthClient, p: s.Params) -> Answer:
    """`ACCESS_BALANCE:<balance>` (there is no cashback: getBalanceAndCashBack says the same)."""
    balance = await current_balance(rt.db, client)
    return f"ACCESS_BALANCE:{s.two_decimals(balance, currency(client.currency))}"


async def _buy(rt: Runtime, client: AuthClient, p: s.Params) -> activations.Lease:
    cur = currency(client.currency)
    code = s.service_code(p)
    s.check_no_forward(p)
    operators = s.operators(p)
    max_price = s.max_price(p, cur)
    exclude = s.phone_exceptions(p)
    order_id = s.order_id(p)
    service = await rt.catalogue.service(code)
    country = await places.resolve_country(rt, p.get("country"))
    where = places.where(await rt.catalogue.get(), cur.code, service, country, operators)
    try:
        req = LeaseRequest(
            client,
            service,
            tuple(where),
            rt.settings.lease_ms,
            max_price=max_price,
            exclude_prefixes=exclude,
            order_id=order_id,
        )
        lease = await lease_number(rt, req)
    except activations.PriceAboveMax as exc:
        raise s.DialectError(f"WRONG_MAX_PRICE:{format_amount(exc.min_price, cur)}") from None
    return lease


async def get_number(rt: Runtime, client: AuthClient, p: s.Params) -> Answer:
    """Buy an activation: `ACCESS_NUMBER:<id>:<phone>`."""
    lease = await _buy(rt, client, p)
    return f"ACCESS_NUMBER:{lease.id}:{lease.phone}"


async def get_number_v2(rt: Runtime, client: AuthClient, p: s.Params) -> Answer:
    """Buy an activation, answered as JSON."""
    lease = await _buy(rt, client, p)
    cur = currency(lease.currency)
    snap = await rt.catalogue.get()
    operator = snap.providers_by_id.get(lease.provider_id)
    return {
        "activationId": lease.id,
        "phoneNumber": str(lease.phone),
        "activationCost": to_wire(lease.price, cur),
        "currency": cur.numeric,
        "countryCode": str(places.country_code(lease.country)),
        "canGetAnotherSms": "1",
        "activationTime": s.sa_time(lease.created_at),
        "activationEndTime": s.sa_time(lease.expires_at),
        "activationOperator": operator.name if operator else "any",
    }


async def _view(rt: Runtime, client: AuthClient, p: s.Params) -> progress.ActivationView:
    act_id = s.activation_id(p)
    async with rt.db.read() as conn:
        return await progress.view(conn, client.id, act_id)


async def get_status(rt: Runtime, client: AuthClient, p: s.Params) -> Answer:
    """STATUS_WAIT_CODE, STATUS_OK:<code>, STATUS_WAIT_RETRY:<last code> or STATUS_CANCEL."""
    view = await _view(rt, client, p)
    phase = view.phase
    if phase == progress.WAIT_CODE:
        return "STATUS_WAIT_CODE"
    if phase == progress.WAIT_RETRY:
        return f"STATUS_WAIT_RETRY:{s.status_code(view.last_sms)}"
    if phase == progress.CODE:
        return f"STATUS_OK:{s.status_code(view.last_sms)}"
    return "STATUS_CANCEL"


async def get_status_v2(rt: Runtime, client: AuthClient, p: s.Params) -> Answer:
    """The newest SMS as JSON; `sms` is null while waiting for one (first or another)."""
    view = await _view(rt, client, p)
    sms = view.last_sms if view.phase in (progress.CODE, progress.ENDED) else None
    return {
        "verificationType": 0,
        "sms": None
        if sms is None
        else {"dateTime": s.sa_time(sms.received_at), "code": sms.code, "text": sms.text},
        "call": None,
    }


async def get_full_sms(rt: Runtime, client: AuthClient, p: s.Params) -> Answer:
    """`FULL_SMS:<text>` of the newest SMS, or the waiting/cancelled status."""
    view = await _view(rt, client, p)
    if view.last_sms is not None:
        return f"FULL_SMS:{view.last_sms.text}"
    return "STATUS_CANCEL" if view.phase == progress.ENDED else "STATUS_WAIT_CODE"


async def set_status(rt: Runtime, client: AuthClient, p: s.Params) -> Answer:
    """1 ready, 3 another SMS, 6 complete, 8 cancel and refund."""
    act_id = s.activation_id(p)
    status = s.status(p)
    try:
        if status == s.READY:
            view = await _view(rt, client, p)
            if view.phase == progress.ENDED:
                raise ActivationFinished(f"the activation is already {view.state}")
            return "ACCESS_READY"
        if status == s.RETRY:
            await in_transaction(rt.db, progress.request_another_sms, client.id, act_id)
            return "ACCESS_RETRY_GET"
        if status == s.COMPLETE:
            await in_transaction(rt.db, activations.confirm, client.id, act_id=act_id)
            return "ACCESS_ACTIVATION"
        min_age_ms = int(rt.settings.smsactivate_early_cancel_minutes * 60_000)
        await cancel_activation(rt.db, client.id, act_id=act_id, min_age_ms=min_age_ms)
        return "ACCESS_CANCEL"
    except ActivationFinished:
        # Repeating a completion or a cancel that already happened (say, after a
        # lost answer) is answered as the first time; nothing changes twice.
        state = (await _view(rt, client, p)).state
        if status == s.COMPLETE and state == activations.COMPLETED:
            return "ACCESS_ACTIVATION"
        if status == s.CANCEL and state in (activations.CANCELLED, activations.EXPIRED):
            return "ACCESS_CANCEL"
        raise s.DialectError("BAD_STATUS", f"the activation is already {state}") from None


def _active(view: progress.ActivationView, snap: Snapshot) -> dict[str, Any]:
    cur = currency(view.currency)
    country = snap.countries_by_id[view.country_id]
    service = snap.services_by_id[view.service_id]
    shown = view.last_sms if view.phase == progress.CODE else None
    # 4 waiting for the first SMS, 1 code received, 3 waiting for another SMS.
    status = {progress.WAIT_CODE: "4", progress.CODE: "1"}.get(view.phase, "3")
    return {
        "activationId": str(view.id),
        "serviceCode": service.code,
        "phoneNumber": str(view.phone),
        "activationCost": format_amount(view.price, cur),
        "activationStatus": status,
        "smsCode": shown.code if shown else None,
        "smsText": shown.text if shown else None,
        "activationTime": s.sa_time(view.created_at),
        "activationEndTime": s.sa_time(view.expires_at),
        "discount": "0.00",
        "repeated": "0",
        "countryCode": str(places.country_code(country)),
        "countryName": country.title,
        "canGetAnotherSms": "1",
        "currency": cur.numeric,
    }


async def get_active_activations(rt: Runtime, client: AuthClient, p: s.Params) -> Answer:
    """The caller's live activations, oldest first (an empty list when none)."""
    start, limit = s.paging(p)
    async with rt.db.read() as conn:
        views = await progress.live(conn, client.id, limit=limit, offset=start)
    snap = await rt.catalogue.get()
    return {"status": "success", "activeActivations": [_active(v, snap) for v in views]}
