"""Training the sentence model from the labelled corpus (needs scikit-learn).

Reproducible: fixed split, fixed solver, no randomness; `dxshift train` rewrites the committed
model file from the corpus, byte for byte the same model on the same library versions.
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np

from dxshift.analysis.corpus import Example
from dxshift.analysis.features import features
from dxshift.analysis.model import LinearModel

DEFAULT_C = 30.0
MIN_DF = 2


def fit(examples: list[Example], c: float = DEFAULT_C, min_df: int = MIN_DF) -> LinearModel:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = TfidfVectorizer(analyzer=features, sublinear_tf=True, min_df=min_df, dtype=np.float32)
    x = vectorizer.fit_transform([e.text for e in examples])
    y = [e.label for e in examples]
    clf = LogisticRegression(C=c, max_iter=3000, solver="lbfgs")
    clf.fit(x, y)
    vocabulary = {str(k): int(v) for k, v in vectorizer.vocabulary_.items()}
    weights = clf.coef_.astype(np.float32)
    bias = clf.intercept_.astype(np.float32)
    assert not any(math.isnan(v) for v in bias)
    return LinearModel(
        labels=[str(label) for label in clf.classes_],
        vocabulary=vocabulary,
        idf=vectorizer.idf_.astype(np.float32),
        weights=weights,
        bias=bias,
        meta={
            "trained_on": dt.date.today().isoformat(),
            "examples": str(len(examples)),
            "C": str(c),
            "min_df": str(min_df),
        },
    )
