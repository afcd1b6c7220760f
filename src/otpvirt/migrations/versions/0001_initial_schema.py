"""Initial schema: catalogue, clients and ledger, inventory, activations, SMS.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "clients",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("currency", sa.String(length=8), nullable=False),
        sa.Column("balance", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
        sa.Column("enabled", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clients")),
    )
    op.create_table(
        "countries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("calling_code", sa.Integer(), nullable=False),
        sa.Column("iso2", sa.String(length=2), nullable=True),
        sa.Column("smsactivate_id", sa.Integer(), nullable=True),
        sa.Column("enabled", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_countries")),
        sa.UniqueConstraint("name", name=op.f("uq_countries_name")),
        sa.UniqueConstraint("smsactivate_id", name=op.f("uq_countries_smsactivate_id")),
    )
    op.create_table(
        "services",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("enabled", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_services")),
        sa.UniqueConstraint("code", name=op.f("uq_services_code")),
    )
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("enabled", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("online", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("token_hash", sa.String(length=128), nullable=True),
        sa.Column("config", sa.Text(), nullable=True),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("last_seen_at", sa.BigInteger(), nullable=True),
        sa.Column("last_sms_at", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sources")),
        sa.UniqueConstraint("name", name=op.f("uq_sources_name")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_sources_token_hash")),
    )
    op.create_table(
        "system_values",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_system_values")),
    )
    op.create_table(
        "prices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("country_id", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=8), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["country_id"], ["countries.id"], name=op.f("fk_prices_country_id_countries")
        ),
        sa.ForeignKeyConstraint(
            ["service_id"], ["services.id"], name=op.f("fk_prices_service_id_services")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_prices")),
        sa.UniqueConstraint(
            "country_id",
            "service_id",
            "currency",
            name=op.f("uq_prices_country_id_service_id_currency"),
        ),
    )
    op.create_table(
        "providers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("country_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["country_id"], ["countries.id"], name=op.f("fk_providers_country_id_countries")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_providers")),
        sa.UniqueConstraint("country_id", "name", name=op.f("uq_providers_country_id_name")),
    )
    op.create_table(
        "numbers",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("phone", sa.BigInteger(), nullable=False),
        sa.Column("country_id", sa.Integer(), nullable=False),
        sa.Column("provider_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("enabled", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("source_online", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("active_activation_id", sa.BigInteger(), nullable=True),
        sa.Column("free_since", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("lease_count", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("sms_lease_count", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("last_sms_at", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["country_id"], ["countries.id"], name=op.f("fk_numbers_country_id_countries")
        ),
        sa.ForeignKeyConstraint(
            ["provider_id"], ["providers.id"], name=op.f("fk_numbers_provider_id_providers")
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_numbers_source_id_sources")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_numbers")),
        sa.UniqueConstraint("phone", name=op.f("uq_numbers_phone")),
    )
    with op.batch_alter_table("numbers", schema=None) as batch_op:
        batch_op.create_index(
            "ix_numbers_pick_country",
            ["country_id", "free_since"],
            unique=False,
            sqlite_where=sa.text("enabled AND source_online AND active_activation_id IS NULL"),
            postgresql_where=sa.text("enabled AND source_online AND active_activation_id IS NULL"),
        )
        batch_op.create_index(
            "ix_numbers_pick_provider",
            ["country_id", "provider_id", "free_since"],
            unique=False,
            sqlite_where=sa.text("enabled AND source_online AND active_activation_id IS NULL"),
            postgresql_where=sa.text("enabled AND source_online AND active_activation_id IS NULL"),
        )
        batch_op.create_index("ix_numbers_source", ["source_id"], unique=False)

    op.create_table(
        "activations",
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
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("price", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=8), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("sms_count", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("expires_at", sa.BigInteger(), nullable=False),
        sa.Column("finished_at", sa.BigInteger(), nullable=True),
        sa.Column("order_id", sa.String(length=128), nullable=True),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_activations_client_id_clients")
        ),
        sa.ForeignKeyConstraint(
            ["country_id"], ["countries.id"], name=op.f("fk_activations_country_id_countries")
        ),
        sa.ForeignKeyConstraint(
            ["number_id"], ["numbers.id"], name=op.f("fk_activations_number_id_numbers")
        ),
        sa.ForeignKeyConstraint(
            ["provider_id"], ["providers.id"], name=op.f("fk_activations_provider_id_providers")
        ),
        sa.ForeignKeyConstraint(
            ["service_id"], ["services.id"], name=op.f("fk_activations_service_id_services")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activations")),
        sa.UniqueConstraint("guid", name=op.f("uq_activations_guid")),
    )
    with op.batch_alter_table("activations", schema=None) as batch_op:
        batch_op.create_index("ix_activations_client", ["client_id", "id"], unique=False)
        batch_op.create_index(
            "ix_activations_due",
            ["expires_at"],
            unique=False,
            sqlite_where=sa.text("state IN ('waiting', 'sms_received')"),
            postgresql_where=sa.text("state IN ('waiting', 'sms_received')"),
        )
        batch_op.create_index(
            "ux_activations_client_order",
            ["client_id", "order_id"],
            unique=True,
            sqlite_where=sa.text("order_id IS NOT NULL"),
            postgresql_where=sa.text("order_id IS NOT NULL"),
        )
        batch_op.create_index(
            "ux_activations_live_number",
            ["number_id"],
            unique=True,
            sqlite_where=sa.text("state IN ('waiting', 'sms_received')"),
            postgresql_where=sa.text("state IN ('waiting', 'sms_received')"),
        )

    op.create_table(
        "number_services",
        sa.Column(
            "number_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["number_id"], ["numbers.id"], name=op.f("fk_number_services_number_id_numbers")
        ),
        sa.ForeignKeyConstraint(
            ["service_id"], ["services.id"], name=op.f("fk_number_services_service_id_services")
        ),
        sa.PrimaryKeyConstraint("number_id", "service_id", name=op.f("pk_number_services")),
    )
    op.create_table(
        "ledger_entries",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("client_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("balance_after", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=8), nullable=False),
        sa.Column(
            "activation_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("note", sa.String(length=500), nullable=True),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activation_id"],
            ["activations.id"],
            name=op.f("fk_ledger_entries_activation_id_activations"),
        ),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_ledger_entries_client_id_clients")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_entries")),
    )
    with op.batch_alter_table("ledger_entries", schema=None) as batch_op:
        batch_op.create_index("ix_ledger_entries_client", ["client_id", "id"], unique=False)
        batch_op.create_index(
            "ux_ledger_entries_activation_kind",
            ["activation_id", "kind"],
            unique=True,
            sqlite_where=sa.text("activation_id IS NOT NULL"),
            postgresql_where=sa.text("activation_id IS NOT NULL"),
        )

    op.create_table(
        "sms_messages",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("guid", sa.String(length=36), nullable=False),
        sa.Column(
            "number_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("phone", sa.BigInteger(), nullable=False),
        sa.Column("sender", sa.String(length=100), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("code", sa.String(length=64), server_default=sa.text("('')"), nullable=False),
        sa.Column(
            "activation_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("external_id", sa.String(length=200), nullable=True),
        sa.Column("received_at", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activation_id"],
            ["activations.id"],
            name=op.f("fk_sms_messages_activation_id_activations"),
        ),
        sa.ForeignKeyConstraint(
            ["number_id"], ["numbers.id"], name=op.f("fk_sms_messages_number_id_numbers")
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_sms_messages_source_id_sources")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sms_messages")),
        sa.UniqueConstraint("guid", name=op.f("uq_sms_messages_guid")),
    )
    with op.batch_alter_table("sms_messages", schema=None) as batch_op:
        batch_op.create_index("ix_sms_messages_activation", ["activation_id", "id"], unique=False)
        batch_op.create_index(
            "ix_sms_messages_number_time", ["number_id", "received_at"], unique=False
        )
        batch_op.create_index(
            "ix_sms_messages_unrouted",
            ["id"],
            unique=False,
            sqlite_where=sa.text("activation_id IS NULL"),
            postgresql_where=sa.text("activation_id IS NULL"),
        )
        batch_op.create_index(
            "ux_sms_messages_source_external",
            ["source_id", "external_id"],
            unique=True,
            sqlite_where=sa.text("external_id IS NOT NULL"),
            postgresql_where=sa.text("external_id IS NOT NULL"),
        )


def downgrade() -> None:
    with op.batch_alter_table("sms_messages", schema=None) as batch_op:
        batch_op.drop_index(
            "ux_sms_messages_source_external",
            sqlite_where=sa.text("external_id IS NOT NULL"),
            postgresql_where=sa.text("external_id IS NOT NULL"),
        )
        batch_op.drop_index(
            "ix_sms_messages_unrouted",
            sqlite_where=sa.text("activation_id IS NULL"),
            postgresql_where=sa.text("activation_id IS NULL"),
        )
        batch_op.drop_index("ix_sms_messages_number_time")
        batch_op.drop_index("ix_sms_messages_activation")

    op.drop_table("sms_messages")
    with op.batch_alter_table("ledger_entries", schema=None) as batch_op:
        batch_op.drop_index(
            "ux_ledger_entries_activation_kind",
            sqlite_where=sa.text("activation_id IS NOT NULL"),
            postgresql_where=sa.text("activation_id IS NOT NULL"),
        )
        batch_op.drop_index("ix_ledger_entries_client")

    op.drop_table("ledger_entries")
    op.drop_table("number_services")
    with op.batch_alter_table("activations", schema=None) as batch_op:
        batch_op.drop_index(
            "ux_activations_live_number",
            sqlite_where=sa.text("state IN ('waiting', 'sms_received')"),
            postgresql_where=sa.text("state IN ('waiting', 'sms_received')"),
        )
        batch_op.drop_index(
            "ux_activations_client_order",
            sqlite_where=sa.text("order_id IS NOT NULL"),
            postgresql_where=sa.text("order_id IS NOT NULL"),
        )
        batch_op.drop_index(
            "ix_activations_due",
            sqlite_where=sa.text("state IN ('waiting', 'sms_received')"),
            postgresql_where=sa.text("state IN ('waiting', 'sms_received')"),
        )
        batch_op.drop_index("ix_activations_client")

    op.drop_table("activations")
    with op.batch_alter_table("numbers", schema=None) as batch_op:
        batch_op.drop_index("ix_numbers_source")
        batch_op.drop_index(
            "ix_numbers_pick_provider",
            sqlite_where=sa.text("enabled AND source_online AND active_activation_id IS NULL"),
            postgresql_where=sa.text("enabled AND source_online AND active_activation_id IS NULL"),
        )
        batch_op.drop_index(
            "ix_numbers_pick_country",
            sqlite_where=sa.text("enabled AND source_online AND active_activation_id IS NULL"),
            postgresql_where=sa.text("enabled AND source_online AND active_activation_id IS NULL"),
        )

    op.drop_table("numbers")
    op.drop_table("providers")
    op.drop_table("prices")
    op.drop_table("system_values")
    op.drop_table("sources")
    op.drop_table("services")
    op.drop_table("countries")
    op.drop_table("clients")
