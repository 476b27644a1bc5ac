"""Every command, through the real Typer app, including each kind of bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dxshift.cli import app
from dxshift.framework import Framework

from .conftest import DATA

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_framework_list_json_has_17_bilingual_shifts() -> None:
    code, out, _ = run("framework", "list", "--format", "json")
    assert code == 0
    shifts = json.loads(out)["shifts"]
    assert len(shifts) == 17
    for s in shifts:
        for key in ("name", "it_side", "dx_side"):
            assert s[key]["vi"] and s[key]["en"]


def test_framework_list_table_and_markdown_are_in_the_chosen_language(framework: Framework) -> None:
    code, out, _ = run("framework", "list")
    assert code == 0 and framework.shift(7).name.vi.split()[0] in out and "Phía chuyển đổi số" in out
    code, out, _ = run("framework", "list", "--format", "md", "--lang", "en")
    assert code == 0 and f"| 7 | {framework.shift(7).name.en} |" in out


def test_framework_show_8_in_english_is_the_renting_shift(framework: Framework) -> None:
    code, out, _ = run("framework", "show", "8", "--lang", "en", "--format", "md")
    assert code == 0
    assert framework.shift(8).name.en in out and "rent" in out.lower()
    assert framework.indicators_of(8)[0].question.en in out


def test_framework_show_json_carries_indicators_and_sources() -> None:
    code, out, _ = run("framework", "show", "3", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["number"] == 3 and len(data["indicators"]) >= 2 and data["sources"]


def test_framework_show_refuses_an_unknown_shift() -> None:
    code, _, err = run("framework", "show", "18")
    assert code == 1 and "18" in err


def test_framework_validate_reports_file_line_and_field(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text((DATA / "tiny-framework.yaml").read_text(encoding="utf-8").replace("rank: 2", "rank: 5"))
    code, _, err = run("framework", "validate", str(bad))
    assert code == 1 and "bad.yaml" in err and "levels" in err
    code, out, _ = run("framework", "validate", str(DATA / "tiny-framework.yaml"))
    assert code == 0 and "tiny-school" in out


def test_questionnaire_yaml_round_trips_through_assess(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.yaml"
    code, _, _ = run("questionnaire", "--format", "yaml", "-o", str(sheet))
    assert code == 0
    text = sheet.read_text(encoding="utf-8")
    assert "s05_records_digitized:" in text and "value: null" in text
    code, out, _ = run("assess", str(sheet), "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["coverage"] == 0 and data["index"] == 0


def test_questionnaire_xlsx_filled_in_is_read_back(tmp_path: Path, framework: Framework) -> None:
    from openpyxl import load_workbook

    book_path = tmp_path / "sheet.xlsx"
    code, _, _ = run("questionnaire", "--format", "xlsx", "-o", str(book_path), "--lang", "en")
    assert code == 0
    book = load_workbook(book_path)
    rows = {row[0].value: row[0].row for row in book["Answers"].iter_rows(min_row=2)}
    assert set(rows) == {i.id for i in framework.indicators}
    book["Answers"].cell(rows["s05_records_digitized"], 5, 80)
    book["Answers"].cell(rows["s05_records_digitized"], 6, "Báo cáo số hóa quý III")
    book["About"]["B3"] = "UBND phường Bến Thành"
    book.save(book_path)
    code, out, _ = run("assess", str(book_path), "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["unit"]["name"] == "UBND phường Bến Thành"
    ind = next(i for s in data["shifts"] for i in s["indicators"] if i["id"] == "s05_records_digitized")
    assert ind["value"] == 80 and ind["evidence"] == "Báo cáo số hóa quý III"


def test_assess_demo_prints_index_level_reasons_and_roadmap(framework: Framework) -> None:
    from dxshift.framework.loader import demo_answers_path

    code, out, _ = run("assess", str(demo_answers_path()))
    assert code == 0
    assert "Chỉ số CĐS" in out and "Mức độ" in out and "Vì sao ở mức này" in out
    assert "Lộ trình" in out


@pytest.mark.parametrize("fmt", ["md", "html", "json", "pdf"])
def test_assess_writes_each_report_format(tmp_path: Path, fmt: str) -> None:
    from dxshift.framework.loader import demo_answers_path

    target = tmp_path / f"report.{fmt}"
    code, _, _ = run("assess", str(demo_answers_path()), "--format", fmt, "-o", str(target))
    assert code == 0 and target.stat().st_size > 500
    head = target.read_bytes()[:16]
    assert head.startswith(b"%PDF") if fmt == "pdf" else True


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


BAD_INPUTS = {
    "out_of_range": ("a.yaml", "answers:\n  s05_records_digitized: 140\n", ["s05_records_digitized", "140"]),
    "wrong_type": (
        "a.yaml",
        "answers:\n  s05_records_digitized: nhiều\n",
        ["s05_records_digitized", "sai kiểu"],
    ),
    "unknown_indicator": ("a.yaml", "answers:\n  s99_nothing: 1\n", ["s99_nothing", "không có"]),
    "malformed_yaml": ("a.yaml", "answers:\n  s05_records_digitized: [80\n  x: 1\n", ["YAML", "dòng"]),
    "malformed_json": ("a.json", '{"answers": {"s05_records_digitized": 80,}}', ["JSON", "dòng 1"]),
    "no_answers": ("a.yaml", "unit: {name: x}\n", ["answers"]),
    "wrong_format": ("a.txt", "hello", [".xlsx"]),
    "bad_xlsx": ("a.xlsx", "not a zip", ["XLSX"]),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_gets_a_vietnamese_message_a_non_zero_exit_and_no_file(tmp_path: Path, case: str) -> None:
    name, text, expected = BAD_INPUTS[case]
    answers = write(tmp_path, name, text)
    target = tmp_path / "out.md"
    code, _, err = run("assess", str(answers), "--format", "md", "-o", str(target))
    assert code == 1
    for fragment in expected:
        assert fragment in err
    assert "Không ghi tệp nào" in err
    assert not target.exists()


def test_bad_input_message_in_english_with_lang_en(tmp_path: Path) -> None:
    answers = write(tmp_path, "a.yaml", "answers:\n  s05_records_digitized: 140\n")
    code, _, err = run("assess", str(answers), "--lang", "en")
    assert code == 1 and "out of range" in err and "s05_records_digitized" in err


def test_unreadable_and_missing_files_are_reported(tmp_path: Path) -> None:
    code, _, err = run("assess", str(tmp_path / "nope.yaml"))
    assert code == 1 and "Không tìm thấy" in err
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("answers:\n  s05_records_digitized: 80 # số\n".encode("utf-16"))
    code, _, err = run("assess", str(latin))
    assert code == 1 and "Không đọc được" in err


def test_answers_for_another_framework_are_refused(tmp_path: Path) -> None:
    answers = write(tmp_path, "a.yaml", "framework: tiny-school\nanswers: {}\n")
    code, _, err = run("assess", str(answers), "--framework", "mic-17-shifts")
    assert code == 1 and "tiny-school" in err


def test_demo_writes_html_and_pdf_reports(tmp_path: Path) -> None:
    code, out, _ = run("demo", "--out", str(tmp_path))
    assert code == 0
    assert (tmp_path / "demo-report.html").stat().st_size > 10_000
    assert (tmp_path / "demo-report.pdf").read_bytes().startswith(b"%PDF")
    assert "Chỉ số CĐS" in out


def test_the_installed_console_command_runs() -> None:
    exe = Path(sys.executable).with_name("dxshift")
    proc = subprocess.run(
        [str(exe), "framework", "show", "8", "--lang", "en"], capture_output=True, text=True
    )
    assert proc.returncode == 0 and "8." in proc.stdout
