"""Out-of-fold CRF marginals (5 folds) for the neural model's inputs, plus the marginals
of a CRF trained on the whole training part for the evaluated part.

    python bench/ner_neural/crf_folds.py dev    # folds over the first 90% of train; dev
    python bench/ner_neural/crf_folds.py test   # folds over all of train; test
"""

from __future__ import annotations

import pickle
import sys
import time

import numpy as np
import pycrfsuite
from common import LABELS, SCRATCH, load_split, score_tags

FOLDS = 5
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 300, "feature.possible_transitions": True}


def train_crf(data: list[dict], path: str) -> pycrfsuite.Tagger:
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for d in data:
        if d["feats"]:
            trainer.append(d["feats"], d["tags"])
    trainer.set_params(PARAMS)
    trainer.train(path)
    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    return tagger


def marginals(tagger: pycrfsuite.Tagger, data: list[dict]) -> tuple[list, list]:
    probs, tags = [], []
    for d in data:
        n = len(d["feats"])
        m = np.zeros((n, len(LABELS)), dtype=np.float32)
        if n:
            tags.append(list(tagger.tag(d["feats"])))
            for j, lab in enumerate(LABELS):
                for t in range(n):
                    m[t, j] = tagger.marginal(lab, t)
        else:
            tags.append([])
        probs.append(m)
    return probs, tags


def main() -> None:
    mode = sys.argv[1]
    train = load_split("dev_train" if mode == "dev" else "train")
    held = load_split("dev" if mode == "dev" else "test")
    oof: list = [None] * len(train)
    t0 = time.perf_counter()
    for k in range(FOLDS):
        lo, hi = k * len(train) // FOLDS, (k + 1) * len(train) // FOLDS
        tagger = train_crf(train[:lo] + train[hi:], str(SCRATCH / f"crf_{mode}_fold{k}.crfsuite"))
        probs, _ = marginals(tagger, train[lo:hi])
        oof[lo:hi] = probs
        print(f"fold {k} done {time.perf_counter() - t0:.0f} s", flush=True)
    tagger = train_crf(train, str(SCRATCH / f"crf_{mode}_full.crfsuite"))
    probs, tags = marginals(tagger, held)
    print(f"full done {time.perf_counter() - t0:.0f} s", flush=True)
    print("CRF alone (viterbi):", score_tags(held, tags).micro)
    out = {"oof": oof, "held": probs, "held_tags": tags}
    (SCRATCH / f"crf_marg_{mode}.pkl").write_bytes(pickle.dumps(out))


if __name__ == "__main__":
    main()
