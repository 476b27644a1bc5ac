"""The demo province: a few dozen units, a user for each role, and two campaigns.

The 2025 campaign is approved everywhere (so units have a history); the 2026 campaign has
assessments in every state. Values are pseudo-random but fixed (seeded by the unit code).
"""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import select
from sqlalchemy.orm import Session

from dxshift.economics import example_path, load_model
from dxshift.framework import Framework, load_framework
from dxshift.framework.schema import CountAnswer, Indicator, PercentAnswer, ScaleAnswer
from dxshift.services import accounts, appraisals, assessments, campaigns, units, value_models
from dxshift.services.scope import Principal, load_principal
from dxshift.storage.models import Assessment, Unit, User

DEMO_PASSWORD = "dxshift-demo"
PROVINCE = ("DEMO-T", "Tỉnh Minh Hòa (dữ liệu minh họa)", "province")
AGENCIES = [
    ("DEMO-VP", "Văn phòng UBND tỉnh"),
    ("DEMO-KHCN", "Sở Khoa học và Công nghệ"),
    ("DEMO-YT", "Sở Y tế"),
    ("DEMO-GD", "Sở Giáo dục và Đào tạo"),
    ("DEMO-TC", "Sở Tài chính"),
    ("DEMO-NN", "Sở Nông nghiệp và Môi trường"),
]
COMMUNES = [
    "Phường Tân An",
    "Phường Hòa Bình",
    "Phường Đông Thành",
    "Phường Ngọc Sơn",
    "Xã Minh Hòa",
    "Xã Thủy Lợi",
    "Xã Đức Phong",
    "Xã Ea Tam",
    "Xã Hưng Long",
    "Xã Quỳnh Lâm",
    "Xã Bình Minh",
    "Xã Phú Mỹ",
    "Xã An Khê",
    "Xã Ứng Hòa",
    "Xã Yên Thế",
    "Xã Trà Lĩnh",
    "Xã Cẩm Thủy",
    "Xã Lộc Ninh",
    "Xã Vĩnh Thạnh",
    "Xã Sơn Hà",
    "Xã Tam Đảo",
    "Xã Kỳ Anh",
    "Xã Ô Diên",
    "Xã Đắk Mil",
]
SCHOOLS = [("DEMO-GD-THPT1", "Trường THPT Minh Hòa"), ("DEMO-GD-THPT2", "Trường THPT Tân An")]
USERS = [
    ("admin", "Quản trị hệ thống", "admin", "DEMO-T"),
    ("dieuphoi", "Nguyễn Thị Điều Phối", "coordinator", "DEMO-T"),
    ("thamdinh", "Trần Văn Thẩm Định", "reviewer", "DEMO-T"),
    ("lanhdao", "Lê Thị Lãnh Đạo", "viewer", "DEMO-T"),
    ("canbo.minhhoa", "Phạm Văn Minh", "assessor", "DEMO-X05"),
    ("canbo.tanan", "Võ Thị An", "assessor", "DEMO-X01"),
    ("canbo.yte", "Đặng Văn Y", "assessor", "DEMO-YT"),
]
STATES_2026 = ["approved", "submitted", "returned", "draft", "not_started"]


def _value(ind: Indicator, maturity: float, rng: random.Random) -> object:
    level = min(max(maturity + rng.uniform(-0.25, 0.25), 0.0), 1.0)
    spec = ind.answer
    if isinstance(spec, ScaleAnswer):
        return round(level * spec.max_value)
    if isinstance(spec, PercentAnswer):
        return round(level * 100)
    if isinstance(spec, CountAnswer):
        top = spec.maximum or spec.target * 2
        return round(min(spec.baseline + level * (spec.target - spec.baseline) * 1.1, top))
    return level > 0.5


def _fill(
    session: Session,
    framework: Framework,
    assessment: Assessment,
    maturity: float,
    seed: str,
    actor_user: User,
) -> None:
    rng = random.Random(seed)
    actor = load_principal(session, actor_user)
    for ind in framework.indicators:
        if rng.random() < 0.04:
            continue  # a few honest gaps
        assessments.save_answer(
            session,
            actor=actor,
            assessment=assessment,
            indicator_id=ind.id,
            raw=str(_value(ind, maturity, rng)),
            expected_version=None,
        )


