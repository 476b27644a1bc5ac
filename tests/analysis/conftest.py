"""Real documents made by the tests: DOCX with a table, PDF with a text layer, HTML, legacy text."""

from __future__ import annotations

from pathlib import Path

import pytest

PROPOSAL = [
    "ĐỀ XUẤT DỰ ÁN NÂNG CẤP HẠ TẦNG CÔNG NGHỆ THÔNG TIN",
    "Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ.",
    "Đầu tư mua sắm 04 máy chủ và 01 tủ lưu trữ đặt tại phòng máy chủ riêng của Phòng Tài chính.",
    "Xây dựng phần mềm quản lý riêng cho Phòng Tài chính – Kế hoạch huyện.",
    "Tỉnh sẽ thuê dịch vụ điện toán đám mây dùng chung cho tất cả các xã.",
]


def make_docx(path: Path, paragraphs: list[str], table: list[list[str]] | None = None) -> Path:
    from docx import Document

    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    if table:
        grid = doc.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    doc.add_paragraph("Kết thúc văn bản.")
    doc.save(str(path))
    return path


def make_pdf(path: Path, pages: list[list[str]]) -> Path:
    """A PDF with a real text layer (WeasyPrint, Be Vietnam Pro), one list of paragraphs per page."""
    from weasyprint import HTML

    from dxshift.reports.pdf import font_faces

    faces = "".join(f'@font-face {{ font-family: BVP; src: url("{f["url"]}"); }}' for f in font_faces()[:1])
    body = "".join(
        f'<section style="break-before: page">{"".join(f"<p>{p}</p>" for p in page)}</section>'
        for page in pages
    )
    html = f"<html><head><meta charset='utf-8'><style>{faces} body {{ font-family: BVP; }}</style></head>"
    html += f"<body>{body}</body></html>"
    HTML(string=html).write_pdf(str(path))
    return path


@pytest.fixture
def proposal_docx(tmp_path: Path) -> Path:
    table = [
        ["Hạng mục", "Kinh phí"],
        ["Mua sắm máy chủ cho phòng máy riêng của huyện", "2.500.000.000 đồng"],
    ]
    return make_docx(tmp_path / "de-xuat.docx", PROPOSAL, table)
