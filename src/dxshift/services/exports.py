"""Exports of campaign results, scoped like the user: XLSX and CSV tables, official PDF reports.

Every function takes the acting principal and only ever shows units the actor may view; a
campaign, unit or assessment outside their scope raises NotFound, like the pages do.
Shift scores are read from the stored result with JSON paths in SQL, so a national campaign
(thousands of units, each result tens of kilobytes) is not loaded into Python.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import statistics
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, aliased

import dxshift.labels  # noqa: F401  (registers the messages)
from dxshift.framework import Framework, load_framework
from dxshift.i18n import Lang, t, vi_sort_key
from dxshift.reports import ReportContext
from dxshift.reports.json_report import to_dict
from dxshift.services import assessments as assessment_service
from dxshift.services.campaigns import visible_campaigns
from dxshift.services.errors import Invalid, NotFound
from dxshift.services.scope import ROLE_ACTIONS, Principal
from dxshift.storage.models import Assessment, Campaign, ShiftScore, Unit

SCORED = ("submitted", "approved")  # statuses whose stored result is current
RANKING_LIMIT = 300  # rows of the ranking table in a subtree PDF; the XLSX has them all
SHEET_TITLE_MAX = 31
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")

Output = str | Path | BinaryIO


def framework_of_campaign(campaign: Campaign) -> Framework:
    return load_framework(f"{campaign.framework_id}@{campaign.framework_version}")


def _check_campaign(session: Session, actor: Principal, campaign: Campaign) -> None:
    if campaign.id not in {c.id for c in visible_campaigns(session, actor)}:
        raise NotFound("campaign_not_found", id=campaign.id)


def _rows(
    session: Session,
    *,
    actor: Principal,
    campaign: Campaign,
    shifts: int,
    root: Unit | None = None,
    approved_only: bool = False,
) -> list[dict[str, Any]]:
    """The campaign's assessments the actor can view (optionally under `root`), in tree order."""
    parent = aliased(Unit)
    scored = Assessment.status.in_(("approved",) if approved_only else SCORED)

    def when_scored(expr: Any) -> Any:
        return case((scored, expr), else_=None)

    query = (
        select(
            Assessment.id.label("assessment_id"),
            Assessment.status,
            when_scored(Assessment.score_index).label("index"),
            when_scored(Assessment.score_coverage).label("coverage"),
            when_scored(Assessment.level).label("level"),
            Unit.id.label("unit_id"),
            Unit.code,
            Unit.name,
            Unit.kind,
            parent.code.label("parent_code"),
        )
        .join(Unit, Unit.id == Assessment.unit_id)
        .outerjoin(parent, parent.id == Unit.parent_id)
        .where(Assessment.campaign_id == campaign.id, actor.unit_filter("view"))
        .order_by(Unit.path)
    )
    if root is not None:
        query = query.where(Unit.path.startswith(root.path, autoescape=True))
    if approved_only:
        query = query.where(scored)
    rows = session.execute(query).all()
    scores: dict[int, list[float | None]] = {
        r.assessment_id: [None] * shifts for r in rows if r.index is not None
    }
    if scores:  # the stored per-shift scores, one portable query instead of JSON paths
        for assessment_id, shift, score in session.execute(
            select(ShiftScore.assessment_id, ShiftScore.shift, ShiftScore.score).where(
                ShiftScore.assessment_id.in_(list(scores))
            )
        ):
            if 1 <= shift <= shifts:
                scores[assessment_id][shift - 1] = score
    return [
        {
            "assessment_id": r.assessment_id,
            "unit_id": r.unit_id,
            "code": r.code,
            "name": r.name,
            "kind": r.kind,
            "parent_code": r.parent_code,
            "status": r.status,
            "index": r.index,
            "level": r.level,
            "coverage": r.coverage,
            "shifts": scores.get(r.assessment_id, [None] * shifts),
        }
        for r in rows
    ]


def campaign_table(session: Session, *, actor: Principal, campaign: Campaign) -> list[dict[str, Any]]:
    """One row per unit of the campaign the actor can view, in tree order.

    Keys: assessment_id, unit_id, code, name, kind, parent_code, status, index, level (id),
    coverage (0..1) and shifts (one score per shift, shift k at position k - 1). The scores
    are None unless the assessment is submitted or approved (a returned one's old result is stale).
    """
    _check_campaign(session, actor, campaign)
    framework = framework_of_campaign(campaign)
    return _rows(session, actor=actor, campaign=campaign, shifts=len(framework.shifts))


