"""The native rental methods' request and response models (they feed the OpenAPI document)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from otpvirt.native.schemas import CLIENT_ID, PASSWORD, CountryPrices, Credentials, Envelope

RENT_ID = "6b1e3a52-5f0e-4a63-9d7c-2f3a8f0c1e77"
ServiceCode = Annotated[str, StringConstraints(min_length=2, max_length=36)]
END = "2026-12-05T14:00:00Z"


def _example(**fields: Any) -> ConfigDict:
    return ConfigDict(extra="ignore", json_schema_extra={"examples": [fields]})


def iso(ms: int) -> str:
    """Epoch milliseconds as ISO 8601 UTC (`2026-12-05T14:00:00Z`)."""
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class RentNumberRequest(Credentials):
    model_config = _example(
        clientId=CLIENT_ID,
        apiPassword=PASSWORD,
        service="full",
        hours=4,
        detail={"country": "tajikistan", "provider": "any"},
    )

    service: ServiceCode = Field(description="Service code, or `full` for any service")
    hours: int = Field(description="Whole hours, 4 to 1344")
    detail: dict[str, Any] = Field(
        default_factory=dict, description="Optional `country` and `provider` (as GetNumber)"
    )


class RentRequest(Credentials):
    model_config = _example(clientId=CLIENT_ID, apiPassword=PASSWORD, rentId=RENT_ID)

    rentId: UUID = Field(description="Rental ID returned by RentNumber")


class ProlongRentRequest(RentRequest):
    model_config = _example(clientId=CLIENT_ID, apiPassword=PASSWORD, rentId=RENT_ID, hours=24)

    hours: int = Field(description="Whole hours to add, 4 to 1344 (at most 1344 in all)")


class GetRentPriceRequest(Credentials):
    model_config = _example(clientId=CLIENT_ID, apiPassword=PASSWORD, hours=4)

    hours: int = Field(description="Whole hours, 4 to 1344")


class RentNumberResponse(Envelope):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "rentId": RENT_ID,
                    "number": 992112302159,
                    "endDate": END,
                    "ammount": 0.4,
                    "status": 2,
                    "error": 0,
                }
            ]
        }
    )

    rentId: UUID
    number: int
    endDate: str
    ammount: float


class RentSms(BaseModel):
    id: UUID
    phoneFrom: str
    phone: int
    text: str
    code: str
    receivedAt: str


class GetRentSmsResponse(Envelope):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "sms": [
                        {
                            "id": "0f9aa28a-125e-4f61-ac48-3d3a48b404a5",
                            "phoneFrom": "Telegram",
                            "phone": 992112302159,
                            "text": "Telegram code: 77123",
                            "code": "77123",
                            "receivedAt": "2026-12-05T10:02:11Z",
                        }
                    ],
                    "endDate": END,
                    "state": "active",
                    "status": 2,
                    "error": 0,
                }
            ]
        }
    )

    sms: list[RentSms]
    endDate: str
    state: str


class ProlongRentResponse(Envelope):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"endDate": END, "ammount": 2.4, "status": 2, "error": 0}]}
    )

    endDate: str
    ammount: float


class RentPriceResponse(Envelope):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "currency": "USD",
                    "countryList": [
                        {"country": "tajikistan", "services": {"full": 0.4, "tg": 0.2}}
                    ],
                    "status": 2,
                    "error": 0,
                }
            ]
        }
    )

    currency: str
    countryList: list[CountryPrices]
