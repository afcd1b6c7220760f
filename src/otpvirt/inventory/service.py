"""Operator work on the pool: import numbers from CSV, list them, disable them."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TextIO

from otpvirt.catalogue.snapshot import Snapshot
from otpvirt.clock import now_ms
from otpvirt.db import Conn, Database
from otpvirt.errors import NotFound, ValidationFailed
from otpvirt.inventory.repositories import numbers

_DIGITS = re.compile(r"\D+")
CHUNK = 1000


def normalize_phone(value: str | int) -> int:
    """Digits with country code (spaces, '+', '-', '()' dropped) as an integer."""
    digits = _DIGITS.sub("", str(value))
    if digits.startswith("00"):
        digits = digits[2:]
    if not 6 <= len(digits) <= 15:
        raise ValidationFailed(
            f"phone number must have 6-15 digits including the country code: {value!r}",
            reason="bad_number",
        )
    return int(digits)


@dataclass
class ImportReport:
    """What an import did, with the line number of every row not added."""

    added: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)
    invalid: list[tuple[int, str]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class PoolNumber:
    """A number of the pool with where it stands and how it has done."""

    number: int
    country: str
    provider: str
    source: str | None
    state: str  # free, leased, rented, disabled or offline
    leases: int
    leases_with_sms: int
    last_sms_at: int | None

    @property
    def success_rate(self) -> float | None:
        """The share of its leases that received an SMS (None before the first lease)."""
        return round(self.leases_with_sms / self.leases, 3) if self.leases else None


def read_csv(handle: TextIO) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a `number,country,provider[,source]` CSV with their line numbers."""
    reader = csv.DictReader(handle)
    fields = {(f or "").strip().lower() for f in reader.fieldnames or []}
    if not {"number", "country", "provider"} <= fields:
        raise ValidationFailed("the CSV header must be number,country,provider[,source]")
    for raw in reader:
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items() if k}
        yield reader.line_num, row


async def _source_ids(db: Database) -> dict[str, int]:
    async with db.read() as conn:
        return await numbers.source_ids(conn)


def _validate(
    snap: Snapshot, sources: dict[str, int], row: dict[str, str]
) -> tuple[int, int, int, int | None]:
    phone = normalize_phone(row.get("number", ""))
    country = snap.country(row.get("country", ""))
    if country is None:
        raise ValidationFailed(f"unknown country {row.get('country')!r}")
    provider = country.providers.get(row.get("provider", "").lower())
    if provider is None:
        raise ValidationFailed(f"unknown provider {row.get('provider')!r} for {country.name}")
    if not str(phone).startswith(str(country.calling_code)):
        raise ValidationFailed(
            f"{phone} does not start with {country.name}'s calling code {country.calling_code}"
        )
    source_id = None
    if row.get("source"):
        source_id = sources.get(row["source"])
        if source_id is None:
            raise ValidationFailed(f"unknown source {row['source']!r}")
    return phone, country.id, provider.id, source_id


async def import_numbers(
    db: Database,
    snap: Snapshot,
    rows: Iterable[tuple[int, dict[str, str]]],
    *,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Add numbers; existing ones are skipped (idempotent). Commits per chunk."""
    report = ImportReport()
    sources = await _source_ids(db)
    chunk: list[tuple[int, tuple[int, int, int, int | None]]] = []
    seen: set[int] = set()
    for line, row in rows:
        try:
            parsed = _validate(snap, sources, row)
        except ValidationFailed as exc:
            report.invalid.append((line, exc.message))
            continue
        if parsed[0] in seen:
            report.skipped.append((line, f"{parsed[0]} appears earlier in the file"))
            continue
        seen.add(parsed[0])
        chunk.append((line, parsed))
        if len(chunk) >= CHUNK:
            await _insert_chunk(db, chunk, report)
            if progress:
                progress(len(chunk))
            chunk = []
    if chunk:
        await _insert_chunk(db, chunk, report)
        if progress:
            progress(len(chunk))
    return report


async def _insert_chunk(
    db: Database, chunk: list[tuple[int, tuple[int, int, int, int | None]]], report: ImportReport
) -> None:
    phones = [p[0] for _, p in chunk]
    now = now_ms()
    async with db.transaction() as conn:
        existing = set(await numbers.existing_phones(conn, phones))
        fresh = []
        for line, (phone, country_id, provider_id, source_id) in chunk:
            if phone in existing:
                report.skipped.append((line, f"{phone} is already in the pool"))
                continue
            fresh.append(
                {"phone": phone, "c": country_id, "p": provider_id, "s": source_id, "now": now}
            )
        if fresh:
            await numbers.insert_many(conn, fresh)
            report.added += len(fresh)


async def list_numbers(
    conn: Conn,
    *,
    country: str | None = None,
    provider: str | None = None,
    state: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[PoolNumber]:
    """Numbers with where they stand: free, leased, rented, disabled or offline."""
    if state and state not in numbers.STATES:
        raise ValidationFailed(f"state must be one of {', '.join(numbers.STATES)}")
    rows = await numbers.listed(
        conn,
        country=country.strip().lower() if country else None,
        provider=provider.strip().lower() if provider else None,
        state=state,
        limit=limit,
        offset=offset,
    )
    return [
        PoolNumber(
            int(r.phone),
            r.country,
            r.provider,
            r.source,
            _state(r),
            r.lease_count,
            r.sms_lease_count,
            r.last_sms_at,
        )
        for r in rows
    ]


def _state(r: numbers.ListedNumber) -> str:
    if not r.enabled:
        return "disabled"
    if r.active_activation_id is not None:
        return "leased"
    if r.rental_id is not None:
        return "rented"
    if not r.source_online:
        return "offline"
    return "free"


async def set_number_enabled(conn: Conn, number: str, enabled: bool) -> None:
    """Take a number out of (or back into) the pool; a live lease runs to its end."""
    phone = normalize_phone(number)
    kind = await numbers.source_kind(conn, phone)
    if enabled and kind in ("smshub", "upstream"):
        # Such a number is leased only by asking its supplier, never from the pool.
        raise ValidationFailed(f"{phone} belongs to an on-demand supplier ({kind})")
    if not await numbers.set_enabled(conn, phone, enabled):
        raise NotFound(f"no number {phone} in the pool", reason="number_not_found")
