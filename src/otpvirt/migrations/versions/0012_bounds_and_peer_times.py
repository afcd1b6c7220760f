"""Money within bounds (CHECK constraints); SMS keep a peer's implausible time apart.

Balances, ledger amounts, prices and activation prices stay within +-10**15 minor
units (otpvirt.money.MAX_MINOR), far from the 64-bit limit, so no sum or difference
overflows (prices are also never negative; that a balance is never negative stays
the ledger's rule and the doctor's check). SMS stored with an implausible peer time get the server's receipt time,
and the peer's claim moves to `reported_at` (for display).

Revision ID: 0012
Revises: 0010
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen here (not imported): a migration must not change when the code does.
BOUND = 10**15
AHEAD_MS = 15 * 60_000
BEHIND_MS = 30 * 86_400_000

# (table, constraint name, condition, query listing the rows that break it)
CHECKS = [
    (
        "clients",
        "balance_range",
        f"balance >= -{BOUND} AND balance <= {BOUND}",
        "SELECT id FROM clients",
    ),
    (
        "ledger_entries",
        "amount_range",
        f"amount >= -{BOUND} AND amount <= {BOUND} "
        f"AND balance_after >= -{BOUND} AND balance_after <= {BOUND}",
        "SELECT id FROM ledger_entries",
    ),
    ("prices", "amount_range", f"amount >= 0 AND amount <= {BOUND}", "SELECT id FROM prices"),
    (
        "activations",
        "price_range",
        f"price >= 0 AND price <= {BOUND}",
        "SELECT guid FROM activations",
    ),
]


def _refuse_out_of_range() -> None:
    bind = op.get_bind()
    bad = []
    for table, _, condition, listing in CHECKS:
        rows = bind.execute(sa.text(f"{listing} WHERE NOT ({condition}) LIMIT 5")).fetchall()
        bad += [f"{table} {row[0]}" for row in rows]
    if bad:
        raise RuntimeError(
            "migration 0012 bounds money to +-10**15 minor units, and these rows are outside "
            f"it: {', '.join(bad)}. They are the result of absurd top-ups; correct them "
            "(balance and ledger together) before upgrading."
        )


def upgrade() -> None:
    with op.batch_alter_table("sms_messages") as batch_op:
        batch_op.add_column(sa.Column("reported_at", sa.String(length=64), nullable=True))
    op.execute(
        sa.text(
            "UPDATE sms_messages SET reported_at = CAST(received_at AS TEXT), "
            "received_at = created_at "
            "WHERE received_at > created_at + :ahead OR received_at < created_at - :behind"
        ).bindparams(ahead=AHEAD_MS, behind=BEHIND_MS)
    )
    _refuse_out_of_range()
    for table, name, condition, _ in CHECKS:
        with op.batch_alter_table(table) as batch_op:
            batch_op.create_check_constraint(name, condition)


def downgrade() -> None:
    for table, name, _, _ in reversed(CHECKS):
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_constraint(op.f(f"ck_{table}_{name}"), type_="check")
    with op.batch_alter_table("sms_messages") as batch_op:
        batch_op.drop_column("reported_at")
