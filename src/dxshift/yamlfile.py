"""Point at the line of a YAML file where a validation error lies.

Pydantic reports a path of keys (`options → 0 → upfront → 1 → amount`); YAML knows lines. Walking
the composed node tree along that path names the line a person has to fix.
"""

from __future__ import annotations

from collections.abc import Iterable

import yaml


def line_of(node: yaml.Node | None, loc: Iterable[int | str]) -> int | None:
    """1-based line of the deepest YAML node reachable along a Pydantic error location."""
    if node is None:
        return None
    line = node.start_mark.line + 1
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == key), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int):
            child = node.value[key] if key < len(node.value) else None
        else:
            continue  # a tag Pydantic adds (a union member, a validator), not a key in the file
        if child is None:
            break
        node, line = child, child.start_mark.line + 1
    return line


def field_path(loc: Iterable[int | str], skip: frozenset[str] = frozenset()) -> str:
    """`options[0].upfront[1].amount` from a Pydantic location, leaving out tags in `skip`."""
    parts: list[str] = []
    for key in loc:
        if isinstance(key, int):
            parts.append(f"[{key}]")
        elif key in skip:
            continue
        else:
            parts.append(("." if parts else "") + key)
    return "".join(parts) or "(file)"
