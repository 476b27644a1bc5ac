"""Exports of campaign results (XLSX, CSV, official PDFs), scoped like the user, on both databases."""

from __future__ import annotations

import csv
import io
import random
import re
import unicodedata
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from dxshift.framework import load_framework
from dxshift.services import assessments, campaigns, exports
from dxshift.services.demo import _value
from dxshift.services.errors import Invalid, NotFound
from dxshift.storage.models import Assessment

from .conftest import World

FRAMEWORK = load_framework()
LEVELS_VI = {lv.id: lv.name.vi for lv in FRAMEWORK.levels}
HEADER_VI = [
    "Mã đơn vị",
    "Tên đơn vị",
    "Loại đơn vị",
    "Mã đơn vị cấp trên",
    "Trạng thái",
    "Chỉ số CĐS",
    "Mức độ",
    "Độ phủ câu trả lời",
    *(f"Chuyển dịch {n}" for n in range(1, 18)),
]


def _approve(world: World, who: str, unit_attr: str, maturity: float) -> int:
    """Answer every indicator as `who`, submit, and have rita approve; returns the assessment id."""
    with world.session() as s:
        actor, rita = world.principal(s, who), world.principal(s, "rita")
        a = world.assessment_of(s, getattr(world, unit_attr))
        rng = random.Random(unit_attr)
        for ind in FRAMEWORK.indicators:
            assessments.save_answer(
                s,
                actor=actor,
                assessment=a,
                indicator_id=ind.id,
                raw=str(_value(ind, maturity, rng)),
                expected_version=None,
            )
        assessments.submit(s, actor=actor, assessment=a, expected_version=a.version)
        assessments.approve(s, actor=rita, assessment=a, expected_version=a.version)
        s.commit()
        return a.id


@pytest.fixture
def approved(world: World) -> dict[str, int]:
    return {
        "A": _approve(world, "alice", "commune_a", 0.75),
        "B": _approve(world, "bob", "commune_b", 0.35),
    }


def _stored(world: World, assessment_id: int) -> Assessment:
    with world.session() as s:
        a = s.get(Assessment, assessment_id)
        assert a is not None and a.status == "approved" and a.result is not None
        s.expunge(a)
        return a


def _pdf_text(data: bytes) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    images = sum(len(page.images) for page in reader.pages)
    return unicodedata.normalize("NFC", text), images


def _rows(sheet) -> list[list]:
    return [list(r) for r in sheet.iter_rows(values_only=True)]


def test_the_xlsx_has_the_sheet_header_and_the_stored_numbers(
    world: World, approved: dict[str, int], tmp_path: Path
) -> None:
    path = tmp_path / "ket-qua.xlsx"
    with world.session() as s:
        cora = world.principal(s, "cora")
        exports.write_xlsx(s, actor=cora, campaigns=[s.merge(world.campaign)], path=path, lang="vi")
    book = load_workbook(path)
    assert book.sheetnames == ["Đợt thử 2026"]
    sheet = book["Đợt thử 2026"]
    assert sheet.freeze_panes == "C2"
    rows = _rows(sheet)
    assert rows[0] == HEADER_VI
    by_code = {r[0]: r for r in rows[1:]}
    assert set(by_code) == {"P", "A", "B", "G"}
    for code, key in (("A", "A"), ("B", "B")):
        stored = _stored(world, approved[key])
        row = by_code[code]
        assert row[3] == "P" and row[4] == "Đã duyệt"
        assert isinstance(row[5], float) and row[5] == round(stored.score_index, 1)
        assert row[6] == LEVELS_VI[stored.level]
        assert row[7] == pytest.approx(stored.score_coverage, abs=0.01)
        assert row[8:] == [round(sh["score"], 1) for sh in stored.result["shifts"]]
        assert all(isinstance(v, int | float) for v in row[8:])
    assert by_code["A"][1] == "Xã Ái Quốc" and by_code["G"][1] == "Sở Khoa học và Công nghệ"
    assert by_code["P"][3] is None and by_code["P"][4] == "Chưa bắt đầu"
    assert by_code["P"][5:] == [None] * 20  # not scored: no numbers at all
    assert sheet.column_dimensions["B"].width >= len("Sở Khoa học và Công nghệ")


