"""A linear model over sparse features, with prediction in plain numpy.

Training needs scikit-learn (`dxshift train`); prediction does not, so `classify` starts fast
and the committed model file is just arrays: vocabulary, idf, weights, biases, labels.
"""

from __future__ import annotations

import io
import math
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

from dxshift.analysis.features import features

MODEL_FILE = "model.npz"


@dataclass
class LinearModel:
    labels: list[str]  # "7:dx", "0:none", …
    vocabulary: dict[str, int]
    idf: np.ndarray  # (V,)
    weights: np.ndarray  # (C, V)
    bias: np.ndarray  # (C,)
    meta: dict[str, str]

    def vector(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(feature indices, tf-idf values, L2-normalized) — sublinear tf, like training."""
        counts = Counter(f for f in features(text) if f in self.vocabulary)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        idx = np.fromiter((self.vocabulary[f] for f in counts), dtype=np.int64, count=len(counts))
        tf = np.fromiter((1.0 + math.log(c) for c in counts.values()), dtype=np.float32, count=len(counts))
        values = tf * self.idf[idx]
        norm = float(np.linalg.norm(values))
        return idx, values / norm if norm else values

    def logits(self, text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        idx, values = self.vector(text)
        return self.weights[:, idx] @ values + self.bias, idx, values

    def probabilities(self, text: str) -> np.ndarray:
        z, _, _ = self.logits(text)
        z = z - z.max()
        p = np.exp(z)
        return p / p.sum()

    def save(self, path: Path) -> None:
        names = np.array(sorted(self.vocabulary, key=self.vocabulary.__getitem__))
        buffer = io.BytesIO()
        np.savez_compressed(
            buffer,
            labels=np.array(self.labels),
            vocabulary=np.array("\n".join(names.tolist())),
            idf=self.idf.astype(np.float32),
            weights=self.weights.astype(np.float16),
            bias=self.bias.astype(np.float32),
            meta=np.array([f"{k}={v}" for k, v in sorted(self.meta.items())]),
        )
        path.write_bytes(buffer.getvalue())

    @classmethod
    def load(cls, path: Path) -> LinearModel:
        with np.load(path, allow_pickle=False) as data:
            names = str(data["vocabulary"]).split("\n")
            meta = dict(item.split("=", 1) for item in data["meta"].tolist())
            return cls(
                labels=data["labels"].tolist(),
                vocabulary={name: i for i, name in enumerate(names)},
                idf=data["idf"].astype(np.float32),
                weights=data["weights"].astype(np.float32),
                bias=data["bias"].astype(np.float32),
                meta=meta,
            )


def model_path() -> Path:
    return Path(str(resources.files("dxshift.analysis") / "data" / MODEL_FILE))


@cache
def default_model() -> LinearModel:
    path = model_path()
    if not path.exists():
        raise FileNotFoundError(f"{path}: no trained model; run `dxshift train`")
    return LinearModel.load(path)
