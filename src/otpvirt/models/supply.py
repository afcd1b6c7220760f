"""On-demand number suppliers (SMSHub agents, upstream providers) and SMPP part storage."""

from __future__ import annotations

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Mapped, mapped_column

from otpvirt.models.base import Base, BigId, Millis

PENDING_ORDER = "state <> 'done'"


class SupplierOrder(Base):
    """One number bought from a supplier: the outbox for telling it how the lease ended.

    state: buying (asked, answer not yet recorded) -> open (leased) -> finishing
    (outcome to send) -> done. A row stuck in `buying` past `next_attempt_at` is
    compensated by the worker, so a purchase is never left unpaid-back.
    """

    __tablename__ = "supplier_orders"
    __table_args__ = (
        Index(
            "ix_supplier_orders_due",
            "next_attempt_at",
            sqlite_where=sql_text(PENDING_ORDER),
            postgresql_where=sql_text(PENDING_ORDER),
        ),
        Index(
            "ix_supplier_orders_open_activation",
            "activation_id",
            sqlite_where=sql_text("state = 'open'"),
            postgresql_where=sql_text("state = 'open'"),
        ),
        Index("ix_supplier_orders_external", "source_id", "external_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    # Our idempotency key for this purchase (sms-activate `orderId`).
    order_key: Mapped[str] = mapped_column(String(64), unique=True)
    client_id: Mapped[str] = mapped_column(String(36))
    country_id: Mapped[int] = mapped_column(ForeignKey("countries.id"))
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"))
    activation_id: Mapped[int | None] = mapped_column(ForeignKey("activations.id"))
    phone: Mapped[int | None] = mapped_column(BigInteger)
    # The supplier's id of the purchase (SMSHub activationId, upstream activation id).
    external_id: Mapped[str | None] = mapped_column(String(100))
    # What the supplier said it cost, as it wrote it (informational).
    cost: Mapped[str | None] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(16))
    # sold | cancelled | refunded | refused: what to tell the supplier.
    outcome: Mapped[str | None] = mapped_column(String(16))
    # Upstream: how many codes were fed into ingest.
    sms_count: Mapped[int] = mapped_column(Integer, server_default=sql_text("0"))
    attempts: Mapped[int] = mapped_column(Integer, server_default=sql_text("0"))
    next_attempt_at: Mapped[int | None] = mapped_column(Millis)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[int] = mapped_column(Millis)
    finished_at: Mapped[int | None] = mapped_column(Millis)


class SupplierStock(Base):
    """The last stock a supplier reported (SMSHub GET_SERVICES, upstream getPrices)."""

    __tablename__ = "supplier_stock"
    __table_args__ = (
        Index("ix_supplier_stock_lookup", "country_id", "service_id"),
        Index("ix_supplier_stock_source", "source_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    country_id: Mapped[int] = mapped_column(ForeignKey("countries.id"))
    # NULL: the supplier does not split this country by operator ("any").
    provider_id: Mapped[int | None] = mapped_column(ForeignKey("providers.id"))
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"))
    count: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[int] = mapped_column(Millis)


class SmppPart(Base):
    """One stored part of a concatenated SMS, acknowledged to the SMSC, awaiting the rest."""

    __tablename__ = "smpp_parts"
    __table_args__ = (
        Index(
            "ux_smpp_parts_segment",
            "source_id",
            "sender",
            "receiver",
            "ref",
            "total",
            "seq",
            unique=True,
        ),
        Index("ix_smpp_parts_received", "received_at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    sender: Mapped[str] = mapped_column(String(100))
    # The receiving number, already mapped from the destination address.
    receiver: Mapped[str] = mapped_column(String(32))
    ref: Mapped[int] = mapped_column(Integer)
    total: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    data_coding: Mapped[int] = mapped_column(Integer)
    body: Mapped[bytes] = mapped_column(LargeBinary)
    received_at: Mapped[int] = mapped_column(Millis)


OPEN_UPSTREAM_RENTAL = "state <> 'done'"


class UpstreamRental(Base):
    """A rental we took from an upstream provider (its rent actions) and resold as ours.

    state: open (live: its SMS are pulled at `due_at`) -> done; when our rental ends,
    an open row is due at once and the worker finishes it at the provider (setRentStatus
    1). `cancelling`: the provider rented, but we could not record it: cancel it there
    (setRentStatus 2, a refund to us), retried until it accepts.
    """

    __tablename__ = "upstream_rentals"
    __table_args__ = (
        Index(
            "ix_upstream_rentals_due",
            "due_at",
            sqlite_where=sql_text(OPEN_UPSTREAM_RENTAL),
            postgresql_where=sql_text(OPEN_UPSTREAM_RENTAL),
        ),
        Index("ix_upstream_rentals_external", "source_id", "external_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    # Our rental (NULL for a provider rental we could not record: `cancelling`).
    rental_id: Mapped[int | None] = mapped_column(ForeignKey("rentals.id"), unique=True)
    # The provider's rental id.
    external_id: Mapped[str] = mapped_column(String(100))
    phone: Mapped[int] = mapped_column(BigInteger)
    state: Mapped[str] = mapped_column(String(16))
    due_at: Mapped[int | None] = mapped_column(Millis)
    attempts: Mapped[int] = mapped_column(Integer, server_default=sql_text("0"))
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[int] = mapped_column(Millis)
    finished_at: Mapped[int | None] = mapped_column(Millis)
