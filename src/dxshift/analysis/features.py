"""Sentence → feature names. The same function feeds training and prediction, so they agree.

Features: syllable unigrams and bigrams (``w:``), character 3–5-grams inside syllables
(``c:``, robust to typos and inflected compounds), and phrase-lexicon hits (``lex:7:dx``),
the readable cues a domain expert maintains. Numbers collapse to ``0`` so that "12 máy chủ"
and "3 máy chủ" look alike.
"""

from __future__ import annotations

import re
from itertools import pairwise

from dxshift.analysis.lexicon import Lexicon, default_lexicon
from dxshift.analysis.normalize import fold

_TOKEN = re.compile(r"[^\W_]+")
_DIGITS = re.compile(r"\d+")


def syllables(text: str) -> list[str]:
    """Lower-case, normalized syllables (and numbers as '0') of a text."""
    return [_DIGITS.sub("0", tok) for tok in _TOKEN.findall(fold(text))]


def features(text: str, lexicon: Lexicon | None = None) -> list[str]:
    toks = syllables(text)
    out = [f"w:{t}" for t in toks]
    out += [f"w:{a} {b}" for a, b in pairwise(toks)]
    for tok in toks:
        padded = f"<{tok}>"
        for n in (3, 4, 5):
            out += [f"c:{padded[i : i + n]}" for i in range(len(padded) - n + 1)]
    lex = lexicon if lexicon is not None else default_lexicon()
    out += [f"lex:{hit.shift}:{hit.side}" for hit in lex.match(toks)]
    return out
