"""Scoring examples worked out by hand on the tiny framework (tests/data/tiny-framework.yaml)."""

from __future__ import annotations

import pytest

from dxshift.assessment import AnswersInvalid, assess_raw, check_answers
from dxshift.framework import Framework

# gradebook yes → 100; lessons 40 % of an 80 % target → 50; reviews 1 of 2 → 50; dashboards missing
TINY = {"gradebook_online": "có", "lessons_shared": "40%", "data_reviews": 1}


def test_indicator_scores_follow_each_answer_type(tiny: Framework) -> None:
    result = assess_raw(tiny, TINY | {"dashboards": 3})
    assert result.indicator("gradebook_online").score == 100
    assert result.indicator("lessons_shared").score == 50  # 40 / 80 × 100
    assert result.indicator("data_reviews").score == 50  # 1 / 2 × 100
    assert result.indicator("dashboards").score == 75  # (3 − 0) / (4 − 0) × 100


def test_shift_score_is_the_weighted_mean_and_missing_answers_earn_nothing(tiny: Framework) -> None:
    result = assess_raw(tiny, TINY)
    shift1, shift2 = result.shifts
    assert shift1.score == pytest.approx((1 * 100 + 3 * 50) / 4)  # 62.5
    assert shift2.score == pytest.approx((50 + 0) / 2)  # 25: dashboards unanswered
    assert shift2.potential == pytest.approx((50 + 100) / 2)  # 75 if dashboards were perfect
    assert shift2.coverage == pytest.approx(0.5)
    assert (shift2.answered, shift2.total) == (1, 2)


def test_index_weighs_shifts_and_reports_its_range_and_coverage(tiny: Framework) -> None:
    result = assess_raw(tiny, TINY)
    assert result.index == pytest.approx((1 * 62.5 + 2 * 25) / 3)  # 37.5
    assert result.index_potential == pytest.approx((62.5 + 2 * 75) / 3)
    assert result.coverage == pytest.approx((1 * 1 + 2 * 0.5) / 3)
    assert result.missing == ["dashboards"]
    assert result.index_formula == "(1×62.5 + 2×25) / 3 = 37.5"


def test_every_number_traces_back_to_its_answer(tiny: Framework) -> None:
    result = assess_raw(tiny, TINY)
    lessons = result.indicator("lessons_shared")
    assert lessons.value == 40
    assert lessons.formula == "min(40 / 80, 1) × 100 = 50"
    assert result.shifts[0].formula == "(1×100 + 3×50) / 4 = 62.5"
    assert result.indicator("dashboards").formula.startswith("∅")


def test_a_unit_below_the_index_threshold_stays_at_the_start_level(tiny: Framework) -> None:
    result = assess_raw(tiny, TINY)
    assert result.level.id == "start"
    assert [c.kind for c in result.level.missing_for_next] == ["index"]


def test_a_gate_holds_a_unit_back_whatever_its_index(tiny: Framework) -> None:
    answers = {"gradebook_online": "no", "lessons_shared": 80, "data_reviews": 2, "dashboards": 4}
    result = assess_raw(tiny, answers)
    assert result.index == pytest.approx((75 + 2 * 100) / 3)  # 91.7, far above 40
    assert result.level.id == "start"
    (blocking,) = result.level.missing_for_next
    assert (blocking.kind, blocking.ref, blocking.actual) == ("indicator", "gradebook_online", 0)
    assert blocking.why is not None and "giấy" in blocking.why.vi


def test_the_top_level_needs_full_coverage(tiny: Framework) -> None:
    full = {"gradebook_online": True, "lessons_shared": 80, "data_reviews": 2, "dashboards": 4}
    assert assess_raw(tiny, full).level.id == "smart"
    partial = {k: v for k, v in full.items() if k != "dashboards"}
    result = assess_raw(tiny, partial)
    assert result.level.id == "online"
    assert {c.kind for c in result.level.missing_for_next} >= {"coverage"}


def test_roadmap_orders_steps_by_gain_and_gives_small_steps(tiny: Framework) -> None:
    result = assess_raw(tiny, TINY)
    first, second = result.roadmap
    # reviews 1 → 2 lifts shift 2 by 25 points, worth 2/3 of that on the index
    assert (first.indicator, first.target_value, first.index_gain) == (
        "data_reviews",
        2,
        pytest.approx(50 / 3),
    )
    # lessons 50 → 75 points (40 % → 60 %) lifts shift 1 by 18.75, worth 1/3 on the index
    assert (second.indicator, second.target_value) == ("lessons_shared", 60)
    assert second.index_gain == pytest.approx(25 * 3 / 4 / 3)
    assert second.recommendation.en == "Share nearly all lessons."


def test_roadmap_puts_steps_that_unlock_the_next_level_first(tiny: Framework) -> None:
    answers = {"gradebook_online": False, "lessons_shared": 20, "data_reviews": 0, "dashboards": 0}
    result = assess_raw(tiny, answers)
    assert result.roadmap[0].indicator == "gradebook_online"
    assert result.roadmap[0].for_next_level
    assert not any(step.for_next_level for step in result.roadmap[1:])


@pytest.mark.parametrize(
    ("answers", "code"),
    [
        ({"data_reviews": 3}, "out_of_range"),
        ({"data_reviews": 1.5}, "wrong_type"),
        ({"lessons_shared": 120}, "out_of_range"),
        ({"lessons_shared": "nhiều"}, "wrong_type"),
        ({"gradebook_online": "maybe"}, "wrong_type"),
        ({"dashboards": 51}, "out_of_range"),
        ({"dashboards": -1}, "out_of_range"),
        ({"dashboards": True}, "wrong_type"),
        ({"no_such_thing": 1}, "unknown_indicator"),
    ],
)
def test_bad_answers_are_refused_with_the_indicator_named(tiny: Framework, answers: dict, code: str) -> None:
    with pytest.raises(AnswersInvalid) as caught:
        check_answers(tiny, answers)
    (problem,) = caught.value.problems
    assert problem.code == code
    assert problem.indicator == next(iter(answers))


def test_every_problem_is_reported_at_once(tiny: Framework) -> None:
    with pytest.raises(AnswersInvalid) as caught:
        check_answers(tiny, {"data_reviews": 9, "lessons_shared": -5, "x": 1})
    assert len(caught.value.problems) == 3


def test_vietnamese_number_formats_and_blank_answers_are_understood(tiny: Framework) -> None:
    answers = check_answers(tiny, {"lessons_shared": "45,5 %", "dashboards": "", "gradebook_online": "Không"})
    assert answers["lessons_shared"].value == 45.5
    assert answers["gradebook_online"].value is False
    assert "dashboards" not in answers  # blank means missing, not zero
