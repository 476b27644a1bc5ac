"""The sentence splitter on the lines that trip naive splitters."""

from __future__ import annotations

import pytest

from dxshift.analysis import Block, Location, split_sentences


def split(text: str) -> list[str]:
    return [s.text for s in split_sentences([Block(text, Location(paragraph=1))])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tổ chức tập huấn cho 1.700 cán bộ; tỷ lệ đạt 0,68.",
            ["Tổ chức tập huấn cho 1.700 cán bộ; tỷ lệ đạt 0,68."],
        ),
        (
            "Hội nghị tại TP. Hồ Chí Minh. Sở TT-TT chủ trì.",
            ["Hội nghị tại TP. Hồ Chí Minh.", "Sở TT-TT chủ trì."],
        ),
        (
            "Theo Quyết định 749/QĐ-TTg. Các sở thực hiện.",
            ["Theo Quyết định 749/QĐ-TTg.", "Các sở thực hiện."],
        ),
        (
            "TS. Nguyễn Văn A phát biểu. Ông Lê V. Bình ghi.",
            ["TS. Nguyễn Văn A phát biểu.", "Ông Lê V. Bình ghi."],
        ),
        ("1. Mục tiêu\n2. Nhiệm vụ", ["Mục tiêu", "Nhiệm vụ"]),
        ("a) Thuê dịch vụ;\nb) Dùng nền tảng chung.", ["Thuê dịch vụ;", "Dùng nền tảng chung."]),
        ("- Một ý\n+ Ý con", ["Một ý", "Ý con"]),
        ("I. MỤC ĐÍCH, YÊU CẦU\nNội dung.", ["MỤC ĐÍCH, YÊU CẦU", "Nội dung."]),
        ("Thuê dịch vụ đám mây\ndùng chung toàn tỉnh.", ["Thuê dịch vụ đám mây dùng chung toàn tỉnh."]),
        (
            "Kinh phí: 2.500.000.000 đồng. Nguồn: ngân sách.",
            ["Kinh phí: 2.500.000.000 đồng.", "Nguồn: ngân sách."],
        ),
        ('Ông nói: "Làm ngay." Mọi người đồng ý!', ['Ông nói: "Làm ngay."', "Mọi người đồng ý!"]),
        ("Xong rồi? Chưa xong.", ["Xong rồi?", "Chưa xong."]),
        ("Ngày 24/3/2023.\n\n   \n", ["Ngày 24/3/2023."]),
    ],
)
def test_tricky_lines_split_where_a_reader_would(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_each_sentence_keeps_its_span_in_the_block() -> None:
    text = "Mở đầu. Thuê dịch vụ đám mây\ndùng chung."
    block = Block(text, Location(page=2))
    first, second = split_sentences([block])
    assert text[first.start : first.end] == "Mở đầu."
    assert " ".join(text[second.start : second.end].split()) == second.text
    assert second.location.page == 2
