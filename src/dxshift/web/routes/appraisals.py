"""Project appraisal pages: register, upload, watch the analysis, review findings, decide."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse
from sqlalchemy import select
from starlette.datastructures import FormData, UploadFile
from starlette.responses import Response

import dxshift.labels  # noqa: F401  (registers the messages)
from dxshift.analysis.profile import STANCES
from dxshift.framework import load_framework
from dxshift.i18n import Lang, vi_sort_key
from dxshift.services import appraisals as service
from dxshift.services import units as unit_service
from dxshift.services import value_models
from dxshift.services.errors import Invalid, NotFound
from dxshift.storage.models import Initiative, InitiativeDocument, Unit
from dxshift.web.deps import CurrentUser, SessionDep, SettingsDep, csrf_protect, lang_of, render
from dxshift.web.value_results import results_html

router = APIRouter(prefix="/appraisals", include_in_schema=False)


def _int(value: str | None, code: str) -> int | None:
    """A whole number typed the Vietnamese way (3.200.000.000) or plainly; empty means none."""
    try:
        return int(str(value).replace(".", "").replace(" ", "")) if value not in (None, "") else None
    except ValueError as exc:
        raise Invalid(code) from exc


def _units_for(db: SessionDep, user: CurrentUser) -> list[Unit]:
    units = db.scalars(select(Unit).where(user.unit_filter("register_initiative")).order_by(Unit.path)).all()
    return sorted(units, key=lambda u: (u.depth, vi_sort_key(u.name)))[:500]


async def _save_uploads(
    db: SessionDep, user: CurrentUser, settings: SettingsDep, initiative: Initiative, form: FormData
) -> list[InitiativeDocument]:
    """Store every uploaded document of a form; the analysis jobs start after the commit."""
    documents = []
    limit = settings.max_upload_bytes * 5  # proposals run longer than evidence files
    for upload in form.getlist("documents"):
        if isinstance(upload, UploadFile) and upload.filename:
            data = await upload.read(limit + 1)
            documents.append(
                service.add_document(
                    db,
                    actor=user,
                    initiative=initiative,
                    filename=upload.filename,
                    data=data,
                    kind=str(form.get("document_kind", "proposal")),
                    upload_dir=settings.documents_path,
                    max_bytes=limit,
                )
            )
    return documents


def _filter_units(db: SessionDep, user: CurrentUser) -> list[Unit]:
    """The units offered in the list's filter: the top of the user's scope and one level below."""
    units = db.scalars(select(Unit).where(user.unit_filter("view")).order_by(Unit.path)).all()
    if not units:
        return []
    top = min(u.depth for u in units)
    return [u for u in units if u.depth <= top + 1][:300]


def _submit_jobs(request: Request, documents: list[InitiativeDocument]) -> None:
    for document in documents:
        request.app.state.jobs.submit(document.id)


@router.get("")
def appraisal_list(
    request: Request,
    db: SessionDep,
    user: CurrentUser,
    unit: int | None = None,
    verdict: str = "",
    shift: int | None = None,
    stance: str = "",
    year: Annotated[int | None, Query(ge=1990, le=2100)] = None,
) -> Response:
    root = unit_service.get_unit(db, user, unit) if unit else None
    items = service.list_initiatives(
        db, actor=user, unit=root, verdict=verdict or None, shift=shift, stance=stance or None, year=year
    )
    return render(
        request,
        "appraisals.html",
        user=user,
        items=items,
        fw=load_framework(),
        filters={"unit": unit, "verdict": verdict, "shift": shift, "stance": stance, "year": year},
        units=_filter_units(db, user),
        can_register=user.can_anywhere("register_initiative"),
    )


@router.get("/new")
def appraisal_form(request: Request, db: SessionDep, user: CurrentUser) -> Response:
    return render(request, "appraisal_new.html", user=user, units=_units_for(db, user), kinds=service.KINDS)


@router.post("/new", dependencies=[Depends(csrf_protect)])
async def appraisal_create(
    request: Request, db: SessionDep, user: CurrentUser, settings: SettingsDep
) -> Response:
    form = await request.form()
    unit = unit_service.get_unit(
        db, user, _int(str(form.get("unit_id") or 0), "unit_not_found") or 0, "register_initiative"
    )
    initiative = service.create_initiative(
        db,
        actor=user,
        unit=unit,
        title=str(form.get("title", "")),
        kind=str(form.get("kind", "")),
        budget=_int(str(form.get("budget", "")), "initiative_bad_budget"),
        period_start=_int(str(form.get("period_start", "")), "initiative_bad_period"),
        period_end=_int(str(form.get("period_end", "")), "initiative_bad_period"),
    )
    documents = await _save_uploads(db, user, settings, initiative, form)
    db.commit()
    _submit_jobs(request, documents)
    return RedirectResponse(f"/appraisals/{initiative.id}", status_code=303)


def _page_context(db: SessionDep, user: CurrentUser, initiative_id: int, lang: Lang) -> dict:
    initiative = service.get_initiative(db, user, initiative_id)
    framework = load_framework()
    findings = service.findings_of(db, initiative)
    proposal = service.propose_verdict(findings)
    value_row = value_models.value_model_of(db, initiative)
    return {
        "user": user,
        "item": initiative,
        "value_row": value_row,
        "value_results": results_html(value_models.stored_model(value_row), lang) if value_row else None,
        "can_edit_value": value_models.may_edit(user, initiative),
        "fw": framework,
        "findings": findings,
        "documents": service.documents_of(db, initiative),
        "proposal_text": service.proposal_text(proposal, framework, lang),
        "can_appraise": user.can("appraise", initiative.unit),
        "can_upload": service.may_upload(user, initiative),
        "stances": STANCES,
        "verdicts": service.VERDICTS,
    }


@router.get("/{initiative_id}")
def appraisal_page(request: Request, initiative_id: int, db: SessionDep, user: CurrentUser) -> Response:
    return render(request, "appraisal.html", **_page_context(db, user, initiative_id, lang_of(request)))


@router.get("/{initiative_id}/jobs")
def job_status(request: Request, initiative_id: int, db: SessionDep, user: CurrentUser) -> Response:
    """HTMX poll: the documents' job lines; asks the page to reload once every job has ended."""
    initiative = service.get_initiative(db, user, initiative_id)
    documents = service.documents_of(db, initiative)
    pending = any(d.job_status in {"queued", "running"} for d in documents)
    response = render(
        request,
        "_jobs.html",
        item=initiative,
        documents=documents,
        pending=pending,
        can_upload=service.may_upload(user, initiative),
    )
    if not pending and request.query_params.get("was_pending"):
        response.headers["HX-Refresh"] = "true"
    return response


