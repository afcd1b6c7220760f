"""Request and response models of the native API (they also feed the OpenAPI document)."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Password = Annotated[str, StringConstraints(min_length=8, max_length=128)]
ServiceCode = Annotated[str, StringConstraints(min_length=2, max_length=36)]
SmsId = Annotated[str, StringConstraints(min_length=1, max_length=64)]
CatalogueName = Annotated[str, StringConstraints(min_length=1, max_length=64)]

CLIENT_ID = "bd7bf3dd-ea7a-4079-a836-4bb26592fdad"
ACTIVATION_ID = "df500217-3a9b-4260-8d87-cb72fe7c8a43"
PASSWORD = "s3cret-api-password"


def _example(**fields: Any) -> ConfigDict:
    return ConfigDict(extra="ignore", json_schema_extra={"examples": [fields]})


class Credentials(BaseModel):
    """Every request carries the client's id and API password."""

    model_config = _example(clientId=CLIENT_ID, apiPassword=PASSWORD)

    clientId: UUID = Field(description="Client ID (GUID, any case)")
    apiPassword: Password = Field(description="API password, 8 to 128 characters")


class GetBalanceRequest(Credentials):
    model_config = _example(clientId=CLIENT_ID, apiPassword=PASSWORD)


class GetPriceRequest(Credentials):
    model_config = _example(clientId=CLIENT_ID, apiPassword=PASSWORD)


class GetNumbersCountRequest(Credentials):
    model_config = _example(
        clientId=CLIENT_ID,
        apiPassword=PASSWORD,
        service="fb",
        country="tajikistan",
        provider="indigo",
    )

    service: ServiceCode = Field(description="Service code, e.g. `vi` (Viber)")
    country: CatalogueName = Field(description="Country name, e.g. `tajikistan`")
    provider: CatalogueName = Field(description="Operator name, or `any`")


class GetNumberRequest(Credentials):
    model_config = _example(
        clientId=CLIENT_ID,
        apiPassword=PASSWORD,
        service="vi",
        detail={"country": "tajikistan", "provider": "indigo"},
    )

    service: ServiceCode = Field(description="Service code, e.g. `vi` (Viber)")
    detail: dict[str, Any] = Field(
        description="Number parameters: optional keys `country` and `provider` "
        "(matched case-insensitively; provider `any` = any operator)"
    )


class ActivationRequest(Credentials):
    model_config = _example(clientId=CLIENT_ID, apiPassword=PASSWORD, activationId=ACTIVATION_ID)

    activationId: UUID = Field(description="Activation ID returned by GetNumber")


class GetSmsRequest(ActivationRequest):
    model_config = _example(
        clientId=CLIENT_ID, apiPassword=PASSWORD, activationId=ACTIVATION_ID, wait=30
    )

    wait: int = Field(
        default=0,
        ge=0,
        le=60,
        description="Seconds to hold the answer until an SMS (newer than `after`) arrives; "
        "0 answers at once",
    )
    after: SmsId | None = Field(
        default=None,
        description="An SMS id already seen: only a newer SMS ends the wait",
    )


class Envelope(BaseModel):
    """`status` 2 = success, 4 = error; `error` 0 none, 1 NoNumbers, 2 InternalError,
    3 InvalidRequest, 4 SmsHasBeenReceived."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"status": 2, "error": 0}]})

    status: int = Field(examples=[2])
    error: int = Field(examples=[0])


class ErrorResponse(Envelope):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "status": 4,
                    "error": 3,
                    "reason": "bad_credentials",
                    "message": "unknown clientId or wrong apiPassword",
                }
            ]
        }
    )

    reason: str | None = Field(default=None, description="Stable snake_case cause")
    message: str | None = Field(default=None, description="One line for a person")


class CountResponse(Envelope):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"count": 36261, "status": 2, "error": 0}]}
    )

    count: int


class GetNumberResponse(Envelope):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "activationId": ACTIVATION_ID,
                    "ammount": 0.05,
                    "number": 992112302159,
                    "status": 2,
                    "error": 0,
                }
            ]
        }
    )

    activationId: UUID
    ammount: float = Field(description="Price charged, in the client's currency (sic)")
    number: int = Field(description="Phone number with country code")


class Sms(BaseModel):
    id: UUID
    phoneFrom: str
    phone: int
    text: str
    code: str


_SMS_EXAMPLE: dict[str, Any] = {
    "id": "0f9aa28a-125e-4f61-ac48-3d3a48b404a5",
    "phoneFrom": "Viber",
    "phone": 992112302159,
    "text": "<#> Your Viber code: 905526\n\nYou can also tap this link to finish your "
    "activation:\nhttps://unv.viber.com/a/905526\n\n6EQbNfKgO8O",
    "code": "905526",
}


class GetSmsResponse(Envelope):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"sms": [_SMS_EXAMPLE], "status": 2, "error": 0}]}
    )

    sms: list[Sms]


class WebhookPayload(BaseModel):
    """What the server POSTs to the client's URL when an SMS arrives."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{**_SMS_EXAMPLE, "clientId": CLIENT_ID, "activationId": ACTIVATION_ID}]
        }
    )

    id: UUID
    phoneFrom: str
    phone: int
    text: str
    code: str
    clientId: UUID
    activationId: UUID


class BalanceResponse(Envelope):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"currency": "USD", "balance": 131.95, "status": 2, "error": 0}]
        }
    )

    currency: str
    balance: float


class CountryPrices(BaseModel):
    country: str
    services: dict[str, float]


class PriceResponse(Envelope):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "currency": "USD",
                    "countryList": [
                        {"country": "tajikistan", "services": {"wa": 0.32, "vi": 0.05, "fb": 0.06}},
                        {"country": "laos", "services": {"wv": 1.23}},
                    ],
                    "status": 2,
                    "error": 0,
                }
            ]
        }
    )

    currency: str
    countryList: list[CountryPrices]


class GetHistoryRequest(Credentials):
    model_config = _example(
        clientId=CLIENT_ID, apiPassword=PASSWORD, **{"from": 1764806400}, offset=0, limit=50
    )

    from_: int | None = Field(
        default=None, alias="from", ge=0, description="Unix seconds; default 30 days before `to`"
    )
    to: int | None = Field(default=None, ge=0, description="Unix seconds (included); default now")
    offset: int | None = Field(default=None, ge=0, description="Activations to skip (<= 10000)")
    limit: int | None = Field(
        default=None, ge=1, description="Page size, default 50; more than 100 is served as 100"
    )


class PastActivation(BaseModel):
    activationId: UUID
    number: int
    service: str
    country: str
    provider: str
    state: str = Field(description="waiting, sms_received, completed, cancelled or expired")
    ammount: float = Field(description="Price charged, in the client's currency (sic)")
    createdAt: str = Field(description="ISO 8601 UTC")
    finishedAt: str | None = Field(description="ISO 8601 UTC; null while live")
    sms: list[Sms]


class GetHistoryResponse(Envelope):
    activations: list[PastActivation] = Field(description="Newest first")
