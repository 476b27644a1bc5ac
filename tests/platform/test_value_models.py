"""An initiative's value model on the platform: the form, YAML in and out, versions, scope."""

from __future__ import annotations

import io
import unicodedata
from typing import Any
from urllib.parse import urlencode

import pytest
import yaml
from pypdf import PdfReader
from sqlalchemy import select

from dxshift.economics import load_model
from dxshift.economics.loader import example_path, plain
from dxshift.services import appraisals, value_models
from dxshift.services.errors import Conflict, Forbidden
from dxshift.storage.models import AuditEntry, InitiativeValueModel
from dxshift.web import value_form

from .conftest import World


@pytest.fixture
def initiative_id(world: World) -> int:
    with world.session() as s:
        initiative = appraisals.create_initiative(
            s,
            actor=world.principal(s, "alice"),
            unit=s.merge(world.commune_a),
            title="Hạ tầng cho các ứng dụng của xã",
            kind="new_system",
            budget=3_200_000_000,
            period_start=2026,
            period_end=2030,
        )
        s.commit()
        return initiative.id


def form_items(data: dict[str, Any], version: int, csrf: str) -> list[tuple[str, str]]:
    """What a browser sends for the form filled with `data` (checkboxes send 0 then 1)."""
    items = [("csrf_token", csrf), ("_version", str(version))]

    def walk(nodes: list[value_form.Node]) -> None:
        for n in nodes:
            if n.kind == "field":
                if n.widget == "bool":
                    items.append((n.name, "0"))
                    if n.value:
                        items.append((n.name, "1"))
                else:
                    items.append((n.name, str(n.value)))
            walk(n.children)

    walk(value_form.build(data, {}, "vi"))
    return items


def post_form(client: Any, iid: int, items: list[tuple[str, str]]) -> Any:
    """Post fields as a browser does, repeated names included."""
    return client.post(
        f"/appraisals/{iid}/value",
        content=urlencode(items),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        follow_redirects=False,
    )


def test_service_versions_audit_and_rights(world: World, initiative_id: int) -> None:
    model = load_model(example_path())
    with world.session() as s:
        initiative = appraisals.get_initiative(s, world.principal(s, "cora"), initiative_id)
        row = value_models.save(
            s, actor=world.principal(s, "cora"), initiative=initiative, model=model, version=None
        )
        assert row.version == 1
        row = value_models.save(
            s, actor=world.principal(s, "alice"), initiative=initiative, model=model, version=1
        )
        assert row.version == 2
        with pytest.raises(Conflict):
            value_models.save(
                s, actor=world.principal(s, "cora"), initiative=initiative, model=model, version=1
            )
        with pytest.raises(Forbidden):
            value_models.save(
                s, actor=world.principal(s, "vera"), initiative=initiative, model=model, version=2
            )
        s.commit()
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action == "save_value_model")).all()
        assert [e.after["version"] for e in entries] == [1, 2]  # type: ignore[index]
        assert value_models.stored_model(row) == model


def test_build_the_model_in_the_form_and_see_the_results(
    world: World, initiative_id: int, client_for: Any
) -> None:
    alice = client_for("alice")
    page = alice.get(f"/appraisals/{initiative_id}")
    assert (
        "Chưa có mô hình giá trị và chi phí" in page.text
        and f"/appraisals/{initiative_id}/value" in page.text
    )
    form = alice.get(f"/appraisals/{initiative_id}/value")
    assert form.status_code == 200
    assert 'value="3.200.000.000"' in form.text  # the registered budget, Vietnamese digits
    assert 'value="Hạ tầng cho các ứng dụng của xã"' in form.text
    example = alice.get(f"/appraisals/{initiative_id}/value?start=example")
    assert 'value="0,3 – 0,5 – 0,8"' in example.text and 'value="6 % – 10 %"' in example.text
    assert 'value="2026"' in example.text
    saved = post_form(alice, initiative_id, form_items(value_models.example(), 0, alice.csrf))
    assert saved.status_code == 303, saved.text[:2000]
    page = alice.get(f"/appraisals/{initiative_id}").text
    assert "Phương án có NPV cao nhất: Thuê dịch vụ đám mây của tỉnh" in page
    assert "<svg" in page and "Chi phí và lợi ích lũy kế theo năm" in page
    assert "Chi phí mỗi hồ sơ" in page and "Hiệu suất sử dụng" in page
    with world.session() as s:
        row = s.scalar(select(InitiativeValueModel))
        assert row is not None and row.version == 1
        assert value_models.stored_model(row) == load_model(example_path())


