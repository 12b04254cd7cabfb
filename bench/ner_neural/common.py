"""Shared helpers for the neural NER trial (bench only, not shipped).

Reads ANERcorp (CAMeL split) exactly as rasid.entities.train does: the dev split is the
last 10% of train, sentences are re-tokenised with rasid's tokenizer, scoring maps the
piece tags back to corpus tokens and applies 25-sentence document consistency.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import numpy as np

from rasid.entities.consistency import propagate
from rasid.entities.corpus import read_conll, split_sentence, to_corpus_tags
from rasid.entities.features import sentence_features
from rasid.entities.scoring import evaluate
from rasid.entities.tagger import default_resources
from rasid.entities.train import DEFAULT_DATA, DEV_SHARE, DOCUMENT_SENTENCES, TEST_FILE, TRAIN_FILE

SCRATCH = Path("/tmp/nn")
LABELS = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"]
LABEL_ID = {t: i for i, t in enumerate(LABELS)}


def load_split(name: str) -> list[dict]:
    """name: dev_train | dev | train | test. Cached in /tmp/nn."""
    cache = SCRATCH / f"data_{name}.pkl"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    res = default_resources()
    if name == "test":
        sentences = read_conll(DEFAULT_DATA / TEST_FILE)
    else:
        sentences = read_conll(DEFAULT_DATA / TRAIN_FILE)
        cut = int(len(sentences) * (1 - DEV_SHARE))
        if name == "dev_train":
            sentences = sentences[:cut]
        elif name == "dev":
            sentences = sentences[cut:]
    out = []
    for s in sentences:
        sp = split_sentence(s)
        feats = sentence_features(sp.pieces, res) if sp.pieces else []
        out.append({"sentence": s, "split": sp, "feats": feats, "tags": list(sp.tags)})
    SCRATCH.mkdir(exist_ok=True)
    cache.write_bytes(pickle.dumps(out))
    return out


def constrained_viterbi(logp: np.ndarray) -> list[int]:
    """Best BIO-valid label path under per-token log-scores (n x 9)."""
    n, k = logp.shape
    allowed = np.ones((k, k), dtype=bool)  # prev -> cur
    start_ok = np.ones(k, dtype=bool)
    for j, lab in enumerate(LABELS):
        if lab.startswith("I-"):
            start_ok[j] = False
            for i, prev in enumerate(LABELS):
                allowed[i, j] = prev[2:] == lab[2:]
    trans = np.where(allowed, 0.0, -1e9)
    score = logp[0] + np.where(start_ok, 0.0, -1e9)
    back = np.zeros((n, k), dtype=np.int64)
    for t in range(1, n):
        cand = score[:, None] + trans
        back[t] = cand.argmax(0)
        score = cand.max(0) + logp[t]
    path = [int(score.argmax())]
    for t in range(n - 1, 0, -1):
        path.append(int(back[t, path[-1]]))
    return path[::-1]


def score_tags(data: list[dict], tags: list[list[str]], document: int = DOCUMENT_SENTENCES):
    """Project scoring: consistency over 25-sentence windows, map back, evaluate."""
    pairs = []
    for at in range(0, len(data), document):
        group = data[at : at + document]
        gtags = [list(t) for t in tags[at : at + document]]
        if document:
            gtags = propagate([d["split"].pieces for d in group], gtags)
        for d, pred in zip(group, gtags, strict=True):
            s, sp = d["sentence"], d["split"]
            pairs.append((s.tags, to_corpus_tags(sp, pred, len(s.tokens))))
    return evaluate(pairs)


def decode_probs(data: list[dict], probs: list[np.ndarray], document: int = DOCUMENT_SENTENCES):
    tags = []
    for p in probs:
        if len(p) == 0:
            tags.append([])
            continue
        path = constrained_viterbi(np.log(np.clip(p, 1e-12, None)))
        tags.append([LABELS[i] for i in path])
    return score_tags(data, tags, document), tags
