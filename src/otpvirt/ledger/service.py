"""Balance changes. Each writes the entry and the new balance in the caller's transaction."""

from __future__ import annotations

from dataclasses import dataclass

from otpvirt.db import Conn, IntegrityError
from otpvirt.errors import Conflict, InsufficientBalance, NotFound, ValidationFailed
from otpvirt.events import service as events
from otpvirt.ledger import repository as repo
from otpvirt.ledger.repository import EntryRow
from otpvirt.money import MAX_MINOR, currency, format_amount

CHARGE = "charge"
REFUND = "refund"
TOPUP = "topup"
ADJUSTMENT = "adjustment"
KINDS = (CHARGE, REFUND, TOPUP, ADJUSTMENT)


class BalanceLimit(ValidationFailed):
    """A top-up or adjustment would take the balance past its currency's maximum."""

    reason = "balance_limit"


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
    rental_id: int | None = None,
) -> None:
    try:
        await repo.append(
            conn, client_id, kind, amount, balance_after, cur, activation_id, note, now, rental_id
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
    rental_id: int | None = None,
    note: str | None = None,
    now: int,
) -> int:
    """Take `amount` from the balance (never below zero); return the new balance."""
    after = await repo.take(conn, client_id, amount)
    if after is None:
        have = await repo.balance(conn, client_id)
        if have is None:
            raise NotFound(f"no client {client_id}", reason="client_not_found")
        c = currency(cur)
        raise InsufficientBalance(
            f"balance {format_amount(have, c)} {cur} is less than {format_amount(amount, c)}"
        )
    await _append(conn, client_id, kind, -amount, after, cur, activation_id, note, now, rental_id)
    await events.balance_changed(conn, client_id, now)
    return after


async def credit(
    conn: Conn,
    client_id: str,
    amount: int,
    cur: str,
    *,
    kind: str = REFUND,
    activation_id: int | None = None,
    rental_id: int | None = None,
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
    after = await repo.add(conn, client_id, amount, limit - amount)
    if after is None:
        have = await repo.balance(conn, client_id)
        if have is None:
            raise NotFound(f"no client {client_id}", reason="client_not_found")
        raise BalanceLimit(
            f"the balance would be {format_amount(int(have) + amount, c)} {cur}: "
            f"at most {format_amount(limit, c)} {cur}"
        )
    await _append(conn, client_id, kind, amount, after, cur, activation_id, note, now, rental_id)
    await events.balance_changed(conn, client_id, now)
    return after


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


async def entries(conn: Conn, client_id: str, *, limit: int = 100) -> list[EntryRow]:
    """The client's newest ledger entries first."""
    return await repo.entries(conn, client_id, limit)


@dataclass(frozen=True, slots=True)
class LedgerProblem:
    """A client whose balance is not its ledger's: a balance that is not the last entry's
    running balance, or a chain of entries whose running balances do not add up."""

    client_id: str
    balance: int | None = None
    last_balance_after: int | None = None
    chain_broken: bool = False


async def mismatched_balances(conn: Conn) -> list[LedgerProblem]:
    """Clients whose balance differs from the sum of their ledger (should be none)."""
    broken = await repo.broken_chains(conn)
    rows = await repo.balances_not_last(conn)
    out = [LedgerProblem(r.client_id, r.balance, r.last_balance_after) for r in rows]
    return out + [LedgerProblem(c, chain_broken=True) for c in broken]
