"""Properties the model must keep whatever the numbers (hypothesis draws them)."""

from __future__ import annotations

import itertools
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from dxshift.economics import evaluate, validate_model

money = st.floats(min_value=0, max_value=1e10, allow_nan=False)
rates = st.floats(min_value=0, max_value=0.9)


def project(
    upfront: float, yearly_cost: float, yearly_benefit: float, rate: float, years: int
) -> dict[str, Any]:
    return {
        "title": "P",
        "start_year": 2026,
        "horizon_years": years,
        "discount_rate": rate,
        "options": [
            {
                "key": "p",
                "name": "P",
                "upfront": [{"name": "Đầu tư", "amount": upfront}],
                "recurring": [{"name": "Vận hành", "amount": yearly_cost}],
            }
        ],
        "benefits": [{"name": "Lợi ích", "drivers": [{"name": "v", "value": yearly_benefit}]}],
    }


@settings(max_examples=150, deadline=None)
@given(money, money, money, rates, rates, st.integers(1, 30))
def test_a_higher_discount_rate_never_raises_npv_when_costs_come_first(
    upfront: float, cost: float, extra: float, r1: float, r2: float, years: int
) -> None:
    # Costs first: money goes out at the start, and every later year brings in at least what it costs.
    low, high = sorted((r1, r2))
    at_low = evaluate(validate_model(project(upfront, cost, cost + extra, low, years))).options[0].npv
    at_high = evaluate(validate_model(project(upfront, cost, cost + extra, high, years))).options[0].npv
    gross = upfront + (2 * cost + extra) * years  # rounding scales with the sums, not their difference
    assert at_high <= at_low + 1e-9 * max(1.0, gross)


@settings(max_examples=100, deadline=None)
@given(money, money, st.integers(1, 10), st.integers(1, 300), rates)
def test_more_units_never_lower_the_total_cost_of_separate_systems(
    upfront: float, yearly: float, life: int, units: int, rate: float
) -> None:
    data = project(upfront, yearly, 0, rate, 10)
    data["options"][0]["upfront"][0]["life_years"] = life
    data["sharing"] = {"units": units, "separate": "p", "platform": {"upfront": [{"name": "N", "amount": 1}]}}
    sharing = evaluate(validate_model(data)).sharing
    assert sharing is not None
    totals = [p.separate for p in sharing.points]
    assert all(b >= a for a, b in itertools.pairwise(totals))


@settings(max_examples=100, deadline=None)
@given(money, money, money, rates, st.integers(1, 30))
def test_net_value_is_benefit_minus_cost_and_bcr_agrees_with_npv(
    upfront: float, cost: float, benefit: float, rate: float, years: int
) -> None:
    r = evaluate(validate_model(project(upfront, cost, benefit, rate, years))).options[0]
    assert r.net_value == r.total_benefit - r.total_cost
    if r.bcr is not None and abs(r.npv) > 1e-6 * max(r.pv_cost, 1):
        assert (r.bcr > 1) == (r.npv > 0)
