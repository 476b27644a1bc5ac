"""The shape of a framework file.

A framework is data, not code: a province can add its own indicator set by writing a YAML
file that validates against these models. Every text a user reads is bilingual (`Text`).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from dxshift.i18n import Lang


class Strict(BaseModel):
    """Base model that refuses unknown keys, so a typo in a framework file is an error."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """A text in Vietnamese and English; Vietnamese is the default language."""

    vi: Annotated[str, Field(min_length=1)]
    en: Annotated[str, Field(min_length=1)]

    def get(self, lang: Lang = "vi") -> str:
        return self.vi if lang == "vi" else self.en


class Source(Strict):
    """A document the framework's facts come from."""

    id: str
    issuer: Text
    title: Text
    number: str | None = None
    date: dt.date | None = None
    kind: Text | None = None


class Shift(Strict):
    """One of the shifts from the IT-application side to the digital-transformation side."""

    number: Annotated[int, Field(ge=1)]
    key: str
    name: Text
    it_side: Text
    dx_side: Text
    explanation: Text
    weight: Annotated[float, Field(gt=0)] = 1.0
    sources: list[str] = Field(min_length=1)


class Anchor(Strict):
    """One point of an anchored scale, with a label that says what it looks like."""

    value: Annotated[int, Field(ge=0)]
    label: Text


class ScaleAnswer(Strict):
    """Anchored scale 0..N; score = value / N × 100."""

    type: Literal["scale"]
    anchors: list[Anchor] = Field(min_length=2)

    @field_validator("anchors")
    @classmethod
    def _consecutive(cls, anchors: list[Anchor]) -> list[Anchor]:
        values = [a.value for a in anchors]
        if values != list(range(len(anchors))):
            raise ValueError("anchor values must be 0, 1, 2, … in order")
        return anchors

    @property
    def max_value(self) -> int:
        return len(self.anchors) - 1


class PercentAnswer(Strict):
    """Share 0–100 %; score = min(value / target, 1) × 100, target defaults to 100 %."""

    type: Literal["percent"]
    target: Annotated[float, Field(gt=0, le=100)] = 100.0


class YesNoAnswer(Strict):
    """Yes scores 100, no scores 0."""

    type: Literal["yesno"]


class CountAnswer(Strict):
    """A count; score = clamp((value − baseline) / (target − baseline), 0, 1) × 100."""

    type: Literal["count"]
    unit: Text
    target: Annotated[float, Field(gt=0)]
    baseline: Annotated[float, Field(ge=0)] = 0.0
    maximum: Annotated[float, Field(gt=0)] | None = None

    @model_validator(mode="after")
    def _ordered(self) -> CountAnswer:
        if self.baseline >= self.target:
            raise ValueError("baseline must be below target")
        if self.maximum is not None and self.maximum < self.target:
            raise ValueError("maximum must be at least target")
        return self


AnswerSpec = Annotated[ScaleAnswer | PercentAnswer | YesNoAnswer | CountAnswer, Field(discriminator="type")]


class Recommendation(Strict):
    """Advice shown when the indicator scores below `below` (the first matching band wins)."""

    below: Annotated[float, Field(gt=0, le=100)]
    text: Text


class Indicator(Strict):
    """A question a unit answers with evidence; it belongs to exactly one shift."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]
    shift: Annotated[int, Field(ge=1)]
    weight: Annotated[float, Field(gt=0)] = 1.0
    name: Text | None = None  # a short label for tables and reasons; the question if absent
    question: Text
    answer: AnswerSpec
    evidence_hint: Text
    recommendations: list[Recommendation] = Field(min_length=1)

    @field_validator("recommendations")
    @classmethod
    def _bands_cover_every_answer(cls, recs: list[Recommendation]) -> list[Recommendation]:
        bounds = [r.below for r in recs]
        if bounds != sorted(bounds) or len(set(bounds)) != len(bounds):
            raise ValueError("recommendation bands must have increasing 'below' values")
        if bounds[-1] != 100:
            raise ValueError("the last recommendation band must be 'below: 100'")
        return recs

    def label(self, lang: Lang = "vi") -> str:
        return (self.name or self.question).get(lang)

    def recommendation_for(self, score: float) -> Recommendation | None:
        """The advice for a score; None when the indicator is already at 100."""
        return next((r for r in self.recommendations if score < r.below), None)


class Gate(Strict):
    """A condition a level needs besides the index, on one indicator or one shift."""

    indicator: str | None = None
    shift: int | None = None
    min_score: Annotated[float, Field(ge=0, le=100)]
    why: Text

    @model_validator(mode="after")
    def _one_target(self) -> Gate:
        if (self.indicator is None) == (self.shift is None):
            raise ValueError("a gate names exactly one of 'indicator' or 'shift'")
        return self


class Level(Strict):
    """A maturity level; a unit reaches it when every condition holds (and the lower levels')."""

    id: str
    rank: Annotated[int, Field(ge=0)]
    name: Text
    definition: Text
    min_index: Annotated[float, Field(ge=0, le=100)] = 0.0
    min_coverage: Annotated[float, Field(ge=0, le=1)] = 0.0
    gates: list[Gate] = []


class Framework(Strict):
    """A complete, cross-checked framework: shifts, levels and the questionnaire."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9-]+$")]
    version: str
    title: Text
    description: Text
    sources: list[Source] = Field(min_length=1)
    levels: list[Level] = Field(min_length=1)
    shifts: list[Shift] = Field(min_length=1)
    indicators: list[Indicator] = Field(min_length=1)

    @model_validator(mode="after")
    def _cross_references(self) -> Framework:
        source_ids = {s.id for s in self.sources}
        numbers = [s.number for s in self.shifts]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError("shifts must be numbered 1, 2, 3, … in order")
        for shift in self.shifts:
            missing = set(shift.sources) - source_ids
            if missing:
                raise ValueError(f"shift {shift.number} cites unknown sources {sorted(missing)}")
        ids = [i.id for i in self.indicators]
        duplicates = {i for i in ids if ids.count(i) > 1}
        if duplicates:
            raise ValueError(f"duplicate indicator ids {sorted(duplicates)}")
        for ind in self.indicators:
            if ind.shift not in numbers:
                raise ValueError(f"indicator {ind.id} names unknown shift {ind.shift}")
        for shift in self.shifts:
            if not any(i.shift == shift.number for i in self.indicators):
                raise ValueError(f"shift {shift.number} has no indicator")
        ranks = [lv.rank for lv in self.levels]
        if ranks != list(range(len(ranks))):
            raise ValueError("levels must have ranks 0, 1, 2, … in order")
        for level in self.levels:
            for gate in level.gates:
                if gate.indicator is not None and gate.indicator not in ids:
                    raise ValueError(f"level {level.id} gates on unknown indicator {gate.indicator}")
                if gate.shift is not None and gate.shift not in numbers:
                    raise ValueError(f"level {level.id} gates on unknown shift {gate.shift}")
        return self

    def shift(self, number: int) -> Shift:
        for s in self.shifts:
            if s.number == number:
                return s
        raise KeyError(number)

    def indicator(self, indicator_id: str) -> Indicator:
        for i in self.indicators:
            if i.id == indicator_id:
                return i
        raise KeyError(indicator_id)

    def indicators_of(self, shift_number: int) -> list[Indicator]:
        return [i for i in self.indicators if i.shift == shift_number]

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)
