"""The FastAPI application: middleware, error pages, routes. `create_app` is all a server needs."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from html import escape
from importlib import resources

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.responses import Response

from dxshift import __version__
from dxshift.i18n import t
from dxshift.services.errors import ServiceError
from dxshift.settings import Settings, get_settings
from dxshift.web.deps import CsrfFailed, LoginRequired, lang_of, render
from dxshift.web.jobs import JobRunner
from dxshift.web.routes import (
    account,
    admin,
    api,
    appraisals,
    assessments,
    auth,
    dashboards,
    exports,
    pages,
    value,
)
from dxshift.web.security import new_csrf, read_session, write_session


class SessionMiddleware(BaseHTTPMiddleware):
    """Loads the signed session cookie, guarantees a CSRF token, writes the cookie back if changed."""

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        settings: Settings = request.app.state.settings
        length = request.headers.get("content-length", "")
        if (length.isdigit() and int(length) > settings.max_request_bytes) or (
            request.method in {"POST", "PUT", "PATCH"}
            and not length
            and "chunked" in request.headers.get("transfer-encoding", "")
        ):
            message = t("request_too_large", lang_of(request), max_mb=settings.max_request_mb)
            return PlainTextResponse(message, status_code=413)
        session = read_session(request, settings)
        original = dict(session)
        if "csrf" not in session:
            session["csrf"] = new_csrf()
        request.state.session = session
        response = await call_next(request)
        if session != original:
            write_session(response, session, settings)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.jobs.resume()  # jobs a stopped server left unfinished
        yield
        app.state.jobs.shutdown()

    app = FastAPI(
        lifespan=lifespan,
        title="DXShift",
        version=__version__,
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.settings = settings
    app.state.jobs = JobRunner(settings)
    app.add_middleware(SessionMiddleware)
    app.mount("/static", StaticFiles(directory=str(resources.files("dxshift.web") / "static")), name="static")
    for module in (auth, pages, assessments, admin, api, exports, appraisals, value, dashboards, account):
        app.include_router(module.router)

    @app.get("/fonts/{weight}.ttf", include_in_schema=False)
    def font(weight: str) -> Response:
        """Be Vietnam Pro from its PyPI package: every browser shows the same diacritics."""
        import fontpkg_be_vietnam_pro as package

        if weight not in {"Regular", "SemiBold", "Bold"}:
            return Response(status_code=404)
        path = package.ROOT / "files" / f"BeVietnamPro-{weight}.ttf"
        return FileResponse(path, media_type="font/ttf", headers={"Cache-Control": "public, max-age=604800"})

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        """Unknown addresses and refused methods, in the user's language (JSON under /api/)."""
        lang = lang_of(request)
        message = t("not_found_page", lang) if exc.status_code == 404 else str(exc.detail)
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": message}, status_code=exc.status_code, headers=exc.headers)
        if exc.status_code == 404:
            return render(request, "error.html", status_code=404, message=message)
        return PlainTextResponse(message, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(LoginRequired)
    async def _login(request: Request, exc: LoginRequired) -> Response:
        if request.headers.get("hx-request"):
            return Response(status_code=401, headers={"HX-Redirect": "/login"})
        return RedirectResponse(f"/login?next={request.url.path}", status_code=303)

    @app.exception_handler(CsrfFailed)
    async def _csrf(request: Request, exc: CsrfFailed) -> Response:
        message = t("csrf_failed", lang_of(request))
        if request.headers.get("hx-request"):
            return HTMLResponse(f'<span class="error" role="alert">{escape(message)}</span>', status_code=403)
        return render(request, "error.html", status_code=403, message=message)

    @app.exception_handler(ServiceError)
    async def _service(request: Request, exc: ServiceError) -> Response:
        if request.url.path.startswith("/api/"):
            return api.error_response(request, exc)  # JSON for the REST API
        lang = lang_of(request)
        params = {k: (v if not isinstance(v, dict) else "") for k, v in exc.params.items()}
        try:
            message = t(exc.code, lang, **params)
        except KeyError:
            message = t("not_allowed", lang) if exc.status == 403 else exc.code
        if exc.status == 404:
            message = t("not_found_page", lang)
        if request.headers.get("hx-request"):
            return HTMLResponse(
                f'<span class="error" role="alert">{escape(message)}</span>', status_code=exc.status
            )
        return render(request, "error.html", status_code=exc.status, message=message)

    return app
