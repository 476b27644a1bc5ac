"""Hand-computed value models: every expected number below is worked out in the comment beside it."""

from __future__ import annotations

import math
from typing import Any

import pytest

from dxshift.economics import ModelInvalid, evaluate, parse_model, validate_model
from dxshift.economics.evaluate import npv, payback_step


def model(**over: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "title": "Thử",
        "start_year": 2026,
        "horizon_years": 3,
        "discount_rate": 0.1,
        "options": [
            {
                "key": "a",
                "name": "Phương án A",
                "upfront": [{"name": "Mua", "amount": 1000}],
                "recurring": [{"name": "Vận hành", "amount": 100}],
            }
        ],
        "benefits": [
            {"name": "Tiết kiệm", "drivers": [{"name": "x", "value": 5}, {"name": "y", "value": 100}]}
        ],
    }
    base.update(over)
    return base


def test_npv_and_payback_by_hand() -> None:
    # -100 + 50/1.1 + 60/1.21 = -100 + 45.4545 + 49.5868
    assert npv([-100, 50, 60], 0.1) == pytest.approx(-4.9587, abs=1e-4)
    assert payback_step([-100, 30, 30, 50]) == 3  # running -100, -70, -40, 10
    assert payback_step([-100, 150, -100, 100]) == 3  # dips below zero in year 2, back for good in 3
    assert payback_step([-100, 10, 10]) is None
    assert payback_step([0, 5, 5]) == 1


def test_one_option_by_hand() -> None:
    r = evaluate(validate_model(model())).option("a")
    assert r.cost == [1000, 100, 100, 100]
    assert r.benefit == [0, 500, 500, 500]  # 5 × 100 a year
    annuity = 1 / 1.1 + 1 / 1.21 + 1 / 1.331  # 2.48685
    assert r.npv == pytest.approx(-1000 + 400 * annuity)  # -5.259
    assert r.npv == pytest.approx(-5.2592, abs=1e-4)
    assert r.bcr == pytest.approx(500 * annuity / (1000 + 100 * annuity))  # 0.99579
    assert r.payback_step == 3  # running net -1000, -600, -200, +200
    assert r.net_value == 1500 - 1300
    assert r.cost_per_transaction is None


def test_growth_start_year_and_cost_per_transaction() -> None:
    m = model(
        benefits=[{"name": "B", "drivers": [{"name": "v", "value": 100}], "growth": 0.5, "from_year": 2}],
        transactions={"per_year": 10, "growth": 1.0 - 1e-9},
    )
    r = evaluate(validate_model(m)).option("a")
    assert r.benefit == [0, 0, 100, 150]  # starts in year 2, then +50 %
    assert r.cost_per_transaction == pytest.approx(1300 / 70)  # 10 + 20 + 40 transactions


def test_replacement_and_residual_value() -> None:
    # Bought at steps 0 and 3 (life 3); at the end of year 5 one year of three is left: 1000/3 back.
    m = model(
        horizon_years=5,
        options=[{"key": "a", "name": "A", "upfront": [{"name": "Máy", "amount": 1000, "life_years": 3}]}],
    )
    r = evaluate(validate_model(m)).option("a")
    assert r.cost == [1000, 0, 0, 1000, 0, 0]  # money paid
    assert r.residual == pytest.approx([0, 0, 0, 0, 0, 1000 / 3])  # worth left, credited in value terms
    assert r.pv_cost == pytest.approx(1000 + 1000 / 1.1**3 - (1000 / 3) / 1.1**5)
    assert r.net_value == pytest.approx(-2000 + 1000 / 3 + r.total_benefit)
    m["residual_value"] = False
    assert evaluate(validate_model(m)).option("a").residual == [0] * 6


def test_payback_counts_money_paid_not_the_worth_left_in_assets() -> None:
    # 100 up front (life 10) over 5 years, 11 a year back: 55 returned, 50 still in the asset.
    m = model(
        horizon_years=5,
        discount_rate=0,
        options=[{"key": "a", "name": "A", "upfront": [{"name": "Máy", "amount": 100, "life_years": 10}]}],
        benefits=[{"name": "B", "drivers": [{"name": "v", "value": 11}]}],
    )
    r = evaluate(validate_model(m)).option("a")
    assert r.payback_step is None and r.net_value == pytest.approx(5) and r.npv == pytest.approx(5)
    empty = evaluate(validate_model(model(benefits=[], options=[{"key": "a", "name": "A"}]))).option("a")
    assert empty.payback_step is None


