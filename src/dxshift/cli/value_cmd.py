"""`dxshift value`: weigh an initiative's value against its cost, and renting against investing."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from dxshift.cli.assess_cmd import OutputOpt, ReportFormat
from dxshift.cli.common import LangChoice, LangOpt, err, fail, out, write_atomically
from dxshift.economics import ModelInvalid, example_path, load_model
from dxshift.i18n import Lang, t
from dxshift.reports.value_report import ValueReport, build_report, metric_rows, render_report, summary


def print_summary(r: ValueReport) -> None:
    lg = r.lang
    out.rule(f"[bold]{t('econ_title', lg)}: {escape(r.model.title)}")
    table = Table(title=t("econ_million", lg), expand=True)
    table.add_column("")
    for x in r.outcome.options:
        table.add_column(escape(x.name), justify="right")
    for label, cells in metric_rows(r, lg):
        table.add_row(escape(label), *cells)
    out.print(table)
    for line in summary(r, lg):
        out.print(f"• {line}", markup=False)


def value(
    model: Annotated[Path | None, typer.Argument(help="The value model (YAML); see --example.")] = None,
    fmt: Annotated[ReportFormat | None, typer.Option("--format", help="md, html, json or pdf.")] = None,
    output: OutputOpt = None,
    example: Annotated[bool, typer.Option("--example", help="Write the documented example model.")] = False,
    lang: LangOpt = LangChoice.vi,
) -> None:
    """Value minus cost of each option, rent or invest, shared or separate, with Monte Carlo."""
    lg: Lang = lang.value
    if example:
        text = example_path().read_bytes()
        if output is None:
            out.file.write(text.decode("utf-8"))
        else:
            write_atomically(output, text)
            err.print(t("written", lg, path=output))
        return
    if model is None:
        fail([t("econ_needs_file", lg)])
    if fmt is ReportFormat.pdf and output is None:
        fail([t("pdf_needs_output", lg)])
    try:
        loaded = load_model(model)
    except ModelInvalid as exc:
        fail([*exc.lines(lg), t("nothing_written", lg)])
    report = build_report(loaded, lg)
    if output is None and fmt is not None:
        out.file.write(render_report(report, fmt.value).decode("utf-8"))
        return
    print_summary(report)
    if output is not None:
        chosen = fmt.value if fmt else output.suffix.lstrip(".").lower()
        write_atomically(
            output, render_report(report, chosen if chosen in {"md", "html", "json", "pdf"} else "md")
        )
        err.print(t("written", lg, path=output))
