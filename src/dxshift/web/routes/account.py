"""The user's own account: personal API tokens (create: shown once; revoke)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from dxshift.i18n import t
from dxshift.services import tokens as service
from dxshift.services.errors import Invalid
from dxshift.web.deps import CurrentUser, SessionDep, csrf_protect, lang_of, render

router = APIRouter(include_in_schema=False)  # pages, not part of the API document


def _page(
    request: Request, db: SessionDep, user: CurrentUser, status_code: int = 200, **extra: object
) -> Response:
    response = render(
        request,
        "tokens.html",
        status_code=status_code,
        user=user,
        tokens=service.list_tokens(db, actor=user),
        **({"new_token": None, "new_name": "", "error": None} | extra),
    )
    response.headers["Cache-Control"] = "no-store"  # the page may carry a token shown once
    return response


@router.get("/account/tokens")
def tokens_page(request: Request, db: SessionDep, user: CurrentUser) -> Response:
    return _page(request, db, user)


@router.post("/account/tokens", dependencies=[Depends(csrf_protect)])
def create_token(
    request: Request, db: SessionDep, user: CurrentUser, name: Annotated[str, Form()] = ""
) -> Response:
    """Shows the plain token in this one response; only its hash is kept."""
    try:
        token, plain = service.create_token(db, user_id=user.user_id, name=name)
    except Invalid as exc:
        db.rollback()
        message = t(exc.code, lang_of(request), **exc.params)
        return _page(request, db, user, status_code=422, error=message, new_name=name)
    return _page(request, db, user, new_token=plain, new_name=token.name)


@router.post("/account/tokens/{token_id}/revoke", dependencies=[Depends(csrf_protect)])
def revoke_token(token_id: int, db: SessionDep, user: CurrentUser) -> Response:
    service.revoke_token(db, actor=user, token_id=token_id)
    return RedirectResponse("/account/tokens", status_code=303)
