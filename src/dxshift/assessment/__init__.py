"""The self-assessment engine: answers in, scores, a level and a roadmap out. Pure: no I/O."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dxshift.assessment.answers import Answer, AnswerProblem, AnswersInvalid, check_answers
from dxshift.assessment.levels import place
from dxshift.assessment.result import (
    AssessmentResult,
    Condition,
    IndicatorResult,
    LevelResult,
    RoadmapStep,
    ShiftResult,
)
from dxshift.assessment.roadmap import plan
from dxshift.assessment.scoring import score_index, score_shift
from dxshift.framework.schema import Framework


def assess(framework: Framework, answers: Mapping[str, Answer], roadmap_steps: int = 10) -> AssessmentResult:
    """Score checked answers against a framework."""
    shifts = [score_shift(framework, s, dict(answers)) for s in framework.shifts]
    index, potential, coverage, formula = score_index(shifts)
    level = place(framework, index, coverage, shifts)
    steps = plan(framework, shifts, level.missing_for_next, roadmap_steps)
    missing = [i.id for s in shifts for i in s.indicators if i.missing]
    return AssessmentResult(
        framework.id,
        framework.version,
        index,
        potential,
        coverage,
        formula,
        shifts,
        level,
        steps,
        missing,
    )


def assess_raw(framework: Framework, raw: Mapping[str, Any]) -> AssessmentResult:
    """Check raw answer values, then score them; raises AnswersInvalid on bad input."""
    return assess(framework, check_answers(framework, raw))


__all__ = [
    "Answer",
    "AnswerProblem",
    "AnswersInvalid",
    "AssessmentResult",
    "Condition",
    "IndicatorResult",
    "LevelResult",
    "RoadmapStep",
    "ShiftResult",
    "assess",
    "assess_raw",
    "check_answers",
]
