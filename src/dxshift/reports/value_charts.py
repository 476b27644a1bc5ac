"""Charts of a value model: cumulative cost and benefit, total cost by units, NPV spread.

Drawn once with matplotlib for every place they appear: PNG inside the HTML and PDF reports,
SVG (text kept as text) on the appraisal page. Amounts are shown in millions of đồng with
Vietnamese number formatting.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any, Literal

from dxshift.economics.evaluate import Outcome, SharingResult
from dxshift.economics.uncertainty import Simulation
from dxshift.i18n import Lang, fmt_number, t
from dxshift.reports.chart import _font_family

Format = Literal["png", "svg"]
# Okabe–Ito: one colour per option, distinguishable with the common colour blindnesses.
COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"]


def _draw(paint: Callable[[Any], None], fmt: Format, size: tuple[float, float] = (7.2, 3.8)) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    with plt.rc_context(
        {
            "font.family": _font_family(),
            "font.size": 9,
            "svg.fonttype": "none",  # text stays text in SVG: selectable, read by screen readers
            "text.parse_math": False,  # a "$" in a name is a dollar sign, not a formula
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    ):
        fig, ax = plt.subplots(figsize=size)
        paint(ax)
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format=fmt, dpi=150)
        plt.close(fig)
    return buffer.getvalue()


def _millions(ax: Any, lang: Lang) -> None:
    from matplotlib.ticker import FuncFormatter

    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: fmt_number(v / 1e6, lang, 0)))
    ax.set_ylabel(t("econ_million", lang))
    ax.grid(axis="y", color="#e3e7ec", linewidth=0.8)


def cumulative_chart(outcome: Outcome, lang: Lang = "vi", fmt: Format = "png") -> bytes:
    """Running totals of cost (solid) and benefit (dashed) for each option, year by year."""
    m = outcome.model
    labels = [t("econ_start", lang)] + [str(m.year_of(k)) for k in range(1, m.horizon_years + 1)]

    def paint(ax: Any) -> None:
        steps = list(range(m.horizon_years + 1))
        for i, o in enumerate(outcome.options):
            colour = COLOURS[i % len(COLOURS)]
            ax.plot(
                steps,
                o.cumulative_cost,
                color=colour,
                linewidth=2,
                marker="o",
                markersize=3,
                label=f"{o.name} — {t('econ_cost', lang).lower()}",
            )
            if any(o.benefit):
                ax.plot(
                    steps,
                    o.cumulative_benefit,
                    color=colour,
                    linewidth=2,
                    linestyle="--",
                    label=f"{o.name} — {t('econ_benefit', lang).lower()}",
                )
        ax.set_xticks(steps, labels, fontsize=8)
        _millions(ax, lang)
        ax.set_title(t("econ_chart_cumulative", lang), fontsize=11, fontweight="semibold")
        ax.legend(fontsize=8, frameon=False)

    return _draw(paint, fmt)


def sharing_chart(sharing: SharingResult, lang: Lang = "vi", fmt: Format = "png") -> bytes:
    """Total cost (present value) as the number of units grows: separate systems against one platform."""

    def paint(ax: Any) -> None:
        units = [p.units for p in sharing.points]
        ax.plot(
            units,
            [p.separate for p in sharing.points],
            color=COLOURS[1],
            linewidth=2,
            label=t("econ_separate_total", lang),
        )
        ax.plot(
            units,
            [p.shared for p in sharing.points],
            color=COLOURS[0],
            linewidth=2,
            label=t("econ_shared_total", lang),
        )
        if sharing.break_even_units:
            ax.axvline(sharing.break_even_units, color="#5b6472", linestyle=":", linewidth=1)
        ax.set_xlabel(t("econ_units", lang))
        _millions(ax, lang)
        ax.set_title(t("econ_chart_sharing", lang), fontsize=11, fontweight="semibold")
        ax.legend(fontsize=8, frameon=False)

    return _draw(paint, fmt)


def npv_chart(outcome: Outcome, sim: Simulation, lang: Lang = "vi", fmt: Format = "png") -> bytes:
    """How the NPV of each option spreads over the simulation runs; the dotted line is zero."""

    def paint(ax: Any) -> None:
        everything = [v for d in sim.options for v in d.npvs]
        low, high = min(everything), max(everything)
        bins = [low + (high - low) * k / 40 for k in range(41)] if high > low else 10
        for i, d in enumerate(sim.options):
            ax.hist(
                d.npvs,
                bins=bins,
                color=COLOURS[i % len(COLOURS)],
                alpha=0.55,
                label=outcome.option(d.key).name,
            )
        ax.axvline(0, color="#1d2430", linestyle=":", linewidth=1)
        from matplotlib.ticker import FuncFormatter

        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: fmt_number(v / 1e6, lang, 0)))
        ax.set_xlabel(f"NPV ({t('econ_million', lang)})")
        ax.set_yticks([])
        ax.set_title(t("econ_chart_npv", lang), fontsize=11, fontweight="semibold")
        ax.legend(fontsize=8, frameon=False)

    return _draw(paint, fmt, (7.2, 3.2))
