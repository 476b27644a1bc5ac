"""Legacy Vietnamese encodings: TCVN3 (ABC) and VNI files decode to the same Unicode text."""

from __future__ import annotations

import codecs
import random
import unicodedata
from collections.abc import Callable

import pytest

from dxshift.analysis.legacy import (
    LegacyEncodingError,
    decode_bytes,
    detect_legacy,
    tcvn3_to_unicode,
    unicode_to_tcvn3,
    unicode_to_vni,
    vni_to_unicode,
)

TONES = ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
VOWELS = "aăâeêioôơuưy"
LOWER_LETTERS = sorted({unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES} | set("ăâêôơưđ"))
ALL_LETTERS = LOWER_LETTERS + [c.upper() for c in LOWER_LETTERS]

# A provincial decision in the usual layout. Toned capitals appear only in all-capital lines,
# where TCVN3 can restore them; "Uỷ ban" uses the old tone position, as many such files do.
PROSE = """CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH
Số: 15/2024/QĐ-UBND

QUYẾT ĐỊNH
Về việc ban hành Kế hoạch chuyển đổi số của cơ quan nhà nước năm 2024

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Xét đề nghị của Giám đốc Sở Thông tin và Truyền thông tại Tờ trình số 27/TTr-STTTT.

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số trong lĩnh vực hành chính công; \
các cơ quan, đơn vị phải sẵn sàng triển khai, khẳng định rõ vai trò của người đứng đầu trong việc \
bảo đảm an toàn thông tin, hỗ trợ người dân và doanh nghiệp nhỏ, kể cả trẻ em và người cao tuổi ở \
vùng sâu, vùng xa, cũng như phục vụ việc sử dụng dịch vụ công trực tuyến.
Điều 2. Thủ trưởng các sở, ban, ngành chịu trách nhiệm hướng dẫn, kiểm tra, giám sát định kỳ; những \
trường hợp vướng mắc phải kịp thời báo cáo để được giúp đỡ, tránh chậm trễ, không để tồn đọng hồ sơ, \
nhầm lẫn hoặc thất lạc dữ liệu. Uỷ ban nhân dân xã Thuỵ Lâm thực hiện thí điểm, tỷ lệ hồ sơ xử lý \
đúng hẹn phải đạt trên 95%; mọi sai sót sẽ bị xem xét, không miễn trừ trách nhiệm.
Điều 3. Sở Khoa học và Công nghệ chủ trì thẩm định giải pháp kỹ thuật, bảo đảm mỹ quan, tiết kiệm, \
tránh lãng phí; hằng năm tổng hợp kết quả, nắm chắc tình hình, đánh giá mặt được và chưa được, \
kịp thời đề xuất điều chỉnh, gửi Bộ Thông tin và Truyền thông trước ngày 15 tháng 12.
Điều 4. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Uỷ ban nhân dân tỉnh, thủ trưởng \
các cơ quan, đơn vị và cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.

KẾ HOẠCH TĂNG CƯỜNG CÔNG TÁC TUYÊN TRUYỀN VỀ CHUYỂN ĐỔI SỐ
Nơi nhận:
- CÁC BỘ, NGÀNH TRUNG ƯƠNG;
- Lưu: VT, KGVX.
"""


