"""The platform's commands, run as a user runs them: a real process on a real SQLite file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

EXE = str(Path(sys.executable).with_name("dxshift"))


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = os.environ | {
        "DXSHIFT_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
        "DXSHIFT_DATA_DIR": str(tmp_path),
    }
    return subprocess.run([EXE, *args], capture_output=True, text=True, env=env, timeout=120)


def test_db_upgrade_units_import_export_and_users_create(tmp_path: Path) -> None:
    assert run(tmp_path, "db", "upgrade").returncode == 0
    bad = tmp_path / "bad.csv"
    bad.write_text("code,name,kind,parent_code\nX,Xã Một,commune,NOPE\nX,Xã Hai,commune,\n", encoding="utf-8")
    result = run(tmp_path, "units", "import", str(bad))
    assert result.returncode == 1 and "NOPE" in result.stderr and "trùng" in result.stderr
    good = tmp_path / "good.csv"
    good.write_text(
        "code,name,kind,parent_code\nT01,Tỉnh Một,province,\nX1,Xã Đông Hòa,commune,T01\n", encoding="utf-8"
    )
    assert "Chưa thay đổi gì" in run(tmp_path, "units", "import", str(good), "--dry-run").stdout
    assert run(tmp_path, "units", "export", str(tmp_path / "empty.csv")).stdout.startswith("✔ 0")
    assert "2 đơn vị mới" in run(tmp_path, "units", "import", str(good)).stdout
    out = tmp_path / "units.xlsx"
    assert run(tmp_path, "units", "export", str(out)).returncode == 0 and out.stat().st_size > 0
    created = run(
        tmp_path,
        "users",
        "create",
        "nguyenvana",
        "--role",
        "admin",
        "--unit",
        "T01",
        "--password",
        "mat-khau-dai-1",
    )
    assert created.returncode == 0 and "nguyenvana" in created.stdout
    refused = run(
        tmp_path, "users", "create", "x", "--role", "boss", "--unit", "T01", "--password", "mat-khau-dai"
    )
    assert refused.returncode == 1 and "Vai trò không hợp lệ" in refused.stderr
    again = run(
        tmp_path, "users", "create", "x", "--role", "viewer", "--unit", "T01", "--password", "mat-khau-dai"
    )
    assert again.returncode == 0  # the refused attempt left no half-made account behind
