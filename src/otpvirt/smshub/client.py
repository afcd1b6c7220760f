"""The hub side of the SMSHub agent protocol: we ask SIM-bank agents for numbers.

Every request is a gzip-compressed JSON POST to the agent's one URL with `action`
and the shared `key`, and a User-Agent. Numeric fields are JSON numbers (the
protocol fails an agent test on `"123"`), money is written exactly from minor
units. Answers are JSON, gzip-compressed or not.
"""

from __future__ import annotations

import gzip
from typing import Any

import httpx
import orjson

from otpvirt import __version__
from otpvirt.catalogue.snapshot import Snapshot
from otpvirt.config import Settings
from otpvirt.errors import ValidationFailed
from otpvirt.inventory.service import normalize_phone
from otpvirt.money import currency, to_wire
from otpvirt.sources.service import SourceInfo
from otpvirt.supply.base import (
    CANCELLED,
    REFUNDED,
    REFUSED,
    SMSHUB,
    SOLD,
    IncomingSms,
    Offer,
    StockRow,
    SupplierError,
    Want,
)
from otpvirt.supply.registry import register

# FINISH_ACTIVATION statuses (protocol appendix 4).
FINISH_STATUS = {SOLD: 3, CANCELLED: 4, REFUNDED: 5, REFUSED: 1}
ANY_OPERATOR = "any"


def _number(value: Any, name: str) -> int:
    # Agents must send numbers; a digit string is accepted rather than losing a number.
    if isinstance(value, bool):
        raise SupplierError(f"{name} is not a number: {value!r}")
    if isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
        return int(value)
    raise SupplierError(f"{name} is not a number: {value!r}")


class AgentClient:
    """One SMSHub-protocol agent, as a supplier."""

    polls = False

    def __init__(self, source: SourceInfo, settings: Settings) -> None:
        self.source = source
        self.url = str(source.config.get("agentUrl", ""))
        self.key = str(source.config.get("key", ""))
        self.timeout = settings.supplier_timeout_seconds

    async def call(self, action: str, *, wait: float | None = None, **fields: Any) -> Any:
        """POST one action; the decoded JSON answer (SupplierError if there is none)."""
        body = gzip.compress(orjson.dumps({"action": action, "key": self.key, **fields}))
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            "Content-Encoding": "gzip",
            "Accept-Encoding": "gzip",
            "User-Agent": f"otpvirt/{__version__}",
        }
        try:
            async with httpx.AsyncClient(timeout=wait or self.timeout) as http:
                resp = await http.post(self.url, content=body, headers=headers)
        except httpx.HTTPError as exc:
            raise SupplierError(f"{action}: {type(exc).__name__}: {exc}") from exc
        raw = resp.content
        if raw[:2] == b"\x1f\x8b":  # gzip without a Content-Encoding header
            raw = gzip.decompress(raw)
        if resp.status_code >= 400:
            raise SupplierError(f"{action}: HTTP {resp.status_code}")
        try:
            answer = orjson.loads(raw)
        except orjson.JSONDecodeError:
            raise SupplierError(f"{action}: the answer is not JSON: {raw[:100]!r}") from None
        if not isinstance(answer, dict):
            raise SupplierError(f"{action}: the answer is not a JSON object")
        return answer

    async def buy(self, want: Want) -> Offer | None:
        """GET_NUMBER: a number for the service, or None on NO_NUMBERS."""
        fields: dict[str, Any] = {
            # Our country names are the protocol's slugs ("tajikistan", "laos").
            "country": want.country.name,
            "operator": want.provider.name if want.provider else ANY_OPERATOR,
            "service": want.service.code,
            "sum": to_wire(want.price, currency(want.currency)),
            "currency": currency(want.currency).numeric,
        }
        if want.exclude_prefixes:
            fields["exceptionPhoneSet"] = list(want.exclude_prefixes)
        answer = await self.call("GET_NUMBER", **fields)
        status = answer.get("status")
        if status == "NO_NUMBERS":
            return None
        if status != "SUCCESS":
            raise SupplierError(f"GET_NUMBER: {answer.get('error') or status}")
        try:
            phone = normalize_phone(_number(answer.get("number"), "number"))
        except ValidationFailed as exc:
            raise SupplierError(f"GET_NUMBER: {exc.message}") from None
        return Offer(str(_number(answer.get("activationId"), "activationId")), phone)

    async def recover(self, want: Want) -> Offer | None:
        """The protocol has no order key: a purchase whose answer was lost cannot be found."""
        return None

    async def finish(self, external_id: str, outcome: str) -> None:
        """FINISH_ACTIVATION until the agent says SUCCESS (it must answer so again on repeats)."""
        activation: int | str = int(external_id) if external_id.isdigit() else external_id
        # Background work, not a client's request: a slow agent gets more time.
        answer = await self.call(
            "FINISH_ACTIVATION",
            wait=max(self.timeout, 10.0),
            activationId=activation,
            status=FINISH_STATUS[outcome],
        )
        if answer.get("status") != "SUCCESS":
            raise SupplierError(f"FINISH_ACTIVATION: {answer.get('error') or answer}")

    async def stock(self, snap: Snapshot) -> list[StockRow]:
        """GET_SERVICES, in our catalogue's terms (unknown countries/services skipped)."""
        answer = await self.call("GET_SERVICES", wait=max(self.timeout, 10.0))
        if answer.get("status") != "SUCCESS":
            raise SupplierError(f"GET_SERVICES: {answer.get('error') or answer.get('status')}")
        totals: dict[tuple[int, int | None, int], int] = {}
        for entry in answer.get("countryList") or []:
            if not isinstance(entry, dict):
                continue
            country = snap.country(str(entry.get("country", "")))
            operators = entry.get("operatorMap")
            if country is None or not isinstance(operators, dict):
                continue
            for op_name, services in operators.items():
                provider = country.providers.get(str(op_name).lower())
                if not isinstance(services, dict):
                    continue
                for code, n in services.items():
                    service = snap.service(str(code))
                    if service is None or isinstance(n, bool) or not isinstance(n, int) or n <= 0:
                        continue
                    key = (country.id, provider.id if provider else None, service.id)
                    totals[key] = totals.get(key, 0) + n
        return [StockRow(c, p, s, n) for (c, p, s), n in totals.items()]

    async def poll(self, external_id: str) -> tuple[list[IncomingSms], bool]:
        """Agents push their SMS (PUSH_SMS): there is nothing to poll."""
        return [], False


register(SMSHUB, AgentClient)
