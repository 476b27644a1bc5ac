"""Assessments: answers saved as people type, evidence, and the review workflow.

draft → submitted → returned (with comments per indicator) → submitted → approved. Scores,
level and roadmap come from the scoring engine with the campaign's framework version, and
are stored with it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session, object_session

from dxshift.assessment import AssessmentResult, assess_raw
from dxshift.assessment.answers import AnswerProblem, parse_value
from dxshift.framework import Framework, load_framework
from dxshift.reports import ReportContext
from dxshift.reports.json_report import to_dict
from dxshift.services import evidence_files as uploads
from dxshift.services.audit import record
from dxshift.services.errors import Conflict, Forbidden, Invalid, NotFound
from dxshift.services.scope import Principal
from dxshift.storage.models import Answer, Assessment, Evidence, ReviewComment, ShiftScore, Unit, utcnow

EDITABLE = {"not_started", "draft", "returned"}


def framework_of(assessment: Assessment) -> Framework:
    c = assessment.campaign
    return load_framework(f"{c.framework_id}@{c.framework_version}")


def get_assessment(
    session: Session, actor: Principal, assessment_id: int, action: str = "view"
) -> Assessment:
    """The assessment if the actor may see it; 404 when outside scope, 403 when seen but not allowed."""
    assessment = session.get(Assessment, assessment_id)
    if assessment is None or not actor.can("view", assessment.unit):
        raise NotFound("assessment_not_found", id=assessment_id)
    if not actor.can(action, assessment.unit):
        raise Forbidden("not_allowed")
    return assessment


def canonical(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def raw_answers(assessment: Assessment) -> dict[str, str]:
    return {a.indicator_id: a.value for a in assessment.answers if a.value not in (None, "")}


def current_result(assessment: Assessment) -> AssessmentResult:
    return assess_raw(framework_of(assessment), raw_answers(assessment))


@dataclass(frozen=True)
class Saved:
    indicator_id: str
    value: str | None
    version: int
    at: dt.datetime


def save_answer(
    session: Session,
    *,
    actor: Principal,
    assessment: Assessment,
    indicator_id: str,
    raw: str | None,
    expected_version: int | None,
) -> Saved:
    """Save one answer. `expected_version` is the version the user's form was built from:
    0 for an answer that did not exist. A mismatch means someone else saved in between."""
    if not actor.can("answer", assessment.unit):
        raise Forbidden("not_allowed")
    if assessment.status not in EDITABLE:
        raise Invalid("assessment_locked", status=assessment.status)
    framework = framework_of(assessment)
    try:
        indicator = framework.indicator(indicator_id)
    except KeyError as exc:
        raise Invalid("unknown_indicator", indicator=indicator_id, framework=framework.id) from exc
    value: str | None = None
    if raw is not None and raw.strip():
        parsed = parse_value(indicator, raw.strip())
        if isinstance(parsed, AnswerProblem):
            raise Invalid(parsed.code, indicator=indicator_id, value=raw, expected=parsed.expected)
        value = canonical(parsed)
    answer = session.scalar(
        select(Answer).where(Answer.assessment_id == assessment.id, Answer.indicator_id == indicator_id)
    )
    current_version = answer.version if answer else 0
    if expected_version is not None and expected_version != current_version:
        raise Conflict(
            "stale_answer",
            indicator=indicator_id,
            value=answer.value if answer else None,
            version=current_version,
        )
    before = answer.value if answer else None
    if answer is None:
        answer = Answer(
            assessment_id=assessment.id,
            indicator_id=indicator_id,
            value=value,
            version=1,
            updated_by=actor.user_id,
        )
        session.add(answer)
    elif before != value:
        answer.value, answer.version, answer.updated_by, answer.updated_at = (
            value,
            answer.version + 1,
            actor.user_id,
            utcnow(),
        )
    if before != value:
        record(
            session,
            user_id=actor.user_id,
            action="answer",
            entity="assessment",
            entity_id=assessment.id,
            before={indicator_id: before},
            after={indicator_id: value},
        )
        if assessment.status == "not_started":
            assessment.status = "draft"
        assessment.updated_at = utcnow()
    session.flush()
    return Saved(indicator_id, answer.value, answer.version, answer.updated_at)


def stored_result(
    framework: Framework, result: AssessmentResult, assessment_id: int, unit: Unit
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """What is kept of a result: the assessment's columns, and one score row per shift.

    One place for both the one-by-one workflow and the bulk import, so they store alike.
    """
    columns = {
        "score_index": round(result.index, 4),
        "score_coverage": round(result.coverage, 4),
        "level": result.level.id,
        "result": to_dict(ReportContext(framework, result, "vi", unit.name, unit.code)),
    }
    rows = [
        {
            "assessment_id": assessment_id,
            "shift": s.number,
            "score": round(s.score, 2),
            "coverage": round(s.coverage, 2),
        }
        for s in result.shifts
    ]
    return columns, rows


def _store_result(assessment: Assessment) -> None:
    columns, rows = stored_result(
        framework_of(assessment), current_result(assessment), assessment.id, assessment.unit
    )
    for name, value in columns.items():
        setattr(assessment, name, value)
    session = object_session(assessment)
    assert session is not None
    session.execute(delete(ShiftScore).where(ShiftScore.assessment_id == assessment.id))
    session.execute(insert(ShiftScore), rows)


def _transition(
    session: Session,
    actor: Principal,
    assessment: Assessment,
    action: str,
    allowed_from: set[str],
    target: str,
    expected_version: int | None,
) -> None:
    if not actor.can(action, assessment.unit):
        raise Forbidden("not_allowed")
    if expected_version is not None and expected_version != assessment.version:
        raise Conflict("stale_assessment", version=assessment.version)
    if assessment.status not in allowed_from:
        raise Invalid("bad_transition", status=assessment.status, target=target)
    before = assessment.status
    assessment.status = target
    assessment.version += 1
    assessment.updated_at = utcnow()
    record(
        session,
        user_id=actor.user_id,
        action=target,
        entity="assessment",
        entity_id=assessment.id,
        before={"status": before},
        after={"status": target},
    )


def submit(
    session: Session, *, actor: Principal, assessment: Assessment, expected_version: int | None
) -> None:
    if not raw_answers(assessment):
        raise Invalid("nothing_to_submit")
    _transition(session, actor, assessment, "submit", {"draft", "returned"}, "submitted", expected_version)
    assessment.submitted_at = utcnow()
    for comment in session.scalars(select(ReviewComment).where(ReviewComment.assessment_id == assessment.id)):
        comment.resolved = True
    _store_result(assessment)


def return_for_changes(
    session: Session,
    *,
    actor: Principal,
    assessment: Assessment,
    comments: dict[str, str],
    general: str = "",
    expected_version: int | None,
) -> None:
    """Send back to the unit with comments per indicator (key '' for a general comment)."""
    notes = {k: v.strip() for k, v in comments.items() if v and v.strip()}
    if general.strip():
        notes[""] = general.strip()
    if not notes:
        raise Invalid("comment_required")
    framework = framework_of(assessment)
    known = {i.id for i in framework.indicators}
    for indicator_id in notes:
        if indicator_id and indicator_id not in known:
            raise Invalid("unknown_indicator", indicator=indicator_id, framework=framework.id)
    _transition(session, actor, assessment, "review", {"submitted"}, "returned", expected_version)
    for indicator_id, text in notes.items():
        session.add(
            ReviewComment(
                assessment_id=assessment.id,
                indicator_id=indicator_id or None,
                text=text,
                author_id=actor.user_id,
            )
        )
    record(
        session,
        user_id=actor.user_id,
        action="comment",
        entity="assessment",
        entity_id=assessment.id,
        after={"comments": notes},
    )


def approve(
    session: Session, *, actor: Principal, assessment: Assessment, expected_version: int | None
) -> None:
    _transition(session, actor, assessment, "review", {"submitted"}, "approved", expected_version)
    assessment.approved_at = utcnow()
    if assessment.result is None:  # answers are locked while submitted, so the stored result holds
        _store_result(assessment)


def comments_of(session: Session, assessment: Assessment) -> list[ReviewComment]:
    return list(
        session.scalars(
            select(ReviewComment)
            .where(ReviewComment.assessment_id == assessment.id)
            .order_by(ReviewComment.created_at)
        )
    )


# ── evidence ─────────────────────────────────────────────────────────────────


def _evidence_common(actor: Principal, assessment: Assessment, indicator_id: str) -> None:
    if not actor.can("answer", assessment.unit):
        raise Forbidden("not_allowed")
    if assessment.status not in EDITABLE:
        raise Invalid("assessment_locked", status=assessment.status)
    try:
        framework_of(assessment).indicator(indicator_id)
    except KeyError as exc:
        raise Invalid(
            "unknown_indicator", indicator=indicator_id, framework=assessment.campaign.framework_id
        ) from exc


def add_evidence_file(
    session: Session,
    *,
    actor: Principal,
    assessment: Assessment,
    indicator_id: str,
    filename: str,
    data: bytes,
    effective_date: dt.date | None,
    upload_dir: Path,
    max_bytes: int,
) -> Evidence:
    """Store an uploaded file under a random name, after checking its size and its real type."""
    _evidence_common(actor, assessment, indicator_id)
    uploads.check_size(data, max_bytes)
    content_type = uploads.sniff_type(data)
    if content_type is None:
        raise Invalid("upload_bad_type", name=filename)
    declared = Path(filename).suffix.lower().lstrip(".")
    if declared and declared not in _EXTENSIONS[content_type]:
        raise Invalid("upload_type_mismatch", name=filename, actual=_EXTENSIONS[content_type][0])
    stored = uploads.store(session, data, upload_dir)
    evidence = Evidence(
        assessment_id=assessment.id,
        indicator_id=indicator_id,
        kind="file",
        title=Path(filename).name[:255],
        stored_name=stored,
        original_name=Path(filename).name[:255],
        content_type=content_type,
        size=len(data),
        effective_date=effective_date,
        created_by=actor.user_id,
    )
    session.add(evidence)
    session.flush()
    record(
        session,
        user_id=actor.user_id,
        action="evidence",
        entity="assessment",
        entity_id=assessment.id,
        after={
            "indicator": indicator_id,
            "file": evidence.original_name,
            "type": content_type,
            "size": len(data),
        },
    )
    return evidence


_EXTENSIONS = {
    "application/pdf": ["pdf"],
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ["docx"],
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ["xlsx"],
    "image/png": ["png"],
    "image/jpeg": ["jpg", "jpeg"],
    "image/gif": ["gif"],
    "image/webp": ["webp"],
}


def add_evidence_link_or_note(
    session: Session,
    *,
    actor: Principal,
    assessment: Assessment,
    indicator_id: str,
    kind: str,
    text: str,
    effective_date: dt.date | None,
) -> Evidence:
    _evidence_common(actor, assessment, indicator_id)
    text = text.strip()
    if kind == "link":
        if not (text.startswith("https://") or text.startswith("http://")) or len(text) > 2048:
            raise Invalid("bad_link")
        evidence = Evidence(
            assessment_id=assessment.id,
            indicator_id=indicator_id,
            kind="link",
            url=text,
            title=text[:255],
            effective_date=effective_date,
            created_by=actor.user_id,
        )
    elif kind == "note":
        if not text:
            raise Invalid("note_empty")
        evidence = Evidence(
            assessment_id=assessment.id,
            indicator_id=indicator_id,
            kind="note",
            note=text[:10_000],
            title=text[:80],
            effective_date=effective_date,
            created_by=actor.user_id,
        )
    else:
        raise Invalid("bad_evidence_kind")
    session.add(evidence)
    session.flush()
    record(
        session,
        user_id=actor.user_id,
        action="evidence",
        entity="assessment",
        entity_id=assessment.id,
        after={"indicator": indicator_id, kind: text[:200]},
    )
    return evidence


def evidence_of(session: Session, assessment: Assessment) -> list[Evidence]:
    return list(
        session.scalars(
            select(Evidence).where(Evidence.assessment_id == assessment.id).order_by(Evidence.created_at)
        )
    )


def get_evidence(session: Session, actor: Principal, evidence_id: int) -> Evidence:
    evidence = session.get(Evidence, evidence_id)
    if evidence is None:
        raise NotFound("evidence_not_found", id=evidence_id)
    get_assessment(session, actor, evidence.assessment_id)  # raises when out of scope
    return evidence


# ── unit history ─────────────────────────────────────────────────────────────


def unit_history(session: Session, unit: Unit) -> list[Assessment]:
    """Approved assessments of a unit, oldest campaign first."""
    return list(
        session.scalars(
            select(Assessment)
            .where(Assessment.unit_id == unit.id, Assessment.status == "approved")
            .order_by(Assessment.approved_at)
        )
    )


# ── bulk import ──────────────────────────────────────────────────────────────


def import_answers(
    session: Session,
    *,
    actor: Principal,
    assessment: Assessment,
    raw: dict[str, Any],
) -> int:
    """Load a whole answer sheet (e.g. an XLSX filled offline) into one assessment at once.

    Every value is checked first with the engine's parser; nothing is written if one is wrong.
    Returns the number of answers written. One audit entry records the whole sheet.
    """
    from dxshift.assessment import check_answers

    if not actor.can("answer", assessment.unit):
        raise Forbidden("not_allowed")
    if assessment.status not in EDITABLE:
        raise Invalid("assessment_locked", status=assessment.status)
    checked = check_answers(framework_of(assessment), raw)
    existing = {a.indicator_id: a for a in assessment.answers}
    now = utcnow()
    fresh = []
    for indicator_id, answer in checked.items():
        value = canonical(answer.value)
        current = existing.get(indicator_id)
        if current is None:
            fresh.append(
                {
                    "assessment_id": assessment.id,
                    "indicator_id": indicator_id,
                    "value": value,
                    "version": 1,
                    "updated_by": actor.user_id,
                    "updated_at": now,
                }
            )
        elif current.value != value:
            current.value, current.version = value, current.version + 1
            current.updated_by, current.updated_at = actor.user_id, now
    if fresh:
        session.execute(insert(Answer), fresh)  # one multi-row INSERT instead of one per answer
    if assessment.status == "not_started" and checked:
        assessment.status = "draft"
    record(
        session,
        user_id=actor.user_id,
        action="import_answers",
        entity="assessment",
        entity_id=assessment.id,
        after={k: canonical(v.value) for k, v in checked.items()},
    )
    session.flush()
    session.expire(assessment, ["answers"])
    return len(checked)
