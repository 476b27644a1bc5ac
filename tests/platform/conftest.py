"""Shared base for platform tests: a real database (SQLite file or PostgreSQL server), a small
tree of units and named users of different rights, and a logged-in test client.

People (all with password PASSWORD):
  adam  admin        over the province
  cora  coordinator  over the province
  rita  reviewer     over the province
  alice assessor     of commune A
  bob   assessor     of commune B
  vera  viewer       of commune A
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

from dxshift.services import accounts, campaigns, units
from dxshift.services.scope import Principal, load_principal
from dxshift.settings import Settings
from dxshift.storage.db import session_factory
from dxshift.storage.models import Assessment, Base, Campaign, Unit, User

from ..pg import PostgresServer

PASSWORD = "mat-khau-thu-nghiem"
_counter = itertools.count()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer | None]:
    try:
        server = PostgresServer()
        server.start()
    except (RuntimeError, OSError, Exception) as exc:
        if os.environ.get("DXSHIFT_REQUIRE_POSTGRES"):
            raise RuntimeError(f"PostgreSQL test server could not start: {exc}") from exc
        yield None
        return
    engine = create_engine(server.url("postgres"), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text("CREATE DATABASE dxshift_template"))
    engine.dispose()
    template = create_engine(server.url("dxshift_template"))
    Base.metadata.create_all(template)
    template.dispose()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'test.db'}"
        engine = create_engine(url)
        Base.metadata.create_all(engine)
        engine.dispose()
        yield url
        return
    server = request.getfixturevalue("pg_server")
    if server is None:
        pytest.skip("PostgreSQL is not available on this machine")
    name = f"t_{os.getpid()}_{next(_counter)}"
    admin = create_engine(server.url("postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name} TEMPLATE dxshift_template"))
    url = server.url(name)
    yield url
    session_factory(url).kw["bind"].dispose()
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.dispose()


@dataclass
class World:
    url: str
    province: Unit
    commune_a: Unit
    commune_b: Unit
    agency: Unit
    campaign: Campaign
    users: dict[str, User]

    def session(self) -> Session:
        return session_factory(self.url)()

    def principal(self, session: Session, name: str) -> Principal:
        return load_principal(session, session.get(User, self.users[name].id))

    def assessment_of(self, session: Session, unit: Unit) -> Assessment:
        return session.query(Assessment).filter_by(unit_id=unit.id, campaign_id=self.campaign.id).one()


@pytest.fixture
def world(db_url: str) -> World:
    session = session_factory(db_url)()
    province = units.create_unit(session, code="P", name="Tỉnh Thử Nghiệm", kind="province")
    commune_a = units.create_unit(session, code="A", name="Xã Ái Quốc", kind="commune", parent=province)
    commune_b = units.create_unit(session, code="B", name="Xã Bình Minh", kind="commune", parent=province)
    agency = units.create_unit(
        session, code="G", name="Sở Khoa học và Công nghệ", kind="agency", parent=province
    )
    people = {}
    for name, role, unit in [
        ("adam", "admin", province),
        ("cora", "coordinator", province),
        ("rita", "reviewer", province),
        ("alice", "assessor", commune_a),
        ("bob", "assessor", commune_b),
        ("vera", "viewer", commune_a),
    ]:
        user = accounts.create_user(session, username=name, password=PASSWORD, full_name=name.title())
        accounts.grant_role(session, user=user, role=role, unit=unit)
        people[name] = user
    session.flush()
    campaign = campaigns.open_campaign(
        session, actor=load_principal(session, people["cora"]), name="Đợt thử 2026", scope=province
    )
    session.commit()
    world = World(db_url, province, commune_a, commune_b, agency, campaign, people)
    session.close()
    return world


def csrf_from(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html) or re.search(
        r'"X-CSRF-Token": "([^"]+)"', html
    )
    assert match, "page carries a CSRF token"
    return match.group(1)


@pytest.fixture
def app_settings(world: World, tmp_path: Path) -> Settings:
    return Settings(database_url=world.url, data_dir=str(tmp_path / "data"), max_upload_mb=1)


@pytest.fixture
def client_for(app_settings: Settings):
    from fastapi.testclient import TestClient

    from dxshift.web.app import create_app

    app = create_app(app_settings)
    made: list[TestClient] = []

    def login(name: str | None) -> TestClient:
        client = TestClient(app)
        made.append(client)
        if name is None:
            return client
        token = csrf_from(client.get("/login").text)
        response = client.post(
            "/login",
            data={"username": name, "password": PASSWORD, "csrf_token": token},
            follow_redirects=False,
        )
        assert response.status_code == 303, response.text
        client.csrf = csrf_from(client.get("/").text)  # type: ignore[attr-defined]
        return client

    yield login
    for client in made:
        client.close()
