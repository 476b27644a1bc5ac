"""The bundled 17-shift framework, and frameworks as data in general."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from pydantic import BaseModel

from dxshift.analysis.normalize import new_tone_style
from dxshift.assessment import assess_raw
from dxshift.framework import Framework, FrameworkError, load_framework_file, parse_framework
from dxshift.framework.schema import CountAnswer, PercentAnswer, ScaleAnswer, Text

from .conftest import DATA, best_value, worst_value


def all_texts(obj: object) -> list[Text]:
    found: list[Text] = []
    if isinstance(obj, Text):
        return [obj]
    if isinstance(obj, list | tuple):
        for item in obj:
            found += all_texts(item)
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            found += all_texts(getattr(obj, name))
    return found


def test_the_first_framework_has_17_shifts_and_the_three_levels(framework: Framework) -> None:
    assert [s.number for s in framework.shifts] == list(range(1, 18))
    assert [lv.id for lv in framework.levels] == [
        "not_started",
        "digitization",
        "digitalization",
        "transformation",
    ]
    assert framework.shift(8).key == "rent_not_invest"


def test_every_shift_is_bilingual_sourced_and_has_at_least_two_indicators(framework: Framework) -> None:
    for shift in framework.shifts:
        for text in (shift.name, shift.it_side, shift.dx_side, shift.explanation):
            assert text.vi.strip() and text.en.strip() and text.vi != text.en
        assert shift.sources
        assert len(framework.indicators_of(shift.number)) >= 2
    assert len(framework.indicators) >= 34


def test_the_questionnaire_uses_every_answer_type(framework: Framework) -> None:
    kinds = {ind.answer.type for ind in framework.indicators}
    assert kinds == {"scale", "percent", "yesno", "count"}


def test_every_text_is_nfc_and_written_in_the_new_tone_mark_style(framework: Framework) -> None:
    for text in all_texts(framework):
        for s in (text.vi, text.en):
            assert unicodedata.normalize("NFC", s) == s
        assert new_tone_style(text.vi) == text.vi, text.vi


def test_every_answer_below_the_top_maps_to_a_recommendation(framework: Framework) -> None:
    for ind in framework.indicators:
        spec = ind.answer
        if isinstance(spec, ScaleAnswer):
            scores = [a.value / spec.max_value * 100 for a in spec.anchors]
        elif isinstance(spec, PercentAnswer | CountAnswer):
            scores = [float(s) for s in range(0, 100)]
        else:
            scores = [0.0]
        for score in scores:
            if score < 100:
                advice = ind.recommendation_for(score)
                assert advice is not None, (ind.id, score)
                assert advice.text.vi and advice.text.en
        assert ind.recommendation_for(100) is None


def test_a_made_up_framework_runs_with_no_code_change(tiny: Framework) -> None:
    answers = {ind.id: best_value(ind) for ind in tiny.indicators}
    result = assess_raw(tiny, answers)
    assert result.index == 100
    assert result.level.id == "smart"
    assert [s.number for s in result.shifts] == [1, 2]


def test_records_not_digitized_keep_a_unit_below_transformation(framework: Framework) -> None:
    answers = {ind.id: best_value(ind) for ind in framework.indicators}
    answers["s05_records_digitized"] = worst_value(framework.indicator("s05_records_digitized"))
    result = assess_raw(framework, answers)
    assert result.index > 90
    assert result.level.id == "not_started"
    blocked = [c.ref for c in result.level.missing_for_next]
    assert "s05_records_digitized" in blocked
    perfect = assess_raw(framework, {ind.id: best_value(ind) for ind in framework.indicators})
    assert perfect.level.id == "transformation"


def _broken(tmp_path: Path, old: str, new: str) -> tuple[Path, int]:
    text = (DATA / "tiny-framework.yaml").read_text(encoding="utf-8")
    assert old in text
    line = text[: text.index(old)].count("\n") + 1
    path = tmp_path / "broken.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path, line


def test_a_wrong_value_is_located_by_file_line_and_field(tmp_path: Path) -> None:
    path, line = _broken(tmp_path, "min_index: 80", "min_index: 180")
    with pytest.raises(FrameworkError) as caught:
        load_framework_file(path)
    (problem,) = caught.value.problems
    assert (problem.field, problem.line) == ("levels[2].min_index", line)
    assert str(path) in str(caught.value) and f":line {line}:" in str(caught.value)


def test_a_missing_field_is_located_at_its_parent(tmp_path: Path) -> None:
    path, line = _broken(tmp_path, '    evidence_hint: {vi: "Biên bản", en: "Minutes"}\n', "")
    with pytest.raises(FrameworkError) as caught:
        load_framework_file(path)
    (problem,) = caught.value.problems
    assert problem.field == "indicators[2].evidence_hint"
    assert problem.line is not None and problem.line < line


def test_a_typo_in_a_key_is_an_error_not_silently_ignored(tmp_path: Path) -> None:
    path, line = _broken(tmp_path, "    weight: 3\n", "    wieght: 3\n")
    with pytest.raises(FrameworkError) as caught:
        load_framework_file(path)
    assert any(p.field == "indicators[1].wieght" and p.line == line for p in caught.value.problems)


def test_malformed_yaml_names_its_line() -> None:
    with pytest.raises(FrameworkError) as caught:
        parse_framework("id: x\nversion: [1\ntitle: y\n", "bad.yaml")
    assert caught.value.problems[0].line in {2, 3}


def test_cross_references_are_checked(tmp_path: Path) -> None:
    path, _ = _broken(tmp_path, "  - id: dashboards\n    shift: 2", "  - id: dashboards\n    shift: 9")
    with pytest.raises(FrameworkError, match="unknown shift 9"):
        load_framework_file(path)
