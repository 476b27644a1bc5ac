"""Services on both databases: the tree, imports, accounts, campaigns, answers, workflow, audit."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from sqlalchemy import func, select

from dxshift.analysis.legacy import unicode_to_tcvn3
from dxshift.services import accounts, assessments, units
from dxshift.services.errors import Conflict, Forbidden, Invalid
from dxshift.storage.models import AuditEntry, Unit, UnitMove, User, utcnow

from .conftest import PASSWORD, World


def test_moving_a_unit_moves_its_subtree_and_keeps_its_history(world: World) -> None:
    with world.session() as s:
        a = s.get(Unit, world.commune_a.id)
        school = units.create_unit(s, code="A-S1", name="Trường Tiểu học Ái Quốc", kind="school", parent=a)
        agency = s.get(Unit, world.agency.id)
        assessment_id = world.assessment_of(s, a).id
        units.move_unit(s, unit=a, new_parent=agency, actor_id=world.users["adam"].id)
        s.commit()
        a, school = s.get(Unit, world.commune_a.id), s.get(Unit, school.id)
        assert a.parent_id == world.agency.id and a.depth == 2
        assert school.path == f"{a.path}{school.id}/" and school.depth == 3
        assert world.assessment_of(s, a).id == assessment_id
        move = s.scalar(select(UnitMove).where(UnitMove.unit_id == a.id))
        assert (move.old_parent_id, move.new_parent_id) == (world.province.id, world.agency.id)


def test_a_unit_cannot_move_under_its_own_descendant(world: World) -> None:
    with world.session() as s:
        province, a = s.get(Unit, world.province.id), s.get(Unit, world.commune_a.id)
        with pytest.raises(Invalid):
            units.move_unit(s, unit=province, new_parent=a)


def _rows(*rows: tuple[str, str, str, str]) -> list[dict[str, str]]:
    return [dict(zip(units.COLUMNS, r, strict=True)) for r in rows]


def test_import_dry_run_lists_every_error_and_changes_nothing(world: World) -> None:
    rows = _rows(
        ("C", "Xã Cao Sơn", "commune", "P"),
        ("C", "Xã Cao Sơn trùng", "commune", "P"),
        ("D", "Xã Dương Hòa", "commune", "NOPE"),
        ("X", "Đơn vị X", "agency", "Y"),
        ("Y", "Đơn vị Y", "agency", "X"),
        ("P", "Tỉnh Thử Nghiệm", "province", "A"),  # the province under its own commune
    )
    with world.session() as s:
        before = s.scalar(select(func.count()).select_from(Unit))
        report = units.import_units(s, rows=rows, dry_run=False)
        s.commit()
        codes = sorted(code for _, code, _ in report.errors)
        assert codes == ["cycle", "cycle", "cycle", "duplicate_code", "missing_parent"]
        assert not report.applied
        assert s.scalar(select(func.count()).select_from(Unit)) == before


def test_import_creates_updates_and_moves_then_exports_the_same_tree(world: World, tmp_path) -> None:
    rows = _rows(
        ("S", "Trường THPT Sông Đà", "school", "C"),  # child listed before its parent
        ("C", "Xã Cao Sơn", "commune", "P"),
        ("B", "Xã Bình Minh Mới", "commune", "G"),  # renamed and moved under the agency
    )
    with world.session() as s:
        dry = units.import_units(s, rows=rows, dry_run=True)
        assert not dry.errors and not dry.applied and not dry.created
        report = units.import_units(s, rows=rows, dry_run=False)
        s.commit()
        assert sorted(report.created) == ["C", "S"] and report.updated == ["B"] and report.moved == ["B"]
        school = s.scalar(select(Unit).where(Unit.code == "S"))
        assert school.depth == 2 and school.parent.code == "C"
        exported = units.export_rows(s)
        path = tmp_path / "units.xlsx"
        units.write_export(exported, path)
        back = units.read_rows(path.read_bytes(), "units.xlsx")
        assert back == exported
        csv_path = tmp_path / "units.csv"
        units.write_export(exported, csv_path)
        assert units.read_rows(csv_path.read_bytes(), "units.csv") == exported


def test_unit_files_with_wrong_columns_or_encoding_are_refused() -> None:
    with pytest.raises(Invalid) as caught:
        units.read_rows(b"ma,ten\nA,B\n", "u.csv")
    assert caught.value.code == "units_file_columns"
    legacy = unicode_to_tcvn3("code,name\nA,Xã Bình Quới\n")  # as older office tools saved it
    assert units.read_rows(legacy, "u.csv")[0]["name"] == "Xã Bình Quới"
    with pytest.raises(Invalid) as caught:
        units.read_rows(bytes(range(256)) * 3, "u.csv")
    assert caught.value.code == "units_file_encoding"


def test_accounts_lock_after_repeated_failures(world: World) -> None:
    with world.session() as s:
        for _ in range(4):
            assert (
                accounts.authenticate(s, username="alice", password="sai", max_failures=5, lock_minutes=15)[1]
                == "bad_credentials"
            )
        assert (
            accounts.authenticate(s, username="alice", password="sai", max_failures=5, lock_minutes=15)[1]
            == "locked"
        )
        user, reason = accounts.authenticate(
            s, username="alice", password=PASSWORD, max_failures=5, lock_minutes=15
        )
        assert user is None and reason == "locked"
        locked = s.get(User, world.users["alice"].id)
        locked.locked_until = utcnow() - dt.timedelta(seconds=1)  # the lock has run out
        user, reason = accounts.authenticate(
            s, username="ALICE", password=PASSWORD, max_failures=5, lock_minutes=15
        )
        assert user is not None and reason is None and user.failed_logins == 0


def test_a_campaign_gives_every_unit_in_scope_an_assessment(world: World) -> None:
    with world.session() as s:
        ids = {world.assessment_of(s, u).unit_id for u in (world.province, world.commune_a, world.commune_b)}
        assert len(ids) == 3


def test_answers_autosave_and_a_stale_edit_is_refused(world: World) -> None:
    with world.session() as s:
        alice = world.principal(s, "alice")
        a = world.assessment_of(s, world.commune_a)
        saved = assessments.save_answer(
            s, actor=alice, assessment=a, indicator_id="s05_records_digitized", raw="80", expected_version=0
        )
        assert saved.version == 1 and a.status == "draft"
        again = assessments.save_answer(
            s, actor=alice, assessment=a, indicator_id="s05_records_digitized", raw="85,5", expected_version=1
        )
        assert again.version == 2 and again.value == "85.5"
        with pytest.raises(Conflict) as caught:  # a second person still holds version 1
            assessments.save_answer(
                s,
                actor=alice,
                assessment=a,
                indicator_id="s05_records_digitized",
                raw="10",
                expected_version=1,
            )
        assert caught.value.params["value"] == "85.5"
        with pytest.raises(Invalid) as bad:
            assessments.save_answer(
                s,
                actor=alice,
                assessment=a,
                indicator_id="s05_records_digitized",
                raw="140",
                expected_version=2,
            )
        assert bad.value.code == "out_of_range"


def test_the_review_workflow_stores_the_result_with_the_framework_version(world: World) -> None:
    with world.session() as s:
        alice, rita = world.principal(s, "alice"), world.principal(s, "rita")
        a = world.assessment_of(s, world.commune_a)
        for ind, value in [("s05_records_digitized", "95"), ("s05_procedures_fully_online", "60")]:
            assessments.save_answer(
                s, actor=alice, assessment=a, indicator_id=ind, raw=value, expected_version=0
            )
        with pytest.raises(Forbidden):
            assessments.approve(s, actor=alice, assessment=a, expected_version=None)
        assessments.submit(s, actor=alice, assessment=a, expected_version=a.version)
        assert a.status == "submitted" and a.result["framework"] == {
            "id": "mic-17-shifts",
            "version": "2022.1",
        }
        with pytest.raises(Invalid):
            assessments.save_answer(
                s,
                actor=alice,
                assessment=a,
                indicator_id="s05_records_digitized",
                raw="1",
                expected_version=None,
            )
        with pytest.raises(Invalid):
            assessments.return_for_changes(
                s, actor=rita, assessment=a, comments={}, expected_version=a.version
            )
        assessments.return_for_changes(
            s,
            actor=rita,
            assessment=a,
            expected_version=a.version,
            comments={"s05_procedures_fully_online": "Thiếu báo cáo kèm theo."},
        )
        assert a.status == "returned"
        assessments.save_answer(
            s,
            actor=alice,
            assessment=a,
            indicator_id="s05_procedures_fully_online",
            raw="65",
            expected_version=1,
        )
        with pytest.raises(Conflict):
            assessments.submit(s, actor=alice, assessment=a, expected_version=1)
        assessments.submit(s, actor=alice, assessment=a, expected_version=a.version)
        assessments.approve(s, actor=rita, assessment=a, expected_version=a.version)
        s.commit()
        assert a.status == "approved" and a.level == a.result["level"]["id"]
        assert a.score_index == pytest.approx(a.result["index"], abs=0.01)
        actions = s.scalars(
            select(AuditEntry.action).where(AuditEntry.entity_id == a.id, AuditEntry.entity == "assessment")
        ).all()
        assert {"answer", "submitted", "returned", "comment", "approved"} <= set(actions)


def test_evidence_files_are_checked_by_content_and_size(world: World, tmp_path) -> None:
    with world.session() as s:
        alice = world.principal(s, "alice")
        a = world.assessment_of(s, world.commune_a)
        kwargs = dict(
            actor=alice,
            assessment=a,
            indicator_id="s05_records_digitized",
            effective_date=None,
            upload_dir=tmp_path,
            max_bytes=1000,
        )
        pdf = b"%PDF-1.4\n" + b"x" * 100
        evidence = assessments.add_evidence_file(s, filename="../../bao-cao.pdf", data=pdf, **kwargs)
        assert (tmp_path / evidence.stored_name).read_bytes() == pdf
        assert evidence.original_name == "bao-cao.pdf" and "/" not in evidence.stored_name
        for name, data, code in [
            ("x.pdf", b"MZ" + b"\0" * 50, "upload_bad_type"),
            ("x.docx", pdf, "upload_type_mismatch"),
            ("x.pdf", b"%PDF" + b"x" * 2000, "upload_too_large"),
            ("x.pdf", b"", "upload_empty"),
        ]:
            with pytest.raises(Invalid) as caught:
                assessments.add_evidence_file(s, filename=name, data=data, **kwargs)
            assert caught.value.code == code
        buffer = io.BytesIO()
        from docx import Document

        Document().save(buffer)
        docx = assessments.add_evidence_file(
            s, filename="quyet-dinh.docx", data=buffer.getvalue(), **(kwargs | {"max_bytes": 10**6})
        )
        assert docx.content_type.endswith("wordprocessingml.document")


def test_a_whole_campaign_loads_in_bulk_and_scores_like_the_one_by_one_path(world: World) -> None:
    from dxshift.services import bulk

    sheet = {"s05_records_digitized": 90, "s05_procedures_fully_online": "60%", "s01_feedback_used": 2}
    with world.session() as s:
        adam = world.principal(s, "adam")
        campaign = s.merge(world.campaign)
        with pytest.raises(Invalid):  # one bad value: nothing is written
            bulk.import_campaign_answers(
                s,
                actor=adam,
                campaign=campaign,
                status="approved",
                sheets={"A": sheet, "B": sheet | {"s05_records_digitized": 140}},
            )
        report = bulk.import_campaign_answers(
            s, actor=adam, campaign=campaign, sheets={"A": sheet, "B": sheet}, status="approved"
        )
        s.commit()
        assert (report.assessments, report.answers) == (2, 6)
        a, b = world.assessment_of(s, world.commune_a), world.assessment_of(s, world.commune_b)
        s.refresh(a)
        assert a.status == "approved" and a.result["index"] == pytest.approx(a.score_index, abs=0.01)
        assert a.score_index == pytest.approx(assessments.current_result(a).index, abs=1e-3)
        with pytest.raises(Forbidden):
            bulk.import_campaign_answers(
                s, actor=world.principal(s, "alice"), campaign=campaign, sheets={"P": sheet}
            )
        assert b.status == "approved"
