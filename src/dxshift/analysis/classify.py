"""Which shift a sentence speaks to, on which side, how sure, and why.

The decision: the model gives a probability to each (shift, side) pair and to "no shift".
A sentence speaks to no shift when "no shift" is the most probable label. Otherwise the top
pair wins and the next ones are kept as candidates, since a sentence may touch several shifts.
The explanation lists the lexicon phrases found and the words that pushed hardest toward
the chosen label.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from dxshift.analysis.features import syllables
from dxshift.analysis.lexicon import default_lexicon
from dxshift.analysis.model import LinearModel, default_model

NONE = "0:none"


@dataclass(frozen=True)
class Candidate:
    shift: int
    side: str
    score: float


@dataclass(frozen=True)
class Classification:
    text: str
    shift: int | None
    side: str | None
    confidence: float
    candidates: list[Candidate]
    phrases: list[str] = field(default_factory=list)  # lexicon phrases behind the decision
    cues: list[str] = field(default_factory=list)  # strongest word features for the decision

    def as_contract(self) -> dict[str, object]:
        """The stable JSON shape of `dxshift classify` (used by external evaluation)."""
        return {
            "text": self.text,
            "shift": self.shift,
            "side": self.side,
            "confidence": round(self.confidence, 4),
            "candidates": [
                {"shift": c.shift, "side": c.side, "score": round(c.score, 4)} for c in self.candidates
            ],
        }


class Classifier:
    def __init__(self, model: LinearModel | None = None):
        self.model = model or default_model()
        self.pairs = [(int(s), side) for s, side in (lbl.split(":") for lbl in self.model.labels)]
        self.none_index = self.model.labels.index(NONE)
        self.names = {i: name for name, i in self.model.vocabulary.items()}

    def classify(self, text: str, explain: bool = True) -> Classification:
        logits, idx, values = self.model.logits(text)
        z = logits - logits.max()
        probs = np.exp(z)
        probs /= probs.sum()
        order = [int(i) for i in np.argsort(-probs) if int(i) != self.none_index]
        candidates = [Candidate(self.pairs[i][0], self.pairs[i][1], float(probs[i])) for i in order[:3]]
        best = int(np.argmax(probs))
        if best == self.none_index:
            return Classification(text, None, None, float(probs[best]), candidates)
        shift, side = self.pairs[best]
        phrases: list[str] = []
        cues: list[str] = []
        if explain:
            phrases = [h.phrase for h in default_lexicon().match(syllables(text)) if h.shift == shift]
            cues = self._cues(best, idx, values)
        return Classification(text, shift, side, float(probs[best]), candidates, phrases, cues)

    def _cues(self, label: int, idx: np.ndarray, values: np.ndarray, top: int = 4) -> list[str]:
        """Word features (not character n-grams) that pushed most toward `label`."""
        if not len(idx):
            return []
        push = self.model.weights[label, idx] - self.model.weights[:, idx].mean(axis=0)
        contribution = push * values
        ranked = [int(i) for i in np.argsort(-contribution)]
        out: list[str] = []
        for i in ranked:
            name = self.names[int(idx[i])]
            if contribution[i] <= 0:
                break
            if name.startswith("w:"):
                out.append(name[2:])
            if len(out) >= top:
                break
        return out


_default: Classifier | None = None


def default_classifier() -> Classifier:
    global _default
    if _default is None:
        _default = Classifier()
    return _default


def classify_text(text: str) -> Classification:
    return default_classifier().classify(text)
