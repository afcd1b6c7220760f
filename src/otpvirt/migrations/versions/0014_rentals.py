"""Number rentals: rent prices, rentals, and a number held by an activation or a rental.

A rented number carries `numbers.rental_id`; a CHECK keeps it from also holding an
activation, and the picking indexes leave rented numbers out. SMS and ledger
entries name the rental they belong to.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen here (not imported): a migration must not change when the code does.
BOUND = 10**15
MAX_HOURS = 1344
OLD_PICKABLE = "enabled AND source_online AND active_activation_id IS NULL"
NEW_PICKABLE = OLD_PICKABLE + " AND rental_id IS NULL"
PICK_INDEXES = {
    "ix_numbers_pick_country": ["country_id", "free_since"],
    "ix_numbers_pick_provider": ["country_id", "provider_id", "free_since"],
}
ACTIVE = "state = 'active'"


def _pick_indexes(predicate: str) -> None:
    for name, columns in PICK_INDEXES.items():
        op.create_index(
            name,
            "numbers",
            columns,
            sqlite_where=sa.text(predicate),
            postgresql_where=sa.text(predicate),
        )


def upgrade() -> None:
    op.create_table(
        "rent_prices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("country_id", sa.Integer(), nullable=False),
        sa.Column("service_code", sa.String(length=36), nullable=False),
        sa.Column("currency", sa.String(length=8), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.BigInteger(), nullable=False),
        sa.CheckConstraint(
            f"amount >= 0 AND amount <= {BOUND}", name=op.f("ck_rent_prices_amount_range")
        ),
        sa.ForeignKeyConstraint(
            ["country_id"], ["countries.id"], name=op.f("fk_rent_prices_country_id_countries")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rent_prices")),
        sa.UniqueConstraint(
            "country_id",
            "service_code",
            "currency",
            name=op.f("uq_rent_prices_country_id_service_code_currency"),
        ),
    )
    op.create_table(
        "rentals",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("guid", sa.String(length=36), nullable=False),
        sa.Column("client_id", sa.String(length=36), nullable=False),
        sa.Column(
            "number_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("phone", sa.BigInteger(), nullable=False),
        sa.Column("country_id", sa.Integer(), nullable=False),
        sa.Column("provider_id", sa.Integer(), nullable=False),
        sa.Column("service_code", sa.String(length=36), nullable=False),
        sa.Column("currency", sa.String(length=8), nullable=False),
        sa.Column("hourly_price", sa.BigInteger(), nullable=False),
        sa.Column("hours", sa.Integer(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("sms_count", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("ends_at", sa.BigInteger(), nullable=False),
        sa.Column("finished_at", sa.BigInteger(), nullable=True),
        sa.Column("url", sa.String(length=2000), nullable=True),
        sa.CheckConstraint(
            f"amount >= 0 AND amount <= {BOUND}", name=op.f("ck_rentals_amount_range")
        ),
        sa.CheckConstraint(
            f"hours >= 1 AND hours <= {MAX_HOURS}", name=op.f("ck_rentals_hours_range")
        ),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_rentals_client_id_clients")
        ),
        sa.ForeignKeyConstraint(
            ["number_id"], ["numbers.id"], name=op.f("fk_rentals_number_id_numbers")
        ),
        sa.ForeignKeyConstraint(
            ["country_id"], ["countries.id"], name=op.f("fk_rentals_country_id_countries")
        ),
        sa.ForeignKeyConstraint(
            ["provider_id"], ["providers.id"], name=op.f("fk_rentals_provider_id_providers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rentals")),
        sa.UniqueConstraint("guid", name=op.f("uq_rentals_guid")),
    )
    op.create_index("ix_rentals_client", "rentals", ["client_id", "id"])
    op.create_index(
        "ix_rentals_due",
        "rentals",
        ["ends_at"],
        sqlite_where=sa.text(ACTIVE),
        postgresql_where=sa.text(ACTIVE),
    )
    op.create_index(
        "ux_rentals_live_number",
        "rentals",
        ["number_id"],
        unique=True,
        sqlite_where=sa.text(ACTIVE),
        postgresql_where=sa.text(ACTIVE),
    )
    for name in PICK_INDEXES:
        op.drop_index(name, table_name="numbers")
    with op.batch_alter_table("numbers") as batch_op:
        batch_op.add_column(sa.Column("rental_id", sa.BigInteger(), nullable=True))
        batch_op.create_check_constraint(
            "one_holder", "rental_id IS NULL OR active_activation_id IS NULL"
        )
    _pick_indexes(NEW_PICKABLE)
    with op.batch_alter_table("sms_messages") as batch_op:
        batch_op.add_column(sa.Column("rental_id", sa.BigInteger(), nullable=True))
    op.create_index(
        "ix_sms_messages_rental",
        "sms_messages",
        ["rental_id", "id"],
        sqlite_where=sa.text("rental_id IS NOT NULL"),
        postgresql_where=sa.text("rental_id IS NOT NULL"),
    )
    with op.batch_alter_table("ledger_entries") as batch_op:
        batch_op.add_column(sa.Column("rental_id", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("ledger_entries") as batch_op:
        batch_op.drop_column("rental_id")
    op.drop_index("ix_sms_messages_rental", table_name="sms_messages")
    with op.batch_alter_table("sms_messages") as batch_op:
        batch_op.drop_column("rental_id")
    for name in PICK_INDEXES:
        op.drop_index(name, table_name="numbers")
    with op.batch_alter_table("numbers") as batch_op:
        batch_op.drop_constraint(op.f("ck_numbers_one_holder"), type_="check")
        batch_op.drop_column("rental_id")
    _pick_indexes(OLD_PICKABLE)
    op.drop_index("ux_rentals_live_number", table_name="rentals")
    op.drop_index("ix_rentals_due", table_name="rentals")
    op.drop_index("ix_rentals_client", table_name="rentals")
    op.drop_table("rentals")
    op.drop_table("rent_prices")
