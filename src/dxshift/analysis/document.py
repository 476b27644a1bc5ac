"""The shapes text moves through: a document's blocks, their locations, and sentences."""

from __future__ import annotations

from dataclasses import dataclass, field

from dxshift.i18n import Lang


@dataclass(frozen=True)
class Location:
    """Where a piece of text sits in its file, as a reader would look for it."""

    page: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None
    line: int | None = None

    def describe(self, lang: Lang = "vi") -> str:
        words = {
            "vi": ("trang", "đoạn", "bảng", "hàng", "cột", "dòng"),
            "en": ("page", "paragraph", "table", "row", "column", "line"),
        }[lang]
        values = (self.page, self.paragraph, self.table, self.row, self.column, self.line)
        return ", ".join(f"{w} {v}" for w, v in zip(words, values, strict=True) if v is not None)


@dataclass(frozen=True)
class Block:
    """A run of text with one location: a paragraph, a table cell, a page, a file's lines."""

    text: str
    location: Location


@dataclass(frozen=True)
class Sentence:
    """One sentence, with the block it came from and its span inside that block's text."""

    text: str
    location: Location
    block: int
    start: int
    end: int


@dataclass
class Document:
    """Extracted, normalized text of one file, with notes on what was done to read it."""

    name: str
    kind: str  # txt | md | html | docx | pdf
    blocks: list[Block]
    encoding: str | None = None
    notes: list[str] = field(default_factory=list)
    pages: int | None = None
