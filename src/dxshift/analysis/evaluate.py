"""Accuracy figures for a labelled set, the ones `dxshift eval` prints.

- shift accuracy: among sentences that speak to a shift, the share whose predicted shift is
  right (a "no shift" prediction counts as wrong);
- side accuracy: among those, the share whose predicted side is right;
- macro-F1 over shifts 1–17 (each shift's F1 from its predicted/true counts, averaged);
- precision and recall of "speaks to no shift";
- the confusion between shifts (true → predicted counts, 0 = none).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True)
class Scores:
    n: int
    n_shift: int
    shift_accuracy: float
    side_accuracy: float
    macro_f1: float
    none_precision: float
    none_recall: float
    confusion: dict[tuple[int, int], int]

    def as_dict(self) -> dict[str, object]:
        return {
            "n": self.n,
            "n_with_shift": self.n_shift,
            "shift_accuracy": round(self.shift_accuracy, 4),
            "side_accuracy": round(self.side_accuracy, 4),
            "macro_f1": round(self.macro_f1, 4),
            "none_precision": round(self.none_precision, 4),
            "none_recall": round(self.none_recall, 4),
            "confusion": [[t, p, c] for (t, p), c in sorted(self.confusion.items())],
        }


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def score(truth: list[tuple[int, str]], predicted: list[tuple[int, str]]) -> Scores:
    """truth/predicted: (shift, side) pairs, shift 0 and side 'none' for no shift."""
    assert len(truth) == len(predicted)
    with_shift = [(t, p) for t, p in zip(truth, predicted, strict=True) if t[0] != 0]
    shift_ok = sum(1 for t, p in with_shift if t[0] == p[0])
    side_ok = sum(1 for t, p in with_shift if t[1] == p[1])
    confusion = Counter((t[0], p[0]) for t, p in zip(truth, predicted, strict=True))
    f1s = []
    for s in range(1, 18):
        tp = confusion[(s, s)]
        fp = sum(c for (t, p), c in confusion.items() if p == s and t != s)
        fn = sum(c for (t, p), c in confusion.items() if t == s and p != s)
        if tp + fp + fn:
            f1s.append(_ratio(2 * tp, 2 * tp + fp + fn))
    none_tp = confusion[(0, 0)]
    none_pred = sum(c for (_, p), c in confusion.items() if p == 0)
    none_true = sum(c for (t, _), c in confusion.items() if t == 0)
    return Scores(
        n=len(truth),
        n_shift=len(with_shift),
        shift_accuracy=_ratio(shift_ok, len(with_shift)),
        side_accuracy=_ratio(side_ok, len(with_shift)),
        macro_f1=sum(f1s) / len(f1s) if f1s else 0.0,
        none_precision=_ratio(none_tp, none_pred),
        none_recall=_ratio(none_tp, none_true),
        confusion=dict(confusion),
    )