def test_bad_values_are_explained_beside_their_fields_and_nothing_is_lost(
    world: World, initiative_id: int, client_for: Any
) -> None:
    cora = client_for("cora")
    data = value_models.example()
    data["horizon_years"] = "0"
    data["options"][0]["upfront"][1]["amount"] = "-5"
    data["discount_rate"] = "10 % – 6 %"
    data["benefits"][0]["drivers"][0]["value"] = "mười hai nghìn"
    response = post_form(cora, initiative_id, form_items(data, 0, cora.csrf))
    assert response.status_code == 422
    html = unicodedata.normalize("NFC", response.text)
    assert "Chưa lưu. Hãy sửa các chỗ sau" in html
    assert 'id="e-horizon_years"' in html and "phải từ 1 trở lên" in html
    assert 'id="e-options.0.upfront.1.amount"' in html and "không được âm" in html
    assert "đầu thấp của khoảng (0,1) lớn hơn đầu cao (0,06)" in html
    assert "không phải là một số" in html
    assert 'value="mười hai nghìn"' in html and 'value="-5"' in html  # what was typed stays
    with world.session() as s:
        assert s.scalar(select(InitiativeValueModel)) is None


def test_a_stale_edit_is_refused_and_keeps_what_was_typed(
    world: World, initiative_id: int, client_for: Any
) -> None:
    alice, cora = client_for("alice"), client_for("cora")
    assert (
        post_form(alice, initiative_id, form_items(value_models.example(), 0, alice.csrf)).status_code == 303
    )
    mine = value_models.example()
    mine["title"] = "Bản của điều phối viên"
    theirs = value_models.example()
    theirs["title"] = "Bản của cán bộ xã"
    assert post_form(alice, initiative_id, form_items(theirs, 1, alice.csrf)).status_code == 303
    stale = post_form(cora, initiative_id, form_items(mine, 1, cora.csrf))
    assert stale.status_code == 409
    assert (
        "vừa được người khác lưu trước bạn" in stale.text and 'value="Bản của điều phối viên"' in stale.text
    )
    with world.session() as s:
        row = s.scalar(select(InitiativeValueModel))
        assert row is not None and row.version == 2 and row.data["title"] == "Bản của cán bộ xã"


def test_scope_viewers_read_others_see_nothing(world: World, initiative_id: int, client_for: Any) -> None:
    alice, vera, bob = client_for("alice"), client_for("vera"), client_for("bob")
    assert (
        post_form(alice, initiative_id, form_items(value_models.example(), 0, alice.csrf)).status_code == 303
    )
    page = vera.get(f"/appraisals/{initiative_id}").text
    assert "Phương án có NPV cao nhất" in page and f'/appraisals/{initiative_id}/value"' not in page
    assert vera.get(f"/appraisals/{initiative_id}/value").status_code == 403
    assert post_form(vera, initiative_id, form_items(value_models.example(), 1, vera.csrf)).status_code == 403
    for path in ("value", "value.yaml", "value.pdf"):
        assert bob.get(f"/appraisals/{initiative_id}/{path}").status_code == 404
    forged = post_form(alice, initiative_id, [("csrf_token", "gia-mao"), ("title", "X")])
    assert forged.status_code == 403
    with world.session() as s:
        row = s.scalar(select(InitiativeValueModel))
        assert row is not None and row.version == 1


