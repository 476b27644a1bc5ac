"""`dxshift framework …`: read the framework's shifts and indicators."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from dxshift.cli.common import FrameworkOpt, LangChoice, LangOpt, fail, get_framework, out
from dxshift.framework import Framework
from dxshift.i18n import Lang, fmt_date, t
from dxshift.reports.wording import allowed_text

app = typer.Typer(help="The framework: its shifts, levels and indicators.", no_args_is_help=True)


class ViewFormat(StrEnum):
    table = "table"
    json = "json"
    md = "md"


FormatOpt = Annotated[ViewFormat, typer.Option("--format", help="table, json or md.")]


def _shift_dict(fw: Framework, number: int, full: bool) -> dict[str, object]:
    s = fw.shift(number)
    data: dict[str, object] = {
        "number": s.number,
        "key": s.key,
        "name": s.name.model_dump(),
        "it_side": s.it_side.model_dump(),
        "dx_side": s.dx_side.model_dump(),
    }
    if full:
        data["explanation"] = s.explanation.model_dump()
        data["sources"] = [fw.source(src).model_dump(mode="json") for src in s.sources]
        data["indicators"] = [i.model_dump(mode="json") for i in fw.indicators_of(number)]
    return data


@app.command("list")
def list_shifts(
    lang: LangOpt = LangChoice.vi, fmt: FormatOpt = ViewFormat.table, framework: FrameworkOpt = None
) -> None:
    """List the shifts: number, name, IT side and DX side."""
    fw = get_framework(framework, lang.value)
    lg: Lang = lang.value
    if fmt is ViewFormat.json:
        payload = {
            "framework": {"id": fw.id, "version": fw.version, "title": fw.title.model_dump()},
            "shifts": [_shift_dict(fw, s.number, full=False) for s in fw.shifts],
        }
        out.print_json(json.dumps(payload, ensure_ascii=False))
        return
    if fmt is ViewFormat.md:
        lines = [
            f"# {fw.title.get(lg)} ({fw.id} {fw.version})",
            "",
            f"| # | {t('name', lg)} | {t('it_side', lg)} | {t('dx_side', lg)} |",
            "|---:|---|---|---|",
        ]
        lines += [
            f"| {s.number} | {s.name.get(lg)} | {s.it_side.get(lg)} | {s.dx_side.get(lg)} |"
            for s in fw.shifts
        ]
        out.print("\n".join(lines), markup=False)
        return
    table = Table(title=f"{fw.title.get(lg)} ({fw.id} {fw.version})", show_lines=False)
    table.add_column("#", justify="right")
    table.add_column(t("name", lg), style="bold")
    table.add_column(t("it_side", lg))
    table.add_column(t("dx_side", lg), style="green")
    for s in fw.shifts:
        table.add_row(str(s.number), s.name.get(lg), s.it_side.get(lg), s.dx_side.get(lg))
    out.print(table)


@app.command("show")
def show_shift(
    number: Annotated[int, typer.Argument(help="Shift number, 1 to 17.")],
    lang: LangOpt = LangChoice.vi,
    fmt: FormatOpt = ViewFormat.table,
    framework: FrameworkOpt = None,
) -> None:
    """Show one shift in full: sides, explanation, sources and its indicators."""
    lg: Lang = lang.value
    fw = get_framework(framework, lg)
    if number not in {s.number for s in fw.shifts}:
        fail([t("unknown_shift", lg, number=number, count=len(fw.shifts))])
    s = fw.shift(number)
    if fmt is ViewFormat.json:
        out.print_json(json.dumps(_shift_dict(fw, number, full=True), ensure_ascii=False))
        return
    sources = [
        f"{fw.source(src).issuer.get(lg)}"
        + (f", {fw.source(src).number}" if fw.source(src).number else "")
        + (f", {fmt_date(d, lg)}" if (d := fw.source(src).date) else "")
        for src in s.sources
    ]
    lines = [
        f"# {s.number}. {s.name.get(lg)}",
        "",
        f"**{t('it_side', lg)}:** {s.it_side.get(lg)}",
        "",
        f"**{t('dx_side', lg)}:** {s.dx_side.get(lg)}",
        "",
        f"**{t('explanation', lg)}:** {s.explanation.get(lg)}",
        "",
        f"**{t('sources', lg)}:** " + "; ".join(sources),
        "",
        f"## {t('indicators', lg)}",
        "",
    ]
    for ind in fw.indicators_of(number):
        lines += [
            f"- `{ind.id}` ({t('weight', lg)} {ind.weight:g}): {ind.question.get(lg)}",
            f"  - {t('answer', lg)}: {allowed_text(ind, lg)}",
            f"  - {t('evidence_hint', lg)}: {ind.evidence_hint.get(lg)}",
        ]
    text = "\n".join(lines)
    if fmt is ViewFormat.md:
        out.print(text, markup=False)
    else:
        from rich.markdown import Markdown

        out.print(Markdown(text))


@app.command("validate")
def validate(
    path: Annotated[Path, typer.Argument(help="A framework YAML file.")], lang: LangOpt = LangChoice.vi
) -> None:
    """Check a framework file; errors name the file, the line and the field."""
    fw = get_framework(str(path), lang.value)
    out.print(f"[green]✔[/] {fw.id} {fw.version}: {len(fw.shifts)} shifts, {len(fw.indicators)} indicators")
