"""The document analyzer: files → sentences → shifts and sides → a document profile.

Pure: no web, database or CLI imports. The web app and the CLI call these functions.
"""

from __future__ import annotations

from pathlib import Path

from dxshift.analysis.classify import Candidate, Classification, Classifier, classify_text
from dxshift.analysis.document import Block, Document, Location, Sentence
from dxshift.analysis.extract import ExtractError, extract_bytes, extract_file
from dxshift.analysis.profile import DocumentProfile, Finding, ShiftProfile, profile_document
from dxshift.analysis.split import split_sentences


def analyze_file(path: Path, classifier: Classifier | None = None) -> DocumentProfile:
    """Profile one file; raises ExtractError with a message key when it cannot be read."""
    return profile_document(extract_file(path), classifier)


def analyze_bytes(data: bytes, name: str, classifier: Classifier | None = None) -> DocumentProfile:
    return profile_document(extract_bytes(data, name), classifier)


__all__ = [
    "Block",
    "Candidate",
    "Classification",
    "Classifier",
    "Document",
    "DocumentProfile",
    "ExtractError",
    "Finding",
    "Location",
    "Sentence",
    "ShiftProfile",
    "analyze_bytes",
    "analyze_file",
    "classify_text",
    "extract_bytes",
    "extract_file",
    "profile_document",
    "split_sentences",
]
