"""Campaigns: a framework version, a scope (subtree) and a deadline; one assessment per unit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dxshift.framework import load_framework
from dxshift.services.audit import record
from dxshift.services.errors import Forbidden, Invalid, NotFound
from dxshift.services.scope import Principal
from dxshift.storage.models import Assessment, Campaign, Unit

STATUSES = ("not_started", "draft", "submitted", "returned", "approved")


def open_campaign(
    session: Session,
    *,
    actor: Principal,
    name: str,
    scope: Unit,
    framework_ref: str | None = None,
    deadline: dt.date | None = None,
    unit_kinds: set[str] | None = None,
) -> Campaign:
    """Create a campaign and one assessment for every unit of the scope (optionally of some kinds)."""
    if not actor.can("manage_campaigns", scope):
        raise Forbidden("not_allowed")
    if not name.strip():
        raise Invalid("campaign_name_required")
    if len(name.strip()) > 255:
        raise Invalid("campaign_name_too_long", max=255)
    framework = load_framework(framework_ref)
    campaign = Campaign(
        name=name.strip(),
        framework_id=framework.id,
        framework_version=framework.version,
        scope_unit_id=scope.id,
        deadline=deadline,
        created_by=actor.user_id,
    )
    session.add(campaign)
    session.flush()
    units = session.scalars(select(Unit).where(Unit.path.startswith(scope.path, autoescape=True))).all()
    chosen = [u for u in units if not unit_kinds or u.kind in unit_kinds]
    session.add_all(Assessment(campaign_id=campaign.id, unit_id=u.id) for u in chosen)
    record(
        session,
        user_id=actor.user_id,
        action="create",
        entity="campaign",
        entity_id=campaign.id,
        after={
            "name": campaign.name,
            "framework": f"{framework.id}@{framework.version}",
            "scope": scope.code,
            "deadline": deadline.isoformat() if deadline else None,
            "assessments": len(chosen),
        },
    )
    return campaign


def visible_campaigns(session: Session, actor: Principal) -> list[Campaign]:
    """Campaigns whose scope overlaps what the actor can see (above or below their roots)."""
    campaigns = session.scalars(select(Campaign).order_by(Campaign.created_at.desc())).all()
    roots = actor.roots("view")
    return [
        c
        for c in campaigns
        if any(c.scope_unit.path.startswith(r) or r.startswith(c.scope_unit.path) for r in roots)
    ]


def get_campaign(session: Session, actor: Principal, campaign_id: int) -> Campaign:
    campaign = session.get(Campaign, campaign_id)
    if campaign is None or campaign not in visible_campaigns(session, actor):
        raise NotFound("campaign_not_found", id=campaign_id)
    return campaign


@dataclass(frozen=True)
class Progress:
    counts: dict[str, int]
    total: int
    overdue: bool
    waiting: list[tuple[str, str]]  # (unit name, status) of units that still owe something
    waiting_total: int


def progress(session: Session, *, actor: Principal, campaign: Campaign, limit: int = 500) -> Progress:
    """Status counts over the units the actor can see, and who still has to act (first `limit`)."""
    in_scope = (Assessment.campaign_id == campaign.id, actor.unit_filter("view"))
    rows = session.execute(
        select(Assessment.status, func.count())
        .join(Unit, Unit.id == Assessment.unit_id)
        .where(*in_scope)
        .group_by(Assessment.status)
    ).all()
    counts = {s: 0 for s in STATUSES} | {status: n for status, n in rows}
    owing = ("not_started", "draft", "returned")
    waiting = session.execute(
        select(Unit.name, Assessment.status)
        .join(Unit, Unit.id == Assessment.unit_id)
        .where(*in_scope, Assessment.status.in_(owing))
        .order_by(Unit.path)
        .limit(limit)
    ).all()
    overdue = bool(campaign.deadline and campaign.deadline < dt.date.today())
    return Progress(
        counts, sum(counts.values()), overdue, [(n, s) for n, s in waiting], sum(counts[s] for s in owing)
    )
