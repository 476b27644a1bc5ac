"""Messages and number/date formats in Vietnamese (default) and English.

One catalog for every sentence the program itself says, so the CLI, the reports and later the
web pages phrase things the same way. Pure: no I/O.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = ("vi", "en")

MESSAGES: dict[str, tuple[str, str]] = {
    # answers
    "unknown_indicator": (
        "Chỉ số “{indicator}” không có trong bộ tiêu chí {framework}.",
        "Indicator “{indicator}” is not in framework {framework}.",
    ),
    "out_of_range": (
        "Chỉ số “{indicator}”: giá trị {value} nằm ngoài khoảng cho phép ({expected}).",
        "Indicator “{indicator}”: value {value} is out of range ({expected}).",
    ),
    "wrong_type": (
        "Chỉ số “{indicator}”: giá trị {value} sai kiểu, cần {expected}.",
        "Indicator “{indicator}”: value {value} has the wrong type; expected {expected}.",
    ),
    "expect_scale": ("số nguyên từ 0 đến {max}", "a whole number from 0 to {max}"),
    "expect_percent": ("tỷ lệ phần trăm từ 0 đến 100", "a percentage from 0 to 100"),
    "expect_yesno": ("có/không (yes/no)", "yes/no"),
    "expect_count": ("số đếm từ 0{upper}", "a count from 0{upper}"),
    "expect_count_upper": (" đến {max}", " to {max}"),
    # files
    "file_unreadable": ("Không đọc được tệp {path}: {reason}", "Cannot read file {path}: {reason}"),
    "file_not_found": ("Không tìm thấy tệp {path}.", "File not found: {path}."),
    "file_bad_yaml": (
        "Tệp {path} không phải YAML hợp lệ (dòng {line}): {reason}",
        "File {path} is not valid YAML (line {line}): {reason}",
    ),
    "file_bad_json": (
        "Tệp {path} không phải JSON hợp lệ (dòng {line}): {reason}",
        "File {path} is not valid JSON (line {line}): {reason}",
    ),
    "file_bad_xlsx": (
        "Tệp {path} không phải bảng tính XLSX đọc được: {reason}",
        "File {path} is not a readable XLSX workbook: {reason}",
    ),
    "file_bad_shape": (
        "Tệp {path} không có phần “answers” dạng danh sách chỉ số: giá trị.",
        "File {path} has no “answers” mapping of indicator: value.",
    ),
    "file_bad_format": (
        "Không nhận dạng được định dạng tệp {path} (cần .yaml, .yml, .json hoặc .xlsx).",
        "Unknown file format for {path} (expected .yaml, .yml, .json or .xlsx).",
    ),
    "wrong_framework": (
        "Tệp trả lời dành cho bộ tiêu chí {found}, không phải {expected}.",
        "The answers are for framework {found}, not {expected}.",
    ),
    "nothing_written": ("Không ghi tệp nào.", "Nothing was written."),
    "pdf_needs_output": (
        "Định dạng pdf cần tùy chọn -o TỆP.",
        "The pdf format needs -o FILE.",
    ),
    "framework_invalid": ("Bộ tiêu chí không hợp lệ:", "Invalid framework:"),
    "unknown_shift": (
        "Không có chuyển dịch số {number} (có từ 1 đến {count}).",
        "There is no shift {number} (shifts run from 1 to {count}).",
    ),
    "written": ("Đã ghi {path}", "Wrote {path}"),
    # results
    "index": ("Chỉ số CĐS", "DX index"),
    "level": ("Mức độ", "Level"),
    "coverage": ("Độ phủ câu trả lời", "Answer coverage"),
    "index_range": (
        "Còn {missing} chỉ số chưa trả lời: chỉ số CĐS nằm trong khoảng {low} – {high}.",
        "{missing} indicators unanswered: the DX index lies between {low} and {high}.",
    ),
    "why_level": ("Vì sao ở mức này", "Why this level"),
    "missing_for_next": ("Còn thiếu để lên mức “{level}”", "Missing for “{level}”"),
    "top_level": ("Đã ở mức cao nhất của bộ tiêu chí.", "Already at the framework's top level."),
    "cond_index": ("Chỉ số CĐS ≥ {target} (hiện {actual})", "DX index ≥ {target} (now {actual})"),
    "cond_coverage": (
        "Độ phủ câu trả lời ≥ {target} (hiện {actual})",
        "Answer coverage ≥ {target} (now {actual})",
    ),
    "cond_indicator": (
        "Chỉ số “{name}” ≥ {target} điểm (hiện {actual})",
        "Indicator “{name}” ≥ {target} points (now {actual})",
    ),
    "cond_shift": (
        "Chuyển dịch {number} “{name}” ≥ {target} điểm (hiện {actual})",
        "Shift {number} “{name}” ≥ {target} points (now {actual})",
    ),
    "not_answered": ("chưa trả lời", "not answered"),
    "met": ("đạt", "met"),
    "not_met": ("chưa đạt", "not met"),
    "roadmap": ("Lộ trình: các bước nhỏ tiếp theo", "Roadmap: the next small steps"),
    "roadmap_empty": ("Không còn bước nào: mọi chỉ số đã đạt tối đa.", "No steps left."),
    "step_gain": ("+{gain} điểm chỉ số CĐS", "+{gain} DX index points"),
    "step_for_next": ("mở đường lên mức tiếp theo", "needed for the next level"),
    "shift_scores": ("Điểm theo từng chuyển dịch", "Scores per shift"),
    "base_level": (
        "Đây là mức khởi điểm: đơn vị chưa đạt đủ điều kiện của mức kế tiếp (xem bên dưới).",
        "This is the starting level: the unit does not yet meet the next level's conditions (below).",
    ),
    "shift": ("Chuyển dịch", "Shift"),
    "score": ("Điểm", "Score"),
    "answered": ("Đã trả lời", "Answered"),
    "missing_answers": ("Chỉ số chưa trả lời", "Unanswered indicators"),
    "no_missing": ("Đã trả lời đủ mọi chỉ số.", "Every indicator is answered."),
    "report_title": ("Báo cáo tự đánh giá chuyển đổi số", "Digital transformation self-assessment"),
    "unit": ("Đơn vị", "Unit"),
    "assessed_on": ("Ngày đánh giá", "Assessed on"),
    "framework": ("Bộ tiêu chí", "Framework"),
    "generated_on": ("Lập ngày", "Generated on"),
    "radar_title": ("Điểm 17 chuyển dịch (0–100)", "Scores of the 17 shifts (0–100)"),
    "it_side": ("Phía ứng dụng CNTT", "IT-application side"),
    "dx_side": ("Phía chuyển đổi số", "Digital-transformation side"),
    "explanation": ("Giải thích", "Explanation"),
    "sources": ("Nguồn", "Sources"),
    "indicators": ("Chỉ số đánh giá", "Indicators"),
    "how_computed": ("Cách tính", "How it is computed"),
    "evidence": ("Minh chứng", "Evidence"),
    "answer": ("Trả lời", "Answer"),
    "yes": ("Có", "Yes"),
    "no": ("Không", "No"),
    "name": ("Tên", "Name"),
    "weight": ("Trọng số", "Weight"),
    "type": ("Kiểu", "Type"),
    "question": ("Câu hỏi", "Question"),
    "evidence_hint": ("Minh chứng cần đính kèm", "Evidence to attach"),
    "indicator": ("Chỉ số", "Indicator"),
    "recommendation": ("Khuyến nghị", "Recommendation"),
    "from_to": ("từ {current} lên {target}", "from {current} to {target}"),
    "demo_intro": (
        "Chạy bản tự đánh giá minh họa của một xã giả định…",
        "Running the demo self-assessment of a fictional commune…",
    ),
    # document analysis
    "extract_unsupported": (
        "{name}: định dạng không được hỗ trợ (chỉ nhận TXT, MD, HTML, DOCX, PDF).",
        "{name}: unsupported format (TXT, MD, HTML, DOCX and PDF are supported).",
    ),
    "extract_corrupt": (
        "{name}: tệp bị hỏng, không đọc được.",
        "{name}: the file is corrupt and cannot be read.",
    ),
    "extract_encrypted": (
        "{name}: tệp được đặt mật khẩu hoặc mã hóa; hãy gỡ mật khẩu rồi gửi lại.",
        "{name}: the file is password-protected or encrypted; remove the password and try again.",
    ),
    "extract_empty": ("{name}: tệp không có nội dung văn bản.", "{name}: the file has no text."),
    "extract_no_text_layer": (
        "{name}: PDF không có lớp văn bản (có thể là bản quét); cần nhận dạng chữ (OCR) trước.",
        "{name}: the PDF has no text layer (probably a scan); run OCR first.",
    ),
    "extract_too_large": (
        "{name}: tệp quá lớn (tối đa 50 MB).",
        "{name}: the file is too large (50 MB at most).",
    ),
    "extract_bad_encoding": (
        "{name}: không nhận ra bảng mã của tệp (không phải UTF-8, UTF-16, TCVN3, VNI hay Windows-1258).",
        "{name}: unknown text encoding (not UTF-8, UTF-16, TCVN3, VNI or Windows-1258).",
    ),
    "extract_not_found": ("{name}: không tìm thấy tệp.", "{name}: file not found."),
    "extract_unreadable": ("{name}: không đọc được tệp.", "{name}: cannot read the file."),
    "legacy_note": (
        "Tệp dùng bảng mã cũ {encoding}; đã chuyển sang Unicode.",
        "The file uses the legacy {encoding} encoding; it was converted to Unicode.",
    ),
    "leans_dx": ("Nghiêng về chuyển đổi số", "Leans DX"),
    "leans_it": ("Nghiêng về ứng dụng CNTT", "Leans IT"),
    "mixed": ("Đan xen", "Mixed"),
    "not_addressed": ("Không đề cập", "Not addressed"),
    "profile_title": ("Phân tích văn bản theo 17 chuyển dịch", "Document analysis against the 17 shifts"),
    "honours": ("Văn bản thể hiện chuyển đổi số ở", "The document honours"),
    "contradicts": (
        "Văn bản đi ngược (nghiêng về ứng dụng CNTT) ở",
        "The document contradicts (leans IT) on",
    ),
    "mixed_on": ("Đan xen ở", "Mixed on"),
    "none_found": ("không chuyển dịch nào", "no shift"),
    "sentences_read": (
        "{total} câu, trong đó {relevant} câu nói đến một chuyển dịch.",
        "{total} sentences, {relevant} of which speak to a shift.",
    ),
    "stance": ("Xu hướng", "Stance"),
    "evidence_it": ("Bằng chứng phía CNTT", "IT-side evidence"),
    "evidence_dx": ("Bằng chứng phía CĐS", "DX-side evidence"),
    "confidence": ("Độ tin cậy", "Confidence"),
    "failed_files": ("{count} tệp không phân tích được.", "{count} files could not be analysed."),
    "analyzing": ("Đang phân tích", "Analysing"),
    "cues": ("Căn cứ", "Cues"),
    "no_model": (
        "Chưa có mô hình phân loại; chạy `dxshift train` trước.",
        "No classification model yet; run `dxshift train` first.",
    ),
    "corpus_invalid": ("Tệp dữ liệu có dòng sai:", "The data file has bad rows:"),
}


def nfc_all(value: Any) -> Any:
    """NFC-normalize every string inside nested dicts and lists (data read from files)."""
    import unicodedata

    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {nfc_all(k): nfc_all(v) for k, v in value.items()}
    if isinstance(value, list):
        return [nfc_all(v) for v in value]
    return value


def register(messages: dict[str, tuple[str, str]]) -> None:
    """Add a module's own messages (the web app's labels) to the one catalog."""
    clash = set(messages) & set(MESSAGES)
    if clash - {k for k in clash if MESSAGES[k] == messages[k]}:
        raise ValueError(f"message keys defined twice: {sorted(clash)}")
    MESSAGES.update(messages)


def t(key: str, lang: Lang = "vi", **params: object) -> str:
    """The message `key` in `lang`, with `{placeholders}` filled from params."""
    vi, en = MESSAGES[key]
    return (vi if lang == "vi" else en).format(**params)


def fmt_number(value: float, lang: Lang = "vi", digits: int = 1, trim: bool = True) -> str:
    """1.700,5 in Vietnamese, 1,700.5 in English; `trim` drops trailing zero decimals."""
    text = f"{value:,.{digits}f}"
    if text.startswith("-") and not text.strip("-0.,"):
        text = text[1:]  # never "-0,0"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    if lang == "vi":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def fmt_percent(share: float, lang: Lang = "vi", digits: int = 0) -> str:
    """A share 0..1 as a percentage: 0,68 → '68 %'."""
    return (
        f"{fmt_number(share * 100, lang, digits)} %"
        if lang == "vi"
        else (f"{fmt_number(share * 100, lang, digits)}%")
    )


_VI_ORDER = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_TONES = {"\u0309": 1, "\u0300": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_MARKED = {
    ("a", "\u0306"): "ă",
    ("a", "\u0302"): "â",
    ("e", "\u0302"): "ê",
    ("o", "\u0302"): "ô",
    ("o", "\u031b"): "ơ",
    ("u", "\u031b"): "ư",
}


def vi_sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Sort key in Vietnamese alphabetical order (Đ after D, Ư after U), tones second."""
    import unicodedata

    letters: list[str] = []
    tones: list[int] = []
    for ch in unicodedata.normalize("NFD", text.lower()):
        if ch in _TONES:
            tones.append(_TONES[ch])
        elif letters and (letters[-1], ch) in _MARKED:
            letters[-1] = _MARKED[(letters[-1], ch)]
        else:
            letters.append(ch)
    order = tuple(
        -1 if c.isspace() else _VI_ORDER.index(c) if c in _VI_ORDER else 100 + ord(c) for c in letters
    )
    return order, tuple(tones)


def fmt_date(value: dt.date, lang: Lang = "vi") -> str:
    """dd/mm/yyyy in Vietnamese, ISO in English (unambiguous for foreign readers)."""
    return value.strftime("%d/%m/%Y") if lang == "vi" else value.isoformat()
