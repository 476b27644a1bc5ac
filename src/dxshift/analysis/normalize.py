"""One spelling for every Vietnamese text, so that matching never depends on how it was typed.

Covers: decomposed Unicode (NFC), old- and new-style tone marks (hoà → hòa, thuỷ → thủy,
khoẻ → khỏe), look-alike letters (Icelandic Ð/ð for Đ/đ), invisible characters and odd spaces.
"""

from __future__ import annotations

import re
import unicodedata

_TONED_A = "àáảãạ"
_TONED_E = "èéẻẽẹ"
_TONED_Y = "ỳýỷỹỵ"
_PLAIN = {"a": "àáảãạ", "e": "èéẻẽẹ", "y": "ỳýỷỹỵ"}
_TONE_ON_O = "òóỏõọ"
_TONE_ON_U = "ùúủũụ"


def _pairs() -> dict[str, str]:
    """Old-style → new-style spellings of the open syllables oa, oe and uy."""
    table: dict[str, str] = {}
    for tone in range(5):
        table["o" + _TONED_A[tone]] = _TONE_ON_O[tone] + "a"
        table["o" + _TONED_E[tone]] = _TONE_ON_O[tone] + "e"
        table["u" + _TONED_Y[tone]] = _TONE_ON_U[tone] + "y"
    for old, new in list(table.items()):
        table[old[0].upper() + old[1]] = new[0].upper() + new[1]
        table[old.upper()] = new.upper()
    return table


_OLD_TO_NEW = _pairs()
# The pair must end the syllable (hoàn, toàn keep their mark) and "uy" must not follow q (quý).
_OLD_STYLE = re.compile(
    "(?<![qQ])(" + "|".join(sorted(_OLD_TO_NEW, key=len, reverse=True)) + r")(?![^\W\d_])"
)
_LOOKALIKES = str.maketrans(
    {
        "\u00d0": "Đ",  # Icelandic Eth, often typed for Đ
        "\u00f0": "đ",
        "\u0189": "Đ",  # African D
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u200b": None,  # zero-width space, joiner, non-joiner, BOM, soft hyphen
        "\u200c": None,
        "\u200d": None,
        "\ufeff": None,
        "\u00ad": None,
    }
)


def new_tone_style(text: str) -> str:
    """Move tone marks of open oa/oe/uy syllables to the new (2003 textbook) position."""
    return _OLD_STYLE.sub(lambda m: _OLD_TO_NEW[m.group(1)], text)


def normalize_text(text: str) -> str:
    """NFC, look-alike letters fixed, invisible characters dropped, new-style tone marks."""
    text = unicodedata.normalize("NFC", text).translate(_LOOKALIKES)
    return new_tone_style(text)


def fold(text: str) -> str:
    """Lower-case normalized text: the form lexicon phrases and model features are matched on."""
    return normalize_text(text).lower()
