"""The lease rules' SQL on PostgreSQL: GetNumber and CancelActivation as one statement each.

The portable path (`dispatch` on SQLite, `service.cancel`, inside a transaction)
takes 7-8 round trips, and on PostgreSQL the client's balance row stays locked
across all of them and the commit's WAL flush, which serialises a client's calls.
Here the same rules run as one statement of data-modifying CTEs: atomic on its own
(no BEGIN/COMMIT round trips) and holding the row locks for the shortest time.
Each sub-statement depends on the previous one's RETURNING, so either everything
happens or nothing does: no debit without a number, no activation without a debit,
no refund without the state change. Unique violations (a reused orderId) abort the
whole statement. When nothing happened, the caller falls back to the portable path,
which names the precise reason. Both paths are tested on the same behaviour.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from otpvirt.db import POOL, Conn
from otpvirt.inventory.repositories.pool import pickable_window
from otpvirt.ledger.repository import entry_from

# What a cancelled lease tells its supplier (supply.orders.ACTIVATION_OUTCOMES).
CANCELLED_OUTCOME = "cancelled"

NO_LIMIT = 2**62

# The pick reads the window (`pool.pickable_window`) in its free-since order without an
# ORDER BY of its own: with one, the planner sorts the whole window (hash anti join +
# sort, ~0.5 ms); without, a nested loop stops at the first fitting number (~0.07 ms).
_LEASE = """
WITH price AS (
    SELECT amount FROM prices
    WHERE country_id = :country AND service_id = :service AND currency = :cur
), pick AS (
    SELECT numbers.id, numbers.phone, numbers.provider_id,
        GREATEST(CAST(:now AS BIGINT), numbers.free_since) AS start
    FROM {{source}} WHERE {{where}}
    LIMIT 1 FOR UPDATE SKIP LOCKED
), debit AS (
    UPDATE clients SET balance = clients.balance - price.amount FROM price
    WHERE clients.id = :client AND clients.balance >= price.amount AND price.amount <= :max
      AND EXISTS (SELECT 1 FROM pick)
    RETURNING clients.balance, price.amount, (clients.low_balance IS NOT NULL
        AND clients.low_balance_alerted <> (clients.balance < clients.low_balance)) AS crossed
), act AS (
    INSERT INTO activations (guid, client_id, number_id, phone, country_id, provider_id,
        service_id, price, currency, state, sms_count, created_at, expires_at, order_id)
    SELECT CAST(:guid AS TEXT), CAST(:client AS TEXT), pick.id, pick.phone,
        CAST(:country AS INTEGER), pick.provider_id, CAST(:service AS INTEGER), debit.amount,
        CAST(:cur AS TEXT), 'waiting', 0, pick.start, pick.start + CAST(:lease AS BIGINT),
        CAST(:order AS TEXT)
    FROM pick, debit
    RETURNING id, number_id, phone, provider_id, price, created_at
), claim AS (
    UPDATE numbers SET active_activation_id = act.id, lease_count = numbers.lease_count + 1
    FROM act WHERE numbers.id = act.number_id RETURNING numbers.id
), charge AS (
    {charge}
)
SELECT (SELECT amount FROM price), (SELECT id FROM pick), act.id, act.phone,
    act.provider_id, act.price, (SELECT COUNT(*) FROM claim), (SELECT COUNT(*) FROM charge),
    act.created_at, (SELECT crossed FROM debit)
