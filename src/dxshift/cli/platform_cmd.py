"""`dxshift serve`, `dxshift db upgrade` and `dxshift units import/export`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dxshift.cli.common import err, fail, out

db_app = typer.Typer(help="Database: migrations.", no_args_is_help=True)
units_app = typer.Typer(help="The unit tree: import and export CSV/XLSX.", no_args_is_help=True)


def _url() -> str:
    from dxshift.settings import get_settings

    return get_settings().database_url


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply every Alembic migration to the configured database."""
    from dxshift.storage.migrate import current, upgrade

    url = _url()
    upgrade(url)
    out.print(f"✔ {url.split('@')[-1]}: {current(url)}")


def serve(
    demo: Annotated[
        bool, typer.Option("--demo", help="Load the demo province if the database is empty.")
    ] = False,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
) -> None:
    """Start the web platform (migrates the database first)."""
    import uvicorn

    from dxshift.services.demo import DEMO_PASSWORD, demo_logins, load_demo
    from dxshift.settings import get_settings
    from dxshift.storage.db import session_scope
    from dxshift.storage.migrate import upgrade
    from dxshift.web.app import create_app

    settings = get_settings()
    upgrade(settings.database_url)
    if demo:
        with session_scope(settings.database_url) as session:
            if load_demo(session):
                err.print("Đã tạo dữ liệu minh họa (demo province created).")
        out.print(f"Tài khoản minh họa / demo logins (mật khẩu / password: [bold]{DEMO_PASSWORD}[/]):")
        for username, role, unit in demo_logins():
            out.print(f"  {username:<15} {role:<12} {unit}")
    out.print(f"DXShift: [bold]http://{host}:{port}/[/]  (Ctrl+C để dừng / to stop)")
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")


@units_app.command("import")
def units_import(
    path: Annotated[Path, typer.Argument(help="CSV or XLSX with columns code, name, kind, parent_code.")],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Check only; change nothing.")] = False,
) -> None:
    """Import the unit tree; lists every error and changes nothing if there is one."""
    import dxshift.labels  # noqa: F401  (messages)
    from dxshift.i18n import t
    from dxshift.services.errors import Invalid
    from dxshift.services.units import import_units, read_rows
    from dxshift.storage.db import session_scope
    from dxshift.storage.migrate import upgrade

    url = _url()
    upgrade(url)
    try:
        data = path.read_bytes()
    except OSError:
        fail([t("file_not_found", "vi", path=path)])
    with session_scope(url) as session:
        try:
            report = import_units(session, rows=read_rows(data, path.name), dry_run=dry_run)
        except Invalid as exc:
            fail([t(exc.code, "vi", **exc.params)])
        if report.errors:
            session.rollback()
            fail(
                [t("import_errors", "vi", count=len(report.errors))]
                + [t(f"err_{code}", "vi", line=line, **params) for line, code, params in report.errors]
            )
    if dry_run:
        out.print(t("import_dry_ok", "vi", rows=report.rows))
    else:
        out.print(
            t(
                "import_ok",
                "vi",
                created=len(report.created),
                updated=len(report.updated),
                moved=len(report.moved),
            )
        )


@units_app.command("export")
def units_export(path: Annotated[Path, typer.Argument(help="Output .csv or .xlsx file.")]) -> None:
    """Export the whole unit tree."""
    from dxshift.services.units import export_rows, write_export
    from dxshift.storage.db import session_scope

    with session_scope(_url()) as session:
        rows = export_rows(session)
    write_export(rows, path)
    out.print(f"✔ {len(rows)} → {path}")


users_app = typer.Typer(help="People: accounts and their roles.", no_args_is_help=True)


@users_app.command("create")
def users_create(
    username: Annotated[str, typer.Argument(help="Login name.")],
    role: Annotated[str, typer.Option(help="admin, coordinator, assessor, reviewer or viewer.")],
    unit: Annotated[str, typer.Option(help="Code of the unit whose subtree the role covers.")],
    full_name: Annotated[str, typer.Option(help="Full name shown on the pages.")] = "",
    password: Annotated[
        str | None, typer.Option(help="Initial password; asked for when left out.", hide_input=True)
    ] = None,
) -> None:
    """Create an account with one role over a unit's subtree (the first admin, for example)."""
    from sqlalchemy import select

    import dxshift.labels  # noqa: F401  (messages)
    from dxshift.i18n import t
    from dxshift.services import accounts
    from dxshift.services.errors import Invalid
    from dxshift.storage.db import session_scope
    from dxshift.storage.migrate import upgrade
    from dxshift.storage.models import Unit

    url = _url()
    upgrade(url)
    secret = password or typer.prompt("Mật khẩu / password", hide_input=True, confirmation_prompt=True)
    with session_scope(url) as session:
        scope = session.scalar(select(Unit).where(Unit.code == unit))
        if scope is None:
            fail([t("unit_not_found", "vi") + f" ({unit})"])
        try:
            user = accounts.create_user(session, username=username, password=secret, full_name=full_name)
            accounts.grant_role(session, user=user, role=role, unit=scope)
        except Invalid as exc:
            fail([t(exc.code, "vi", **exc.params)])
    out.print(f"✔ {username}: {role} @ {unit}")
