"""What an assessment produces. Plain dataclasses: every number keeps the inputs behind it."""

from __future__ import annotations

from dataclasses import dataclass, field

from dxshift.assessment.answers import AnswerValue
from dxshift.framework.schema import Text


@dataclass(frozen=True)
class IndicatorResult:
    """Score 0–100 of one indicator, or None when it was not answered."""

    id: str
    shift: int
    weight: float
    value: AnswerValue | None
    score: float | None
    formula: str
    evidence: str | None = None
    note: str | None = None

    @property
    def missing(self) -> bool:
        return self.score is None


@dataclass(frozen=True)
class ShiftResult:
    """A shift's score with its coverage.

    `score` counts a missing answer as earning no points (the lower bound); `potential` is
    what the score would be if every missing answer were perfect (the upper bound). The two
    are equal when coverage is complete.
    """

    number: int
    weight: float
    score: float
    potential: float
    coverage: float
    answered: int
    total: int
    formula: str
    indicators: list[IndicatorResult]


@dataclass(frozen=True)
class Condition:
    """One condition of a level: met or not, with the numbers that decided it."""

    kind: str  # index | coverage | indicator | shift
    target: float
    actual: float | None
    met: bool
    ref: str | int | None = None  # indicator id or shift number
    why: Text | None = None


@dataclass(frozen=True)
class LevelResult:
    """The level reached, the conditions that put it there, and those missing for the next."""

    id: str
    rank: int
    reasons: list[Condition]
    next_id: str | None
    missing_for_next: list[Condition]


@dataclass(frozen=True)
class RoadmapStep:
    """One small step up on one indicator, with what it gains and the advice for it."""

    order: int
    shift: int
    indicator: str
    current_score: float
    target_score: float
    current_value: AnswerValue
    target_value: AnswerValue
    index_gain: float
    for_next_level: bool
    recommendation: Text


@dataclass(frozen=True)
class AssessmentResult:
    framework_id: str
    framework_version: str
    index: float
    index_potential: float
    coverage: float
    index_formula: str
    shifts: list[ShiftResult]
    level: LevelResult
    roadmap: list[RoadmapStep]
    missing: list[str] = field(default_factory=list)

    def shift(self, number: int) -> ShiftResult:
        return next(s for s in self.shifts if s.number == number)

    def indicator(self, indicator_id: str) -> IndicatorResult:
        return next(i for s in self.shifts for i in s.indicators if i.id == indicator_id)
