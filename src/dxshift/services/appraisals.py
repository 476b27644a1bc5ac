"""Project appraisals: is this initiative digital transformation or IT as usual?

The analyzer reads the uploaded documents in the background and proposes, for each shift, a
stance with evidence. A reviewer confirms or overrides each finding with a note, and decides
the verdict; both what the analyzer said and what the reviewer decided are kept.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dxshift.analysis.profile import STANCES, stance_of
from dxshift.framework import Framework
from dxshift.i18n import Lang
from dxshift.services import evidence_files as uploads
from dxshift.services.audit import record
from dxshift.services.errors import Forbidden, Invalid, NotFound
from dxshift.services.scope import Principal
from dxshift.storage.models import Initiative, InitiativeDocument, ShiftFinding, Unit, utcnow

KINDS = ("new_system", "upgrade", "rental", "platform_adoption")
DOCUMENT_KINDS = ("proposal", "feasibility", "plan", "other")
VERDICTS = ("mostly_dx", "mixed", "mostly_it")
DOCUMENT_SUFFIXES = {".pdf", ".docx", ".txt", ".md", ".html", ".htm"}
EVIDENCE_PER_SIDE = 3
CONTEXT_CHARS = 220


def may_upload(actor: Principal, initiative: Initiative) -> bool:
    """Who registers projects or appraises them may add their documents and retry analyses."""
    return actor.can("register_initiative", initiative.unit) or actor.can("appraise", initiative.unit)


def create_initiative(
    session: Session,
    *,
    actor: Principal,
    unit: Unit,
    title: str,
    kind: str,
    budget: int | None = None,
    period_start: int | None = None,
    period_end: int | None = None,
) -> Initiative:
    if not actor.can("register_initiative", unit):
        raise Forbidden("not_allowed")
    title = title.strip()
    if not title:
        raise Invalid("initiative_title_required")
    if kind not in KINDS:
        raise Invalid("initiative_bad_kind")
    if budget is not None and budget < 0:
        raise Invalid("initiative_bad_budget")
    if period_start and period_end and period_end < period_start:
        raise Invalid("initiative_bad_period")
    if any(y is not None and not 1990 <= y <= 2100 for y in (period_start, period_end)):
        raise Invalid("initiative_bad_period")
    initiative = Initiative(
        unit_id=unit.id,
        title=title[:500],
        kind=kind,
        budget=budget,
        period_start=period_start,
        period_end=period_end,
        created_by=actor.user_id,
    )
    session.add(initiative)
    session.flush()
    record(
        session,
        user_id=actor.user_id,
        action="create",
        entity="initiative",
        entity_id=initiative.id,
        after={"title": title, "unit": unit.code, "kind": kind, "budget": budget},
    )
    return initiative


def get_initiative(session: Session, actor: Principal, initiative_id: int) -> Initiative:
    initiative = session.get(Initiative, initiative_id)
    if initiative is None or not actor.can("view", initiative.unit):
        raise NotFound("initiative_not_found", id=initiative_id)
    return initiative


def add_document(
    session: Session,
    *,
    actor: Principal,
    initiative: Initiative,
    filename: str,
    data: bytes,
    kind: str,
    upload_dir: Path,
    max_bytes: int,
) -> InitiativeDocument:
    """Store an uploaded document under a random name and queue its analysis."""
    if not may_upload(actor, initiative):
        raise Forbidden("not_allowed")
    if kind not in DOCUMENT_KINDS:
        raise Invalid("bad_document_kind")
    uploads.check_size(data, max_bytes)
    suffix = Path(filename).suffix.lower()
    if suffix not in DOCUMENT_SUFFIXES:
        raise Invalid("document_bad_type", name=Path(filename).name)
    stored = uploads.store(session, data, upload_dir)
    document = InitiativeDocument(
        initiative_id=initiative.id,
        kind=kind,
        stored_name=stored,
        original_name=Path(filename).name[:255],
        size=len(data),
        uploaded_by=actor.user_id,
    )
    session.add(document)
    session.flush()
    record(
        session,
        user_id=actor.user_id,
        action="upload",
        entity="initiative",
        entity_id=initiative.id,
        after={"document": document.original_name, "size": len(data), "kind": kind},
    )
    return document


def documents_of(session: Session, initiative: Initiative) -> list[InitiativeDocument]:
    return list(
        session.scalars(
            select(InitiativeDocument)
            .where(InitiativeDocument.initiative_id == initiative.id)
            .order_by(InitiativeDocument.uploaded_at)
        )
    )


def retry_document(session: Session, *, actor: Principal, document: InitiativeDocument) -> None:
    initiative = session.get(Initiative, document.initiative_id)
    assert initiative is not None
    if not may_upload(actor, initiative):
        raise Forbidden("not_allowed")
    document.job_status, document.job_progress, document.job_error = "queued", 0, None


# ── findings ─────────────────────────────────────────────────────────────────


def _evidence_items(profile: dict[str, Any], document: InitiativeDocument) -> list[dict[str, Any]]:
    blocks = profile["blocks"]
    items = []
    for s in profile["sentences"]:
        if s["shift"] is None:
            continue
        block = blocks[s["block"]]
        items.append(
            {
                "document_id": document.id,
                "document": document.original_name,
                "shift": s["shift"],
                "side": s["side"],
                "confidence": s["confidence"],
                "text": s["text"],
                "location": s["location"],
                "before": block[max(0, s["start"] - CONTEXT_CHARS) : s["start"]],
                "match": block[s["start"] : s["end"]],
                "after": block[s["end"] : s["end"] + CONTEXT_CHARS],
                "phrases": s.get("phrases", []),
            }
        )
    return items


def recompute_findings(session: Session, initiative: Initiative, shift_count: int = 17) -> list[ShiftFinding]:
    """Aggregate the analysed documents into one finding per shift; reviewer decisions stay."""
    items: list[dict[str, Any]] = []
    for document in documents_of(session, initiative):
        if document.job_status == "done" and document.profile:
            items += _evidence_items(document.profile, document)
    existing = {
        f.shift: f
        for f in session.scalars(select(ShiftFinding).where(ShiftFinding.initiative_id == initiative.id))
    }
    findings = []
    for number in range(1, shift_count + 1):
        mine = [i for i in items if i["shift"] == number]
        it = sorted((i for i in mine if i["side"] == "it"), key=lambda i: -i["confidence"])
        dx = sorted((i for i in mine if i["side"] == "dx"), key=lambda i: -i["confidence"])
        stance, _ = stance_of(sum(i["confidence"] for i in it), sum(i["confidence"] for i in dx))
        finding = existing.get(number) or ShiftFinding(initiative_id=initiative.id, shift=number)
        finding.analyzer_stance = stance
        finding.analyzer_confidence = (
            round(sum(i["confidence"] for i in mine) / len(mine), 4) if mine else 0.0
        )
        finding.it_count, finding.dx_count = len(it), len(dx)
        finding.evidence = it[:EVIDENCE_PER_SIDE] + dx[:EVIDENCE_PER_SIDE]
        if number not in existing:
            session.add(finding)
        findings.append(finding)
    initiative.proposed_verdict = propose_verdict(findings).verdict
    session.flush()
    return findings


def findings_of(session: Session, initiative: Initiative) -> list[ShiftFinding]:
    return list(
        session.scalars(
            select(ShiftFinding)
            .where(ShiftFinding.initiative_id == initiative.id)
            .order_by(ShiftFinding.shift)
        )
    )


def review_finding(
    session: Session, *, actor: Principal, initiative: Initiative, shift: int, stance: str, note: str
) -> ShiftFinding:
    """Confirm (same stance) or override the analyzer's finding for one shift, with a note."""
    if not actor.can("appraise", initiative.unit):
        raise Forbidden("not_allowed")
    if stance not in STANCES:
        raise Invalid("bad_stance")
    finding = session.scalar(
        select(ShiftFinding).where(ShiftFinding.initiative_id == initiative.id, ShiftFinding.shift == shift)
    )
    if finding is None:
        raise NotFound("finding_not_found", shift=shift)
    if stance != finding.analyzer_stance and not note.strip():
        raise Invalid("override_note_required")
    before = {"stance": finding.reviewer_stance, "note": finding.reviewer_note}
    finding.reviewer_stance, finding.reviewer_note = stance, note.strip() or None
    finding.reviewed_by, finding.reviewed_at = actor.user_id, utcnow()
    record(
        session,
        user_id=actor.user_id,
        action="review_finding",
        entity="initiative",
        entity_id=initiative.id,
        before={str(shift): before},
        after={str(shift): {"stance": stance, "note": note.strip(), "analyzer": finding.analyzer_stance}},
    )
    initiative.proposed_verdict = propose_verdict(findings_of(session, initiative)).verdict
    return finding


