"""Index activations by number (history of a number, the doctor's overlap check).

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_activations_number", "activations", ["number_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_activations_number", table_name="activations")
