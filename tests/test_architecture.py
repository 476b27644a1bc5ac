"""The pure core imports no web, database or CLI library (PRODUCT.md, Architecture)."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "dxshift.framework",
    "dxshift.assessment",
    "dxshift.analysis",
    "dxshift.analysis.legacy",
    "dxshift.economics",
]
FORBIDDEN = ["fastapi", "starlette", "sqlalchemy", "alembic", "typer", "click", "uvicorn", "jinja2"]


def test_the_core_packages_import_no_web_database_or_cli_library() -> None:
    code = (
        "import sys, importlib\n"
        f"for name in {CORE!r}: importlib.import_module(name)\n"
        f"print(','.join(m for m in {FORBIDDEN!r} if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "", f"the core pulled in: {out}"
