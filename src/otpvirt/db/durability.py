"""What an acknowledged commit survives: the durability settings in force, and their risks.

Every answer that tells a peer or client "done" (a lease charged, an SMS stored, a
webhook queued) is sent after the commit holding it returned. That promise survives
a power loss only if the commit was on disk when it returned: SQLite with
`synchronous=FULL` (or EXTRA), PostgreSQL with `fsync`, `synchronous_commit` and
`full_page_writes` on. Anything else is reported here as a warning.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from otpvirt.db.base import Database

SQLITE_LEVELS = {0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA"}
SQLITE_DURABLE = {"FULL", "EXTRA"}
# Every value but `off` flushes the local WAL before COMMIT returns.
PG_COMMIT_FLUSHED = {"on", "local", "remote_write", "remote_apply"}


@dataclass(frozen=True, slots=True)
class Durability:
    """The settings a database reports, and whether acknowledged commits survive power loss."""

    dialect: str
    settings: dict[str, str]
    survives_power_loss: bool
    warnings: tuple[str, ...]

    def summary(self) -> str:
        """One line for people: the settings and what they mean."""
        shown = ", ".join(f"{k}={v}" for k, v in self.settings.items())
        name = "SQLite" if self.dialect == "sqlite" else "PostgreSQL"
        verdict = (
            "acknowledged commits survive a power loss"
            if self.survives_power_loss
            else "acknowledged commits can be lost on a power loss"
        )
        return f"{name} {shown}: {verdict}"

    def as_dict(self) -> dict[str, Any]:
        """The JSON form (doctor --json, /readyz)."""
        return {
            "database": self.dialect,
            "settings": dict(self.settings),
            "survivesPowerLoss": self.survives_power_loss,
            "warnings": list(self.warnings),
        }


def assess_sqlite(journal_mode: str, synchronous: str) -> Durability:
    """SQLite: only FULL/EXTRA flush the log before COMMIT returns."""
    mode, level = journal_mode.lower(), synchronous.upper()
    warnings = []
    if level == "NORMAL":
        warnings.append(
            "SQLite synchronous=NORMAL: a commit is acknowledged before it reaches the disk, "
            "so a power loss or kernel crash can undo the last charges, leases and SMS already "
            "answered; set OTPVIRT_SQLITE_SYNCHRONOUS=FULL (the default) unless you accept that"
        )
    elif level not in SQLITE_DURABLE:
        warnings.append(
            f"SQLite synchronous={level}: nothing is flushed before a commit is acknowledged; "
            "a power loss or kernel crash can lose acknowledged commits and corrupt the database"
        )
    if mode != "wal":
        warnings.append(f"SQLite journal_mode={mode}: the service expects WAL")
    return Durability(
        "sqlite",
        {"journal_mode": mode, "synchronous": level},
        level in SQLITE_DURABLE,
        tuple(warnings),
    )


def assess_postgres(synchronous_commit: str, fsync: str, full_page_writes: str) -> Durability:
    """PostgreSQL: a commit is durable with fsync, a flushed commit record and full pages."""
    commit, sync, pages = synchronous_commit.lower(), fsync.lower(), full_page_writes.lower()
    warnings = []
    if sync != "on":
        warnings.append(
            "PostgreSQL fsync=off: nothing is forced to disk; a power loss or OS crash can lose "
            "acknowledged commits and corrupt the whole cluster"
        )
    if commit not in PG_COMMIT_FLUSHED:
        warnings.append(
            f"PostgreSQL synchronous_commit={commit}: a commit is acknowledged before its WAL "
            "is flushed, so a crash of the server can undo the last charges, leases and SMS "
            "already answered; set it to on for this database or role"
        )
    if pages != "on":
        warnings.append(
            "PostgreSQL full_page_writes=off: a page torn by a power loss cannot be repaired "
            "from the WAL"
        )
    return Durability(
        "postgresql",
        {"synchronous_commit": commit, "fsync": sync, "full_page_writes": pages},
        not warnings,
        tuple(warnings),
    )


async def in_force(db: Database) -> Durability:
    """The durability the service's own connections run with."""
    found = await db.durability_settings()
    if db.dialect == "postgresql":
        return assess_postgres(
            found["synchronous_commit"], found["fsync"], found["full_page_writes"]
        )
    return assess_sqlite(found["journal_mode"], found["synchronous"])
