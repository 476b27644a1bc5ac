"""`dxshift classify`, `analyze`, `train` and `eval`: the document analyzer on the command line."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from dxshift.cli.common import LangChoice, LangOpt, err, fail, get_framework, out, write_atomically
from dxshift.i18n import Lang, t


class ProfileFormat(StrEnum):
    md = "md"
    html = "html"
    json = "json"


def _classifier(lang: Lang):
    from dxshift.analysis.classify import default_classifier

    try:
        return default_classifier()
    except FileNotFoundError:
        fail([t("no_model", lang)])


def classify(
    source: Annotated[
        str, typer.Argument(help="A text file with one statement per line, or - for stdin.")
    ] = "-",
    lang: LangOpt = LangChoice.vi,
) -> None:
    """Classify statements, one per line; print one JSON object per line, in input order."""
    lg: Lang = lang.value
    clf = _classifier(lg)
    if source == "-":
        lines = sys.stdin
    else:
        try:
            lines = Path(source).open(encoding="utf-8-sig", errors="replace")  # noqa: SIM115
        except OSError:
            fail([t("file_not_found", lg, path=source)])
    write = sys.stdout.write
    for line in lines:
        text = line.rstrip("\r\n")
        write(json.dumps(clf.classify(text, explain=False).as_contract(), ensure_ascii=False) + "\n")
    sys.stdout.flush()


def analyze(
    files: Annotated[list[Path], typer.Argument(help="Documents: TXT, MD, HTML, DOCX or PDF.")],
    fmt: Annotated[ProfileFormat, typer.Option("--format", help="md, html or json.")] = ProfileFormat.md,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report here.")] = None,
    lang: LangOpt = LangChoice.vi,
) -> None:
    """Profile documents against the 17 shifts, with the evidence sentences and their location."""
    from dxshift.analysis import ExtractError, analyze_file
    from dxshift.reports.profile_report import render_profiles

    lg: Lang = lang.value
    fw = get_framework(None, lg)
    clf = _classifier(lg)
    profiles = []
    failures = 0
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as progress:
        task = progress.add_task(t("analyzing", lg), total=len(files))
        for path in files:
            progress.update(task, description=f"{t('analyzing', lg)} {path.name}")
            try:
                profiles.append(analyze_file(path, clf))
            except ExtractError as exc:
                failures += 1
                err.print(f"[bold red]✘[/] {t('extract_' + exc.code, lg, name=exc.name)}")
            progress.advance(task)
    if profiles:
        report = render_profiles(profiles, fw, fmt.value, lg)
        if output is None:
            out.file.write(report)
        else:
            write_atomically(output, report.encode("utf-8"))
            err.print(t("written", lg, path=output))
    if failures:
        fail([t("failed_files", lg, count=failures)])


def train(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Model file (default: the bundled one).")
    ] = None,
    c: Annotated[float | None, typer.Option("--C", help="Inverse regularization strength.")] = None,
) -> None:
    """Train the sentence model on the corpus's training split and report the held-out scores."""
    from dxshift.analysis.classify import Classifier
    from dxshift.analysis.corpus import load_corpus, split
    from dxshift.analysis.evaluate import score
    from dxshift.analysis.model import model_path
    from dxshift.analysis.train import DEFAULT_C, fit

    examples = load_corpus()
    train_set, held_out = split(examples)
    err.print(f"corpus: {len(examples)} sentences; training on {len(train_set)}, holding out {len(held_out)}")
    model = fit(train_set, c=c or DEFAULT_C)
    target = output or model_path()
    model.save(target)
    clf = Classifier(model)
    predicted = [clf.classify(e.text, explain=False) for e in held_out]
    scores = score(
        [(e.shift, e.side) for e in held_out], [(p.shift or 0, p.side or "none") for p in predicted]
    )
    summary = scores.as_dict()
    summary.pop("confusion")
    out.print_json(json.dumps({"model": str(target), "held_out": summary}))


def evaluate(
    data: Annotated[
        Path | None, typer.Argument(help="TSV with columns text, shift (0 = none), side (it/dx/none).")
    ] = None,
    held_out: Annotated[bool, typer.Option("--held-out", help="Use the corpus's held-out split.")] = False,
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    lang: LangOpt = LangChoice.vi,
) -> None:
    """Accuracy of the classifier on a labelled TSV file (or the corpus's held-out split)."""
    from dxshift.analysis.corpus import CorpusError, load_corpus, read_tsv, split
    from dxshift.analysis.evaluate import score

    lg: Lang = lang.value
    if data is None and not held_out:
        fail(["DATA.tsv | --held-out"])
    try:
        examples = split(load_corpus())[1] if data is None else read_tsv(data)
    except FileNotFoundError:
        fail([t("file_not_found", lg, path=data)])
    except (CorpusError, UnicodeDecodeError) as exc:
        fail([t("corpus_invalid", lg), *str(exc).splitlines()[:20]])
    clf = _classifier(lg)
    predicted = [clf.classify(e.text, explain=False) for e in examples]
    s = score([(e.shift, e.side) for e in examples], [(p.shift or 0, p.side or "none") for p in predicted])
    if fmt == "json":
        out.print_json(json.dumps(s.as_dict()))
        return
    out.print(f"sentences            {s.n} ({s.n_shift} with a shift)")
    out.print(f"shift accuracy       {s.shift_accuracy:.4f}")
    out.print(f"side accuracy        {s.side_accuracy:.4f}")
    out.print(f"macro-F1 (shifts)    {s.macro_f1:.4f}")
    out.print(f"none precision       {s.none_precision:.4f}")
    out.print(f"none recall          {s.none_recall:.4f}")
    out.print("confusion (rows: true shift, columns: predicted; 0 = none)")
    labels = sorted({k for pair in s.confusion for k in pair})
    out.print("      " + "".join(f"{p:>4}" for p in labels))
    for true in labels:
        out.print(f"{true:>4}  " + "".join(f"{s.confusion.get((true, p), 0) or '.':>4}" for p in labels))
