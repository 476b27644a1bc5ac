"""The phrase lexicon: per shift and side, the phrases a domain expert reads as cues.

Kept in data/lexicon.yaml so that experts review it without reading code. Phrases match whole
syllable sequences of folded text (lower case, NFC, new-style tone marks).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from dxshift.analysis.normalize import fold

MAX_PHRASE = 8
_TOKEN = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Hit:
    shift: int
    side: str
    phrase: str


class Lexicon:
    def __init__(self, entries: dict[str, tuple[int, str]]):
        self.entries = entries  # phrase → (shift, side)
        self.longest = max((p.count(" ") + 1 for p in entries), default=0)

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> Lexicon:
        entries: dict[str, tuple[int, str]] = {}
        for shift, sides in (data.get("shifts") or {}).items():
            for side in ("it", "dx"):
                for phrase in (sides or {}).get(side) or []:
                    key = " ".join(_TOKEN.findall(fold(str(phrase))))
                    if key:
                        entries[key] = (int(shift), side)
        return cls(entries)

    def match(self, syllables: list[str]) -> list[Hit]:
        """Lexicon phrases in a syllable sequence, longest match first, left to right.

        Longest-first lets a negated phrase ("không cần trang bị máy chủ", DX side) win over
        the phrase it contains ("trang bị máy chủ", IT side).
        """
        hits: list[Hit] = []
        i, n_tokens = 0, len(syllables)
        while i < n_tokens:
            for n in range(min(self.longest, n_tokens - i), 0, -1):
                phrase = " ".join(syllables[i : i + n])
                found = self.entries.get(phrase)
                if found is not None:
                    hits.append(Hit(found[0], found[1], phrase))
                    i += n
                    break
            else:
                i += 1
        return hits


@cache
def default_lexicon() -> Lexicon:
    path = resources.files("dxshift.analysis") / "data" / "lexicon.yaml"
    if not path.is_file():
        return Lexicon({})
    return Lexicon.from_mapping(yaml.safe_load(path.read_text(encoding="utf-8")) or {})
