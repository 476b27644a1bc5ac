"""The value form: Vietnamese numbers, ranges, blank rows, and a lossless round trip."""

from __future__ import annotations

import pytest

import dxshift.labels  # noqa: F401  (registers the form's words)
from dxshift.economics import load_model, validate_model
from dxshift.economics.loader import example_path, plain
from dxshift.economics.numbers import read_number
from dxshift.web import value_form


@pytest.mark.parametrize(
    ("text", "lang", "number"),
    [
        ("450.000.000", "vi", 450_000_000),
        ("0,5", "vi", 0.5),
        ("1.234,5", "vi", 1234.5),
        ("8 %", "vi", 0.08),
        ("-5 %", "vi", -0.05),
        ("0.5", "vi", 0.5),
        ("0.500", "vi", 0.5),
        ("1.500", "vi", 1500),
        ("12,000", "en", 12000),
        ("inf", "vi", None),
        ("nan", "vi", None),
        ("1,200.5", "en", 1200.5),
        ("mười", "vi", None),
    ],
)
def test_numbers_typed_the_vietnamese_way(text: str, lang: str, number: float | None) -> None:
    assert read_number(text, lang) == (pytest.approx(number) if number is not None else None)  # type: ignore[arg-type]


def test_ranges_and_unreadable_text() -> None:
    assert value_form.parse_range("0,3 – 0,8") == [0.3, 0.8]
    assert value_form.parse_range("0,3 - 0,5 - 0,8") == [0.3, 0.5, 0.8]
    assert value_form.parse_range("6 %; 10 %") == [0.06, 0.1]
    assert value_form.parse_range("-5 %") == -0.05
    assert value_form.parse_range("6 – 10 %") == [0.06, 0.1]
    assert value_form.parse_range("khoảng 5") == "khoảng 5"  # left for the core to refuse, beside the field


def fields_of(nodes: list[value_form.Node]) -> list[tuple[str, str]]:
    items: list[tuple[str, str]] = []
    for n in nodes:
        if n.kind == "field":
            if n.widget == "bool":
                items += [(n.name, "0")] + ([(n.name, "1")] if n.value else [])
            else:
                items.append((n.name, str(n.value)))
        items += fields_of(n.children)
    return items


def test_the_example_survives_the_form_unchanged() -> None:
    data = plain(load_model(example_path()))
    back = value_form.parse(fields_of(value_form.build(data, {}, "vi")), "vi")
    assert validate_model(back) == load_model(example_path())


def test_blank_rows_and_untouched_sections_are_dropped() -> None:
    data = {
        "title": "Dự án",
        "start_year": 2026,
        "horizon_years": 5,
        "discount_rate": 0.08,
        "options": [{"key": "a", "name": "A"}],
    }
    nodes = value_form.build(data, {}, "vi")
    parsed = value_form.parse(fields_of(nodes), "vi")
    assert validate_model(parsed) == validate_model(data)
    assert "transactions" not in parsed  # the field shows its default "hồ sơ", but nothing was filled in


def test_errors_land_on_their_fields_with_readable_labels() -> None:
    data = plain(load_model(example_path()))
    nodes = value_form.build(data, {"options.0.upfront.1.amount": ["không được âm"]}, "vi")
    labels = value_form.labels_by_path(nodes)
    assert labels["options.0.upfront.1.amount"] == " › ".join(
        [
            "Phương án 1: Tự xây phòng máy chủ tại xã",
            "Đầu tư ban đầu 2: Thiết bị mạng và tường lửa",
            "Số tiền (đồng)",
        ]
    )
    flagged = [n for n in _walk(nodes) if n.errors]
    assert [(n.name, n.errors) for n in flagged] == [("options.0.upfront.1.amount", ["không được âm"])]


def _walk(nodes: list[value_form.Node]) -> list[value_form.Node]:
    out = []
    for n in nodes:
        out.append(n)
        out += _walk(n.children)
    return out


def test_hostile_keys_are_ignored_not_trusted() -> None:
    items = [
        ("title", "Dự án"),
        ("start_year", "2026"),
        ("horizon_years", "5"),
        ("discount_rate", "8 %"),
        ("options.0.key", "a"),
        ("options.0.name", "A"),
        ("options.0.name.x", "1"),
        ("demand.name.y", "2"),
        ("options.².name", "x"),
        ("title.x", "1"),
        ("options.99999999.name", "B"),
        ("options.99999999.key", "b"),
    ]
    data = value_form.parse(items, "vi")
    model = validate_model(data)
    assert [o.key for o in model.options] == ["a", "b"] and model.demand is None


def test_small_and_precise_numbers_survive_the_form() -> None:
    data = plain(load_model(example_path()))
    data["options"][0]["recurring"][0]["amount"] = 0.123456789
    data["transactions"]["growth"] = 1e-7
    back = value_form.parse(fields_of(value_form.build(data, {}, "vi")), "vi")
    assert back["options"][0]["recurring"][0]["amount"] == 0.123456789
    assert back["transactions"]["growth"] == pytest.approx(1e-7)
