"""The sms-activate rent actions of an upstream provider, answers parsed into typed results.

Shapes, as sms-activate (and the official `smsactivate` client) have them:
- getRentNumber, continueRentNumber: `{"status":"success","phone":{"id":1049,
  "endDate":"2020-03-09T12:51:43","number":"79959707564"}}`;
- getRentStatus: `{"status":"success","quantity":"2","values":{"0":{"phoneFrom":..,
  "text":..,"service":..,"date":"2020-03-09 12:35:54"}}}`, newest first (some
  providers send `values` as a list);
- setRentStatus: `{"status":"success"}`;
- failures: `{"status":"error","message":"NO_NUMBERS"}` — or a bare token (`BAD_KEY`,
  `NO_BALANCE`) from the handler's common checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import orjson

from otpvirt.errors import ValidationFailed
from otpvirt.inventory.service import normalize_phone
from otpvirt.supply.base import SupplierError
from otpvirt.upstream.client import SmsActivateClient

FINISH, CANCEL = 1, 2
# setRentStatus answers after which nothing is left to do at the provider.
SETTLED = {
    FINISH: ("success", "ALREADY_FINISH", "ALREADY_CANCEL", "STATUS_FINISH", "STATUS_CANCEL"),
    CANCEL: ("success", "ALREADY_CANCEL"),
}
GONE = ("NO_ID_RENT", "INVALID_PHONE")  # the provider does not know the rental (any more)
PAGE = 100


class RentRefused(SupplierError):
    """The provider answered with an error token (kept in `token`)."""

    def __init__(self, action: str, token: str) -> None:
        super().__init__(f"{action}: {token}")
        self.token = token


@dataclass(frozen=True, slots=True)
class RentedNumber:
    """A number the provider rented to us."""

    external_id: str
    phone: int
    end_date: str


@dataclass(frozen=True, slots=True)
class RentSms:
    """One SMS the provider received on a rented number."""

    sender: str
    text: str
    date: str


def _parse(action: str, text: str) -> tuple[str, dict[str, Any]]:
    """("success", body) or (error token, {})."""
    if not text.startswith("{"):
        return text.split(":", 1)[0].strip() or "EMPTY_ANSWER", {}
    try:
        body = orjson.loads(text)
    except orjson.JSONDecodeError:
        raise SupplierError(f"{action}: the answer is not JSON") from None
    if not isinstance(body, dict):
        raise SupplierError(f"{action}: not a JSON object")
    if body.get("status") == "success":
        return "success", body
    token = body.get("message") or body.get("msg") or body.get("error") or "UNKNOWN_ERROR"
    return str(token), {}


def _rented(action: str, body: dict[str, Any]) -> RentedNumber:
    phone = body.get("phone")
    if not isinstance(phone, dict) or phone.get("id") in (None, "") or not phone.get("number"):
        raise SupplierError(f"{action}: no phone id or number in the answer")
    try:
        number = normalize_phone(str(phone["number"]))
    except ValidationFailed as exc:
        raise SupplierError(f"{action}: {exc.message}") from None
    return RentedNumber(str(phone["id"]), number, str(phone.get("endDate") or ""))


def _messages(values: Any) -> list[RentSms]:
    if isinstance(values, dict):
        items = list(values.values())
    elif isinstance(values, list):
        items = values
    else:
        raise SupplierError("getRentStatus: `values` is neither an object nor a list")
    out = []
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            continue
        sender = str(item.get("phoneFrom") or item.get("from") or "unknown")
        out.append(RentSms(sender, item["text"], str(item.get("date") or "")))
    return out


class RentApi:
    """One provider account's rent actions."""

    def __init__(self, client: SmsActivateClient) -> None:
        self.client = client

    async def rent(
        self, *, service: str, hours: int, country: int, operator: str | None
    ) -> RentedNumber | None:
        """getRentNumber: the rented number, or None when the provider has none."""
        text = await self.client.call(
            "getRentNumber",
            service=service,
            rent_time=hours,
            time=hours,  # the official client's spelling
            country=country,
            operator=operator,
        )
        token, body = _parse("getRentNumber", text)
        if token == "NO_NUMBERS":
            return None
        if token != "success":
            raise RentRefused("getRentNumber", token)
        return _rented("getRentNumber", body)

    async def sms(self, external_id: str) -> tuple[list[RentSms], str | None]:
        """getRentStatus: the SMS so far (newest first) and the end state if it ended there."""
        out: list[RentSms] = []
        for page in range(10):
            text = await self.client.call("getRentStatus", id=external_id, page=page, size=PAGE)
            token, body = _parse("getRentStatus", text)
            if token == "STATUS_WAIT_CODE":
                return out, None
            if token in ("STATUS_FINISH", "STATUS_CANCEL", *GONE):
                return out, token
            if token != "success":
                raise RentRefused("getRentStatus", token)
            got = _messages(body.get("values") or {})
            out.extend(got)
            total = body.get("quantity")
            if len(got) < PAGE or not str(total).isdigit() or len(out) >= int(str(total)):
                break
        return out, None

    async def prolong(self, external_id: str, hours: int) -> RentedNumber:
        """continueRentNumber: the rental with its later end date."""
        text = await self.client.call("continueRentNumber", id=external_id, rent_time=hours)
        token, body = _parse("continueRentNumber", text)
        if token != "success":
            raise RentRefused("continueRentNumber", token)
        return _rented("continueRentNumber", body)

    async def set_status(self, external_id: str, status: int) -> str:
        """setRentStatus 1 (finish) or 2 (cancel): "success" or the error token."""
        text = await self.client.call("setRentStatus", id=external_id, status=status)
        return _parse("setRentStatus", text)[0]