def test_the_xlsx_speaks_english_and_names_sheets_uniquely(
    world: World, approved: dict[str, int], tmp_path: Path
) -> None:
    long_name = "Đợt thử 2026: đánh giá bổ sung cho các xã [vòng 2]"
    with world.session() as s:
        cora = world.principal(s, "cora")
        second = campaigns.open_campaign(s, actor=cora, name=long_name, scope=world.commune_b)
        third = campaigns.open_campaign(s, actor=cora, name=long_name, scope=world.commune_b)
        s.commit()
        path = tmp_path / "en.xlsx"
        exports.write_xlsx(
            s, actor=cora, campaigns=[s.merge(world.campaign), second, third], path=path, lang="en"
        )
    book = load_workbook(path)
    names = book.sheetnames
    assert names[0] == "Đợt thử 2026" and len(names) == 3 and len(set(names)) == 3
    assert all(len(n) <= 31 and not re.search(r"[\[\]:*?/\\]", n) for n in names)
    header = _rows(book[names[0]])[0]
    assert header[:8] == [
        "Unit code",
        "Unit name",
        "Unit kind",
        "Parent unit code",
        "Status",
        "DX index",
        "Level",
        "Answer coverage",
    ]
    assert header[8] == "Shift 1" and header[-1] == "Shift 17"
    a_row = next(r for r in _rows(book[names[0]]) if r[0] == "A")
    stored = _stored(world, approved["A"])
    levels_en = {lv.id: lv.name.en for lv in FRAMEWORK.levels}
    assert a_row[4] == "Approved" and a_row[6] == levels_en[stored.level]
    assert [r[0] for r in _rows(book[names[1]])[1:]] == ["B"]


def test_a_commune_assessor_only_exports_her_own_unit(
    world: World, approved: dict[str, int], client_for
) -> None:
    with world.session() as s:
        table = exports.campaign_table(s, actor=world.principal(s, "alice"), campaign=s.merge(world.campaign))
    assert [r["code"] for r in table] == ["A"]
    assert table[0]["index"] == _stored(world, approved["A"]).score_index
    response = client_for("alice").get(f"/campaigns/{world.campaign.id}/export.xlsx")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
    rows = _rows(load_workbook(io.BytesIO(response.content)).active)
    assert rows[0] == HEADER_VI and [r[0] for r in rows[1:]] == ["A"]


def test_the_csv_is_utf8_with_a_bom_and_keeps_vietnamese_names(
    world: World, approved: dict[str, int], client_for
) -> None:
    response = client_for("cora").get(f"/campaigns/{world.campaign.id}/export.csv")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert response.content.startswith(b"\xef\xbb\xbf")
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == HEADER_VI
    names = {r[0]: r[1] for r in rows[1:]}
    assert names == {
        "P": "Tỉnh Thử Nghiệm",
        "A": "Xã Ái Quốc",
        "B": "Xã Bình Minh",
        "G": "Sở Khoa học và Công nghệ",
    }
    a_row = next(r for r in rows if r[0] == "A")
    stored = _stored(world, approved["A"])
    assert float(a_row[5]) == round(stored.score_index, 1) and a_row[6] == LEVELS_VI[stored.level]
    alice = client_for("alice").get(f"/campaigns/{world.campaign.id}/export.csv")
    assert [r[0] for r in csv.reader(io.StringIO(alice.content.decode("utf-8-sig")))][1:] == ["A"]


def _check_official(text: str) -> None:
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "BÁO CÁO" in text and "NGƯỜI LẬP BÁO CÁO" in text and "Nơi nhận:" in text
    assert re.search(r"\b\d{2}/\d{2}/\d{4}\b", text)
    assert re.search(r"ngày \d{2} tháng \d{1,2} năm \d{4}", text)
    assert "Số: …/BC-" in text


def test_the_unit_pdf_is_an_official_report_with_the_radar(
    world: World, approved: dict[str, int], client_for
) -> None:
    stored = _stored(world, approved["A"])
    response = client_for("alice").get(f"/assessments/{approved['A']}/report.pdf")
    assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
    text, images = _pdf_text(response.content)
    _check_official(text)
    assert "Xã Ái Quốc" in text and "XÃ ÁI QUỐC" in text and "TỈNH THỬ NGHIỆM" in text
    assert LEVELS_VI[stored.level] in text
    assert "Ái Quốc, ngày" in text  # the place of a commune's document is the commune
    assert images >= 1


