"""Carrier-grade supply: supplier orders (outbox), supplier stock, SMPP parts.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}")
    )


def upgrade() -> None:
    op.add_column("sources", sa.Column("supply_due_at", sa.BigInteger(), nullable=True))
    op.create_table(
        "supplier_orders",
        sa.Column("id", BigId, autoincrement=True, nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("order_key", sa.String(length=64), nullable=False),
        sa.Column("client_id", sa.String(length=36), nullable=False),
        sa.Column("country_id", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("activation_id", BigId, nullable=True),
        sa.Column("phone", sa.BigInteger(), nullable=True),
        sa.Column("external_id", sa.String(length=100), nullable=True),
        sa.Column("cost", sa.String(length=32), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.Column("sms_count", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("attempts", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("next_attempt_at", sa.BigInteger(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("finished_at", sa.BigInteger(), nullable=True),
        _fk("supplier_orders", "activation_id", "activations"),
        _fk("supplier_orders", "country_id", "countries"),
        _fk("supplier_orders", "service_id", "services"),
        _fk("supplier_orders", "source_id", "sources"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supplier_orders")),
        sa.UniqueConstraint("order_key", name=op.f("uq_supplier_orders_order_key")),
    )
    op.create_index(
        "ix_supplier_orders_due",
        "supplier_orders",
        ["next_attempt_at"],
        sqlite_where=sa.text("state <> 'done'"),
        postgresql_where=sa.text("state <> 'done'"),
    )
    op.create_index(
        "ix_supplier_orders_open_activation",
        "supplier_orders",
        ["activation_id"],
        sqlite_where=sa.text("state = 'open'"),
        postgresql_where=sa.text("state = 'open'"),
    )
    op.create_index("ix_supplier_orders_external", "supplier_orders", ["source_id", "external_id"])
    op.create_table(
        "supplier_stock",
        sa.Column("id", BigId, autoincrement=True, nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("country_id", sa.Integer(), nullable=False),
        sa.Column("provider_id", sa.Integer(), nullable=True),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.BigInteger(), nullable=False),
        _fk("supplier_stock", "country_id", "countries"),
        _fk("supplier_stock", "provider_id", "providers"),
        _fk("supplier_stock", "service_id", "services"),
        _fk("supplier_stock", "source_id", "sources"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supplier_stock")),
    )
    op.create_index("ix_supplier_stock_lookup", "supplier_stock", ["country_id", "service_id"])
    op.create_index("ix_supplier_stock_source", "supplier_stock", ["source_id"])
    op.create_table(
        "smpp_parts",
        sa.Column("id", BigId, autoincrement=True, nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("sender", sa.String(length=100), nullable=False),
        sa.Column("receiver", sa.String(length=32), nullable=False),
        sa.Column("ref", sa.Integer(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("data_coding", sa.Integer(), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.Column("received_at", sa.BigInteger(), nullable=False),
        _fk("smpp_parts", "source_id", "sources"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_smpp_parts")),
    )
    op.create_index(
        "ux_smpp_parts_segment",
        "smpp_parts",
        ["source_id", "sender", "receiver", "ref", "total", "seq"],
        unique=True,
    )
    op.create_index("ix_smpp_parts_received", "smpp_parts", ["received_at"])


def downgrade() -> None:
    op.drop_index("ix_smpp_parts_received", table_name="smpp_parts")
    op.drop_index("ux_smpp_parts_segment", table_name="smpp_parts")
    op.drop_table("smpp_parts")
    op.drop_index("ix_supplier_stock_source", table_name="supplier_stock")
    op.drop_index("ix_supplier_stock_lookup", table_name="supplier_stock")
    op.drop_table("supplier_stock")
    op.drop_index("ix_supplier_orders_external", table_name="supplier_orders")
    op.drop_index("ix_supplier_orders_open_activation", table_name="supplier_orders")
    op.drop_index("ix_supplier_orders_due", table_name="supplier_orders")
    op.drop_table("supplier_orders")
    with op.batch_alter_table("sources") as batch:
        batch.drop_column("supply_due_at")
