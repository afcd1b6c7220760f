"""Where numbers come from (sources) and the numbers themselves."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    text,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column

from otpvirt.inventory.repositories.pool import PICKABLE
from otpvirt.models.base import Base, BigId, Millis


class Source(Base):
    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    # manual | simulator | gateway | android | gammu | ... (see otpvirt.sms)
    kind: Mapped[str] = mapped_column(String(32))
    enabled: Mapped[bool] = mapped_column(Boolean, server_default=true())
    online: Mapped[bool] = mapped_column(Boolean, server_default=true())
    token_hash: Mapped[str | None] = mapped_column(String(128), unique=True)
    config: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[int] = mapped_column(Millis)
    last_seen_at: Mapped[int | None] = mapped_column(Millis)
    last_sms_at: Mapped[int | None] = mapped_column(Millis)
    # On-demand suppliers: when the worker next asks for their stock.
    supply_due_at: Mapped[int | None] = mapped_column(Millis)


class Number(Base):
    __tablename__ = "numbers"
    __table_args__ = (
        Index(
            "ix_numbers_pick_country",
            "country_id",
            "free_since",
            sqlite_where=text(PICKABLE),
            postgresql_where=text(PICKABLE),
        ),
        Index(
            "ix_numbers_pick_provider",
            "country_id",
            "provider_id",
            "free_since",
            sqlite_where=text(PICKABLE),
            postgresql_where=text(PICKABLE),
        ),
        Index("ix_numbers_source", "source_id"),
        # A number is in an activation or a rental, never both (migration 0014).
        CheckConstraint("rental_id IS NULL OR active_activation_id IS NULL", name="one_holder"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    # Digits including the country code, no "+".
    phone: Mapped[int] = mapped_column(BigInteger, unique=True)
    country_id: Mapped[int] = mapped_column(ForeignKey("countries.id"))
    provider_id: Mapped[int] = mapped_column(ForeignKey("providers.id"))
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"))
    enabled: Mapped[bool] = mapped_column(Boolean, server_default=true())
    # Copy of the source's online flag, so picking needs no join.
    source_online: Mapped[bool] = mapped_column(Boolean, server_default=true())
    # The activation holding this number now; NULL when free.
    active_activation_id: Mapped[int | None] = mapped_column(BigInteger)
    # The rental holding this number now; NULL when not rented.
    rental_id: Mapped[int | None] = mapped_column(BigInteger)
    # When the number last became free: picking takes the longest-free first.
    free_since: Mapped[int] = mapped_column(Millis, server_default=text("0"))
    created_at: Mapped[int] = mapped_column(Millis)
    lease_count: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    sms_lease_count: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    last_sms_at: Mapped[int | None] = mapped_column(Millis)


class NumberService(Base):
    """A number that received an SMS for a service is never leased for it again."""

    __tablename__ = "number_services"

    number_id: Mapped[int] = mapped_column(ForeignKey("numbers.id"), primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"), primary_key=True)
    created_at: Mapped[int] = mapped_column(Millis)


class SimulatedSms(Base):
    """An SMS the built-in simulator will deliver through the ingest path when due."""

    __tablename__ = "simulated_sms"
    __table_args__ = (
        Index(
            "ix_simulated_sms_due",
            "due_at",
            sqlite_where=text("delivered_at IS NULL"),
            postgresql_where=text("delivered_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    activation_id: Mapped[int] = mapped_column(ForeignKey("activations.id"))
    phone: Mapped[int] = mapped_column(BigInteger)
    sender: Mapped[str] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text)
    due_at: Mapped[int] = mapped_column(Millis)
    delivered_at: Mapped[int | None] = mapped_column(Millis)
