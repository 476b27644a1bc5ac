"""The JSON REST API under /api/v1, documented at /api/openapi.json (browse it at /api/docs).

Every request carries a personal token (`Authorization: Bearer dxs_…`, made at /account/tokens)
and acts with its owner's rights, scoped as on the pages: 404 outside the owner's subtree, 403
when visible but not allowed. The browser's session cookie never authenticates here, so the
API needs no CSRF token and opens no CSRF hole. Errors are JSON: `{"detail": "…", "code": "…"}`,
in Vietnamese unless the request asks for English with `Accept-Language: en`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Coroutine, Sequence
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Security
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from starlette.responses import Response

from dxshift.i18n import Lang, t
from dxshift.reports.value_report import report_dict
from dxshift.reports.wording import expected_text
from dxshift.services import assessments as assessment_service
from dxshift.services import campaigns as campaign_service
from dxshift.services import tokens as token_service
from dxshift.services import units as unit_service
from dxshift.services import value_models
from dxshift.services.errors import NotFound, ServiceError
from dxshift.services.scope import Principal
from dxshift.storage.models import Assessment, Initiative, Unit
from dxshift.web.deps import SessionDep
from dxshift.web.value_results import report_of

# ── language and errors ──────────────────────────────────────────────────────


def api_lang(request: Request) -> Lang:
    """Vietnamese unless Accept-Language names English before Vietnamese."""
    for part in request.headers.get("accept-language", "").split(","):
        tag = part.split(";")[0].strip().lower()
        if tag.startswith("en"):
            return "en"
        if tag.startswith("vi"):
            return "vi"
    return "vi"


class CurrentAnswerOut(BaseModel):
    value: str | None
    version: int


class FieldProblemOut(BaseModel):
    field: str
    type: str
    message: str


class ErrorOut(BaseModel):
    """Every error: a readable sentence, a stable code, and details for some codes."""

    detail: str = Field(description="a readable message (Vietnamese, or English with Accept-Language: en)")
    code: str | None = Field(None, description="a stable machine-readable code, e.g. stale_answer")
    current: CurrentAnswerOut | None = Field(None, description="with stale_answer: the answer saved now")
    errors: list[FieldProblemOut] | None = Field(None, description="with invalid_request: each problem")


def _json_error(status: int, body: ErrorOut, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(body.model_dump(exclude_none=True), status_code=status, headers=headers)


def error_response(request: Request, exc: ServiceError) -> Response:
    """A service error as JSON; app.py sends every ServiceError under /api/ here."""
    lang = api_lang(request)
    params: dict[str, Any] = {k: ("" if isinstance(v, dict) else v) for k, v in exc.params.items()}
    if exc.code in {"out_of_range", "wrong_type"}:
        params["expected"] = expected_text(exc.params.get("expected", {}), lang)
        params["framework"] = ""
    if exc.code == "stale_answer" and params.get("value") is None:
        params["value"] = "—"
    if params.get("status") in campaign_service.STATUSES:
        params["status"] = t(f"status_{params['status']}", lang)
    try:
        message = t(exc.code, lang, **params)
    except KeyError:
        message = t("not_allowed", lang) if exc.status == 403 else exc.code
    current = None
    if exc.code == "stale_answer":
        current = CurrentAnswerOut(value=exc.params.get("value"), version=int(exc.params.get("version", 0)))
    return _json_error(exc.status, ErrorOut(detail=message, code=exc.code, current=current))


_PROBLEM_KEYS = {
    "missing": "api_err_missing",
    "int_type": "api_err_int",
    "int_parsing": "api_err_int",
    "int_from_float": "api_err_int",
    "string_type": "api_err_string",
    "literal_error": "api_err_choice",
    "greater_than_equal": "api_err_ge",
    "less_than_equal": "api_err_le",
    "string_too_long": "api_err_too_long",
    "dict_type": "api_err_object",
    "model_type": "api_err_object",
    "model_attributes_type": "api_err_object",
    "extra_forbidden": "api_err_unknown_field",
    "answer_value_type": "api_err_answer_value",
}


def _problem(error: dict[str, Any], lang: Lang) -> FieldProblemOut:
    """One validation error of FastAPI/Pydantic as a short sentence in the user's language."""
    kind, loc, ctx = str(error.get("type", "")), tuple(error.get("loc", ())), error.get("ctx") or {}
    if kind == "json_invalid":
        position = loc[-1] if len(loc) > 1 else "?"
        reason = str(ctx.get("error", "")) or "JSON"
        return FieldProblemOut(
            field=t("api_field_body", lang),
            type=kind,
            message=t("api_err_json", lang, reason=reason, position=position),
        )
    parts = [str(p) for p in (loc[1:] if loc and loc[0] in {"body", "query", "path", "header"} else loc)]
    field = ".".join(parts) or t("api_field_body", lang)
    key = "api_err_date" if kind.startswith("date") else _PROBLEM_KEYS.get(kind, "api_err_other")
    limit = ctx.get("ge", ctx.get("le", ctx.get("max_length", "")))
    message = t(
        key,
        lang,
        field=field,
        expected=ctx.get("expected", ""),
        limit=limit,
        reason=error.get("msg", kind),
    )
    return FieldProblemOut(field=field, type=kind, message=message)


