"""Abuse protection state shared by every server process: rate limits, lockouts."""

from __future__ import annotations

from sqlalchemy import BigInteger, Index, Integer, String
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


class WebSession(Base):
    """A console or portal login, valid while its row exists (logout deletes it).

    `id` is an HMAC of the cookie's random token under the service's secret key:
    the database alone cannot produce a cookie.
    """

    __tablename__ = "web_sessions"
    __table_args__ = (Index(None, "area", "subject"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    area: Mapped[str] = mapped_column(String(16))
    # A client id, or `user:NAME` / `token:NAME` for operators.
    subject: Mapped[str] = mapped_column(String(200))
    # A digest of the subject's secret at login: a new password ends the session.
    fingerprint: Mapped[str] = mapped_column(String(64))
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[int] = mapped_column(Millis)
    expires_at: Mapped[int] = mapped_column(Millis, index=True)
