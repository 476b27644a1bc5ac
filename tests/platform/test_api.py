"""The JSON REST API and personal API tokens, on both databases.

Scope as on the pages: 404 outside the token owner's subtree, 403 when visible but not theirs to
change. Only a bearer token authenticates; the session cookie never does, so no CSRF hole.
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from dxshift.services import assessments, campaigns, tokens
from dxshift.storage.models import Answer, ApiToken, Assessment, AuditEntry, Evidence, Initiative

from .conftest import World

PCT = "s05_records_digitized"  # percent 0..100
YESNO = "s02_post_evaluation"
SCALE = "s01_feedback_used"
PEOPLE = ("alice", "bob", "vera", "rita")


def _token(world: World, name: str) -> str:
    with world.session() as s:
        _, plain = tokens.create_token(s, user_id=world.users[name].id, name=f"tệp của {name}")
        s.commit()
    return plain


def _auth(token: str, lang: str | None = None) -> dict[str, str]:
    headers = {"Authorization": f"Bearer {token}"}
    if lang:
        headers["Accept-Language"] = lang
    return headers


@pytest.fixture
def api(client_for):
    """An anonymous client: the API is reached with tokens only."""
    return client_for(None)


@pytest.fixture
def keys(world: World) -> dict[str, str]:
    return {name: _token(world, name) for name in PEOPLE}


def _ids(world: World) -> tuple[int, int]:
    with world.session() as s:
        return world.assessment_of(s, world.commune_a).id, world.assessment_of(s, world.commune_b).id


def _answers(world: World, assessment_id: int) -> list[tuple[str, str | None, int]]:
    with world.session() as s:
        rows = s.scalars(select(Answer).where(Answer.assessment_id == assessment_id)).all()
        return sorted((a.indicator_id, a.value, a.version) for a in rows)


# ── the OpenAPI document ─────────────────────────────────────────────────────


def test_the_openapi_document_validates_and_lists_every_endpoint(api) -> None:
    from openapi_spec_validator import validate

    response = api.get("/api/openapi.json")
    assert response.status_code == 200
    spec = response.json()
    validate(spec)
    paths = spec["paths"]
    expected = {
        ("/api/v1/units", "get"),
        ("/api/v1/units/{unit_id}", "get"),
        ("/api/v1/campaigns", "get"),
        ("/api/v1/campaigns/{campaign_id}", "get"),
        ("/api/v1/campaigns/{campaign_id}/assessments", "get"),
        ("/api/v1/assessments/{assessment_id}", "get"),
        ("/api/v1/assessments/{assessment_id}/scores", "get"),
        ("/api/v1/assessments/{assessment_id}/answers/{indicator_id}", "put"),
        ("/api/v1/assessments/{assessment_id}/evidence", "post"),
        ("/api/v1/appraisals", "get"),
        ("/api/v1/appraisals/{appraisal_id}", "get"),
        ("/api/v1/appraisals/{appraisal_id}/value", "get"),
    }
    found = {(p, m) for p, ops in paths.items() if p.startswith("/api/") for m in ops}
    assert found == expected
    scheme = spec["components"]["securitySchemes"]["ApiToken"]
    assert scheme["type"] == "http" and scheme["scheme"].lower() == "bearer"
    for path, method in expected:
        operation = paths[path][method]
        assert operation["security"] == [{"ApiToken": []}], path
        assert {"200", "201"} & set(operation["responses"]), path
        assert "401" in operation["responses"] and "404" in operation["responses"], path
        error = operation["responses"]["422"]["content"]["application/json"]["schema"]
        assert error == {"$ref": "#/components/schemas/ErrorOut"}, path
    put = paths["/api/v1/assessments/{assessment_id}/answers/{indicator_id}"]["put"]
    assert {"403", "409"} <= set(put["responses"])
    body = put["requestBody"]["content"]["application/json"]["schema"]
    assert body == {"$ref": "#/components/schemas/AnswerIn"}
    schemas = spec["components"]["schemas"]
    assert set(schemas["AnswerIn"]["required"]) == {"value", "version"}
    assert schemas["EvidenceIn"]["properties"]["kind"]["enum"] == ["link", "note"]
    assert {"items", "total", "limit", "offset"} <= set(schemas["UnitPage"]["properties"])
    assert not any(p.startswith("/account") for p in paths)  # the token pages are not API


# ── authentication ───────────────────────────────────────────────────────────


def test_requests_without_a_valid_token_get_401_in_json(world: World, api) -> None:
    for headers in (
        {},
        {"Authorization": "Bearer dxs_not-a-real-token"},
        {"Authorization": "Bearer something-else"},
        {"Authorization": "Basic YWxpY2U6eHl6"},
        {"Authorization": "Bearer " + "dxs_" + "x" * 500},
    ):
        r = api.get("/api/v1/units", headers=headers)
        assert r.status_code == 401, headers
        assert r.headers["content-type"].startswith("application/json")
        assert r.headers["www-authenticate"].startswith("Bearer")
        assert "mã truy cập" in r.json()["detail"].lower()
    r = api.get("/api/v1/units", headers={"Accept-Language": "en"})
    assert r.status_code == 401 and "API token is required" in r.json()["detail"]
    r = api.get("/api/v1/units", headers={"Authorization": "Bearer dxs_nope", "Accept-Language": "en-GB"})
    assert "not valid or has been revoked" in r.json()["detail"]


def test_a_token_of_an_inactive_user_stops_working_and_use_is_recorded(world: World, api) -> None:
    from dxshift.storage.models import User

    key = _token(world, "alice")
    assert api.get("/api/v1/units", headers=_auth(key)).status_code == 200
    with world.session() as s:
        token = s.scalar(select(ApiToken).where(ApiToken.user_id == world.users["alice"].id))
        assert token.last_used_at is not None
        assert token.token_hash == tokens.hash_token(key) and token.prefix == key[:8]
        assert key not in (token.token_hash, token.prefix, token.name)
        s.get(User, world.users["alice"].id).is_active = False
        s.commit()
    assert api.get("/api/v1/units", headers=_auth(key)).status_code == 401


def test_the_session_cookie_alone_cannot_use_the_api(world: World, client_for) -> None:
    alice = client_for("alice")  # logged in: holds the session cookie and its CSRF token
    a_id, _ = _ids(world)
    assert alice.get("/api/v1/units").status_code == 401
    r = alice.put(
        f"/api/v1/assessments/{a_id}/answers/{PCT}",
        json={"value": 50, "version": 0},
        headers={"X-CSRF-Token": alice.csrf},
    )
    assert r.status_code == 401 and r.json()["detail"]
    r = alice.post(
        f"/api/v1/assessments/{a_id}/evidence",
        json={"indicator": PCT, "kind": "note", "text": "ghi chú"},
        headers={"X-CSRF-Token": alice.csrf},
    )
    assert r.status_code == 401
    assert _answers(world, a_id) == []
    with world.session() as s:
        assert s.scalar(select(func.count()).select_from(Evidence)) == 0


def test_a_bearer_write_needs_no_csrf_token(world: World, api, keys) -> None:
    a_id, _ = _ids(world)
    r = api.put(
        f"/api/v1/assessments/{a_id}/answers/{PCT}",
        json={"value": 50, "version": 0},
        headers=_auth(keys["alice"]),
    )
    assert r.status_code == 200 and r.json()["version"] == 1


# ── scope of every endpoint ──────────────────────────────────────────────────

READ_A = {"alice": 200, "bob": 404, "vera": 200, "rita": 200}
READ_B = {"alice": 404, "bob": 200, "vera": 404, "rita": 200}
WRITE_A = {"alice": (200, 201), "bob": (404, 404), "vera": (403, 403), "rita": (403, 403)}


def test_units_list_only_what_each_person_can_see(world: World, api, keys) -> None:
    seen = {}
    for name in PEOPLE:
        r = api.get("/api/v1/units", headers=_auth(keys[name]))
        assert r.status_code == 200
        body = r.json()
        seen[name] = sorted(u["code"] for u in body["items"])
        assert body["total"] == len(body["items"]) and body["limit"] == 50 and body["offset"] == 0
    assert seen == {"alice": ["A"], "bob": ["B"], "vera": ["A"], "rita": ["A", "B", "G", "P"]}
    for name in PEOPLE:
        assert (
            api.get(f"/api/v1/units/{world.commune_a.id}", headers=_auth(keys[name])).status_code
            == READ_A[name]
        )
        assert (
            api.get(f"/api/v1/units/{world.commune_b.id}", headers=_auth(keys[name])).status_code
            == READ_B[name]
        )
    r = api.get(f"/api/v1/units/{world.commune_b.id}", headers=_auth(keys["alice"]))
    assert r.json() == {"detail": "Không tìm thấy đơn vị.", "code": "unit_not_found"}
    assert api.get("/api/v1/units/999999", headers=_auth(keys["rita"])).status_code == 404
    unit = api.get(f"/api/v1/units/{world.commune_a.id}", headers=_auth(keys["vera"])).json()
    assert unit["code"] == "A" and unit["name"] == "Xã Ái Quốc" and unit["parent_id"] == world.province.id


def test_units_are_paginated_and_filtered_by_parent(world: World, api, keys) -> None:
    rita = _auth(keys["rita"])
    first = api.get("/api/v1/units", params={"limit": 2}, headers=rita).json()
    second = api.get("/api/v1/units", params={"limit": 2, "offset": 2}, headers=rita).json()
    assert first["total"] == second["total"] == 4 and len(first["items"]) == len(second["items"]) == 2
    codes = [u["code"] for u in first["items"] + second["items"]]
    assert sorted(codes) == ["A", "B", "G", "P"]
    beyond = api.get("/api/v1/units", params={"offset": 10}, headers=rita).json()
    assert beyond["items"] == [] and beyond["total"] == 4
    children = api.get("/api/v1/units", params={"parent_id": world.province.id}, headers=rita).json()
    assert sorted(u["code"] for u in children["items"]) == ["A", "B", "G"] and children["total"] == 3
    mine = api.get(
        "/api/v1/units", params={"parent_id": world.province.id}, headers=_auth(keys["alice"])
    ).json()
    assert [u["code"] for u in mine["items"]] == ["A"]
    for params in ({"limit": 0}, {"limit": 501}, {"offset": -1}, {"limit": "nhiều"}):
        r = api.get("/api/v1/units", params=params, headers=rita)
        assert r.status_code == 422, params
        assert r.json()["code"] == "invalid_request" and r.json()["detail"].startswith("Yêu cầu không hợp lệ")
    r = api.get("/api/v1/units", params={"limit": "nhiều"}, headers=rita)
    assert "limit: cần một số nguyên" in r.json()["detail"]
    r = api.get("/api/v1/units/abc", headers=_auth(keys["rita"], "en"))
    assert r.status_code == 422 and "unit_id: must be a whole number" in r.json()["detail"]


def test_campaigns_are_scoped_and_carry_status_counts(world: World, api, keys) -> None:
    with world.session() as s:
        only_b = campaigns.open_campaign(
            s,
            actor=world.principal(s, "cora"),
            name="Đợt riêng xã B",
            scope=s.get(type(world.commune_b), world.commune_b.id),
        )
        s.commit()
        b_campaign = only_b.id
    a_id, _ = _ids(world)
    api.put(
        f"/api/v1/assessments/{a_id}/answers/{PCT}",
        json={"value": 40, "version": 0},
        headers=_auth(keys["alice"]),
    )
    for name in PEOPLE:
        listed = api.get("/api/v1/campaigns", headers=_auth(keys[name])).json()
        ids = {c["id"] for c in listed["items"]}
        assert world.campaign.id in ids
        assert (b_campaign in ids) == (name in {"bob", "rita"})
        r = api.get(f"/api/v1/campaigns/{b_campaign}", headers=_auth(keys[name]))
        assert r.status_code == READ_B[name]
        r = api.get(f"/api/v1/campaigns/{b_campaign}/assessments", headers=_auth(keys[name]))
        assert r.status_code == READ_B[name]
    detail = api.get(f"/api/v1/campaigns/{world.campaign.id}", headers=_auth(keys["rita"])).json()
    assert detail["name"] == "Đợt thử 2026" and detail["scope_unit"]["code"] == "P"
    assert detail["progress"]["counts"] == {
        "not_started": 3,
        "draft": 1,
        "submitted": 0,
        "returned": 0,
        "approved": 0,
    }
    assert detail["progress"]["total"] == 4 and detail["progress"]["waiting_total"] == 4
    vera = api.get(f"/api/v1/campaigns/{world.campaign.id}", headers=_auth(keys["vera"])).json()
    assert vera["progress"]["total"] == 1 and vera["progress"]["counts"]["draft"] == 1
    page = api.get("/api/v1/campaigns", params={"limit": 1}, headers=_auth(keys["rita"])).json()
    assert len(page["items"]) == 1 and page["total"] == 2
    assert api.get("/api/v1/campaigns/999999", headers=_auth(keys["rita"])).status_code == 404


def test_campaign_assessments_list_only_visible_units(world: World, api, keys) -> None:
    url = f"/api/v1/campaigns/{world.campaign.id}/assessments"
    units = {}
    for name in PEOPLE:
        body = api.get(url, headers=_auth(keys[name])).json()
        units[name] = sorted(a["unit"]["code"] for a in body["items"])
        assert body["total"] == len(body["items"])
        for item in body["items"]:
            assert item["status"] == "not_started" and item["index"] is None and item["level"] is None
    assert units == {"alice": ["A"], "bob": ["B"], "vera": ["A"], "rita": ["A", "B", "G", "P"]}
    paged = api.get(url, params={"limit": 3, "offset": 3}, headers=_auth(keys["rita"])).json()
    assert len(paged["items"]) == 1 and paged["total"] == 4


def test_assessments_and_scores_are_scoped(world: World, api, keys) -> None:
    a_id, b_id = _ids(world)
    for name in PEOPLE:
        headers = _auth(keys[name])
        for url in ("/api/v1/assessments/{}", "/api/v1/assessments/{}/scores"):
            assert api.get(url.format(a_id), headers=headers).status_code == READ_A[name], (name, url)
            assert api.get(url.format(b_id), headers=headers).status_code == READ_B[name], (name, url)
    r = api.get(f"/api/v1/assessments/{b_id}", headers=_auth(keys["alice"]))
    assert r.json() == {"detail": "Không tìm thấy phiếu đánh giá.", "code": "assessment_not_found"}
    r = api.get(f"/api/v1/assessments/{b_id}/scores", headers=_auth(keys["alice"], "en"))
    assert r.json()["detail"] == "Assessment not found."


def test_an_assessment_reads_with_answers_and_live_then_stored_scores(world: World, api, keys) -> None:
    a_id, _ = _ids(world)
    alice = _auth(keys["alice"])
    for indicator, value in ((PCT, 90), ("s05_procedures_fully_online", "60"), (YESNO, True)):
        r = api.put(
            f"/api/v1/assessments/{a_id}/answers/{indicator}",
            json={"value": value, "version": 0},
            headers=alice,
        )
        assert r.status_code == 200, r.text
    body = api.get(f"/api/v1/assessments/{a_id}", headers=_auth(keys["vera"])).json()
    assert (
        body["status"] == "draft" and body["unit"]["code"] == "A" and body["framework_id"] == "mic-17-shifts"
    )
    answers = {a["indicator_id"]: (a["value"], a["version"]) for a in body["answers"]}
    assert answers == {PCT: ("90", 1), "s05_procedures_fully_online": ("60", 1), YESNO: ("yes", 1)}
    live = api.get(f"/api/v1/assessments/{a_id}/scores", headers=alice).json()
    assert live["source"] == "live" and len(live["shifts"]) == 17
    shift5 = next(s for s in live["shifts"] if s["number"] == 5)
    assert shift5["answered"] == 2 and shift5["score"] > 0 and shift5["name"]["vi"]
    assert 0 < live["coverage"] < 1 and live["level"]["id"] and "vi" in live["level"]["name"]
    with world.session() as s:
        assessment = s.get(Assessment, a_id)
        assessments.submit(s, actor=world.principal(s, "alice"), assessment=assessment, expected_version=None)
        s.commit()
        stored_index, stored_level = assessment.score_index, assessment.level
    stored = api.get(f"/api/v1/assessments/{a_id}/scores", headers=_auth(keys["rita"])).json()
    assert stored["source"] == "stored" and stored["index"] == pytest.approx(stored_index, abs=0.01)
    assert stored["level"]["id"] == stored_level and stored["index"] == live["index"]
    assert [s["score"] for s in stored["shifts"]] == [s["score"] for s in live["shifts"]]
    summary = api.get(f"/api/v1/assessments/{a_id}", headers=alice).json()
    assert summary["status"] == "submitted" and summary["level"] == stored_level
    assert summary["index"] == pytest.approx(stored_index) and summary["submitted_at"]
    listed = api.get(f"/api/v1/campaigns/{world.campaign.id}/assessments", headers=alice).json()["items"][0]
    assert listed["status"] == "submitted" and listed["level"] == stored_level
    locked = api.put(
        f"/api/v1/assessments/{a_id}/answers/{PCT}", json={"value": 10, "version": 1}, headers=alice
    )
    assert locked.status_code == 422 and "Đã nộp" in locked.json()["detail"]


# ── writing answers ──────────────────────────────────────────────────────────


def test_answer_writes_follow_the_scope_and_a_viewer_changes_nothing(world: World, api, keys) -> None:
    a_id, _ = _ids(world)
    url = f"/api/v1/assessments/{a_id}/answers/{PCT}"
    for name in ("vera", "rita", "bob"):
        r = api.put(url, json={"value": 55, "version": 0}, headers=_auth(keys[name]))
        assert r.status_code == WRITE_A[name][0], name
        assert r.json()["detail"]
    r = api.put(url, json={"value": 55, "version": 0}, headers=_auth(keys["vera"]))
    assert r.json() == {"detail": "Bạn không có quyền thực hiện thao tác này.", "code": "not_allowed"}
    assert _answers(world, a_id) == []
    r = api.put(url, json={"value": 55, "version": 0}, headers=_auth(keys["alice"]))
    assert r.status_code == 200
    assert r.json()["indicator_id"] == PCT and r.json()["value"] == "55" and r.json()["version"] == 1
    r = api.put(url, json={"value": 45.5, "version": 1}, headers=_auth(keys["alice"]))
    assert (r.json()["value"], r.json()["version"]) == ("45.5", 2)
    assert _answers(world, a_id) == [(PCT, "45.5", 2)]
    r = api.put(url, json={"value": None, "version": 2}, headers=_auth(keys["alice"]))
    assert r.status_code == 200 and r.json()["value"] is None and r.json()["version"] == 3
    with world.session() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action == "answer")).all()
        assert [e.user_id for e in entries] == [world.users["alice"].id] * 3


def test_a_stale_version_gets_409_with_the_current_answer(world: World, api, keys) -> None:
    a_id, _ = _ids(world)
    url = f"/api/v1/assessments/{a_id}/answers/{PCT}"
    alice = _auth(keys["alice"])
    assert api.put(url, json={"value": "70", "version": 0}, headers=alice).status_code == 200
    stale = api.put(url, json={"value": "20", "version": 0}, headers=alice)  # a second program still at 0
    assert stale.status_code == 409
    body = stale.json()
    assert body["code"] == "stale_answer" and body["current"] == {"value": "70", "version": 1}
    assert "Người khác vừa sửa" in body["detail"] and "70" in body["detail"]
    future = api.put(url, json={"value": "20", "version": 7}, headers=_auth(keys["alice"], "en"))
    assert future.status_code == 409 and "Someone else just changed" in future.json()["detail"]
    assert _answers(world, a_id) == [(PCT, "70", 1)]


def test_out_of_range_and_wrong_type_values_get_a_clear_422(world: World, api, keys) -> None:
    a_id, _ = _ids(world)
    alice = _auth(keys["alice"])
    r = api.put(f"/api/v1/assessments/{a_id}/answers/{PCT}", json={"value": 140, "version": 0}, headers=alice)
    assert r.status_code == 422 and r.json()["code"] == "out_of_range"
    assert r.json()["detail"] == (
        f"Chỉ số “{PCT}”: giá trị 140 nằm ngoài khoảng cho phép (tỷ lệ phần trăm từ 0 đến 100)."
    )
    r = api.put(
        f"/api/v1/assessments/{a_id}/answers/{SCALE}", json={"value": "nhiều", "version": 0}, headers=alice
    )
    assert r.status_code == 422 and r.json()["code"] == "wrong_type"
    assert "sai kiểu" in r.json()["detail"] and "số nguyên từ 0 đến" in r.json()["detail"]
    r = api.put(
        f"/api/v1/assessments/{a_id}/answers/{YESNO}",
        json={"value": 3, "version": 0},
        headers=_auth(keys["alice"], "en"),
    )
    assert r.status_code == 422 and "has the wrong type; expected yes/no" in r.json()["detail"]
    r = api.put(
        f"/api/v1/assessments/{a_id}/answers/khong_co", json={"value": 1, "version": 0}, headers=alice
    )
    assert (
        r.status_code == 422 and "khong_co" in r.json()["detail"] and r.json()["code"] == "unknown_indicator"
    )
    assert _answers(world, a_id) == []


def test_bad_json_and_wrong_types_get_422_with_a_readable_message(world: World, api, keys) -> None:
    a_id, _ = _ids(world)
    url = f"/api/v1/assessments/{a_id}/answers/{PCT}"
    alice = _auth(keys["alice"])
    json_type = {"Content-Type": "application/json"}

    def detail(r) -> str:
        assert r.status_code == 422, r.text
        body = r.json()
        assert body["code"] == "invalid_request" and isinstance(body["detail"], str)
        assert body["errors"] and all(isinstance(e["message"], str) for e in body["errors"])
        return body["detail"]

    text = detail(api.put(url, content=b'{"value": 3,', headers=alice | json_type))
    assert "không phải JSON hợp lệ" in text
    text = detail(api.put(url, content=b"{'value': 3}", headers=_auth(keys["alice"], "en") | json_type))
    assert "not valid JSON" in text
    assert "version: cần một số nguyên" in detail(
        api.put(url, json={"value": 3, "version": "abc"}, headers=alice)
    )
    assert "version: cần một số nguyên" in detail(
        api.put(url, json={"value": 3, "version": 1.5}, headers=alice)
    )
    assert "version: cần một số nguyên" in detail(
        api.put(url, json={"value": 3, "version": True}, headers=alice)
    )
    assert "version: cần lớn hơn hoặc bằng 0" in detail(
        api.put(url, json={"value": 3, "version": -1}, headers=alice)
    )
    assert "version: thiếu giá trị" in detail(api.put(url, json={"value": 3}, headers=alice))
    assert "value: cần một chuỗi, một số, true/false hoặc null" in detail(
        api.put(url, json={"value": [1, 2], "version": 0}, headers=alice)
    )
    assert "valeu: trường không được chấp nhận" in detail(
        api.put(url, json={"valeu": 3, "value": 3, "version": 0}, headers=alice)
    )
    assert "cần một đối tượng JSON" in detail(api.put(url, json=[3, 0], headers=alice))
    assert "nội dung yêu cầu: thiếu giá trị" in detail(api.put(url, headers=alice))
    text = detail(api.put(url, json={"value": {"a": 1}, "version": "x"}, headers=_auth(keys["alice"], "en")))
    assert (
        "value: must be a string, a number, true/false or null" in text
        and "version: must be a whole number" in text
    )
    assert _answers(world, a_id) == []


# ── evidence ─────────────────────────────────────────────────────────────────


def test_evidence_links_and_notes_through_the_api(world: World, api, keys) -> None:
    a_id, _ = _ids(world)
    url = f"/api/v1/assessments/{a_id}/evidence"
    link = {
        "indicator": PCT,
        "kind": "link",
        "text": "https://so.example.vn/bao-cao",
        "effective_date": "2026-03-01",
    }
    for name in ("vera", "rita", "bob"):
        r = api.post(url, json=link, headers=_auth(keys[name]))
        assert r.status_code == WRITE_A[name][1], name
    r = api.post(url, json=link, headers=_auth(keys["alice"]))
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["kind"] == "link" and body["url"] == link["text"] and body["effective_date"] == "2026-03-01"
    r = api.post(
        url,
        json={"indicator": PCT, "kind": "note", "text": "Biên bản họp quý I"},
        headers=_auth(keys["alice"]),
    )
    assert (
        r.status_code == 201
        and r.json()["note"] == "Biên bản họp quý I"
        and r.json()["effective_date"] is None
    )
    alice = _auth(keys["alice"])
    bad_link = api.post(
        url, json={"indicator": PCT, "kind": "link", "text": "javascript:alert(1)"}, headers=alice
    )
    assert bad_link.status_code == 422 and "http://" in bad_link.json()["detail"]
    empty = api.post(url, json={"indicator": PCT, "kind": "note", "text": "  "}, headers=alice)
    assert empty.status_code == 422 and empty.json()["detail"] == "Ghi chú trống."
    kind = api.post(url, json={"indicator": PCT, "kind": "file", "text": "x"}, headers=alice)
    assert (
        kind.status_code == 422
        and "kind: cần một trong các giá trị 'link' or 'note'" in kind.json()["detail"]
    )
    date = api.post(
        url,
        json={"indicator": PCT, "kind": "note", "text": "x", "effective_date": "01/03/2026"},
        headers=alice,
    )
    assert date.status_code == 422 and "effective_date: cần một ngày dạng YYYY-MM-DD" in date.json()["detail"]
    number = api.post(
        url, json={"indicator": PCT, "kind": "note", "text": "x", "effective_date": 20260301}, headers=alice
    )
    assert number.status_code == 422 and "effective_date" in number.json()["detail"]
    unknown = api.post(url, json={"indicator": "khong_co", "kind": "note", "text": "x"}, headers=alice)
    assert unknown.status_code == 422 and unknown.json()["code"] == "unknown_indicator"
    with world.session() as s:
        rows = s.scalars(select(Evidence).where(Evidence.assessment_id == a_id)).all()
        assert sorted(e.kind for e in rows) == ["link", "note"]
        assert all(e.created_by == world.users["alice"].id for e in rows)


# ── appraisals (read-only) ───────────────────────────────────────────────────


def test_appraisals_are_read_within_scope(world: World, api, keys) -> None:
    with world.session() as s:
        ia = Initiative(
            unit_id=world.commune_a.id,
            title="Phần mềm một cửa điện tử",
            kind="new_system",
            budget=1_500_000_000,
            period_start=2026,
            period_end=2027,
            proposed_verdict="mostly_it",
        )
        ib = Initiative(unit_id=world.commune_b.id, title="Nền tảng dùng chung", kind="platform_adoption")
        s.add_all([ia, ib])
        s.commit()
        a_init, b_init = ia.id, ib.id
    listed = {}
    for name in PEOPLE:
        body = api.get("/api/v1/appraisals", headers=_auth(keys[name])).json()
        listed[name] = sorted(i["id"] for i in body["items"])
        assert body["total"] == len(body["items"])
        assert api.get(f"/api/v1/appraisals/{a_init}", headers=_auth(keys[name])).status_code == READ_A[name]
        assert api.get(f"/api/v1/appraisals/{b_init}", headers=_auth(keys[name])).status_code == READ_B[name]
    assert listed == {
        "alice": [a_init],
        "bob": [b_init],
        "vera": [a_init],
        "rita": sorted([a_init, b_init]),
    }
    one = api.get(f"/api/v1/appraisals/{a_init}", headers=_auth(keys["vera"])).json()
    assert one["unit"]["code"] == "A" and one["title"] == "Phần mềm một cửa điện tử"
    assert (one["budget"], one["period_start"], one["period_end"]) == (1_500_000_000, 2026, 2027)
    assert one["proposed_verdict"] == "mostly_it" and one["verdict"] is None and one["kind"] == "new_system"
    missing = api.get(f"/api/v1/appraisals/{b_init}", headers=_auth(keys["alice"]))
    assert missing.json() == {"detail": "Không tìm thấy hồ sơ thẩm định.", "code": "api_appraisal_not_found"}


# ── the token pages ──────────────────────────────────────────────────────────


def test_tokens_are_made_in_the_ui_shown_once_and_revoked(world: World, client_for, api) -> None:
    alice = client_for("alice")
    home = alice.get("/").text
    assert 'href="/account/tokens"' in home and "Mã truy cập API" in home
    page = alice.get("/account/tokens")
    assert page.status_code == 200 and "Bạn chưa có mã truy cập nào." in page.text
    forged = alice.post("/account/tokens", data={"name": "không có mã CSRF"})
    assert forged.status_code == 403
    empty = alice.post("/account/tokens", data={"name": "  ", "csrf_token": alice.csrf})
    assert empty.status_code == 422 and "Cần đặt tên cho mã truy cập." in empty.text
    made = alice.post("/account/tokens", data={"name": "Máy chủ báo cáo quận", "csrf_token": alice.csrf})
    assert made.status_code == 200 and made.headers["cache-control"] == "no-store"
    found = re.findall(r"dxs_[A-Za-z0-9_\-]{43}", made.text)
    assert len(set(found)) == 1 and "chỉ hiện một lần" in made.text
    key = found[0]
    again = alice.get("/account/tokens").text
    assert key not in again and key[:8] + "…" in again and "Máy chủ báo cáo quận" in again
    assert api.get("/api/v1/units", headers=_auth(key)).json()["items"][0]["code"] == "A"
    with world.session() as s:
        token = s.scalar(select(ApiToken))
        token_id = token.id
        assert token.user_id == world.users["alice"].id and token.token_hash == tokens.hash_token(key)
        created = s.scalar(select(AuditEntry).where(AuditEntry.entity == "api_token"))
        assert created.action == "create" and created.after == {
            "name": "Máy chủ báo cáo quận",
            "prefix": key[:8],
        }
    # another person (even an administrator) neither sees nor revokes it
    for name in ("bob", "adam"):
        other = client_for(name)
        assert "Máy chủ báo cáo quận" not in other.get("/account/tokens").text
        r = other.post(f"/account/tokens/{token_id}/revoke", data={"csrf_token": other.csrf})
        assert r.status_code == 404
    assert api.get("/api/v1/units", headers=_auth(key)).status_code == 200
    assert alice.post(f"/account/tokens/{token_id}/revoke", data={}).status_code == 403  # no CSRF token
    r = alice.post(
        f"/account/tokens/{token_id}/revoke", data={"csrf_token": alice.csrf}, follow_redirects=False
    )
    assert r.status_code == 303 and r.headers["location"] == "/account/tokens"
    revoked = api.get("/api/v1/units", headers=_auth(key))
    assert revoked.status_code == 401 and "thu hồi" in revoked.json()["detail"]
    assert "Đã thu hồi" in alice.get("/account/tokens").text
    with world.session() as s:
        actions = [e.action for e in s.scalars(select(AuditEntry).where(AuditEntry.entity == "api_token"))]
        assert actions == ["create", "revoke"]


def test_token_service_rules(world: World) -> None:
    from dxshift.services.errors import Invalid, NotFound

    with world.session() as s:
        alice, bob = world.principal(s, "alice"), world.principal(s, "bob")
        token, plain = tokens.create_token(s, user_id=alice.user_id, name="  một   tên  ")
        assert token.name == "một tên" and plain.startswith("dxs_") and len(plain) == 4 + 43
        assert tokens.principal_for_token(s, plain).username == "alice"
        assert tokens.principal_for_token(s, plain[:-1]) is None
        assert [t.id for t in tokens.list_tokens(s, actor=alice)] == [token.id]
        assert tokens.list_tokens(s, actor=bob) == []
        with pytest.raises(NotFound):
            tokens.revoke_token(s, actor=bob, token_id=token.id)
        with pytest.raises(Invalid):
            tokens.create_token(s, user_id=alice.user_id, name="x" * 129)
        tokens.revoke_token(s, actor=alice, token_id=token.id)
        tokens.revoke_token(s, actor=alice, token_id=token.id)  # twice: no error, one audit entry
        assert tokens.principal_for_token(s, plain) is None
        revokes = s.scalar(select(func.count()).where(AuditEntry.action == "revoke"))
        assert revokes == 1
        for n in range(tokens.MAX_ACTIVE):
            tokens.create_token(s, user_id=alice.user_id, name=f"mã {n}")
        with pytest.raises(Invalid):
            tokens.create_token(s, user_id=alice.user_id, name="một mã quá nhiều")
        s.rollback()
