"""A client for the sms-activate protocol (`/stubs/handler_api.php`), spoken by many providers.

Parameters go in the query string of a GET; answers are text tokens
(`ACCESS_NUMBER:…`, `STATUS_OK:…`, `NO_NUMBERS`) or JSON. Only transport failures
and HTTP errors raise here; tokens are returned for the caller to interpret.
"""

from __future__ import annotations

from typing import Any

import httpx
import orjson

from otpvirt import __version__
from otpvirt.supply.base import SupplierError

HANDLER = "/stubs/handler_api.php"


def handler_url(base_url: str) -> str:
    """The handler URL for a provider's base URL (or the handler URL itself)."""
    url = base_url.strip().rstrip("/")
    return url if url.endswith("handler_api.php") else url + HANDLER


class SmsActivateClient:
    """One provider account."""

    def __init__(self, base_url: str, api_key: str, *, timeout: float = 10.0) -> None:
        self.url = handler_url(base_url)
        self.api_key = api_key
        self.timeout = timeout

    async def call(self, action: str, *, wait: float | None = None, **params: Any) -> str:
        """One action; the stripped answer text."""
        query = {"api_key": self.api_key, "action": action}
        query.update({k: str(v) for k, v in params.items() if v is not None})
        try:
            async with httpx.AsyncClient(timeout=wait or self.timeout) as http:
                resp = await http.get(
                    self.url, params=query, headers={"User-Agent": f"otpvirt/{__version__}"}
                )
        except httpx.HTTPError as exc:
            raise SupplierError(f"{action}: {type(exc).__name__}: {exc}") from exc
        if resp.status_code >= 400:
            raise SupplierError(f"{action}: HTTP {resp.status_code}")
        return resp.text.strip()

    async def call_json(self, action: str, **params: Any) -> Any:
        """An action answered with JSON (a token answer raises SupplierError)."""
        text = await self.call(action, **params)
        if not text.startswith(("{", "[")):
            raise SupplierError(f"{action}: {text[:100]}")
        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError:
            raise SupplierError(f"{action}: the answer is not JSON") from None

    async def get_number(
        self,
        *,
        service: str,
        country: int,
        operator: str | None,
        max_price: str | None,
        order_id: str,
        wait: float | None = None,
    ) -> tuple[str, Any]:
        """getNumberV2 (falls back to getNumber): ("json", dict) or ("token", text)."""
        params = {
            "service": service,
            "country": country,
            "operator": operator,
            "maxPrice": max_price,
            "orderId": order_id,
        }
        text = await self.call("getNumberV2", wait=wait, **params)
        if text == "BAD_ACTION":  # an older provider without V2
            text = await self.call("getNumber", wait=wait, **params)
        if text.startswith("{"):
            try:
                return "json", orjson.loads(text)
            except orjson.JSONDecodeError:
                raise SupplierError("getNumberV2: the answer is not JSON") from None
        return "token", text

    async def get_status(self, activation_id: str) -> str:
        """getStatus: STATUS_WAIT_CODE, STATUS_OK:<code>, STATUS_CANCEL, …"""
        return await self.call("getStatus", id=activation_id)

    async def get_full_sms(self, activation_id: str) -> str | None:
        """The whole text of the received SMS (`FULL_SMS:<text>`), if the provider has it."""
        text = await self.call("getFullSms", id=activation_id)
        return text.split(":", 1)[1] if text.startswith("FULL_SMS:") else None

    async def set_status(self, activation_id: str, status: int) -> str:
        """setStatus: 6 = finish, 8 = cancel; the answer token."""
        return await self.call("setStatus", id=activation_id, status=status)

    async def get_balance(self) -> str:
        """The account balance as the provider writes it."""
        text = await self.call("getBalance")
        if not text.startswith("ACCESS_BALANCE:"):
            raise SupplierError(f"getBalance: {text[:100]}")
        return text.split(":", 1)[1]

    async def get_prices(self) -> Any:
        """getPrices: {country id: {service: {cost, count}}}."""
        return await self.call_json("getPrices")
