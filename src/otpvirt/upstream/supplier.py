"""An upstream sms-activate provider as a supplier (reseller mode).

Buys with getNumberV2 carrying our order key as `orderId` (so asking again after
a lost answer finds the same purchase instead of buying twice) and the source's
`maxPrice`; polls getStatus for codes (full text from getFullSms); mirrors the end
of the lease with setStatus 6 (finish) or 8 (cancel, which refunds us).
"""

from __future__ import annotations

import logging
from decimal import Decimal, InvalidOperation
from typing import Any

from otpvirt.catalogue.snapshot import Snapshot
from otpvirt.config import Settings
from otpvirt.errors import ValidationFailed
from otpvirt.inventory.service import normalize_phone
from otpvirt.sources.service import SourceInfo
from otpvirt.supply.base import (
    SOLD,
    UPSTREAM,
    IncomingSms,
    Offer,
    StockRow,
    SupplierError,
    Want,
)
from otpvirt.supply.registry import register
from otpvirt.upstream.client import SmsActivateClient

log = logging.getLogger("otpvirt.upstream")

FINISHED, CANCEL = 6, 8
ACCEPTED = {FINISHED: ("ACCESS_ACTIVATION",), CANCEL: ("ACCESS_CANCEL", "STATUS_CANCEL")}
# The provider no longer has anything to finish: retrying cannot change that.
NOTHING_TO_FINISH = ("NO_ACTIVATION", "WRONG_ACTIVATION_ID", "BAD_STATUS", "STATUS_FINISH")


def _decimal(value: Any) -> Decimal | None:
    try:
        return None if value is None else Decimal(str(value))
    except InvalidOperation:
        return None


class UpstreamSupplier:
    """One upstream provider account, as a supplier."""

    polls = True

    def __init__(self, source: SourceInfo, settings: Settings) -> None:
        self.source = source
        cfg = source.config
        self.client = SmsActivateClient(str(cfg.get("baseUrl", "")), str(cfg.get("apiKey", "")))
        self.max_price: str | None = cfg.get("maxPrice")
        self.timeout = settings.supplier_timeout_seconds

    def _offer(self, kind: str, answer: Any) -> Offer | None:
        if kind == "json":
            if not isinstance(answer, dict):
                raise SupplierError("getNumberV2: not a JSON object")
            ext, phone = answer.get("activationId"), answer.get("phoneNumber")
            cost, operator = answer.get("activationCost"), answer.get("activationOperator")
        elif answer.startswith("ACCESS_NUMBER:"):
            parts = answer.split(":")
            if len(parts) < 3:
                raise SupplierError(f"getNumber: {answer[:100]}")
            ext, phone, cost, operator = parts[1], parts[2], None, None
        elif answer == "NO_NUMBERS" or answer.startswith("WRONG_MAX_PRICE"):
            return None
        elif answer == "NO_BALANCE":
            raise SupplierError("the upstream account has no balance left")
        else:
            raise SupplierError(f"getNumber: {answer[:100]}")
        if ext in (None, "") or phone in (None, ""):
            raise SupplierError("getNumber: no activationId or phoneNumber")
        try:
            number = normalize_phone(str(phone))
        except ValidationFailed as exc:
            raise SupplierError(f"getNumber: {exc.message}") from None
        problem = None
        limit, paid = _decimal(self.max_price), _decimal(cost)
        if limit is not None and paid is not None and paid > limit:
            problem = f"upstream charged {cost}, above the maximum price {self.max_price}"
        return Offer(
            str(ext),
            number,
            None if cost is None else str(cost),
            operator and str(operator),
            problem,
        )

    async def buy(self, want: Want, *, wait: float | None = None) -> Offer | None:
        """A number at or below the maximum price, or None when the provider has none."""
        if want.country.smsactivate_id is None:
            return None
        kind, answer = await self.client.get_number(
            service=want.service.code,
            country=want.country.smsactivate_id,
            operator=want.provider.name if want.provider else None,
            max_price=self.max_price,
            order_id=want.order_key,
            wait=wait or self.timeout,
        )
        return self._offer(kind, answer)

    async def recover(self, want: Want) -> Offer | None:
        """Ask again with the same orderId: the provider returns the purchase it made."""
        return await self.buy(want, wait=max(self.timeout, 10.0))

    async def finish(self, external_id: str, outcome: str) -> None:
        """setStatus 6 (sold) or 8 (anything else: cancel, which refunds us)."""
        status = FINISHED if outcome == SOLD else CANCEL
        answer = await self.client.set_status(external_id, status)
        if answer in ACCEPTED[status]:
            return
        if answer.split(":", 1)[0] in NOTHING_TO_FINISH:
            log.warning(
                "upstream %s: setStatus %d for %s answered %s; nothing left to finish",
                self.source.name,
                status,
                external_id,
                answer,
            )
            return
        raise SupplierError(f"setStatus {status}: {answer[:100]}")

    async def stock(self, snap: Snapshot) -> list[StockRow]:
        """getPrices: counts of the services we offer, only where the cost is within maxPrice."""
        prices = await self.client.get_prices()
        if not isinstance(prices, dict):
            raise SupplierError("getPrices: not a JSON object")
        limit = _decimal(self.max_price)
        rows = []
        for country in snap.countries_by_id.values():
            if country.smsactivate_id is None or not country.enabled:
                continue
            services = prices.get(str(country.smsactivate_id))
            if not isinstance(services, dict):
                continue
            for code, info in services.items():
                service = snap.service(str(code))
                if service is None or not isinstance(info, dict):
                    continue
                cost, n = _decimal(info.get("cost")), info.get("count")
                if not isinstance(n, int) or isinstance(n, bool) or n <= 0:
                    continue
                if limit is not None and (cost is None or cost > limit):
                    continue
                rows.append(StockRow(country.id, None, service.id, n))
        return rows

    async def poll(self, external_id: str) -> tuple[list[IncomingSms], bool]:
        """The code received so far (with its full text when available); True if it ended."""
        status = await self.client.get_status(external_id)
        token, _, code = status.partition(":")
        if token in ("STATUS_OK", "STATUS_WAIT_RETRY") and code:
            text = await self.client.get_full_sms(external_id) or code
            return [IncomingSms(f"{external_id}:{code}", text)], False
        if token in ("STATUS_CANCEL", "NO_ACTIVATION", "STATUS_FINISH"):
            return [], True
        if token in ("STATUS_WAIT_CODE", "STATUS_WAIT_RESEND", "STATUS_WAIT_RETRY"):
            return [], False
        raise SupplierError(f"getStatus: {status[:100]}")


register(UPSTREAM, UpstreamSupplier)
