"""Whole-campaign answer import: thousands of answer sheets in a handful of statements.

For a province that collected sheets offline (XLSX per unit) or for a national data load.
Every sheet is checked with the engine first; nothing is written if one is wrong. Scores are
computed once per unit and stored with the campaign's framework version, as on submission.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from dxshift.assessment import AnswersInvalid, assess, check_answers
from dxshift.framework import load_framework
from dxshift.services.assessments import canonical, stored_result
from dxshift.services.errors import Forbidden, Invalid
from dxshift.services.scope import Principal
from dxshift.storage.models import Answer, Assessment, AuditEntry, Campaign, ShiftScore, Unit, utcnow


@dataclass(frozen=True)
class BulkReport:
    assessments: int
    answers: int


def import_campaign_answers(
    session: Session,
    *,
    actor: Principal,
    campaign: Campaign,
    sheets: Mapping[str, Mapping[str, Any]],
    status: str = "submitted",
) -> BulkReport:
    """Load answer sheets keyed by unit code into a campaign's untouched assessments.

    `status` is what the assessments become: 'draft', 'submitted' or 'approved' (approving
    needs the review right over each unit). Assessments that already have answers are refused.
    """
    if status not in {"draft", "submitted", "approved"}:
        raise Invalid("bad_transition", status="not_started", target=status)
    framework = load_framework(f"{campaign.framework_id}@{campaign.framework_version}")
    rows = session.execute(
        select(Assessment.id, Assessment.status, Unit)
        .join(Unit, Unit.id == Assessment.unit_id)
        .where(Assessment.campaign_id == campaign.id, Unit.code.in_(list(sheets)))
    ).all()
    by_code = {unit.code: (assessment_id, state, unit) for assessment_id, state, unit in rows}
    problems: list[str] = []
    checked = {}
    for code, raw in sheets.items():
        if code not in by_code:
            problems.append(f"{code}: not in campaign")
            continue
        assessment_id, state, unit = by_code[code]
        action = "review" if status == "approved" else "answer"
        if not actor.can("answer", unit) or not actor.can(action, unit):
            raise Forbidden("not_allowed")
        if state != "not_started":
            problems.append(f"{code}: already {state}")
            continue
        try:
            checked[code] = check_answers(framework, raw)
        except AnswersInvalid as exc:
            problems += [f"{code}: {p.code} {p.indicator}" for p in exc.problems]
    if problems:
        raise Invalid("bulk_invalid", problems="; ".join(problems[:20]))
    now = utcnow()
    answer_rows: list[dict[str, Any]] = []
    score_rows: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    audit_rows: list[dict[str, Any]] = []
    for code, answers in checked.items():
        assessment_id, _, unit = by_code[code]
        answer_rows += [
            {
                "assessment_id": assessment_id,
                "indicator_id": k,
                "value": canonical(v.value),
                "version": 1,
                "updated_by": actor.user_id,
                "updated_at": now,
            }
            for k, v in answers.items()
        ]
        update_row: dict[str, Any] = {"id": assessment_id, "status": status, "updated_at": now, "version": 2}
        if status != "draft":
            columns, shift_rows = stored_result(framework, assess(framework, answers), assessment_id, unit)
            update_row |= columns | {"submitted_at": now}
            if status == "approved":
                update_row["approved_at"] = now
            score_rows += shift_rows
        updates.append(update_row)
        audit_rows.append(
            {
                "user_id": actor.user_id,
                "action": "import_answers",
                "entity": "assessment",
                "entity_id": assessment_id,
                "at": now,
                "before": {"status": "not_started"},
                "after": {"status": status, "answers": len(answers)},
            }
        )
    if answer_rows:
        session.execute(insert(Answer), answer_rows)
    if score_rows:
        session.execute(insert(ShiftScore), score_rows)
    if updates:
        session.execute(update(Assessment), updates)
    if audit_rows:
        session.execute(insert(AuditEntry), audit_rows)
    return BulkReport(len(updates), len(answer_rows))
