"""The shipped nginx front bounds what slow clients can hold (issue 15, item 13)."""

from __future__ import annotations

import re
from pathlib import Path

CONF = Path(__file__).resolve().parents[2] / "deploy" / "nginx" / "otpvirt.conf"


def _seconds(conf: str, directive: str) -> float:
    found = re.search(rf"^\s*{directive}\s+(\d+)(ms|s|m)?\s*;", conf, re.MULTILINE)
    assert found, f"{directive} is not set in {CONF}"
    return int(found.group(1)) * {"ms": 0.001, "s": 1, "m": 60, None: 1}[found.group(2)]


def test_nginx_reads_requests_with_timeouts_and_caps_connections() -> None:
    conf = CONF.read_text()
    # Slow headers and bodies are cut off well before a minute.
    assert _seconds(conf, "client_header_timeout") <= 15
    assert _seconds(conf, "client_body_timeout") <= 15
    assert _seconds(conf, "send_timeout") <= 60
    # Requests reach otpvirt complete; a 60 s GetSms wait is not cut short.
    assert re.search(r"^\s*proxy_request_buffering\s+on\s*;", conf, re.MULTILINE)
    assert _seconds(conf, "proxy_read_timeout") > 60
    # Connections per client address are limited, and the zone exists.
    zone = re.search(r"limit_conn_zone\s+\$binary_remote_addr\s+zone=(\w+):", conf)
    assert zone, "no per-address limit_conn_zone"
    per_address = re.search(rf"^\s*limit_conn\s+{zone.group(1)}\s+(\d+)\s*;", conf, re.MULTILINE)
    assert per_address and 0 < int(per_address.group(1)) <= 100
    # The proxy says whom it forwards for (lockouts and /metrics rely on it).
    assert "X-Forwarded-For $proxy_add_x_forwarded_for" in conf


def test_readme_says_the_front_is_required() -> None:
    readme = (CONF.parents[2] / "README.md").read_text()
    production = readme.split("## Running in production", 1)[1].split("\n## ", 1)[0]
    assert "required" in production and "deploy/nginx/otpvirt.conf" in production
    assert "OTPVIRT_BEHIND_PROXY" in production and "OTPVIRT_METRICS_TOKEN" in production