def validation_response(request: Request, exc: RequestValidationError) -> JSONResponse:
    lang = api_lang(request)
    problems: list[FieldProblemOut] = []
    for error in exc.errors():
        problem = _problem(dict(error), lang)
        if problem.message not in {p.message for p in problems}:
            problems.append(problem)
    detail = t("api_invalid_request", lang, problems="; ".join(p.message for p in problems))
    return _json_error(422, ErrorOut(detail=detail, code="invalid_request", errors=problems))


class ApiRoute(APIRoute):
    """Turns FastAPI's request validation errors (bad JSON, wrong types) into readable JSON."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def route(request: Request) -> Response:
            try:
                return await handler(request)
            except RequestValidationError as exc:
                return validation_response(request, exc)

        return route


# ── authentication ───────────────────────────────────────────────────────────

bearer = HTTPBearer(
    auto_error=False,
    scheme_name="ApiToken",
    bearerFormat="dxs_…",
    description="A personal API token made at /account/tokens: `Authorization: Bearer dxs_…`.",
)


def api_user(
    request: Request,
    db: SessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)],
) -> Principal:
    """The token's owner; only the Authorization header counts, never the session cookie."""
    lang = api_lang(request)
    if credentials is None:
        raise HTTPException(401, t("api_token_missing", lang), headers={"WWW-Authenticate": "Bearer"})
    principal = token_service.principal_for_token(db, credentials.credentials)
    if principal is None:
        raise HTTPException(
            401, t("api_token_invalid", lang), headers={"WWW-Authenticate": 'Bearer error="invalid_token"'}
        )
    db.commit()  # keep last_used_at even when the request itself fails
    return principal


ApiUser = Annotated[Principal, Depends(api_user)]

_READ_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorOut, "description": "No token, an unknown token or a revoked one"},
    404: {"model": ErrorOut, "description": "Missing, or outside the token owner's scope"},
    422: {"model": ErrorOut, "description": "A parameter of the wrong type or out of range"},
}
_WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    **_READ_ERRORS,
    403: {"model": ErrorOut, "description": "Visible to the token's owner, but not theirs to change"},
    422: {"model": ErrorOut, "description": "Bad JSON, a wrong type, or a value the indicator refuses"},
}

router = APIRouter(prefix="/api/v1", tags=["api"], route_class=ApiRoute, responses=_READ_ERRORS)

Limit = Annotated[int, Query(ge=1, le=500, description="how many items at most")]
Offset = Annotated[int, Query(ge=0, description="how many items to skip")]


# ── response models ──────────────────────────────────────────────────────────


