"""Server-rendered SVG bar charts for the overview's 24-hour series (no JavaScript)."""

from __future__ import annotations

from markupsafe import Markup, escape

from otpvirt.money import currency

# Drawn at about the size it is shown, so the 10px labels stay readable: half-width
# panels use the default width, full-width ones pass `width=WIDE`.
WIDTH, WIDE, HEIGHT, LEFT, BOTTOM, TOP = 460, 980, 150, 34, 18, 10


def bars(
    values: list[int], label: str, *, scale: float = 1.0, unit: str = "", width: int = WIDTH
) -> Markup:
    """A bar chart of `values` (oldest first, one per 10 minutes), with hour ticks."""
    n = max(1, len(values))
    peak = max(values) if values else 0
    top = max(1, peak)
    plot_w, plot_h = width - LEFT - 4, HEIGHT - BOTTOM - TOP
    step = plot_w / n
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {HEIGHT}" role="img" '
        f'aria-label="{escape(label)}">',
        f"<title>{escape(label)}</title>",
        f'<line class="axis" x1="{LEFT}" y1="{TOP + plot_h}" '
        f'x2="{width - 4}" y2="{TOP + plot_h}"/>',
        f'<text x="{LEFT - 4}" y="{TOP + 8}" text-anchor="end">{_fmt(peak * scale)}{unit}</text>',
        f'<text x="{LEFT - 4}" y="{TOP + plot_h}" text-anchor="end">0</text>',
    ]
    for i, value in enumerate(values):
        if value <= 0:
            continue
        h = max(1.0, value / top * plot_h)
        x = LEFT + i * step
        parts.append(
            f'<rect class="bar" x="{x:.1f}" y="{TOP + plot_h - h:.1f}" '
            f'width="{max(1.0, step - 1):.1f}" height="{h:.1f}">'
            f"<title>{_fmt(value * scale)}{unit}</title></rect>"
        )
    for hours_ago in (24, 18, 12, 6, 0):
        x = LEFT + (n - hours_ago * 6) * step if hours_ago else LEFT + plot_w
        x = min(max(x, LEFT), LEFT + plot_w)
        text = "now" if hours_ago == 0 else f"-{hours_ago} h"
        anchor = "end" if hours_ago == 0 else ("start" if hours_ago == 24 else "middle")
        parts.append(f'<text x="{x:.1f}" y="{HEIGHT - 4}" text-anchor="{anchor}">{text}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def revenue(series: dict[str, list[int]], cur: str | None) -> dict[str, Markup | None]:
    """Activation revenue and rent revenue side by side (charges less refunds, in the
    overview's currency); None for both while nothing was charged today."""
    if cur is None:
        return {"revenue": None, "rent_revenue": None}
    total = series.get("revenueMinor", [])
    rent = series.get("rentRevenueMinor", [0] * len(total))
    activations = [t - r for t, r in zip(total, rent, strict=False)]
    scale = 1 / currency(cur).scale
    return {
        "revenue": bars(activations, f"Activation revenue per 10 minutes ({cur})", scale=scale),
        "rent_revenue": bars(rent, f"Rent revenue per 10 minutes ({cur})", scale=scale),
    }


def _fmt(value: float) -> str:
    return f"{value:.2f}" if value != int(value) else str(int(value))
