"""Nobody reads or changes anything outside their scope: each role tries, through the pages."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from dxshift.storage.models import Answer, Assessment, Evidence

from .conftest import World


def _ids(world: World) -> dict[str, int]:
    with world.session() as s:
        return {
            "A": world.assessment_of(s, world.commune_a).id,
            "B": world.assessment_of(s, world.commune_b).id,
            "P": world.assessment_of(s, world.province).id,
        }


def _snapshot(world: World) -> list[tuple]:
    with world.session() as s:
        answers = s.execute(
            select(Answer.assessment_id, Answer.indicator_id, Answer.value, Answer.version)
        ).all()
        states = s.execute(select(Assessment.id, Assessment.status, Assessment.version)).all()
        return sorted(answers) + sorted(states)


def _try_answer(client, assessment_id: int):
    return client.post(
        f"/assessments/{assessment_id}/answer",
        data={"indicator": "s05_records_digitized", "value": "99", "version": "0"},
        headers={"X-CSRF-Token": client.csrf},
    )


# (role user, assessment key, expected status) for reading and for answering
READ = [
    ("alice", "B", 404),
    ("alice", "P", 404),
    ("bob", "A", 404),
    ("vera", "B", 404),
    ("alice", "A", 200),
    ("vera", "A", 200),
    ("rita", "B", 200),
    ("cora", "A", 200),
    ("adam", "B", 200),
]
WRITE = [
    ("alice", "B", 404),
    ("bob", "A", 404),
    ("alice", "P", 404),  # outside the subtree: not even visible
    ("vera", "A", 403),
    ("rita", "A", 403),
    ("cora", "A", 403),  # visible, but the role cannot answer
]


@pytest.mark.parametrize(("name", "key", "status"), READ)
def test_reading_an_assessment_by_url_respects_scope(
    world: World, client_for, name: str, key: str, status: int
) -> None:
    client = client_for(name)
    assert client.get(f"/assessments/{_ids(world)[key]}").status_code == status


@pytest.mark.parametrize(("name", "key", "status"), WRITE)
def test_answering_outside_ones_rights_is_refused_and_changes_nothing(
    world: World, client_for, name: str, key: str, status: int
) -> None:
    client = client_for(name)
    before = _snapshot(world)
    assert _try_answer(client, _ids(world)[key]).status_code == status
    assert _snapshot(world) == before


def test_workflow_actions_need_the_right_role(world: World, client_for) -> None:
    ids = _ids(world)
    alice, bob, vera, cora = (client_for(n) for n in ("alice", "bob", "vera", "cora"))
    assert _try_answer(alice, ids["A"]).status_code == 200
    before = _snapshot(world)
    assert (
        bob.post(f"/assessments/{ids['A']}/submit", data={"version": "1", "csrf_token": bob.csrf}).status_code
        == 404
    )
    assert (
        vera.post(
            f"/assessments/{ids['A']}/submit", data={"version": "1", "csrf_token": vera.csrf}
        ).status_code
        == 403
    )
    assert _snapshot(world) == before
    assert (
        alice.post(
            f"/assessments/{ids['A']}/submit", data={"version": "1", "csrf_token": alice.csrf}
        ).status_code
        == 200
    )
    before = _snapshot(world)
    for client in (alice, vera, cora, bob):
        status = client.post(
            f"/assessments/{ids['A']}/approve", data={"version": "2", "csrf_token": client.csrf}
        )
        assert status.status_code in {403, 404}
    assert _snapshot(world) == before


def test_unit_pages_campaigns_and_admin_pages_respect_scope(world: World, client_for) -> None:
    alice, adam, rita, cora = (client_for(n) for n in ("alice", "adam", "rita", "cora"))
    assert alice.get(f"/units/{world.commune_a.id}").status_code == 200
    assert alice.get(f"/units/{world.commune_b.id}").status_code == 404
    assert alice.get(f"/units/{world.province.id}").status_code == 404
    assert rita.get(f"/units/{world.commune_b.id}").status_code == 200
    for client in (alice, rita, cora):
        assert client.get("/admin/units").status_code == 403
        assert client.get("/admin/units/export.csv").status_code == 403
    assert adam.get("/admin/units").status_code == 200
    page = alice.get(f"/campaigns/{world.campaign.id}").text
    assert "Xã Ái Quốc" in page and "Xã Bình Minh" not in page  # progress only over her own units
    r = alice.post(
        "/campaigns/new", data={"name": "x", "scope_id": str(world.commune_a.id), "csrf_token": alice.csrf}
    )
    assert r.status_code == 404  # her unit, but she may not open campaigns: it is not hers to manage


def test_evidence_downloads_respect_scope(world: World, client_for) -> None:
    alice, bob = client_for("alice"), client_for("bob")
    ids = _ids(world)
    r = alice.post(
        f"/assessments/{ids['A']}/evidence",
        data={"indicator": "s05_records_digitized", "kind": "file", "csrf_token": alice.csrf},
        files={"upload": ("qd.pdf", b"%PDF-1.4 bi mat", "application/pdf")},
    )
    assert r.status_code == 200
    with world.session() as s:
        evidence_id = s.scalar(select(Evidence.id))
    assert alice.get(f"/evidence/{evidence_id}").content == b"%PDF-1.4 bi mat"
    assert bob.get(f"/evidence/{evidence_id}").status_code == 404
