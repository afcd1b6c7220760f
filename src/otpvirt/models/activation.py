"""Activations (leases) and the SMS they receive."""

from __future__ import annotations

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Mapped, mapped_column

from otpvirt.models.base import Base, BigId, Millis, Minor
from otpvirt.money import MAX_MINOR

ACTIVE_STATES = "('waiting', 'sms_received')"


class Activation(Base):
    __tablename__ = "activations"
    __table_args__ = (
        CheckConstraint(f"price >= 0 AND price <= {MAX_MINOR}", name="price_range"),
        Index("ix_activations_client", "client_id", "id"),
        Index("ix_activations_number", "number_id", "id"),
        Index("ix_activations_created", "created_at"),
        # History pages and the per-service country figures (migration 0017).
        Index("ix_activations_client_created", "client_id", "created_at", "id"),
        Index("ix_activations_service_created", "service_id", "created_at"),
        # The sweeper's queue: only live leases are indexed.
        Index(
            "ix_activations_due",
            "expires_at",
            sqlite_where=sql_text(f"state IN {ACTIVE_STATES}"),
            postgresql_where=sql_text(f"state IN {ACTIVE_STATES}"),
        ),
        # At most one live lease per number, whatever the application does; a bundle
        # (one number for several services, migration 0018) at most once per service.
        Index(
            "ux_activations_live_number",
            "number_id",
            unique=True,
            sqlite_where=sql_text(f"state IN {ACTIVE_STATES} AND bundle_id IS NULL"),
            postgresql_where=sql_text(f"state IN {ACTIVE_STATES} AND bundle_id IS NULL"),
        ),
        Index(
            "ux_activations_live_bundle",
            "number_id",
            "service_id",
            unique=True,
            sqlite_where=sql_text(f"state IN {ACTIVE_STATES} AND bundle_id IS NOT NULL"),
            postgresql_where=sql_text(f"state IN {ACTIVE_STATES} AND bundle_id IS NOT NULL"),
        ),
        Index(
            "ux_activations_client_order",
            "client_id",
            "order_id",
            unique=True,
            sqlite_where=sql_text("order_id IS NOT NULL"),
            postgresql_where=sql_text("order_id IS NOT NULL"),
        ),
    )

    # The integer id (used by the sms-activate dialect); the GUID is the native id.
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True)
    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id"))
    number_id: Mapped[int] = mapped_column(ForeignKey("numbers.id"))
    phone: Mapped[int] = mapped_column(BigInteger)
    country_id: Mapped[int] = mapped_column(ForeignKey("countries.id"))
    provider_id: Mapped[int] = mapped_column(ForeignKey("providers.id"))
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"))
    price: Mapped[int] = mapped_column(Minor)
    currency: Mapped[str] = mapped_column(String(8))
    # waiting -> sms_received -> completed | cancelled | expired
    state: Mapped[str] = mapped_column(String(16))
    sms_count: Mapped[int] = mapped_column(Integer, server_default=sql_text("0"))
    created_at: Mapped[int] = mapped_column(Millis)
    expires_at: Mapped[int] = mapped_column(Millis)
    finished_at: Mapped[int | None] = mapped_column(Millis)
    # A client-chosen idempotency key (sms-activate `orderId`).
    order_id: Mapped[str | None] = mapped_column(String(128))
    # sms_count when the client last asked for another SMS (sms-activate
    # setStatus 3): until a newer SMS arrives it is told to wait. NULL = never.
    retry_sms_count: Mapped[int | None] = mapped_column(Integer)
    # The first activation of its bundle (one getMultiServiceNumber: one number, one
    # activation per service, live together); NULL for a lease of one service.
    bundle_id: Mapped[int | None] = mapped_column(BigInteger)


class SmsMessage(Base):
    __tablename__ = "sms_messages"
    __table_args__ = (
        Index("ix_sms_messages_activation", "activation_id", "id"),
        Index("ix_sms_messages_number_time", "number_id", "received_at"),
        Index("ix_sms_messages_created", "created_at"),
        Index(
            "ix_sms_messages_rental",
            "rental_id",
            "id",
            sqlite_where=sql_text("rental_id IS NOT NULL"),
            postgresql_where=sql_text("rental_id IS NOT NULL"),
        ),
        Index(
            "ux_sms_messages_source_external",
            "source_id",
            "external_id",
            unique=True,
            sqlite_where=sql_text("external_id IS NOT NULL"),
            postgresql_where=sql_text("external_id IS NOT NULL"),
        ),
        Index(
            "ix_sms_messages_unrouted",
            "id",
            sqlite_where=sql_text("activation_id IS NULL"),
            postgresql_where=sql_text("activation_id IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True)
    number_id: Mapped[int] = mapped_column(ForeignKey("numbers.id"))
    phone: Mapped[int] = mapped_column(BigInteger)
    sender: Mapped[str] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text)
    # The parsed one-time code; "" when the text holds none.
    code: Mapped[str] = mapped_column(String(64), server_default=sql_text("''"))
    # NULL = unrouted: arrived while the number had no live lease.
    activation_id: Mapped[int | None] = mapped_column(ForeignKey("activations.id"))
    # The rental it was routed to (a rented number's SMS); NULL otherwise.
    rental_id: Mapped[int | None] = mapped_column(BigInteger)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"))
    external_id: Mapped[str | None] = mapped_column(String(200))
    # The peer's receipt time when plausible, else ours (see sms.service.ingest).
    received_at: Mapped[int] = mapped_column(Millis)
    # What the peer claimed, verbatim, when it was not believed (for display only).
    reported_at: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[int] = mapped_column(Millis)
