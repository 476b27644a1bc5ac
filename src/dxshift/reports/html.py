"""The result as a standalone HTML page (chart embedded), also the source of the PDF."""

from __future__ import annotations

import base64
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from dxshift.i18n import fmt_date, fmt_number, fmt_percent, t
from dxshift.reports.chart import radar_png
from dxshift.reports.context import ReportContext
from dxshift.reports.wording import condition_text, value_text


@cache
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("dxshift.reports", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(ctx: ReportContext, font_faces: list[dict[str, Any]] | None = None) -> str:
    fw, res, lang = ctx.framework, ctx.result, ctx.lang
    chart = base64.b64encode(radar_png(res, lang)).decode("ascii")
    return (
        environment()
        .get_template("report.html")
        .render(
            ctx=ctx,
            fw=fw,
            res=res,
            lang=lang,
            chart=chart,
            font_faces=font_faces or [],
            level=next(lv for lv in fw.levels if lv.id == res.level.id),
            next_level=next((lv for lv in fw.levels if lv.id == res.level.next_id), None),
            t=lambda key, **p: t(key, lang, **p),
            num=lambda x: fmt_number(x, lang),
            pct=lambda x: fmt_percent(x, lang),
            date=lambda d: fmt_date(d, lang),
            cond=lambda c: condition_text(fw, c, lang),
            answer=lambda ind, v: value_text(ind, v, lang),
        )
    )
