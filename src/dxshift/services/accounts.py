"""Accounts: argon2 passwords, lock-out after repeated failures, role grants."""

from __future__ import annotations

import datetime as dt

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from dxshift.services.audit import record
from dxshift.services.errors import Invalid
from dxshift.services.scope import ROLES
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
