"""The labelled sentences: reading TSV files and the fixed train / held-out split.

The split is decided by a hash of each sentence's text, so it never changes when sentences
are added elsewhere and training can never see a held-out sentence.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from dxshift.analysis.normalize import normalize_text

HELD_OUT_PERCENT = 15
SIDES = {"it", "dx", "none"}


@dataclass(frozen=True)
class Example:
    text: str
    shift: int  # 0 = speaks to no shift
    side: str  # it | dx | none

    @property
    def label(self) -> str:
        return f"{self.shift}:{self.side}"


class CorpusError(ValueError):
    pass


def read_tsv(path: Path | str, text: str | None = None) -> list[Example]:
    """Rows of a `text, shift, side` TSV; every bad row is reported with its line number."""
    content = Path(path).read_text(encoding="utf-8-sig") if text is None else text
    rows = list(csv.reader(content.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows or [c.strip().lower() for c in rows[0][:3]] != ["text", "shift", "side"]:
        raise CorpusError(f"{path}: the first line must be the header 'text<TAB>shift<TAB>side'")
    examples: list[Example] = []
    problems: list[str] = []
    for line_no, row in enumerate(rows[1:], start=2):
        if not row or not "".join(row).strip():
            continue
        if len(row) < 3:
            problems.append(f"{path}:{line_no}: expected 3 columns, found {len(row)}")
            continue
        text_col, shift_col, side_col = row[0].strip(), row[1].strip(), row[2].strip().lower()
        try:
            shift = int(shift_col)
        except ValueError:
            problems.append(f"{path}:{line_no}: shift {shift_col!r} is not a number 0–17")
            continue
        if not 0 <= shift <= 17 or side_col not in SIDES or (shift == 0) != (side_col == "none"):
            problems.append(f"{path}:{line_no}: bad label shift={shift_col} side={side_col}")
            continue
        if text_col:
            examples.append(Example(normalize_text(text_col), shift, side_col))
    if problems:
        raise CorpusError("\n".join(problems))
    return examples


def is_held_out(text: str) -> bool:
    digest = hashlib.sha1(normalize_text(text).encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % 100 < HELD_OUT_PERCENT


def corpus_files() -> list[Path]:
    folder = resources.files("dxshift.analysis") / "corpus"
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".tsv"))


def load_corpus(paths: Iterable[Path] | None = None) -> list[Example]:
    seen: set[str] = set()
    out: list[Example] = []
    for path in paths or corpus_files():
        for ex in read_tsv(path):
            if ex.text not in seen:
                seen.add(ex.text)
                out.append(ex)
    return out


def split(examples: list[Example]) -> tuple[list[Example], list[Example]]:
    """(train, held_out)."""
    train = [e for e in examples if not is_held_out(e.text)]
    held = [e for e in examples if is_held_out(e.text)]
    return train, held
