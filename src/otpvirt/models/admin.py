"""Operators: API tokens, console users and the audit log of what they changed."""

from __future__ import annotations

from sqlalchemy import Boolean, Index, Integer, String, Text, true
from sqlalchemy.orm import Mapped, mapped_column

from otpvirt.models.base import Base, BigId, Millis


class AdminToken(Base):
    """A bearer token for the admin API (and the console login); stored as SHA-256."""

    __tablename__ = "admin_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[int] = mapped_column(Millis)
    last_used_at: Mapped[int | None] = mapped_column(Millis)


class AdminUser(Base):
    """A console user: name and argon2id password hash."""

    __tablename__ = "admin_users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    enabled: Mapped[bool] = mapped_column(Boolean, server_default=true())
    created_at: Mapped[int] = mapped_column(Millis)
    last_login_at: Mapped[int | None] = mapped_column(Millis)


class AuditEntry(Base):
    """One operator action that changed state: who, what, on what, before and after."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_actor", "actor", "id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[int] = mapped_column(Millis)
    # "user:alice", "token:deploy-bot", "cli:root"
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(100))
    target: Mapped[str | None] = mapped_column(String(200))
    # JSON; never secrets.
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    request_id: Mapped[str | None] = mapped_column(String(64))
