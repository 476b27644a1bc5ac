"""Home, unit pages and campaign pages."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse
from sqlalchemy import select
from starlette.responses import Response

from dxshift.framework import load_framework
from dxshift.i18n import t, vi_sort_key
from dxshift.services import assessments as assessment_service
from dxshift.services import campaigns as campaign_service
from dxshift.services import units as unit_service
from dxshift.services.errors import Invalid
from dxshift.storage.models import Assessment, Campaign, Unit
from dxshift.web.deps import CurrentUser, SessionDep, csrf_protect, lang_of, render

router = APIRouter(include_in_schema=False)
REMINDER_LIMIT = 500


@router.get("/")
def home(request: Request, db: SessionDep, user: CurrentUser) -> Response:
    tasks: list[Assessment] = []
    if user.can_anywhere("answer"):
        tasks += db.scalars(
            select(Assessment)
            .join(Unit)
            .where(user.unit_filter("answer"), Assessment.status.in_(["not_started", "draft", "returned"]))
            .order_by(Unit.path)
            .limit(50)
        ).all()
    if user.can_anywhere("review"):
        tasks += db.scalars(
            select(Assessment)
            .join(Unit)
            .where(user.unit_filter("review"), Assessment.status == "submitted")
            .order_by(Assessment.submitted_at)
            .limit(50)
        ).all()
    return render(
        request,
        "home.html",
        user=user,
        tasks=tasks,
        roots=unit_service.visible_roots(db, user),
        campaigns=campaign_service.visible_campaigns(db, user)[:10],
    )


def _ancestors(db: SessionDep, unit: Unit, user: CurrentUser) -> list[Unit]:
    ids = [int(p) for p in unit.path.strip("/").split("/")[:-1]]
    found = {u.id: u for u in db.scalars(select(Unit).where(Unit.id.in_(ids)))}
    return [found[i] for i in ids if i in found and user.can("view", found[i])]


def shift_changes(history: list[Assessment]) -> list[dict[int, float | None]]:
    """For each approved assessment, the change of each shift score since the previous one."""
    changes: list[dict[int, float | None]] = []
    previous: dict[int, float] | None = None
    for item in history:
        scores = {s["number"]: s["score"] for s in (item.result or {}).get("shifts", [])}
        changes.append(
            {n: (v - previous[n]) if previous and n in previous else None for n, v in scores.items()}
        )
        previous = scores
    return changes


@router.get("/units/{unit_id}")
def unit_page(request: Request, unit_id: int, db: SessionDep, user: CurrentUser) -> Response:
    unit = unit_service.get_unit(db, user, unit_id)
    kids = sorted(unit_service.children(db, unit), key=lambda u: vi_sort_key(u.name))
    history = assessment_service.unit_history(db, unit)
    current = db.scalars(
        select(Assessment).where(Assessment.unit_id == unit.id).order_by(Assessment.campaign_id.desc())
    ).all()
    framework = load_framework()
    return render(
        request,
        "unit.html",
        user=user,
        unit=unit,
        ancestors=_ancestors(db, unit, user),
        children=kids,
        history=history,
        changes=shift_changes(history),
        latest=history[-1] if history else None,
        current=current,
        fw=framework,
    )


@router.get("/campaigns")
def campaign_list(request: Request, db: SessionDep, user: CurrentUser) -> Response:
    return render(
        request, "campaigns.html", user=user, campaigns=campaign_service.visible_campaigns(db, user)
    )


def _manageable_units(db: SessionDep, user: CurrentUser) -> list[Unit]:
    roots = user.roots("manage_campaigns")
    if not roots:
        return []
    units = db.scalars(select(Unit).where(user.unit_filter("manage_campaigns")).order_by(Unit.path)).all()
    top = min(u.depth for u in units)
    return [u for u in units if u.depth <= top + 1]


@router.get("/campaigns/new")
def campaign_form(request: Request, db: SessionDep, user: CurrentUser) -> Response:
    return render(request, "campaign_new.html", user=user, scopes=_manageable_units(db, user), error=None)


@router.post("/campaigns/new", dependencies=[Depends(csrf_protect)])
def campaign_create(
    request: Request,
    db: SessionDep,
    user: CurrentUser,
    name: Annotated[str, Form()],
    scope_id: Annotated[int, Form()],
    deadline: Annotated[str, Form()] = "",
) -> Response:
    scope = unit_service.get_unit(db, user, scope_id, "manage_campaigns")
    try:
        due = dt.date.fromisoformat(deadline) if deadline else None
    except ValueError as exc:
        raise Invalid("bad_date", value=deadline[:20]) from exc
    campaign = campaign_service.open_campaign(db, actor=user, name=name, scope=scope, deadline=due)
    return RedirectResponse(f"/campaigns/{campaign.id}", status_code=303)


@router.get("/campaigns/{campaign_id}")
def campaign_page(request: Request, campaign_id: int, db: SessionDep, user: CurrentUser) -> Response:
    campaign: Campaign = campaign_service.get_campaign(db, user, campaign_id)
    progress = campaign_service.progress(db, actor=user, campaign=campaign, limit=REMINDER_LIMIT)
    lang = lang_of(request)
    deadline = campaign.deadline.strftime("%d/%m/%Y") if campaign.deadline else "—"
    reminders = [
        t("remind_line", lang, unit=name, status=t(f"status_{status}", lang), deadline=deadline)
        for name, status in progress.waiting
    ]
    rows = db.execute(
        select(Assessment.id, Assessment.status, Assessment.score_index, Assessment.level, Unit.id, Unit.name)
        .join(Unit, Unit.id == Assessment.unit_id)
        .where(Assessment.campaign_id == campaign.id, user.unit_filter("view"))
        .order_by(Unit.path)
        .limit(200)
    ).all()
    framework = load_framework(f"{campaign.framework_id}@{campaign.framework_version}")
    return render(
        request,
        "campaign.html",
        user=user,
        campaign=campaign,
        progress=progress,
        reminders=reminders,
        rows=rows,
        more=max(0, progress.total - len(rows)),
        levels={lv.id: lv.name.get(lang) for lv in framework.levels},
    )
