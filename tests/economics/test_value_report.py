"""`dxshift value` and its reports, on the documented example and on broken models."""

from __future__ import annotations

import io
import json
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from dxshift.cli import app
from dxshift.economics import evaluate, load_model, validate_model
from dxshift.economics.loader import dump_model, example_path, parse_model
from dxshift.reports.value_report import build_report, render_fragment, render_report

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split()))


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("value") / "mo-hinh.yaml"
    code, _, _ = run("value", "--example", "-o", str(path))
    assert code == 0
    return path


def test_the_example_prints_its_comparison(example: Path) -> None:
    code, out, _ = run("value", str(example))
    assert code == 0
    assert "Tự xây phòng máy chủ tại xã" in out and "Thuê dịch vụ đám mây của tỉnh" in out
    assert "Phương án có NPV cao nhất: Thuê dịch vụ đám mây của tỉnh" in out
    assert "Năng lực tự đầu tư chỉ được dùng 17 % năm đầu" in out
    npv = evaluate(load_model(example)).option("thue-dam-may").npv
    assert f"{npv / 1e6:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".") in out


def test_html_and_pdf_reports_with_charts_and_vietnamese_text(example: Path, tmp_path: Path) -> None:
    html_path, pdf_path = tmp_path / "bao-cao.html", tmp_path / "bao-cao.pdf"
    assert run("value", str(example), "-o", str(html_path))[0] == 0
    assert run("value", str(example), "--format", "pdf", "-o", str(pdf_path))[0] == 0
    html = html_path.read_text(encoding="utf-8")
    assert html.count('src="data:image/png;base64,') == 3  # cumulative, sharing, NPV spread
    assert "Chi phí mỗi hồ sơ" in html and "Hiệu suất sử dụng" in html
    assert unicodedata.is_normalized("NFC", html)
    reader = PdfReader(io.BytesIO(pdf_path.read_bytes()))
    text = nfc(" ".join(page.extract_text() for page in reader.pages))
    for phrase in (
        "Phân tích giá trị và chi phí",
        "Xã Minh Hòa",
        "Thuê hay đầu tư",
        "Dùng chung hay mỗi nơi một hệ thống",
        "Độ nhạy",
        "Giả định",
    ):
        assert nfc(phrase) in text
    images = [img for page in reader.pages for img in page.images]
    assert len(images) >= 3


def test_json_carries_the_numbers_of_the_model(example: Path) -> None:
    code, out, _ = run("value", str(example), "--format", "json")
    assert code == 0
    data = json.loads(out)
    outcome = evaluate(load_model(example))
    by_key = {o["key"]: o for o in data["options"]}
    assert by_key["tu-dau-tu"]["npv"] == pytest.approx(outcome.option("tu-dau-tu").npv)
    assert data["best"] == "thue-dam-may"
    assert data["simulation"]["runs"] == 2000 and data["simulation"]["seed"] == 2022
    assert 0 < data["rent_invest"]["utilization"][0] < 0.2
    assert data["sharing"]["break_even_units"] == outcome.sharing.break_even_units  # type: ignore[union-attr]
    assert len(data["sensitivity"]["tu-dau-tu"]) == len(data["simulation"]["inputs"])


def test_english_report(example: Path) -> None:
    code, out, _ = run("value", str(example), "--format", "md", "--lang", "en")
    assert code == 0
    assert "Value and cost analysis" in out and "Rent or invest" in out and "Assumptions" in out


HEAD = "title: X\nstart_year: 2026\n"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            HEAD + "horizon_years: 0\ndiscount_rate: 0.1\noptions: [{key: a, name: A}]\n",
            ":3: horizon_years: phải từ 1 trở lên",
        ),
        (
            "title: X\nstart_year: 2026\nhorizon_years: 5\ndiscount_rate: 0.1\n"
            "options: [{key: a, name: A, upfront: [{name: M, amount: -1}]}]\n",
            "không được âm",
        ),
        (
            HEAD + "horizon_years: 5\ndiscount_rate: [0.2, 0.1]\noptions: [{key: a, name: A}]\n",
            "đầu thấp của khoảng (0,2) lớn hơn đầu cao (0,1)",
        ),
        (
            "title: X\nstart_year: 2026\nhorizon_years: 5\noptions: [{key: a, name: A}]\n",
            "discount_rate: thiếu giá trị bắt buộc",
        ),
        ("", "tệp phải là một bảng khóa"),
        ("title: [x\n", "tệp YAML viết sai cú pháp"),
    ],
)
def test_broken_models_are_explained_and_nothing_is_written(text: str, said: str, tmp_path: Path) -> None:
    model = tmp_path / "hong.yaml"
    model.write_text(text, encoding="utf-8")
    target = tmp_path / "out.html"
    code, _, err = run("value", str(model), "-o", str(target))
    assert code == 1
    assert said in nfc(err) and "Không ghi tệp nào" in err
    assert not target.exists()


def test_unreadable_missing_and_pdf_to_terminal(tmp_path: Path, example: Path) -> None:
    binary = tmp_path / "anh.yaml"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    assert "không đọc được tệp" in run("value", str(binary))[2]
    assert "Cần một tệp mô hình" in run("value")[2]
    code, _, err = run("value", str(example), "--format", "pdf")
    assert code == 1 and err


def test_a_model_written_back_reads_the_same() -> None:
    m = load_model(example_path())
    again = parse_model(dump_model(m))
    assert again == m


def test_names_are_escaped_on_the_page() -> None:
    data = {
        "title": "<script>alert(1)</script>",
        "start_year": 2026,
        "horizon_years": 2,
        "discount_rate": 0.05,
        "options": [
            {
                "key": "a",
                "name": "<img src=x onerror=alert(1)>",
                "upfront": [{"name": "<b>M</b>", "amount": [1, 3]}],
            }
        ],
    }
    html = str(render_fragment(build_report(validate_model(data))))
    assert "<script>" not in html and "<img src=x" not in html and "<b>M</b>" not in html
    assert "&lt;script&gt;" in html
    assert render_report(build_report(validate_model(data)), "md").decode().startswith("# Phân tích")