def test_the_subtree_pdf_ranks_the_units_it_may_show(
    world: World, approved: dict[str, int], client_for
) -> None:
    a, b = _stored(world, approved["A"]), _stored(world, approved["B"])
    response = client_for("cora").get(f"/campaigns/{world.campaign.id}/report.pdf")
    assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
    text, images = _pdf_text(response.content)
    _check_official(text)
    assert "Tỉnh Thử Nghiệm" in text and "Xã Ái Quốc" in text and "Xã Bình Minh" in text
    assert LEVELS_VI[a.level] in text and LEVELS_VI[b.level] in text
    assert images >= 1
    # alice cannot see the province: her report is rooted at her commune, and shows nobody else
    mine = client_for("alice").get(f"/campaigns/{world.campaign.id}/report.pdf")
    assert mine.status_code == 200
    text, _ = _pdf_text(mine.content)
    assert "Xã Ái Quốc" in text and "Xã Bình Minh" not in text


def test_the_subtree_summary_ranks_and_averages(world: World, approved: dict[str, int]) -> None:
    a, b = _stored(world, approved["A"]), _stored(world, approved["B"])
    with world.session() as s:
        rita = world.principal(s, "rita")
        root = exports.report_root(s, actor=rita, campaign=s.merge(world.campaign))
        summary = exports.subtree_summary(s, actor=rita, campaign=s.merge(world.campaign), root_unit=root)
    assert root.code == "P" and summary["total"] == 4 and summary["approved"] == 2
    assert [row["code"] for _, row in summary["ranking"]] == (
        ["A", "B"] if a.score_index >= b.score_index else ["B", "A"]
    )
    assert summary["mean_index"] == pytest.approx((a.score_index + b.score_index) / 2, abs=0.01)
    first = [sh["score"] for sh in a.result["shifts"]]
    second = [sh["score"] for sh in b.result["shifts"]]
    assert summary["means"] == pytest.approx([(x + y) / 2 for x, y in zip(first, second, strict=True)])
    assert sum(n for _, n, _ in summary["distribution"]) == 2


def test_out_of_scope_exports_are_not_found(world: World, approved: dict[str, int], client_for) -> None:
    alice = client_for("alice")
    cid = world.campaign.id
    assert alice.get(f"/assessments/{approved['B']}/report.pdf").status_code == 404
    assert alice.get(f"/campaigns/{cid}/report.pdf?unit={world.commune_b.id}").status_code == 404
    assert alice.get(f"/campaigns/{cid}/report.pdf?unit={world.province.id}").status_code == 404
    assert alice.get("/campaigns/999999/export.xlsx").status_code == 404
    assert alice.get("/assessments/999999/report.pdf").status_code == 404
    with world.session() as s:
        other = campaigns.open_campaign(
            s, actor=world.principal(s, "cora"), name="Đợt riêng xã B", scope=world.commune_b
        )
        s.commit()
        other_id = other.id
        with pytest.raises(NotFound):
            exports.campaign_table(s, actor=world.principal(s, "alice"), campaign=other)
    for suffix in ("export.xlsx", "export.csv", "report.pdf"):
        assert alice.get(f"/campaigns/{other_id}/{suffix}").status_code == 404
    assert client_for(None).get(f"/campaigns/{cid}/export.xlsx", follow_redirects=False).status_code == 303


def test_a_draft_has_no_report_yet(world: World) -> None:
    with world.session() as s:
        alice = world.principal(s, "alice")
        a = world.assessment_of(s, world.commune_a)
        with pytest.raises(Invalid):
            exports.unit_report_pdf(s, actor=alice, assessment=a)


def test_the_pages_link_to_the_exports(world: World, approved: dict[str, int], client_for) -> None:
    cora = client_for("cora")
    page = cora.get(f"/campaigns/{world.campaign.id}").text
    assert "Xuất dữ liệu" in page
    for suffix in ("export.xlsx", "export.csv", "report.pdf"):
        assert f'href="/campaigns/{world.campaign.id}/{suffix}"' in page
    unit_page = cora.get(f"/units/{world.commune_a.id}").text
    assert f'href="/assessments/{approved["A"]}/report.pdf"' in unit_page


def test_sheet_titles_are_valid_and_unique() -> None:
    taken: set[str] = set()
    assert exports.sheet_title("Đợt 1/2026: xã [A]?", taken) == "Đợt 1-2026- xã -A--"
    long = "Tự đánh giá chuyển đổi số năm 2026 của toàn tỉnh"
    first, second = exports.sheet_title(long, taken), exports.sheet_title(long, taken)
    assert first == long[:31] and second.endswith(" (2)") and len(second) == 31


def test_place_and_number_of_the_document() -> None:
    assert exports.abbreviation("Sở Khoa học và Công nghệ") == "SKHCN"
    assert exports.abbreviation("Xã Ái Quốc") == "UBND"
    assert exports.abbreviation("Trường THPT Minh Hòa") == "TTHPTMH"
