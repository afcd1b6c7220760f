"""The wire side of rentals: calls and parsers shared by `Client` and `AsyncClient`."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from otpvirt_client._errors import ServerError
from otpvirt_client._models import Prolonged, Rental, Sms
from otpvirt_client._wire import Call, money, parse_sms

RentalRef = Rental | str


def rental_id(ref: RentalRef) -> str:
    """The GUID of a `Rental` or a GUID string."""
    return ref.id if isinstance(ref, Rental) else str(ref).strip()


def rent_call(service: str, hours: int, country: str | None, provider: str | None) -> Call:
    """RentNumber: paid, so never repeated once it may have reached the server."""
    detail = {k: v for k, v in (("country", country), ("provider", provider)) if v is not None}
    return Call("RentNumber", {"service": service, "hours": hours, "detail": detail}, False)


def rental_call(method: str, ref: RentalRef, **extra: Any) -> Call:
    """GetRentSms (idempotent), ProlongRent, FinishRent, CancelRent."""
    return Call(method, {"rentId": rental_id(ref), **extra}, idempotent=method == "GetRentSms")


def _date(data: dict[str, Any], what: str) -> datetime:
    value = data.get("endDate")
    if not isinstance(value, str):
        raise ServerError(f"{what}: unexpected answer, 'endDate' missing")
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ServerError(f"{what}: unexpected answer, bad endDate {value!r}") from None


def parse_rental(data: dict[str, Any]) -> Rental:
    """RentNumber's answer."""
    rid, number = data.get("rentId"), data.get("number")
    if not isinstance(rid, str) or not isinstance(number, int) or isinstance(number, bool):
        raise ServerError("RentNumber: unexpected answer, 'rentId' or 'number' missing")
    return Rental(
        rid.lower(), number, _date(data, "RentNumber"), money(data, "ammount", "RentNumber")
    )


def parse_prolonged(data: dict[str, Any]) -> Prolonged:
    """ProlongRent's answer."""
    return Prolonged(_date(data, "ProlongRent"), money(data, "ammount", "ProlongRent"))


def parse_rent_sms(data: dict[str, Any]) -> list[Sms]:
    """GetRentSms's answer, oldest first."""
    items = data.get("sms")
    if not isinstance(items, list):
        raise ServerError("GetRentSms: unexpected answer, 'sms' missing")
    return [parse_sms(item, "GetRentSms") for item in items]
