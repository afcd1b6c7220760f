"""Webhooks: per-client URL, secret and format; the delivery outbox and its attempts.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("clients") as batch:
        batch.add_column(sa.Column("webhook_url", sa.String(length=2000), nullable=True))
        batch.add_column(sa.Column("webhook_secret", sa.String(length=100), nullable=True))
        batch.add_column(
            sa.Column(
                "webhook_format",
                sa.String(length=16),
                server_default=sa.text("'native'"),
                nullable=False,
            )
        )
        batch.add_column(sa.Column("webhook_previous_secret", sa.String(length=100), nullable=True))
        batch.add_column(sa.Column("webhook_previous_until", sa.BigInteger(), nullable=True))
    op.create_table(
        "webhook_deliveries",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("message_id", sa.String(length=40), nullable=False),
        sa.Column("client_id", sa.String(length=36), nullable=False),
        sa.Column("activation_id", BIG_ID, nullable=False),
        sa.Column("sms_id", BIG_ID, nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("next_attempt_at", sa.BigInteger(), nullable=False),
        sa.Column("claimed_until", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("last_attempt_at", sa.BigInteger(), nullable=True),
        sa.Column("delivered_at", sa.BigInteger(), nullable=True),
        sa.Column("last_status", sa.Integer(), nullable=True),
        sa.Column("last_error", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_webhook_deliveries_client_id_clients")
        ),
        sa.ForeignKeyConstraint(
            ["activation_id"],
            ["activations.id"],
            name=op.f("fk_webhook_deliveries_activation_id_activations"),
        ),
        sa.ForeignKeyConstraint(
            ["sms_id"], ["sms_messages.id"], name=op.f("fk_webhook_deliveries_sms_id_sms_messages")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_webhook_deliveries")),
        sa.UniqueConstraint("message_id", name=op.f("uq_webhook_deliveries_message_id")),
        sa.UniqueConstraint("sms_id", name=op.f("uq_webhook_deliveries_sms_id")),
    )
    op.create_index(
        "ix_webhook_deliveries_due",
        "webhook_deliveries",
        ["next_attempt_at"],
        sqlite_where=sa.text("state = 'pending'"),
        postgresql_where=sa.text("state = 'pending'"),
    )
    op.create_index(
        "ix_webhook_deliveries_activation", "webhook_deliveries", ["activation_id", "id"]
    )
    op.create_index("ix_webhook_deliveries_client", "webhook_deliveries", ["client_id", "id"])
    op.create_table(
        "webhook_attempts",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("delivery_id", BIG_ID, nullable=False),
        sa.Column("attempted_at", sa.BigInteger(), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("error", sa.String(length=500), nullable=True),
        sa.Column("duration_ms", sa.Integer(), nullable=False),
        sa.Column("response_snippet", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["delivery_id"],
            ["webhook_deliveries.id"],
            name=op.f("fk_webhook_attempts_delivery_id_webhook_deliveries"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_webhook_attempts")),
    )
    op.create_index("ix_webhook_attempts_delivery", "webhook_attempts", ["delivery_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_webhook_attempts_delivery", table_name="webhook_attempts")
    op.drop_table("webhook_attempts")
    op.drop_index("ix_webhook_deliveries_client", table_name="webhook_deliveries")
    op.drop_index("ix_webhook_deliveries_activation", table_name="webhook_deliveries")
    op.drop_index("ix_webhook_deliveries_due", table_name="webhook_deliveries")
    op.drop_table("webhook_deliveries")
    with op.batch_alter_table("clients") as batch:
        batch.drop_column("webhook_previous_until")
        batch.drop_column("webhook_previous_secret")
        batch.drop_column("webhook_format")
        batch.drop_column("webhook_secret")
        batch.drop_column("webhook_url")
