"""Authentication hardening: attempts in flight per lockout key.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Checks reserved but not settled yet (counted against the limit with failures).
    with op.batch_alter_table("auth_failures") as batch_op:
        batch_op.add_column(sa.Column("pending", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("auth_failures") as batch_op:
        batch_op.drop_column("pending")