def test_maintenance_is_a_share_of_what_is_owned() -> None:
    m = model(
        options=[
            {
                "key": "a",
                "name": "A",
                "upfront": [{"name": "Máy", "amount": 1000}],
                "maintenance_rate": "10 %",
            }
        ]
    )
    assert evaluate(validate_model(m)).option("a").cost == pytest.approx([1000, 100, 100, 100])


def rent_invest(**demand: Any) -> dict[str, Any]:
    return model(
        horizon_years=4,
        discount_rate=0,
        benefits=[],
        demand={"name": "Máy ảo", "unit": "vCPU", "base": 10, "peak_factor": 2, **demand},
        options=[
            {
                "key": "mua",
                "name": "Mua",
                "capacity": {"name": "Máy chủ", "module_size": 16, "module_cost": 100},
            },
            {"key": "thue", "name": "Thuê", "usage": [{"name": "vCPU", "price": 5}]},
        ],
    )


def test_rent_against_invest_by_hand() -> None:
    o = evaluate(validate_model(rent_invest()))
    ri = o.rent_invest
    assert ri is not None
    assert o.option("mua").modules == 2  # peak 10 × 2 = 20 vCPU → two 16-vCPU servers
    assert ri.installed == 32
    assert ri.utilization[1:] == pytest.approx([10 / 32] * 4)
    assert o.option("thue").cost == [0, 50, 50, 50, 50]  # 5 đ × 10 vCPU
    assert ri.crossover_step == 4  # renting reaches 200 in year 4, the servers cost 200 at once
    # Invest 100 × ceil(20k/16), rent 200k over four years: equal at k = 1 (base 10 vCPU).
    assert ri.break_even_base == pytest.approx(10, abs=1e-6)
    assert ri.cheaper_above == "mua"


def test_growing_demand_sizes_the_purchase_for_the_last_peak() -> None:
    o = evaluate(validate_model(rent_invest(growth=1.0 - 1e-12)))
    # Average 10, 20, 40, 80 → peak 160 in year 4 → 10 servers bought up front.
    assert o.option("mua").modules == 10
    assert o.rent_invest is not None
    assert o.rent_invest.utilization[1] == pytest.approx(10 / 160)


def test_shared_platform_against_one_system_each() -> None:
    m = model(
        discount_rate=0,
        benefits=[],
        options=[{"key": "rieng", "name": "Riêng", "upfront": [{"name": "Hệ thống", "amount": 300}]}],
        sharing={
            "units": 8,
            "separate": "rieng",
            "platform": {"upfront": [{"name": "Nền tảng", "amount": 1000}]},
            "per_unit": {"recurring": [{"name": "Kết nối", "amount": 100 / 3}]},
        },
    )
    s = evaluate(validate_model(m)).sharing
    assert s is not None
    assert [p.separate for p in s.points] == [300 * n for n in range(1, 9)]
    assert [round(p.shared) for p in s.points] == [1000 + 100 * n for n in range(1, 9)]
    assert s.break_even_units == 5  # 5 × 300 = 1000 + 5 × 100


def test_benefit_limited_to_one_option() -> None:
    m = model(
        options=[{"key": "a", "name": "A"}, {"key": "b", "name": "B"}],
        benefits=[{"name": "Ít sự cố", "options": ["b"], "drivers": [{"name": "v", "value": 7}]}],
    )
    o = evaluate(validate_model(m))
    assert o.option("a").total_benefit == 0
    assert o.option("b").total_benefit == 21
    assert o.best.key == "b"


def test_intangible_benefits_are_counted_but_shown_apart() -> None:
    m = model(
        benefits=[
            {
                "name": "Niềm tin",
                "intangible": True,
                "proxy": "phản ánh giảm × chi phí xử lý",
                "drivers": [{"name": "v", "value": 100}],
            }
        ]
    )
    r = evaluate(validate_model(m)).option("a")
    assert r.total_benefit == 300
    assert r.npv_tangible == pytest.approx(-r.pv_cost)
    assert r.npv > r.npv_tangible


def problems(data: dict[str, Any]) -> dict[str, str]:
    with pytest.raises(ModelInvalid) as caught:
        validate_model(data)
    return {p.field: p.describe() for p in caught.value.problems}


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"horizon_years": 0}, "horizon_years", "phải từ 1 trở lên"),
        (
            {"discount_rate": [0.12, 0.05]},
            "discount_rate",
            "đầu thấp của khoảng (0,12) lớn hơn đầu cao (0,05)",
        ),
        ({"discount_rate": 1.5}, "discount_rate", "tỷ lệ phải nằm trong khoảng"),
        ({"discount_rate": "tám phần trăm"}, "discount_rate", "không phải là một số"),
        ({"title": ""}, "title", "không được để trống"),
        ({"options": []}, "options", "cần ít nhất 1 mục"),
        ({"colour": "xanh"}, "colour", "gõ sai tên"),
    ],
)
def test_bad_inputs_get_a_clear_vietnamese_message(change: dict[str, Any], field: str, words: str) -> None:
    assert words in problems(model(**change))[field]


