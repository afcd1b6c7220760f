"""How the number pool looks on the wire (admin API, CLI `--json`, console pages)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from otpvirt.inventory.service import ImportReport, PoolNumber


class RowProblem(BaseModel):
    """A CSV row not added, by its line number."""

    line: int
    reason: str


class ImportReportOut(BaseModel):
    """What a number import did, with the line number of every row not added."""

    added: int
    skipped: list[RowProblem]
    invalid: list[RowProblem]

    @classmethod
    def of(cls, r: ImportReport) -> ImportReportOut:
        """The wire form of an import report (rows by line number)."""
        return cls(
            added=r.added,
            skipped=[RowProblem(line=n, reason=why) for n, why in sorted(r.skipped)],
            invalid=[RowProblem(line=n, reason=why) for n, why in sorted(r.invalid)],
        )


class NumberOut(BaseModel):
    """A number of the pool with its state and how often it received an SMS."""

    number: int
    country: str
    provider: str
    source: str | None
    state: str = Field(description="free, leased, rented, disabled or offline.")
    leases: int
    leasesWithSms: int
    successRate: float | None = Field(description="leasesWithSms / leases, 3 decimals.")
    lastSmsAt: int | None = Field(description="Epoch milliseconds.")

    @classmethod
    def of(cls, n: PoolNumber) -> NumberOut:
        """The wire form of a pool number."""
        return cls(
            number=n.number,
            country=n.country,
            provider=n.provider,
            source=n.source,
            state=n.state,
            leases=n.leases,
            leasesWithSms=n.leases_with_sms,
            successRate=n.success_rate,
            lastSmsAt=n.last_sms_at,
        )


def import_report_json(r: ImportReport) -> dict[str, Any]:
    """An import report as plain JSON data (CLI `--json`, console pages)."""
    return ImportReportOut.of(r).model_dump()


def number_json(n: PoolNumber) -> dict[str, Any]:
    """A pool number as plain JSON data (CLI `--json`, console pages)."""
    return NumberOut.of(n).model_dump()
