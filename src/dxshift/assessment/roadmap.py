"""The roadmap: the next small step on each indicator, ordered by what it gains.

A step moves one answered indicator up by one notch: the next anchor of a scale, "yes" for a
yes/no question, the next quarter (25 points) for percentages and counts. Steps that clear a
condition of the next level come first; then the larger gain in index points; ties go to the
lower shift number. Small steps, re-assessed often, rather than one leap (seed 004).
"""

from __future__ import annotations

import math
from dataclasses import replace

from dxshift.assessment.answers import AnswerValue
from dxshift.assessment.result import Condition, IndicatorResult, RoadmapStep, ShiftResult
from dxshift.framework.schema import (
    CountAnswer,
    Framework,
    Indicator,
    PercentAnswer,
    ScaleAnswer,
    YesNoAnswer,
)

QUARTER = 25.0


def next_notch(ind: Indicator, score: float) -> tuple[float, AnswerValue]:
    """(score, value) one small step above the current score."""
    spec = ind.answer
    if isinstance(spec, YesNoAnswer):
        return 100.0, True
    if isinstance(spec, ScaleAnswer):
        notch = min(math.floor(score / 100 * spec.max_value + 1e-9) + 1, spec.max_value)
        return notch / spec.max_value * 100, notch
    target_score = min(100.0, (math.floor(score / QUARTER + 1e-9) + 1) * QUARTER)
    if isinstance(spec, PercentAnswer):
        return target_score, round(target_score / 100 * spec.target, 1)
    assert isinstance(spec, CountAnswer)
    value = spec.baseline + target_score / 100 * (spec.target - spec.baseline)
    return target_score, math.ceil(value * 10) / 10


def plan(
    framework: Framework,
    shifts: list[ShiftResult],
    blocking: list[Condition],
    limit: int = 10,
) -> list[RoadmapStep]:
    """The ordered roadmap: at most `limit` steps, one per indicator."""
    shift_total = sum(s.weight for s in shifts)
    gated_indicators = {c.ref for c in blocking if c.kind == "indicator"}
    gated_shifts = {c.ref for c in blocking if c.kind == "shift"}
    candidates: list[tuple[bool, float, int, str, RoadmapStep]] = []
    for shift in shifts:
        ind_total = sum(r.weight for r in shift.indicators)
        for result in shift.indicators:
            for_next = result.id in gated_indicators or shift.number in gated_shifts
            ind = framework.indicator(result.id)
            step = _step(ind, result, shift, ind_total, shift_total, for_next)
            if step is None:
                continue
            candidates.append((not for_next, -step.index_gain, shift.number, result.id, step))
    candidates.sort(key=lambda c: c[:4])
    return [replace(c[4], order=n) for n, c in enumerate(candidates[:limit], start=1)]


def _step(
    ind: Indicator,
    result: IndicatorResult,
    shift: ShiftResult,
    ind_total: float,
    total: float,
    for_next: bool,
) -> RoadmapStep | None:
    if result.score is None or result.value is None or result.score >= 100:
        return None
    target_score, target_value = next_notch(ind, result.score)
    gain = (target_score - result.score) * ind.weight / ind_total * shift.weight / total
    advice = ind.recommendation_for(result.score)
    assert advice is not None  # the schema guarantees a band for every score below 100
    return RoadmapStep(
        0,
        ind.shift,
        ind.id,
        result.score,
        target_score,
        result.value,
        target_value,
        gain,
        for_next,
        advice.text,
    )
