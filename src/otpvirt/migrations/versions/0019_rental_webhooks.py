"""Rental webhooks: deliveries of a rental (to the client's URL or the rental's own `url`)
and the due time of a rental's `rent.ending` notice.

An SMS of a rental may have two deliveries (`target` `client` and `rental`), so the
one-delivery-per-SMS rule becomes one per (SMS, target). `rentals.ending_at` is when the
worker sends `rent.ending` (NULL once sent); an extension re-arms it.

Revision ID: 0019
Revises: 0018
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
# Frozen here: the lead of rent.ending (API-extensions §6: one hour before the end).
LEAD_MS = 3_600_000
ENDING = "state = 'active' AND ending_at IS NOT NULL"


def upgrade() -> None:
    with op.batch_alter_table("webhook_deliveries") as batch_op:
        batch_op.add_column(sa.Column("rental_id", BIG_ID, nullable=True))
        batch_op.add_column(sa.Column("url", sa.String(2000), nullable=True))
        batch_op.add_column(
            sa.Column("target", sa.String(8), nullable=False, server_default=sa.text("'client'"))
        )
        batch_op.create_foreign_key(
            op.f("fk_webhook_deliveries_rental_id_rentals"), "rentals", ["rental_id"], ["id"]
        )
        batch_op.drop_constraint(op.f("uq_webhook_deliveries_sms_id"), type_="unique")
        batch_op.create_unique_constraint(
            op.f("uq_webhook_deliveries_sms_id_target"), ["sms_id", "target"]
        )
    op.create_index("ix_webhook_deliveries_rental_id_id", "webhook_deliveries", ["rental_id", "id"])
    with op.batch_alter_table("rentals") as batch_op:
        batch_op.add_column(sa.Column("ending_at", sa.BigInteger(), nullable=True))
    # Live rentals get their notice too (at once when their last hour has begun).
    op.execute(f"UPDATE rentals SET ending_at = ends_at - {LEAD_MS} WHERE state = 'active'")
    op.create_index(
        "ix_rentals_ending",
        "rentals",
        ["ending_at"],
        sqlite_where=sa.text(ENDING),
        postgresql_where=sa.text(ENDING),
    )


def downgrade() -> None:
    op.drop_index("ix_rentals_ending", table_name="rentals")
    with op.batch_alter_table("rentals") as batch_op:
        batch_op.drop_column("ending_at")
    op.drop_index("ix_webhook_deliveries_rental_id_id", table_name="webhook_deliveries")
    op.execute(
        "DELETE FROM webhook_attempts WHERE delivery_id IN "
        "(SELECT id FROM webhook_deliveries WHERE target <> 'client' OR rental_id IS NOT NULL)"
    )
    op.execute("DELETE FROM webhook_deliveries WHERE target <> 'client' OR rental_id IS NOT NULL")
    with op.batch_alter_table("webhook_deliveries") as batch_op:
        batch_op.drop_constraint(op.f("uq_webhook_deliveries_sms_id_target"), type_="unique")
        batch_op.create_unique_constraint(op.f("uq_webhook_deliveries_sms_id"), ["sms_id"])
        batch_op.drop_constraint(
            op.f("fk_webhook_deliveries_rental_id_rentals"), type_="foreignkey"
        )
        batch_op.drop_column("target")
        batch_op.drop_column("url")
        batch_op.drop_column("rental_id")