# ── tables: XLSX and CSV ─────────────────────────────────────────────────────


def _round1(x: float | None) -> float | None:
    return None if x is None else round(x, 1)


def _header(framework: Framework, lang: Lang) -> list[str]:
    return [
        t("export_col_code", lang),
        t("export_col_name", lang),
        t("export_col_kind", lang),
        t("export_col_parent", lang),
        t("status", lang),
        t("index", lang),
        t("level", lang),
        t("coverage", lang),
        *(t("shift_n", lang, n=s.number) for s in framework.shifts),
    ]


def _values(row: dict[str, Any], levels: dict[str, str], lang: Lang) -> list[Any]:
    coverage = row["coverage"]
    return [
        row["code"],
        row["name"],
        row["kind"] or None,
        row["parent_code"],
        t(f"status_{row['status']}", lang),
        _round1(row["index"]),
        levels.get(row["level"], row["level"]) if row["level"] else None,
        None if coverage is None else round(coverage, 2),
        *(_round1(v) for v in row["shifts"]),
    ]


def _level_names(framework: Framework, lang: Lang) -> dict[str, str]:
    return {lv.id: lv.name.get(lang) for lv in framework.levels}


def sheet_title(name: str, taken: set[str]) -> str:
    """A valid, unique Excel sheet title: forbidden characters replaced, at most 31 characters."""
    base = _SHEET_FORBIDDEN.sub("-", unicodedata.normalize("NFC", name)).strip().strip("'") or "Sheet"
    title, n = base[:SHEET_TITLE_MAX], 1
    while title.casefold() in taken:
        n += 1
        suffix = f" ({n})"
        title = base[: SHEET_TITLE_MAX - len(suffix)] + suffix
    taken.add(title.casefold())
    return title


