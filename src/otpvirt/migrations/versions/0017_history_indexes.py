"""Index activations for history pages and per-service country figures.

Revision ID: 0017
Revises: 0016
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_activations_client_created", "activations", ["client_id", "created_at", "id"]
    )
    op.create_index("ix_activations_service_created", "activations", ["service_id", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_activations_service_created", table_name="activations")
    op.drop_index("ix_activations_client_created", table_name="activations")
