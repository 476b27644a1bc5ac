"""A value model's report: Markdown, JSON, HTML (standalone or a page fragment) and PDF.

One `ValueReport` holds every number (point result, simulation, sensitivity); the sentences
a reader sees are made here once, so the CLI report, the PDF and the appraisal page agree.
Amounts in tables are in millions of đồng (the usual unit of Vietnamese budget tables).
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from dxshift.economics import messages as _messages  # noqa: F401  (registers the words)
from dxshift.economics.cashflow import Line
from dxshift.economics.evaluate import OptionResult, Outcome, evaluate
from dxshift.economics.schema import RATE_FIELDS, Benefit, Range, ValueModel
from dxshift.economics.uncertainty import Input, Simulation, Swing, sensitivity, simulate
from dxshift.i18n import MESSAGES, Lang, fmt_number, fmt_percent, t
from dxshift.reports.value_charts import Format


@dataclass(frozen=True)
class ValueReport:
    model: ValueModel
    outcome: Outcome
    simulation: Simulation
    swings: dict[str, list[Swing]]
    lang: Lang


def build_report(model: ValueModel, lang: Lang = "vi") -> ValueReport:
    outcome = evaluate(model)
    sim = simulate(model)
    swings = {o.key: sensitivity(model, o.key) for o in model.options} if sim.inputs else {}
    return ValueReport(model, outcome, sim, swings, lang)


# ---- words and numbers -------------------------------------------------------------------------


def millions(value: float, lang: Lang) -> str:
    """Table cells: millions of đồng with one fixed decimal, so columns line up."""
    return fmt_number(value / 1e6, lang, 1, trim=False)


def dong(value: float, lang: Lang) -> str:
    return f"{fmt_number(value, lang, 0)} đ" if lang == "vi" else f"VND {fmt_number(value, lang, 0)}"


def amount_text(value: float, lang: Lang) -> str:
    """A sum of money a person can read aloud: 4.509,3 triệu đồng, 1,2 tỷ đồng."""
    if abs(value) >= 1e9:
        return f"{fmt_number(value / 1e9, lang, 2)} {t('econ_billion', lang)}"
    return f"{fmt_number(value / 1e6, lang, 1)} {t('econ_million', lang)}"


def range_text(r: Range, lang: Lang, digits: int = 2) -> str:
    if not r.uncertain:
        return fmt_number(r.likely, lang, digits)
    low, likely, high = (fmt_number(v, lang, digits) for v in (r.low, r.likely, r.high))
    return f"{likely} ({low}–{high})"


def rate_text(r: Range, lang: Lang) -> str:
    if not r.uncertain:
        return fmt_percent(r.likely, lang, 1)
    return f"{fmt_percent(r.likely, lang, 1)} ({fmt_percent(r.low, lang, 1)}–{fmt_percent(r.high, lang, 1)})"


def step_label(model: ValueModel, step: int, lang: Lang) -> str:
    return t("econ_start", lang) if step == 0 else str(model.year_of(step))


def payback_text(model: ValueModel, o: OptionResult, lang: Lang) -> str:
    return t("econ_never", lang) if o.payback_step is None else step_label(model, o.payback_step, lang)


def formula(b: Benefit, lang: Lang) -> str:
    """`12.000 hồ sơ × 0,5 (0,3–0,8) giờ × 55.000 đồng/giờ`: how the yearly amount is made."""
    return " × ".join(f"{range_text(d.value, lang)} {d.unit}".strip() for d in b.drivers)


def line_name(line: Line, rate: Range, lang: Lang) -> str:
    if line.kind == "maintenance":
        return t("econ_maintenance", lang, rate=rate_text(rate, lang))
    return line.name


def input_range(i: Input, lang: Lang) -> str:
    return rate_text(i.range, lang) if i.label[-1] in RATE_FIELDS else range_text(i.range, lang)


def input_label(i: Input, lang: Lang) -> str:
    field = i.label[-1]
    key = f"econ_field_{field}"
    words = t(key, lang) if key in MESSAGES else field
    return " › ".join([*i.label[:-1], words])


def summary(r: ValueReport, lang: Lang) -> list[str]:
    _m, o = r.model, r.outcome
    lines = []
    if len(o.options) > 1:
        lines.append(t("econ_best", lang, name=o.best.name))
    for opt in o.options:
        verdict = t("econ_positive" if opt.npv > 0 else "econ_negative_npv", lang)
        lines.append(f"{opt.name}: NPV {amount_text(opt.npv, lang)} — {verdict}.")
    ri = o.rent_invest
    if ri is not None:
        lines.append(
            t(
                "econ_utilization_range",
                lang,
                first=fmt_percent(ri.utilization[1], lang),
                last=fmt_percent(ri.utilization[-1], lang),
            )
        )
        lines.append(rent_invest_line(r, lang))
    if o.sharing is not None:
        lines.append(sharing_line(r, lang))
    return lines


def rent_invest_line(r: ValueReport, lang: Lang) -> str:
    ri, m = r.outcome.rent_invest, r.model
    assert ri is not None and m.demand is not None
    names = {k: r.outcome.option(k).name for k in (ri.invest, ri.rent)}
    if ri.break_even_base is None:
        return t("econ_no_break_even", lang, name=names[ri.cheaper_above])
    other = ri.rent if ri.cheaper_above == ri.invest else ri.invest
    return t(
        "econ_break_even",
        lang,
        value=fmt_number(ri.break_even_base, lang, 1),
        unit=m.demand.unit,
        high=names[ri.cheaper_above],
        low=names[other],
    )


def crossover_line(r: ValueReport, lang: Lang) -> str:
    ri = r.outcome.rent_invest
    assert ri is not None
    if ri.crossover_step is None:
        return t("econ_no_crossover", lang)
    return t("econ_crossover", lang, year=step_label(r.model, ri.crossover_step, lang))


def sharing_line(r: ValueReport, lang: Lang) -> str:
    s = r.outcome.sharing
    assert s is not None
    last = s.points[-1]
    if s.break_even_units is None:
        return t("econ_sharing_never", lang, units=last.units)
    return t(
        "econ_sharing_break_even",
        lang,
        n=s.break_even_units,
        units=last.units,
        saved=amount_text(last.separate - last.shared, lang),
    )


def sharing_rows(r: ValueReport) -> list[Any]:
    s = r.outcome.sharing
    assert s is not None
    wanted = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, len(s.points)}
    if s.break_even_units:
        wanted.add(s.break_even_units)
    return [p for p in s.points if p.units in wanted]


def assumptions(r: ValueReport, lang: Lang) -> list[str]:
    m = r.model
    out = [
        t("econ_a_money", lang),
        t("econ_a_timing", lang),
        t("econ_a_discount", lang, rate=rate_text(m.discount_rate, lang)),
        t("econ_a_residual" if m.residual_value else "econ_a_no_residual", lang),
        t("econ_a_payback", lang),
    ]
    if r.outcome.rent_invest is not None and m.demand is not None:
        out.append(t("econ_a_capacity", lang, peak=range_text(m.demand.peak_factor, lang)))
        out.append(t("econ_a_usage", lang))
    out += [t("econ_a_intangible", lang, name=b.name, proxy=b.proxy) for b in m.benefits if b.intangible]
    if r.simulation.inputs:
        out.append(t("econ_a_ranges", lang))
    if m.sharing is not None:
        out.append(t("econ_a_sharing", lang))
    return out + list(m.notes)


def simulation_line(r: ValueReport, lang: Lang) -> str:
    if not r.simulation.inputs:
        return t("econ_no_ranges", lang)
    return t(
        "econ_simulation",
        lang,
        runs=fmt_number(r.simulation.runs, lang, 0),
        inputs=len(r.simulation.inputs),
        seed=r.simulation.seed,
    )


# ---- JSON ---------------------------------------------------------------------------------------


def _line_dict(line: Line) -> dict[str, Any]:
    return {"name": line.name, "kind": line.kind, "amounts": [round(a, 2) for a in line.amounts]}


def report_dict(r: ValueReport) -> dict[str, Any]:
    """Every number, in đồng, keyed in English: the contract other programs read."""
    from dxshift.economics.loader import plain

    o = r.outcome
    ri, s = o.rent_invest, o.sharing
    return {
        "model": plain(r.model),
        "currency": "VND",
        "years": [step_label(r.model, k, "en") for k in range(r.model.horizon_years + 1)],
        "options": [
            {
                "key": x.key,
                "name": x.name,
                "total_cost": x.total_cost,
                "residual_value": x.total_residual,
                "total_benefit": x.total_benefit,
                "net_value": x.net_value,
                "pv_cost": x.pv_cost,
                "pv_benefit": x.pv_benefit,
                "npv": x.npv,
                "npv_tangible": x.npv_tangible,
                "bcr": x.bcr,
                "payback_year": None if x.payback_step is None else r.model.year_of(x.payback_step),
                "cost_per_transaction": x.cost_per_transaction,
                "modules": x.modules,
                "cost": x.cost,
                "residual": x.residual,
                "benefit": x.benefit,
                "costs": [_line_dict(c) for c in x.costs],
                "benefits": [_line_dict(b) for b in x.benefits],
            }
            for x in o.options
        ],
        "best": o.best.key,
        "rent_invest": None
        if ri is None
        else {
            "invest": ri.invest,
            "rent": ri.rent,
            "average": ri.average[1:],
            "peak": ri.peak[1:],
            "installed": ri.installed,
            "utilization": ri.utilization[1:],
            "crossover_year": None if ri.crossover_step is None else r.model.year_of(ri.crossover_step),
            "break_even_base": ri.break_even_base,
            "cheaper_above": ri.cheaper_above,
        },
        "sharing": None
        if s is None
        else {
            "separate": s.separate,
            "per_unit_separate": s.per_unit_separate,
            "platform_fixed": s.platform_fixed,
            "per_unit_shared": s.per_unit_shared,
            "break_even_units": s.break_even_units,
            "points": [{"units": p.units, "separate": p.separate, "shared": p.shared} for p in s.points],
        },
        "simulation": {
            "runs": r.simulation.runs,
            "seed": r.simulation.seed,
            "inputs": [i.path for i in r.simulation.inputs],
            "options": [
                {
                    "key": d.key,
                    "mean": d.mean,
                    "p5": d.p5,
                    "p50": d.p50,
                    "p95": d.p95,
                    "chance_positive": d.chance_positive,
                    "chance_best": d.chance_best,
                }
                for d in r.simulation.options
            ],
        },
        "sensitivity": {
            key: [
                {
                    "input": sw.input.path,
                    "low": sw.input.range.low,
                    "high": sw.input.range.high,
                    "npv_at_low": sw.at_low,
                    "npv_at_high": sw.at_high,
                }
                for sw in swings
            ]
            for key, swings in r.swings.items()
        },
        "assumptions": assumptions(r, r.lang),
    }


def render_json(r: ValueReport) -> str:
    return json.dumps(report_dict(r), ensure_ascii=False, indent=2) + "\n"


# ---- Markdown -----------------------------------------------------------------------------------


def md_table(head: list[str], rows: list[list[str]], first_left: int = 1) -> list[str]:
    """A Markdown table; the first `first_left` columns are text, the rest numbers (right-aligned)."""
    align = ["---"] * first_left + ["---:"] * (len(head) - first_left)
    return ["| " + " | ".join(head) + " |", "|" + "|".join(align) + "|"] + [
        "| " + " | ".join(row) + " |" for row in rows
    ]


def render_markdown(r: ValueReport) -> str:
    m, o, lang = r.model, r.outcome, r.lang
    w = lambda key, **p: t(key, lang, **p)  # noqa: E731
    mn = lambda v: millions(v, lang)  # noqa: E731
    names = [x.name for x in o.options]
    last = m.start_year + m.horizon_years - 1
    out = [f"# {w('econ_title')}: {m.title}", ""]
    out += [f"- {w('econ_decider')}: {m.unit}"] if m.unit else []
    out += [
        f"- {w('econ_horizon')}: {w('econ_years', n=m.horizon_years, first=m.start_year, last=last)}",
        f"- {w('econ_discount')}: {rate_text(m.discount_rate, lang)}",
        "",
        *[f"- {line}" for line in summary(r, lang)],
        "",
        f"## {w('econ_options')} ({w('econ_million')})",
        "",
        *md_table(["", *names], [[label, *cells] for label, cells in metric_rows(r, lang)]),
    ]
    for x in o.options:
        rate = m.option(x.key).maintenance_rate
        lines = [
            [line_name(ln, rate, lang), w("econ_kind_" + ln.kind), mn(ln.total)]
            for ln in x.costs + x.benefits
        ]
        years = [
            [step_label(m, k, lang), mn(x.cost[k]), mn(x.benefit[k]), mn(cc), mn(cb)]
            for k, (cc, cb) in enumerate(zip(x.cumulative_cost, x.cumulative_benefit, strict=True))
        ]
        out += [
            "",
            f"## {x.name}",
            "",
            *md_table([w("econ_line"), w("econ_kind"), w("econ_total")], lines, 2),
        ]
        head = ["econ_year", "econ_cost", "econ_benefit", "econ_cum_cost", "econ_cum_benefit"]
        out += ["", *md_table([w(k) for k in head], years)]
    if m.benefits:
        out += ["", f"## {w('econ_benefit_lines')}", ""]
        out += [
            f"- {b.name}: {formula(b, lang)}" + (f" — {w('econ_kind_intangible')}" if b.intangible else "")
            for b in m.benefits
        ]
    ri = o.rent_invest
    if ri is not None and m.demand is not None:
        head = [w("econ_year"), f"{w('econ_demand')} ({m.demand.unit})", w("econ_peak"), w("econ_installed")]
        rows = [
            [
                step_label(m, k, lang),
                *(fmt_number(v, lang) for v in (ri.average[k], ri.peak[k], ri.installed)),
                fmt_percent(ri.utilization[k], lang),
            ]
            for k in range(1, m.horizon_years + 1)
        ]
        out += [
            "",
            f"## {w('econ_rent_invest')}",
            "",
            f"- {crossover_line(r, lang)}",
            f"- {rent_invest_line(r, lang)}",
        ]
        out += ["", *md_table([*head, w("econ_utilization")], rows)]
    if o.sharing is not None:
        rows = [[str(p.units), mn(p.separate), mn(p.shared)] for p in sharing_rows(r)]
        out += [
            "",
            f"## {w('econ_sharing')}",
            "",
            f"- {sharing_text(r, lang)}",
            f"- {sharing_line(r, lang)}",
            "",
        ]
        out += md_table([w("econ_units"), w("econ_separate_total"), w("econ_shared_total")], rows, 0)
    out += ["", f"## {w('econ_uncertainty')}", "", simulation_line(r, lang)]
    if r.simulation.inputs:
        out += ["", *md_table(["", *names], [[label, *cells] for label, cells in simulation_rows(r, lang)])]
        head = [w("econ_input"), w("econ_range"), w("econ_at_low"), w("econ_at_high")]
        for x in o.options:
            rows = [
                [input_label(sw.input, lang), input_range(sw.input, lang), mn(sw.at_low), mn(sw.at_high)]
                for sw in r.swings[x.key][:10]
            ]
            out += ["", f"### {w('econ_sensitivity')} — {x.name}", "", *md_table(head, rows, 2)]
    out += ["", f"## {w('econ_assumptions')}", "", *[f"- {a}" for a in assumptions(r, lang)], ""]
    return "\n".join(out)


def sharing_text(r: ValueReport, lang: Lang) -> str:
    s = r.outcome.sharing
    assert s is not None
    return t(
        "econ_sharing_summary",
        lang,
        own=amount_text(s.per_unit_separate, lang),
        fixed=amount_text(s.platform_fixed, lang),
        each=amount_text(s.per_unit_shared, lang),
    )


def metric_rows(r: ValueReport, lang: Lang) -> list[tuple[str, list[str]]]:
    o, m = r.outcome.options, r.model
    mn = lambda v: millions(v, lang)  # noqa: E731
    rows = [(t("econ_total_cost", lang), [mn(x.total_cost) for x in o])]
    if any(x.total_residual for x in o):
        rows.append((t("econ_residual", lang), [mn(x.total_residual) for x in o]))
    rows += [
        (t("econ_total_benefit", lang), [mn(x.total_benefit) for x in o]),
        (t("econ_net_value", lang), [mn(x.net_value) for x in o]),
        (t("econ_npv", lang), [mn(x.npv) for x in o]),
    ]
    if any(b.intangible for b in m.benefits):
        rows.append((t("econ_npv_tangible", lang), [mn(x.npv_tangible) for x in o]))
    rows += [
        (t("econ_bcr", lang), ["—" if x.bcr is None else fmt_number(x.bcr, lang, 2) for x in o]),
        (t("econ_payback", lang), [payback_text(m, x, lang) for x in o]),
    ]
    if m.transactions is not None:
        rows.append(
            (
                t("econ_cost_per_tx", lang, name=m.transactions.name),
                ["—" if x.cost_per_transaction is None else dong(x.cost_per_transaction, lang) for x in o],
            )
        )
    return rows


def simulation_rows(r: ValueReport, lang: Lang) -> list[tuple[str, list[str]]]:
    ds = [r.simulation.option(x.key) for x in r.outcome.options]
    mn = lambda v: millions(v, lang)  # noqa: E731
    return [
        (t("econ_p5", lang), [mn(d.p5) for d in ds]),
        (t("econ_p50", lang), [mn(d.p50) for d in ds]),
        (t("econ_p95", lang), [mn(d.p95) for d in ds]),
        (t("econ_chance_positive", lang), [fmt_percent(d.chance_positive, lang) for d in ds]),
        (t("econ_chance_best", lang), [fmt_percent(d.chance_best, lang) for d in ds]),
    ]


# ---- HTML and PDF -------------------------------------------------------------------------------


def _charts(r: ValueReport, fmt: Format) -> dict[str, Markup]:
    from dxshift.reports.value_charts import cumulative_chart, npv_chart, sharing_chart

    def embed(data: bytes, alt: str) -> Markup:
        if fmt == "svg":
            svg = data.decode("utf-8")
            svg = svg[svg.index("<svg") :]
            return Markup(
                f'<figure class="chart" role="img" aria-label="{Markup.escape(alt)}">{svg}</figure>'
            )
        src = base64.b64encode(data).decode("ascii")
        return Markup(f'<img class="chart" alt="{Markup.escape(alt)}" src="data:image/png;base64,{src}">')

    lang, o = r.lang, r.outcome
    charts = {"cumulative": embed(cumulative_chart(o, lang, fmt), t("econ_chart_cumulative", lang))}
    if o.sharing is not None:
        charts["sharing"] = embed(sharing_chart(o.sharing, lang, fmt), t("econ_chart_sharing", lang))
    if r.simulation.inputs:
        charts["npv"] = embed(npv_chart(o, r.simulation, lang, fmt), t("econ_chart_npv", lang))
    return charts


def _context(r: ValueReport, charts: Format) -> dict[str, Any]:
    lang = r.lang
    return {
        "r": r,
        "m": r.model,
        "o": r.outcome,
        "lang": lang,
        "charts": _charts(r, charts),
        "t": lambda key, **p: t(key, lang, **p),
        "mn": lambda v: millions(v, lang),
        "num": lambda v, d=1: fmt_number(v, lang, d),
        "pct": lambda v: fmt_percent(v, lang),
        "rate": lambda v: rate_text(v, lang),
        "step": lambda k: step_label(r.model, k, lang),
        "line_name": lambda line, rate: line_name(line, rate, lang),
        "formula": lambda b: formula(b, lang),
        "input_label": lambda i: input_label(i, lang),
        "input_range": lambda i: input_range(i, lang),
        "summary": summary(r, lang),
        "metric_rows": metric_rows(r, lang),
        "simulation_rows": simulation_rows(r, lang) if r.simulation.inputs else [],
        "assumptions": assumptions(r, lang),
        "simulation_line": simulation_line(r, lang),
        "crossover_line": crossover_line(r, lang) if r.outcome.rent_invest else "",
        "rent_invest_line": rent_invest_line(r, lang) if r.outcome.rent_invest else "",
        "sharing_text": sharing_text(r, lang) if r.outcome.sharing else "",
        "sharing_line": sharing_line(r, lang) if r.outcome.sharing else "",
        "sharing_rows": sharing_rows(r) if r.outcome.sharing else [],
    }


def render_fragment(r: ValueReport, charts: Format = "svg", heading_level: int = 2) -> Markup:
    """The report's body, for the appraisal page (inline SVG charts)."""
    from dxshift.reports.html import environment

    ctx = _context(r, charts) | {"h": heading_level}
    return Markup(environment().get_template("value_body.html").render(**ctx))


def render_html(r: ValueReport, font_faces: list[dict[str, Any]] | None = None) -> str:
    from dxshift.reports.html import environment

    body = render_fragment(r, "png")
    return (
        environment()
        .get_template("value_report.html")
        .render(
            body=body,
            m=r.model,
            lang=r.lang,
            t=lambda key, **p: t(key, r.lang, **p),
            font_faces=font_faces or [],
        )
    )


def render_pdf(r: ValueReport) -> bytes:
    from dxshift.reports.pdf import font_faces, pdf_from_html

    return pdf_from_html(render_html(r, font_faces()))


def render_value(model: ValueModel, fmt: str, lang: Lang = "vi") -> bytes:
    """The report in `fmt` (md, html, json, pdf) as bytes ready to write."""
    return render_report(build_report(model, lang), fmt)


def render_report(r: ValueReport, fmt: str) -> bytes:
    if fmt == "pdf":
        return render_pdf(r)
    text = {"json": render_json, "html": render_html, "md": render_markdown}[fmt](r)
    return text.encode("utf-8")
