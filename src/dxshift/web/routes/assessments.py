"""The assessment form: autosaved answers, evidence, and the review workflow."""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.responses import Response

from dxshift.i18n import t
from dxshift.reports.wording import allowed_text, expected_text
from dxshift.services import assessments as service
from dxshift.services.errors import Conflict, Invalid
from dxshift.web.deps import CurrentUser, SessionDep, SettingsDep, csrf_protect, lang_of, render

router = APIRouter(include_in_schema=False)


def _date(value: str) -> dt.date | None:
    """An effective date from a form: empty means none; anything else must be a real date."""
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError as exc:
        raise Invalid("bad_date", value=value[:20]) from exc


@router.get("/assessments/{assessment_id}")
def assessment_page(request: Request, assessment_id: int, db: SessionDep, user: CurrentUser) -> Response:
    assessment = service.get_assessment(db, user, assessment_id)
    framework = service.framework_of(assessment)
    answers = {a.indicator_id: a for a in assessment.answers}
    evidence: dict[str, list] = {}
    for item in service.evidence_of(db, assessment):
        evidence.setdefault(item.indicator_id, []).append(item)
    comments: dict[str | None, list] = {}
    for c in service.comments_of(db, assessment):
        comments.setdefault(c.indicator_id, []).append(c)
    lang = lang_of(request)
    return render(
        request,
        "assessment.html",
        user=user,
        a=assessment,
        fw=framework,
        answers=answers,
        evidence=evidence,
        comments=comments,
        result=service.current_result(assessment),
        can_edit=user.can("answer", assessment.unit) and assessment.status in service.EDITABLE,
        can_review=user.can("review", assessment.unit) and assessment.status == "submitted",
        allowed=lambda ind: allowed_text(ind, lang),
        comments_in_shift=lambda n: any(k and framework.indicator(k).shift == n for k in comments),
    )


def _status(
    request: Request, text: str, css: str = "ok", status_code: int = 200, oob: str = ""
) -> HTMLResponse:
    return HTMLResponse(
        f'<span class="{css}" role="status">{escape(text)}</span>{oob}', status_code=status_code
    )


def _version_field(indicator: str, version: int) -> str:
    """The hidden version input, swapped in out of band so the next autosave carries it."""
    field_id = escape(f"v-{indicator}")
    return f'<input type="hidden" id="{field_id}" name="version" value="{version}" hx-swap-oob="true">'


@router.post("/assessments/{assessment_id}/answer", dependencies=[Depends(csrf_protect)])
def save_answer(
    request: Request,
    assessment_id: int,
    db: SessionDep,
    user: CurrentUser,
    indicator: Annotated[str, Form()],
    version: Annotated[int, Form()],
    value: Annotated[str, Form()] = "",
) -> Response:
    """Autosave one answer (HTMX); replies with the status line and the new version number."""
    lang = lang_of(request)
    assessment = service.get_assessment(db, user, assessment_id, "answer")
    try:
        saved = service.save_answer(
            db, actor=user, assessment=assessment, indicator_id=indicator, raw=value, expected_version=version
        )
    except Conflict as exc:
        db.rollback()
        current = exc.params.get("value")
        oob = _version_field(indicator, int(exc.params["version"]))
        message = t("stale_answer", lang, value=current if current is not None else "—")
        return _status(request, message, "error", 409, oob)
    except Invalid as exc:
        db.rollback()
        if exc.code in {"out_of_range", "wrong_type"}:
            message = t(
                exc.code,
                lang,
                indicator=indicator,
                value=exc.params.get("value"),
                framework="",
                expected=expected_text(exc.params.get("expected", {}), lang),
            )
            return _status(request, message, "error", 422)
        raise
    at = saved.at.strftime("%H:%M:%S")
    oob = _version_field(indicator, saved.version)
    return _status(request, "✔ " + t("saved_at", lang, time=at), "ok", 200, oob)


@router.post("/assessments/{assessment_id}/evidence", dependencies=[Depends(csrf_protect)])
async def add_evidence(
    request: Request,
    assessment_id: int,
    db: SessionDep,
    user: CurrentUser,
    settings: SettingsDep,
    indicator: Annotated[str, Form()],
    kind: Annotated[str, Form()],
    text: Annotated[str, Form()] = "",
    effective_date: Annotated[str, Form()] = "",
    upload: Annotated[UploadFile | None, File()] = None,
) -> Response:
    assessment = service.get_assessment(db, user, assessment_id, "answer")
    when = _date(effective_date)
    if kind == "file":
        if upload is None:
            raise Invalid("upload_empty")
        data = await upload.read(settings.max_upload_bytes + 1)
        service.add_evidence_file(
            db,
            actor=user,
            assessment=assessment,
            indicator_id=indicator,
            filename=upload.filename or "file",
            data=data,
            effective_date=when,
            upload_dir=settings.upload_path,
            max_bytes=settings.max_upload_bytes,
        )
    else:
        service.add_evidence_link_or_note(
            db,
            actor=user,
            assessment=assessment,
            indicator_id=indicator,
            kind=kind,
            text=text,
            effective_date=when,
        )
    return RedirectResponse(f"/assessments/{assessment_id}#ind-{indicator}", status_code=303)


@router.get("/evidence/{evidence_id}")
def download_evidence(evidence_id: int, db: SessionDep, user: CurrentUser, settings: SettingsDep) -> Response:
    from urllib.parse import quote

    evidence = service.get_evidence(db, user, evidence_id)
    if evidence.kind != "file" or not evidence.stored_name:
        raise Invalid("bad_evidence_kind")
    data = (settings.upload_path / evidence.stored_name).read_bytes()
    name = quote(evidence.original_name or "evidence")
    return Response(
        data,
        media_type=evidence.content_type or "application/octet-stream",
        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{name}"},
    )


@router.post("/assessments/{assessment_id}/submit", dependencies=[Depends(csrf_protect)])
def submit(
    assessment_id: int, db: SessionDep, user: CurrentUser, version: Annotated[int, Form()]
) -> Response:
    assessment = service.get_assessment(db, user, assessment_id, "submit")
    service.submit(db, actor=user, assessment=assessment, expected_version=version)
    return RedirectResponse(f"/assessments/{assessment_id}", status_code=303)


@router.post("/assessments/{assessment_id}/return", dependencies=[Depends(csrf_protect)])
async def return_for_changes(
    request: Request, assessment_id: int, db: SessionDep, user: CurrentUser
) -> Response:
    form = await request.form()
    assessment = service.get_assessment(db, user, assessment_id, "review")
    comments = {str(k)[8:]: str(v) for k, v in form.items() if str(k).startswith("comment-")}
    try:
        version = int(str(form.get("version", "0")) or 0)
    except ValueError as exc:
        raise Invalid("stale_assessment", version=0) from exc
    service.return_for_changes(
        db,
        actor=user,
        assessment=assessment,
        comments=comments,
        general=str(form.get("general", "")),
        expected_version=version,
    )
    return RedirectResponse(f"/assessments/{assessment_id}", status_code=303)


@router.post("/assessments/{assessment_id}/approve", dependencies=[Depends(csrf_protect)])
def approve(
    assessment_id: int, db: SessionDep, user: CurrentUser, version: Annotated[int, Form()]
) -> Response:
    assessment = service.get_assessment(db, user, assessment_id, "review")
    service.approve(db, actor=user, assessment=assessment, expected_version=version)
    return RedirectResponse(f"/units/{assessment.unit_id}", status_code=303)
