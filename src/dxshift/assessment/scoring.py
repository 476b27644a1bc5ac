"""Scores, from one answer up to the DX index.

Formulas (each result keeps its own worked formula):

- indicator score, 0–100:
  scale ``value / N × 100``; percent ``min(value / target, 1) × 100``;
  yes/no ``yes → 100, no → 0``; count ``clamp((value − baseline) / (target − baseline)) × 100``.
- shift score, 0–100: ``Σ wᵢ·scoreᵢ / Σ wᵢ`` over *all* the shift's indicators, where an
  unanswered indicator earns 0 points. Its `potential` counts unanswered ones as 100, and its
  `coverage` is the answered share of the weights: the true score lies in [score, potential].
- DX index, 0–100: ``Σ wₛ·shift scoreₛ / Σ wₛ`` (every shift weighs 1 unless the framework
  says otherwise), with the same lower bound / upper bound / coverage.

Because missing answers earn nothing, a missing answer can never raise the index, and raising
any answer can never lower it; coverage says how much of the picture is still unknown.
"""

from __future__ import annotations

from dxshift.assessment.answers import Answer, AnswerValue
from dxshift.assessment.result import IndicatorResult, ShiftResult
from dxshift.framework.schema import (
    CountAnswer,
    Framework,
    Indicator,
    PercentAnswer,
    ScaleAnswer,
    Shift,
)


def _n(x: float) -> str:
    return f"{x:.4g}" if x != int(x) else str(int(x))


def indicator_score(ind: Indicator, value: AnswerValue) -> tuple[float, str]:
    """Score 0–100 of one checked value, and the formula that produced it."""
    spec = ind.answer
    if isinstance(spec, ScaleAnswer):
        score = value / spec.max_value * 100
        return score, f"{value} / {spec.max_value} × 100 = {_n(round(score, 2))}"
    if isinstance(spec, PercentAnswer):
        score = min(float(value) / spec.target, 1.0) * 100
        return score, f"min({_n(float(value))} / {_n(spec.target)}, 1) × 100 = {_n(round(score, 2))}"
    if isinstance(spec, CountAnswer):
        span = spec.target - spec.baseline
        score = min(max((float(value) - spec.baseline) / span, 0.0), 1.0) * 100
        formula = (
            f"clamp(({_n(float(value))} − {_n(spec.baseline)}) / "
            f"({_n(spec.target)} − {_n(spec.baseline)})) × 100 = {_n(round(score, 2))}"
        )
        return score, formula
    score = 100.0 if value else 0.0
    return score, f"{'yes' if value else 'no'} → {_n(score)}"


def weighted(parts: list[tuple[float, float | None]]) -> tuple[float, float, float, str]:
    """(lower bound, upper bound, coverage, formula) of a weighted mean with gaps."""
    total = sum(w for w, _ in parts)
    low = sum(w * (s or 0.0) for w, s in parts) / total
    high = sum(w * (100.0 if s is None else s) for w, s in parts) / total
    coverage = sum(w for w, s in parts if s is not None) / total
    terms = " + ".join(f"{_n(w)}×{'∅' if s is None else _n(round(s, 2))}" for w, s in parts)
    return low, high, coverage, f"({terms}) / {_n(total)} = {_n(round(low, 2))}"


def score_indicator(ind: Indicator, answer: Answer | None) -> IndicatorResult:
    if answer is None:
        return IndicatorResult(ind.id, ind.shift, ind.weight, None, None, "∅ (not answered)")
    score, formula = indicator_score(ind, answer.value)
    return IndicatorResult(
        ind.id, ind.shift, ind.weight, answer.value, score, formula, answer.evidence, answer.note
    )


def score_shift(framework: Framework, shift: Shift, answers: dict[str, Answer]) -> ShiftResult:
    results = [score_indicator(i, answers.get(i.id)) for i in framework.indicators_of(shift.number)]
    low, high, coverage, formula = weighted([(r.weight, r.score) for r in results])
    answered = sum(1 for r in results if not r.missing)
    return ShiftResult(
        shift.number, shift.weight, low, high, coverage, answered, len(results), formula, results
    )


def score_index(shifts: list[ShiftResult]) -> tuple[float, float, float, str]:
    """(index, potential, coverage, formula) from the shift results.

    Coverage of the index is the answered share of all indicator weights, each shift's share
    scaled by the shift's weight, so it matches what the index formula actually uses.
    """
    low = weighted([(s.weight, s.score) for s in shifts])
    high = weighted([(s.weight, s.potential) for s in shifts])[0]
    coverage = sum(s.weight * s.coverage for s in shifts) / sum(s.weight for s in shifts)
    return low[0], high, coverage, low[3]
