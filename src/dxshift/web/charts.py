"""Small SVG charts for the dashboard: drawn on the server, readable without JavaScript.

Colours come from the viridis scale (readable with the common colour blindnesses); every chart
on the page also has its numbers in a table.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

VIRIDIS = ["#fde725", "#5ec962", "#21918c", "#3b528b", "#440154"]


def heat_colour(score: float | None) -> tuple[str, str]:
    """(background, text) colour for a 0–100 score; higher is darker."""
    if score is None:
        return "#f1f3f6", "#5b6472"
    x = max(0.0, min(score, 100.0)) / 100 * (len(VIRIDIS) - 1)
    low = math.floor(x)
    high = min(low + 1, len(VIRIDIS) - 1)
    frac = x - low

    def channel(i: int) -> int:
        a = int(VIRIDIS[low][1 + 2 * i : 3 + 2 * i], 16)
        b = int(VIRIDIS[high][1 + 2 * i : 3 + 2 * i], 16)
        return round(a + (b - a) * frac)

    r, g, b = (channel(i) for i in range(3))
    text = "#ffffff" if (0.299 * r + 0.587 * g + 0.114 * b) < 140 else "#1d2430"
    return f"#{r:02x}{g:02x}{b:02x}", text


def radar_svg(values: dict[int, float], labels: Sequence[str], title: str, size: int = 360) -> str:
    """A radar of len(labels) axes (0–100), as inline SVG with a <title> for screen readers."""
    n = len(labels)
    c = size / 2
    radius = size / 2 - 34

    def point(k: int, v: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * k / n
        return c + radius * v / 100 * math.cos(angle), c + radius * v / 100 * math.sin(angle)

    parts = [f'<svg viewBox="0 0 {size} {size}" role="img" class="radar"><title>{escape(title)}</title>']
    for ring in (25, 50, 75, 100):
        pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(k, ring) for k in range(n)))
        parts.append(f'<polygon points="{pts}" fill="none" stroke="#d5dbe3" stroke-width="1"/>')
    for k, label in enumerate(labels):
        x, y = point(k, 100)
        lx, ly = point(k, 116)
        parts.append(f'<line x1="{c}" y1="{c}" x2="{x:.1f}" y2="{y:.1f}" stroke="#e3e7ee"/>')
        parts.append(
            f'<text x="{lx:.1f}" y="{ly:.1f}" font-size="12" text-anchor="middle" '
            f'dominant-baseline="middle" fill="#1d2430">{escape(label)}</text>'
        )
    pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(k, values.get(k + 1, 0.0)) for k in range(n)))
    parts.append(
        f'<polygon points="{pts}" fill="#0072B2" fill-opacity="0.2" stroke="#0072B2" stroke-width="2"/>'
    )
    parts.append("</svg>")
    return "".join(parts)


def trend_svg(
    points: Sequence[tuple[str, str, float]], title: str, width: int = 440, height: int = 190
) -> str:
    """The mean index over campaigns (0–100): (label under the point, value shown above, value)."""
    pad = 34
    parts = [f'<svg viewBox="0 0 {width} {height}" role="img" class="trend"><title>{escape(title)}</title>']
    parts.append(
        f'<line x1="{pad}" y1="{height - pad}" x2="{width - 10}" y2="{height - pad}" stroke="#b7c1cc"/>'
    )
    step = (width - 2 * pad) / max(len(points) - 1, 1)
    coords = [
        (pad + i * step, height - pad - (v / 100) * (height - 2 * pad)) for i, (_, _, v) in enumerate(points)
    ]
    if len(coords) > 1:
        line = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        parts.append(f'<polyline fill="none" stroke="#0072B2" stroke-width="2" points="{line}"/>')
    for (label, shown, _), (x, y) in zip(points, coords, strict=True):
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="#0072B2"/>')
        parts.append(
            f'<text x="{x:.1f}" y="{y - 9:.1f}" font-size="12" text-anchor="middle">{escape(shown)}</text>'
        )
        parts.append(
            f'<text x="{x:.1f}" y="{height - pad + 16}" font-size="11" text-anchor="middle" '
            f'fill="#5b6472">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
