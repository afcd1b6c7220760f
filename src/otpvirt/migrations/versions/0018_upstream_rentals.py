"""Rentals taken from upstream sms-activate providers and resold as ours.

Revision ID: 0018
Revises: 0017
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPEN = "state <> 'done'"


def upgrade() -> None:
    op.create_table(
        "upstream_rentals",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("rental_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("external_id", sa.String(length=100), nullable=False),
        sa.Column("phone", sa.BigInteger(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("due_at", sa.BigInteger(), nullable=True),
        sa.Column("attempts", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("finished_at", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_upstream_rentals_source_id_sources")
        ),
        sa.ForeignKeyConstraint(
            ["rental_id"], ["rentals.id"], name=op.f("fk_upstream_rentals_rental_id_rentals")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_upstream_rentals")),
        sa.UniqueConstraint("rental_id", name=op.f("uq_upstream_rentals_rental_id")),
    )
    op.create_index(
        "ix_upstream_rentals_due",
        "upstream_rentals",
        ["due_at"],
        sqlite_where=sa.text(OPEN),
        postgresql_where=sa.text(OPEN),
    )
    op.create_index(
        "ix_upstream_rentals_external", "upstream_rentals", ["source_id", "external_id"]
    )


def downgrade() -> None:
    op.drop_index("ix_upstream_rentals_external", table_name="upstream_rentals")
    op.drop_index("ix_upstream_rentals_due", table_name="upstream_rentals")
    op.drop_table("upstream_rentals")
