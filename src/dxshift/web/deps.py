"""Typed dependencies for routes: the database session, the current user, CSRF, rendering."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from importlib import resources
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session
from starlette.responses import Response

import dxshift.labels  # noqa: F401  (registers the messages)
from dxshift.i18n import Lang, fmt_date, fmt_number, fmt_percent, t
from dxshift.services.scope import Principal, load_principal
from dxshift.settings import Settings
from dxshift.storage.db import session_scope
from dxshift.storage.models import User
from dxshift.web.security import csrf_ok

templates = Jinja2Templates(directory=str(resources.files("dxshift.web") / "templates"))


class LoginRequired(Exception):
    """Raised when a page needs a logged-in user; the handler redirects to the login page."""


class CsrfFailed(Exception):
    pass


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_db(request: Request) -> Iterator[Session]:
    with session_scope(get_settings(request).database_url) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_db)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


def optional_user(request: Request, db: SessionDep) -> Principal | None:
    uid = request.state.session.get("uid")
    if not uid:
        return None
    user = db.get(User, uid)
    if user is None or not user.is_active:
        return None
    return load_principal(db, user)


def current_user(user: Annotated[Principal | None, Depends(optional_user)]) -> Principal:
    if user is None:
        raise LoginRequired()
    return user


CurrentUser = Annotated[Principal, Depends(current_user)]


async def csrf_protect(request: Request) -> None:
    """Every state-changing request carries the session's CSRF token (form field or header)."""
    if request.method in {"GET", "HEAD", "OPTIONS"}:
        return
    sent = request.headers.get("x-csrf-token")
    if not sent:
        form = await request.form()
        value = form.get("csrf_token")
        sent = value if isinstance(value, str) else None
    if not csrf_ok(request.state.session, sent):
        raise CsrfFailed()


def lang_of(request: Request) -> Lang:
    return "en" if request.cookies.get("lang") == "en" else "vi"


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> Response:
    lang = lang_of(request)
    base = {
        "lang": lang,
        "t": lambda key, **p: t(key, lang, **p),
        "num": lambda x, d=1: fmt_number(x, lang, d),
        "pct": lambda x: fmt_percent(x, lang),
        "date": lambda d: fmt_date(d, lang) if d else "—",
        "datetime": lambda d: (
            (d.strftime("%d/%m/%Y %H:%M") if lang == "vi" else d.strftime("%Y-%m-%d %H:%M")) if d else "—"
        ),
        "csrf": request.state.session.get("csrf", ""),
        "today": dt.date.today(),
    }
    return templates.TemplateResponse(request, name, base | context, status_code=status_code)
