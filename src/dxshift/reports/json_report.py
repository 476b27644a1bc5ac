"""The result as JSON: every number with the formula and answers behind it."""

from __future__ import annotations

import json
from typing import Any

from dxshift.assessment.result import Condition
from dxshift.reports.context import ReportContext
from dxshift.reports.wording import condition_text, value_text


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 2)


def _condition(ctx: ReportContext, c: Condition) -> dict[str, Any]:
    return {
        "kind": c.kind,
        "ref": c.ref,
        "target": c.target,
        "actual": _r(c.actual),
        "met": c.met,
        "text": condition_text(ctx.framework, c, ctx.lang),
        "why": None if c.why is None else c.why.get(ctx.lang),
    }


def to_dict(ctx: ReportContext) -> dict[str, Any]:
    fw, res, lang = ctx.framework, ctx.result, ctx.lang
    level = next(lv for lv in fw.levels if lv.id == res.level.id)
    nxt = next((lv for lv in fw.levels if lv.id == res.level.next_id), None)
    return {
        "framework": {"id": fw.id, "version": fw.version},
        "unit": {"name": ctx.unit_name, "code": ctx.unit_code},
        "assessed_on": ctx.assessed_on.isoformat() if ctx.assessed_on else None,
        "lang": lang,
        "index": _r(res.index),
        "index_potential": _r(res.index_potential),
        "coverage": _r(res.coverage),
        "index_formula": res.index_formula,
        "level": {
            "id": level.id,
            "rank": level.rank,
            "name": level.name.model_dump(),
            "definition": level.definition.get(lang),
            "reasons": [_condition(ctx, c) for c in res.level.reasons],
            "next": None if nxt is None else {"id": nxt.id, "name": nxt.name.model_dump()},
            "missing_for_next": [_condition(ctx, c) for c in res.level.missing_for_next],
        },
        "shifts": [
            {
                "number": s.number,
                "name": fw.shift(s.number).name.model_dump(),
                "weight": s.weight,
                "score": _r(s.score),
                "potential": _r(s.potential),
                "coverage": _r(s.coverage),
                "answered": s.answered,
                "total": s.total,
                "formula": s.formula,
                "indicators": [
                    {
                        "id": i.id,
                        "weight": i.weight,
                        "value": i.value,
                        "answer": value_text(fw.indicator(i.id), i.value, lang),
                        "score": _r(i.score),
                        "formula": i.formula,
                        "evidence": i.evidence,
                        "note": i.note,
                    }
                    for i in s.indicators
                ],
            }
            for s in res.shifts
        ],
        "roadmap": [
            {
                "order": st.order,
                "shift": st.shift,
                "indicator": st.indicator,
                "question": fw.indicator(st.indicator).question.get(lang),
                "current_value": st.current_value,
                "target_value": st.target_value,
                "current_score": _r(st.current_score),
                "target_score": _r(st.target_score),
                "index_gain": _r(st.index_gain),
                "for_next_level": st.for_next_level,
                "recommendation": st.recommendation.get(lang),
            }
            for st in res.roadmap
        ],
        "missing": res.missing,
    }


def render_json(ctx: ReportContext) -> str:
    return json.dumps(to_dict(ctx), ensure_ascii=False, indent=2) + "\n"