def to_cp1258_decomposed(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows wrote it: tones as separate combining-mark bytes."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in parts if c in TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
        out += (base + tones).encode("cp1258")
    return bytes(out)


def test_the_official_prose_contains_every_lower_case_letter_and_untoned_capital() -> None:
    text = unicodedata.normalize("NFC", PROSE)
    assert len(LOWER_LETTERS) == 67
    assert set(LOWER_LETTERS) <= set(text)
    assert set("ĂÂÊÔƠƯĐ") <= set(text)


def test_official_prose_written_in_tcvn3_decodes_back_to_the_same_text() -> None:
    data = unicode_to_tcvn3(PROSE)
    assert data.isascii() is False and max(data) > 0x7F
    assert decode_bytes(data) == (unicodedata.normalize("NFC", PROSE), "tcvn3")


def test_official_prose_written_in_vni_decodes_back_to_the_same_text() -> None:
    data = unicode_to_vni(PROSE)
    assert decode_bytes(data) == (unicodedata.normalize("NFC", PROSE), "vni")


def test_each_of_the_134_letters_round_trips_through_vni() -> None:
    assert len(ALL_LETTERS) == 134
    for letter in ALL_LETTERS:
        assert vni_to_unicode(unicode_to_vni(letter).decode("latin-1")) == letter


def test_each_lower_case_letter_and_untoned_capital_round_trips_through_tcvn3() -> None:
    for letter in [*LOWER_LETTERS, *"ĂÂÊÔƠƯĐ"]:
        data = unicode_to_tcvn3(letter)
        assert len(data) == 1
        word = "x" + letter  # inside a word: a toned letter starting the text would be a capital
        assert tcvn3_to_unicode(unicode_to_tcvn3(word).decode("latin-1")) == word


def test_tcvn3_toned_capitals_come_back_as_capitals_inside_all_capital_words() -> None:
    toned_capitals = [c.upper() for c in LOWER_LETTERS if c.upper() not in "ĂÂÊÔƠƯĐ"]
    assert len(toned_capitals) == 60
    for capital in toned_capitals:
        word = f"NG{capital}NH"
        assert tcvn3_to_unicode(unicode_to_tcvn3(word).decode("latin-1")) == word


def test_a_title_case_toned_capital_comes_back_lower_case_because_tcvn3_has_no_code_for_it() -> None:
    data = unicode_to_tcvn3("Kính gửi: Ủy ban nhân dân")
    assert data == unicode_to_tcvn3("Kính gửi: ủy ban nhân dân")
    assert tcvn3_to_unicode(data.decode("latin-1")) == "Kính gửi: ủy ban nhân dân"


def test_tcvn3_toned_capitals_come_back_at_the_start_of_a_sentence_and_at_the_end_of_a_heading() -> None:
    text = "Ủy ban họp.\nThảo luận xong. Ở cấp xã, ý kiến\nđược ghi nhận.\n\nỦy ban xem xét."
    assert tcvn3_to_unicode(unicode_to_tcvn3(text).decode("latin-1")) == text
    heading = "Mục 3. TRÁCH NHIỆM CỦA CÁC CƠ QUAN, ĐƠN VỊ"
    assert tcvn3_to_unicode(unicode_to_tcvn3(heading).decode("latin-1")) == heading


def test_a_document_number_line_keeps_its_lower_case_letters() -> None:
    assert tcvn3_to_unicode("Sè: 15/Q§-UBND") == "Số: 15/QĐ-UBND"
    assert tcvn3_to_unicode("Hµ Néi, ngµy 15 th¸ng 3 n¨m 2024") == "Hà Nội, ngày 15 tháng 3 năm 2024"
    assert tcvn3_to_unicode("RAM 256 GB, æ SSD 4 TB") == "RAM 256 GB, ổ SSD 4 TB"


@pytest.mark.parametrize(
    ("legacy", "convert", "expected"),
    [
        ("B¶o Th¾ng", tcvn3_to_unicode, "Bảo Thắng"),
        ("M\xadêng Kh\xad¬ng", tcvn3_to_unicode, "Mường Khương"),  # 0xAD (soft hyphen) is ư
        ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", tcvn3_to_unicode, "Cộng hoà xã hội chủ nghĩa Việt Nam"),
        ("CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM", tcvn3_to_unicode, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("Xin chaøo caùc baïn", vni_to_unicode, "Xin chào các bạn"),
        ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", vni_to_unicode, "Cộng hòa xã hội chủ nghĩa Việt Nam"),
        ("ÑÖÔØNG LOÁI ÑOÅI MÔÙI", vni_to_unicode, "ĐƯỜNG LỐI ĐỔI MỚI"),
        ("ñöôïc kyõ thuaät, thuyû lôïi", vni_to_unicode, "được kỹ thuật, thuỷ lợi"),
    ],
)
def test_spellings_from_public_converters_decode_to_the_expected_unicode(
    legacy: str, convert: Callable[[str], str], expected: str
) -> None:
    assert convert(legacy) == expected


def test_utf8_mojibake_of_a_tcvn3_or_vni_file_is_detected_and_repaired() -> None:
    expected = unicodedata.normalize("NFC", PROSE)
    for encode, name in ((unicode_to_tcvn3, "tcvn3"), (unicode_to_vni, "vni")):
        blindly_converted = encode(PROSE).decode("cp1252").encode("utf-8")
        assert decode_bytes(blindly_converted) == (expected, name)


def test_detect_legacy_names_tcvn3_and_vni_from_bytes_or_text() -> None:
    assert detect_legacy(unicode_to_tcvn3(PROSE)) == "tcvn3"
    assert detect_legacy(unicode_to_vni(PROSE)) == "vni"
    assert detect_legacy(unicode_to_tcvn3(PROSE).decode("latin-1")) == "tcvn3"
    assert detect_legacy("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam") == "vni"


def test_utf8_vietnamese_is_reported_as_utf8_and_not_as_a_legacy_encoding() -> None:
    expected = unicodedata.normalize("NFC", PROSE)
    assert detect_legacy(PROSE) is None
    assert detect_legacy(PROSE.encode("utf-8")) is None
    assert decode_bytes(PROSE.encode("utf-8")) == (expected, "utf-8")
    assert decode_bytes(codecs.BOM_UTF8 + PROSE.encode("utf-8")) == (expected, "utf-8")


def test_decomposed_utf8_vietnamese_is_composed_to_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", PROSE)
    assert decode_bytes(decomposed.encode("utf-8")) == (unicodedata.normalize("NFC", PROSE), "utf-8")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_a_bom_is_reported_as_utf16(codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    data = bom + PROSE.encode(codec)
    assert decode_bytes(data) == (unicodedata.normalize("NFC", PROSE), "utf-16")


@pytest.mark.parametrize(
    "text",
    [
        "Plain ASCII notes, version 2.1 (2024-03-15): nothing to see here.",
        "The café served a naïve crème brûlée; the fiancée's résumé was déjà vu in Zürich and São Paulo.",
        "© 2024 Acme Corp · All rights reserved · ½ price · 30°C · «quoted» · Ångström · Øresund · Æsir",
    ],
)
def test_plain_english_is_not_mistaken_for_legacy_vietnamese(text: str) -> None:
    assert detect_legacy(text) is None
    assert detect_legacy(text.encode("utf-8")) is None
    assert decode_bytes(text.encode("utf-8")) == (text, "utf-8")
    latin1 = text.encode("latin-1")
    assert detect_legacy(latin1) is None
    assert decode_bytes(latin1)[1] == ("utf-8" if text.isascii() else "cp1258")


def test_cp1258_with_decomposed_tones_is_composed_to_nfc() -> None:
    data = to_cp1258_decomposed(PROSE)
    assert b"\xcc" in data or b"\xec" in data  # the combining grave or acute bytes are there
    assert detect_legacy(data) is None
    text, encoding = decode_bytes(data)
    assert encoding == "cp1258"
    assert text == unicodedata.normalize("NFC", PROSE)
    assert unicodedata.is_normalized("NFC", text)


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_random_binary_junk_raises_legacy_encoding_error(seed: int) -> None:
    rng = random.Random(seed)
    with pytest.raises(LegacyEncodingError, match="cannot decode"):
        decode_bytes(rng.randbytes(4096))
    high_bytes_only = bytes(rng.randrange(0x80, 0x100) for _ in range(4096))
    with pytest.raises(LegacyEncodingError, match="cannot decode"):
        decode_bytes(high_bytes_only)


def test_legacy_encoding_error_is_a_value_error() -> None:
    assert issubclass(LegacyEncodingError, ValueError)


def test_characters_without_a_legacy_code_raise_on_encode() -> None:
    with pytest.raises(LegacyEncodingError, match="TCVN3"):
        unicode_to_tcvn3("Ça va")
    with pytest.raises(LegacyEncodingError, match="VNI"):
        unicode_to_vni("漢字")
