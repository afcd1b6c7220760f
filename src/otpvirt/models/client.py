"""Client accounts and their append-only ledger."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    false,
    text,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column

from otpvirt.models.base import Base, BigId, Millis, Minor
from otpvirt.money import MAX_MINOR


class Client(Base):
    __tablename__ = "clients"
    __table_args__ = (
        Index("ux_clients_api_key_hash", "api_key_hash", unique=True),
        # Money stays far from the 64-bit limit whatever writes it (migration 0012).
        CheckConstraint(
            f"balance >= -{MAX_MINOR} AND balance <= {MAX_MINOR}", name="balance_range"
        ),
    )

    # Lower-case GUID, as the API answers it.
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str | None] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(255))
    currency: Mapped[str] = mapped_column(String(8))
    # Always equal to the sum of the client's ledger entries (same transaction).
    balance: Mapped[int] = mapped_column(Minor, server_default=text("0"))
    enabled: Mapped[bool] = mapped_column(Boolean, server_default=true())
    created_at: Mapped[int] = mapped_column(Millis)
    # SHA-256 (hex) of the sms-activate API key; NULL until one is issued.
    api_key_hash: Mapped[str | None] = mapped_column(String(64))
    # Automatic SMS receipt: where to POST, how to sign (Standard Webhooks
    # `whsec_...`, kept as is because signing needs it), and the payload format.
    webhook_url: Mapped[str | None] = mapped_column(String(2000))
    webhook_secret: Mapped[str | None] = mapped_column(String(100))
    # native | smsactivate
    webhook_format: Mapped[str] = mapped_column(String(16), server_default=text("'native'"))
    # After a rotation the old secret still signs (a second signature) until then,
    # so receivers can switch without rejecting deliveries.
    webhook_previous_secret: Mapped[str | None] = mapped_column(String(100))
    webhook_previous_until: Mapped[int | None] = mapped_column(Millis)
    # When the current URL was set: every routed SMS since has a delivery (doctor).
    webhook_since: Mapped[int | None] = mapped_column(Millis)
    # Webhook events the client subscribed to (comma list: sms, activation.finished,
    # rent.ending, rent.finished, balance.low).
    webhook_events: Mapped[str] = mapped_column(String(200), server_default=text("'sms'"))
    # balance.low fires when the balance falls below this (minor units; NULL: never),
    # once per fall: re-armed when the balance is back at or above it.
    low_balance: Mapped[int | None] = mapped_column(Minor)
    low_balance_alerted: Mapped[bool] = mapped_column(Boolean, server_default=false())
    # A simulated client of the demo market (`serve --demo`), marked so in the console.
    demo: Mapped[bool] = mapped_column(Boolean, server_default=false())


class LedgerEntry(Base):
    __tablename__ = "ledger_entries"
    __table_args__ = (
        Index("ix_ledger_entries_client", "client_id", "id"),
        Index("ix_ledger_entries_created", "created_at"),
        # One charge and at most one refund per activation, whatever races.
        Index(
            "ux_ledger_entries_activation_kind",
            "activation_id",
            "kind",
            unique=True,
            sqlite_where=text("activation_id IS NOT NULL"),
            postgresql_where=text("activation_id IS NOT NULL"),
        ),
        CheckConstraint(
            f"amount >= -{MAX_MINOR} AND amount <= {MAX_MINOR} "
            f"AND balance_after >= -{MAX_MINOR} AND balance_after <= {MAX_MINOR}",
            name="amount_range",
        ),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id"))
    # charge | refund | topup | adjustment
    kind: Mapped[str] = mapped_column(String(16))
    amount: Mapped[int] = mapped_column(Minor)
    balance_after: Mapped[int] = mapped_column(Minor)
    currency: Mapped[str] = mapped_column(String(8))
    activation_id: Mapped[int | None] = mapped_column(ForeignKey("activations.id"))
    # The rental a charge, extension or refund belongs to.
    rental_id: Mapped[int | None] = mapped_column(BigInteger)
    note: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[int] = mapped_column(Millis)
