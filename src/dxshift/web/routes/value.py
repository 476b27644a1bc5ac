"""An initiative's value model: the form, YAML in and out, and the PDF report."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse
from starlette.datastructures import UploadFile
from starlette.responses import Response

import dxshift.labels  # noqa: F401  (registers the messages)
from dxshift.economics import ModelInvalid, ValueModel, parse_model, validate_model
from dxshift.economics.loader import Problem, dump_model
from dxshift.i18n import t
from dxshift.reports.value_report import render_report
from dxshift.services import appraisals
from dxshift.services import value_models as service
from dxshift.services.errors import Conflict, Forbidden, NotFound
from dxshift.storage.models import Initiative
from dxshift.web import value_form
from dxshift.web.deps import CurrentUser, SessionDep, SettingsDep, csrf_protect, lang_of, render
from dxshift.web.value_results import report_of, results_html

router = APIRouter(prefix="/appraisals", include_in_schema=False)


def _editable(db: SessionDep, user: CurrentUser, initiative_id: int) -> Initiative:
    initiative = appraisals.get_initiative(db, user, initiative_id)
    if not service.may_edit(user, initiative):
        raise Forbidden("not_allowed")
    return initiative


def _form_page(
    request: Request,
    initiative: Initiative,
    data: dict[str, Any],
    version: int,
    problems: list[Problem] | None = None,
    message: str = "",
    status_code: int = 200,
) -> Response:
    lang = lang_of(request)
    problems = problems or []
    nodes = value_form.build(data, value_form.error_paths(problems, lang), lang)
    labels = value_form.labels_by_path(nodes)
    listed = []
    for p in problems:
        anchor = value_form.dotted(p.field)
        listed.append((anchor if anchor in labels else "", labels.get(anchor, p.field), p.describe(lang)))
    return render(
        request,
        "value_form.html",
        status_code=status_code,
        item=initiative,
        nodes_list=nodes,
        version=version,
        problems=listed,
        message=message,
    )


@router.get("/{initiative_id}/value")
def edit(
    request: Request, initiative_id: int, db: SessionDep, user: CurrentUser, start: str = ""
) -> Response:
    initiative = _editable(db, user, initiative_id)
    row = service.value_model_of(db, initiative)
    stored = row.data if row else service.starter(initiative)
    data = service.example() if start == "example" else stored
    return _form_page(request, initiative, data, row.version if row else 0)


def _save(
    db: SessionDep, user: CurrentUser, initiative: Initiative, model: ValueModel, version: int
) -> Response | None:
    """Store the model; on a stale version, None (the caller shows the form again with the typed data)."""
    try:
        service.save(db, actor=user, initiative=initiative, model=model, version=version)
    except Conflict:
        db.rollback()
        return None
    db.commit()
    results_html(model, "vi")  # the analysis runs now, so the project page opens at once
    return RedirectResponse(f"/appraisals/{initiative.id}#value", status_code=303)


@router.post("/{initiative_id}/value", dependencies=[Depends(csrf_protect)])
async def save(request: Request, initiative_id: int, db: SessionDep, user: CurrentUser) -> Response:
    initiative = _editable(db, user, initiative_id)
    lang = lang_of(request)
    form = await request.form()
    fields = [(k, v) for k, v in form.multi_items() if isinstance(v, str)]
    raw_version = str(form.get("_version", "0"))
    version = int(raw_version) if raw_version.isdecimal() and len(raw_version) < 10 else 0
    data = value_form.parse(fields, lang)
    try:
        model = validate_model(data, source=t("value_model", lang))
    except ModelInvalid as exc:
        return _form_page(request, initiative, data, version, exc.problems, status_code=422)
    done = _save(db, user, initiative, model, version)
    if done is None:
        return _form_page(request, initiative, data, version, message=t("value_stale", lang), status_code=409)
    return done


@router.post("/{initiative_id}/value/yaml", dependencies=[Depends(csrf_protect)])
async def upload_yaml(
    request: Request, initiative_id: int, db: SessionDep, user: CurrentUser, settings: SettingsDep
) -> Response:
    initiative = _editable(db, user, initiative_id)
    lang = lang_of(request)
    row = service.value_model_of(db, initiative)
    version = row.version if row else 0
    current = row.data if row else service.starter(initiative)
    upload = (await request.form()).get("file")
    limit = min(settings.max_upload_bytes, 1_000_000)
    raw = await upload.read(limit + 1) if isinstance(upload, UploadFile) else b""
    if len(raw) > limit:
        message = t("value_yaml_too_big", lang, limit=limit // 1000)
        return _form_page(request, initiative, current, version, message=message, status_code=413)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return _form_page(
            request, initiative, current, version, message=t("value_yaml_not_text", lang), status_code=422
        )
    name = upload.filename if isinstance(upload, UploadFile) and upload.filename else "model.yaml"
    try:
        model = parse_model(text, name)
    except ModelInvalid as exc:
        shown = [
            Problem(f"{name}:{p.line}: {p.field}" if p.line else p.field, None, p.code, p.params, p.detail)
            for p in exc.problems
        ]
        return _form_page(request, initiative, current, version, shown, status_code=422)
    done = _save(db, user, initiative, model, version)
    return done or _form_page(
        request, initiative, current, version, message=t("value_stale", lang), status_code=409
    )


def _stored(db: SessionDep, user: CurrentUser, initiative_id: int) -> tuple[Initiative, ValueModel]:
    initiative = appraisals.get_initiative(db, user, initiative_id)
    row = service.value_model_of(db, initiative)
    if row is None:
        raise NotFound("initiative_not_found", id=initiative_id)
    return initiative, service.stored_model(row)


@router.get("/{initiative_id}/value.yaml")
def download_yaml(initiative_id: int, db: SessionDep, user: CurrentUser) -> Response:
    _, model = _stored(db, user, initiative_id)
    headers = {"Content-Disposition": f'attachment; filename="gia-tri-du-an-{initiative_id}.yaml"'}
    return Response(dump_model(model), media_type="application/yaml; charset=utf-8", headers=headers)


@router.get("/{initiative_id}/value.pdf")
def download_pdf(request: Request, initiative_id: int, db: SessionDep, user: CurrentUser) -> Response:
    _, model = _stored(db, user, initiative_id)
    pdf = render_report(report_of(model, lang_of(request)), "pdf")
    headers = {"Content-Disposition": f'attachment; filename="gia-tri-du-an-{initiative_id}.pdf"'}
    return Response(pdf, media_type="application/pdf", headers=headers)