def write_xlsx(
    session: Session,
    *,
    actor: Principal,
    campaigns: Sequence[Campaign],
    path: Output,
    lang: Lang = "vi",
) -> None:
    """One sheet per campaign: header in `lang`, one row per visible unit, numbers as numbers."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    taken: set[str] = set()
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DCE6F1")
    wrap = Alignment(vertical="top", wrap_text=True)
    for campaign in campaigns:
        framework = framework_of_campaign(campaign)
        table = campaign_table(session, actor=actor, campaign=campaign)
        header = _header(framework, lang)
        levels = _level_names(framework, lang)
        sheet = book.create_sheet(sheet_title(campaign.name, taken))
        sheet.freeze_panes = "C2"  # the header row and the code and name columns stay in view
        rows = [_values(r, levels, lang) for r in table]
        for col, title in enumerate(header, start=1):
            longest = max((len(str(v[col - 1])) for v in rows[:2000] if v[col - 1] is not None), default=0)
            width = max(len(title) + 2, min(longest + 2, 48), 8)
            sheet.column_dimensions[get_column_letter(col)].width = width
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
        cells = []
        for title in header:
            cell = WriteOnlyCell(sheet, value=title)
            cell.font, cell.fill, cell.alignment = bold, fill, wrap
            cells.append(cell)
        sheet.append(cells)
        coverage_col = 7
        for values in rows:
            coverage = WriteOnlyCell(sheet, value=values[coverage_col])
            coverage.number_format = "0%"
            values[coverage_col] = coverage
            sheet.append(values)
    if not campaigns:
        book.create_sheet("—")
    book.save(path)


def write_csv(
    session: Session,
    *,
    actor: Principal,
    campaign: Campaign,
    path: Output,
    lang: Lang = "vi",
) -> None:
    """The campaign's table as CSV: UTF-8 with a BOM (Excel then reads Vietnamese correctly),
    comma-separated, decimal point, coverage as a share 0..1."""
    framework = framework_of_campaign(campaign)
    levels = _level_names(framework, lang)
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(_header(framework, lang))
    for row in campaign_table(session, actor=actor, campaign=campaign):
        writer.writerow(["" if v is None else v for v in _values(row, levels, lang)])
    data = text.getvalue().encode("utf-8-sig")
    if isinstance(path, str | Path):
        Path(path).write_bytes(data)
    else:
        path.write(data)


# ── official PDF reports ─────────────────────────────────────────────────────

_PLACE = re.compile(
    r"(?:^|\s)(?:thành phố|tỉnh|thị xã|thị trấn|xã|phường|đặc khu|quận|huyện)\s+(\S.*)$", re.IGNORECASE
)
_SMALL_WORDS = {"và", "của", "các", "cho", "với"}


def _chain(session: Session, unit: Unit) -> list[Unit]:
    """The unit and its ancestors, nearest first."""
    ids = [int(p) for p in unit.path.strip("/").split("/") if p]
    found = {u.id: u for u in session.scalars(select(Unit).where(Unit.id.in_(ids)))}
    return [found[i] for i in reversed(ids) if i in found] or [unit]


def place_name(session: Session, unit: Unit) -> str:
    """The place of the date line: the nearest administrative area (the unit or above it)."""
    for item in _chain(session, unit):
        name = re.sub(r"\s*\(.*?\)\s*", " ", unicodedata.normalize("NFC", item.name)).strip()
        match = _PLACE.search(name)
        if match:
            return match.group(1).strip()
    return "……"


def abbreviation(name: str) -> str:
    """Letters after /BC- in the document number: UBND for a local government, else initials."""
    name = unicodedata.normalize("NFC", re.sub(r"\(.*?\)", " ", name)).strip()
    if _PLACE.match(name) or re.match(r"(?i)(ủy|uỷ) ban nhân dân|ubnd\b", name):
        return "UBND"
    letters = []
    for word in name.split():
        if word.lower() in _SMALL_WORDS:
            continue
        if word.isupper() and len(word) > 1:
            letters.append(word)
            continue
        first = word[0]
        if first.lower() != "đ":
            first = unicodedata.normalize("NFD", first)[0]
        letters.append(first.upper())
    return "".join(letters)[:12] or "DV"


def _heading(session: Session, unit: Unit, actor: Principal, lang: Lang) -> dict[str, Any]:
    """Who issues the report, where and when: the top of an administrative document."""
    today = dt.date.today()
    chain = _chain(session, unit)
    superior = chain[1] if len(chain) > 1 else None
    # Decree 30/2020: a leading zero for days below 10 and for months 1 and 2 only.
    day = f"{today.day:02d}"
    month = f"{today.month:02d}" if today.month < 3 else str(today.month)
    place = place_name(session, unit)
    return {
        "issuer": unit.name.upper(),
        "superior": superior.name.upper() if superior else None,
        "superior_name": superior.name if superior else None,
        "abbr": abbreviation(unit.name),
        "place_date": t(
            "official_place_date", lang, place=place, d=day, m=month, y=today.year, date=today.isoformat()
        ),
        "today": today,
        "signer": actor.full_name or actor.username,
    }


def unit_report_pdf(
    session: Session, *, actor: Principal, assessment: Assessment, lang: Lang = "vi"
) -> bytes:
    """The official report of one unit's result in one campaign."""
    from dxshift.reports.chart import radar_png
    from dxshift.reports.official import render_official

    assessment_service.get_assessment(session, actor, assessment.id)  # NotFound outside scope
    if assessment.status not in SCORED or assessment.result is None:
        raise Invalid("export_not_ready")
    unit, campaign = assessment.unit, assessment.campaign
    framework = assessment_service.framework_of(assessment)
    result = assessment_service.current_result(assessment)  # the answers are locked: same result
    stored: dict[str, Any] = assessment.result
    data = (
        stored
        if stored.get("lang") == lang
        else to_dict(ReportContext(framework, result, lang, unit.name, unit.code))
    )
    on = assessment.approved_at or assessment.submitted_at
    return render_official(
        "official_unit.html",
        lang,
        heading=_heading(session, unit, actor, lang),
        title=t("official_unit_title", lang, unit=unit.name),
        campaign=campaign,
        framework=framework,
        unit=unit,
        assessment=assessment,
        r=data,
        decided_on=on.date() if on else None,
        chart=radar_png(result, lang),
    )


