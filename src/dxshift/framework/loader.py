"""Load framework files and say exactly where a broken one is broken.

Pydantic reports a path of keys (`shifts → 3 → name → en`); YAML knows lines. This module
walks the YAML node tree along that path so an error names the file, the line and the field.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import yaml
from pydantic import ValidationError

from dxshift.framework.schema import Framework
from dxshift.i18n import nfc_all
from dxshift.yamlfile import field_path, line_of

DEFAULT_FRAMEWORK_ID = "mic-17-shifts"


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a framework file."""

    field: str
    line: int | None
    message: str


class FrameworkError(Exception):
    """A framework file that cannot be used, with every problem located."""

    def __init__(self, path: str, problems: list[Problem]):
        self.path = path
        self.problems = problems
        super().__init__(self.describe())

    def describe(self) -> str:
        lines = [f"{self.path}: invalid framework"]
        for p in self.problems:
            where = f"line {p.line}" if p.line else "?"
            lines.append(f"  {self.path}:{where}: {p.field}: {p.message}")
        return "\n".join(lines)


_TAGS = frozenset({"scale", "percent", "yesno", "count"})


def parse_framework(text: str, path: str = "<string>") -> Framework:
    """Validate framework YAML text; raise FrameworkError naming file, line and field."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise FrameworkError(path, [Problem("(yaml)", line, str(exc).splitlines()[0])]) from exc
    if not isinstance(data, dict):
        raise FrameworkError(path, [Problem("(file)", 1, "expected a mapping at the top level")])
    try:
        return Framework.model_validate(nfc_all(data))
    except ValidationError as exc:
        problems = [
            Problem(field_path(err["loc"], _TAGS), line_of(node, err["loc"]), err["msg"])
            for err in exc.errors()
        ]
        raise FrameworkError(path, problems) from exc


def load_framework_file(path: Path) -> Framework:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FrameworkError(str(path), [Problem("(file)", None, str(exc))]) from exc
    return parse_framework(text, str(path))


def _bundled() -> dict[str, Path]:
    data = resources.files("dxshift.framework") / "data"
    found: dict[str, Path] = {}
    for entry in data.iterdir():
        if entry.name.endswith(".yaml") and not entry.name.startswith("demo"):
            found[entry.name.removesuffix(".yaml")] = Path(str(entry))
    return found


@cache
def bundled_frameworks() -> tuple[Framework, ...]:
    """Every framework shipped with DXShift, newest version of each id last."""
    return tuple(load_framework_file(p) for _, p in sorted(_bundled().items()))


def load_framework(ref: str | None = None) -> Framework:
    """A framework by bundled id (newest version), by `id@version`, or by file path."""
    ref = ref or DEFAULT_FRAMEWORK_ID
    if ref.endswith((".yaml", ".yml")) or "/" in ref:
        return load_framework_file(Path(ref))
    wanted_id, _, wanted_version = ref.partition("@")
    matches = [
        f
        for f in bundled_frameworks()
        if f.id == wanted_id and (not wanted_version or f.version == wanted_version)
    ]
    if not matches:
        raise FrameworkError(ref, [Problem("id", None, "no bundled framework with this id")])
    return matches[-1]


def demo_answers_path() -> Path:
    return Path(str(resources.files("dxshift.framework") / "data" / "demo-answers.yaml"))
