"""A document's profile over the shifts: where it leans, how much, and the evidence.

Stance per shift, from the confidence-weighted sentences classified to it:
``dx share = Σ conf(dx) / (Σ conf(dx) + Σ conf(it))``; leans DX when the share is at least
2/3, leans IT when at most 1/3, mixed in between, not addressed when no sentence speaks to it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from dxshift.analysis.classify import Classification, Classifier, default_classifier
from dxshift.analysis.document import Document, Sentence
from dxshift.analysis.split import split_sentences

LEANS = 2 / 3
EVIDENCE_PER_SIDE = 3
STANCES = ("leans_dx", "leans_it", "mixed", "not_addressed")
PROGRESS_EVERY = 200


@dataclass(frozen=True)
class Finding:
    """One sentence with what the classifier said of it."""

    sentence: Sentence
    result: Classification


@dataclass(frozen=True)
class ShiftProfile:
    shift: int
    stance: str  # leans_dx | leans_it | mixed | not_addressed
    it_count: int
    dx_count: int
    dx_share: float | None
    confidence: float  # mean confidence of the sentences behind the stance
    evidence_it: list[Finding]
    evidence_dx: list[Finding]


@dataclass
class DocumentProfile:
    document: Document
    findings: list[Finding]
    shifts: list[ShiftProfile]
    honours: list[int] = field(default_factory=list)
    contradicts: list[int] = field(default_factory=list)
    mixed: list[int] = field(default_factory=list)

    @property
    def sentence_count(self) -> int:
        return len(self.findings)

    @property
    def relevant_count(self) -> int:
        return sum(1 for f in self.findings if f.result.shift is not None)


def stance_of(it_weight: float, dx_weight: float) -> tuple[str, float | None]:
    total = it_weight + dx_weight
    if total == 0:
        return "not_addressed", None
    share = dx_weight / total
    if share >= LEANS:
        return "leans_dx", share
    if share <= 1 - LEANS:
        return "leans_it", share
    return "mixed", share


def build_profile(document: Document, findings: list[Finding], shift_count: int = 17) -> DocumentProfile:
    shifts: list[ShiftProfile] = []
    for number in range(1, shift_count + 1):
        mine = [f for f in findings if f.result.shift == number]
        it = sorted((f for f in mine if f.result.side == "it"), key=lambda f: -f.result.confidence)
        dx = sorted((f for f in mine if f.result.side == "dx"), key=lambda f: -f.result.confidence)
        stance, share = stance_of(sum(f.result.confidence for f in it), sum(f.result.confidence for f in dx))
        mean_conf = sum(f.result.confidence for f in mine) / len(mine) if mine else 0.0
        shifts.append(
            ShiftProfile(
                number,
                stance,
                len(it),
                len(dx),
                share,
                mean_conf,
                it[:EVIDENCE_PER_SIDE],
                dx[:EVIDENCE_PER_SIDE],
            )
        )
    return DocumentProfile(
        document,
        findings,
        shifts,
        honours=[s.shift for s in shifts if s.stance == "leans_dx"],
        contradicts=[s.shift for s in shifts if s.stance == "leans_it"],
        mixed=[s.shift for s in shifts if s.stance == "mixed"],
    )


Progress = Callable[[int, int], None]  # (sentences done, sentences in all)


def classify_sentences(
    sentences: list[Sentence], classifier: Classifier | None = None, progress: Progress | None = None
) -> list[Finding]:
    """Every sentence with its classification, reporting progress every PROGRESS_EVERY sentences."""
    clf = classifier or default_classifier()
    findings: list[Finding] = []
    for start in range(0, len(sentences), PROGRESS_EVERY):
        findings += [Finding(s, clf.classify(s.text)) for s in sentences[start : start + PROGRESS_EVERY]]
        if progress is not None:
            progress(len(findings), len(sentences))
    return findings


def profile_document(
    document: Document, classifier: Classifier | None = None, progress: Progress | None = None
) -> DocumentProfile:
    return build_profile(document, classify_sentences(split_sentences(document.blocks), classifier, progress))
