"""The webhook outbox: one delivery per routed SMS, and every attempt to send it."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Mapped, mapped_column

from otpvirt.models.base import Base, BigId, Millis


class WebhookDelivery(Base):
    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        # The workers' queue: only pending deliveries are indexed.
        Index(
            "ix_webhook_deliveries_due",
            "next_attempt_at",
            sqlite_where=sql_text("state = 'pending'"),
            postgresql_where=sql_text("state = 'pending'"),
        ),
        # Per-activation ordering ("no earlier pending delivery") and listings.
        Index("ix_webhook_deliveries_activation", "activation_id", "id"),
        Index("ix_webhook_deliveries_client", "client_id", "id"),
        # Per-rental ordering (per target) and listings.
        Index("ix_webhook_deliveries_rental_id_id", "rental_id", "id"),
        # One delivery per SMS and target, whatever races.
        UniqueConstraint("sms_id", "target"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    # The `webhook-id` header: the same on every retry, receivers de-duplicate on it.
    message_id: Mapped[str] = mapped_column(String(40), unique=True)
    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id"))
    # NULL for events about no activation (balance.low).
    activation_id: Mapped[int | None] = mapped_column(ForeignKey("activations.id"))
    # NULL for lifecycle events (one delivery per SMS and target: see __table_args__).
    sms_id: Mapped[int | None] = mapped_column(ForeignKey("sms_messages.id"))
    # The rental an SMS or rent.* event belongs to (NULL for activations).
    rental_id: Mapped[int | None] = mapped_column(ForeignKey("rentals.id"))
    # `client` (the client's webhook URL) or `rental` (the rental's own `url`, in `url`).
    target: Mapped[str] = mapped_column(String(8), server_default=sql_text("'client'"))
    # Where this delivery goes when not to the client's current URL (a rental's `url`).
    url: Mapped[str | None] = mapped_column(String(2000))
    # "sms" (the seed's body) or a lifecycle event type ("activation.finished", ...).
    event: Mapped[str] = mapped_column(String(32), server_default=sql_text("'sms'"))
    # The exact body, frozen when the SMS was stored.
    payload: Mapped[str] = mapped_column(Text)
    # pending -> delivered | failed (redeliver puts it back to pending)
    state: Mapped[str] = mapped_column(String(16))
    # Attempts in the current round (the retry schedule position); reset by redeliver.
    attempts: Mapped[int] = mapped_column(Integer, server_default=sql_text("0"))
    next_attempt_at: Mapped[int] = mapped_column(Millis)
    # A worker's lease: another worker takes the delivery over once it has passed.
    claimed_until: Mapped[int | None] = mapped_column(Millis)
    created_at: Mapped[int] = mapped_column(Millis)
    last_attempt_at: Mapped[int | None] = mapped_column(Millis)
    delivered_at: Mapped[int | None] = mapped_column(Millis)
    last_status: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str | None] = mapped_column(String(500))


class WebhookAttempt(Base):
    __tablename__ = "webhook_attempts"
    __table_args__ = (Index("ix_webhook_attempts_delivery", "delivery_id", "id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    delivery_id: Mapped[int] = mapped_column(ForeignKey("webhook_deliveries.id"))
    attempted_at: Mapped[int] = mapped_column(Millis)
    url: Mapped[str] = mapped_column(String(2000))
    # The HTTP status, or NULL when no answer came (error says why).
    status_code: Mapped[int | None] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(String(500))
    duration_ms: Mapped[int] = mapped_column(Integer)
    response_snippet: Mapped[str | None] = mapped_column(Text)
