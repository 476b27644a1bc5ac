"""Sentence splitting tuned for Vietnamese administrative text.

Official documents break lines for meaning: headings, list items (1., a), -, +), clauses ending
in ";". Wrapped lines (PDF text, fixed-width TXT) are joined back. Inside a line, a sentence
ends at . ! ? … followed by a capital, a digit or a quote, but not after an abbreviation
(TP., TS., Q.) or inside a number (1.700; 0,68), which has no space after its dot anyway.
"""

from __future__ import annotations

import re

from dxshift.analysis.document import Block, Sentence

LIST_MARKER = re.compile(
    r"^\s*(?:[-–—+•·*▪►●○]|\(?\d{1,3}(?:\.\d{1,3})*[.)]|\(?[a-zđ][.)]|[IVXLC]{1,6}\.)\s+"
)
END_PUNCT = ".!?…:;"
ABBREVIATIONS = {
    "tp",
    "tx",
    "q",
    "p",
    "tt",
    "ths",
    "ts",
    "pgs",
    "gs",
    "bs",
    "ks",
    "cn",
    "th",
    "ncs",
    "đ/c",
    "mr",
    "ms",
    "dr",
    "v.v",
    "vv",
    "ltd",
    "co",
    "no",
    "st",
    "tr",
    "vd",
    "ví dụ",
    "nxb",
    "sđd",
}
_BOUNDARY = re.compile(r"(?<=[.!?…])([\"”’)\]]*)\s+(?=[\"“‘(\[]?(\w))")
_WORD_BEFORE = re.compile(r"([\w./]+)[.!?…]$")


def _full_width(lines: list[str]) -> int:
    """Length from which a line counts as running to the margin (so it was wrapped, not ended)."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < 3:
        return 10**9
    return int(lengths[int(len(lengths) * 0.8)] * 0.75)


def _logical_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of lines, with wrapped continuation lines joined to the previous one.

    A line continues the previous one when the previous has no closing punctuation and either
    the new line starts in lower case or the previous line ran to the margin (PDF, fixed-width
    text); a list marker always starts a new line.
    """
    raw_lines = text.split("\n")
    full = _full_width(raw_lines)
    spans: list[tuple[int, int]] = []
    pos = 0
    for raw in raw_lines:
        start, end = pos, pos + len(raw)
        pos = end + 1
        stripped = raw.strip()
        if not stripped:
            spans.append((start, start))  # a blank line ends any wrapped paragraph
            continue
        if spans and spans[-1][1] > spans[-1][0]:
            prev_full = text[spans[-1][0] : spans[-1][1]]
            prev = prev_full.rstrip()
            last_line = prev_full.rsplit("\n", 1)[-1].rstrip()
            continues = (
                prev
                and prev[-1] not in END_PUNCT
                and not LIST_MARKER.match(raw)
                and (stripped[0].islower() or len(last_line) >= full)
            )
            if continues:
                spans[-1] = (spans[-1][0], end)
                continue
        spans.append((start, end))
    return [(s, e) for s, e in spans if e > s]


def _is_abbreviation(chunk: str) -> bool:
    match = _WORD_BEFORE.search(chunk)
    if not match:
        return False
    word = match.group(1).lower()
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    line = text[start:end]
    marker = LIST_MARKER.match(line)
    offset = marker.end() if marker else len(line) - len(line.lstrip())
    pieces: list[tuple[int, int]] = []
    cursor = offset
    for boundary in _BOUNDARY.finditer(line, offset):
        starts_sentence = boundary.group(2).isupper() or boundary.group(2).isdigit()
        if not starts_sentence or _is_abbreviation(line[cursor : boundary.start()]):
            continue
        pieces.append((start + cursor, start + boundary.start() + len(boundary.group(1))))
        cursor = boundary.end()
    pieces.append((start + cursor, end))
    return pieces


def split_block(block: Block, index: int = 0) -> list[Sentence]:
    """Sentences of one block; whitespace inside a sentence (wrapped lines) becomes one space."""
    out: list[Sentence] = []
    for line_start, line_end in _logical_lines(block.text):
        for s, e in _split_line(block.text, line_start, line_end):
            raw = block.text[s:e]
            text = " ".join(raw.split())
            if len(text) < 2 or not any(ch.isalnum() for ch in text):
                continue
            lead = len(raw) - len(raw.lstrip())
            out.append(Sentence(text, block.location, index, s + lead, e - (len(raw) - len(raw.rstrip()))))
    return out


def split_sentences(blocks: list[Block]) -> list[Sentence]:
    return [sentence for i, block in enumerate(blocks) for sentence in split_block(block, i)]
