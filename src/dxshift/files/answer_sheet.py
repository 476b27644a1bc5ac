"""Answer sheets: a unit's answers in YAML, JSON or the XLSX template, read into one shape."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from dxshift.files.errors import FileProblem
from dxshift.i18n import nfc_all

SHEET_ANSWERS = "Answers"
SHEET_ABOUT = "About"


@dataclass
class AnswerSheet:
    """What a unit sent in: which framework, who, when, and the raw answers."""

    answers: dict[str, Any]
    framework: str | None = None
    version: str | None = None
    unit_name: str | None = None
    unit_code: str | None = None
    assessed_on: dt.date | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def framework_ref(self) -> str | None:
        if self.framework and self.version:
            return f"{self.framework}@{self.version}"
        return self.framework


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value.strip():
        text = value.strip()
        for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
            try:
                return dt.datetime.strptime(text, fmt).date()
            except ValueError:
                pass
    return None


def _from_mapping(data: Any, path: Path) -> AnswerSheet:
    if not isinstance(data, dict) or not isinstance(data.get("answers"), dict):
        raise FileProblem("file_bad_shape", path=str(path))
    unit: dict[str, Any] = data["unit"] if isinstance(data.get("unit"), dict) else {}
    return AnswerSheet(
        answers=data["answers"],
        framework=data.get("framework"),
        version=None if data.get("version") is None else str(data["version"]),
        unit_name=unit.get("name"),
        unit_code=unit.get("code"),
        assessed_on=_date(data.get("assessed_on")),
    )


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise FileProblem("file_not_found", path=str(path)) from exc
    except OSError as exc:
        raise FileProblem("file_unreadable", path=str(path), reason=exc.strerror) from exc
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileProblem("file_unreadable", path=str(path), reason="not UTF-8 text") from exc


def read_yaml(path: Path) -> AnswerSheet:
    text = _read_text(path)
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else "?"
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise FileProblem("file_bad_yaml", path=str(path), line=line, reason=reason) from exc
    return _from_mapping(nfc_all(data), path)


def read_json(path: Path) -> AnswerSheet:
    text = _read_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FileProblem("file_bad_json", path=str(path), line=exc.lineno, reason=exc.msg) from exc
    return _from_mapping(nfc_all(data), path)


def read_xlsx(path: Path) -> AnswerSheet:
    """Read the template written by `questionnaire.write_xlsx`: id in column A, value in E."""
    from openpyxl import load_workbook

    if not path.exists():
        raise FileProblem("file_not_found", path=str(path))
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise FileProblem("file_bad_xlsx", path=str(path), reason=str(exc)) from exc
    if SHEET_ANSWERS not in book.sheetnames:
        raise FileProblem("file_bad_shape", path=str(path))
    about: dict[str, Any] = {}
    if SHEET_ABOUT in book.sheetnames:
        for row in book[SHEET_ABOUT].iter_rows(min_row=1, values_only=True):
            if row and row[0]:
                about[str(row[0]).strip()] = row[1] if len(row) > 1 else None
    answers: dict[str, Any] = {}
    rows = book[SHEET_ANSWERS].iter_rows(min_row=2, values_only=True)
    for row in rows:
        if not row or not row[0]:
            continue
        cells = list(row) + [None] * 7
        answers[str(row[0]).strip()] = {"value": cells[4], "evidence": cells[5], "note": cells[6]}
    book.close()
    return AnswerSheet(
        answers=nfc_all(answers),
        framework=about.get("framework"),
        version=None if about.get("version") is None else str(about["version"]),
        unit_name=nfc_all(about.get("unit_name")),
        unit_code=about.get("unit_code"),
        assessed_on=_date(about.get("assessed_on")),
    )


def read_answer_sheet(path: Path) -> AnswerSheet:
    """Read any supported answer file; raise FileProblem with a message key on failure."""
    suffix = path.suffix.lower()
    if suffix in {".yaml", ".yml"}:
        return read_yaml(path)
    if suffix == ".json":
        return read_json(path)
    if suffix == ".xlsx":
        return read_xlsx(path)
    raise FileProblem("file_bad_format", path=str(path))
