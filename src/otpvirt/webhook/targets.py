"""Per-client webhook settings: the URL, the payload format and the signing secret."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

from otpvirt.clock import now_ms
from otpvirt.db import Conn
from otpvirt.errors import NotFound, ValidationFailed
from otpvirt.ids import parse_guid
from otpvirt.webhook.claim import NO_URL
from otpvirt.webhook.repositories import outbox
from otpvirt.webhook.repositories import targets as repo
from otpvirt.webhook.repositories.targets import Stored
from otpvirt.webhook.signing import new_secret

NATIVE = "native"
SMSACTIVATE = "smsactivate"
FORMATS = (NATIVE, SMSACTIVATE)
MAX_URL = 2000
# After a rotation the old secret keeps signing (as a second signature) this long.
SECRET_GRACE_MS = 24 * 3600 * 1000


class BadWebhookUrl(ValidationFailed):
    reason = "bad_webhook_url"


@dataclass(frozen=True, slots=True)
class Webhook:
    """A client's webhook settings (never the secret)."""

    client_id: str
    url: str | None
    format: str
    has_secret: bool
    # The subscribed event types (comma list).
    events: str = "sms"


@dataclass(frozen=True, slots=True)
class WebhookChange:
    """A client's webhook after a change; `secret` only when it was generated now."""

    client_id: str
    url: str | None
    format: str
    secret: str | None
    # The subscribed event types (comma list); set by the caller that changed them.
    events: str = "sms"


@dataclass(frozen=True, slots=True)
class Rotation:
    """A new signing secret; the previous one co-signs until `previous_valid_until`."""

    client_id: str
    secret: str
    previous_valid_until: int | None


def check_url(url: str) -> str:
    """An absolute http(s) URL with a host, or a clear error."""
    url = url.strip()
    if len(url) > MAX_URL:
        raise BadWebhookUrl(f"the webhook URL must be at most {MAX_URL} characters")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise BadWebhookUrl(f"not a valid URL: {exc}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BadWebhookUrl(f"the webhook URL must be http:// or https:// with a host: {url!r}")
    if port == 0:
        raise BadWebhookUrl("the webhook URL has port 0")
    if any(ch.isspace() for ch in url):
        raise BadWebhookUrl("the webhook URL must not contain spaces")
    return url


def private_target_warning(url: str, allow_private: bool) -> str | None:
    """A hint when the URL names a loopback/private address that deliveries will refuse."""
    from otpvirt.webhook.sender import refusal

    host = urlsplit(url).hostname or ""
    if allow_private:
        return None
    if host == "localhost" or host.endswith(".localhost"):
        why = f"{host} is a loopback name"
    else:
        try:
            why = refusal(ipaddress.ip_address(host)) or ""
        except ValueError:
            return None
    if not why:
        return None
    return f"{why}: deliveries are refused unless OTPVIRT_WEBHOOK_ALLOW_PRIVATE=true"


def check_public_url(url: str, allow_private: bool) -> str:
    """`check_url`, and refuse a loopback/private host that deliveries would refuse.

    A host name is resolved and vetted again at every send (`sender.GuardedBackend`).
    """
    url = check_url(url)
    why = private_target_warning(url, allow_private)
    if why:
        raise BadWebhookUrl(f"refused webhook URL: {why}")
    return url


async def ensure_secret(conn: Conn, client_id: str) -> None:
    """Give the client a signing secret if it has none (a rental's own URL needs one)."""
    await repo.add_secret(conn, client_id, new_secret())


def check_format(fmt: str) -> str:
    """`native` or `smsactivate`."""
    fmt = fmt.strip().lower()
    if fmt not in FORMATS:
        raise ValidationFailed(
            f"unknown webhook format {fmt!r} (use {' or '.join(FORMATS)})",
            reason="bad_webhook_format",
        )
    return fmt


async def _client_row(conn: Conn, client_id: str) -> tuple[str, Stored]:
    cid = parse_guid(client_id, field="clientId")
    row = await repo.lock(conn, cid)
    if row is None:
        raise NotFound(f"no client {cid}", reason="client_not_found")
    return cid, row


async def set_webhook(
    conn: Conn, client_id: str, url: str | None, fmt: str | None = None
) -> WebhookChange:
    """Set (or with url None/"" clear) the client's webhook; a first URL gets a secret.

    The secret is returned only when it was generated now (it is shown once).
    """
    cid, row = await _client_row(conn, client_id)
    new_url = check_url(url) if url and url.strip() else None
    new_fmt = check_format(fmt) if fmt else str(row.format)
    secret = row.secret
    created = None
    if new_url and not secret:
        secret = created = new_secret()
    await repo.save(conn, cid, new_url, new_fmt, secret, now_ms())
    if new_url is None:
        # Nowhere to send them: fail the waiting deliveries now rather than at their next
        # retry, hours away (an attempt in flight settles itself). `redeliver` revives them.
        await outbox.fail_waiting_of(conn, cid, now_ms(), NO_URL)
    return WebhookChange(cid, new_url, new_fmt, created)


async def rotate_secret(conn: Conn, client_id: str) -> Rotation:
    """A new signing secret; the old one co-signs for 24 hours so receivers can switch."""
    cid, row = await _client_row(conn, client_id)
    secret = new_secret()
    until = now_ms() + SECRET_GRACE_MS if row.secret else None
    await repo.rotate(conn, cid, secret, row.secret, until)
    return Rotation(cid, secret, until)


async def get_webhook(conn: Conn, client_id: str) -> Webhook:
    """The client's webhook URL, format and event types (never the secret)."""
    cid = parse_guid(client_id, field="clientId")
    row = await repo.shown(conn, cid)
    if row is None:
        raise NotFound(f"no client {cid}", reason="client_not_found")
    return Webhook(cid, row.url, row.format, row.has_secret, row.events)
