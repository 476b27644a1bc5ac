"""Errors a service raises; each carries a message key for the user's language."""

from __future__ import annotations

from typing import Any


class ServiceError(Exception):
    status = 400

    def __init__(self, code: str, /, **params: Any):
        self.code = code
        self.params = params
        super().__init__(f"{code}: {params}")


class NotFound(ServiceError):
    """Missing, or outside the actor's scope: the two look the same, so nothing leaks."""

    status = 404


class Forbidden(ServiceError):
    status = 403


class Conflict(ServiceError):
    """Someone else changed the thing first (stale version)."""

    status = 409


class Invalid(ServiceError):
    status = 422
