"""Jinja2 templates for the console and the portal, with the filters both use."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from starlette.templating import Jinja2Templates

PACKAGE = Path(__file__).resolve().parent.parent
STATIC = Path(__file__).resolve().parent / "static"


def _when(ms: int | None) -> str:
    if ms is None:
        return "—"
    return datetime.fromtimestamp(ms / 1000, tz=UTC).strftime("%Y-%m-%d %H:%M:%S")


def _ago(ms: int | None, now: int | None = None) -> str:
    if ms is None:
        return "never"
    seconds = max(0, int(((now or int(datetime.now(tz=UTC).timestamp() * 1000)) - ms) / 1000))
    for size, unit in ((86400, "d"), (3600, "h"), (60, "min")):
        if seconds >= size:
            return f"{seconds // size} {unit} ago"
    return f"{seconds} s ago"


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f} %"


def build() -> Jinja2Templates:
    """One template environment over the shared, console and portal templates."""
    templates = Jinja2Templates(
        directory=[
            PACKAGE / "web" / "templates",
            PACKAGE / "console" / "templates",
            PACKAGE / "portal" / "templates",
        ]
    )
    env = templates.env
    env.filters["when"] = _when
    env.filters["ago"] = _ago
    env.filters["pct"] = _pct
    env.trim_blocks = True
    env.lstrip_blocks = True
    return templates


templates = build()
