"""Shared fixtures: the bundled framework, the tiny made-up one, and answer builders."""

from __future__ import annotations

from pathlib import Path

import pytest

from dxshift.framework import Framework, load_framework, load_framework_file
from dxshift.framework.schema import CountAnswer, Indicator, PercentAnswer, ScaleAnswer

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def framework() -> Framework:
    return load_framework()


@pytest.fixture(scope="session")
def tiny() -> Framework:
    return load_framework_file(DATA / "tiny-framework.yaml")


def best_value(ind: Indicator) -> object:
    """The answer that scores 100 on an indicator."""
    spec = ind.answer
    if isinstance(spec, ScaleAnswer):
        return spec.max_value
    if isinstance(spec, PercentAnswer):
        return 100
    if isinstance(spec, CountAnswer):
        return spec.target
    return True


def worst_value(ind: Indicator) -> object:
    """The answer that scores 0 on an indicator."""
    spec = ind.answer
    if isinstance(spec, ScaleAnswer | PercentAnswer):
        return 0
    if isinstance(spec, CountAnswer):
        return spec.baseline
    return False
