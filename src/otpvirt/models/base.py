"""Declarative base and the column types shared by every table."""

from __future__ import annotations

from sqlalchemy import BigInteger, Integer, MetaData
from sqlalchemy.orm import DeclarativeBase

# Integer primary keys are 64-bit on PostgreSQL; on SQLite they must be
# declared INTEGER to be the auto-incrementing rowid.
BigId = BigInteger().with_variant(Integer(), "sqlite")

# Timestamps are integer milliseconds since the Unix epoch (UTC): exact,
# portable between SQLite and PostgreSQL, and cheap to compare on hot paths.
Millis = BigInteger

# Money is an integer count of the currency's minor units (see otpvirt.money).
Minor = BigInteger

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base of all ORM models."""

    metadata = MetaData(naming_convention=NAMING)
