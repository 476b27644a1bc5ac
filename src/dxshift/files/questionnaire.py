"""Blank answer templates a unit fills in: commented YAML or an XLSX workbook."""

from __future__ import annotations

import json
from pathlib import Path

from dxshift.files.answer_sheet import SHEET_ABOUT, SHEET_ANSWERS
from dxshift.framework.schema import Framework, ScaleAnswer, YesNoAnswer
from dxshift.i18n import Lang
from dxshift.reports.wording import allowed_text

HEADERS = {
    "vi": [
        "Mã chỉ số",
        "Chuyển dịch",
        "Câu hỏi",
        "Cách trả lời",
        "Trả lời",
        "Minh chứng",
        "Ghi chú",
        "Minh chứng cần đính kèm",
    ],
    "en": [
        "Indicator id",
        "Shift",
        "Question",
        "How to answer",
        "Answer",
        "Evidence",
        "Note",
        "Evidence to attach",
    ],
}


def _comment(text: str) -> str:
    return "\n".join(f"  # {line}" for line in text.splitlines())


def yaml_template(framework: Framework, lang: Lang = "vi") -> str:
    """A YAML answer sheet: every indicator with `value: null` and its question as a comment."""
    head = {
        "vi": "# Phiếu tự đánh giá — điền `value` cho từng chỉ số; để trống (null) nếu chưa có.",
        "en": "# Self-assessment sheet — fill in `value` for each indicator; leave null if unknown.",
    }[lang]
    out = [
        head,
        f"framework: {framework.id}",
        f"version: {json.dumps(framework.version)}",
        "unit:",
        '  name: ""',
        '  code: ""',
        "assessed_on: null  # YYYY-MM-DD",
        "answers:",
    ]
    for shift in framework.shifts:
        out.append(f"  # ── {shift.number}. {shift.name.get(lang)}")
        for ind in framework.indicators_of(shift.number):
            out.append(_comment(ind.question.get(lang)))
            out.append(_comment(allowed_text(ind, lang)))
            out.append(f"  {ind.id}:")
            out.append("    value: null")
            out.append('    evidence: ""')
    return "\n".join(out) + "\n"


def write_xlsx(framework: Framework, path: Path, lang: Lang = "vi") -> None:
    """An XLSX answer sheet with drop-down lists for yes/no and scale questions."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    about = book.active
    assert about is not None
    about.title = SHEET_ABOUT
    for row in (
        ("framework", framework.id),
        ("version", framework.version),
        ("unit_name", ""),
        ("unit_code", ""),
        ("assessed_on", ""),
    ):
        about.append(row)
    about.column_dimensions["A"].width = 16
    about.column_dimensions["B"].width = 40

    sheet = book.create_sheet(SHEET_ANSWERS)
    sheet.append(HEADERS[lang])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    yesno = DataValidation(type="list", formula1='"có,không,yes,no"', allow_blank=True)
    sheet.add_data_validation(yesno)
    fill = PatternFill("solid", fgColor="FFF7D6")
    for ind in framework.indicators:
        shift = framework.shift(ind.shift)
        sheet.append(
            [
                ind.id,
                f"{shift.number}. {shift.name.get(lang)}",
                ind.question.get(lang),
                allowed_text(ind, lang),
                None,
                None,
                None,
                ind.evidence_hint.get(lang),
            ]
        )
        row = sheet.max_row
        sheet.cell(row, 5).fill = fill
        if isinstance(ind.answer, YesNoAnswer):
            yesno.add(f"E{row}")
        elif isinstance(ind.answer, ScaleAnswer):
            scale = DataValidation(
                type="whole",
                operator="between",
                formula1="0",
                formula2=str(ind.answer.max_value),
                allow_blank=True,
            )
            sheet.add_data_validation(scale)
            scale.add(f"E{row}")
    for col, width in zip("ABCDEFGH", (24, 28, 60, 50, 12, 40, 30, 50), strict=True):
        sheet.column_dimensions[col].width = width
    for row_cells in sheet.iter_rows(min_row=2):
        for cell in row_cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "E2"
    book.save(path)
