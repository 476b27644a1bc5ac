"""How answers, values and conditions read in words; shared by every renderer and template."""

from __future__ import annotations

from dxshift.assessment.answers import AnswerValue
from dxshift.assessment.result import Condition
from dxshift.framework.schema import (
    CountAnswer,
    Framework,
    Indicator,
    PercentAnswer,
    ScaleAnswer,
)
from dxshift.i18n import Lang, fmt_number, fmt_percent, t


def allowed_text(ind: Indicator, lang: Lang = "vi") -> str:
    """What a unit may answer, e.g. '0 = …; 1 = …' or 'tỷ lệ phần trăm từ 0 đến 100'."""
    spec = ind.answer
    if isinstance(spec, ScaleAnswer):
        return "; ".join(f"{a.value} = {a.label.get(lang)}" for a in spec.anchors)
    if isinstance(spec, PercentAnswer):
        return t("expect_percent", lang)
    if isinstance(spec, CountAnswer):
        upper = (
            "" if spec.maximum is None else t("expect_count_upper", lang, max=fmt_number(spec.maximum, lang))
        )
        return f"{t('expect_count', lang, upper=upper)} ({spec.unit.get(lang)})"
    return t("expect_yesno", lang)


def expected_text(expected: dict[str, object], lang: Lang = "vi") -> str:
    """The short 'expected' part of an answer error message."""
    kind = expected.get("kind")
    if kind == "scale":
        return t("expect_scale", lang, max=expected["max"])
    if kind == "percent":
        return t("expect_percent", lang)
    if kind == "count":
        top = expected.get("max")
        upper = "" if top is None else t("expect_count_upper", lang, max=fmt_number(float(str(top)), lang))
        return t("expect_count", lang, upper=upper)
    return t("expect_yesno", lang)


def value_text(ind: Indicator, value: AnswerValue | None, lang: Lang = "vi") -> str:
    """An answer as a reader would say it: 'Có', '45 %', '2 — Một số thủ tục…'."""
    if value is None:
        return t("not_answered", lang)
    spec = ind.answer
    if isinstance(spec, ScaleAnswer):
        return f"{value} — {spec.anchors[int(value)].label.get(lang)}"
    if isinstance(spec, PercentAnswer):
        return fmt_percent(float(value) / 100, lang, 1)
    if isinstance(spec, CountAnswer):
        return f"{fmt_number(float(value), lang)} {spec.unit.get(lang)}"
    return t("yes" if value else "no", lang)


def condition_text(framework: Framework, cond: Condition, lang: Lang = "vi") -> str:
    """A level condition in one sentence, with the target and the actual number."""
    actual = t("not_answered", lang) if cond.actual is None else fmt_number(cond.actual, lang)
    if cond.kind == "index":
        return t("cond_index", lang, target=fmt_number(cond.target, lang), actual=actual)
    if cond.kind == "coverage":
        now = fmt_percent(cond.actual or 0.0, lang)
        return t("cond_coverage", lang, target=fmt_percent(cond.target, lang), actual=now)
    if cond.kind == "indicator":
        name = framework.indicator(str(cond.ref)).label(lang)
        return t("cond_indicator", lang, name=name, target=fmt_number(cond.target, lang), actual=actual)
    shift = framework.shift(int(str(cond.ref)))
    return t(
        "cond_shift",
        lang,
        number=shift.number,
        name=shift.name.get(lang),
        target=fmt_number(cond.target, lang),
        actual=actual,
    )


def level_name(framework: Framework, level_id: str, lang: Lang = "vi") -> str:
    return next(lv.name.get(lang) for lv in framework.levels if lv.id == level_id)
