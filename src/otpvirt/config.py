"""Service settings: one object, read from `OTPVIRT_*` environment variables."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from otpvirt.rates import parse_rate

DEFAULT_DATA_DIR = Path("otpvirt-data")

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$")
_UNIT_SECONDS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}


def parse_durations(text: str) -> list[float]:
    """Comma-separated durations ("5s,5m,2h", bare numbers are seconds) as seconds."""
    out = []
    for part in text.split(","):
        match = _DURATION.match(part)
        if match is None:
            raise ValueError(f"{part.strip()!r} is not a duration like 500ms, 5s, 5m, 2h or 1d")
        out.append(float(match.group(1)) * _UNIT_SECONDS[match.group(2) or "s"])
    return out


class Settings(BaseSettings):
    """Everything the service can be configured with (env prefix `OTPVIRT_`)."""

    model_config = SettingsConfigDict(env_prefix="OTPVIRT_", extra="ignore")

    data_dir: Path = DEFAULT_DATA_DIR
    # Empty means the embedded default: an SQLite file inside data_dir.
    database_url: str = ""
    auto_migrate: bool = True

    host: str = "127.0.0.1"
    port: int = 8080

    # Leases.
    lease_minutes: float = Field(default=20.0, gt=0)
    sweep_interval_seconds: float = Field(default=1.0, gt=0)
    # The client whose activation got an SMS may take that number again for that
    # service (sms-activate getExtraActivation) within this many days of it.
    reuse_days: float = Field(default=30.0, ge=0)

    # sms-activate dialect: refuse setStatus 8 (cancel) this many minutes after
    # the number was taken (EARLY_CANCEL_DENIED), as sms-activate does; 0 = off.
    smsactivate_early_cancel_minutes: float = Field(default=0.0, ge=0)

    # Request limits: raw body and body after gzip decompression.
    max_body_bytes: int = Field(default=64 * 1024, gt=0)
    max_decompressed_bytes: int = Field(default=256 * 1024, gt=0)

    # Gateways may batch up to 1000 SMS per request.
    gateway_max_body_bytes: int = Field(default=2 * 1024 * 1024, gt=0)
    # The same text from the same sender to the same number within this window is
    # one SMS (peers re-push duplicates with fresh ids).
    sms_dedup_window_seconds: float = Field(default=120.0, ge=0)

    # SMPP: parts of a concatenated SMS still incomplete after this are delivered as they are.
    smpp_part_timeout_seconds: float = Field(default=600.0, gt=0)

    # On-demand suppliers (SMSHub agents, upstream sms-activate providers).
    supplier_timeout_seconds: float = Field(default=3.0, gt=0)
    # Reported stock older than this is ignored (the supplier stopped answering).
    supplier_stock_max_age_seconds: float = Field(default=60.0, gt=0)
    # SMSHub agents are asked for GET_SERVICES every 10-20 s (the protocol's rhythm).
    smshub_stock_interval_seconds: float = Field(default=15.0, gt=0)
    upstream_stock_interval_seconds: float = Field(default=60.0, gt=0)
    # How often an open upstream purchase is asked for its SMS.
    upstream_poll_seconds: float = Field(default=3.0, gt=0)
    # Backoff cap for telling a supplier how a lease ended (retried until it accepts).
    supplier_retry_max_seconds: float = Field(default=600.0, gt=0)

    # Passwords: argon2id parameters and the verification cache.
    argon2_time_cost: int = Field(default=2, ge=1)
    argon2_memory_kib: int = Field(default=19 * 1024, ge=8)
    argon2_parallelism: int = Field(default=1, ge=1)
    auth_cache_seconds: float = Field(default=60.0, ge=0)
    # Password checks (KDF runs) waiting or running per process; past it a check is
    # answered `rate_limited` at once. Two threads run them (~20 ms each).
    password_check_queue: int = Field(default=16, ge=1)

    # Per-client request rate: "<n>/s|m|h" (burst 2n) or "off". Shared by every
    # process on PostgreSQL; per process on SQLite.
    rate_limit: str = "100/s"
    # Console and portal requests: per session, and per address (IPv6: per /64)
    # whether logged in or not; "<n>/s|m|h" (burst 2n) or "off". Over it: 429.
    web_rate_limit: str = "10/s"
    web_address_rate_limit: str = "30/s"
    # Password guessing: this many wrong passwords within the window lock a pair
    # (client id or console user, address) -- or an address (IPv6: its /64) -- out of
    # uncached password checks for a while.
    lockout_attempts: int = Field(default=10, ge=1)
    lockout_address_attempts: int = Field(default=50, ge=1)
    lockout_window_minutes: float = Field(default=15.0, gt=0)
    lockout_minutes: float = Field(default=15.0, gt=0)

    # How long a client's credentials (hash, currency, enabled) are reused per
    # process before being read again: disabling a client or changing its password
    # reaches other processes within this time.
    client_cache_seconds: float = Field(default=2.0, ge=0)

    # How long GetNumbersCount answers may be reused (per process).
    count_cache_seconds: float = Field(default=1.0, ge=0)
    # How long the in-memory catalogue (names, ids, price list) may be reused.
    catalogue_cache_seconds: float = Field(default=5.0, ge=0)

    # SQLite durability (WAL mode). FULL: a commit is on disk before anything it holds is
    # acknowledged, so it survives a power loss or kernel crash (the group commit pays
    # one fsync per batch). NORMAL: survives a crash of the process only; the last
    # commits before a power loss can be lost although they were acknowledged.
    sqlite_synchronous: str = "FULL"
    sqlite_busy_timeout_ms: int = 10_000

    # PostgreSQL pool.
    pg_pool_min: int = 2
    pg_pool_max: int = 20

    # The simulated SIM bank: seconds from lease to SMS ("3-15" = uniformly random),
    # the chance that no SMS comes (exercises expiry/refund) and of a second SMS.
    simulator_delay: str = "3-15"
    simulator_no_sms_probability: float = Field(default=0.0, ge=0, le=1)
    simulator_second_sms_probability: float = Field(default=0.1, ge=0, le=1)
    # The demo market: leases per minute made by its simulated clients. Only
    # `serve --demo --demo-traffic RATE` turns it on; every other start runs with 0.
    demo_traffic: float = Field(default=0.0, ge=0, le=600)

    # Webhooks (automatic SMS receipt): delays after each failed attempt (then the
    # delivery is marked failed), the per-attempt timeout, whether loopback/private
    # targets are allowed (local testing only), and how many sends run at once.
    webhook_retry_schedule: str = "5s,5m,30m,2h,5h,10h,14h,20h,24h"
    webhook_timeout_seconds: float = Field(default=10.0, gt=0, le=300)
    webhook_allow_private: bool = False
    webhook_concurrency: int = Field(default=32, ge=1)
    webhook_per_client_concurrency: int = Field(default=4, ge=1)
    # How often a worker looks for deliveries committed by other processes.
    webhook_poll_seconds: float = Field(default=0.25, gt=0)

    # Long-poll GetSms (`wait`): requests held at once per client and per process
    # (beyond: `rate_limited`), and how often a process checks for SMS stored by
    # another process (SQLite; PostgreSQL is told at once by LISTEN/NOTIFY).
    wait_max_per_client: int = Field(default=100, ge=0)
    wait_max_held: int = Field(default=5000, ge=0)
    wait_check_seconds: float = Field(default=0.05, gt=0, le=5)

    log_level: str = "info"
    # Log lines as JSON ("json"), for people ("text"), or JSON unless stdout is a terminal.
    log_format: str = "auto"
    # Proxies whose X-Forwarded-Proto/-For are believed (comma list or "*"): behind an
    # HTTPS proxy on another host, name it here so console and portal cookies are Secure.
    forwarded_allow_ips: str = "127.0.0.1"
    # When set, /metrics requires `Authorization: Bearer <this>`; when empty, /metrics
    # answers only requests made directly from this host (loopback, not proxied).
    metrics_token: str = ""
    # The operator's word that a reverse proxy with read timeouts and connection
    # limits (deploy/nginx/otpvirt.conf) fronts this server; silences serve's advice.
    behind_proxy: bool = False
    # How long a console or portal login lasts.
    session_hours: float = Field(default=12.0, gt=0, le=24 * 30)
    # Signs console/portal cookies and peppers session ids. Empty: a key file
    # (`<data_dir>/secret.key`, 0600) generated on first use. Set it (32+ characters,
    # the same everywhere) when processes on several hosts share one database.
    secret_key: SecretStr = SecretStr("")

    @field_validator("rate_limit", "web_rate_limit", "web_address_rate_limit")
    @classmethod
    def _check_rate(cls, value: str) -> str:
        parse_rate(value)
        return value

    @field_validator("secret_key")
    @classmethod
    def _check_secret_key(cls, value: SecretStr) -> SecretStr:
        key = value.get_secret_value().strip()
        if key and len(key) < 32:
            raise ValueError("must be at least 32 characters (e.g. `openssl rand -base64 48`)")
        return SecretStr(key)

    @field_validator("log_format")
    @classmethod
    def _check_log_format(cls, value: str) -> str:
        value = value.strip().lower()
        if value not in {"auto", "json", "text"}:
            raise ValueError("must be auto, json or text")
        return value

    @property
    def json_logs(self) -> bool | None:
        """True/False when the format is forced, None to decide by the terminal."""
        return None if self.log_format == "auto" else self.log_format == "json"

    @field_validator("sqlite_synchronous")
    @classmethod
    def _check_sync(cls, value: str) -> str:
        value = value.upper()
        if value not in {"OFF", "NORMAL", "FULL", "EXTRA"}:
            raise ValueError("must be OFF, NORMAL, FULL or EXTRA")
        return value

    @field_validator("webhook_retry_schedule")
    @classmethod
    def _check_schedule(cls, value: str) -> str:
        parse_durations(value)
        return value

    @property
    def webhook_retry_delays(self) -> list[float]:
        """Seconds to wait after the 1st, 2nd, ... failed webhook attempt."""
        return parse_durations(self.webhook_retry_schedule)

    @property
    def effective_database_url(self) -> str:
        """The database URL, defaulting to the SQLite file in data_dir."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'otpvirt.db').as_posix()}"

    @property
    def reuse_ms(self) -> int:
        """How long after an activation its number may be taken again, in milliseconds."""
        return int(self.reuse_days * 86_400_000)

    @property
    def lease_ms(self) -> int:
        """Lease lifetime in milliseconds."""
        return int(self.lease_minutes * 60_000)
