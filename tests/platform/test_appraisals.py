"""Project appraisals: upload, background analysis, findings, review, verdict, filters."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sqlalchemy import select

from dxshift.services import appraisals
from dxshift.services.analysis_jobs import run_document_analysis
from dxshift.services.errors import Forbidden, Invalid
from dxshift.storage.models import Initiative, InitiativeDocument, ShiftFinding

from ..analysis.conftest import make_docx
from .conftest import World

SERVER_PROPOSAL = [
    "ĐỀ XUẤT DỰ ÁN: Trang bị hạ tầng cho Phòng Tài chính – Kế hoạch huyện",
    "Xây dựng một phần mềm quản lý hồ sơ ngân sách riêng, chỉ dùng cho Phòng Tài chính – Kế hoạch huyện.",
    "Mỗi phòng chuyên môn sẽ có một phần mềm quản lý riêng phù hợp với nghiệp vụ của mình.",
    "Đầu tư mua sắm 04 máy chủ và 01 tủ lưu trữ đặt tại phòng máy chủ riêng của Phòng Tài chính – Kế hoạch.",
    "Đơn vị tự vận hành, bảo trì hệ thống máy chủ và thiết bị mạng đặt tại trụ sở.",
    "Hệ thống được đầu tư bằng vốn ngân sách huyện và thuộc tài sản của đơn vị sau khi nghiệm thu.",
    "Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015.",
]


def proposal_docx(tmp_path: Path) -> bytes:
    return make_docx(tmp_path / "de-xuat.docx", SERVER_PROPOSAL).read_bytes()


def _register(world: World, tmp_path: Path) -> tuple[int, int]:
    with world.session() as s:
        cora = world.principal(s, "cora")
        initiative = appraisals.create_initiative(
            s,
            actor=cora,
            unit=s.merge(world.commune_a),
            title="Máy chủ huyện",
            kind="new_system",
            budget=3_200_000_000,
            period_start=2026,
            period_end=2027,
        )
        document = appraisals.add_document(
            s,
            actor=cora,
            initiative=initiative,
            filename="de-xuat.docx",
            data=proposal_docx(tmp_path),
            kind="proposal",
            upload_dir=tmp_path,
            max_bytes=10**7,
        )
        s.commit()
        return initiative.id, document.id


def test_the_analysis_marks_shifts_3_7_8_as_leaning_it_with_located_evidence(
    world: World, tmp_path: Path
) -> None:
    initiative_id, document_id = _register(world, tmp_path)
    assert run_document_analysis(world.url, document_id, str(tmp_path)) == "done"
    with world.session() as s:
        findings = {
            f.shift: f
            for f in s.scalars(select(ShiftFinding).where(ShiftFinding.initiative_id == initiative_id))
        }
        assert len(findings) == 17
        for shift in (3, 7, 8):
            assert findings[shift].analyzer_stance == "leans_it", shift
            evidence = findings[shift].evidence
            assert evidence and all(e["side"] == "it" for e in evidence)
            assert all(e["match"] in SERVER_PROPOSAL and e["location"].startswith("đoạn") for e in evidence)
        assert findings[1].analyzer_stance == "not_addressed"
        assert s.get(Initiative, initiative_id).proposed_verdict == "mostly_it"
        document = s.get(InitiativeDocument, document_id)
        assert (document.job_status, document.job_progress) == ("done", 100)


def test_a_corrupt_document_fails_with_a_reason_and_can_be_retried(world: World, tmp_path: Path) -> None:
    with world.session() as s:
        cora = world.principal(s, "cora")
        initiative = appraisals.create_initiative(
            s, actor=cora, unit=s.merge(world.commune_a), title="Hỏng", kind="upgrade"
        )
        document = appraisals.add_document(
            s,
            actor=cora,
            initiative=initiative,
            filename="hong.docx",
            data=b"PK\x03\x04 not a docx",
            kind="proposal",
            upload_dir=tmp_path,
            max_bytes=10**7,
        )
        s.commit()
        document_id = document.id
    assert run_document_analysis(world.url, document_id, str(tmp_path)) == "failed"
    with world.session() as s:
        document = s.get(InitiativeDocument, document_id)
        assert document.job_status == "failed" and document.job_error == "extract_corrupt"
        appraisals.retry_document(s, actor=world.principal(s, "cora"), document=document)
        s.commit()
        assert document.job_status == "queued"


def test_the_reviewer_overrides_with_a_note_and_decides_both_are_kept(world: World, tmp_path: Path) -> None:
    initiative_id, document_id = _register(world, tmp_path)
    run_document_analysis(world.url, document_id, str(tmp_path))
    with world.session() as s:
        rita, alice = world.principal(s, "rita"), world.principal(s, "alice")
        initiative = s.get(Initiative, initiative_id)
        with pytest.raises(Invalid):  # overriding needs a reason
            appraisals.review_finding(s, actor=rita, initiative=initiative, shift=8, stance="mixed", note="")
        with pytest.raises(Forbidden):
            appraisals.review_finding(
                s, actor=alice, initiative=initiative, shift=8, stance="mixed", note="x"
            )
        appraisals.review_finding(
            s, actor=rita, initiative=initiative, shift=8, stance="mixed", note="Có phương án thuê ở phụ lục"
        )
        appraisals.review_finding(s, actor=rita, initiative=initiative, shift=7, stance="leans_it", note="")
        appraisals.decide(s, actor=rita, initiative=initiative, verdict="mostly_it", note="Mua máy chủ riêng")
        s.commit()
        f8 = s.scalar(
            select(ShiftFinding).where(ShiftFinding.initiative_id == initiative_id, ShiftFinding.shift == 8)
        )
        assert (f8.analyzer_stance, f8.reviewer_stance, f8.stance) == ("leans_it", "mixed", "mixed")
        assert s.get(Initiative, initiative_id).verdict == "mostly_it"


def test_appraisals_are_filtered_by_verdict_shift_stance_and_scope(world: World, tmp_path: Path) -> None:
    initiative_id, document_id = _register(world, tmp_path)
    run_document_analysis(world.url, document_id, str(tmp_path))
    with world.session() as s:
        cora, bob, alice = (world.principal(s, n) for n in ("cora", "bob", "alice"))
        servers = appraisals.list_initiatives(s, actor=cora, shift=7, stance="leans_it", year=2026)
        assert [i.id for i in servers] == [initiative_id]
        assert appraisals.list_initiatives(s, actor=cora, shift=7, stance="leans_dx") == []
        assert appraisals.list_initiatives(s, actor=cora, verdict="mostly_dx") == []
        assert appraisals.list_initiatives(s, actor=bob) == []  # another commune's project
        assert [i.id for i in appraisals.list_initiatives(s, actor=alice)] == [initiative_id]


def test_the_pages_run_the_job_in_the_background_and_show_the_findings(
    world: World, client_for, tmp_path: Path
) -> None:
    cora = client_for("cora")
    r = cora.post(
        "/appraisals/new",
        data={
            "title": "Máy chủ cho Phòng Tài chính",
            "unit_id": str(world.commune_a.id),
            "kind": "new_system",
            "budget": "3.200.000.000",
            "period_start": "2026",
            "period_end": "2027",
            "document_kind": "proposal",
            "csrf_token": cora.csrf,
        },
        files={"documents": ("de-xuat.docx", proposal_docx(tmp_path), "application/octet-stream")},
        follow_redirects=False,
    )
    assert r.status_code == 303
    page_url = r.headers["location"]
    deadline = time.time() + 120
    while time.time() < deadline:
        jobs = cora.get(page_url + "/jobs").text
        if "Đã phân tích" in jobs or "thất bại" in jobs:
            break
        time.sleep(0.5)
    assert "Đã phân tích" in jobs, jobs
    page = cora.get(page_url).text
    for shift in (3, 7, 8):
        assert f'data-testid="analyzer-{shift}">Nghiêng về ứng dụng CNTT<' in page
    assert '<mark data-side="it">Đầu tư mua sắm 04 máy chủ' in page
    assert "3.200.000.000" in page
    bob = client_for("bob")
    assert bob.get(page_url).status_code == 404
    listing = cora.get(f"/appraisals?unit={world.commune_a.id}&shift=7&stance=leans_it").text
    assert "Máy chủ cho Phòng Tài chính" in listing
    assert "Máy chủ cho Phòng Tài chính" not in cora.get(f"/appraisals?unit={world.commune_b.id}").text
