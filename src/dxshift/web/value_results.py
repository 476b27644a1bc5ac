"""A stored value model's analysis, computed once per model version and language, then reused.

The Monte Carlo run and the charts take a second; the project page, the PDF and the API all
read the same cached analysis. The key is the model itself (as JSON), so an edit is a new key.
"""

from __future__ import annotations

from functools import lru_cache

from markupsafe import Markup

from dxshift.economics import ValueModel
from dxshift.i18n import Lang
from dxshift.reports.value_report import ValueReport, build_report, render_fragment


@lru_cache(maxsize=32)
def _report(model_json: str, lang: Lang) -> ValueReport:
    """The analysis of one stored model (Monte Carlo included), done once per model and language."""
    return build_report(ValueModel.model_validate_json(model_json), lang)


@lru_cache(maxsize=32)
def _fragment(model_json: str, lang: Lang) -> Markup:
    return render_fragment(_report(model_json, lang), "svg", heading_level=3)


def report_of(model: ValueModel, lang: Lang) -> ValueReport:
    return _report(model.model_dump_json(), lang)


def results_html(model: ValueModel, lang: Lang) -> Markup:
    return _fragment(model.model_dump_json(), lang)
