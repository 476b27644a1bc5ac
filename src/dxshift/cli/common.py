"""What every command shares: the language option, the consoles, and failing cleanly."""

from __future__ import annotations

import os
import tempfile
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from dxshift.assessment import AnswersInvalid
from dxshift.files.errors import FileProblem
from dxshift.framework import Framework, FrameworkError, load_framework
from dxshift.i18n import Lang, t
from dxshift.reports.wording import expected_text

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


class LangChoice(StrEnum):
    vi = "vi"
    en = "en"


LangOpt = Annotated[
    LangChoice,
    typer.Option("--lang", "-l", envvar="DXSHIFT_LANG", help="Language of the output: vi (default) or en."),
]
FrameworkOpt = Annotated[
    str | None,
    typer.Option("--framework", "-f", help="Bundled framework id (id@version) or a YAML file path."),
]


def fail(lines: list[str], code: int = 1) -> NoReturn:
    """Print an error in the user's language and stop with a non-zero exit code."""
    for line in lines:
        err.print(f"[bold red]✘[/] {line}" if line is lines[0] else f"  {line}")
    raise typer.Exit(code)


def get_framework(ref: str | None, lang: Lang) -> Framework:
    try:
        return load_framework(ref)
    except FrameworkError as exc:
        lines = [t("framework_invalid", lang)]
        for p in exc.problems:
            where = f"{exc.path}:{p.line}" if p.line else exc.path
            lines.append(f"{where}: {p.field}: {p.message}")
        fail(lines)


def explain_file_problem(exc: FileProblem, lang: Lang) -> NoReturn:
    fail([t(exc.code, lang, **exc.params), t("nothing_written", lang)])


def explain_answer_problems(exc: AnswersInvalid, framework: Framework, lang: Lang) -> NoReturn:
    lines = []
    for p in exc.problems:
        lines.append(
            t(
                p.code,
                lang,
                indicator=p.indicator,
                value=repr(p.value),
                framework=framework.id,
                expected=expected_text(p.expected, lang),
            )
        )
    lines.append(t("nothing_written", lang))
    fail(lines)


def write_atomically(path: Path, data: bytes) -> None:
    """Write the whole file or nothing: a failure never leaves half a report behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
