"""Countries, operators (providers), services and the price list."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column

from otpvirt.models.base import Base, Millis, Minor
from otpvirt.money import MAX_MINOR


class Country(Base):
    __tablename__ = "countries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # The name clients send ("tajikistan"): lower-case, unique.
    name: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(100))
    calling_code: Mapped[int] = mapped_column(Integer)
    iso2: Mapped[str | None] = mapped_column(String(2))
    # The numeric id the sms-activate protocol uses for this country.
    smsactivate_id: Mapped[int | None] = mapped_column(Integer, unique=True)
    enabled: Mapped[bool] = mapped_column(Boolean, server_default=true())


class Provider(Base):
    __tablename__ = "providers"
    __table_args__ = (UniqueConstraint("country_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    country_id: Mapped[int] = mapped_column(ForeignKey("countries.id"))
    name: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(100))


class Service(Base):
    __tablename__ = "services"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    enabled: Mapped[bool] = mapped_column(Boolean, server_default=true())


class ServiceAlias(Base):
    """An operator's extra name of a service (a sender ID, a brand), for SMS routing."""

    __tablename__ = "service_aliases"
    __table_args__ = (UniqueConstraint("service_id", "alias"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"))
    # Folded as SMS senders and texts are (otpvirt.catalogue.aliases.fold_name).
    alias: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[int] = mapped_column(Millis)


class Price(Base):
    __tablename__ = "prices"
    __table_args__ = (
        UniqueConstraint("country_id", "service_id", "currency"),
        CheckConstraint(f"amount >= 0 AND amount <= {MAX_MINOR}", name="amount_range"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    country_id: Mapped[int] = mapped_column(ForeignKey("countries.id"))
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"))
    currency: Mapped[str] = mapped_column(String(8))
    amount: Mapped[int] = mapped_column(Minor)
    updated_at: Mapped[int] = mapped_column(Millis)
