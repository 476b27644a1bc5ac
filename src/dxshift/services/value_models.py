"""An initiative's value model: read, start, save (checked by the core), with version and audit.

The model is stored as plain data, exactly what a YAML file would hold; the economics core
validates it on every save, so what is stored always evaluates.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dxshift.economics import ValueModel, validate_model
from dxshift.economics.loader import example_path, plain
from dxshift.services.appraisals import may_upload
from dxshift.services.audit import record
from dxshift.services.errors import Conflict, Forbidden
from dxshift.services.scope import Principal
from dxshift.storage.models import Initiative, InitiativeValueModel, utcnow


def value_model_of(session: Session, initiative: Initiative) -> InitiativeValueModel | None:
    return session.scalar(
        select(InitiativeValueModel).where(InitiativeValueModel.initiative_id == initiative.id)
    )


def may_edit(actor: Principal, initiative: Initiative) -> bool:
    """Who registers or appraises the initiative may state its costs and benefits."""
    return may_upload(actor, initiative)


def starter(initiative: Initiative) -> dict[str, Any]:
    """A first model from what the registration says: its title, period and budget as the up-front cost."""
    start = initiative.period_start or dt.date.today().year
    end = initiative.period_end if initiative.period_end and initiative.period_end >= start else start + 4
    option: dict[str, Any] = {"key": "de-xuat", "name": initiative.title[:200]}
    if initiative.budget:
        option["upfront"] = [{"name": "Kinh phí đầu tư theo đề xuất", "amount": initiative.budget}]
    return {
        "title": initiative.title[:200],
        "unit": initiative.unit.name,
        "start_year": start,
        "horizon_years": min(max(end - start + 1, 3), 50),
        "discount_rate": 0.08,
        "options": [option],
    }


def example() -> dict[str, Any]:
    """The documented example (a commune: own server room or the provincial cloud), as data."""
    from dxshift.economics import load_model

    return plain(load_model(example_path()))


def save(
    session: Session,
    *,
    actor: Principal,
    initiative: Initiative,
    model: ValueModel,
    version: int | None,
) -> InitiativeValueModel:
    """Store a validated model; `version` is the one the editor started from (None for a new one)."""
    if not may_edit(actor, initiative):
        raise Forbidden("not_allowed")
    row = value_model_of(session, initiative)
    data = plain(model)
    if row is None:
        if version not in (None, 0):
            raise Conflict("value_model_stale")
        row = InitiativeValueModel(
            initiative_id=initiative.id, data=data, version=1, updated_by=actor.user_id
        )
        session.add(row)
        before = None
    else:
        if version != row.version:
            raise Conflict("value_model_stale")
        before = {"version": row.version, "data": row.data}
        row.data, row.version = data, row.version + 1
        row.updated_by, row.updated_at = actor.user_id, utcnow()
    session.flush()
    record(
        session,
        user_id=actor.user_id,
        action="save_value_model",
        entity="initiative",
        entity_id=initiative.id,
        before=before,
        after={"version": row.version, "data": data},
    )
    return row


def stored_model(row: InitiativeValueModel) -> ValueModel:
    return validate_model(row.data, source=f"initiative-{row.initiative_id}")
