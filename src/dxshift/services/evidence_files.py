"""Uploaded files: their real type (from the first bytes, whatever the name says), their size,
and storing them under a random name outside the web root."""

from __future__ import annotations

import io
import uuid
import zipfile
from pathlib import Path

from sqlalchemy.orm import Session

from dxshift.services.errors import Invalid
from dxshift.storage.db import remember_file


def check_size(data: bytes, max_bytes: int) -> None:
    if not data:
        raise Invalid("upload_empty")
    if len(data) > max_bytes:
        raise Invalid("upload_too_large", max_mb=max_bytes // (1024 * 1024))


def store(session: Session, data: bytes, folder: Path) -> str:
    """Write the bytes under a random name (never the user's) and return that name.

    The file is tied to the session's transaction: a rollback deletes it again.
    """
    name = uuid.uuid4().hex
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)
    remember_file(session, folder / name)
    return name


def sniff_type(data: bytes) -> str | None:
    """The MIME type of an accepted evidence file, or None if the content is not one of them."""
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            return None
        if "[Content_Types].xml" in names:
            if any(n.startswith("word/") for n in names):
                return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            if any(n.startswith("xl/") for n in names):
                return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return None
