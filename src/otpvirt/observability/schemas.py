"""How the operator's overview looks on the wire (admin API)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from otpvirt.observability.stats import BUCKET_MS, Overview


class OverviewOut(BaseModel):
    """Pool, leases, SMS flow, success rates and money today, with 24 h series."""

    at: int
    availability: list[dict[str, Any]] = Field(
        description="Numbers leasable now per country, operator and offered service."
    )
    freeNumbers: int
    liveLeases: dict[str, int]
    liveRentals: int
    smsLastMinute: int
    smsLastHour: int
    successByCountry: list[dict[str, Any]]
    successByService: list[dict[str, Any]]
    moneyToday: list[dict[str, Any]]
    series: dict[str, Any] = Field(description="Counts per bucket over the last 24 hours.")
    seriesCurrency: str | None

    @classmethod
    def of(cls, ov: Overview) -> OverviewOut:
        """The wire form of the overview."""
        return cls(
            at=ov.at,
            availability=ov.availability,
            freeNumbers=ov.free_numbers,
            liveLeases=ov.live,
            liveRentals=ov.live_rentals,
            smsLastMinute=ov.sms_last_minute,
            smsLastHour=ov.sms_last_hour,
            successByCountry=ov.success_by_country,
            successByService=ov.success_by_service,
            moneyToday=ov.money_today,
            series={"bucketMinutes": BUCKET_MS // 60_000, **ov.series},
            seriesCurrency=ov.series_currency,
        )
