"""Radar chart of the shift scores, as PNG bytes, with Vietnamese text rendered correctly."""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from functools import cache

from dxshift.assessment.result import AssessmentResult
from dxshift.i18n import Lang, t

# Okabe–Ito palette: distinguishable with the common kinds of colour blindness.
BLUE = "#0072B2"
ORANGE = "#E69F00"


@cache
def _font_family() -> str:
    """Register Be Vietnam Pro with matplotlib; fall back to DejaVu Sans (also covers Vietnamese)."""
    from matplotlib import font_manager

    try:
        import fontpkg_be_vietnam_pro as font

        for weight in ("Regular", "SemiBold"):
            font_manager.fontManager.addfont(str(font.ROOT / "files" / f"BeVietnamPro-{weight}.ttf"))
        return str(font.FAMILY)
    except (ImportError, OSError):
        return "DejaVu Sans"


def radar_png(result: AssessmentResult, lang: Lang = "vi", dpi: int = 150) -> bytes:
    """One assessment's shift scores, with the upper bound dashed where answers are missing."""
    return _radar(
        [s.score for s in result.shifts], [s.potential for s in result.shifts], t("radar_title", lang), dpi
    )


def radar_scores_png(
    scores: Sequence[float | None], lang: Lang = "vi", title: str | None = None, dpi: int = 150
) -> bytes:
    """Radar of plain shift scores (e.g. the mean over many units); shift k is scores[k - 1].

    A missing score (None) is drawn at 0.
    """
    values = [0.0 if v is None else float(v) for v in scores]
    return _radar(values, values, title or t("radar_title", lang), dpi)


def _radar(low: list[float], high: list[float], title: str, dpi: int) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = [str(k) for k in range(1, len(low) + 1)]
    angles = [2 * math.pi * k / len(labels) for k in range(len(labels))]
    close = angles + angles[:1]

    with plt.rc_context({"font.family": _font_family(), "font.size": 9}):
        fig, ax = plt.subplots(figsize=(5.2, 5.2), subplot_kw={"polar": True})
        ax.set_theta_offset(math.pi / 2)  # type: ignore[attr-defined]  # a PolarAxes
        ax.set_theta_direction(-1)  # type: ignore[attr-defined]
        ax.set_ylim(0, 100)
        ax.set_yticks([25, 50, 75, 100])
        ax.set_yticklabels(["25", "50", "75", "100"], color="#555555", fontsize=7)
        ax.set_xticks(angles)
        ax.set_xticklabels(labels, fontsize=9)
        if any(h > lo for h, lo in zip(high, low, strict=True)):
            ax.plot(close, high + high[:1], color=ORANGE, linestyle="--", linewidth=1.2)
        ax.plot(close, low + low[:1], color=BLUE, linewidth=2)
        ax.fill(close, low + low[:1], color=BLUE, alpha=0.18)
        ax.set_title(title, pad=18, fontsize=11, fontweight="semibold")
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
        plt.close(fig)
    return buffer.getvalue()