@router.post("/{initiative_id}/documents", dependencies=[Depends(csrf_protect)])
async def upload_documents(
    request: Request, initiative_id: int, db: SessionDep, user: CurrentUser, settings: SettingsDep
) -> Response:
    initiative = service.get_initiative(db, user, initiative_id)
    form = await request.form()
    documents = await _save_uploads(db, user, settings, initiative, form)
    db.commit()
    _submit_jobs(request, documents)
    return RedirectResponse(f"/appraisals/{initiative_id}", status_code=303)


@router.post("/{initiative_id}/documents/{document_id}/retry", dependencies=[Depends(csrf_protect)])
def retry(
    request: Request, initiative_id: int, document_id: int, db: SessionDep, user: CurrentUser
) -> Response:
    initiative = service.get_initiative(db, user, initiative_id)
    document = db.get(InitiativeDocument, document_id)
    if document is None or document.initiative_id != initiative.id:
        raise NotFound("initiative_not_found", id=initiative_id)
    service.retry_document(db, actor=user, document=document)
    db.commit()
    _submit_jobs(request, [document])
    return RedirectResponse(f"/appraisals/{initiative_id}", status_code=303)


@router.post("/{initiative_id}/findings/{shift}", dependencies=[Depends(csrf_protect)])
def review(
    initiative_id: int,
    shift: int,
    db: SessionDep,
    user: CurrentUser,
    stance: Annotated[str, Form()],
    note: Annotated[str, Form()] = "",
) -> Response:
    initiative = service.get_initiative(db, user, initiative_id)
    service.review_finding(db, actor=user, initiative=initiative, shift=shift, stance=stance, note=note)
    return RedirectResponse(f"/appraisals/{initiative_id}#shift-{shift}", status_code=303)


@router.post("/{initiative_id}/verdict", dependencies=[Depends(csrf_protect)])
def verdict(
    initiative_id: int,
    db: SessionDep,
    user: CurrentUser,
    verdict: Annotated[str, Form()],
    note: Annotated[str, Form()] = "",
) -> Response:
    initiative = service.get_initiative(db, user, initiative_id)
    service.decide(db, actor=user, initiative=initiative, verdict=verdict, note=note)
    return RedirectResponse(f"/appraisals/{initiative_id}", status_code=303)
