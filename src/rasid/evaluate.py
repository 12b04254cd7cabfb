"""Scores shared by the tests, the gate and the benchmarks."""

from __future__ import annotations

from collections import Counter


def word_f1(predicted: str, gold: str) -> float:
    """Bag-of-words F1 between two texts after whitespace normalisation."""
    pred, ref = Counter(predicted.split()), Counter(gold.split())
    if not pred or not ref:
        return float(pred == ref)
    overlap = sum((pred & ref).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(pred.values()), overlap / sum(ref.values())
    return 2 * precision * recall / (precision + recall)
