"""Rentals: one number for one client for whole hours, and the hourly rent prices."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Mapped, mapped_column

from otpvirt.models.base import Base, BigId, Millis, Minor
from otpvirt.money import MAX_MINOR

# The longest a rental may run, in hours (API-extensions §1); frozen in migration 0014.
MAX_RENT_HOURS = 1344


class RentPrice(Base):
    """The hourly rent price of a (country, service) in a currency; service `full` = any."""

    __tablename__ = "rent_prices"
    __table_args__ = (
        UniqueConstraint("country_id", "service_code", "currency"),
        CheckConstraint(f"amount >= 0 AND amount <= {MAX_MINOR}", name="amount_range"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    country_id: Mapped[int] = mapped_column(ForeignKey("countries.id"))
    # A service code, or `full` (every service).
    service_code: Mapped[str] = mapped_column(String(36))
    currency: Mapped[str] = mapped_column(String(8))
    # Minor units per hour.
    amount: Mapped[int] = mapped_column(Minor)
    updated_at: Mapped[int] = mapped_column(Millis)


class Rental(Base):
    __tablename__ = "rentals"
    __table_args__ = (
        CheckConstraint(f"amount >= 0 AND amount <= {MAX_MINOR}", name="amount_range"),
        CheckConstraint(f"hours >= 1 AND hours <= {MAX_RENT_HOURS}", name="hours_range"),
        Index("ix_rentals_client", "client_id", "id"),
        # The worker's queue of rentals to end: only live ones are indexed.
        Index(
            "ix_rentals_due",
            "ends_at",
            sqlite_where=sql_text("state = 'active'"),
            postgresql_where=sql_text("state = 'active'"),
        ),
        # The worker's queue of rent.ending notices to send.
        Index(
            "ix_rentals_ending",
            "ending_at",
            sqlite_where=sql_text("state = 'active' AND ending_at IS NOT NULL"),
            postgresql_where=sql_text("state = 'active' AND ending_at IS NOT NULL"),
        ),
        # At most one live rental per number, whatever the application does.
        Index(
            "ux_rentals_live_number",
            "number_id",
            unique=True,
            sqlite_where=sql_text("state = 'active'"),
            postgresql_where=sql_text("state = 'active'"),
        ),
    )

    # The integer id (sms-activate); the GUID is the native `rentId`.
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True)
    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id"))
    number_id: Mapped[int] = mapped_column(ForeignKey("numbers.id"))
    phone: Mapped[int] = mapped_column(BigInteger)
    country_id: Mapped[int] = mapped_column(ForeignKey("countries.id"))
    provider_id: Mapped[int] = mapped_column(ForeignKey("providers.id"))
    # The service asked for, or `full`.
    service_code: Mapped[str] = mapped_column(String(36))
    currency: Mapped[str] = mapped_column(String(8))
    # Hourly price when rented (extensions use the price of their time).
    hourly_price: Mapped[int] = mapped_column(Minor)
    # Total hours bought and total charged, extensions included.
    hours: Mapped[int] = mapped_column(Integer)
    amount: Mapped[int] = mapped_column(Minor)
    # active -> finished | cancelled | expired
    state: Mapped[str] = mapped_column(String(16))
    sms_count: Mapped[int] = mapped_column(Integer, server_default=sql_text("0"))
    created_at: Mapped[int] = mapped_column(Millis)
    ends_at: Mapped[int] = mapped_column(Millis)
    finished_at: Mapped[int | None] = mapped_column(Millis)
    # sms-activate `url`: this rental's SMS are also POSTed there.
    url: Mapped[str | None] = mapped_column(String(2000))
    # When the worker sends `rent.ending` (an hour before the end); NULL once sent.
    # An extension re-arms it.
    ending_at: Mapped[int | None] = mapped_column(Millis)