@dataclass(frozen=True)
class Proposal:
    verdict: str | None
    it_shifts: list[int]
    dx_shifts: list[int]
    mixed_shifts: list[int]


def propose_verdict(findings: list[ShiftFinding]) -> Proposal:
    """The verdict the findings point to (the reviewer's stance wins where there is one).

    Mostly IT when the shifts leaning IT outnumber those leaning DX two to one, mostly DX the
    other way round, mixed otherwise; no proposal when no shift is addressed.
    """
    it = [f.shift for f in findings if f.stance == "leans_it"]
    dx = [f.shift for f in findings if f.stance == "leans_dx"]
    mixed = [f.shift for f in findings if f.stance == "mixed"]
    if not (it or dx or mixed):
        return Proposal(None, it, dx, mixed)
    if len(it) >= 2 * max(len(dx), 1) and it:
        verdict = "mostly_it"
    elif len(dx) >= 2 * max(len(it), 1) and dx:
        verdict = "mostly_dx"
    else:
        verdict = "mixed"
    return Proposal(verdict, it, dx, mixed)


def proposal_text(proposal: Proposal, framework: Framework, lang: str) -> str:
    """E.g. 'Chủ yếu là ứng dụng CNTT: máy chủ riêng từng đơn vị; đầu tư để sở hữu…'."""
    from dxshift.i18n import t

    lg: Lang = "en" if lang == "en" else "vi"
    if proposal.verdict is None:
        return t("verdict_none", lg)
    head = t(f"verdict_{proposal.verdict}", lg)
    sides = [framework.shift(n).it_side.get(lg) for n in proposal.it_shifts[:4]]
    if proposal.verdict == "mostly_dx":
        sides = [framework.shift(n).dx_side.get(lg) for n in proposal.dx_shifts[:4]]
    return head + (": " + "; ".join(s.rstrip(".").lower() for s in sides) if sides else "")


