"""GetHistory and taking a number again: requests and typed answers. No I/O here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from otpvirt_client._errors import NoNumbersError, ServerError
from otpvirt_client._models import Sms
from otpvirt_client._wire import Call, _field, money, parse_sms

# The server's largest page (a larger limit is served as this many).
MAX_PAGE = 100
# The server answers a history no deeper than this offset.
MAX_OFFSET = 10_000

When = datetime | int | float | None


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One past (or live) activation of the account, with its SMS (oldest first)."""

    id: str
    number: int
    service: str
    country: str
    provider: str
    state: str
    amount: Decimal
    created_at: datetime
    finished_at: datetime | None
    sms: list[Sms]

    @property
    def phone(self) -> str:
        """The number in international form, e.g. ``"+992112309834"``."""
        return f"+{self.number}"


def _seconds(when: When) -> int | None:
    if when is None:
        return None
    if isinstance(when, datetime):
        return int(when.timestamp())
    return int(when)


def history_call(since: When, until: When, offset: int, limit: int) -> Call:
    """GetHistory: a page of activations created in [since, until] (Unix seconds)."""
    body: dict[str, Any] = {"offset": offset, "limit": limit}
    if (start := _seconds(since)) is not None:
        body["from"] = start
    if (end := _seconds(until)) is not None:
        body["to"] = end
    return Call("GetHistory", body, idempotent=True)


def reuse_call(service: str, number: int) -> Call:
    """GetNumber with `detail.number`: paid, so never repeated once it may have been sent."""
    return Call("GetNumber", {"service": service, "detail": {"number": number}}, idempotent=False)


def _time(value: Any, what: str) -> datetime:
    if not isinstance(value, str):
        raise ServerError(f"{what}: unexpected answer, a time is not a string")
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(UTC)
    except ValueError:
        raise ServerError(f"{what}: unexpected answer, bad time {value!r}") from None


def parse_history(data: dict[str, Any]) -> list[HistoryEntry]:
    """GetHistory's answer, newest first."""
    out = []
    for item in _field(data, "activations", list, "GetHistory"):
        if not isinstance(item, dict):
            raise ServerError("GetHistory: unexpected answer, an entry is not an object")
        finished = item.get("finishedAt")
        out.append(
            HistoryEntry(
                id=str(_field(item, "activationId", str, "GetHistory")).lower(),
                number=_field(item, "number", int, "GetHistory"),
                service=_field(item, "service", str, "GetHistory"),
                country=_field(item, "country", str, "GetHistory"),
                provider=_field(item, "provider", str, "GetHistory"),
                state=_field(item, "state", str, "GetHistory"),
                amount=money(item, "ammount", "GetHistory"),
                created_at=_time(item.get("createdAt"), "GetHistory"),
                finished_at=None if finished is None else _time(finished, "GetHistory"),
                sms=[parse_sms(m, "GetHistory") for m in _field(item, "sms", list, "GetHistory")],
            )
        )
    return out


def not_in_history(activation_id: str) -> NoNumbersError:
    """The error for an activation that is not among the account's reusable ones."""
    return NoNumbersError(
        f"activation {activation_id} is not in this account's history of the reuse window",
        reason="reuse_not_available",
    )
