"""An upstream provider speaking the sms-activate protocol (`/stubs/handler_api.php`).

Implements the handful of actions a reseller uses: getNumberV2 (idempotent on
`orderId`, honouring `maxPrice` unless told to ignore it), getNumber, getStatus,
getFullSms, setStatus 6/8 (8 refunds), getPrices and getBalance; it charges and
refunds a balance so a lost refund shows.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.support.httpstub import Reply, Request

API_KEY = "upstream-api-key"


@dataclass
class Purchase:
    id: int
    phone: int
    service: str
    country: int
    cost: Decimal
    order: str | None
    state: str = "wait"  # wait | ok | finished | cancelled
    code: str = ""
    text: str = ""


class Upstream:
    """The provider: call it with a request, get its reply."""

    def __init__(self, phones: list[int], *, cost: str = "0.25", balance: str = "10.00") -> None:
        self.phones = list(phones)
        self.cost = Decimal(cost)
        self.balance = Decimal(balance)
        self.purchases: dict[int, Purchase] = {}
        self.calls: list[dict[str, str]] = []
        self.prices: dict[str, Any] = {}
        self.fail_set_status = 0
        self.delay = 0.0
        self.ignore_max_price = False
        self.v2 = True
        self._next = 100000001
        self._lock = threading.Lock()

    def actions(self, name: str) -> list[dict[str, str]]:
        """The parameters of every call of one action."""
        return [c for c in self.calls if c.get("action") == name]

    def deliver(self, purchase_id: int, code: str, text: str) -> None:
        """The SMS arrives at the provider's SIM."""
        p = self.purchases[purchase_id]
        p.state, p.code, p.text = "ok", code, text

    def __call__(self, req: Request) -> Reply:
        url = urlsplit(req.path)
        if url.path != "/stubs/handler_api.php":
            return Reply(404, b"not found")
        params = {k: v[-1] for k, v in parse_qs(url.query).items()}
        with self._lock:
            self.calls.append(params)
            if params.get("api_key") != API_KEY:
                return self._text("BAD_KEY")
            if params.get("action") == "setStatus" and self.fail_set_status > 0:
                self.fail_set_status -= 1
                return Reply(500, b"Internal Server Error")
            reply = self._answer(params)
        if params.get("action") in ("getNumberV2", "getNumber") and self.delay:
            time.sleep(self.delay)  # the purchase is made; only the answer is late
        return reply

    @staticmethod
    def _text(token: str) -> Reply:
        return Reply(200, token.encode(), {"Content-Type": "text/plain; charset=utf-8"})

    @staticmethod
    def _json(obj: Any) -> Reply:
        return Reply(200, json.dumps(obj).encode(), {"Content-Type": "application/json"})

    def _answer(self, p: dict[str, str]) -> Reply:
        action = p.get("action")
        if action in ("getNumberV2", "getNumber"):
            if action == "getNumberV2" and not self.v2:
                return self._text("BAD_ACTION")
            return self._buy(p, v2=action == "getNumberV2")
        purchase = self.purchases.get(int(p.get("id") or 0))
        if action == "getStatus":
            if purchase is None:
                return self._text("NO_ACTIVATION")
            return self._text(
                {
                    "wait": "STATUS_WAIT_CODE",
                    "ok": f"STATUS_OK:{purchase.code}",
                    "finished": f"STATUS_OK:{purchase.code}",
                    "cancelled": "STATUS_CANCEL",
                }[purchase.state]
            )
        if action == "getFullSms":
            if purchase is None:
                return self._text("NO_ACTIVATION")
            ok = purchase.state in ("ok", "finished")
            return self._text(f"FULL_SMS:{purchase.text}" if ok else "STATUS_WAIT_CODE")
        if action == "setStatus":
            return self._set_status(purchase, p.get("status"))
        if action == "getPrices":
            return self._json(self.prices)
        if action == "getBalance":
            return self._text(f"ACCESS_BALANCE:{self.balance:.2f}")
        return self._text("BAD_ACTION")

    def _buy(self, p: dict[str, str], *, v2: bool) -> Reply:
        order = p.get("orderId")
        existing = next((x for x in self.purchases.values() if order and x.order == order), None)
        if existing is None:
            limit = p.get("maxPrice")
            if limit is not None and self.cost > Decimal(limit) and not self.ignore_max_price:
                return self._text(f"WRONG_MAX_PRICE:{self.cost}")
            if not self.phones:
                return self._text("NO_NUMBERS")
            if self.balance < self.cost:
                return self._text("NO_BALANCE")
            self.balance -= self.cost
            existing = Purchase(
                self._next,
                self.phones.pop(0),
                p.get("service", ""),
                int(p.get("country", "0")),
                self.cost,
                order,
            )
            self.purchases[self._next] = existing
            self._next += 1
        if not v2:
            return self._text(f"ACCESS_NUMBER:{existing.id}:{existing.phone}")
        return self._json(
            {
                "activationId": existing.id,
                "phoneNumber": str(existing.phone),
                "activationCost": f"{existing.cost:.2f}",
                "currency": 840,
                "countryCode": str(existing.country),
                "canGetAnotherSms": "1",
                "activationTime": "2026-11-27 12:00:00",
                "activationOperator": "any",
            }
        )

    def _set_status(self, purchase: Purchase | None, status: str | None) -> Reply:
        if purchase is None:
            return self._text("NO_ACTIVATION")
        if status == "6":
            if purchase.state in ("ok", "finished"):
                purchase.state = "finished"
                return self._text("ACCESS_ACTIVATION")
            return self._text("BAD_STATUS")
        if status == "8":
            if purchase.state == "wait":
                purchase.state = "cancelled"
                self.balance += purchase.cost
                return self._text("ACCESS_CANCEL")
            if purchase.state == "cancelled":
                return self._text("STATUS_CANCEL")
            return self._text("BAD_STATUS")
        return self._text("BAD_STATUS")
