"""Pages through FastAPI's test client, on both databases, including forged and bad requests."""

from __future__ import annotations

from sqlalchemy import select

from dxshift.storage.models import Answer, Assessment, AuditEntry

from .conftest import PASSWORD, World, csrf_from


def _answer(client, assessment_id: int, indicator: str, value: str, version: int):
    return client.post(
        f"/assessments/{assessment_id}/answer",
        data={"indicator": indicator, "value": value, "version": str(version)},
        headers={"X-CSRF-Token": client.csrf, "HX-Request": "true"},
    )


def test_pages_need_a_login_and_the_login_page_is_vietnamese(client_for) -> None:
    anonymous = client_for(None)
    response = anonymous.get("/", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/login")
    page = anonymous.get("/login").text
    assert '<html lang="vi">' in page and "Đăng nhập" in page and "Mật khẩu" in page


def test_a_login_form_without_its_csrf_token_is_refused(client_for) -> None:
    anonymous = client_for(None)
    anonymous.get("/login")
    response = anonymous.post("/login", data={"username": "alice", "password": PASSWORD})
    assert response.status_code == 403 and "hết hạn hoặc không hợp lệ" in response.text
    forged = anonymous.post(
        "/login", data={"username": "alice", "password": PASSWORD, "csrf_token": "forged"}
    )
    assert forged.status_code == 403


def test_wrong_passwords_lock_the_account(client_for) -> None:
    anonymous = client_for(None)
    token = csrf_from(anonymous.get("/login").text)
    for _ in range(4):
        r = anonymous.post("/login", data={"username": "bob", "password": "sai", "csrf_token": token})
        assert r.status_code == 401 and "Sai tên đăng nhập" in r.text
    r = anonymous.post("/login", data={"username": "bob", "password": "sai", "csrf_token": token})
    assert "tạm khóa" in r.text
    r = anonymous.post("/login", data={"username": "bob", "password": PASSWORD, "csrf_token": token})
    assert r.status_code == 401 and "tạm khóa" in r.text


def test_english_switch(client_for) -> None:
    alice = client_for("alice")
    alice.get("/lang/en?next=/")
    page = alice.get("/").text
    assert '<html lang="en">' in page and "My tasks" in page


def test_autosave_reports_saved_and_a_stale_edit_gets_a_clear_message(world: World, client_for) -> None:
    alice = client_for("alice")
    with world.session() as s:
        a_id = world.assessment_of(s, world.commune_a).id
    page = alice.get(f"/assessments/{a_id}")
    assert page.status_code == 200 and "Lấy người dân làm trung tâm" in page.text
    ok = _answer(alice, a_id, "s05_records_digitized", "70", 0)
    assert ok.status_code == 200 and "Đã lưu" in ok.text and 'value="1"' in ok.text
    stale = _answer(alice, a_id, "s05_records_digitized", "20", 0)  # a second tab still at version 0
    assert stale.status_code == 409 and "Người khác vừa sửa" in stale.text and "70" in stale.text
    bad = _answer(alice, a_id, "s05_records_digitized", "140", 1)
    assert bad.status_code == 422 and "nằm ngoài khoảng" in bad.text
    with world.session() as s:
        answer = s.scalar(select(Answer).where(Answer.assessment_id == a_id))
        assert (answer.value, answer.version) == ("70", 1)


def test_a_forged_autosave_without_the_token_changes_nothing(world: World, client_for) -> None:
    alice = client_for("alice")
    with world.session() as s:
        a_id = world.assessment_of(s, world.commune_a).id
    r = alice.post(
        f"/assessments/{a_id}/answer",
        data={"indicator": "s05_records_digitized", "value": "50", "version": "0"},
    )
    assert r.status_code == 403
    with world.session() as s:
        assert s.scalar(select(Answer).where(Answer.assessment_id == a_id)) is None


def test_evidence_upload_checks_size_and_content(world: World, client_for) -> None:
    alice = client_for("alice")
    with world.session() as s:
        a_id = world.assessment_of(s, world.commune_a).id

    def upload(name: str, data: bytes):
        return alice.post(
            f"/assessments/{a_id}/evidence",
            data={
                "indicator": "s05_records_digitized",
                "kind": "file",
                "csrf_token": alice.csrf,
                "effective_date": "2026-10-01",
            },
            files={"upload": (name, data, "application/pdf")},
        )

    assert upload("bao-cao.pdf", b"%PDF-1.4\n" + b"1" * 500).status_code == 200
    too_big = upload("lon.pdf", b"%PDF-1.4\n" + b"1" * (2 * 1024 * 1024))
    assert too_big.status_code == 422 and "quá lớn" in too_big.text
    fake = upload("gia.pdf", b"MZ\x90\x00 not a pdf at all")
    assert fake.status_code == 422 and "kiểm tra theo nội dung" in fake.text
    page = alice.get(f"/assessments/{a_id}").text
    assert "bao-cao.pdf" in page and "gia.pdf" not in page
    link = alice.post(
        f"/assessments/{a_id}/evidence",
        data={
            "indicator": "s05_records_digitized",
            "kind": "link",
            "text": "javascript:alert(1)",
            "csrf_token": alice.csrf,
        },
    )
    assert link.status_code == 422


def test_workflow_through_the_pages_ends_with_the_level_on_the_unit_page(world: World, client_for) -> None:
    alice, rita = client_for("alice"), client_for("rita")
    with world.session() as s:
        a_id = world.assessment_of(s, world.commune_a).id
    for ind, value in [("s05_records_digitized", "90"), ("s05_procedures_fully_online", "60")]:
        assert _answer(alice, a_id, ind, value, 0).status_code == 200
    r = alice.post(f"/assessments/{a_id}/submit", data={"version": "1", "csrf_token": alice.csrf})
    assert r.status_code == 200 and "Đã nộp" in r.text
    r = rita.post(
        f"/assessments/{a_id}/return",
        data={
            "version": "2",
            "csrf_token": rita.csrf,
            "comment-s05_procedures_fully_online": "Cần số liệu quý III.",
        },
    )
    assert "Bị trả lại" in r.text
    page = alice.get(f"/assessments/{a_id}").text
    assert "Cần số liệu quý III." in page
    assert _answer(alice, a_id, "s05_procedures_fully_online", "70", 1).status_code == 200
    alice.post(f"/assessments/{a_id}/submit", data={"version": "3", "csrf_token": alice.csrf})
    stale = rita.post(f"/assessments/{a_id}/approve", data={"version": "3", "csrf_token": rita.csrf})
    assert stale.status_code == 409
    r = rita.post(f"/assessments/{a_id}/approve", data={"version": "4", "csrf_token": rita.csrf})
    assert r.status_code == 200
    with world.session() as s:
        level_vi = s.get(Assessment, a_id).result["level"]["name"]["vi"]
    assert f'data-testid="unit-level">{level_vi}<' in r.text  # redirected to the unit page


def test_campaign_progress_counts_and_reminders(world: World, client_for) -> None:
    alice, cora = client_for("alice"), client_for("cora")
    with world.session() as s:
        a_id = world.assessment_of(s, world.commune_a).id
    _answer(alice, a_id, "s05_records_digitized", "50", 0)
    page = cora.get(f"/campaigns/{world.campaign.id}").text
    assert 'data-testid="count-draft">1<' in page and 'data-testid="count-not_started">3<' in page
    assert "Xã Bình Minh: Chưa bắt đầu" in page


def test_a_coordinator_opens_a_campaign_from_the_form(world: World, client_for) -> None:
    cora = client_for("cora")
    r = cora.post(
        "/campaigns/new",
        data={
            "name": "Đợt bổ sung",
            "scope_id": str(world.commune_b.id),
            "deadline": "2026-12-31",
            "csrf_token": cora.csrf,
        },
    )
    assert r.status_code == 200 and "Đợt bổ sung" in r.text and "31/12/2026" in r.text


def test_the_audit_log_is_for_admins(world: World, client_for) -> None:
    alice, adam = client_for("alice"), client_for("adam")
    with world.session() as s:
        a_id = world.assessment_of(s, world.commune_a).id
    _answer(alice, a_id, "s05_records_digitized", "42", 0)
    assert alice.get("/admin/audit").status_code == 403
    page = adam.get("/admin/audit").text
    assert "alice" in page and "s05_records_digitized" in page and "42" in page
    with world.session() as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "answer"))
        assert entry.before == {"s05_records_digitized": None} and entry.after == {
            "s05_records_digitized": "42"
        }