def test_yaml_in_and_out_and_the_pdf(world: World, initiative_id: int, client_for: Any) -> None:
    cora = client_for("cora")
    url = f"/appraisals/{initiative_id}/value/yaml"
    sent = example_path().read_bytes()
    ok = cora.post(
        url, data={"csrf_token": cora.csrf}, files={"file": ("mo-hinh.yaml", sent)}, follow_redirects=False
    )
    assert ok.status_code == 303
    back = cora.get(f"/appraisals/{initiative_id}/value.yaml")
    assert back.status_code == 200 and "attachment" in back.headers["content-disposition"]
    assert yaml.safe_load(back.text) == plain(load_model(example_path()))
    pdf = cora.get(f"/appraisals/{initiative_id}/value.pdf")
    assert pdf.content.startswith(b"%PDF")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Xã Minh Hòa" in unicodedata.normalize("NFC", " ".join(text.split()))

    broken = sent.replace(b"horizon_years: 7", b"horizon_years: 0")
    bad = cora.post(url, data={"csrf_token": cora.csrf}, files={"file": ("hong.yaml", broken)})
    assert bad.status_code == 422 and "hong.yaml:" in bad.text and "phải từ 1 trở lên" in bad.text
    latin = cora.post(
        url,
        data={"csrf_token": cora.csrf},
        files={"file": ("x.yaml", unicodedata.normalize("NFD", "title: Hòa").encode("cp1258"))},
    )
    assert latin.status_code == 422 and "không phải văn bản UTF-8" in latin.text
    huge = cora.post(
        url, data={"csrf_token": cora.csrf}, files={"file": ("x.yaml", b"# " + b"x" * 1_100_000)}
    )
    assert huge.status_code == 413
    with world.session() as s:
        row = s.scalar(select(InitiativeValueModel))
        assert row is not None and row.version == 1  # the failed loads changed nothing


def test_the_api_reads_the_value_model_within_scope(
    world: World, initiative_id: int, client_for: Any
) -> None:
    from dxshift.services import tokens

    with world.session() as s:
        initiative = appraisals.get_initiative(s, world.principal(s, "cora"), initiative_id)
        model = load_model(example_path())
        value_models.save(
            s, actor=world.principal(s, "cora"), initiative=initiative, model=model, version=None
        )
        keys = {
            name: tokens.create_token(s, user_id=world.users[name].id, name="api")[1]
            for name in ("vera", "bob")
        }
        s.commit()
    client = client_for(None)
    url = f"/api/v1/appraisals/{initiative_id}/value"
    ok = client.get(url, headers={"Authorization": f"Bearer {keys['vera']}"})
    assert ok.status_code == 200
    body = ok.json()
    assert body["version"] == 1 and body["model"]["title"].startswith("Xã Minh Hòa")
    assert body["results"]["best"] == "thue-dam-may"
    assert body["results"]["sharing"]["break_even_units"] == 9
    assert client.get(url, headers={"Authorization": f"Bearer {keys['bob']}"}).status_code == 404


def test_odd_but_legal_text_and_forged_versions_do_not_break_the_page(
    world: World, initiative_id: int, client_for: Any
) -> None:
    cora = client_for("cora")
    data = value_models.example()
    data["options"][0]["name"] = "Gói $\\foo$ & <b>đậm</b>"
    items = [(k, "inf" if k == "_version" else v) for k, v in form_items(data, 0, cora.csrf)]
    assert post_form(cora, initiative_id, items).status_code == 303
    page = cora.get(f"/appraisals/{initiative_id}")
    assert page.status_code == 200
    assert "Gói $\\foo$ &amp; &lt;b&gt;đậm&lt;/b&gt;" in page.text and "<b>đậm</b>" not in page.text
    assert cora.get(f"/appraisals/{initiative_id}/value.pdf").status_code == 200
