"""Entity-level scoring, CoNLL style (exact match of type and span).

Chunks are read the way the CoNLL-2000 ``conlleval`` script reads them: an ``I-X`` that
follows ``O`` or a tag of another type *starts* a chunk (ANERcorp keeps 39 train and 74
test such stray ``I-`` tags from its older IOB1 form); it is never dropped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


def chunks(tags: Sequence[str]) -> set[tuple[str, int, int]]:
    """``{(type, start, end)}`` of a tag sequence, ``end`` exclusive."""
    found: set[tuple[str, int, int]] = set()
    start, kind = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, this = tag.partition("-")
        begins = prefix == "B" or (prefix == "I" and this != kind)
        if kind is not None and (prefix == "O" or begins):
            found.add((kind, start, i))
            start, kind = None, None
        if begins:
            start, kind = i, this
    return found


@dataclass(frozen=True, slots=True)
class Score:
    precision: float
    recall: float
    f1: float
    support: int

    def to_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "support": self.support,
        }


def _score(tp: int, predicted: int, gold: int) -> Score:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return Score(p, r, f, gold)


@dataclass(frozen=True, slots=True)
class Report:
    micro: Score
    per_type: dict[str, Score]
    sentences: int
    tokens: int

    def to_dict(self) -> dict:
        return {
            "micro": self.micro.to_dict(),
            "per_type": {k: v.to_dict() for k, v in sorted(self.per_type.items())},
            "sentences": self.sentences,
            "tokens": self.tokens,
        }


def evaluate(pairs: Iterable[tuple[Sequence[str], Sequence[str]]]) -> Report:
    """Score ``(gold_tags, predicted_tags)`` sentence pairs."""
    tp: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    sentences = tokens = 0
    for gold, predicted in pairs:
        sentences += 1
        tokens += len(gold)
        g, p = chunks(gold), chunks(predicted)
        for kind, *_ in g:
            n_gold[kind] += 1
        for kind, *_ in p:
            n_pred[kind] += 1
        for kind, *_ in g & p:
            tp[kind] += 1
    kinds = sorted(set(n_gold) | set(n_pred))
    per_type = {k: _score(tp[k], n_pred[k], n_gold[k]) for k in kinds}
    micro = _score(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return Report(micro, per_type, sentences, tokens)
