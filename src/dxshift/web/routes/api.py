"""Placeholder router; filled in by issue 5 work."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
