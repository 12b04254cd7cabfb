"""The events development set: hand annotations in ``tests/data/events_dev/`` (held out:
``events_test/``), one file per article of the statements set, stored as ids + offsets +
labels (guide in ``tests/data/README.md``); texts are rebuilt from ``../shared``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rasid.errors import EvaluationError
from rasid.statements.devset import REPO, GoldArticle, default_shared, load_article

DEFAULT_GOLD = REPO / "tests" / "data" / "events_dev"
HELD_OUT = REPO / "tests" / "data" / "events_test"  # never used to develop the rules


@dataclass(frozen=True, slots=True)
class GoldEvent:
    type: str
    trigger: str
    trigger_start: int
    actor: str | None
    location: str | None
    date: str | None
    date_from: str | None
    date_to: str | None
    value: float | None
    min: float | None
    max: float | None
    has_quantity: bool
    claimed_by: str | None  # the claiming statement's speaker
    negated: bool


@dataclass(frozen=True, slots=True)
class GoldEventArticle:
    article: GoldArticle
    events: tuple[GoldEvent, ...]


def _text(text: str, span: dict[str, Any] | None) -> str | None:
    return text[span["start"] : span["end"]] if span else None


def load_events(path: Path, shared: Path) -> GoldEventArticle:
    statements_file = (
        path.parent.parent / path.parent.name.replace("events", "statements") / path.name
    )
    if not statements_file.is_file():
        raise EvaluationError(f"{path.name}: no statements file {statements_file}")
    article = load_article(statements_file, shared)
    data = json.loads(path.read_text(encoding="utf-8"))
    if data["sha1"] != json.loads(statements_file.read_text(encoding="utf-8"))["sha1"]:
        raise EvaluationError(f"{path.name}: annotated on another text than its statements")
    text = article.text
    events = []
    for e in data["events"]:
        time = e.get("time") or {}
        quantity = e.get("quantity") or {}
        claim = e.get("claimed_by")
        events.append(
            GoldEvent(
                type=e["type"],
                trigger=_text(text, e["trigger"]) or "",
                trigger_start=e["trigger"]["start"],
                actor=_text(text, e.get("actor")),
                location=_text(text, e.get("location")),
                date=time.get("date"),
                date_from=time.get("start"),
                date_to=time.get("end"),
                value=quantity.get("value"),
                min=quantity.get("min"),
                max=quantity.get("max"),
                has_quantity=bool(quantity),
                claimed_by=article.statements[claim].speaker if claim is not None else None,
                negated=bool(e.get("negated")),
            )
        )
    return GoldEventArticle(article, tuple(events))


def load_devset(gold: Path | None = None, shared: Path | None = None) -> list[GoldEventArticle]:
    """Every annotated article, in file-name order."""
    gold = gold or DEFAULT_GOLD
    shared = shared or default_shared()
    files = sorted(gold.glob("*.json"))
    if not files:
        raise EvaluationError(f"no event annotations in {gold}")
    if not shared.is_dir():
        raise EvaluationError(f"the corpora are not at {shared} (set RASID_SHARED or --shared)")
    return [load_events(f, shared) for f in files]
