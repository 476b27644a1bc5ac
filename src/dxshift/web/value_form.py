"""The value model as an HTML form, and back: generated from the schema, so every field is editable.

Field names are dotted paths (`options.0.upfront.1.amount`), the same paths the core's errors
name, so a message lands beside its field. Numbers are typed the Vietnamese way (450.000.000,
0,5, 8 %); a range is two or three numbers joined by a dash (0,3 – 0,8) or semicolons. Lists
get blank rows to add to; rows left blank are dropped.
"""

from __future__ import annotations

import re
import types
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from dxshift.economics.numbers import read_number
from dxshift.economics.schema import RATE_FIELDS, Range, ValueModel
from dxshift.i18n import MESSAGES, Lang, fmt_number, t

LONG_TEXT = {"description", "proxy", "notes"}
BLANK_ROWS = {"benefits": 1, "options": 0, "notes": 0}  # inner lists get two


@dataclass
class Node:
    kind: str  # group | list | field
    name: str  # dotted path
    label: str
    widget: str = "text"  # text | range | int | bool | textarea | lines
    value: Any = ""
    hint: str = ""
    errors: list[str] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)


def _label(owner: type[BaseModel], name: str, lang: Lang) -> str:
    for key in (f"vf_{owner.__name__.lower()}_{name}", f"vf_{name}"):
        if key in MESSAGES:
            return t(key, lang)
    return name


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """(type without None, whether None is allowed)."""
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        return args[0], len(args) < len(get_args(annotation))
    return annotation, False


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel) and tp is not Range


def number_text(value: float, lang: Lang) -> str:
    """Enough decimals that saving the form again never changes a number (0,0000001 stays)."""
    return fmt_number(value, lang, 10)


def _show(value: Any, name: str, lang: Lang) -> str:
    """How a stored value reads in a field: 450.000.000, 8 %, 0,3 – 0,8."""
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    rate = name.rsplit(".", 1)[-1] in RATE_FIELDS
    parts = value if isinstance(value, list) else [value]
    shown = [f"{number_text(float(p) * 100, lang)} %" if rate else number_text(float(p), lang) for p in parts]
    return " – ".join(shown)


def build(data: Mapping[str, Any], errors: Mapping[str, list[str]], lang: Lang) -> list[Node]:
    """The form's tree for `data` (stored model or what was typed), with errors by dotted path."""
    return _fields(ValueModel, data, "", errors, lang)


def _fields(
    model: type[BaseModel], data: Mapping[str, Any], prefix: str, errors: Mapping[str, list[str]], lang: Lang
) -> list[Node]:
    nodes = []
    for fname, info in model.model_fields.items():
        tp, _ = _unwrap(info.annotation)
        if get_origin(tp) is Literal:
            continue
        path = f"{prefix}{fname}"
        label = _label(model, fname, lang)
        value = data.get(fname)
        if _is_model(tp):
            sub = value if isinstance(value, Mapping) else {}
            node = Node("group", path, label, children=_fields(tp, sub, path + ".", errors, lang))
        elif get_origin(tp) is list and _is_model(get_args(tp)[0]):
            item_type = get_args(tp)[0]
            rows = [r for r in value or [] if isinstance(r, Mapping)]
            rows += [{}] * BLANK_ROWS.get(fname, 2 if prefix else 1)
            node = Node("list", path, label)
            for i, row in enumerate(rows):
                named = row.get("name") if isinstance(row.get("name"), str) else ""
                child = Node("group", f"{path}.{i}", f"{label} {i + 1}" + (f": {named}" if named else ""))
                child.children = _fields(item_type, row, f"{path}.{i}.", errors, lang)
                node.children.append(child)
        else:
            widget = _widget(tp, fname)
            shown: Any
            if widget == "bool":
                shown = bool(info.default) if value is None else value in (True, "1", "on", "true")
            elif widget == "lines":
                shown = (
                    value
                    if isinstance(value, str)
                    else ("\n" if fname == "notes" else ", ").join(value or [])
                )
            elif widget == "int":
                shown = "" if value is None else str(value)
            elif value is None and isinstance(info.default, str):
                shown = info.default  # a default the model leaves out of the file, shown to be seen
            else:
                shown = _show(value, path, lang)
            hint_key = f"vf_hint_{'rate' if fname in RATE_FIELDS else widget}"
            hint = t(hint_key, lang) if hint_key in MESSAGES else ""
            node = Node("field", path, label, widget=widget, value=shown, hint=hint)
        node.errors = list(errors.get(path, []))
        nodes.append(node)
    return nodes


def _widget(tp: Any, name: str) -> str:
    if tp is Range:
        return "range"
    if tp is bool:
        return "bool"
    if tp is int:
        return "int"
    if get_origin(tp) is list:
        return "lines"
    return "textarea" if name in LONG_TEXT else "text"