def report_root(
    session: Session, *, actor: Principal, campaign: Campaign, unit_id: int | None = None
) -> Unit:
    """The root of a subtree report: the unit asked for, else the campaign scope when the actor
    can view it, else the actor's highest visible unit inside the scope. NotFound otherwise."""
    _check_campaign(session, actor, campaign)
    scope = campaign.scope_unit
    if unit_id is not None:
        unit = session.get(Unit, unit_id)
        if unit is None or not actor.can("view", unit) or not unit.path.startswith(scope.path):
            raise NotFound("unit_not_found", id=unit_id)
        return unit
    if actor.can("view", scope):
        return scope
    inside = [
        g for g in actor.grants if "view" in ROLE_ACTIONS[g.role] and g.unit_path.startswith(scope.path)
    ]
    if not inside:
        raise NotFound("unit_not_found", id=scope.id)
    top = min(inside, key=lambda g: (g.unit_path.count("/"), g.unit_path))
    unit = session.get(Unit, top.unit_id)
    assert unit is not None
    return unit


def _competition_ranks(values: list[float]) -> list[int]:
    """1, 2, 2, 4: equal values share a rank (values sorted high to low)."""
    ranks: list[int] = []
    for i, v in enumerate(values):
        ranks.append(ranks[-1] if i and v == values[i - 1] else i + 1)
    return ranks


def subtree_summary(
    session: Session, *, actor: Principal, campaign: Campaign, root_unit: Unit
) -> dict[str, Any]:
    """Counts, level distribution, mean index and shift scores, and the ranking of a subtree's
    approved results (only units the actor can view)."""
    framework = framework_of_campaign(campaign)
    shifts = len(framework.shifts)
    approved = _rows(
        session, actor=actor, campaign=campaign, shifts=shifts, root=root_unit, approved_only=True
    )
    total = (
        session.scalar(
            select(func.count())
            .select_from(Assessment)
            .join(Unit, Unit.id == Assessment.unit_id)
            .where(
                Assessment.campaign_id == campaign.id,
                actor.unit_filter("view"),
                Unit.path.startswith(root_unit.path, autoescape=True),
            )
        )
        or 0
    )
    ranked = sorted(approved, key=lambda r: (-round(r["index"] or 0.0, 1), vi_sort_key(r["name"])))
    ranks = _competition_ranks([round(r["index"] or 0.0, 1) for r in ranked])
    counts = {lv.id: 0 for lv in framework.levels}
    for r in approved:
        counts[r["level"]] = counts.get(r["level"], 0) + 1
    means: list[float | None] = []
    for k in range(shifts):
        scores = [r["shifts"][k] for r in approved if r["shifts"][k] is not None]
        means.append(statistics.fmean(scores) if scores else None)
    indexes = [r["index"] for r in approved if r["index"] is not None]
    return {
        "framework": framework,
        "total": total,
        "approved": len(approved),
        "mean_index": statistics.fmean(indexes) if indexes else None,
        "distribution": [
            (lv, counts[lv.id], counts[lv.id] / len(approved) if approved else 0.0) for lv in framework.levels
        ],
        "means": means,
        "ranking": list(zip(ranks, ranked, strict=True)),
    }


def subtree_report_pdf(
    session: Session, *, actor: Principal, campaign: Campaign, root_unit: Unit, lang: Lang = "vi"
) -> bytes:
    """The official report of a unit and every unit below it that the actor can view."""
    from dxshift.reports.chart import radar_scores_png
    from dxshift.reports.official import render_official

    _check_campaign(session, actor, campaign)
    if not actor.can("view", root_unit):
        raise NotFound("unit_not_found", id=root_unit.id)
    summary = subtree_summary(session, actor=actor, campaign=campaign, root_unit=root_unit)
    chart = (
        radar_scores_png(summary["means"], lang, title=t("official_mean_radar", lang))
        if summary["approved"]
        else None
    )
    return render_official(
        "official_subtree.html",
        lang,
        heading=_heading(session, root_unit, actor, lang),
        title=t("official_subtree_title", lang, unit=root_unit.name),
        campaign=campaign,
        framework=summary["framework"],
        unit=root_unit,
        s=summary,
        ranking=summary["ranking"][:RANKING_LIMIT],
        ranking_limit=RANKING_LIMIT,
        levels=_level_names(summary["framework"], lang),
        chart=chart,
    )
