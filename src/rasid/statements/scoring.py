"""Scoring predicted statements against the hand-annotated development set.

A predicted statement matches a gold one when the speaker mentions overlap (normalised,
clitic-stripped stems; one contains the other) and the content token F1 is at least 0.5.
Pairs are matched one-to-one, best content F1 first. On matched pairs the accuracy of
``via`` (same chain: each link's mention contains or is contained in the gold one),
``stance``, ``direct`` and ``anonymous`` is reported.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rasid.arabic import search_term, tokenize
from rasid.schema import Statement
from rasid.statements.devset import GoldArticle, GoldStatement

CONTENT_F1 = 0.5


def stems(text: str) -> list[str]:
    """Normalised stems of the words and numbers of ``text`` (clitics and article off)."""
    return [t for t in map(search_term, tokenize(text)) if t]


def token_f1(predicted: str, gold: str) -> float:
    p, g = Counter(stems(predicted)), Counter(stems(gold))
    overlap = sum((p & g).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(p.values()), overlap / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def same_mention(a: str, b: str) -> bool:
    x, y = " ".join(stems(a)), " ".join(stems(b))
    return bool(x and y) and (x in y or y in x)


def _same_via(predicted: Sequence[str], gold: Sequence[str]) -> bool:
    return len(predicted) == len(gold) and all(
        same_mention(p, g) for p, g in zip(predicted, gold, strict=True)
    )


@dataclass(slots=True)
class Pair:
    article: str
    gold: GoldStatement | None
    predicted: Statement | None
    content_f1: float = 0.0
    speaker_ok: bool = False

    @property
    def error(self) -> str | None:
        """``missed`` (a gold statement no prediction matches) or ``spurious``, with
        ``(wrong speaker)`` when the content was found under another speaker and
        ``(duplicate)`` for a second prediction of an already matched statement."""
        if self.gold is not None and self.predicted is not None:
            return None
        kind = "missed" if self.predicted is None else "spurious"
        if self.content_f1 < CONTENT_F1:
            return kind
        return kind + (" (duplicate)" if self.speaker_ok else " (wrong speaker)")

    def to_dict(self) -> dict[str, Any]:
        if self.gold is not None and self.predicted is None:
            speaker, content = self.gold.speaker, self.gold.content
        elif self.predicted is not None:
            speaker, content = self.predicted.speaker.text, self.predicted.content.text
        else:  # pragma: no cover - a pair always holds one side
            speaker = content = ""
        return {
            "error": self.error,
            "article": self.article,
            "speaker": speaker,
            "content": content,
        }


@dataclass(slots=True)
class Report:
    matched: int = 0
    predicted: int = 0
    gold: int = 0
    articles: int = 0
    via_ok: int = 0
    stance_ok: int = 0
    direct_ok: int = 0
    anonymous_ok: int = 0
    pairs: list[Pair] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def _accuracy(self, n: int) -> float:
        return round(n / self.matched, 4) if self.matched else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "matched": self.matched,
            "predicted": self.predicted,
            "gold": self.gold,
            "articles": self.articles,
            "on_matched": {
                "via": self._accuracy(self.via_ok),
                "stance": self._accuracy(self.stance_ok),
                "direct": self._accuracy(self.direct_ok),
                "anonymous": self._accuracy(self.anonymous_ok),
            },
            "errors": dict(sorted(self.errors.items())),
        }


def score_article(article: GoldArticle, predicted: Sequence[Statement], report: Report) -> None:
    gold = article.statements
    candidates: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if not same_mention(p.speaker.text, g.speaker):
                continue
            f1 = token_f1(p.content.text, g.content)
            if f1 >= CONTENT_F1:
                candidates.append((f1, gi, pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[Pair] = []
    for f1, gi, pi in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        g, p = gold[gi], predicted[pi]
        pairs.append(Pair(article.id, g, p, f1, True))
        report.matched += 1
        report.via_ok += _same_via([v.text for v in p.via], [v.text for v in g.via])
        report.stance_ok += p.stance == g.stance
        report.direct_ok += p.direct == g.direct
        report.anonymous_ok += p.speaker.anonymous == g.anonymous
    for gi, g in enumerate(gold):
        if gi not in used_g:
            best = max((token_f1(p.content.text, g.content) for p in predicted), default=0.0)
            pair = Pair(article.id, g, None, best)
            report.errors[pair.error or ""] += 1
            pairs.append(pair)
    for pi, p in enumerate(predicted):
        if pi not in used_p:
            scored = [(token_f1(p.content.text, g.content), g) for g in gold]
            best = max((f for f, _ in scored), default=0.0)
            duplicate = any(
                f >= CONTENT_F1 and same_mention(p.speaker.text, g.speaker) for f, g in scored
            )
            pair = Pair(article.id, None, p, best, duplicate)
            report.errors[pair.error or ""] += 1
            pairs.append(pair)
    report.gold += len(gold)
    report.predicted += len(predicted)
    report.articles += 1
    report.pairs.extend(pairs)


def score(items: Iterable[tuple[GoldArticle, Sequence[Statement]]]) -> Report:
    report = Report()
    for article, predicted in items:
        score_article(article, predicted, report)
    return report


def evaluate(articles: Sequence[GoldArticle]) -> Report:
    """Read and analyse every dev-set article as rasid would (the corpus text with its
    title, outlet and date), then score the statements."""
    from rasid.evaluate import analyse_gold_text
    from rasid.pipeline import default_components

    components = default_components()
    items = []
    for article in articles:
        analysis = analyse_gold_text(article, components)
        items.append((article, [s for s in analysis.statements if isinstance(s, Statement)]))
    return score(items)
