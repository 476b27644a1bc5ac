"""`dxshift analyze` end to end on generated documents, including failures mid-batch."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dxshift.analysis import analyze_file
from dxshift.cli import app

runner = CliRunner()


def test_a_server_buying_proposal_leans_it_on_hosting_with_located_evidence(proposal_docx: Path) -> None:
    profile = analyze_file(proposal_docx)
    it_shifts = {s.shift for s in profile.shifts if s.it_count}
    assert it_shifts & {3, 7, 8, 9}
    evidence = [f for s in profile.shifts for f in s.evidence_it]
    assert any(f.sentence.location.table == 1 or f.sentence.location.paragraph for f in evidence)
    assert profile.contradicts


def test_analyze_reports_each_file_and_keeps_going_after_a_bad_one(
    proposal_docx: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"PK\x03\x04broken")
    empty = tmp_path / "rong.txt"
    empty.write_bytes(b"")
    out = tmp_path / "report.json"
    result = runner.invoke(
        app, ["analyze", str(broken), str(proposal_docx), str(empty), "--format", "json", "-o", str(out)]
    )
    assert result.exit_code == 1
    assert "hong.docx: tệp bị hỏng" in result.stderr and "rong.txt: tệp không có nội dung" in result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["file"].endswith("de-xuat.docx") and len(data["shifts"]) == 17


def test_analyze_markdown_and_html_reports(proposal_docx: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["analyze", str(proposal_docx)])
    assert result.exit_code == 0 and "Nghiêng về ứng dụng CNTT" in result.stdout
    html = tmp_path / "r.html"
    result = runner.invoke(
        app, ["analyze", str(proposal_docx), "--format", "html", "-o", str(html), "--lang", "en"]
    )
    assert result.exit_code == 0 and "Leans IT" in html.read_text(encoding="utf-8")


def test_progress_is_reported_as_sentences_are_classified() -> None:
    from dxshift.analysis.document import Block, Document, Location
    from dxshift.analysis.profile import PROGRESS_EVERY, profile_document

    text = "Xã thuê dịch vụ điện toán đám mây của tỉnh thay vì mua máy chủ riêng."
    blocks = [Block(text=text, location=Location(paragraph=k + 1)) for k in range(PROGRESS_EVERY + 50)]
    seen: list[tuple[int, int]] = []
    profile = profile_document(
        Document(name="x.txt", kind="txt", blocks=blocks), progress=lambda d, t: seen.append((d, t))
    )
    total = profile.sentence_count
    assert seen[-1] == (total, total) and len(seen) == -(-total // PROGRESS_EVERY)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