# ---- form → data --------------------------------------------------------------------------------

_SPLIT = re.compile(r"\s*[–—;]\s*|\s+-\s+")


def parse_range(text: str, lang: Lang = "vi") -> Any:
    """A number, a [low, high] or [low, likely, high] list, or the text itself if unreadable."""
    parts = [p for p in _SPLIT.split(text.strip()) if p]
    if any(p.endswith("%") for p in parts):
        parts = [p if p.endswith("%") else p + "%" for p in parts]  # "6 – 10 %" means 6 % to 10 %
    numbers = [read_number(p, lang) for p in parts]
    if not parts or any(n is None for n in numbers) or len(numbers) > 3:
        return text.strip()  # the core says what is wrong with it, beside the field
    return numbers[0] if len(numbers) == 1 else numbers


def _nest(items: Iterable[tuple[str, str]]) -> dict[str, Any]:
    tree: dict[str, Any] = {}
    for key, value in items:
        if key == "csrf_token" or key.startswith("_"):
            continue
        node = tree
        parts = key.split(".")
        for part in parts[:-1]:
            node = node.setdefault(part, {})
            if not isinstance(node, dict):
                break
        else:
            last = parts[-1]
            if last in node and isinstance(node[last], str):
                node[last] = value if value not in ("0", "") else node[last]  # checkbox after its hidden 0
            else:
                node[last] = value
    return tree


def _blank(model: type[BaseModel], raw: Mapping[str, Any]) -> bool:
    """Nothing typed: every field empty, unchecked, or still showing its default text.

    Keys the form never has (`title.x`, `options.0.name.y`) are ignored, not trusted.
    """
    for fname, info in model.model_fields.items():
        value = raw.get(fname)
        tp, _ = _unwrap(info.annotation)
        if isinstance(value, dict):
            listed = get_origin(tp) is list and _is_model(get_args(tp)[0])
            inner = get_args(tp)[0] if listed else tp
            if not _is_model(inner):
                continue
            rows = value.values() if listed else [value]
            if not all(isinstance(r, dict) and _blank(inner, r) for r in rows):
                return False
        elif isinstance(value, str) and value.strip() not in ("", "0", info.default):
            return False
    return True


def _convert(model: type[BaseModel], raw: Mapping[str, Any], lang: Lang) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for fname, info in model.model_fields.items():
        if fname not in raw:
            continue
        tp, _ = _unwrap(info.annotation)
        value = raw[fname]
        if _is_model(tp):
            if isinstance(value, dict) and not _blank(tp, value):
                out[fname] = _convert(tp, value, lang)
        elif get_origin(tp) is list and _is_model(get_args(tp)[0]):
            keys = [k for k in value if k.isdecimal() and k.isascii()] if isinstance(value, dict) else []
            rows = [value[k] for k in sorted(keys, key=int)]
            item = get_args(tp)[0]
            out[fname] = [
                _convert(item, r, lang) for r in rows if isinstance(r, dict) and not _blank(item, r)
            ]
        elif not isinstance(value, str):
            continue
        elif tp is bool:
            out[fname] = value in ("1", "on", "true")
        elif value.strip() == "":
            continue
        elif tp is Range:
            out[fname] = parse_range(value, lang)
        elif tp is int:
            number = read_number(value, lang)
            out[fname] = int(number) if number is not None and number.is_integer() else value.strip()
        elif get_origin(tp) is list:
            sep = "\n" if fname == "notes" else ","
            out[fname] = [p.strip() for p in value.split(sep) if p.strip()]
        else:
            out[fname] = value.strip()
    return out


def parse(items: Iterable[tuple[str, str]], lang: Lang = "vi") -> dict[str, Any]:
    """Form fields (name, value) → the model's plain data, blank rows dropped, numbers read."""
    return _convert(ValueModel, _nest(items), lang)


def labels_by_path(nodes: list[Node], above: tuple[str, ...] = ()) -> dict[str, str]:
    """`options.0.upfront.1.amount` → `Phương án 1: … › Đầu tư ban đầu 2 › Số tiền (đồng)`."""
    out: dict[str, str] = {}
    for n in nodes:
        chain = above if n.kind == "list" else (*above, n.label)
        out[n.name] = " › ".join(chain or (n.label,))
        out.update(labels_by_path(n.children, chain))
    return out


def dotted(field_path: str) -> str:
    return re.sub(r"\[(\d+)\]", r".\1", field_path)


def error_paths(problems: Iterable[Any], lang: Lang) -> dict[str, list[str]]:
    """Core problems keyed by the form's dotted path (`options[0].name` → `options.0.name`)."""
    out: dict[str, list[str]] = {}
    for p in problems:
        out.setdefault(dotted(p.field), []).append(p.describe(lang))
    return out
