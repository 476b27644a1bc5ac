"""Everything a report needs, gathered once, so Markdown, HTML and PDF say the same things."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from dxshift.assessment.result import AssessmentResult
from dxshift.framework.schema import Framework
from dxshift.i18n import Lang


@dataclass(frozen=True)
class ReportContext:
    framework: Framework
    result: AssessmentResult
    lang: Lang = "vi"
    unit_name: str | None = None
    unit_code: str | None = None
    assessed_on: dt.date | None = None
    generated_on: dt.date = field(default_factory=dt.date.today)
