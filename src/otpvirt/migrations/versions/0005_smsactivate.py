"""The sms-activate dialect: client API keys and the ask-for-another-SMS mark.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("clients") as batch_op:
        batch_op.add_column(sa.Column("api_key_hash", sa.String(length=64), nullable=True))
        batch_op.create_index("ux_clients_api_key_hash", ["api_key_hash"], unique=True)
    with op.batch_alter_table("activations") as batch_op:
        batch_op.add_column(sa.Column("retry_sms_count", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("activations") as batch_op:
        batch_op.drop_column("retry_sms_count")
    with op.batch_alter_table("clients") as batch_op:
        batch_op.drop_index("ux_clients_api_key_hash")
        batch_op.drop_column("api_key_hash")