class UnitRef(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    code: str
    name: str


class UnitOut(UnitRef):
    kind: str
    parent_id: int | None
    depth: int
    created_at: dt.datetime


class UnitPage(BaseModel):
    items: list[UnitOut]
    total: int
    limit: int
    offset: int


class CampaignOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    name: str
    framework_id: str
    framework_version: str
    scope_unit: UnitRef
    deadline: dt.date | None
    created_at: dt.datetime


class CampaignPage(BaseModel):
    items: list[CampaignOut]
    total: int
    limit: int
    offset: int


class ProgressOut(BaseModel):
    counts: dict[str, int] = Field(description="assessments per status, over the units the owner can see")
    total: int
    overdue: bool
    waiting_total: int = Field(description="assessments still not_started, draft or returned")


class CampaignDetail(CampaignOut):
    progress: ProgressOut


class AssessmentOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    campaign_id: int
    unit: UnitRef
    status: Literal["not_started", "draft", "submitted", "returned", "approved"]
    version: int
    index: float | None = Field(description="stored DX index 0–100, set on submission")
    coverage: float | None = Field(description="stored share of indicators answered, 0–1")
    level: str | None = Field(description="stored level id")
    updated_at: dt.datetime
    submitted_at: dt.datetime | None
    approved_at: dt.datetime | None


class AssessmentPage(BaseModel):
    items: list[AssessmentOut]
    total: int
    limit: int
    offset: int


class AnswerOut(BaseModel):
    indicator_id: str
    value: str | None = Field(description='canonical text: "3", "45.5", "yes"; null when cleared')
    version: int = Field(description="send it back with the next change of this answer")
    updated_at: dt.datetime


class AssessmentDetail(AssessmentOut):
    framework_id: str
    framework_version: str
    answers: list[AnswerOut]


class LevelOut(BaseModel):
    id: str
    rank: int
    name: dict[str, str]


class ShiftScoreOut(BaseModel):
    number: int
    name: dict[str, str]
    score: float | None
    potential: float | None
    coverage: float | None
    answered: int
    total: int


class ScoresOut(BaseModel):
    assessment_id: int
    source: Literal["stored", "live"] = Field(
        description="stored: the result kept at submission; live: computed now from the current answers"
    )
    index: float | None
    index_potential: float | None
    coverage: float | None
    level: LevelOut
    shifts: list[ShiftScoreOut]


class AppraisalOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    unit: UnitRef
    title: str
    kind: str
    budget: int | None = Field(description="VND")
    period_start: int | None
    period_end: int | None
    proposed_verdict: str | None
    verdict: str | None
    created_at: dt.datetime


class ValueModelOut(BaseModel):
    version: int
    updated_at: dt.datetime
    model: dict[str, Any] = Field(description="The value model as in its YAML file")
    results: dict[str, Any] = Field(
        description="Every number of the analysis (VND): options, rent or invest, sharing, simulation"
    )


class AppraisalPage(BaseModel):
    items: list[AppraisalOut]
    total: int
    limit: int
    offset: int


class EvidenceOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    assessment_id: int
    indicator_id: str
    kind: str
    title: str
    url: str | None
    note: str | None
    effective_date: dt.date | None
    created_at: dt.datetime


# ── request models ───────────────────────────────────────────────────────────


class AnswerIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    value: str | int | float | bool | None = Field(
        description='the answer: a number, "yes"/"no" or true/false; null or "" clears it'
    )
    version: Annotated[int, Field(ge=0, strict=True)] = Field(
        description="the answer's version you last read (0 when it did not exist)"
    )

    @field_validator("value", mode="before")
    @classmethod
    def _scalar(cls, value: Any) -> Any:
        if value is not None and not isinstance(value, str | int | float | bool):
            raise PydanticCustomError("answer_value_type", "must be a string, a number, true/false or null")
        return value


class EvidenceIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    indicator: Annotated[str, Field(min_length=1, max_length=64)]
    kind: Literal["link", "note"]
    text: Annotated[str, Field(max_length=10_000)]
    effective_date: dt.date | None = None

    @field_validator("effective_date", mode="before")
    @classmethod
    def _iso_date(cls, value: Any) -> Any:
        if value is not None and not isinstance(value, str):
            raise PydanticCustomError("date_type", "must be a date as YYYY-MM-DD")
        return value


# ── helpers ──────────────────────────────────────────────────────────────────


def _count(db: Session, query: Any) -> int:
    return db.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0


def _assessment_out(assessment: Assessment) -> dict[str, Any]:
    return {
        "id": assessment.id,
        "campaign_id": assessment.campaign_id,
        "unit": assessment.unit,
        "status": assessment.status,
        "version": assessment.version,
        "index": assessment.score_index,
        "coverage": assessment.score_coverage,
        "level": assessment.level,
        "updated_at": assessment.updated_at,
        "submitted_at": assessment.submitted_at,
        "approved_at": assessment.approved_at,
    }


def _page(items: Sequence[Any], total: int, limit: int, offset: int) -> dict[str, Any]:
    return {"items": list(items), "total": total, "limit": limit, "offset": offset}


# ── units ────────────────────────────────────────────────────────────────────


@router.get("/units", summary="Units the token's owner can see")
def list_units(
    db: SessionDep, user: ApiUser, limit: Limit = 50, offset: Offset = 0, parent_id: int | None = None
) -> UnitPage:
    query = select(Unit).where(user.unit_filter("view"))
    if parent_id is not None:
        query = query.where(Unit.parent_id == parent_id)
    rows = db.scalars(query.order_by(Unit.path, Unit.id).limit(limit).offset(offset)).all()
    return UnitPage.model_validate(_page(rows, _count(db, query), limit, offset), from_attributes=True)


@router.get("/units/{unit_id}", summary="One unit")
def read_unit(unit_id: int, db: SessionDep, user: ApiUser) -> UnitOut:
    return UnitOut.model_validate(unit_service.get_unit(db, user, unit_id))


# ── campaigns ────────────────────────────────────────────────────────────────


@router.get("/campaigns", summary="Campaigns that overlap the owner's scope, newest first")
def list_campaigns(db: SessionDep, user: ApiUser, limit: Limit = 50, offset: Offset = 0) -> CampaignPage:
    campaigns = campaign_service.visible_campaigns(db, user)
    items = campaigns[offset : offset + limit]
    return CampaignPage.model_validate(_page(items, len(campaigns), limit, offset), from_attributes=True)


@router.get("/campaigns/{campaign_id}", summary="One campaign with its status counts")
def read_campaign(campaign_id: int, db: SessionDep, user: ApiUser) -> CampaignDetail:
    campaign = campaign_service.get_campaign(db, user, campaign_id)
    progress = campaign_service.progress(db, actor=user, campaign=campaign, limit=0)
    out = CampaignOut.model_validate(campaign).model_dump()
    out["progress"] = {
        "counts": progress.counts,
        "total": progress.total,
        "overdue": progress.overdue,
        "waiting_total": progress.waiting_total,
    }
    return CampaignDetail.model_validate(out)


@router.get("/campaigns/{campaign_id}/assessments", summary="The campaign's assessments the owner can see")
def list_campaign_assessments(
    campaign_id: int, db: SessionDep, user: ApiUser, limit: Limit = 50, offset: Offset = 0
) -> AssessmentPage:
    campaign = campaign_service.get_campaign(db, user, campaign_id)
    query = (
        select(Assessment)
        .join(Unit, Unit.id == Assessment.unit_id)
        .where(Assessment.campaign_id == campaign.id, user.unit_filter("view"))
    )
    rows = db.scalars(query.order_by(Unit.path, Assessment.id).limit(limit).offset(offset)).all()
    items = [_assessment_out(a) for a in rows]
    return AssessmentPage.model_validate(_page(items, _count(db, query), limit, offset), from_attributes=True)


# ── assessments ──────────────────────────────────────────────────────────────


@router.get("/assessments/{assessment_id}", summary="One assessment with its answers")
def read_assessment(assessment_id: int, db: SessionDep, user: ApiUser) -> AssessmentDetail:
    assessment = assessment_service.get_assessment(db, user, assessment_id)
    answers = sorted(assessment.answers, key=lambda a: a.indicator_id)
    out = _assessment_out(assessment) | {
        "framework_id": assessment.campaign.framework_id,
        "framework_version": assessment.campaign.framework_version,
        "answers": [
            {
                "indicator_id": a.indicator_id,
                "value": a.value,
                "version": a.version,
                "updated_at": a.updated_at,
            }
            for a in answers
        ],
    }
    return AssessmentDetail.model_validate(out, from_attributes=True)


@router.get("/assessments/{assessment_id}/scores", summary="Index, level, coverage and shift scores")
def read_scores(assessment_id: int, db: SessionDep, user: ApiUser) -> ScoresOut:
    """The result stored at submission while submitted or approved; otherwise computed live."""
    assessment = assessment_service.get_assessment(db, user, assessment_id)
    framework = assessment_service.framework_of(assessment)
    levels = {lv.id: lv for lv in framework.levels}
    stored = assessment.result if assessment.status in {"submitted", "approved"} else None
    if stored:
        level = levels[stored["level"]["id"]]
        return ScoresOut(
            assessment_id=assessment.id,
            source="stored",
            index=stored.get("index"),
            index_potential=stored.get("index_potential"),
            coverage=stored.get("coverage"),
            level=LevelOut(id=level.id, rank=level.rank, name=level.name.model_dump()),
            shifts=[
                ShiftScoreOut(
                    number=s["number"],
                    name=s["name"],
                    score=s.get("score"),
                    potential=s.get("potential"),
                    coverage=s.get("coverage"),
                    answered=s.get("answered", 0),
                    total=s.get("total", 0),
                )
                for s in stored.get("shifts", [])
            ],
        )
    result = assessment_service.current_result(assessment)
    level = levels[result.level.id]
    return ScoresOut(
        assessment_id=assessment.id,
        source="live",
        index=round(result.index, 2),
        index_potential=round(result.index_potential, 2),
        coverage=round(result.coverage, 2),
        level=LevelOut(id=level.id, rank=level.rank, name=level.name.model_dump()),
        shifts=[
            ShiftScoreOut(
                number=s.number,
                name=framework.shift(s.number).name.model_dump(),
                score=round(s.score, 2),
                potential=round(s.potential, 2),
                coverage=round(s.coverage, 2),
                answered=s.answered,
                total=s.total,
            )
            for s in result.shifts
        ],
    )


def _raw(value: str | int | float | bool | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


@router.put(
    "/assessments/{assessment_id}/answers/{indicator_id}",
    summary="Save one answer",
    responses={**_WRITE_ERRORS, 409: {"model": ErrorOut, "description": "Someone saved this answer first"}},
)
def save_answer(
    assessment_id: int, indicator_id: str, body: AnswerIn, db: SessionDep, user: ApiUser
) -> AnswerOut:
    """`version` is the answer's version you last read (0 for a new answer); a stale one gets 409
    with the answer saved now under `current`."""
    assessment = assessment_service.get_assessment(db, user, assessment_id, "answer")
    saved = assessment_service.save_answer(
        db,
        actor=user,
        assessment=assessment,
        indicator_id=indicator_id,
        raw=_raw(body.value),
        expected_version=body.version,
    )
    return AnswerOut(
        indicator_id=saved.indicator_id, value=saved.value, version=saved.version, updated_at=saved.at
    )


@router.post(
    "/assessments/{assessment_id}/evidence",
    summary="Add a link or a note as evidence",
    status_code=201,
    responses=_WRITE_ERRORS,
)
def add_evidence(assessment_id: int, body: EvidenceIn, db: SessionDep, user: ApiUser) -> EvidenceOut:
    assessment = assessment_service.get_assessment(db, user, assessment_id, "answer")
    evidence = assessment_service.add_evidence_link_or_note(
        db,
        actor=user,
        assessment=assessment,
        indicator_id=body.indicator,
        kind=body.kind,
        text=body.text,
        effective_date=body.effective_date,
    )
    return EvidenceOut.model_validate(evidence)


# ── appraisals (read-only here) ──────────────────────────────────────────────


@router.get("/appraisals", summary="Initiatives put up for appraisal in the owner's units, newest first")
def list_appraisals(db: SessionDep, user: ApiUser, limit: Limit = 50, offset: Offset = 0) -> AppraisalPage:
    query = select(Initiative).join(Unit, Unit.id == Initiative.unit_id).where(user.unit_filter("view"))
    rows = db.scalars(
        query.order_by(Initiative.created_at.desc(), Initiative.id.desc()).limit(limit).offset(offset)
    ).all()
    return AppraisalPage.model_validate(_page(rows, _count(db, query), limit, offset), from_attributes=True)


@router.get("/appraisals/{appraisal_id}", summary="One initiative and its verdicts")
def read_appraisal(appraisal_id: int, db: SessionDep, user: ApiUser) -> AppraisalOut:
    initiative = db.get(Initiative, appraisal_id)
    if initiative is None or not user.can("view", initiative.unit):
        raise NotFound("api_appraisal_not_found", id=appraisal_id)
    return AppraisalOut.model_validate(initiative)


@router.get(
    "/appraisals/{appraisal_id}/value", summary="The initiative's value and cost model with its results"
)
def read_value_model(appraisal_id: int, db: SessionDep, user: ApiUser) -> ValueModelOut:
    initiative = db.get(Initiative, appraisal_id)
    if initiative is None or not user.can("view", initiative.unit):
        raise NotFound("api_appraisal_not_found", id=appraisal_id)
    row = value_models.value_model_of(db, initiative)
    if row is None:
        raise NotFound("api_value_model_not_found", id=appraisal_id)
    results = report_dict(report_of(value_models.stored_model(row), "vi"))
    del results["model"]
    return ValueModelOut(version=row.version, updated_at=row.updated_at, model=row.data, results=results)
