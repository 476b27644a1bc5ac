"""`dxshift questionnaire`, `dxshift assess` and `dxshift demo`: thin wrappers over the core."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from dxshift.assessment import AnswersInvalid, AssessmentResult, assess_raw
from dxshift.cli.common import (
    FrameworkOpt,
    LangChoice,
    LangOpt,
    err,
    explain_answer_problems,
    explain_file_problem,
    fail,
    get_framework,
    out,
    write_atomically,
)
from dxshift.files.answer_sheet import AnswerSheet, read_answer_sheet
from dxshift.files.errors import FileProblem
from dxshift.files.questionnaire import write_xlsx, yaml_template
from dxshift.framework import Framework
from dxshift.framework.loader import demo_answers_path
from dxshift.i18n import Lang, fmt_number, fmt_percent, t
from dxshift.reports import ReportContext, render
from dxshift.reports.wording import condition_text, level_name


class TemplateFormat(StrEnum):
    yaml = "yaml"
    xlsx = "xlsx"


class ReportFormat(StrEnum):
    md = "md"
    html = "html"
    json = "json"
    pdf = "pdf"


OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")]


def questionnaire(
    fmt: Annotated[TemplateFormat, typer.Option("--format", help="yaml or xlsx.")] = TemplateFormat.yaml,
    output: OutputOpt = None,
    lang: LangOpt = LangChoice.vi,
    framework: FrameworkOpt = None,
) -> None:
    """Write a blank answer sheet a unit can fill in (YAML, or XLSX with drop-down lists)."""
    lg: Lang = lang.value
    fw = get_framework(framework, lg)
    if fmt is TemplateFormat.yaml:
        text = yaml_template(fw, lg)
        if output is None:
            out.print(text, markup=False, end="")
        else:
            write_atomically(output, text.encode("utf-8"))
            err.print(t("written", lg, path=output))
        return
    if output is None:
        fail(["xlsx: -o FILE"])
    tmp = output.with_name(f".{output.name}.partial")
    write_xlsx(fw, tmp, lg)
    tmp.replace(output)
    err.print(t("written", lg, path=output))


def _score(framework: Framework, sheet: AnswerSheet, lang: Lang) -> AssessmentResult:
    try:
        return assess_raw(framework, sheet.answers)
    except AnswersInvalid as exc:
        explain_answer_problems(exc, framework, lang)


def print_summary(ctx: ReportContext) -> None:
    """The result on the terminal: index, level with reasons, what is missing, the roadmap."""
    fw, res, lg = ctx.framework, ctx.result, ctx.lang
    n = lambda x: fmt_number(x, lg)  # noqa: E731
    title = t("report_title", lg) + (f" — {ctx.unit_name}" if ctx.unit_name else "")
    out.rule(f"[bold]{title}")
    out.print(
        f"{t('index', lg)}: [bold]{n(res.index)}[/] / 100    "
        f"{t('coverage', lg)}: {fmt_percent(res.coverage, lg)}"
    )
    out.print(f"{t('level', lg)}: [bold cyan]{level_name(fw, res.level.id, lg)}[/]")
    if res.missing:
        out.print(
            "[yellow]"
            + t("index_range", lg, missing=len(res.missing), low=n(res.index), high=n(res.index_potential))
        )
    out.print(f"\n[bold]{t('why_level', lg)}[/]")
    for c in res.level.reasons:
        out.print(f"  [green]✔[/] {condition_text(fw, c, lg)}")
    if not res.level.reasons:
        out.print(f"  {t('base_level', lg)}")
    if res.level.next_id:
        out.print(f"\n[bold]{t('missing_for_next', lg, level=level_name(fw, res.level.next_id, lg))}[/]")
        for c in res.level.missing_for_next:
            out.print(f"  [red]✘[/] {condition_text(fw, c, lg)}")
    table = Table(title=t("roadmap", lg), show_lines=False, expand=True)
    table.add_column("#", justify="right")
    table.add_column(t("shift", lg), justify="right")
    table.add_column(t("recommendation", lg))
    table.add_column("+", justify="right")
    for st in res.roadmap:
        mark = " [yellow]★[/]" if st.for_next_level else ""
        table.add_row(str(st.order), str(st.shift), st.recommendation.get(lg) + mark, n(st.index_gain))
    out.print()
    out.print(table)


def assess(
    answers: Annotated[Path, typer.Argument(help="Answers: YAML, JSON or the XLSX template.")],
    fmt: Annotated[ReportFormat | None, typer.Option("--format", help="md, html, json or pdf.")] = None,
    output: OutputOpt = None,
    lang: LangOpt = LangChoice.vi,
    framework: FrameworkOpt = None,
) -> None:
    """Score a unit's answers: DX index, level with reasons, and the roadmap."""
    lg: Lang = lang.value
    try:
        sheet = read_answer_sheet(answers)
    except FileProblem as exc:
        explain_file_problem(exc, lg)
    fw = get_framework(framework or sheet.framework_ref, lg)
    if sheet.framework and sheet.framework != fw.id:
        fail([t("wrong_framework", lg, found=sheet.framework, expected=fw.id), t("nothing_written", lg)])
    if fmt is ReportFormat.pdf and output is None:
        fail([t("pdf_needs_output", lg)])
    result = _score(fw, sheet, lg)
    ctx = ReportContext(fw, result, lg, sheet.unit_name, sheet.unit_code, sheet.assessed_on)
    if output is None and fmt is not None:
        out.file.write(render(ctx, fmt.value).decode("utf-8"))
        return
    print_summary(ctx)
    if output is not None:
        chosen = fmt.value if fmt else (output.suffix.lstrip(".").lower() or "md")
        if chosen not in {f.value for f in ReportFormat}:
            chosen = "md"
        write_atomically(output, render(ctx, chosen))
        err.print(t("written", lg, path=output))


def demo(
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for the reports.")] = Path("dxshift-demo"),
    lang: LangOpt = LangChoice.vi,
) -> None:
    """Run the demo self-assessment of a fictional commune and write its HTML and PDF reports."""
    lg: Lang = lang.value
    err.print(t("demo_intro", lg))
    sheet = read_answer_sheet(demo_answers_path())
    fw = get_framework(sheet.framework_ref, lg)
    ctx = ReportContext(fw, _score(fw, sheet, lg), lg, sheet.unit_name, sheet.unit_code, sheet.assessed_on)
    print_summary(ctx)
    for fmt in ("html", "pdf", "md", "json"):
        path = out_dir / f"demo-report.{fmt}"
        write_atomically(path, render(ctx, fmt))
        out.print(t("written", lg, path=path))
