"""Per-client webhook settings: the URL, the payload format and the signing secret."""

from __future__ import annotations

import ipaddress
from typing import Any
from urllib.parse import urlsplit

from otpvirt.clock import now_ms
from otpvirt.db import Conn
from otpvirt.errors import NotFound, ValidationFailed
from otpvirt.ids import parse_guid
from otpvirt.webhook.claim import FAIL_WITHOUT_URL, NO_URL
from otpvirt.webhook.signing import new_secret

NATIVE = "native"
SMSACTIVATE = "smsactivate"
FORMATS = (NATIVE, SMSACTIVATE)
MAX_URL = 2000
# After a rotation the old secret keeps signing (as a second signature) this long.
SECRET_GRACE_MS = 24 * 3600 * 1000


class BadWebhookUrl(ValidationFailed):
    reason = "bad_webhook_url"


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


def check_format(fmt: str) -> str:
    """`native` or `smsactivate`."""
    fmt = fmt.strip().lower()
    if fmt not in FORMATS:
        raise ValidationFailed(
            f"unknown webhook format {fmt!r} (use {' or '.join(FORMATS)})",
            reason="bad_webhook_format",
        )
    return fmt


async def _client_row(conn: Conn, client_id: str) -> tuple[str, Any]:
    cid = parse_guid(client_id, field="clientId")
    row = await conn.fetchone(
        "SELECT webhook_url, webhook_secret, webhook_format FROM clients WHERE id = :id"
        + conn.for_update,
        {"id": cid},
    )
    if row is None:
        raise NotFound(f"no client {cid}", reason="client_not_found")
    return cid, row


async def set_webhook(
    conn: Conn, client_id: str, url: str | None, fmt: str | None = None
) -> dict[str, Any]:
    """Set (or with url None/"" clear) the client's webhook; a first URL gets a secret.

    The secret is returned only when it was generated now (it is shown once).
    """
    cid, row = await _client_row(conn, client_id)
    new_url = check_url(url) if url and url.strip() else None
    new_fmt = check_format(fmt) if fmt else str(row[2])
    secret = row[1]
    created = None
    if new_url and not secret:
        secret = created = new_secret()
    await conn.execute(
        "UPDATE clients SET webhook_url = :u, webhook_format = :f, webhook_secret = :s, "
        "webhook_since = CASE WHEN CAST(:u2 AS TEXT) IS NULL THEN NULL "
        "WHEN webhook_url IS NULL THEN CAST(:now AS BIGINT) ELSE webhook_since END WHERE id = :id",
        {"u": new_url, "u2": new_url, "f": new_fmt, "s": secret, "now": now_ms(), "id": cid},
    )
    if new_url is None:
        # Nowhere to send them: fail the waiting deliveries now rather than at their next
        # retry, hours away (an attempt in flight settles itself). `redeliver` revives them.
        await conn.execute(
            FAIL_WITHOUT_URL + "client_id = :id AND state = 'pending' "
            "AND (claimed_until IS NULL OR claimed_until < :now)",
            {"id": cid, "now": now_ms(), "err": NO_URL},
        )
    return {"clientId": cid, "url": new_url, "format": new_fmt, "secret": created}


async def rotate_secret(conn: Conn, client_id: str) -> dict[str, Any]:
    """A new signing secret; the old one co-signs for 24 hours so receivers can switch."""
    cid, row = await _client_row(conn, client_id)
    secret = new_secret()
    until = now_ms() + SECRET_GRACE_MS if row[1] else None
    await conn.execute(
        "UPDATE clients SET webhook_secret = :s, webhook_previous_secret = :old, "
        "webhook_previous_until = :until WHERE id = :id",
        {"s": secret, "old": row[1], "until": until, "id": cid},
    )
    return {"clientId": cid, "secret": secret, "previousSecretValidUntil": until}


async def get_webhook(conn: Conn, client_id: str) -> dict[str, Any]:
    """The client's webhook URL and format (never the secret)."""
    cid = parse_guid(client_id, field="clientId")
    row = await conn.fetchone(
        "SELECT webhook_url, webhook_format, webhook_secret IS NOT NULL FROM clients "
        "WHERE id = :id",
        {"id": cid},
    )
    if row is None:
        raise NotFound(f"no client {cid}", reason="client_not_found")
    return {"clientId": cid, "url": row[0], "format": row[1], "hasSecret": bool(row[2])}
