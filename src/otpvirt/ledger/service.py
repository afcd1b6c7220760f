"""Balance changes. Each writes the entry and the new balance in the caller's transaction."""

from __future__ import annotations

from typing import Any

from otpvirt.db import Conn, IntegrityError
from otpvirt.errors import Conflict, InsufficientBalance, NotFound, ValidationFailed
from otpvirt.events import service as events
from otpvirt.money import MAX_MINOR, currency, format_amount

CHARGE = "charge"
REFUND = "refund"
TOPUP = "topup"
ADJUSTMENT = "adjustment"
KINDS = (CHARGE, REFUND, TOPUP, ADJUSTMENT)


class BalanceLimit(ValidationFailed):
    """A top-up or adjustment would take the balance past its currency's maximum."""

    reason = "balance_limit"


_INSERT = (
    "INSERT INTO ledger_entries "
    "(client_id, kind, amount, balance_after, currency, activation_id, note, created_at) "
    "VALUES (:client, :kind, :amount, :after, :cur, :act, :note, :now)"
)


async def _append(
    conn: Conn,
    client_id: str,
    kind: str,
    amount: int,
    balance_after: int,
    cur: str,
    activation_id: int | None,
    note: str | None,
    now: int,
) -> None:
    try:
        await conn.execute(
            _INSERT,
            {
                "client": client_id,
                "kind": kind,
                "amount": amount,
                "after": balance_after,
                "cur": cur,
                "act": activation_id,
                "note": note,
                "now": now,
            },
        )
    except IntegrityError:
        # The unique (activation, kind) index: a second charge or refund.
        raise Conflict(f"activation {activation_id} already has a {kind} entry") from None


async def debit(
    conn: Conn,
    client_id: str,
    amount: int,
    cur: str,
    *,
    kind: str = CHARGE,
    activation_id: int | None = None,
    note: str | None = None,
    now: int,
) -> int:
    """Take `amount` from the balance (never below zero); return the new balance."""
    after = await conn.fetchval(
        "UPDATE clients SET balance = balance - :a WHERE id = :c AND balance >= :a "
        "RETURNING balance",
        {"a": amount, "c": client_id},
    )
    if after is None:
        have = await conn.fetchval("SELECT balance FROM clients WHERE id = :c", {"c": client_id})
        if have is None:
            raise NotFound(f"no client {client_id}", reason="client_not_found")
        c = currency(cur)
        raise InsufficientBalance(
            f"balance {format_amount(have, c)} {cur} is less than {format_amount(amount, c)}"
        )
    await _append(conn, client_id, kind, -amount, after, cur, activation_id, note, now)
    await events.balance_changed(conn, client_id, now)
    return int(after)


async def credit(
    conn: Conn,
    client_id: str,
    amount: int,
    cur: str,
    *,
    kind: str = REFUND,
    activation_id: int | None = None,
    note: str | None = None,
    now: int,
) -> int:
    """Add `amount` to the balance; return the new balance.

    An operator's money (top-up, adjustment) stops at the currency's maximum
    balance; a refund only at the schema's bound, since it gives back what was
    charged and may not fail for a balance topped up meanwhile.
    """
    c = currency(cur)
    limit = MAX_MINOR if kind in (REFUND, CHARGE) else c.max_minor
    # Written as a subtraction from the limit, so the test itself cannot overflow.
    after = await conn.fetchval(
        "UPDATE clients SET balance = balance + :a WHERE id = :c AND balance <= :room "
        "RETURNING balance",
        {"a": amount, "c": client_id, "room": limit - amount},
    )
    if after is None:
        have = await conn.fetchval("SELECT balance FROM clients WHERE id = :c", {"c": client_id})
        if have is None:
            raise NotFound(f"no client {client_id}", reason="client_not_found")
        raise BalanceLimit(
            f"the balance would be {format_amount(int(have) + amount, c)} {cur}: "
            f"at most {format_amount(limit, c)} {cur}"
        )
    await _append(conn, client_id, kind, amount, after, cur, activation_id, note, now)
    await events.balance_changed(conn, client_id, now)
    return int(after)


async def adjust(
    conn: Conn, client_id: str, amount: int, cur: str, *, kind: str, note: str | None, now: int
) -> int:
    """An operator's top-up (positive) or correction (either sign)."""
    if kind not in (TOPUP, ADJUSTMENT):
        raise ValidationFailed(f"kind must be topup or adjustment, not {kind!r}")
    if amount == 0:
        raise ValidationFailed("amount must not be zero", reason="bad_amount")
    if kind == TOPUP and amount < 0:
        raise ValidationFailed("a top-up must be positive; use an adjustment", reason="bad_amount")
    if amount > 0:
        return await credit(conn, client_id, amount, cur, kind=kind, note=note, now=now)
    return await debit(conn, client_id, -amount, cur, kind=kind, note=note, now=now)


async def entries(conn: Conn, client_id: str, *, limit: int = 100) -> list[dict[str, Any]]:
    """The client's newest ledger entries first."""
    rows = await conn.fetchall(
        "SELECT e.id, e.kind, e.amount, e.balance_after, e.currency, a.guid, e.note, "
        "e.created_at FROM ledger_entries e LEFT JOIN activations a ON a.id = e.activation_id "
        "WHERE e.client_id = :c ORDER BY e.id DESC LIMIT :lim",
        {"c": client_id, "lim": limit},
    )
    out = []
    for r in rows:
        c = currency(r[4])
        out.append(
            {
                "id": r[0],
                "kind": r[1],
                "amount": format_amount(r[2], c),
                "balanceAfter": format_amount(r[3], c),
                "currency": r[4],
                "activationId": r[5],
                "note": r[6],
                "createdAt": r[7],
            }
        )
    return out


# A balance equals the sum of its ledger exactly when each entry's balance_after is
# the previous one's plus its amount and the balance is the last balance_after:
# checked pairwise, so no SUM can overflow however large (or broken) the figures.
BROKEN_CHAIN = (
    "SELECT client_id, id, amount, balance_after, prev FROM (SELECT e.client_id, e.id, "
    "e.amount, e.balance_after, LAG(e.balance_after, 1, 0) OVER "
    "(PARTITION BY e.client_id ORDER BY e.id) AS prev FROM ledger_entries e) chain "
    "WHERE CAST(balance_after AS NUMERIC) - amount <> prev"
)
BALANCE_NOT_LAST = (
    "SELECT c.id, c.balance, e.balance_after FROM clients c LEFT JOIN ledger_entries e "
    "ON e.id = (SELECT MAX(l.id) FROM ledger_entries l WHERE l.client_id = c.id) "
    "WHERE c.balance <> COALESCE(e.balance_after, 0)"
)


async def mismatched_balances(conn: Conn) -> list[dict[str, Any]]:
    """Clients whose balance differs from the sum of their ledger (should be none)."""
    broken = {r[0] for r in await conn.fetchall(BROKEN_CHAIN)}
    rows = await conn.fetchall(BALANCE_NOT_LAST)
    out = [{"clientId": r[0], "balance": r[1], "lastBalanceAfter": r[2]} for r in rows]
    return out + [{"clientId": c, "ledgerChain": "broken"} for c in sorted(broken)]
