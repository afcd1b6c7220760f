"""Creating and authenticating sources, mapping their devices to numbers, their health.

A source authenticates with a random bearer token (`src_…`, shown once). Tokens carry
256 bits of entropy, so a SHA-256 digest is a safe and fast way to store them (no KDF
needed, unlike human-chosen passwords). Per-source settings live in `config` (JSON):
`signingKey` (Android webhook signatures), `devices` (device[/SIM] -> number, for peers
that do not say which number received the SMS) and `heartbeatTimeout` (seconds of
silence after which the source is offline and its numbers are not leased).
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass, field
from typing import Any

from otpvirt.catalogue.service import clean_name
from otpvirt.clock import now_ms
from otpvirt.db import Conn, IntegrityError
from otpvirt.errors import Conflict, InvalidRequest, NotFound, ValidationFailed
from otpvirt.inventory.service import normalize_phone
from otpvirt.sources import repository as repo
from otpvirt.sources.kinds import KINDS
from otpvirt.sources.repository import SourceRow

__all__ = ["KINDS", "BadSourceToken", "DeviceMap", "SourceInfo"]


class BadSourceToken(InvalidRequest):
    reason = "bad_token"

    def __init__(self, message: str = "unknown or revoked source token") -> None:
        super().__init__(message)


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """A source as the ingest adapters need it."""

    id: int
    name: str
    kind: str
    enabled: bool
    config: dict[str, Any] = field(default_factory=dict)

    def device_number(self, device: str | None, sim: int | str | None = None) -> int | None:
        """The number mapped to a device (and SIM slot), if any."""
        devices: dict[str, int] = self.config.get("devices", {})
        if device is None:
            return None
        if sim is not None and f"{device}/{sim}" in devices:
            return int(devices[f"{device}/{sim}"])
        found = devices.get(str(device))
        return None if found is None else int(found)


def new_token() -> str:
    """A fresh source token."""
    return "src_" + secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    """How a token is stored and looked up."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def info_of(row: SourceRow) -> SourceInfo:
    """A stored source with its settings decoded."""
    return SourceInfo(
        int(row.id), row.name, row.kind, bool(row.enabled), json.loads(row.config or "{}")
    )


@dataclass(frozen=True, slots=True)
class DeviceMap:
    """A device (or device/SIM) of a source mapped to one of our numbers."""

    source: str
    device: str
    number: int


async def create_source(
    conn: Conn,
    name: str,
    *,
    kind: str = "gateway",
    signing_key: str | None = None,
    heartbeat_timeout: int | None = None,
    settings: dict[str, Any] | None = None,
) -> tuple[SourceInfo, str]:
    """Create a source; return it with its token (shown only now).

    `settings` are kind-specific (an SMSHub agent's URL and key, an upstream provider's
    URL, API key and maximum price), already validated by the caller.
    """
    name = clean_name(name, "source name", max_len=100)
    if kind not in KINDS:
        raise ValidationFailed(f"kind must be one of {', '.join(KINDS)}")
    config: dict[str, Any] = {"devices": {}, **(settings or {})}
    if kind == "android":
        config["signingKey"] = signing_key or secrets.token_urlsafe(18)
    elif signing_key:
        config["signingKey"] = signing_key
    if heartbeat_timeout is not None:
        if heartbeat_timeout < 10:
            raise ValidationFailed("the heartbeat timeout must be at least 10 seconds")
        config["heartbeatTimeout"] = heartbeat_timeout
    token = new_token()
    try:
        sid = await repo.insert(conn, name, kind, token_digest(token), json.dumps(config), now_ms())
    except IntegrityError:
        raise Conflict(f"source {name!r} already exists") from None
    return SourceInfo(int(sid), name, kind, True, config), token


async def get_source(conn: Conn, name: str) -> SourceInfo:
    """A source by name."""
    row = await repo.by_name(conn, name)
    if row is None:
        raise NotFound(f"no source {name!r}", reason="source_not_found")
    return info_of(row)


async def authenticate(conn: Conn, token: str, now: int) -> SourceInfo:
    """The enabled source holding this token; records that it was seen."""
    row = await repo.by_token(conn, token_digest(token))
    if row is None:
        raise BadSourceToken()
    info = SourceInfo(
        int(row.id), row.name, row.kind, bool(row.enabled), json.loads(row.config or "{}")
    )
    if not info.enabled:
        raise BadSourceToken(f"source {info.name!r} is disabled")
    # Last-seen is advisory (health); writing it at most every 5 s keeps a busy
    # gateway from turning every SMS into two writes.
    if row.last_seen_at is None or now - row.last_seen_at > 5_000:
        await repo.touch_seen(conn, info.id, now)
    return info


async def rotate_token(conn: Conn, name: str) -> str:
    """Replace a source's token; the old one stops working at once."""
    token = new_token()
    if not await repo.set_token_hash(conn, name, token_digest(token)):
        raise NotFound(f"no source {name!r}", reason="source_not_found")
    return token


async def save_config(conn: Conn, source: SourceInfo, config: dict[str, Any]) -> None:
    """Replace a source's settings (JSON)."""
    await repo.save_config(conn, source.id, json.dumps(config))


async def map_device(
    conn: Conn, name: str, device: str, number: str, *, sim: int | None = None
) -> DeviceMap:
    """Say which of our numbers a device (or one SIM slot of it) is."""
    source = await get_source(conn, name)
    phone = normalize_phone(number)
    if not await repo.number_exists(conn, phone):
        raise NotFound(f"{phone} is not in the pool; import it first", reason="number_not_found")
    key = device.strip() if sim is None else f"{device.strip()}/{sim}"
    if not key:
        raise ValidationFailed("the device id must not be empty")
    config = dict(source.config)
    config.setdefault("devices", {})[key] = phone
    await save_config(conn, source, config)
    return DeviceMap(source.name, key, phone)


async def set_enabled(conn: Conn, name: str, enabled: bool) -> None:
    """Disable (or re-enable) a source: a disabled source is refused and its numbers rest."""
    source = await get_source(conn, name)
    await repo.set_flag(conn, source.id, "enabled", enabled)


async def set_online(conn: Conn, source_id: int, online: bool) -> None:
    """Record a health change and apply it to the source's numbers."""
    await repo.set_flag(conn, source_id, "online", online)


async def sync_numbers(conn: Conn, source_id: int) -> None:
    """Copy the source's availability (enabled and online) onto its numbers."""
    await repo.sync_numbers(conn, source_id)


async def sources_of_kind(conn: Conn, kind: str) -> list[SourceInfo]:
    """Every source of a kind, enabled or not."""
    return [info_of(r) for r in await repo.of_kind(conn, kind)]


async def mark_seen(conn: Conn, source_id: int, now: int) -> None:
    """Record that a source made contact."""
    await repo.touch_seen(conn, source_id, now)


async def ensure_source(conn: Conn, name: str, kind: str) -> int:
    """The id of a source, created (without a token) when missing."""
    return await repo.ensure(conn, name, kind, now_ms())
