"""How fast the value model answers (issue 6): the point result, Monte Carlo, reports, the page.

Run: .venv/bin/python -m bench.value_speed
Uses the documented example (2 options, 7 years, 15 ranged inputs, 100-unit sharing) and a
large model (6 options, 50 years, every amount ranged) to see how the run time grows.
Goals: the example's full analysis (2,000 runs, sensitivity) under 1 s; the appraisal page with
a value model under 2 s the first time and under 0.2 s after (the results are cached per version).
"""

from __future__ import annotations

import copy
import statistics
import time
from collections.abc import Callable
from typing import Any


def timed(fn: Callable[[], Any], repeat: int = 5) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def large(data: dict[str, Any]) -> dict[str, Any]:
    """Six options over 50 years, every up-front and recurring amount given as a ±20 % range."""
    big = copy.deepcopy(data)
    big["horizon_years"] = 50
    options = []
    for k in range(3):
        for base in data["options"]:
            option = copy.deepcopy(base)
            option["key"] = f"{base['key']}-{k}"
            for line in option.get("upfront", []) + option.get("recurring", []):
                amount = line["amount"]
                mid = amount[len(amount) // 2] if isinstance(amount, list) else amount
                line["amount"] = [mid * 0.8, mid, mid * 1.2]
            options.append(option)
    big["options"] = options
    big["sharing"]["separate"] = options[0]["key"]
    big["benefits"] = [{k: v for k, v in b.items() if k != "options"} for b in data["benefits"]]
    return big


def main() -> None:
    from dxshift.economics import evaluate, load_model, sensitivity, simulate, validate_model
    from dxshift.economics.loader import example_path, plain
    from dxshift.economics.uncertainty import uncertain_inputs
    from dxshift.reports.value_report import build_report, render_fragment, render_report

    example = load_model(example_path())
    big = validate_model(large(plain(example)))
    for label, model in (("example", example), ("large", big)):
        n_inputs = len(uncertain_inputs(model))
        point = timed(lambda m=model: evaluate(m))
        mc = timed(lambda m=model: simulate(m), repeat=3)
        sens = timed(lambda m=model: [sensitivity(m, o.key) for o in m.options], repeat=3)
        full = timed(lambda m=model: build_report(m), repeat=3)
        print(
            f"{label}: {len(model.options)} options, {model.horizon_years} years, {n_inputs} ranged inputs | "
            f"point {point * 1000:.1f} ms | Monte Carlo 2,000 runs {mc:.2f} s | sensitivity {sens:.2f} s | "
            f"whole analysis {full:.2f} s"
        )
    report = build_report(example)
    for fmt in ("md", "json", "html", "pdf"):
        print(f"example report {fmt}: {timed(lambda f=fmt: render_report(report, f), repeat=3):.2f} s")
    print(
        f"example page fragment (SVG charts): {timed(lambda: render_fragment(report, 'svg'), repeat=3):.2f} s"
    )
    page_timings()


def page_timings() -> None:
    """The appraisal page of the demo project, first view and cached views, through the real app."""
    import tempfile
    from pathlib import Path

    from fastapi.testclient import TestClient

    from dxshift.services.demo import DEMO_PASSWORD, load_demo
    from dxshift.settings import Settings
    from dxshift.storage.db import session_scope
    from dxshift.storage.migrate import upgrade
    from dxshift.storage.models import Initiative
    from dxshift.web.app import create_app

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(database_url=f"sqlite:///{Path(tmp) / 'd.db'}", data_dir=tmp)
        upgrade(settings.database_url)
        with session_scope(settings.database_url) as s:
            load_demo(s)
            initiative_id = s.query(Initiative).one().id
        with TestClient(create_app(settings)) as client:
            import re

            token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text).group(1)  # type: ignore[union-attr]
            client.post(
                "/login", data={"username": "dieuphoi", "password": DEMO_PASSWORD, "csrf_token": token}
            )
            start = time.perf_counter()
            assert client.get(f"/appraisals/{initiative_id}").status_code == 200
            first = time.perf_counter() - start
            again = timed(lambda: client.get(f"/appraisals/{initiative_id}"), repeat=10)
            form = timed(lambda: client.get(f"/appraisals/{initiative_id}/value"), repeat=5)
    print(
        f"appraisal page with value model: first view {first:.2f} s, cached {again * 1000:.0f} ms; "
        f"form {form * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
