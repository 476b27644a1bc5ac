"""The audit log: every change, who made it, and the values before and after."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from dxshift.storage.models import AuditEntry


def record(
    session: Session,
    *,
    user_id: int | None,
    action: str,
    entity: str,
    entity_id: int | None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    session.add(
        AuditEntry(
            user_id=user_id, action=action, entity=entity, entity_id=entity_id, before=before, after=after
        )
    )
