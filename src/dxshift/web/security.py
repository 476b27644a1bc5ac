"""Session cookies (signed, HttpOnly, SameSite) and CSRF tokens bound to the session."""

from __future__ import annotations

import hmac
import secrets
import time
from typing import Any

from itsdangerous import BadSignature, URLSafeSerializer
from starlette.requests import Request
from starlette.responses import Response

from dxshift.settings import Settings

COOKIE = "dxshift_session"


def _serializer(settings: Settings) -> URLSafeSerializer:
    return URLSafeSerializer(settings.secret_key, salt="dxshift-session")


def read_session(request: Request, settings: Settings) -> dict[str, Any]:
    raw = request.cookies.get(COOKIE)
    if raw:
        try:
            data = _serializer(settings).loads(raw)
            if isinstance(data, dict) and data.get("exp", 0) > time.time():
                return data
        except BadSignature:
            pass
    return {}


def write_session(response: Response, data: dict[str, Any], settings: Settings) -> None:
    data = dict(data)
    data["exp"] = int(time.time()) + settings.session_hours * 3600
    response.set_cookie(
        COOKIE,
        _serializer(settings).dumps(data),
        max_age=settings.session_hours * 3600,
        httponly=True,
        samesite="lax",
        secure=settings.secure_cookies,
        path="/",
    )


def new_csrf() -> str:
    return secrets.token_urlsafe(32)


def csrf_ok(session: dict[str, Any], sent: str | None) -> bool:
    expected = session.get("csrf")
    return bool(expected and sent and hmac.compare_digest(str(expected), str(sent)))
