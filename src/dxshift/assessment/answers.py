"""Turn raw answer values into checked ones, collecting every problem at once.

Answers arrive from YAML, JSON, spreadsheets and (later) web forms, so values come as
booleans, numbers or strings such as "có", "45%" or "0,5". Parsing them lives here, once.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from dxshift.framework.schema import (
    CountAnswer,
    Framework,
    Indicator,
    PercentAnswer,
    ScaleAnswer,
    YesNoAnswer,
)

AnswerValue = int | float | bool

YES = {"yes", "y", "true", "có", "co", "c", "1", "x"}
NO = {"no", "n", "false", "không", "khong", "k", "0"}


@dataclass(frozen=True)
class Answer:
    """A checked answer to one indicator, with the proof the unit attached."""

    indicator: str
    value: AnswerValue
    evidence: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class AnswerProblem:
    """Why one raw answer was refused; `code` keys the message catalog."""

    code: str  # unknown_indicator | out_of_range | wrong_type
    indicator: str
    value: Any
    expected: dict[str, Any]


class AnswersInvalid(Exception):
    """Raised with every problem found, so the user fixes them all in one pass."""

    def __init__(self, problems: list[AnswerProblem]):
        self.problems = problems
        super().__init__("; ".join(f"{p.code}: {p.indicator}={p.value!r}" for p in problems))


def _number(raw: Any) -> float | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | float):
        return float(raw)
    if isinstance(raw, str):
        text = raw.strip().removesuffix("%").strip().replace(" ", "")
        if "," in text and "." in text:  # 1.234,5 (Vietnamese) → 1234.5
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", ".")
        try:
            return float(text)
        except ValueError:
            return None
    return None


def _expected(ind: Indicator) -> dict[str, Any]:
    spec = ind.answer
    if isinstance(spec, ScaleAnswer):
        return {"kind": "scale", "max": spec.max_value}
    if isinstance(spec, CountAnswer):
        return {"kind": "count", "max": spec.maximum}
    return {"kind": spec.type}


def parse_value(ind: Indicator, raw: Any) -> AnswerValue | AnswerProblem:
    """The typed value of one raw answer, or the problem with it."""
    spec = ind.answer

    def problem(code: str) -> AnswerProblem:
        return AnswerProblem(code, ind.id, raw, _expected(ind))

    if isinstance(spec, YesNoAnswer):
        if isinstance(raw, bool):
            return raw
        word = unicodedata.normalize("NFC", str(raw)).strip().lower()
        if word in YES:
            return True
        if word in NO:
            return False
        return problem("wrong_type")
    number = _number(raw)
    if number is None or number != number:  # None or NaN
        return problem("wrong_type")
    if isinstance(spec, ScaleAnswer):
        if number != int(number):
            return problem("wrong_type")
        if not 0 <= number <= spec.max_value:
            return problem("out_of_range")
        return int(number)
    if isinstance(spec, PercentAnswer):
        return number if 0 <= number <= 100 else problem("out_of_range")
    assert isinstance(spec, CountAnswer)
    if number < 0 or (spec.maximum is not None and number > spec.maximum):
        return problem("out_of_range")
    return number


def check_answers(framework: Framework, raw: Mapping[str, Any]) -> dict[str, Answer]:
    """Checked answers keyed by indicator id; raise AnswersInvalid listing every problem.

    A raw entry is a bare value or a mapping with `value`, `evidence` and `note`. An entry
    whose value is None (or blank) is left out: it is missing, not zero.
    """
    known = {i.id: i for i in framework.indicators}
    answers: dict[str, Answer] = {}
    problems: list[AnswerProblem] = []
    for key, entry in raw.items():
        indicator_id = unicodedata.normalize("NFC", str(key)).strip()
        evidence = note = None
        value = entry
        if isinstance(entry, Mapping):
            value = entry.get("value")
            evidence = entry.get("evidence") or None
            note = entry.get("note") or None
        if indicator_id not in known:
            problems.append(AnswerProblem("unknown_indicator", indicator_id, value, {}))
            continue
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        parsed = parse_value(known[indicator_id], value)
        if isinstance(parsed, AnswerProblem):
            problems.append(parsed)
        else:
            answers[indicator_id] = Answer(
                indicator_id,
                parsed,
                None if evidence is None else unicodedata.normalize("NFC", str(evidence)),
                None if note is None else unicodedata.normalize("NFC", str(note)),
            )
    if problems:
        raise AnswersInvalid(problems)
    return answers
