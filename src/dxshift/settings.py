"""One settings object, read from `DXSHIFT_*` environment variables, declared once with help.

Outside development it refuses unsafe defaults (the built-in secret key, cookies without the
Secure flag), so a production start with a forgotten setting fails loudly instead of quietly.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field, fields, replace
from functools import cache
from pathlib import Path

DEV_SECRET = "dev-only-secret-change-me"


def _env(name: str, default: str) -> str:
    return os.environ.get(f"DXSHIFT_{name.upper()}", default)


@dataclass(frozen=True)
class Settings:
    env: str = field(default="development", metadata={"help": "development | production"})
    database_url: str = field(
        default="sqlite:///dxshift.db", metadata={"help": "SQLAlchemy URL; SQLite file by default"}
    )
    secret_key: str = field(
        default=DEV_SECRET, metadata={"help": "signs session cookies; required in production"}
    )
    data_dir: str = field(
        default="dxshift-data", metadata={"help": "uploaded evidence files (outside the web root)"}
    )
    max_upload_mb: int = field(default=10, metadata={"help": "largest evidence file accepted"})
    max_request_mb: int = field(default=60, metadata={"help": "largest request body; refused before reading"})
    session_hours: int = field(default=12, metadata={"help": "how long a login lasts"})
    max_failed_logins: int = field(default=5, metadata={"help": "failed logins before a temporary lock"})
    lockout_minutes: int = field(default=15, metadata={"help": "how long a locked account stays locked"})
    secure_cookies: bool = field(default=False, metadata={"help": "send cookies over HTTPS only"})

    @classmethod
    def from_env(cls) -> Settings:
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = _env(f.name, "")
            if not raw:
                continue
            if f.type in ("int", int):
                values[f.name] = int(raw)
            elif f.type in ("bool", bool):
                values[f.name] = raw.lower() in {"1", "true", "yes", "on"}
            else:
                values[f.name] = raw
        settings = cls(**values)  # type: ignore[arg-type]
        settings.check()
        if settings.secret_key == DEV_SECRET:
            settings = replace(settings, secret_key=_installation_secret(Path(settings.data_dir)))
        return settings

    def check(self) -> None:
        if self.env != "development":
            if self.secret_key == DEV_SECRET or len(self.secret_key) < 32:
                raise ValueError(
                    "DXSHIFT_SECRET_KEY must be set to 32+ random characters outside development"
                )
            if not self.secure_cookies:
                raise ValueError("DXSHIFT_SECURE_COOKIES must be true outside development (HTTPS)")

    @property
    def upload_path(self) -> Path:
        return Path(self.data_dir) / "evidence"

    @property
    def documents_path(self) -> Path:
        """Uploaded project documents (appraisals), also outside the web root."""
        return Path(self.data_dir) / "documents"

    @property
    def max_request_bytes(self) -> int:
        return self.max_request_mb * 1024 * 1024

    @property
    def max_upload_bytes(self) -> int:
        return self.max_upload_mb * 1024 * 1024


def _installation_secret(data_dir: Path) -> str:
    """A random key kept in the data folder, so a development server never signs with a public key."""
    path = data_dir / ".secret_key"
    if path.exists():
        return path.read_text(encoding="ascii").strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    secret = secrets.token_urlsafe(48)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(secret)
    return secret


@cache
def get_settings() -> Settings:
    return Settings.from_env()


def describe() -> list[tuple[str, str, str]]:
    """(variable, default, help) for every setting: the docs and `dxshift serve --help` use it."""
    return [
        (f"DXSHIFT_{f.name.upper()}", str(f.default), str(f.metadata.get("help", "")))
        for f in fields(Settings)
    ]
