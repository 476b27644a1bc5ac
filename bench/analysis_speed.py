"""Speed and memory of the document analyzer (issue 3 goals).

Run: .venv/bin/python -m bench.analysis_speed
Measures, on one core: classify throughput after start-up, start-up time of `dxshift classify`,
profiling of a generated 100-page DOCX and PDF, and peak memory. Prints a Markdown table.
"""

from __future__ import annotations

import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXE = Path(sys.executable).with_name("dxshift")


def sentences(n: int) -> list[str]:
    from dxshift.analysis.corpus import load_corpus

    pool = [e.text for e in load_corpus()]
    rng = random.Random(7)
    return [rng.choice(pool) for _ in range(n)]


def make_docx(path: Path, pages: int, per_page: int = 32) -> None:
    from docx import Document

    doc = Document()
    texts = sentences(pages * per_page)
    for p in range(pages):
        chunk = texts[p * per_page : (p + 1) * per_page]
        for i in range(0, len(chunk), 4):
            doc.add_paragraph(" ".join(chunk[i : i + 4]))
        doc.add_page_break()
    doc.save(str(path))


def make_pdf(path: Path, pages: int, per_page: int = 32) -> None:
    from weasyprint import HTML

    texts = sentences(pages * per_page)
    body = "".join(
        '<section style="break-before: page">'
        + "".join(
            f"<p>{' '.join(texts[p * per_page + i : p * per_page + i + 4])}</p>"
            for i in range(0, per_page, 4)
        )
        + "</section>"
        for p in range(pages)
    )
    HTML(string=f"<html><meta charset='utf-8'><body style='font-size:9pt'>{body}</body></html>").write_pdf(
        str(path)
    )


def timed_run(args: list[str], stdin: str | None = None) -> tuple[float, int, str]:
    """(wall seconds, peak RSS in MB of the child, stdout)."""
    start = time.perf_counter()
    proc = subprocess.run(
        args,
        input=stdin,
        capture_output=True,
        text=True,
        check=True,
        env=os.environ | {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"},
    )
    wall = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    return wall, peak, proc.stdout


def main() -> None:
    os.environ["OPENBLAS_NUM_THREADS"] = "1"
    rows: list[tuple[str, str, str]] = []
    # start-up: one sentence through the installed command, median of 5
    startups = [timed_run([str(EXE), "classify", "-"], "Thuê dịch vụ đám mây.\n")[0] for _ in range(5)]
    rows.append(
        (
            "`dxshift classify` start-up + 1 sentence (median of 5)",
            f"{statistics.median(startups):.2f} s",
            "< 2 s",
        )
    )
    # throughput in-process after start-up
    from dxshift.analysis.classify import default_classifier

    clf = default_classifier()
    batch = sentences(20_000)
    clf.classify(batch[0])
    start = time.perf_counter()
    for text in batch:
        clf.classify(text, explain=False)
    rate = len(batch) / (time.perf_counter() - start)
    rows.append(("classify throughput, 20,000 sentences, one core", f"{rate:,.0f} sentences/s", "≥ 1,000/s"))
    # throughput through the CLI, including start-up
    wall, peak, out = timed_run([str(EXE), "classify", "-"], "\n".join(batch[:5000]) + "\n")
    assert len(out.splitlines()) == 5000
    rows.append(
        ("`dxshift classify` on 5,000 lines, whole command", f"{5000 / wall:,.0f} sentences/s", "≥ 1,000/s")
    )
    with tempfile.TemporaryDirectory() as tmp:
        docx, pdf = Path(tmp) / "100-trang.docx", Path(tmp) / "100-trang.pdf"
        make_docx(docx, 100)
        make_pdf(pdf, 100)
        from pypdf import PdfReader

        pages = len(PdfReader(pdf).pages)
        for label, path in (("DOCX", docx), (f"PDF ({pages} pages)", pdf)):
            wall, peak, out = timed_run([str(EXE), "analyze", str(path), "--format", "json"])
            n = json.loads(out)["sentences"]
            rows.append((f"`dxshift analyze` 100-page {label}, {n:,} sentences", f"{wall:.2f} s", "< 5 s"))
        rows.append(("peak memory of any child process above", f"{peak} MB", "< 500 MB"))
    print("| measure | result | goal |\n|---|---:|---|")
    for name, value, goal in rows:
        print(f"| {name} | {value} | {goal} |")


if __name__ == "__main__":
    main()
