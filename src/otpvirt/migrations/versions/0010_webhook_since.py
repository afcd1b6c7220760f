"""When each client's webhook URL was set (the doctor checks every SMS since has a delivery).

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import time
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("clients") as batch_op:
        batch_op.add_column(sa.Column("webhook_since", sa.BigInteger(), nullable=True))
    # Webhooks set before this revision count from now: older SMS are not checked.
    op.execute(
        sa.text("UPDATE clients SET webhook_since = :now WHERE webhook_url IS NOT NULL").bindparams(
            now=int(time.time() * 1000)
        )
    )


def downgrade() -> None:
    with op.batch_alter_table("clients") as batch_op:
        batch_op.drop_column("webhook_since")
