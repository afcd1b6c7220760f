"""Which adapter serves a supplier source, and what a supplier's configuration must hold.

Adapters register themselves (`register(kind, factory)` at the end of their module),
so supply depends on no adapter; `otpvirt.adapters` imports them all, and every entry
point (the app, the CLI, the worker) imports that.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlparse

from otpvirt.config import Settings
from otpvirt.errors import ValidationFailed
from otpvirt.money import plain_decimal
from otpvirt.sources.service import SourceInfo
from otpvirt.supply.base import SUPPLIER_KINDS, Supplier

Factory = Callable[[SourceInfo, Settings], Supplier]
_ADAPTERS: dict[str, Factory] = {}


def register(kind: str, factory: Factory) -> None:
    """Make `factory` the adapter of a supplier kind (called by the adapter's module)."""
    if kind not in SUPPLIER_KINDS:
        raise ValueError(f"{kind!r} is not an on-demand supplier kind")
    _ADAPTERS[kind] = factory


def supplier_for(source: SourceInfo, settings: Settings) -> Supplier:
    """The adapter for a supplier source."""
    factory = _ADAPTERS.get(source.kind)
    if factory is None:
        if source.kind in SUPPLIER_KINDS:
            raise RuntimeError(f"no adapter registered for {source.kind}: import otpvirt.adapters")
        raise ValueError(f"source {source.name!r} ({source.kind}) is not an on-demand supplier")
    return factory(source, settings)


def _url(value: str, what: str) -> str:
    parsed = urlparse(value.strip())
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise ValidationFailed(f"{what} must be an http:// or https:// URL, got {value!r}")
    return value.strip()


def _secret(value: str | None, what: str) -> str:
    if not value or not value.strip() or len(value) > 200:
        raise ValidationFailed(f"{what} must be 1-200 characters")
    return value.strip()


def smshub_config(agent_url: str, key: str | None) -> dict[str, Any]:
    """An SMSHub agent: its URL and the protocol key shared with it."""
    return {"agentUrl": _url(agent_url, "the agent URL"), "key": _secret(key, "the key")}


def upstream_config(
    base_url: str, api_key: str | None, max_price: str | None, *, rent: bool = False
) -> dict[str, Any]:
    """An upstream provider: base URL, API key, the most we pay for one number, and
    whether clients may rent numbers through it (its rent actions)."""
    if max_price is None:
        raise ValidationFailed("give --max-price: the most to pay upstream for one number")
    try:
        limit = plain_decimal(max_price)
    except ValidationFailed as exc:
        raise ValidationFailed(f"--max-price: {exc.message}", reason=exc.reason) from None
    if limit <= 0:
        raise ValidationFailed("--max-price must be above zero")
    return {
        "baseUrl": _url(base_url, "the upstream URL"),
        "apiKey": _secret(api_key, "the API key"),
        "maxPrice": str(limit),
        "rent": rent,
    }