def test_negative_amount_and_cross_checks() -> None:
    bad = model()
    bad["options"][0]["upfront"][0]["amount"] = -5
    assert "không được âm" in problems(bad)["options[0].upfront[0].amount"]
    assert (
        "đại lượng thay thế"
        in problems(
            model(benefits=[{"name": "Niềm tin", "intangible": True, "drivers": [{"name": "v", "value": 1}]}])
        )["benefits[0]"]
    )
    needs = model(options=[{"key": "t", "name": "Thuê", "usage": [{"name": "vCPU", "price": 5}]}])
    assert "cần mục demand" in problems(needs)["(file)"]
    dup = model(options=[{"key": "a", "name": "A"}, {"key": "a", "name": "B"}])
    assert "trùng mã" in problems(dup)["(file)"]


def test_errors_name_the_line_and_speak_english_on_request() -> None:
    text = (
        "title: Thử\nstart_year: 2026\nhorizon_years: 3\ndiscount_rate: 0.1\n"
        "options:\n  - key: a\n    name: A\n    upfront:\n      - {name: Máy, amount: [9, 3]}\n"
    )
    with pytest.raises(ModelInvalid) as caught:
        parse_model(text, "m.yaml")
    (p,) = caught.value.problems
    assert (p.field, p.line) == ("options[0].upfront[0].amount", 9)
    assert (
        "m.yaml:9: options[0].upfront[0].amount: the low end of the range (9) is above its high end (3)"
        in (caught.value.describe("en"))
    )
    with pytest.raises(ModelInvalid) as broken:
        parse_model("title: [unclosed\n", "x.yaml")
    assert broken.value.problems[0].code == "econ_yaml"


def test_ranges_in_every_accepted_spelling() -> None:
    m = validate_model(model(discount_rate={"low": "6 %", "high": "10%"}))
    assert (m.discount_rate.low, m.discount_rate.likely, m.discount_rate.high) == pytest.approx(
        (0.06, 0.08, 0.1)
    )
    m = validate_model(model(discount_rate=[0.05, 0.06, 0.1]))
    assert m.discount_rate.likely == 0.06
    assert math.isclose(validate_model(model(discount_rate="8,5 %")).discount_rate.likely, 0.085)


def test_numbers_in_quotes_read_the_vietnamese_way_and_absurd_ones_are_refused() -> None:
    m = validate_model(model(transactions={"per_year": "12.000", "growth": "5 %"}))
    assert m.transactions is not None and m.transactions.per_year.likely == 12000
    assert validate_model(model(transactions={"per_year": "1.500,5"})).transactions.per_year.likely == 1500.5  # type: ignore[union-attr]
    for bad in ("inf", "1e309", 10**400, 2e15):
        assert "quá lớn" in problems(model(transactions={"per_year": bad}))["transactions.per_year"] or (
            "không phải là một số" in problems(model(transactions={"per_year": bad}))["transactions.per_year"]
        )


def test_yaml_aliases_are_refused_before_they_expand() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\ntitle: *b\n"
    with pytest.raises(ModelInvalid) as caught:
        parse_model(bomb, "bom.yaml")
    assert caught.value.problems[0].code == "econ_yaml_alias"


def test_owned_capacity_is_bought_for_the_plan_not_for_each_draw() -> None:
    from dxshift.economics.evaluate import evaluate_option
    from dxshift.economics.uncertainty import _picker

    m = validate_model(rent_invest(base=[2, 10, 60]))
    own = m.option("mua")
    low = m.demand.base  # type: ignore[union-attr]
    # Planned peak 20 → two servers; a low draw (peak 4) still pays for both, a high one (120) buys 8.
    assert evaluate_option(m, own, _picker({id(low): 2})).modules == 2
    assert evaluate_option(m, own, _picker({id(low): 60})).modules == 8


def test_a_model_whose_numbers_multiply_past_a_float_is_refused() -> None:
    data = rent_invest(base=1e15, peak_factor=1e15)
    data["options"][0]["capacity"]["module_size"] = 1e-300  # 10^330 servers: more than a float holds
    assert "vượt quá khả năng tính" in problems(data)["(file)"]
