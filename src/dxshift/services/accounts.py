"""Accounts: argon2 passwords, lock-out after repeated failures, role grants."""

from __future__ import annotations

import datetime as dt

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from dxshift.services.audit import record
from dxshift.services.errors import Forbidden, Invalid, NotFound
from dxshift.services.scope import ROLES, Principal
from dxshift.storage.models import RoleGrant, Unit, User, utcnow

_hasher = PasswordHasher()
MIN_PASSWORD = 8


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def create_user(
    session: Session, *, username: str, password: str, full_name: str = "", actor_id: int | None = None
) -> User:
    username = username.strip().lower()
    if not username or session.scalar(select(User).where(User.username == username)):
        raise Invalid("username_taken", username=username)
    if len(password) < MIN_PASSWORD:
        raise Invalid("password_short", min=MIN_PASSWORD)
    user = User(username=username, full_name=full_name, password_hash=hash_password(password))
    session.add(user)
    session.flush()
    record(
        session,
        user_id=actor_id,
        action="create",
        entity="user",
        entity_id=user.id,
        after={"username": username, "full_name": full_name},
    )
    return user


def grant_role(session: Session, *, user: User, role: str, unit: Unit, actor_id: int | None = None) -> None:
    if role not in ROLES:
        raise Invalid("unknown_role", role=role)
    session.add(RoleGrant(user_id=user.id, role=role, unit_id=unit.id))
    record(
        session,
        user_id=actor_id,
        action="grant",
        entity="user",
        entity_id=user.id,
        after={"role": role, "unit": unit.code},
    )


def authenticate(
    session: Session, *, username: str, password: str, max_failures: int, lock_minutes: int
) -> tuple[User | None, str | None]:
    """(user, None) on success, else (None, reason): 'bad_credentials' or 'locked'.

    A wrong password on an existing account counts toward a temporary lock; the reply for an
    unknown user and a wrong password is the same, so usernames cannot be probed.
    """
    user = session.scalar(select(User).where(User.username == username.strip().lower()))
    now = utcnow()
    if user is None or not user.is_active:
        _hasher.hash(password)  # spend the same time as a real check
        return None, "bad_credentials"
    if user.locked_until and user.locked_until > now:
        return None, "locked"
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        user.failed_logins += 1
        if user.failed_logins >= max_failures:
            user.locked_until = now + dt.timedelta(minutes=lock_minutes)
            user.failed_logins = 0
            record(session, user_id=user.id, action="lock", entity="user", entity_id=user.id)
            return None, "locked"
        return None, "bad_credentials"
    user.failed_logins = 0
    user.locked_until = None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return user, None


# ── administration, scoped like the administrator ───────────────────────────


def add_person(
    session: Session, *, actor: Principal, username: str, password: str, full_name: str, role: str, unit: Unit
) -> User:
    """An administrator creates an account with one role inside their own subtree."""
    if not actor.can("manage_users", unit):
        raise Forbidden("not_allowed")
    user = create_user(
        session, username=username, password=password, full_name=full_name, actor_id=actor.user_id
    )
    grant_role(session, user=user, role=role, unit=unit, actor_id=actor.user_id)
    return user


def add_role(session: Session, *, actor: Principal, user: User, role: str, unit: Unit) -> None:
    if not actor.can("manage_users", unit):
        raise Forbidden("not_allowed")
    exists = session.scalar(
        select(RoleGrant).where(
            RoleGrant.user_id == user.id, RoleGrant.role == role, RoleGrant.unit_id == unit.id
        )
    )
    if exists is None:
        grant_role(session, user=user, role=role, unit=unit, actor_id=actor.user_id)


def remove_role(session: Session, *, actor: Principal, grant_id: int) -> None:
    grant = session.get(RoleGrant, grant_id)
    if grant is None or not actor.can("manage_users", grant.unit):
        raise NotFound("grant_not_found", id=grant_id)
    if grant.user_id == actor.user_id and grant.role == "admin":
        raise Invalid("cannot_remove_own_admin")
    record(
        session,
        user_id=actor.user_id,
        action="revoke",
        entity="user",
        entity_id=grant.user_id,
        before={"role": grant.role, "unit": grant.unit.code},
    )
    session.delete(grant)


def people_in_scope(session: Session, actor: Principal) -> list[tuple[User, list[RoleGrant]]]:
    """Accounts holding at least one role inside the administrator's subtrees, with those roles."""
    grants = session.scalars(
        select(RoleGrant).join(Unit, Unit.id == RoleGrant.unit_id).where(actor.unit_filter("manage_users"))
    ).all()
    by_user: dict[int, list[RoleGrant]] = {}
    for grant in grants:
        by_user.setdefault(grant.user_id, []).append(grant)
    users = session.scalars(select(User).where(User.id.in_(list(by_user))).order_by(User.username)).all()
    return [(u, by_user[u.id]) for u in users]
