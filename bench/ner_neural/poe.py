"""Product of experts: the CRF's own state scores and transitions plus lambda * log p(nn),
Viterbi-decoded (lambda 0 reproduces the CRF exactly), then the project's consistency.

    python bench/ner_neural/poe.py dev probs_dev_x.pkl [more.pkl ...]
"""

from __future__ import annotations

import os
import pickle
import sys
from collections import defaultdict

import numpy as np
import pycrfsuite
from common import LABEL_ID, LABELS, SCRATCH, load_split, score_tags


def crf_tables(path: str) -> tuple[dict, np.ndarray]:
    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    info = tagger.info()
    state: dict[str, np.ndarray] = defaultdict(lambda: np.zeros(9))
    for (attr, label), wgt in info.state_features.items():
        state[attr][LABEL_ID[label]] = wgt
    trans = np.zeros((9, 9))
    for (a, b), wgt in info.transitions.items():
        trans[LABEL_ID[a], LABEL_ID[b]] = wgt
    return dict(state), trans


def state_scores(state: dict, feats: list[list[str]]) -> np.ndarray:
    zero = np.zeros(9)
    return np.array([sum((state.get(f, zero) for f in fs), zero) for fs in feats])


def viterbi(emit: np.ndarray, trans: np.ndarray) -> list[int]:
    n = len(emit)
    score = emit[0].copy()
    back = np.zeros((n, 9), dtype=np.int64)
    for t in range(1, n):
        cand = score[:, None] + trans
        back[t] = cand.argmax(0)
        score = cand.max(0) + emit[t]
    path = [int(score.argmax())]
    for t in range(n - 1, 0, -1):
        path.append(int(back[t, path[-1]]))
    return path[::-1]


def main() -> None:
    mode, names = sys.argv[1], sys.argv[2:]
    held = load_split("dev" if mode == "dev" else "test")
    state, trans = crf_tables(str(SCRATCH / f"crf_{mode}_full.crfsuite"))
    emits = [state_scores(state, d["feats"]) if d["feats"] else None for d in held]
    runs = [pickle.loads((SCRATCH / n).read_bytes()) for n in names]
    nn_avg = [sum(r[i] for r in runs) / len(runs) for i in range(len(held))]
    lams = os.environ.get("LAMBDAS", "0,0.25,0.5,0.75,1,1.5,2")
    for lam in [float(x) for x in lams.split(",")]:
        tags = []
        for e, p in zip(emits, nn_avg, strict=True):
            if e is None:
                tags.append([])
                continue
            path = viterbi(e + lam * np.log(np.clip(p, 1e-6, None)), trans)
            tags.append([LABELS[i] for i in path])
        rep = score_tags(held, tags)
        m = rep.micro
        per = " ".join(f"{k}:{v.f1:.3f}" for k, v in rep.per_type.items())
        print(
            f"lambda={lam}: P {m.precision:.4f} R {m.recall:.4f} F1 {m.f1:.4f} | {per}", flush=True
        )


if __name__ == "__main__":
    main()
