"""Scores shared by the tests, the gate and the benchmarks."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any


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


def analyse_gold_text(article: Any, components: Sequence[Any]) -> Any:
    """Read and analyse an annotated article as rasid would: the corpus text with its
    title, outlet and date (``article`` is a devset ``GoldArticle``)."""
    from rasid.pipeline import analyze_article
    from rasid.reader import read_text

    read = read_text(
        article.text, published=article.published, source=article.outlet, title=article.title
    )
    return analyze_article(read, components)
