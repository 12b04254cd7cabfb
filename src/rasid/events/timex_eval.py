"""How well ``rasid.arabic.dates`` finds and resolves time expressions.

Two references:

* **hand-checked** — ``tests/data/timex_dev/``: every time expression of 26 dev-set
  articles, resolved by hand against the article's publication date (ids + offsets, texts
  rebuilt from ``../shared``);
* **silver** — ``../shared/data/news/arabic_news_timeml_heideltime``: 50 Arabic news texts
  tagged with TimeML TIMEX3 by a HeidelTime-based tagger (not checked by hand; two files are
  duplicates and are read once). The corpus gives no document date; its relative values
  (``اليوم`` = 2015-12-24, ``أمس`` = 2015-12-23, ``الخميس`` = 2015-12-24) show it was
  tagged with 2015-12-24 as the anchor, so that is ours too.

Detection counts DATE and TIME expressions that name a calendar day, month or year
(durations, recurrences and vague deictics such as ``الآن``, ``مؤخراً`` are not dates):
a gold expression is found when a predicted DATE/TIME overlaps it; a prediction is right
when it overlaps any gold expression. Resolution is scored on found expressions whose gold
value is a day, a month or a year (a range): the predicted day, or first and last day,
must be the same. Vague values (``PRESENT_REF``, ``مؤخراً``) are not scored.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rasid.arabic.dates import TimeExpression, find_times
from rasid.errors import EvaluationError
from rasid.statements.devset import REPO, default_shared, load_article

HAND_CHECKED = REPO / "tests" / "data" / "timex_dev"
SILVER = Path("data/news/arabic_news_timeml_heideltime/Corpus_test")
SILVER_ANCHOR = "2015-12-24"
_TAG = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True, slots=True)
class GoldTime:
    start: int
    end: int
    type: str
    date: str | None
    date_from: str | None
    date_to: str | None


@dataclass(frozen=True, slots=True)
class TimeDoc:
    name: str
    text: str
    anchor: str | None
    gold: tuple[GoldTime, ...]


@dataclass(slots=True)
class TimeReport:
    documents: int = 0
    gold: int = 0
    found: int = 0
    predicted: int = 0
    right_predictions: int = 0
    resolvable: int = 0
    resolved_right: int = 0
    wrong: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        p = self.right_predictions / self.predicted if self.predicted else 0.0
        r = self.found / self.gold if self.gold else 0.0
        return {
            "documents": self.documents,
            "gold": self.gold,
            "predicted": self.predicted,
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "resolution": {
                "accuracy": round(self.resolved_right / self.resolvable, 3)
                if self.resolvable
                else None,
                "n": self.resolvable,
            },
        }


def _range(value: str) -> tuple[str | None, str | None, str | None] | None:
    """A TIMEX3 value as (date, first, last), or None when it is not a calendar value."""
    value = value[:10] if re.match(r"\d{4}-\d\d-\d\dT", value) else value
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return value, None, None
    if m := re.fullmatch(r"(\d{4})-(\d\d)", value):
        y, mo = int(m[1]), int(m[2])
        if not 1 <= mo <= 12:
            return None
        last = calendar.monthrange(y, mo)[1]
        return None, f"{y:04d}-{mo:02d}-01", f"{y:04d}-{mo:02d}-{last:02d}"
    if re.fullmatch(r"\d{4}", value):
        return None, f"{value}-01-01", f"{value}-12-31"
    return None


def load_silver(shared: Path | None = None) -> list[TimeDoc]:
    folder = (shared or default_shared()) / SILVER
    files = sorted(folder.glob("*.tml"), key=lambda p: int(re.sub(r"\D", "", p.stem) or 0))
    if not files:
        raise EvaluationError(f"the TimeML corpus is not at {folder}")
    docs: list[TimeDoc] = []
    seen: set[str] = set()
    for path in files:
        raw = path.read_text(encoding="utf-8-sig")
        digest = hashlib.sha1(raw.encode("utf-8")).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        body = raw[raw.index("<TimeML>") + len("<TimeML>") : raw.rindex("</TimeML>")]
        body = body.lstrip("\ufeff")
        text_parts: list[str] = []
        gold: list[GoldTime] = []
        pos = 0
        length = 0
        for m in _TAG.finditer(body):
            before = body[pos : m.start()]
            text_parts.append(before)
            length += len(before)
            attrs = dict(_ATTR.findall(m.group(1)))
            inner = m.group(2)
            value = _range(attrs.get("value", ""))
            date, first, last = value if value else (None, None, None)
            gold.append(
                GoldTime(length, length + len(inner), attrs.get("type", "DATE"), date, first, last)
            )
            text_parts.append(inner)
            length += len(inner)
            pos = m.end()
        text_parts.append(body[pos:])
        docs.append(TimeDoc(path.name, "".join(text_parts), SILVER_ANCHOR, tuple(gold)))
    return docs


def load_hand_checked(folder: Path | None = None, shared: Path | None = None) -> list[TimeDoc]:
    folder = folder or HAND_CHECKED
    shared = shared or default_shared()
    if not shared.is_dir():
        raise EvaluationError(f"the corpora are not at {shared} (set RASID_SHARED or --shared)")
    statements = REPO / "tests" / "data" / "statements_dev"
    docs: list[TimeDoc] = []
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        article = load_article(statements / path.name, shared)
        gold = tuple(
            GoldTime(
                t["span"]["start"],
                t["span"]["end"],
                t["type"],
                t.get("date"),
                t.get("start"),
                t.get("end"),
            )
            for t in data["timex"]
        )
        docs.append(TimeDoc(path.name, article.text, data.get("published"), gold))
    if not docs:
        raise EvaluationError(f"no time annotations in {folder}")
    return docs


def _overlap(a: TimeExpression, g: GoldTime) -> bool:
    return a.start < g.end and g.start < a.end


def score(docs: Iterable[TimeDoc]) -> TimeReport:
    report = TimeReport()
    for doc in docs:
        report.documents += 1
        predicted = [t for t in find_times(doc.text, doc.anchor) if t.type in ("DATE", "TIME")]
        # vague deictics (الآن، حالياً، مؤخراً) are left out by design: only calendar times
        gold_dates = [
            g
            for g in doc.gold
            if g.type in ("DATE", "TIME") and (g.date is not None or g.date_from is not None)
        ]
        report.predicted += len(predicted)
        report.right_predictions += sum(any(_overlap(p, g) for g in doc.gold) for p in predicted)
        report.gold += len(gold_dates)
        for g in gold_dates:
            match = next((p for p in predicted if _overlap(p, g)), None)
            if match is None:
                continue
            report.found += 1
            if g.date is None and g.date_from is None:
                continue
            report.resolvable += 1
            if (match.date, match.date_from, match.date_to) == (g.date, g.date_from, g.date_to):
                report.resolved_right += 1
            else:
                report.wrong.append(
                    {
                        "document": doc.name,
                        "text": doc.text[g.start : g.end],
                        "gold": [g.date, g.date_from, g.date_to],
                        "predicted": [match.text, match.date, match.date_from, match.date_to],
                    }
                )
    return report


def evaluate(shared: Path | None = None) -> dict[str, TimeReport]:
    """Both references: ``{"hand_checked": …, "silver": …}``."""
    return {
        "hand_checked": score(load_hand_checked(shared=shared)),
        "silver": score(load_silver(shared)),
    }
