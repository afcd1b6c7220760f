"""Authentication hardening: attempts in flight per lockout key, server-side web
sessions, and the session signing key moved out of the database.

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
    op.create_table(
        "web_sessions",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("area", sa.String(length=16), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("csrf", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("expires_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_web_sessions")),
    )
    op.create_index(
        op.f("ix_web_sessions_area_subject"), "web_sessions", ["area", "subject"], unique=False
    )
    op.create_index(
        op.f("ix_web_sessions_expires_at"), "web_sessions", ["expires_at"], unique=False
    )
    # The key lived in the database until now: anyone who read the database (or a
    # backup) could sign sessions with it. It moves to a key file; sessions signed
    # with the old key end.
    op.execute("DELETE FROM system_values WHERE key = 'session_signing_key'")


def downgrade() -> None:
    op.drop_index(op.f("ix_web_sessions_expires_at"), table_name="web_sessions")
    op.drop_index(op.f("ix_web_sessions_area_subject"), table_name="web_sessions")
    op.drop_table("web_sessions")
    with op.batch_alter_table("auth_failures") as batch_op:
        batch_op.drop_column("pending")
