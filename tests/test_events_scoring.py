"""The event scorer, the events development set and the time-expression evaluation (the
sets themselves need ../shared)."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from rasid.errors import RasidError
from rasid.events.devset import DEFAULT_GOLD, HELD_OUT, GoldEvent, GoldEventArticle, load_devset
from rasid.events.scoring import EventReport, score_article
from rasid.events.timex_eval import HAND_CHECKED, load_hand_checked, load_silver, score
from rasid.schema import Quantity

from conftest import ROOT, SHARED, need


def gold(kind, trigger, location=None, date=None, value=None, claimed_by=None, start=0):
    return GoldEvent(
        kind,
        trigger,
        start,
        None,
        location,
        date,
        None,
        None,
        value,
        None,
        None,
        value is not None,
        claimed_by,
        False,
    )


def pred(kind, trigger, location=None, date=None, value=None, claimed_by=None, position=0.0):
    q = Quantity(str(value), 0, 1, value) if value is not None else None
    return {
        "type": kind,
        "trigger": trigger,
        "position": position,
        "location": location,
        "date": date,
        "date_from": None,
        "date_to": None,
        "quantity": q,
        "claimed_by": claimed_by,
    }


class _Article:
    id = "fixture"
    text = "x" * 100


def test_matching_needs_the_type_and_the_place():
    report = EventReport()
    golds = (
        gold("SEIZE", "سيطرت", "بيرديانسك", date="2022-02-28", claimed_by="وزارة الدفاع"),
        gold("SEIZE", "سيطرت", "إنرهودار"),
        gold("TALKS", "محادثات"),
    )
    preds = [
        pred("SEIZE", "سيطرت", "وبيرديانسك", date="2022-02-27", claimed_by="وزارة الدفاع الروسية"),
        pred("ATTACK", "سيطرت", "إنرهودار"),
        pred("TALKS", "المحادثات"),
    ]
    score_article(GoldEventArticle(_Article(), golds), preds, report)  # type: ignore[arg-type]
    assert (report.matched, report.gold, report.predicted) == (2, 3, 3)
    data = report.to_dict()
    assert data["dates"] == {"accuracy": 0.0, "n": 1}  # one day off is wrong
    assert data["claims"] == {"accuracy": 1.0, "n": 2}
    assert sorted(p.error or "ok" for p in report.pairs) == ["missed", "ok", "ok", "spurious"]


def test_matching_is_one_to_one():
    report = EventReport()
    golds = (gold("ATTACK", "قصف", "غزة"),)
    preds = [pred("ATTACK", "قصف", "غزة"), pred("ATTACK", "غارة", "غزة")]
    score_article(GoldEventArticle(_Article(), golds), preds, report)  # type: ignore[arg-type]
    assert (report.matched, report.precision, report.recall) == (1, 0.5, 1.0)


def test_no_corpus_text_in_the_annotations():
    files = sorted(DEFAULT_GOLD.glob("*.json")) + sorted(HELD_OUT.glob("*.json"))
    files += sorted(HAND_CHECKED.glob("*.json"))
    assert len(files) >= 51 + 20 + 25
    for path in files:
        raw = path.read_text(encoding="utf-8")
        assert not re.search("[\u0600-\u06ff]", raw), path.name  # ids, offsets, labels only
        assert "review 1" in json.loads(raw)["annotator"]


def test_missing_corpora_is_a_clear_error(tmp_path):
    with pytest.raises(RasidError, match="corpora"):
        load_devset(DEFAULT_GOLD, tmp_path / "nowhere")
    with pytest.raises(RasidError, match="no event annotations"):
        load_devset(tmp_path, tmp_path)


def test_the_dev_and_held_out_sets_rebuild():
    need(SHARED / "data" / "news" / "saudinewsnet")
    dev = load_devset(DEFAULT_GOLD, SHARED)
    test = load_devset(HELD_OUT, SHARED)
    assert len(dev) == 51 and sum(len(a.events) for a in dev) >= 100
    assert len(test) == 20 and sum(len(a.events) for a in test) >= 25
    for article in dev + test:
        for e in article.events:
            assert e.trigger and e.trigger in article.article.text
            assert e.location is None or e.location in article.article.text


def test_eval_events_cli_on_the_dev_set():
    need(SHARED / "data" / "news" / "saudinewsnet")
    out = subprocess.run(
        [sys.executable, "-m", "rasid.cli", "eval", "events", "--json", "--shared", str(SHARED)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    scores = json.loads(out.stdout)
    assert scores["gold"] >= 100 and scores["articles"] == 51
    # floors a little under what was measured (docs/benchmarks.md): a regression guard
    assert scores["precision"] >= 0.52 and scores["recall"] >= 0.57


def test_time_expressions_against_both_references():
    need(SHARED / "data" / "news" / "arabic_news_timeml_heideltime")
    need(SHARED / "data" / "news" / "saudinewsnet")
    hand = score(load_hand_checked(shared=SHARED)).to_dict()
    silver = score(load_silver(SHARED)).to_dict()
    assert hand["documents"] == 26 and silver["documents"] == 48  # two duplicates read once
    # floors a little under what was measured (docs/benchmarks.md)
    assert hand["f1"] >= 0.88 and hand["resolution"]["accuracy"] >= 0.88
    assert silver["f1"] >= 0.84 and silver["resolution"]["accuracy"] >= 0.75


def test_eval_dates_cli():
    need(SHARED / "data" / "news" / "arabic_news_timeml_heideltime")
    need(SHARED / "data" / "news" / "saudinewsnet")
    out = subprocess.run(
        [sys.executable, "-m", "rasid.cli", "eval", "dates", "--json", "--shared", str(SHARED)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    assert set(json.loads(out.stdout)) == {"hand_checked", "silver"}
