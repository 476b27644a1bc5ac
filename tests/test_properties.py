"""Properties of the engine on the bundled framework, for any answers (hypothesis)."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from dxshift.assessment import assess_raw
from dxshift.framework import load_framework
from dxshift.framework.schema import CountAnswer, Indicator, PercentAnswer, ScaleAnswer

FW = load_framework()
LEVEL_RANK = {lv.id: lv.rank for lv in FW.levels}


def value_of(ind: Indicator) -> st.SearchStrategy[Any]:
    spec = ind.answer
    if isinstance(spec, ScaleAnswer):
        return st.integers(0, spec.max_value)
    if isinstance(spec, PercentAnswer):
        return st.floats(0, 100, allow_nan=False)
    if isinstance(spec, CountAnswer):
        top = spec.maximum if spec.maximum is not None else spec.target * 3
        return st.floats(0, top, allow_nan=False)
    return st.booleans()


answer_sets = st.fixed_dictionaries({}, optional={ind.id: value_of(ind) for ind in FW.indicators})


@settings(max_examples=150, deadline=None)
@given(answer_sets)
def test_all_scores_stay_between_0_and_100(answers: dict[str, Any]) -> None:
    result = assess_raw(FW, answers)
    assert 0 <= result.index <= result.index_potential <= 100
    assert 0 <= result.coverage <= 1
    for shift in result.shifts:
        assert 0 <= shift.score <= shift.potential <= 100
        for ind in shift.indicators:
            assert ind.score is None or 0 <= ind.score <= 100


@settings(max_examples=150, deadline=None)
@given(answer_sets, st.data())
def test_raising_one_answer_never_lowers_its_shift_the_index_or_the_level(
    answers: dict[str, Any], data: st.DataObject
) -> None:
    ind = data.draw(st.sampled_from(FW.indicators))
    a, b = data.draw(value_of(ind)), data.draw(value_of(ind))
    low, high = (a, b) if a <= b else (b, a)
    before = assess_raw(FW, answers | {ind.id: low})
    after = assess_raw(FW, answers | {ind.id: high})
    assert after.shift(ind.shift).score >= before.shift(ind.shift).score - 1e-9
    assert after.index >= before.index - 1e-9
    assert LEVEL_RANK[after.level.id] >= LEVEL_RANK[before.level.id]


@settings(max_examples=150, deadline=None)
@given(answer_sets.filter(bool), st.data())
def test_a_missing_answer_never_raises_the_index_or_the_level(
    answers: dict[str, Any], data: st.DataObject
) -> None:
    dropped = data.draw(st.sampled_from(sorted(answers)))
    full = assess_raw(FW, answers)
    gap = assess_raw(FW, {k: v for k, v in answers.items() if k != dropped})
    assert gap.index <= full.index + 1e-9
    assert gap.coverage < full.coverage
    assert dropped in gap.missing
    assert LEVEL_RANK[gap.level.id] <= LEVEL_RANK[full.level.id]
