"""Dashboard figures match the stored scores, and stay inside the viewer's scope."""

from __future__ import annotations

import re

from sqlalchemy import select

from dxshift.services import assessments, dashboards
from dxshift.storage.models import Assessment, ShiftScore

from .conftest import World


def _approve(world: World, s, unit, records: str, online: str) -> None:
    a = world.assessment_of(s, unit)
    assessor = world.principal(s, "alice" if unit.id == world.commune_a.id else "bob")
    for ind, value in (
        ("s05_records_digitized", records),
        ("s05_procedures_fully_online", online),
        ("s01_feedback_used", "2"),
    ):
        assessments.save_answer(
            s, actor=assessor, assessment=a, indicator_id=ind, raw=value, expected_version=0
        )
    assessments.submit(s, actor=assessor, assessment=a, expected_version=None)
    assessments.approve(s, actor=world.principal(s, "rita"), assessment=a, expected_version=None)


def test_dashboard_numbers_are_the_means_of_the_stored_scores(world: World) -> None:
    with world.session() as s:
        a, b = s.merge(world.commune_a), s.merge(world.commune_b)
        _approve(world, s, a, "90", "60")
        _approve(world, s, b, "40", "20")
        s.commit()
        board = dashboards.build(
            s,
            actor=world.principal(s, "cora"),
            root=s.merge(world.province),
            campaign=s.merge(world.campaign),
        )
        scores = {(r.assessment_id, r.shift): r.score for r in s.scalars(select(ShiftScore))}
        ids = {u: world.assessment_of(s, u).id for u in (a, b)}
        assert board.approved == 2
        assert abs(board.radar[5] - (scores[(ids[a], 5)] + scores[(ids[b], 5)]) / 2) < 1e-9
        rows = {r.unit.code: r for r in board.children}
        assert abs(rows["A"].shifts[5] - scores[(ids[a], 5)]) < 1e-9
        assert rows["A"].index == s.get(Assessment, ids[a]).score_index
        assert [r.unit.code for r in board.children][:2] == ["A", "B"]  # ranked by index
        assert board.progress["approved"] == 2 and board.progress["not_started"] == 2
        indexes = [s.get(Assessment, ids[u]).score_index for u in (a, b)]
        ((campaign, mean, count),) = board.trend  # one campaign with approved results
        assert campaign.id == world.campaign.id and count == 2
        assert abs(mean - sum(indexes) / 2) < 1e-9
        mine = dashboards.build(
            s, actor=world.principal(s, "alice"), root=a, campaign=s.merge(world.campaign)
        )
        trend = [(c.id, m, n) for c, m, n in mine.trend]  # commune A's own subtree only
        assert len(trend) == 1 and trend[0][0] == world.campaign.id and trend[0][2] == 1
        assert abs(trend[0][1] - indexes[0]) < 1e-9


def test_the_dashboard_page_heatmap_matches_the_stored_scores(world: World, client_for) -> None:
    with world.session() as s:
        _approve(world, s, s.merge(world.commune_a), "90", "60")
        s.commit()
        a_id = world.assessment_of(s, world.commune_a).id
        stored = {
            r.shift: r.score for r in s.scalars(select(ShiftScore).where(ShiftScore.assessment_id == a_id))
        }
    page = client_for("cora").get("/dashboard").text
    cells = re.findall(r'data-unit="A" data-shift="(\d+)" data-score="([0-9.]+)"', page)
    assert len(cells) == 17
    for shift, score in cells:
        assert abs(float(score) - stored[int(shift)]) < 1e-3
    alice_page = client_for("alice").get("/dashboard").text
    assert 'data-unit="B"' not in alice_page
