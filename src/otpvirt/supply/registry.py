"""Which adapter serves a supplier source, and what a supplier's configuration must hold."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

from otpvirt.config import Settings
from otpvirt.errors import ValidationFailed
from otpvirt.money import plain_decimal
from otpvirt.sources.service import SourceInfo
from otpvirt.supply.base import SMSHUB, UPSTREAM, Supplier


def supplier_for(source: SourceInfo, settings: Settings) -> Supplier:
    """The adapter for a supplier source."""
    if source.kind == SMSHUB:
        from otpvirt.smshub.client import AgentClient

        return AgentClient(source, settings)
    if source.kind == UPSTREAM:
        from otpvirt.upstream.supplier import UpstreamSupplier

        return UpstreamSupplier(source, settings)
    raise ValueError(f"source {source.name!r} ({source.kind}) is not an on-demand supplier")


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


def upstream_config(base_url: str, api_key: str | None, max_price: str | None) -> dict[str, Any]:
    """An upstream provider: base URL, API key and the most we pay for one number."""
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
    }
