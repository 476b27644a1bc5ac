"""Numbers as people type them: 450.000.000, 0,5, 8 %, or in English 1,200.5.

One reader for the YAML file's quoted numbers and for the web form, so both read the same text
the same way. Only finite numbers up to `LIMIT` are accepted: no budget line is larger, and
anything larger is a typing mistake that would overflow later sums.
"""

from __future__ import annotations

import math
import re

LIMIT = 1e15  # a million billion đồng
_GROUPED_VI = re.compile(r"-?[1-9]\d{0,2}(\.\d{3})+")
_GROUPED_EN = re.compile(r"-?[1-9]\d{0,2}(,\d{3})+(\.\d+)?")


def read_number(text: str, lang: str = "vi") -> float | None:
    """The number in `text`, a trailing % dividing by 100; None if it is not one."""
    raw = text.strip().replace("\u00a0", "").replace(" ", "").replace("_", "")
    share = raw.endswith("%")
    raw = raw.removesuffix("%")
    if lang == "vi":
        if "," in raw:
            raw = raw.replace(".", "").replace(",", ".")
        elif _GROUPED_VI.fullmatch(raw):
            raw = raw.replace(".", "")
    elif _GROUPED_EN.fullmatch(raw):
        raw = raw.replace(",", "")
    if not re.fullmatch(r"-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?", raw):
        return None  # also refuses inf, nan and words
    number = float(raw)
    return number / 100 if share else number


def within_limit(number: float) -> bool:
    return math.isfinite(number) and abs(number) <= LIMIT
