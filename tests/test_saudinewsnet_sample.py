"""The reader on real SaudiNewsNet bodies (skipped without ../shared).

The 100 articles in tests/data/saudinewsnet_boilerplate_sample.json were checked by hand
(ids and counts only; the text stays in ../shared). Whatever the cleaner does to them, it
must lose nothing: every character of a body is either kept or listed as removed.
"""

from __future__ import annotations

import html
import json
import re
import zipfile
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

import rasid
from rasid.reader import read_text

from conftest import ROOT, SAUDINEWSNET, need

SAMPLE = ROOT / "tests" / "data" / "saudinewsnet_boilerplate_sample.json"
_INVISIBLE = re.compile(r"[\s\u00a0\u200b-\u200f\u202a-\u202e\ufeff]")


@cache
def _day(path: Path) -> list[dict]:
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read(archive.namelist()[0]))


def record(record_id: str) -> dict:
    name, index = record_id.split("#")
    return _day(need(SAUDINEWSNET) / name)[int(index)]


def chars(text: str) -> Counter[str]:
    return Counter(_INVISIBLE.sub("", text))


def sample() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def test_sample_file_holds_ids_and_counts_only():
    data = sample()
    assert len(data["ids"]) == 100 == len(data["judgments"])
    for judgment in data["judgments"]:
        assert set(judgment) == {
            "id",
            "outlet",
            "removed_ok",
            "removed_wrong",
            "missed",
            "body_sentences_wrongly_removed",
            "author_ok",
        }
    assert sum(j["body_sentences_wrongly_removed"] for j in data["judgments"]) == 0


def test_nothing_is_lost_on_the_checked_sample():
    removed_total = 0
    for record_id in sample()["ids"]:
        item = record(record_id)
        try:
            article = read_text(
                item["content"], title=item["title"] or None, author=item["author"] or None
            )
        except rasid.ReadError:
            continue
        expected = chars(html.unescape(item["content"]))
        got = chars(article.text) + sum((chars(r.text) for r in article.removed), Counter())
        assert got == expected, record_id
        removed_total += len(article.removed)
    # the hand-check found 30 correct removals and none wrong on this sample
    floor = sum(j["removed_ok"] for j in sample()["judgments"])
    assert removed_total >= floor


@pytest.mark.parametrize(
    ("outlet", "reason", "at_least"),
    [
        ("sabq", "byline", 0.9),  # "فلان- سبق- المدينة:" opens nine in ten sabq bodies
        ("alweeam", "source-link", 0.9),  # "رابط الخبر بصحيفة الوئام: …" closes every one
        ("was", "wire-marker", 0.9),  # SPA's "// انتهى //" and time stamps
        ("was", "dateline", 0.85),  # "الرياض 25 شوال …" (continuations have none)
    ],
)
def test_outlet_boilerplate_found(outlet, reason, at_least):
    total = hits = 0
    for day in sorted(need(SAUDINEWSNET).glob("*.zip")):
        if total >= 150:
            break
        for item in _day(day):
            if item["source"] != outlet or len(item["content"].split()) < 20:
                continue
            total += 1
            try:
                article = read_text(
                    item["content"], title=item["title"] or None, author=item["author"] or None
                )
            except rasid.ReadError:  # a station greeting, not an article: no hit
                continue
            hits += any(r.reason == reason for r in article.removed)
    assert total > 20
    assert hits / total >= at_least, (hits, total)
