"""Downloads of campaign results: XLSX, CSV and official PDF reports, scoped like the user."""

from __future__ import annotations

import io
import re
import unicodedata
from urllib.parse import quote

from fastapi import APIRouter, Request
from starlette.responses import Response

from dxshift.services import assessments as assessment_service
from dxshift.services import campaigns as campaign_service
from dxshift.services import exports as service
from dxshift.web.deps import CurrentUser, SessionDep, lang_of

router = APIRouter(include_in_schema=False)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _ascii(name: str) -> str:
    plain = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^A-Za-z0-9._-]+", "-", plain).strip("-") or "dxshift"


def _download(data: bytes, media_type: str, filename: str, inline: bool = False) -> Response:
    """The file with a plain ASCII name and the real (Vietnamese) one for browsers that read it."""
    kind = "inline" if inline else "attachment"
    disposition = f"{kind}; filename=\"{_ascii(filename)}\"; filename*=UTF-8''{quote(filename)}"
    return Response(
        data,
        media_type=media_type,
        headers={"Content-Disposition": disposition, "Cache-Control": "private, no-store"},
    )


@router.get("/campaigns/{campaign_id}/export.xlsx")
def campaign_xlsx(request: Request, campaign_id: int, db: SessionDep, user: CurrentUser) -> Response:
    campaign = campaign_service.get_campaign(db, user, campaign_id)
    buffer = io.BytesIO()
    service.write_xlsx(db, actor=user, campaigns=[campaign], path=buffer, lang=lang_of(request))
    return _download(buffer.getvalue(), XLSX, f"{campaign.name}.xlsx")


@router.get("/campaigns/{campaign_id}/export.csv")
def campaign_csv(request: Request, campaign_id: int, db: SessionDep, user: CurrentUser) -> Response:
    campaign = campaign_service.get_campaign(db, user, campaign_id)
    buffer = io.BytesIO()
    service.write_csv(db, actor=user, campaign=campaign, path=buffer, lang=lang_of(request))
    return _download(buffer.getvalue(), "text/csv; charset=utf-8", f"{campaign.name}.csv")


@router.get("/campaigns/{campaign_id}/report.pdf")
def campaign_pdf(
    request: Request, campaign_id: int, db: SessionDep, user: CurrentUser, unit: int | None = None
) -> Response:
    campaign = campaign_service.get_campaign(db, user, campaign_id)
    root = service.report_root(db, actor=user, campaign=campaign, unit_id=unit)
    pdf = service.subtree_report_pdf(db, actor=user, campaign=campaign, root_unit=root, lang=lang_of(request))
    return _download(pdf, "application/pdf", f"bao-cao-{root.code}-dot-{campaign.id}.pdf", inline=True)


@router.get("/assessments/{assessment_id}/report.pdf")
def assessment_pdf(request: Request, assessment_id: int, db: SessionDep, user: CurrentUser) -> Response:
    assessment = assessment_service.get_assessment(db, user, assessment_id)
    pdf = service.unit_report_pdf(db, actor=user, assessment=assessment, lang=lang_of(request))
    code = assessment.unit.code
    return _download(pdf, "application/pdf", f"bao-cao-{code}-dot-{assessment.campaign_id}.pdf", inline=True)