FROM (SELECT 1) AS one LEFT JOIN act ON TRUE
""".format(
    # Every balance change writes its ledger entry through the ledger's own SQL.
    charge=entry_from("charge", "-act.price", "debit.balance", "CAST(:cur AS TEXT)", "act, debit"),
)

_CANCEL = """
WITH act AS (
    UPDATE activations SET state = 'cancelled', finished_at = :now
    WHERE {{key}} AND client_id = :client AND state = 'waiting' AND created_at <= :latest
      AND bundle_id IS NULL{{quiet}}
    RETURNING id, number_id, price, currency
), released AS (
    UPDATE numbers SET active_activation_id = NULL, free_since = :now FROM act
    WHERE numbers.id = act.number_id AND numbers.active_activation_id = act.id
    RETURNING numbers.id
), credit AS (
    UPDATE clients SET balance = clients.balance + act.price FROM act
    WHERE clients.id = :client RETURNING clients.balance
), refund AS (
    {refund}
), supplier AS (
    UPDATE supplier_orders SET state = 'finishing', outcome = :outcome, next_attempt_at = :now
    FROM act WHERE supplier_orders.activation_id = act.id AND supplier_orders.state = 'open'
    RETURNING supplier_orders.id
)
SELECT act.price, (SELECT COUNT(*) FROM released), (SELECT COUNT(*) FROM refund) FROM act
""".format(
    refund=entry_from("refund", "act.price", "credit.balance", "act.currency", "act, credit"),
)


@dataclass(frozen=True, slots=True)
class LeaseOutcome:
    """What the lease statement did in one country.

    No price: not sold there. A price but no number: none fits. A number but no
    activation: the price was above the maximum or the balance too low.
    """

    price: int | None
    number_id: int | None
    activation_id: int | None
    phone: int | None
    provider_id: int | None
    charged: int | None
    claimed: int
    entries: int
    created_at: int | None
    # The new balance is on the other side of the client's low-balance threshold.
    crossed: bool | None


@dataclass(frozen=True, slots=True)
class _Cancelled:
    price: int
    released: int
    refunds: int


async def lease_once(
    conn: Conn,
    *,
    client_id: str,
    currency: str,
    country_id: int,
    provider_id: int | None,
    service_id: int,
    exclude_prefixes: tuple[str, ...],
    max_price: int | None,
    guid: str,
    order_id: str | None,
    now: int,
    lease_ms: int,
) -> LeaseOutcome:
    """Try one country in one statement: pick, debit, record, claim and charge.

    A lease starts no earlier than its number was given back (see `lease_picked`).
    """
    source, where, params = pickable_window(
        country_id=country_id,
        provider_id=provider_id,
        service_id=service_id,
        exclude_prefixes=exclude_prefixes,
    )
    sql = _LEASE.format(source=source, where=where)
    params.update(
        client=client_id,
        cur=currency,
        max=NO_LIMIT if max_price is None else max_price,
        guid=guid,
        order=order_id,
        now=now,
        lease=lease_ms,
    )
    row = await conn.fetch_one_as(LeaseOutcome, sql, params)
    assert row is not None
    if row.activation_id is not None and (row.claimed, row.entries) != (1, 1):
        raise RuntimeError(f"lease statement left claim/charge counts {row.claimed}/{row.entries}")
    if row.activation_id is not None:
        conn.changed(POOL)
    return row


# The cancel applies only when nothing must be written beside it: the client has no
# webhook (no `activation.finished`) and no low-balance threshold (no flag to re-arm).
_QUIET = (
    " AND NOT EXISTS (SELECT 1 FROM clients quiet WHERE quiet.id = :client "
    "AND (quiet.webhook_url IS NOT NULL OR quiet.low_balance IS NOT NULL))"
)


async def cancel_once(
    conn: Conn,
    client_id: str,
    *,
    guid: str | None,
    act_id: int | None,
    latest: int,
    now: int,
    quiet_only: bool = False,
) -> int | None:
    """Cancel and refund a waiting activation; None when it is not (yet) cancellable.

    None for a bundle's activation too: the portable path passes its number on. With
    `quiet_only`, None also for a client whose cancel has events to queue with it.
    """
    key = "guid = :guid" if guid is not None else "id = :act"
    params: dict[str, Any] = {
        "client": client_id,
        "latest": latest,
        "now": now,
        "outcome": CANCELLED_OUTCOME,
    }
    if guid is not None:
        params["guid"] = guid
    else:
        params["act"] = act_id
    sql = _CANCEL.format(key=key, quiet=_QUIET if quiet_only else "")
    row = await conn.fetch_one_as(_Cancelled, sql, params)
    if row is None:
        return None
    if (row.released, row.refunds) != (1, 1):
        raise RuntimeError(
            f"cancel statement left release/refund counts {row.released}/{row.refunds}"
        )
    conn.changed(POOL)
    return int(row.price)
