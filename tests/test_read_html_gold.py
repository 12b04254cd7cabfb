"""The real Arabic news pages with reference annotations in ../shared (skipped without it).

The scoring helpers live in ``rasid.evaluate`` so the benchmark reports the same numbers.
"""

from __future__ import annotations

import pytest

import rasid
from rasid.evaluate import word_f1

from conftest import HTML_GOLD


def _page(record: dict) -> rasid.Article:
    return rasid.read(HTML_GOLD / "pages" / record["file"], url=record["url"])


def test_full_text_golds_reproduced(html_gold):
    full = [r for r in html_gold if r["gold_type"] == "full_text"]
    assert len(full) == 2
    for record in full:
        article = _page(record)
        assert article.format == "html"
        f1 = word_f1("\n".join(article.body), record["gold"]["body"])
        assert f1 >= 0.95, (record["id"], f1)
        assert article.title == record["gold"]["title"]


def test_assabah_snippets(html_gold):
    (record,) = [r for r in html_gold if r["gold_type"] == "snippets"]
    article = _page(record)
    for snippet in record["gold"]["with_snippets"]:
        assert snippet in article.text, snippet
    for snippet in record["gold"]["without_snippets"]:
        assert snippet not in article.text, snippet
    assert article.author == "آسيا العتروس"  # the "حوار:" byline became the author


def test_published_dates(html_gold):
    dated = [r for r in html_gold if r["gold_type"] == "date_only"]
    assert len(dated) == 8
    right = [r["id"] for r in dated if _page(r).published == r["gold"]["date"]]
    assert len(right) >= 7, right


def test_no_copyright_year_guess(html_gold):
    # CNN's page has no date in its markup, only a copyright line: unknown, not 2013-01-01
    (record,) = [r for r in html_gold if r["id"].startswith("newspaper4k")]
    assert _page(record).published is None


@pytest.mark.parametrize("name", ["comments"])
def test_cnn_comment_policy_removed(html_gold, name):
    (record,) = [r for r in html_gold if r["id"].startswith("newspaper4k")]
    article = _page(record)
    assert any(r.reason == name for r in article.removed)
    assert "ترحب شبكة CNN بالنقاش" not in article.text
