"""A file problem carrying a message key, so every entry point phrases it in the user's language."""

from __future__ import annotations

from typing import Any


class FileProblem(Exception):
    def __init__(self, code: str, **params: Any):
        self.code = code
        self.params = params
        super().__init__(f"{code}: {params}")
