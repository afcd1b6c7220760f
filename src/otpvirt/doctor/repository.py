"""The invariants' SQL: each check is one query that must return no rows."""

from __future__ import annotations

from dataclasses import dataclass

from otpvirt.db import Conn
from otpvirt.ledger.repository import BALANCE_NOT_LAST, BROKEN_CHAIN
from otpvirt.money import MAX_MINOR

LIVE = "('waiting', 'sms_received')"
# Bundles (one number for several services) came with migration 0020.
BUNDLES = "activations.bundle_id"
# Activations a and b of one number were live at the same moment.
_OVERLAP = (
    "b.created_at < COALESCE(a.finished_at, b.created_at + 1) "
    "AND a.created_at < COALESCE(b.finished_at, a.created_at + 1)"
)


@dataclass(frozen=True)
class Check:
    """One invariant: a description and the query listing its violations."""

    name: str
    description: str
    sql: str
    # A table (or `table.column`) the check reads that older schemas lack (the doctor
    # runs on those too): there the check runs `before`, or is skipped without one.
    needs: str | None = None
    before: str | None = None


CHECKS: list[Check] = [
    # These two prove balance = SUM(amount) without a SUM, which overflows on SQLite
    # ("integer overflow", no report) when the figures are absurd.
    Check(
        "balance_equals_ledger",
        "every client's balance equals the sum of its ledger entries (its last running balance)",
        BALANCE_NOT_LAST,
    ),
    Check(
        "ledger_chain",
        "each ledger entry's running balance is the previous one plus its amount",
        BROKEN_CHAIN,
    ),
    Check(
        "amounts_within_bounds",
        f"balances, ledger amounts and prices are within +-{MAX_MINOR} minor units",
        f"SELECT 'client', id, balance FROM clients WHERE balance < -{MAX_MINOR} "
        f"OR balance > {MAX_MINOR} "
        "UNION ALL SELECT 'ledger', CAST(id AS TEXT), amount FROM ledger_entries "
        f"WHERE amount < -{MAX_MINOR} OR amount > {MAX_MINOR} OR balance_after < -{MAX_MINOR} "
        f"OR balance_after > {MAX_MINOR} "
        "UNION ALL SELECT 'activation', guid, price FROM activations "
        f"WHERE price < 0 OR price > {MAX_MINOR} "
        "UNION ALL SELECT 'price', CAST(id AS TEXT), amount FROM prices "
        f"WHERE amount < 0 OR amount > {MAX_MINOR}",
    ),
    Check(
        "no_negative_balance",
        "no balance is below zero",
        "SELECT id, balance FROM clients WHERE balance < 0",
    ),
    Check(
        "one_live_lease_per_number",
        "a number has at most one live lease",
        # The activations of one bundle (one number, several services) are one lease.
        f"SELECT number_id, COUNT(*) FROM activations WHERE state IN {LIVE} "
        "GROUP BY number_id HAVING COUNT(DISTINCT COALESCE(bundle_id, -id)) > 1",
        needs=BUNDLES,
        before=f"SELECT number_id, COUNT(*) FROM activations WHERE state IN {LIVE} "
        "GROUP BY number_id HAVING COUNT(*) > 1",
    ),
    Check(
        "no_overlapping_leases",
        "no number was ever leased twice at the same time",
        "SELECT a.guid, b.guid FROM activations a JOIN activations b "
        "ON b.number_id = a.number_id AND b.id > a.id "
        f"WHERE {_OVERLAP} AND (a.bundle_id IS NULL OR b.bundle_id IS NULL "
        "OR a.bundle_id <> b.bundle_id)",
        needs=BUNDLES,
        before="SELECT a.guid, b.guid FROM activations a JOIN activations b "
        f"ON b.number_id = a.number_id AND b.id > a.id WHERE {_OVERLAP}",
    ),
    Check(
        "bundle_holds_number_alone",
        "a number leased for several services at once was leased to no one else meanwhile, "
        "and a bundle's activations share its first one's client and number",
        "SELECT a.guid, b.guid FROM activations a JOIN activations b "
        "ON b.number_id = a.number_id AND b.id <> a.id "
        f"WHERE a.bundle_id IS NOT NULL AND {_OVERLAP} "
        "AND (b.bundle_id IS NULL OR b.bundle_id <> a.bundle_id) "
        "UNION ALL SELECT m.guid, h.guid FROM activations m JOIN activations h "
        "ON h.id = m.bundle_id WHERE h.bundle_id <> h.id OR h.client_id <> m.client_id "
        "OR h.number_id <> m.number_id OR h.created_at <> m.created_at",
        needs=BUNDLES,
    ),
    Check(
        "reuse_only_by_its_client",
        "once a number got an SMS for a service, only that client leased it for that service again",
        "SELECT a.guid, b.guid FROM activations a JOIN activations b "
        "ON b.number_id = a.number_id AND b.service_id = a.service_id AND b.id > a.id "
        "WHERE a.sms_count > 0 AND b.client_id <> a.client_id",
    ),
    Check(
        "number_points_to_its_live_lease",
        "a number marked as held is held by a live lease of that number",
        "SELECT n.phone, n.active_activation_id, a.state FROM numbers n "
        "LEFT JOIN activations a ON a.id = n.active_activation_id "
        "WHERE n.active_activation_id IS NOT NULL "
        f"AND (a.id IS NULL OR a.number_id <> n.id OR a.state NOT IN {LIVE})",
    ),
    Check(
        "live_lease_holds_its_number",
        "every live lease holds its number",
        # A bundle's number is held by one of its live activations.
        "SELECT a.guid, a.number_id FROM activations a JOIN numbers n ON n.id = a.number_id "
        "LEFT JOIN activations h ON h.id = n.active_activation_id "
        f"WHERE a.state IN {LIVE} AND (h.id IS NULL OR (h.id <> a.id "
        "AND (a.bundle_id IS NULL OR h.bundle_id IS NULL OR h.bundle_id <> a.bundle_id)))",
        needs=BUNDLES,
        before="SELECT a.guid, a.number_id FROM activations a JOIN numbers n "
        f"ON n.id = a.number_id WHERE a.state IN {LIVE} AND (n.active_activation_id IS NULL "
        "OR n.active_activation_id <> a.id)",
    ),
    Check(
        "sms_count_matches",
        "an activation's SMS count equals its stored SMS",
        "SELECT a.guid, a.sms_count, COUNT(m.id) FROM activations a "
        "LEFT JOIN sms_messages m ON m.activation_id = a.id GROUP BY a.id, a.guid, a.sms_count "
        "HAVING a.sms_count <> COUNT(m.id)",
    ),
    Check(
        "state_agrees_with_sms",
        "waiting/cancelled/expired activations have no SMS; sms_received ones have some",
        "SELECT guid, state, sms_count FROM activations WHERE "
        "(state IN ('waiting', 'cancelled', 'expired') AND sms_count > 0) "
        "OR (state = 'sms_received' AND sms_count = 0)",
    ),
    Check(
        "one_charge_per_activation",
        "every activation is charged exactly once, at its price",
        "SELECT a.guid, COUNT(e.id), MIN(e.amount) FROM activations a "
        "LEFT JOIN ledger_entries e ON e.activation_id = a.id AND e.kind = 'charge' "
        "GROUP BY a.id, a.guid, a.price HAVING COUNT(e.id) <> 1 OR MIN(e.amount) <> -a.price",
    ),
    Check(
        "refunds_match_state",
        "cancelled and expired activations are refunded once in full; no other is refunded",
        # MIN, not SUM: with one entry it is the amount, and it cannot overflow.
        "SELECT a.guid, a.state, COUNT(e.id), MIN(e.amount) FROM activations a "
        "LEFT JOIN ledger_entries e ON e.activation_id = a.id AND e.kind = 'refund' "
        "GROUP BY a.id, a.guid, a.state, a.price HAVING "
        "(a.state IN ('cancelled', 'expired') AND (COUNT(e.id) <> 1 OR MIN(e.amount) <> a.price)) "
        "OR (a.state NOT IN ('cancelled', 'expired') AND COUNT(e.id) <> 0)",
    ),
    Check(
        "sms_used_number_not_reoffered",
        "a number that got an SMS for a service is marked as used for that service",
        "SELECT DISTINCT a.number_id, a.service_id FROM activations a "
        "JOIN sms_messages m ON m.activation_id = a.id WHERE NOT EXISTS ("
        "SELECT 1 FROM number_services ns WHERE ns.number_id = a.number_id "
        "AND ns.service_id = a.service_id)",
    ),
    Check(
        "routed_sms_has_webhook",
        "every SMS routed to a client with a webhook URL has its delivery queued",
        "SELECT m.guid FROM sms_messages m JOIN activations a ON a.id = m.activation_id "
        "JOIN clients c ON c.id = a.client_id WHERE c.webhook_url IS NOT NULL "
        # A few seconds' grace: an SMS racing the URL being set may not have seen it.
        "AND m.created_at >= c.webhook_since + 5000 "
        "AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.sms_id = m.id)",
    ),
    Check(
        "number_availability_follows_source",
        "a number is available only while its source is enabled and online",
        "SELECT n.phone FROM numbers n JOIN sources s ON s.id = n.source_id "
        "WHERE (n.source_online AND NOT (s.enabled AND s.online)) "
        "OR (NOT n.source_online AND s.enabled AND s.online)",
    ),
    # Rentals (migration 0014): a number is held by an activation or a rental, never
    # both (also a CHECK on numbers), and a rental's money is exactly its ledger.
    Check(
        "rented_numbers_held",
        "a rented number belongs to a live rental, and a live rental holds its number alone",
        "SELECT n.phone, n.rental_id, r.state FROM numbers n LEFT JOIN rentals r "
        "ON r.id = n.rental_id WHERE n.rental_id IS NOT NULL "
        "AND (r.id IS NULL OR r.state <> 'active' OR n.active_activation_id IS NOT NULL) "
        "UNION ALL SELECT n.phone, n.rental_id, r.state FROM rentals r "
        "JOIN numbers n ON n.id = r.number_id WHERE r.state = 'active' "
        "AND (n.rental_id IS NULL OR n.rental_id <> r.id)",
        needs="rentals",
    ),
    Check(
        "rental_not_in_activation",
        "no number is in a live activation while it is rented",
        f"SELECT r.guid, a.guid FROM rentals r JOIN activations a ON a.number_id = r.number_id "
        f"WHERE r.state = 'active' AND a.state IN {LIVE}",
        needs="rentals",
    ),
    Check(
        "rental_charged_as_ledger",
        "a rental's amount is what the ledger charged for it (and refunded in full if cancelled)",
        "SELECT r.guid, r.amount, r.state FROM rentals r WHERE r.amount <> "
        "(SELECT COALESCE(-SUM(e.amount), 0) FROM ledger_entries e "
        "WHERE e.rental_id = r.id AND e.kind = 'charge') "
        "OR (SELECT COALESCE(SUM(e.amount), 0) FROM ledger_entries e "
        "WHERE e.rental_id = r.id AND e.kind = 'refund') <> "
        "CASE WHEN r.state = 'cancelled' THEN r.amount ELSE 0 END",
        needs="rentals",
    ),
    Check(
        "rental_sms_has_webhooks",
        "every SMS of a rental is queued for the client's URL (when set) and the rental's url",
        "SELECT m.guid, r.guid FROM sms_messages m JOIN rentals r ON r.id = m.rental_id "
        "JOIN clients c ON c.id = r.client_id WHERE (c.webhook_url IS NOT NULL "
        "AND m.created_at >= c.webhook_since + 5000 AND NOT EXISTS (SELECT 1 FROM "
        "webhook_deliveries d WHERE d.sms_id = m.id AND d.target = 'client')) "
        "OR (r.url IS NOT NULL AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d "
        "WHERE d.sms_id = m.id AND d.target = 'rental'))",
        needs="rentals",
    ),
]


async def violations(conn: Conn, check: Check) -> list[list[object]]:
    """The rows violating a check, each the (opaque) values of the columns it names."""
    sql: str | None = check.sql
    if check.needs is not None and not await _has(conn, check.needs):
        sql = check.before
    return [] if sql is None else [list(row) for row in await conn.fetchall(sql)]


async def _has(conn: Conn, needs: str) -> bool:
    table, _, column = needs.partition(".")
    if column and conn.dialect == "sqlite":
        sql = "SELECT 1 FROM pragma_table_info(:t) WHERE name = :c"
    elif column:
        sql = "SELECT 1 FROM information_schema.columns WHERE table_name = :t AND column_name = :c"
    elif conn.dialect == "sqlite":
        sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :t"
    else:
        sql = "SELECT 1 FROM information_schema.tables WHERE table_name = :t"
    params = {"t": table, "c": column} if column else {"t": table}
    return await conn.fetchval(sql, params) is not None
