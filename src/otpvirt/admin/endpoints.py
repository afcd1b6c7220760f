"""The admin API: JSON over `/admin/v1`, `Authorization: Bearer <admin token>`.

Thin: parse, call one operator action (audited) or read, render. Errors are
`{"error": reason, "message": ...}` with a fitting HTTP status.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from starlette.requests import Request

from otpvirt.admin import audit, client_ops
from otpvirt.admin import schemas as s
from otpvirt.admin import service as admins
from otpvirt.admin.audit import Actor
from otpvirt.admin.web import AdminRoute, rt_of
from otpvirt.clients import service as clients
from otpvirt.clients.schemas import BalanceOut, ClientOut, NewClientOut
from otpvirt.errors import BadCredentials
from otpvirt.events.subscriptions import subscriptions_of
from otpvirt.ledger import service as ledger
from otpvirt.ledger.schemas import LedgerEntryOut
from otpvirt.observability import stats
from otpvirt.observability.schemas import OverviewOut
from otpvirt.webhook import targets
from otpvirt.webhook.schemas import SecretRotated, WebhookOut, WebhookSet

MAX_CSV_BYTES = 32 * 1024 * 1024


async def operator(request: Request) -> Actor:
    """The admin token's holder, or 401."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise BadCredentials("send `Authorization: Bearer <admin token>`")
    op = await admins.authenticate_token(rt_of(request).db, token.strip())
    return Actor(op.actor, request.scope.get("state", {}).get("request_id"))


Op = Annotated[Actor, Depends(operator)]
Limit = Annotated[int, Query(ge=1, le=1000)]
Offset = Annotated[int, Query(ge=0)]
router = APIRouter(prefix="/admin/v1", tags=["admin API"], route_class=AdminRoute)


@router.get("/overview")
async def overview(request: Request, _: Op) -> OverviewOut:
    """Pool, leases, SMS flow, success rates and money today, with 24 h series."""
    return OverviewOut.of(await stats.cached(rt_of(request)))


@router.get("/clients")
async def list_clients(
    request: Request, _: Op, search: str | None = None, limit: Limit = 50, offset: Offset = 0
) -> list[ClientOut]:
    """Clients, newest first, filtered by id or name."""
    async with rt_of(request).db.read() as conn:
        rows = await clients.list_clients(conn, search=search, limit=limit, offset=offset)
    return [ClientOut.of(c) for c in rows]


@router.post("/clients", status_code=201)
async def create_client(request: Request, actor: Op, body: s.NewClient) -> NewClientOut:
    """Create a client; `apiPassword` is in this answer only."""
    out = await client_ops.create_client(
        rt_of(request),
        actor,
        password=body.password,
        currency_code=body.currency,
        balance=body.balance,
        client_id=body.clientId,
        name=body.name,
    )
    b = BalanceOut.of(out.balance)
    return NewClientOut(**b.model_dump(), apiPassword=out.api_password)


@router.get("/clients/{client_id}")
async def show_client(request: Request, _: Op, client_id: str) -> s.ClientDetailOut:
    """A client with activation counts, webhook (with its events), low-balance threshold
    and latest ledger entries."""
    async with rt_of(request).db.read() as conn:
        data = await clients.get_client(conn, client_id)
        hook = await targets.get_webhook(conn, client_id)
        subs = await subscriptions_of(conn, client_id)
        entries = await ledger.entries(conn, data.client.id, limit=50)
    return s.ClientDetailOut(
        **ClientOut.of(data.client).model_dump(),
        activations=data.activations,
        webhook=WebhookOut.of(hook),
        lowBalance=subs.low_balance_text,
        ledger=[LedgerEntryOut.of(e) for e in entries],
    )


@router.post("/clients/{client_id}/topup")
async def topup(request: Request, actor: Op, client_id: str, body: s.BalanceChange) -> BalanceOut:
    """Add to a client's balance."""
    out = await client_ops.change_balance(
        rt_of(request), actor, client_id, body.amount, kind=ledger.TOPUP, note=body.note
    )
    return BalanceOut.of(out)


@router.post("/clients/{client_id}/adjust")
async def adjust(request: Request, actor: Op, client_id: str, body: s.Adjustment) -> BalanceOut:
    """Correct a client's balance by a signed amount, with a reason."""
    out = await client_ops.change_balance(
        rt_of(request), actor, client_id, body.amount, kind=ledger.ADJUSTMENT, note=body.reason
    )
    return BalanceOut.of(out)


@router.post("/clients/{client_id}/disable")
async def disable_client(request: Request, actor: Op, client_id: str) -> s.ClientEnabled:
    """Refuse the client's API calls."""
    await client_ops.set_enabled(rt_of(request), actor, client_id, False)
    return s.ClientEnabled(clientId=client_id.lower(), enabled=False)


@router.post("/clients/{client_id}/enable")
async def enable_client(request: Request, actor: Op, client_id: str) -> s.ClientEnabled:
    """Accept the client's API calls again."""
    await client_ops.set_enabled(rt_of(request), actor, client_id, True)
    return s.ClientEnabled(clientId=client_id.lower(), enabled=True)


@router.post("/clients/{client_id}/password")
async def client_password(
    request: Request, actor: Op, client_id: str, body: s.NewPassword | None = None
) -> s.ClientPassword:
    """Replace the API password; the new one is in this answer only."""
    password = body.password if body is not None else None
    pw = await client_ops.set_password(rt_of(request), actor, client_id, password)
    return s.ClientPassword(clientId=client_id.lower(), apiPassword=pw)


@router.post("/clients/{client_id}/api-key")
async def client_api_key(request: Request, actor: Op, client_id: str) -> s.ClientApiKey:
    """A new sms-activate API key (in this answer only; the old one stops)."""
    key = await client_ops.rotate_api_key(rt_of(request), actor, client_id)
    return s.ClientApiKey(clientId=client_id.lower(), apiKey=key)


@router.put("/clients/{client_id}/webhook")
async def set_webhook(request: Request, actor: Op, client_id: str, body: s.Webhook) -> WebhookSet:
    """Set or clear the webhook; a first URL's signing secret is in this answer only."""
    out = await client_ops.set_webhook(
        rt_of(request), actor, client_id, body.url, body.format, body.events
    )
    return WebhookSet.of(out)


@router.put("/clients/{client_id}/low-balance")
async def set_low_balance(
    request: Request, actor: Op, client_id: str, body: s.LowBalance
) -> s.LowBalanceSet:
    """Set or clear the threshold below which the client gets a `balance.low` webhook."""
    await client_ops.set_low_balance(rt_of(request), actor, client_id, body.amount)
    return s.LowBalanceSet(clientId=client_id.lower(), lowBalance=body.amount)


@router.post("/clients/{client_id}/webhook-secret")
async def webhook_secret(request: Request, actor: Op, client_id: str) -> SecretRotated:
    """Rotate the webhook signing secret (the old one co-signs for 24 h)."""
    out = await client_ops.rotate_webhook_secret(rt_of(request), actor, client_id)
    return SecretRotated.of(out)


@router.get("/audit")
async def audit_log(
    request: Request,
    _: Op,
    actor: str | None = None,
    action: str | None = None,
    target: str | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> list[s.AuditEntryOut]:
    """Who changed what, when, before and after; newest first."""
    async with rt_of(request).db.read() as conn:
        entries = await audit.list_entries(
            conn, actor=actor, action=action, target=target, limit=limit, offset=offset
        )
    return [s.AuditEntryOut.of(e) for e in entries]
