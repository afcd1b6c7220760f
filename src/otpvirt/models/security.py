"""Abuse protection state shared by every server process: rate limits, lockouts."""

from __future__ import annotations

from sqlalchemy import BigInteger, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from otpvirt.models.base import Base, Millis


class RateLimit(Base):
    """GCRA state per key: the theoretical arrival time in microseconds.

    UNLOGGED on PostgreSQL (see migration 0007): losing it in a crash is harmless.
    """

    __tablename__ = "rate_limits"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    tat: Mapped[int] = mapped_column(BigInteger)


class AuthFailure(Base):
    """Recent wrong passwords per (account, address) or per address (see auth.lockout)."""

    __tablename__ = "auth_failures"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer)
    # Checks reserved and not settled yet: they count against the limit too.
    pending: Mapped[int] = mapped_column(Integer, server_default="0")
    window_start: Mapped[int] = mapped_column(Millis)
    locked_until: Mapped[int | None] = mapped_column(Millis)
