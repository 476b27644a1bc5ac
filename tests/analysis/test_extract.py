"""Extractors on real files the tests generate, and every kind of bad input."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from dxshift.analysis import ExtractError, extract_bytes, extract_file

from .conftest import PROPOSAL, make_docx, make_pdf


def texts(doc) -> list[str]:
    return [b.text for b in doc.blocks]


def test_docx_paragraphs_and_table_cells_keep_their_location(proposal_docx: Path) -> None:
    doc = extract_file(proposal_docx)
    assert doc.kind == "docx"
    assert PROPOSAL[2] in texts(doc)
    cell = next(b for b in doc.blocks if b.text.startswith("Mua sắm máy chủ"))
    assert (cell.location.table, cell.location.row, cell.location.column) == (1, 2, 1)
    para = next(b for b in doc.blocks if b.text == PROPOSAL[3])
    assert para.location.paragraph == 4
    assert doc.blocks[-1].text == "Kết thúc văn bản."  # body order: table before the last paragraph


def test_pdf_text_layer_is_read_page_by_page(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "ke-hoach.pdf", [[PROPOSAL[1]], [PROPOSAL[4]]])
    doc = extract_file(path)
    assert doc.kind == "pdf" and doc.pages == 2
    joined = {b.location.page: " ".join(b.text.split()) for b in doc.blocks}
    assert PROPOSAL[4] in joined[2]
    assert unicodedata.is_normalized("NFC", joined[1])


def test_html_skips_scripts_and_locates_table_cells() -> None:
    html = """<html><head><title>x</title><script>var a = "Thuê dịch vụ";</script></head><body>
    <h1>Kế hoạch chuyển đổi số</h1><p>Người đứng đầu trực tiếp chỉ đạo.</p>
    <table><tr><th>Nội dung</th></tr><tr><td>Thuê dịch vụ đám mây</td></tr></table></body></html>"""
    doc = extract_bytes(html.encode("utf-8"), "trang.html")
    assert "Người đứng đầu trực tiếp chỉ đạo." in texts(doc)
    assert not any("var a" in t for t in texts(doc))
    cell = next(b for b in doc.blocks if b.text == "Thuê dịch vụ đám mây")
    assert (cell.location.table, cell.location.row, cell.location.column) == (1, 2, 1)


def test_markdown_syntax_is_removed() -> None:
    doc = extract_bytes("# Kế hoạch\n\n**Thuê** dịch vụ [đám mây](http://x).\n".encode(), "a.md")
    assert texts(doc) == ["Kế hoạch", "Thuê dịch vụ đám mây."]


def test_decomposed_unicode_and_old_tone_marks_are_normalized() -> None:
    raw = unicodedata.normalize("NFD", "Hoà nhập, thuỷ lợi, Ðồng Tháp") + "\u200b"
    doc = extract_bytes(raw.encode("utf-8"), "a.txt")
    assert texts(doc) == ["Hòa nhập, thủy lợi, Đồng Tháp"]


def test_a_tcvn3_file_is_detected_and_converted() -> None:
    from dxshift.analysis.legacy import unicode_to_tcvn3

    original = "Ủy ban nhân dân tỉnh thuê dịch vụ điện toán đám mây dùng chung."
    doc = extract_bytes(unicode_to_tcvn3(original), "cong-van.txt")
    assert doc.encoding == "tcvn3" and texts(doc) == [original]
    assert doc.notes == ["legacy:tcvn3"]


def test_a_vni_file_is_detected_and_converted() -> None:
    from dxshift.analysis.legacy import unicode_to_vni

    original = "Người đứng đầu trực tiếp chỉ đạo chuyển đổi số."
    doc = extract_bytes(unicode_to_vni(original), "cong-van.txt")
    assert doc.encoding == "vni" and texts(doc) == [original]


def test_text_paragraphs_carry_line_numbers() -> None:
    doc = extract_bytes("Dòng một.\n\n\nĐoạn hai,\nvẫn đoạn hai.\n".encode(), "a.txt")
    assert [(b.location.paragraph, b.location.line) for b in doc.blocks] == [(1, 1), (2, 4)]


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("a.docx", b"PK\x03\x04 this is not really a zip", "corrupt"),
        ("a.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "encrypted"),
        ("a.pdf", b"hello, not a pdf", "corrupt"),
        ("a.pdf", b"%PDF-1.7\n garbage garbage", "corrupt"),
        ("a.txt", b"", "empty"),
        ("a.txt", b"   \n\n  ", "empty"),
        ("a.exe", b"MZ\x90\x00", "unsupported"),
        ("a.txt", bytes(range(256)) * 4, "bad_encoding"),
    ],
)
def test_bad_files_raise_a_coded_error(name: str, data: bytes, code: str) -> None:
    with pytest.raises(ExtractError) as caught:
        extract_bytes(data, name)
    assert caught.value.code == code


def test_an_encrypted_pdf_is_refused_clearly(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    plain = make_pdf(tmp_path / "plain.pdf", [["Nội dung mật."]])
    writer = PdfWriter()
    for page in PdfReader(plain).pages:
        writer.add_page(page)
    writer.encrypt(user_password="mat-khau", owner_password="chu")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(ExtractError) as caught:
        extract_file(locked)
    assert caught.value.code == "encrypted"


def test_a_scanned_pdf_without_text_says_so(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(ExtractError) as caught:
        extract_file(path)
    assert caught.value.code == "no_text_layer"


def test_a_missing_file_and_an_oversized_file_are_refused(tmp_path: Path, monkeypatch) -> None:
    with pytest.raises(ExtractError) as caught:
        extract_file(tmp_path / "none.docx")
    assert caught.value.code == "not_found"
    big = make_docx(tmp_path / "big.docx", ["x"])
    monkeypatch.setattr("dxshift.analysis.extract.MAX_BYTES", 100)
    with pytest.raises(ExtractError) as caught:
        extract_file(big)
    assert caught.value.code == "too_large"
