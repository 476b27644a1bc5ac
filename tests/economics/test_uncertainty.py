"""Monte Carlo and sensitivity: reproducible, and consistent with the point result."""

from __future__ import annotations

import pytest

from dxshift.economics import evaluate, load_model, simulate, validate_model
from dxshift.economics.loader import example_path
from dxshift.economics.uncertainty import sensitivity, uncertain_inputs


def test_same_seed_same_numbers_other_seed_other_numbers() -> None:
    m = load_model(example_path())
    a, b = simulate(m, runs=300, seed=7), simulate(m, runs=300, seed=7)
    c = simulate(m, runs=300, seed=8)
    assert a.option("tu-dau-tu").npvs == b.option("tu-dau-tu").npvs
    assert a.option("tu-dau-tu").npvs != c.option("tu-dau-tu").npvs
    d = a.option("tu-dau-tu")
    assert d.p5 <= d.p50 <= d.p95
    assert 0 <= d.chance_positive <= 1
    assert sum(o.chance_best for o in a.options) == pytest.approx(1)


def test_the_point_result_lies_inside_the_simulated_spread() -> None:
    m = load_model(example_path())
    rent = simulate(m, runs=400, seed=1).option("thue-dam-may")
    assert min(rent.npvs) < evaluate(m).option("thue-dam-may").npv < max(rent.npvs)


def test_without_ranges_the_simulation_is_the_point_result() -> None:
    data = {
        "title": "P",
        "start_year": 2026,
        "horizon_years": 4,
        "discount_rate": 0.05,
        "options": [{"key": "p", "name": "P", "upfront": [{"name": "U", "amount": 100}]}],
        "benefits": [{"name": "B", "drivers": [{"name": "v", "value": 40}]}],
    }
    m = validate_model(data)
    sim = simulate(m)
    assert sim.inputs == [] and sim.runs == 1
    assert sim.option("p").p50 == pytest.approx(evaluate(m).option("p").npv)
    assert sim.option("p").chance_positive == 1.0


def test_chance_positive_tracks_a_range_that_straddles_break_even() -> None:
    # NPV = 4 × b − 100 at zero discount: positive when b > 25; b uniform-ish on a triangle 0…50.
    data = {
        "title": "P",
        "start_year": 2026,
        "horizon_years": 4,
        "discount_rate": 0,
        "options": [{"key": "p", "name": "P", "upfront": [{"name": "U", "amount": 100}]}],
        "benefits": [{"name": "B", "drivers": [{"name": "v", "value": [0, 25, 50]}]}],
        "simulation": {"runs": 4000, "seed": 3},
    }
    sim = simulate(validate_model(data))
    assert sim.option("p").chance_positive == pytest.approx(0.5, abs=0.04)  # symmetric triangle


def test_sensitivity_orders_inputs_and_ignores_what_an_option_does_not_use() -> None:
    m = load_model(example_path())
    swings = sensitivity(m, "tu-dau-tu")
    widths = [s.width for s in swings]
    assert widths == sorted(widths, reverse=True)
    assert len(swings) == len(uncertain_inputs(m))
    by_path = {s.input.path: s for s in swings}
    rent_price = next(p for p in by_path if p.startswith("options[1].usage"))
    assert by_path[rent_price].width == 0  # the rent price does not touch the invest option
    top = swings[0]
    assert top.width > 0 and top.input.label[-1] in {
        "value",
        "amount",
        "base",
        "growth",
        "price",
        "module_cost",
    }


def test_the_example_tells_the_story_of_shifts_7_8_9() -> None:
    o = evaluate(load_model(example_path()))
    own, rent = o.option("tu-dau-tu"), o.option("thue-dam-may")
    assert rent.pv_cost < own.pv_cost and o.best.key == "thue-dam-may"
    assert o.rent_invest is not None and o.rent_invest.utilization[1] < 0.2  # owned servers idle > 80 %
    assert o.sharing is not None and o.sharing.break_even_units is not None
    assert o.sharing.break_even_units < o.model.sharing.units  # type: ignore[union-attr]
