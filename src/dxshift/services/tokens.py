"""Personal API tokens: shown once, stored only as a SHA-256 hash, acting with the owner's rights."""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dxshift.services.audit import record
from dxshift.services.errors import Invalid, NotFound
from dxshift.services.scope import Principal, load_principal
from dxshift.storage.models import ApiToken, User, utcnow

TOKEN_PREFIX = "dxs_"
PREFIX_CHARS = 8  # what the owner sees of a token later: "dxs_" and four more characters
MAX_NAME = 128
MAX_ACTIVE = 20  # active tokens per person
_MAX_PLAIN = 200  # anything longer is not one of ours: do not even hash it


def hash_token(plain: str) -> str:
    return hashlib.sha256(plain.encode("utf-8")).hexdigest()


def create_token(session: Session, *, user_id: int, name: str) -> tuple[ApiToken, str]:
    """A new token for the user; returns the row and the plain token, which is never stored."""
    name = " ".join(name.split())
    if not name:
        raise Invalid("token_name_required")
    if len(name) > MAX_NAME:
        raise Invalid("token_name_too_long", max=MAX_NAME)
    active = session.scalar(
        select(func.count()).where(ApiToken.user_id == user_id, ApiToken.revoked_at.is_(None))
    )
    if (active or 0) >= MAX_ACTIVE:
        raise Invalid("token_limit", max=MAX_ACTIVE)
    plain = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user_id=user_id, name=name, token_hash=hash_token(plain), prefix=plain[:PREFIX_CHARS])
    session.add(token)
    session.flush()
    record(
        session,
        user_id=user_id,
        action="create",
        entity="api_token",
        entity_id=token.id,
        after={"name": name, "prefix": token.prefix},
    )
    return token, plain


def list_tokens(session: Session, *, actor: Principal) -> list[ApiToken]:
    """The actor's own tokens, newest first; nobody, not even an administrator, lists others'."""
    return list(
        session.scalars(
            select(ApiToken)
            .where(ApiToken.user_id == actor.user_id)
            .order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
        )
    )


def revoke_token(session: Session, *, actor: Principal, token_id: int) -> ApiToken:
    """Revoke one of the actor's own tokens; someone else's token looks like a missing one."""
    token = session.get(ApiToken, token_id)
    if token is None or token.user_id != actor.user_id:
        raise NotFound("token_not_found", id=token_id)
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        record(
            session,
            user_id=actor.user_id,
            action="revoke",
            entity="api_token",
            entity_id=token.id,
            before={"name": token.name, "prefix": token.prefix},
        )
        session.flush()
    return token


def principal_for_token(session: Session, plain: str) -> Principal | None:
    """The owner of a valid token with their grants; None when unknown, revoked or the owner is inactive."""
    plain = plain.strip()
    if not plain.startswith(TOKEN_PREFIX) or len(plain) > _MAX_PLAIN:
        return None
    token = session.scalar(select(ApiToken).where(ApiToken.token_hash == hash_token(plain)))
    if token is None or token.revoked_at is not None:
        return None
    user = session.get(User, token.user_id)
    if user is None or not user.is_active:
        return None
    token.last_used_at = utcnow()
    session.flush()
    return load_principal(session, user)