def load_demo(session: Session) -> bool:
    """Create the demo province unless units already exist; True when it was created."""
    if session.scalar(select(Unit).limit(1)) is not None:
        return False
    framework = load_framework()
    province = units.create_unit(session, code=PROVINCE[0], name=PROVINCE[1], kind=PROVINCE[2])
    by_code = {province.code: province}
    for code, name in AGENCIES:
        by_code[code] = units.create_unit(session, code=code, name=name, kind="agency", parent=province)
    for code, name in SCHOOLS:
        by_code[code] = units.create_unit(
            session, code=code, name=name, kind="school", parent=by_code["DEMO-GD"]
        )
    for n, name in enumerate(COMMUNES, start=1):
        code = f"DEMO-X{n:02d}"
        kind = "ward" if name.startswith("Phường") else "commune"
        by_code[code] = units.create_unit(session, code=code, name=name, kind=kind, parent=province)
    users = {}
    for username, full_name, role, unit_code in USERS:
        user = accounts.create_user(session, username=username, password=DEMO_PASSWORD, full_name=full_name)
        accounts.grant_role(session, user=user, role=role, unit=by_code[unit_code])
        users[username] = user
    session.flush()
    admin = load_principal(session, users["admin"])
    coordinator = load_principal(session, users["dieuphoi"])
    reviewer = load_principal(session, users["thamdinh"])

    old = campaigns.open_campaign(
        session,
        actor=coordinator,
        name="Tự đánh giá CĐS năm 2025",
        scope=province,
        deadline=dt.date(2025, 11, 30),
    )
    new = campaigns.open_campaign(
        session,
        actor=coordinator,
        name="Tự đánh giá CĐS năm 2026",
        scope=province,
        deadline=dt.date(2026, 12, 15),
    )
    session.flush()
    rows = session.scalars(select(Assessment).join(Unit).order_by(Unit.path)).all()
    for index, assessment in enumerate(a for a in rows if a.campaign_id == old.id):
        maturity = 0.2 + 0.5 * random.Random(assessment.unit.code).random()
        _fill(session, framework, assessment, maturity, assessment.unit.code + "2025", users["admin"])
        assessments.submit(session, actor=admin, assessment=assessment, expected_version=None)
        assessments.approve(session, actor=reviewer, assessment=assessment, expected_version=None)
        assessment.approved_at = dt.datetime(2025, 12, 1, 8, 0) + dt.timedelta(minutes=index)
    for index, assessment in enumerate(a for a in rows if a.campaign_id == new.id):
        state = "draft" if assessment.unit.code == "DEMO-X05" else STATES_2026[index % len(STATES_2026)]
        if state == "not_started":
            continue
        maturity = 0.3 + 0.55 * random.Random(assessment.unit.code).random()
        _fill(session, framework, assessment, maturity, assessment.unit.code + "2026", users["admin"])
        if state in {"submitted", "returned", "approved"}:
            assessments.submit(session, actor=admin, assessment=assessment, expected_version=None)
        if state == "returned":
            first = framework.indicators[index % len(framework.indicators)].id
            assessments.return_for_changes(
                session,
                actor=reviewer,
                assessment=assessment,
                expected_version=None,
                comments={first: "Đề nghị bổ sung minh chứng (quyết định, báo cáo) cho câu trả lời này."},
            )
        if state == "approved":
            assessments.approve(session, actor=reviewer, assessment=assessment, expected_version=None)
    _demo_appraisal(session, coordinator, next(u for u in by_code.values() if u.name == "Xã Minh Hòa"))
    return True


def _demo_appraisal(session: Session, coordinator: Principal, commune: Unit) -> None:
    """A project with the documented value model: own server room or the provincial cloud."""
    initiative = appraisals.create_initiative(
        session,
        actor=coordinator,
        unit=commune,
        title="Hạ tầng cho các ứng dụng của xã Minh Hòa: phòng máy chủ riêng hay đám mây của tỉnh",
        kind="new_system",
        budget=1_490_000_000,
        period_start=2026,
        period_end=2032,
    )
    model = load_model(example_path())
    value_models.save(session, actor=coordinator, initiative=initiative, model=model, version=None)


def demo_logins() -> list[tuple[str, str, str]]:
    """(username, role, unit code) of every demo account; all share DEMO_PASSWORD."""
    return [(u, role, unit) for u, _, role, unit in USERS]
