"""The upstream provider stub (`upstream_stub.Upstream`) with the sms-activate rent actions.

getRentNumber, getRentStatus (newest first, `page`/`size`), setRentStatus 1/2 (2 refunds,
only without SMS), continueRentNumber and getRentList, answering in the shapes of
sms-activate: `{"status":"success",...}` or `{"status":"error","message":TOKEN}`.
It charges and refunds the same balance as the activation actions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from tests.support.httpstub import Reply
from tests.support.upstream_stub import Upstream

RENT_ACTIONS = (
    "getRentNumber",
    "getRentStatus",
    "setRentStatus",
    "continueRentNumber",
    "getRentList",
)


@dataclass
class Rent:
    id: int
    phone: int
    service: str
    country: int
    hours: int
    paid: Decimal
    end: datetime
    state: str = "active"  # active | finished | cancelled
    sms: list[dict[str, str]] = field(default_factory=list)


class RentingUpstream(Upstream):
    """A provider that also rents numbers."""

    def __init__(self, phones: list[int], *, rent_hourly: str = "0.05", **kw: Any) -> None:
        super().__init__(phones, **kw)
        self.rent_hourly = Decimal(rent_hourly)
        self.rents: dict[int, Rent] = {}
        self.rent_error: str | None = None  # answer getRentNumber with this error token
        self.rent_http_error = 0  # this many rent-action calls answer HTTP 500
        self.fail_rent_status = 0  # this many setRentStatus calls answer HTTP 500
        self._next_rent = 5000001

    def deliver_rent(self, rent_id: int, sender: str, text: str) -> None:
        """An SMS arrives at a rented number."""
        with self._lock:
            date = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")
            r = self.rents[rent_id]
            r.sms.append({"phoneFrom": sender, "text": text, "service": r.service, "date": date})

    def _answer(self, p: dict[str, str]) -> Reply:
        action = p.get("action", "")
        if action not in RENT_ACTIONS:
            return super()._answer(p)
        if self.rent_http_error > 0 or (action == "setRentStatus" and self.fail_rent_status > 0):
            if action == "setRentStatus" and self.fail_rent_status > 0:
                self.fail_rent_status -= 1
            else:
                self.rent_http_error -= 1
            return Reply(500, b"Internal Server Error")
        rent = self.rents.get(int(p["id"])) if (p.get("id") or "").isdigit() else None
        if action == "getRentNumber":
            return self._rent(p)
        if action == "getRentList":
            live = [r for r in self.rents.values() if r.state == "active"]
            values = {str(i): {"id": str(r.id), "phone": str(r.phone)} for i, r in enumerate(live)}
            return self._json({"status": "success", "values": values})
        if rent is None:
            return self._error("NO_ID_RENT")
        if action == "getRentStatus":
            return self._status(rent, p)
        if action == "setRentStatus":
            return self._set(rent, p.get("status"))
        return self._continue(rent, int(p.get("rent_time") or 4))

    def _error(self, token: str) -> Reply:
        return self._json({"status": "error", "message": token})

    def _phone(self, r: Rent) -> Reply:
        end = r.end.strftime("%Y-%m-%dT%H:%M:%S")
        return self._json(
            {"status": "success", "phone": {"id": r.id, "endDate": end, "number": str(r.phone)}}
        )

    def _rent(self, p: dict[str, str]) -> Reply:
        if self.rent_error:
            return self._error(self.rent_error)
        hours = int(p.get("rent_time") or p.get("time") or 4)
        cost = self.rent_hourly * hours
        if not self.phones:
            return self._error("NO_NUMBERS")
        if self.balance < cost:
            return self._error("NO_BALANCE")
        self.balance -= cost
        r = Rent(
            self._next_rent,
            self.phones.pop(0),
            p.get("service", ""),
            int(p.get("country", "0")),
            hours,
            cost,
            datetime.now(UTC) + timedelta(hours=hours),
        )
        self.rents[r.id] = r
        self._next_rent += 1
        return self._phone(r)

    def _status(self, r: Rent, p: dict[str, str]) -> Reply:
        if r.state != "active":
            return self._error("STATUS_FINISH" if r.state == "finished" else "STATUS_CANCEL")
        if not r.sms:
            return self._error("STATUS_WAIT_CODE")
        page, size = int(p.get("page") or 0), int(p.get("size") or 10)
        newest = list(reversed(r.sms))[page * size : (page + 1) * size]
        values = {str(i): m for i, m in enumerate(newest)}
        return self._json({"status": "success", "quantity": str(len(r.sms)), "values": values})

    def _set(self, r: Rent, status: str | None) -> Reply:
        if status not in ("1", "2"):
            return self._error("INCORECT_STATUS")
        if r.state != "active":
            return self._error("ALREADY_FINISH" if r.state == "finished" else "ALREADY_CANCEL")
        if status == "1":
            r.state = "finished"
            return self._json({"status": "success"})
        if r.sms:
            return self._error("CANT_CANCEL")
        r.state = "cancelled"
        self.balance += r.paid
        return self._json({"status": "success"})

    def _continue(self, r: Rent, hours: int) -> Reply:
        if r.state != "active":
            return self._error("RENT_DIE")
        cost = self.rent_hourly * hours
        if self.balance < cost:
            return self._error("NO_BALANCE")
        self.balance -= cost
        r.hours += hours
        r.paid += cost
        r.end += timedelta(hours=hours)
        return self._phone(r)
