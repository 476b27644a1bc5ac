"""Who may do what, where. A role is held over a subtree: a unit and everything below it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, false, or_, select
from sqlalchemy.orm import Session

from dxshift.storage.models import RoleGrant, Unit, User

ROLES = ("admin", "coordinator", "assessor", "reviewer", "viewer")
ROLE_ACTIONS: dict[str, frozenset[str]] = {
    "admin": frozenset(
        {
            "view",
            "answer",
            "submit",
            "review",
            "manage_campaigns",
            "manage_units",
            "manage_users",
            "view_audit",
            "register_initiative",
            "appraise",
        }
    ),
    "coordinator": frozenset({"view", "manage_campaigns", "register_initiative", "appraise"}),
    "assessor": frozenset({"view", "answer", "submit", "register_initiative"}),
    "reviewer": frozenset({"view", "review", "appraise"}),
    "viewer": frozenset({"view"}),
}


@dataclass(frozen=True)
class Grant:
    role: str
    unit_id: int
    unit_path: str
    unit_name: str


@dataclass(frozen=True)
class Principal:
    """The acting user with their grants, loaded once per request."""

    user_id: int
    username: str
    full_name: str
    grants: tuple[Grant, ...]

    def can(self, action: str, unit: Unit) -> bool:
        return any(action in ROLE_ACTIONS[g.role] and unit.path.startswith(g.unit_path) for g in self.grants)

    def can_anywhere(self, action: str) -> bool:
        return any(action in ROLE_ACTIONS[g.role] for g in self.grants)

    def roots(self, action: str = "view") -> list[str]:
        """Paths of the subtrees where the action is allowed."""
        return [g.unit_path for g in self.grants if action in ROLE_ACTIONS[g.role]]

    def unit_filter(self, action: str = "view") -> ColumnElement[bool]:
        paths = self.roots(action)
        if not paths:
            return false()
        return or_(*(Unit.path.startswith(p, autoescape=True) for p in paths))

    @property
    def role_names(self) -> list[str]:
        return sorted({g.role for g in self.grants}, key=ROLES.index)


def load_principal(session: Session, user: User) -> Principal:
    rows = session.execute(
        select(RoleGrant.role, Unit.id, Unit.path, Unit.name)
        .join(Unit, Unit.id == RoleGrant.unit_id)
        .where(RoleGrant.user_id == user.id)
    ).all()
    grants = tuple(Grant(r.role, r.id, r.path, r.name) for r in rows)
    return Principal(user.id, user.username, user.full_name, grants)
