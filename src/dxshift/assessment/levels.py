"""Which level a unit is at, and why.

Rules: levels are climbed in order. A unit is at level L when, for L and every level below it,
all conditions hold: the index reaches the level's `min_index`, answer coverage reaches its
`min_coverage`, and every gate holds (an indicator or a shift reaching a minimum score; an
unanswered indicator never passes a gate). So a unit whose records are not digitized stays
below "digital transformation" however well it scores elsewhere: the index alone never decides.
"""

from __future__ import annotations

from dxshift.assessment.result import Condition, IndicatorResult, LevelResult, ShiftResult
from dxshift.framework.schema import Framework, Level


def conditions(
    level: Level,
    index: float,
    coverage: float,
    shifts: dict[int, ShiftResult],
    indicators: dict[str, IndicatorResult],
) -> list[Condition]:
    """Every condition of one level, evaluated against a scored assessment."""
    out = [
        Condition("index", level.min_index, index, index >= level.min_index),
        Condition("coverage", level.min_coverage, coverage, coverage >= level.min_coverage),
    ]
    for gate in level.gates:
        if gate.indicator is not None:
            actual = indicators[gate.indicator].score
            met = actual is not None and actual >= gate.min_score
            out.append(Condition("indicator", gate.min_score, actual, met, gate.indicator, gate.why))
        else:
            assert gate.shift is not None
            actual = shifts[gate.shift].score
            met = actual >= gate.min_score
            out.append(Condition("shift", gate.min_score, actual, met, gate.shift, gate.why))
    # a zero threshold is no condition worth showing
    return [c for c in out if c.target > 0 or c.kind in {"indicator", "shift"}]


def place(framework: Framework, index: float, coverage: float, shifts: list[ShiftResult]) -> LevelResult:
    by_number = {s.number: s for s in shifts}
    indicators = {i.id: i for s in shifts for i in s.indicators}
    levels = sorted(framework.levels, key=lambda lv: lv.rank)
    reached = levels[0]
    reasons = conditions(reached, index, coverage, by_number, indicators)
    for level in levels[1:]:
        checks = conditions(level, index, coverage, by_number, indicators)
        if not all(c.met for c in checks):
            missing = [c for c in checks if not c.met]
            return LevelResult(reached.id, reached.rank, reasons, level.id, missing)
        reached, reasons = level, checks
    return LevelResult(reached.id, reached.rank, reasons, None, [])
