"""The dashboard: a subtree and a campaign at a glance, every chart with its numbers as a table."""

from __future__ import annotations

from fastapi import APIRouter, Request
from markupsafe import Markup
from starlette.responses import Response

import dxshift.labels  # noqa: F401  (registers the messages)
from dxshift.framework import load_framework
from dxshift.i18n import fmt_number, t
from dxshift.services import campaigns as campaign_service
from dxshift.services import dashboards
from dxshift.services import units as unit_service
from dxshift.services.errors import NotFound
from dxshift.web.charts import heat_colour, radar_svg, trend_svg
from dxshift.web.deps import CurrentUser, SessionDep, lang_of, render

router = APIRouter(include_in_schema=False)


@router.get("/dashboard")
def dashboard(
    request: Request, db: SessionDep, user: CurrentUser, campaign: int | None = None, unit: int | None = None
) -> Response:
    lang = lang_of(request)
    roots = unit_service.visible_roots(db, user)
    if not roots:
        raise NotFound("unit_not_found", id=0)
    root = unit_service.get_unit(db, user, unit) if unit else roots[0]
    visible = campaign_service.visible_campaigns(db, user)
    if not visible:
        return render(request, "dashboard.html", user=user, board=None, campaigns=[], root=root)
    chosen = campaign_service.get_campaign(db, user, campaign) if campaign else visible[0]
    board = dashboards.build(db, actor=user, root=root, campaign=chosen)
    framework = load_framework(f"{chosen.framework_id}@{chosen.framework_version}")
    ancestors = [
        u
        for u in (db.get(type(root), int(i)) for i in root.path.strip("/").split("/")[:-1])
        if u is not None and user.can("view", u)
    ]
    return render(
        request,
        "dashboard.html",
        user=user,
        board=board,
        root=root,
        campaigns=visible,
        fw=framework,
        ancestors=ancestors,
        radar=Markup(
            radar_svg(board.radar, [str(s.number) for s in framework.shifts], t("radar_title", lang))
        ),
        trend=Markup(
            trend_svg(
                [
                    (c.name[-4:] if c.name[-4:].isdigit() else c.name[:12], fmt_number(v, lang), v)
                    for c, v, _ in board.trend
                ],
                t("trend", lang),
            )
        ),
        heat=heat_colour,
        level_names={lv.id: lv.name.get(lang) for lv in framework.levels},
    )
