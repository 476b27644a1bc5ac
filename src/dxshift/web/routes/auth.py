"""Logging in and out, and the language switch."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlparse

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from dxshift.i18n import t
from dxshift.services import accounts
from dxshift.web.deps import SessionDep, SettingsDep, csrf_protect, lang_of, render
from dxshift.web.security import new_csrf

router = APIRouter(include_in_schema=False)


def _safe_next(target: str | None) -> str:
    """Only same-site paths: an open redirect would help phishing."""
    if not target:
        return "/"
    parsed = urlparse(target)
    if parsed.scheme or parsed.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target


@router.get("/login")
def login_page(request: Request, next: str | None = None) -> Response:
    return render(request, "login.html", next=_safe_next(next), error=None)


@router.post("/login", dependencies=[Depends(csrf_protect)])
def login(
    request: Request,
    db: SessionDep,
    settings: SettingsDep,
    username: Annotated[str, Form()],
    password: Annotated[str, Form()],
    next: Annotated[str, Form()] = "/",
) -> Response:
    user, reason = accounts.authenticate(
        db,
        username=username,
        password=password,
        max_failures=settings.max_failed_logins,
        lock_minutes=settings.lockout_minutes,
    )
    if user is None:
        db.commit()  # keep the failure count even though the page reports an error
        lang = lang_of(request)
        message = t(reason or "bad_credentials", lang, minutes=settings.lockout_minutes)
        return render(
            request, "login.html", status_code=401, next=_safe_next(next), error=message, username=username
        )
    request.state.session.clear()
    request.state.session.update({"uid": user.id, "csrf": new_csrf()})  # new token after login
    return RedirectResponse(_safe_next(next), status_code=303)


@router.post("/logout", dependencies=[Depends(csrf_protect)])
def logout(request: Request) -> Response:
    request.state.session.clear()
    request.state.session["csrf"] = new_csrf()
    return RedirectResponse("/login", status_code=303)


@router.get("/lang/{code}")
def switch_language(code: str, next: str | None = None) -> Response:
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie("lang", "en" if code == "en" else "vi", max_age=365 * 86400, samesite="lax")
    return response
