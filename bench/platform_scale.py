"""National-size platform benchmark (issue 4 goals), on SQLite and on PostgreSQL.

Run: .venv/bin/python -m bench.platform_scale [--backend sqlite|postgresql|both]

Builds 34 provinces, 3,321 communes and 500 agencies (3,856 units with the nation), imports the
tree from a generated CSV, opens one campaign over everything and imports a full answer sheet
for every unit (51 answers each), submitting and approving each so results are stored. Then
times, in-process through the ASGI app: a unit page, the campaign progress page, and saving one
answer (autosave), 200 requests each, and prints the 95th percentiles.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, select, text

PROVINCES, COMMUNES, AGENCIES = 34, 3321, 500


def tree_csv() -> bytes:
    rng = random.Random(34)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["code", "name", "kind", "parent_code"])
    writer.writerow(["VN", "Việt Nam", "nation", ""])
    for p in range(PROVINCES):
        writer.writerow([f"T{p:02d}", f"Tỉnh số {p + 1}", "province", "VN"])
    for c in range(COMMUNES):
        writer.writerow([f"X{c:04d}", f"Xã số {c + 1}", "commune", f"T{rng.randrange(PROVINCES):02d}"])
    for a in range(AGENCIES):
        writer.writerow([f"S{a:03d}", f"Sở số {a + 1}", "agency", f"T{a % PROVINCES:02d}"])
    return out.getvalue().encode("utf-8")


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1] * 1000


def run(url: str, label: str) -> list[tuple[str, str]]:
    from fastapi.testclient import TestClient

    from dxshift.framework import load_framework
    from dxshift.services import accounts, bulk, campaigns, units
    from dxshift.services.demo import _value
    from dxshift.services.scope import load_principal
    from dxshift.settings import Settings
    from dxshift.storage.db import session_factory
    from dxshift.storage.migrate import upgrade
    from dxshift.storage.models import Assessment, Unit
    from dxshift.web.app import create_app

    results: list[tuple[str, str]] = []
    upgrade(url)
    factory = session_factory(url)
    framework = load_framework()
    start = time.perf_counter()
    with factory() as s:
        report = units.import_units(s, rows=units.read_rows(tree_csv(), "tree.csv"), dry_run=False)
        assert not report.errors and len(report.created) == 1 + PROVINCES + COMMUNES + AGENCIES
        nation = s.scalar(select(Unit).where(Unit.code == "VN"))
        admin = accounts.create_user(s, username="admin", password="bench-password")
        accounts.grant_role(s, user=admin, role="admin", unit=nation)
        s.commit()
    tree_done = time.perf_counter()
    campaign_ids = []
    with factory() as s:
        actor = load_principal(s, s.get(type(admin), admin.id))
        for number, year in enumerate((2024, 2025, 2026)):
            campaign = campaigns.open_campaign(
                s, actor=actor, name=f"Tự đánh giá CĐS năm {year}", scope=nation
            )
            rng = random.Random(year)
            codes = s.scalars(select(Unit.code)).all()
            sheets = {}
            for code in codes:
                maturity = min(1.0, random.Random(code).random() * 0.7 + 0.1 * number)
                sheets[code] = {ind.id: _value(ind, maturity, rng) for ind in framework.indicators}
            bulk.import_campaign_answers(s, actor=actor, campaign=campaign, sheets=sheets, status="approved")
            s.commit()
            campaign_ids.append(campaign.id)
            if number == 0:
                first_done = time.perf_counter()
        campaign_id = campaign_ids[-1]
        commune = s.scalar(select(Unit).where(Unit.code == "X0042"))
        province = s.scalar(select(Unit).where(Unit.code == "T07"))
        target = s.scalar(select(Assessment).where(Assessment.unit_id == commune.id))
        open_one = campaigns.open_campaign(s, actor=actor, name="Đợt mở", scope=province)
        s.commit()
        editable = s.scalar(select(Assessment).where(Assessment.campaign_id == open_one.id))
        ids = (commune.id, province.id, target.id, editable.id, nation.id)
    end = time.perf_counter()
    results.append(
        (
            f"{label}: import tree ({1 + PROVINCES + COMMUNES + AGENCIES:,} units)",
            f"{tree_done - start:.1f} s",
        )
    )
    results.append(
        (
            f"{label}: tree + one campaign with 51 answers for every unit, scored and approved",
            f"{first_done - start:.1f} s (goal < 60 s)",
        )
    )
    results.append(
        (f"{label}: two more campaigns loaded the same way (3 in all)", f"{end - first_done:.1f} s")
    )

    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(Settings(database_url=url, data_dir=tmp))
        client = TestClient(app)
        token = client.get("/login").text.split('name="csrf_token" value="')[1].split('"')[0]
        client.post("/login", data={"username": "admin", "password": "bench-password", "csrf_token": token})
        csrf = client.get("/").text.split('"X-CSRF-Token": "')[1].split('"')[0]
        commune_id, province_id, _, editable_id, nation_id = ids
        for name, path, goal in (
            ("unit page (commune, with history)", f"/units/{commune_id}", 200),
            ("unit page (province, 100+ children)", f"/units/{province_id}", 200),
            ("campaign progress page (3,856 units)", f"/campaigns/{campaign_id}", 200),
            (
                "national dashboard (34 provinces × 17 shifts, 3 campaigns)",
                f"/dashboard?unit={nation_id}",
                300,
            ),
            ("province dashboard", f"/dashboard?unit={province_id}", 300),
        ):
            samples = []
            for _ in range(200):
                t0 = time.perf_counter()
                assert client.get(path).status_code == 200
                samples.append(time.perf_counter() - t0)
            results.append((f"{label}: {name}, p95 of 200", f"{p95(samples):.0f} ms (goal < {goal} ms)"))
        samples = []
        for n in range(200):
            t0 = time.perf_counter()
            r = client.post(
                f"/assessments/{editable_id}/answer",
                data={"indicator": "s05_records_digitized", "value": str(n % 100), "version": str(n)},
                headers={"X-CSRF-Token": csrf, "HX-Request": "true"},
            )
            samples.append(time.perf_counter() - t0)
            assert r.status_code == 200, r.text
        results.append(
            (f"{label}: save one answer (autosave), p95 of 200", f"{p95(samples):.0f} ms (goal < 50 ms)")
        )
        t0 = time.perf_counter()
        export = client.get(f"/campaigns/{campaign_id}/export.xlsx")
        if export.status_code == 200:
            results.append(
                (
                    f"{label}: XLSX export of all units ({len(export.content) // 1024:,} KB)",
                    f"{time.perf_counter() - t0:.1f} s (goal < 10 s)",
                )
            )
        client.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--backend", default="both", choices=["sqlite", "postgresql", "both"])
    args = parser.parse_args()
    rows: list[tuple[str, str]] = []
    if args.backend in {"sqlite", "both"}:
        with tempfile.TemporaryDirectory() as tmp:
            rows += run(f"sqlite:///{Path(tmp) / 'national.db'}", "SQLite")
    if args.backend in {"postgresql", "both"}:
        from tests.pg import PostgresServer

        server = PostgresServer()
        server.start()
        try:
            admin = create_engine(server.url("postgres"), isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text("CREATE DATABASE national"))
            admin.dispose()
            rows += run(server.url("national"), "PostgreSQL")
        finally:
            server.stop()
    print("| measure | result |\n|---|---:|")
    for name, value in rows:
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
