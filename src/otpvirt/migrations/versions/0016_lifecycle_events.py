"""Lifecycle webhooks: event subscriptions, the low-balance threshold, event deliveries.

Revision ID: 0016
Revises: 0014
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("clients") as batch_op:
        batch_op.add_column(
            sa.Column(
                "webhook_events", sa.String(200), nullable=False, server_default=sa.text("'sms'")
            )
        )
        batch_op.add_column(sa.Column("low_balance", sa.BigInteger(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "low_balance_alerted", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )
    with op.batch_alter_table("webhook_deliveries") as batch_op:
        batch_op.add_column(
            sa.Column("event", sa.String(32), nullable=False, server_default=sa.text("'sms'"))
        )
        batch_op.alter_column("activation_id", existing_type=BIG_ID, nullable=True)
        batch_op.alter_column("sms_id", existing_type=BIG_ID, nullable=True)


def downgrade() -> None:
    op.execute(
        "DELETE FROM webhook_attempts WHERE delivery_id IN "
        "(SELECT id FROM webhook_deliveries WHERE event <> 'sms')"
    )
    op.execute("DELETE FROM webhook_deliveries WHERE event <> 'sms'")
    with op.batch_alter_table("webhook_deliveries") as batch_op:
        batch_op.alter_column("sms_id", existing_type=BIG_ID, nullable=False)
        batch_op.alter_column("activation_id", existing_type=BIG_ID, nullable=False)
        batch_op.drop_column("event")
    with op.batch_alter_table("clients") as batch_op:
        batch_op.drop_column("low_balance_alerted")
        batch_op.drop_column("low_balance")
        batch_op.drop_column("webhook_events")
