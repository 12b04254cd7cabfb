"""Scores for event extraction against the hand-annotated set.

A predicted event matches a gold event of the same type when their places are the same
mention (one contains the other after normalisation) — or, when the gold event has no
place, when the triggers are the same mention. Pairs are made greedily, nearest relative
position first. Reported: precision, recall and F1 of these matches; on matched pairs,
the share of correct dates (where the gold has a day or a range: the same day, or the
same first and last day), correct counts (where the gold has one: the same value, or the
same bounds), correct claims (the claiming statements' speakers are the same mention,
or both events are in the article's own voice) and correct actors (the same mention, or
neither names one).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rasid.events.devset import GoldEvent, GoldEventArticle
from rasid.schema import Event, Statement
from rasid.statements.scoring import same_mention


@dataclass(slots=True)
class EventPair:
    article: str
    gold: GoldEvent | None
    predicted: dict[str, Any] | None

    @property
    def error(self) -> str | None:
        if self.gold is None:
            return "spurious"
        if self.predicted is None:
            return "missed"
        return None

    def to_dict(self) -> dict[str, Any]:
        g, p = self.gold, self.predicted
        return {
            "article": self.article,
            "error": self.error,
            "type": (g.type if g else p["type"]) if (g or p) else None,
            "trigger": g.trigger if g else p["trigger"] if p else None,
            "location": g.location if g else p["location"] if p else None,
        }


@dataclass(slots=True)
class EventReport:
    matched: int = 0
    gold: int = 0
    predicted: int = 0
    dates: Counter = field(default_factory=Counter)
    counts: Counter = field(default_factory=Counter)
    claims: Counter = field(default_factory=Counter)
    actors: Counter = field(default_factory=Counter)
    per_type: dict[str, Counter] = field(default_factory=dict)
    pairs: list[EventPair] = field(default_factory=list)
    articles: int = 0

    @staticmethod
    def _f(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return self._f(self.precision, self.recall)

    @staticmethod
    def _share(c: Counter) -> dict[str, Any]:
        n = c["right"] + c["wrong"]
        return {"accuracy": round(c["right"] / n, 3) if n else None, "n": n}

    def to_dict(self) -> dict[str, Any]:
        per_type = {}
        for kind, c in sorted(self.per_type.items()):
            p = c["matched"] / c["predicted"] if c["predicted"] else 0.0
            r = c["matched"] / c["gold"] if c["gold"] else 0.0
            per_type[kind] = {
                "precision": round(p, 3),
                "recall": round(r, 3),
                "f1": round(self._f(p, r), 3),
                "gold": c["gold"],
                "predicted": c["predicted"],
            }
        return {
            "articles": self.articles,
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "dates": self._share(self.dates),
            "counts": self._share(self.counts),
            "claims": self._share(self.claims),
            "actors": self._share(self.actors),
            "per_type": per_type,
        }


def _flat(event: Event, statements: Sequence[Statement], length: int) -> dict[str, Any]:
    claim = event.claimed_by
    return {
        "type": event.type,
        "trigger": event.trigger.text,
        "position": event.trigger.start / max(1, length),
        "location": event.location.text if event.location else None,
        "date": event.time.date if event.time else None,
        "date_from": event.time.start if event.time else None,
        "date_to": event.time.end if event.time else None,
        "quantity": event.quantity,
        "claimed_by": statements[claim].speaker.text if claim is not None else None,
        "actor": event.actor.text if event.actor else None,
    }


def _same(gold: GoldEvent, pred: dict[str, Any]) -> bool:
    if gold.type != pred["type"]:
        return False
    if gold.location is not None:
        return pred["location"] is not None and same_mention(pred["location"], gold.location)
    return same_mention(pred["trigger"], gold.trigger)


def _date_right(gold: GoldEvent, pred: dict[str, Any]) -> bool | None:
    if gold.date is not None:
        return pred["date"] == gold.date
    if gold.date_from is not None or gold.date_to is not None:
        return (pred["date_from"], pred["date_to"]) == (gold.date_from, gold.date_to)
    return None


def _count_right(gold: GoldEvent, pred: dict[str, Any]) -> bool | None:
    if not gold.has_quantity:
        return None
    q = pred["quantity"]
    if q is None:
        return False
    if gold.value is not None:
        return q.value is not None and float(q.value) == float(gold.value)
    return (q.min, q.max) == (gold.min, gold.max)


def score_article(
    gold: GoldEventArticle, predicted: Sequence[dict[str, Any]], report: EventReport
) -> None:
    article = gold.article
    report.articles += 1
    report.gold += len(gold.events)
    report.predicted += len(predicted)
    length = max(1, len(article.text))
    for e in gold.events:
        report.per_type.setdefault(e.type, Counter())["gold"] += 1
    for p in predicted:
        report.per_type.setdefault(p["type"], Counter())["predicted"] += 1
    candidates = sorted(
        (abs(g.trigger_start / length - p["position"]), gi, pi)
        for gi, g in enumerate(gold.events)
        for pi, p in enumerate(predicted)
        if _same(g, p)
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        g, p = gold.events[gi], predicted[pi]
        report.matched += 1
        report.per_type[g.type]["matched"] += 1
        report.pairs.append(EventPair(article.id, g, p))
        for counter, right in (
            (report.dates, _date_right(g, p)),
            (report.counts, _count_right(g, p)),
        ):
            if right is not None:
                counter["right" if right else "wrong"] += 1
        claim_ok = (g.claimed_by is None and p["claimed_by"] is None) or (
            g.claimed_by is not None
            and p["claimed_by"] is not None
            and same_mention(g.claimed_by, p["claimed_by"])
        )
        report.claims["right" if claim_ok else "wrong"] += 1
        actor_ok = (g.actor is None and p.get("actor") is None) or (
            g.actor is not None and p.get("actor") is not None and same_mention(g.actor, p["actor"])
        )
        report.actors["right" if actor_ok else "wrong"] += 1
    report.pairs.extend(
        EventPair(article.id, g, None) for gi, g in enumerate(gold.events) if gi not in used_g
    )
    report.pairs.extend(
        EventPair(article.id, None, p) for pi, p in enumerate(predicted) if pi not in used_p
    )


def score(items: Iterable[tuple[GoldEventArticle, Sequence[dict[str, Any]]]]) -> EventReport:
    report = EventReport()
    for gold, predicted in items:
        score_article(gold, predicted, report)
    return report


def evaluate(articles: Sequence[GoldEventArticle]) -> EventReport:
    """Read and analyse every annotated article as rasid would (the corpus text with its
    title, outlet and date), then score the events."""
    from rasid.evaluate import analyse_gold_text
    from rasid.pipeline import default_components

    components = default_components()
    items = []
    for gold in articles:
        analysis = analyse_gold_text(gold.article, components)
        statements = [s for s in analysis.statements if isinstance(s, Statement)]
        length = len(analysis.article.text)
        events = [_flat(e, statements, length) for e in analysis.events if isinstance(e, Event)]
        items.append((gold, events))
    return score(items)