def test_admins_import_units_with_a_dry_run_first(world: World, client_for) -> None:
    adam = client_for("adam")
    good = "code,name,kind,parent_code\nC,Xã Cao Sơn,commune,P\n".encode()
    bad = "code,name,kind,parent_code\nD,Xã Dương,commune,NOPE\nD,Xã Dương 2,commune,P\n".encode()
    r = adam.post(
        "/admin/units",
        data={"mode": "apply", "csrf_token": adam.csrf},
        files={"upload": ("units.csv", bad, "text/csv")},
    )
    assert r.status_code == 422 and "NOPE" in r.text and "trùng" in r.text
    r = adam.post(
        "/admin/units",
        data={"mode": "dry", "csrf_token": adam.csrf},
        files={"upload": ("units.csv", good, "text/csv")},
    )
    assert r.status_code == 200 and "Chưa thay đổi gì" in r.text
    r = adam.post(
        "/admin/units",
        data={"mode": "apply", "csrf_token": adam.csrf},
        files={"upload": ("units.csv", good, "text/csv")},
    )
    assert "1 đơn vị mới" in r.text
    export = adam.get("/admin/units/export.csv")
    assert export.status_code == 200 and "Xã Cao Sơn" in export.content.decode("utf-8-sig")


def test_an_admin_creates_people_and_manages_their_roles_within_scope(world: World, client_for) -> None:
    from dxshift.services import accounts
    from dxshift.storage.models import RoleGrant, User

    adam, alice = client_for("adam"), client_for("alice")
    assert alice.get("/admin/users").status_code == 403
    r = adam.post(
        "/admin/users",
        data={
            "username": "dora",
            "password": "mat-khau-dora",
            "full_name": "Đỗ Thị Dora",
            "role": "assessor",
            "unit_id": str(world.commune_a.id),
            "csrf_token": adam.csrf,
        },
    )
    assert r.status_code == 200 and "dora" in r.text and "Đỗ Thị Dora" in r.text
    dora = client_for_password(client_for, "dora", "mat-khau-dora")
    assert dora.get(f"/units/{world.commune_a.id}").status_code == 200
    assert dora.get(f"/units/{world.commune_b.id}").status_code == 404
    with world.session() as s:
        # a commune-level admin cannot hand out roles above or beside their commune
        local = accounts.create_user(s, username="lan", password="mat-khau-lan", full_name="Lan")
        accounts.grant_role(s, user=local, role="admin", unit=s.merge(world.commune_a))
        s.commit()
        dora_id = s.scalar(select(User.id).where(User.username == "dora"))
        grant_id = s.scalar(select(RoleGrant.id).where(RoleGrant.user_id == dora_id))
    lan = client_for_password(client_for, "lan", "mat-khau-lan")
    r = lan.post(
        f"/admin/users/{dora_id}/roles",
        data={"role": "admin", "unit_id": str(world.province.id), "csrf_token": lan.csrf},
    )
    assert r.status_code == 404
    assert "dora" in lan.get("/admin/users").text and "adam" not in lan.get("/admin/users").text
    r = adam.post(f"/admin/roles/{grant_id}/revoke", data={"csrf_token": adam.csrf})
    assert r.status_code == 200
    with world.session() as s:
        assert s.scalar(select(RoleGrant).where(RoleGrant.user_id == dora_id)) is None


def client_for_password(client_for, username: str, password: str):
    """Log in an account created during the test (not one of the named people)."""
    client = client_for(None)
    token = csrf_from(client.get("/login").text)
    response = client.post(
        "/login",
        data={"username": username, "password": password, "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303
    client.csrf = csrf_from(client.get("/").text)
    return client


def test_unknown_addresses_get_a_vietnamese_page_or_json(client_for) -> None:
    alice = client_for("alice")
    page = alice.get("/khong-co-trang-nay")
    assert page.status_code == 404 and "Không tìm thấy trang" in page.text
    api = alice.get("/api/v1/khong-co")
    assert api.status_code == 404 and api.json()["detail"].startswith("Không tìm thấy")
