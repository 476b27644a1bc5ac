"""Administration: the audit log and the unit tree import/export."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse
from sqlalchemy import select
from starlette.responses import Response

from dxshift.services import accounts
from dxshift.services import units as unit_service
from dxshift.services.errors import Forbidden, Invalid, NotFound
from dxshift.services.scope import ROLES
from dxshift.storage.models import AuditEntry, Unit, User
from dxshift.web.deps import CurrentUser, SessionDep, csrf_protect, render

router = APIRouter(prefix="/admin", include_in_schema=False)


def _require(user: CurrentUser, action: str) -> None:
    if not user.can_anywhere(action):
        raise Forbidden("not_allowed")


@router.get("/audit")
def audit_log(request: Request, db: SessionDep, user: CurrentUser, page: int = 1) -> Response:
    _require(user, "view_audit")
    per_page = 100
    entries = db.execute(
        select(AuditEntry, User.username)
        .outerjoin(User, User.id == AuditEntry.user_id)
        .order_by(AuditEntry.id.desc())
        .offset((max(page, 1) - 1) * per_page)
        .limit(per_page)
    ).all()
    return render(request, "audit.html", user=user, entries=entries, page=page)


@router.get("/units")
def units_page(request: Request, user: CurrentUser) -> Response:
    _require(user, "manage_units")
    return render(request, "units_admin.html", user=user, report=None, error=None)


@router.post("/units", dependencies=[Depends(csrf_protect)])
async def units_import(
    request: Request,
    db: SessionDep,
    user: CurrentUser,
    upload: Annotated[UploadFile, File()],
    mode: Annotated[str, Form()] = "dry",
) -> Response:
    _require(user, "manage_units")
    data = await upload.read(20 * 1024 * 1024 + 1)
    try:
        if len(data) > 20 * 1024 * 1024:
            raise Invalid("upload_too_large", max_mb=20)
        rows = unit_service.read_rows(data, upload.filename or "")
        report = unit_service.import_units(db, rows=rows, dry_run=mode != "apply", actor_id=user.user_id)
    except Invalid as exc:
        return render(request, "units_admin.html", status_code=422, user=user, report=None, error=exc)
    return render(
        request,
        "units_admin.html",
        user=user,
        report=report,
        error=None,
        status_code=422 if report.errors else 200,
    )


@router.get("/units/export.{fmt}")
def units_export(db: SessionDep, user: CurrentUser, fmt: str) -> Response:
    _require(user, "manage_units")
    import tempfile
    from pathlib import Path

    if fmt not in {"csv", "xlsx"}:
        raise Invalid("units_file_format")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"units.{fmt}"
        unit_service.write_export(unit_service.export_rows(db), path)
        data = path.read_bytes()
    media = (
        "text/csv" if fmt == "csv" else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    return Response(
        data, media_type=media, headers={"Content-Disposition": f'attachment; filename="units.{fmt}"'}
    )


@router.get("/users")
def people_page(request: Request, db: SessionDep, user: CurrentUser) -> Response:
    _require(user, "manage_users")
    units = db.scalars(select(Unit).where(user.unit_filter("manage_users")).order_by(Unit.path)).all()
    top = min((u.depth for u in units), default=0)
    return render(
        request,
        "users.html",
        user=user,
        people=accounts.people_in_scope(db, user),
        roles=ROLES,
        units=[u for u in units if u.depth <= top + 2][:500],
        error=None,
    )


@router.post("/users", dependencies=[Depends(csrf_protect)])
def people_create(
    request: Request,
    db: SessionDep,
    user: CurrentUser,
    username: Annotated[str, Form()],
    password: Annotated[str, Form()],
    role: Annotated[str, Form()],
    unit_id: Annotated[int, Form()],
    full_name: Annotated[str, Form()] = "",
) -> Response:
    unit = unit_service.get_unit(db, user, unit_id, "manage_users")
    accounts.add_person(
        db, actor=user, username=username, password=password, full_name=full_name, role=role, unit=unit
    )
    return RedirectResponse("/admin/users", status_code=303)


@router.post("/users/{user_id}/roles", dependencies=[Depends(csrf_protect)])
def people_grant(
    user_id: int,
    db: SessionDep,
    user: CurrentUser,
    role: Annotated[str, Form()],
    unit_id: Annotated[int, Form()],
) -> Response:
    person = db.get(User, user_id)
    if person is None or person.id not in {p.id for p, _ in accounts.people_in_scope(db, user)}:
        raise NotFound("not_allowed")
    unit = unit_service.get_unit(db, user, unit_id, "manage_users")
    accounts.add_role(db, actor=user, user=person, role=role, unit=unit)
    return RedirectResponse("/admin/users", status_code=303)


@router.post("/roles/{grant_id}/revoke", dependencies=[Depends(csrf_protect)])
def people_revoke(grant_id: int, db: SessionDep, user: CurrentUser) -> Response:
    accounts.remove_role(db, actor=user, grant_id=grant_id)
    return RedirectResponse("/admin/users", status_code=303)