def decide(session: Session, *, actor: Principal, initiative: Initiative, verdict: str, note: str) -> None:
    if not actor.can("appraise", initiative.unit):
        raise Forbidden("not_allowed")
    if verdict not in VERDICTS:
        raise Invalid("bad_verdict")
    before = {"verdict": initiative.verdict, "note": initiative.verdict_note}
    initiative.verdict, initiative.verdict_note = verdict, note.strip() or None
    initiative.decided_by, initiative.decided_at = actor.user_id, utcnow()
    record(
        session,
        user_id=actor.user_id,
        action="decide",
        entity="initiative",
        entity_id=initiative.id,
        before=before,
        after={"verdict": verdict, "note": note.strip(), "proposed": initiative.proposed_verdict},
    )


def list_initiatives(
    session: Session,
    *,
    actor: Principal,
    unit: Unit | None = None,
    verdict: str | None = None,
    shift: int | None = None,
    stance: str | None = None,
    year: int | None = None,
) -> list[Initiative]:
    """Visible initiatives, filtered by unit subtree, verdict, a shift's stance and year.

    "All projects this year that buy servers instead of renting cloud" is shift 7 (or 8)
    with stance leans_it and this year.
    """
    query = select(Initiative).join(Unit, Unit.id == Initiative.unit_id).where(actor.unit_filter("view"))
    if unit is not None:
        query = query.where(Unit.path.startswith(unit.path, autoescape=True))
    if verdict:
        query = query.where(Initiative.verdict == verdict)
    if year:
        start = dt.datetime(year, 1, 1)
        query = query.where(
            Initiative.created_at >= start, Initiative.created_at < dt.datetime(year + 1, 1, 1)
        )
    if shift:
        sub = select(ShiftFinding.initiative_id).where(ShiftFinding.shift == shift)
        if stance:
            from sqlalchemy import func

            sub = sub.where(
                func.coalesce(ShiftFinding.reviewer_stance, ShiftFinding.analyzer_stance) == stance
            )
        query = query.where(Initiative.id.in_(sub))
    return list(session.scalars(query.order_by(Initiative.created_at.desc())))
