"""Read a value model from YAML (a file, an upload, a form's data) and say exactly what is wrong.

A problem keeps a message code and its parameters, so the CLI, the reports and the web form
each say it in the user's language; `field` is the path inside the model (`options[0].upfront[1].amount`)
and `line` the line in the file when there is one.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from dxshift.economics import messages as _messages  # noqa: F401  (registers the words)
from dxshift.economics.schema import ValueModel
from dxshift.i18n import MESSAGES, Lang, fmt_number, nfc_all, t
from dxshift.yamlfile import field_path, line_of


@dataclass(frozen=True)
class Problem:
    field: str
    line: int | None
    code: str
    params: dict[str, Any] = dataclasses.field(default_factory=dict)
    detail: str = ""  # Pydantic's own words, used when no message is catalogued

    def describe(self, lang: Lang = "vi") -> str:
        if self.code in MESSAGES:
            return t(self.code, lang, **self.params)
        return self.detail


class ModelInvalid(Exception):
    """A value model that cannot be used, with every problem located."""

    def __init__(self, source: str, problems: list[Problem]):
        self.source = source
        self.problems = problems
        super().__init__(self.describe())

    def lines(self, lang: Lang = "vi") -> list[str]:
        out = [t("econ_invalid", lang)]
        for p in self.problems:
            where = f"{self.source}:{p.line}" if p.line else self.source
            out.append(f"{where}: {p.field}: {p.describe(lang)}")
        return out

    def describe(self, lang: Lang = "vi") -> str:
        return "\n".join(self.lines(lang))


def _params(err: Any) -> dict[str, Any]:
    ctx = dict(err.get("ctx") or {})
    return {k: fmt_number(v, "vi", 4) if isinstance(v, float) else v for k, v in ctx.items()}


def validate_model(data: Any, source: str = "<data>", node: yaml.Node | None = None) -> ValueModel:
    """A ValueModel from plain data (parsed YAML, JSON, a form); raise ModelInvalid otherwise."""
    if not isinstance(data, dict):
        raise ModelInvalid(source, [Problem("(file)", 1, "econ_top")])
    try:
        model = ValueModel.model_validate(nfc_all(data))
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            problems.append(
                Problem(
                    field_path(loc, frozenset({"function-before", "function-after"})),
                    line_of(node, loc),
                    f"econ_{err['type'].removeprefix('econ_')}",
                    _params(err),
                    err["msg"],
                )
            )
        raise ModelInvalid(source, problems) from exc
    _check_computable(model, source)
    return model


def _check_computable(model: ValueModel, source: str) -> None:
    """Numbers each within bounds can still multiply past what a float holds; say so now."""
    from dxshift.economics.evaluate import evaluate_option

    try:
        results = [evaluate_option(model, o) for o in model.options]  # the point result only: cheap
        finite = all(math.isfinite(r.npv) and math.isfinite(r.total_cost) for r in results)
    except (OverflowError, ValueError, ZeroDivisionError):
        finite = False
    if not finite:
        raise ModelInvalid(source, [Problem("(file)", None, "econ_not_computable")])


def parse_model(text: str, source: str = "<string>") -> ValueModel:
    try:
        if any(isinstance(e, yaml.AliasEvent) for e in yaml.parse(text, Loader=yaml.SafeLoader)):
            # a few bytes of nested aliases expand into gigabytes; a model never needs them
            raise ModelInvalid(source, [Problem("(yaml)", None, "econ_yaml_alias")])
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        detail = str(exc).splitlines()[0]
        raise ModelInvalid(source, [Problem("(yaml)", line, "econ_yaml", {"detail": detail})]) from exc
    return validate_model(data, source, node)


def load_model(path: Path) -> ValueModel:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ModelInvalid(
            str(path), [Problem("(file)", None, "econ_unreadable", {"detail": str(exc)})]
        ) from exc
    return parse_model(text, str(path))


def example_path() -> Path:
    """The documented example: a commune weighing its own server room against the provincial cloud."""
    from importlib import resources

    return Path(str(resources.files("dxshift.economics") / "data" / "xa-may-chu-hay-thue-dam-may.yaml"))


def dump_model(model: ValueModel) -> str:
    """The model as YAML a person can edit again (ranges as [low, likely, high], points as numbers)."""
    return yaml.safe_dump(plain(model), allow_unicode=True, sort_keys=False, width=100)


def plain(model: ValueModel) -> dict[str, Any]:
    """The model as plain data, without defaults, with each range written as the shortest form."""

    def simplify(value: Any) -> Any:
        if isinstance(value, dict):
            if set(value) == {"low", "likely", "high"}:
                lo, li, hi = (value[k] for k in ("low", "likely", "high"))
                nums = [int(v) if float(v).is_integer() else v for v in (lo, li, hi)]
                if lo == hi:
                    return nums[0]
                return [nums[0], nums[2]] if li == (lo + hi) / 2 else nums
            return {k: simplify(v) for k, v in value.items()}
        if isinstance(value, list):
            return [simplify(v) for v in value]
        return value

    result: dict[str, Any] = simplify(model.model_dump(exclude_defaults=True))
    return result
