"""Administration: the audit log and the unit tree import/export."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse
from sqlalchemy import ColumnElement, and_, or_, select
from starlette.responses import Response

from dxshift.services import accounts
from dxshift.services import units as unit_service
from dxshift.services.errors import Forbidden, Invalid, NotFound
from dxshift.services.scope import ROLES
from dxshift.storage.models import Assessment, AuditEntry, Campaign, Initiative, RoleGrant, Unit, User
from dxshift.web.deps import CurrentUser, SessionDep, csrf_protect, render

router = APIRouter(prefix="/admin", include_in_schema=False)


def audit_in_scope(user: CurrentUser) -> ColumnElement[bool]:
    """Entries about units, assessments, campaigns, initiatives and people of the admin's subtrees."""
    in_scope = user.unit_filter("view_audit")
    units = select(Unit.id).where(in_scope)
    assessments = select(Assessment.id).join(Unit, Unit.id == Assessment.unit_id).where(in_scope)
    campaigns = select(Campaign.id).join(Unit, Unit.id == Campaign.scope_unit_id).where(in_scope)
    initiatives = select(Initiative.id).join(Unit, Unit.id == Initiative.unit_id).where(in_scope)
    people = select(RoleGrant.user_id).join(Unit, Unit.id == RoleGrant.unit_id).where(in_scope)
    return or_(
        and_(AuditEntry.entity == "unit", AuditEntry.entity_id.in_(units)),
        and_(AuditEntry.entity == "assessment", AuditEntry.entity_id.in_(assessments)),
        and_(AuditEntry.entity == "campaign", AuditEntry.entity_id.in_(campaigns)),
        and_(AuditEntry.entity == "initiative", AuditEntry.entity_id.in_(initiatives)),
        and_(AuditEntry.entity == "user", AuditEntry.entity_id.in_(people)),
    )


def _require(user: CurrentUser, action: str) -> None:
    if not user.can_anywhere(action):
        raise Forbidden("not_allowed")


@router.get("/audit")
def audit_log(request: Request, db: SessionDep, user: CurrentUser, page: int = 1) -> Response:
    _require(user, "view_audit")
    per_page = 100
    entries = db.execute(
        select(AuditEntry, User.username)
        .where(audit_in_scope(user))
        .outerjoin(User, User.id == AuditEntry.user_id)
        .order_by(AuditEntry.id.desc())
        .offset((max(page, 1) - 1) * per_page)
        .limit(per_page)
    ).all()
    return render(
        request,
        "audit.html",
        user=user,
        entries=entries,
        page=page,
        as_json=lambda value: json.dumps(value, ensure_ascii=False),
    )  # Vietnamese stays readable


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
        report = unit_service.import_units(
            db, rows=rows, dry_run=mode != "apply", actor_id=user.user_id, actor=user
        )
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
        roots = unit_service.visible_roots(db, user, "manage_units")
        rows = [row for root in roots for row in unit_service.export_rows(db, root)]
        unit_service.write_export(rows, path)
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
