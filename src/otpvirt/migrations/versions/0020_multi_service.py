"""One number for several services: activation bundles and operator service aliases.

A bundle is the activations of one getMultiServiceNumber (one per service), all
live on one number at once; `bundle_id` is the id of its first activation. The
one-live-lease-per-number index now covers leases outside bundles, and a bundle
holds a number at most once per service. `service_aliases` are the operators'
extra names of a service (sender IDs, brands) that route an SMS within a bundle.

Revision ID: 0020
Revises: 0019
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LIVE = "state IN ('waiting', 'sms_received')"


def upgrade() -> None:
    with op.batch_alter_table("activations") as batch_op:
        batch_op.add_column(sa.Column("bundle_id", sa.BigInteger(), nullable=True))
        batch_op.drop_index(
            "ux_activations_live_number",
            sqlite_where=sa.text(LIVE),
            postgresql_where=sa.text(LIVE),
        )
        batch_op.create_index(
            "ux_activations_live_number",
            ["number_id"],
            unique=True,
            sqlite_where=sa.text(f"{LIVE} AND bundle_id IS NULL"),
            postgresql_where=sa.text(f"{LIVE} AND bundle_id IS NULL"),
        )
        batch_op.create_index(
            "ux_activations_live_bundle",
            ["number_id", "service_id"],
            unique=True,
            sqlite_where=sa.text(f"{LIVE} AND bundle_id IS NOT NULL"),
            postgresql_where=sa.text(f"{LIVE} AND bundle_id IS NOT NULL"),
        )
    op.create_table(
        "service_aliases",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("service_id", sa.Integer(), sa.ForeignKey("services.id"), nullable=False),
        sa.Column("alias", sa.String(100), nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.UniqueConstraint("service_id", "alias"),
    )


def downgrade() -> None:
    op.drop_table("service_aliases")
    # Bundles cannot be expressed in the old schema: end them as the old one-lease rule.
    with op.batch_alter_table("activations") as batch_op:
        batch_op.drop_index(
            "ux_activations_live_bundle",
            sqlite_where=sa.text(f"{LIVE} AND bundle_id IS NOT NULL"),
            postgresql_where=sa.text(f"{LIVE} AND bundle_id IS NOT NULL"),
        )
        batch_op.drop_index(
            "ux_activations_live_number",
            sqlite_where=sa.text(f"{LIVE} AND bundle_id IS NULL"),
            postgresql_where=sa.text(f"{LIVE} AND bundle_id IS NULL"),
        )
        batch_op.create_index(
            "ux_activations_live_number",
            ["number_id"],
            unique=True,
            sqlite_where=sa.text(LIVE),
            postgresql_where=sa.text(LIVE),
        )
        batch_op.drop_column("bundle_id")
