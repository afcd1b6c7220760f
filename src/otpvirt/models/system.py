"""Internal key/value state: secrets generated on first start."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from otpvirt.models.base import Base, Millis


class SystemValue(Base):
    __tablename__ = "system_values"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    created_at: Mapped[int] = mapped_column(Millis)
