"""What `otpvirt serve` tells an operator who binds an address other hosts can reach.

uvicorn alone has no header or body read timeout and no connection limit: hundreds of
slow connections stay open (issue 15, item 13). The nginx front in deploy/ sets both;
/metrics answers only this host until OTPVIRT_METRICS_TOKEN is set (item 10).
"""

from __future__ import annotations

import ipaddress

from otpvirt.config import Settings

NGINX = "deploy/nginx/otpvirt.conf"


def is_loopback(host: str) -> bool:
    """Whether `host` (an address or `localhost`) is reachable from this machine only."""
    if host.strip().lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]").split("%", 1)[0]).is_loopback
    except ValueError:
        return False  # a host name: assume it resolves to an exposed address


def serve_advice(host: str, settings: Settings) -> list[str]:
    """Warnings for listening on `host` with these settings (none on loopback)."""
    if is_loopback(host):
        return []
    advice = []
    if not settings.behind_proxy:
        advice.append(
            f"{host} is reachable from other hosts, and uvicorn has no read timeout or "
            f"connection limit: slow clients can hold connections open. Expose the service "
            f"through nginx ({NGINX} sets the timeouts and limit_conn) listening on "
            "127.0.0.1, or set OTPVIRT_BEHIND_PROXY=true if such a proxy fronts this address."
        )
    if not settings.metrics_token:
        advice.append(
            "/metrics answers only requests from this host (loopback, not proxied): set "
            "OTPVIRT_METRICS_TOKEN to scrape it from elsewhere with a bearer token."
        )
    return advice
