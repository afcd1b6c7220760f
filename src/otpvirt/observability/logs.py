"""Structured logs: JSON lines when stdout is not a terminal, with the request id, redacted.

No password, token or full API key may reach a log line, whatever a message or a
third-party logger (uvicorn's access log included) puts in it: every record passes
`Redactor`, which masks the shapes secrets have in this service.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from contextvars import ContextVar
from datetime import UTC, datetime

request_id: ContextVar[str | None] = ContextVar("otpvirt_request_id", default=None)

_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?i)((?:api_key|apikey|token|password|secret|key)=)[^&\s\"']+"), r"\1***"),
    (
        re.compile(r"(?i)(\"(?:apiPassword|password|token|apiKey|secret)\"\s*:\s*\")[^\"]*"),
        r"\1***",
    ),
    (re.compile(r"\b(adm|src)_[A-Za-z0-9_\-]{8,}"), r"\1_***"),
    (re.compile(r"\bwhsec_[A-Za-z0-9+/=]{8,}"), "whsec_***"),
    (re.compile(r"(?i)(bearer\s+)\S+"), r"\1***"),
    (re.compile(r"(/gateway/v1/android/)[^/\s?\"]+"), r"\1***"),
]


def redact(text: str) -> str:
    """`text` with anything shaped like a secret masked."""
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class Redactor(logging.Filter):
    """Masks secrets in the final message (arguments included) of every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message or record.args:
            record.msg, record.args = cleaned, None
        record.request_id = request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id, exception."""

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, object] = {
            "ts": datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        rid = getattr(record, "request_id", None)
        if rid:
            out["request_id"] = rid
        if record.exc_info:
            out["exc"] = redact(self.formatException(record.exc_info))
        return json.dumps(out, ensure_ascii=False)


class TextFormatter(logging.Formatter):
    """Human-readable lines for a terminal, with the request id when there is one."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        rid = getattr(record, "request_id", None)
        return f"{line} [{rid}]" if rid else line


def configure(level: str = "info", *, json_lines: bool | None = None) -> None:
    """Send every log record (ours, uvicorn's) to stdout, redacted; JSON unless a TTY."""
    if json_lines is None:
        json_lines = not sys.stdout.isatty()
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(JsonFormatter() if json_lines else TextFormatter())
    handler.addFilter(Redactor())
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level.upper())
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logger = logging.getLogger(name)
        logger.handlers.clear()
        logger.propagate = True
