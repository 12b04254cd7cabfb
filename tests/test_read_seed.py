"""The seed article: every part of the reader must get it right."""

from __future__ import annotations

import pytest

import rasid

from conftest import SEED

TITLE = "انطلاق محادثات بين روسيا وأوكرانيا بعد بدء الغزو .. ماذا جرى ؟"
HEADINGS = ["أوكرانيا تشترط وقف إطلاق النار", "تصعيد أوكراني"]


def check_seed(article: rasid.Article) -> None:
    assert article.title == TITLE
    assert article.author == "رغد الحاج"
    assert article.headings == HEADINGS
    assert len(article.body) == 10
    assert article.body[0].startswith("انطلقت محادثات بين مسؤولين من روسيا وأوكرانيا")
    assert article.body[-1].startswith("وقال المسؤول الذي طلب عدم الكشف عن هويته")
    reasons = {r.reason for r in article.removed}
    texts = {r.text: r.reason for r in article.removed}
    assert texts["مقالات ذات صلة"] == "related"
    assert texts["زر الذهاب إلى الأعلى"] == "site-ui"
    assert any(t.startswith("اقرأ أيضا: لونا الشبل") and r == "read-also" for t, r in texts.items())
    assert any(
        t.startswith("صحفية مهتمة بالشأن السوري") and r == "author-bio" for t, r in texts.items()
    )
    assert reasons <= set(rasid.reader.boilerplate.REASONS)  # type: ignore[attr-defined]
    assert article.author_bio and article.author_bio.startswith("صحفية مهتمة")
    # nothing of the boilerplate is left in the text
    for removed in article.removed:
        assert removed.text not in article.text
    # headings sit where they were: the first after the read-also line
    kinds = [p.kind for p in article.paragraphs]
    assert kinds == ["body"] * 2 + ["heading"] + ["body"] * 3 + ["heading"] + ["body"] * 5


def test_seed_from_path():
    article = rasid.read(SEED)
    check_seed(article)
    assert article.format == "text"
    assert article.encoding == "utf-8"


def test_seed_from_str_path_bytes_and_text(seed_text):
    check_seed(rasid.read(str(SEED)))
    check_seed(rasid.read(seed_text.encode("utf-8")))
    check_seed(rasid.read(seed_text))


@pytest.mark.parametrize(
    ("encoding", "recorded"),
    [
        ("windows-1256", "windows-1256"),
        ("utf-8-sig", "utf-8"),
        ("utf-16", "utf-16"),
        ("utf-16-le", "utf-16"),
        ("utf-16-be", "utf-16"),
    ],
)
def test_seed_in_other_encodings(seed_text, encoding, recorded):
    article = rasid.read(seed_text.encode(encoding))
    check_seed(article)
    assert article.encoding == recorded
    assert article.to_dict()["paragraphs"] == rasid.read(seed_text).to_dict()["paragraphs"]


def test_seed_in_iso_8859_6(seed_text):
    # ISO-8859-6 has no curly quotes; the page would have used straight ones
    text = seed_text.replace("“", '"').replace("”", '"')
    article = rasid.read(text.encode("iso-8859-6"))
    assert article.encoding == "iso-8859-6"
    assert article.title == TITLE
    assert article.headings == HEADINGS
    assert len(article.body) == 10


def test_offsets_point_into_text():
    article = rasid.read(SEED)
    for p in article.paragraphs:
        assert article.text[p.start : p.end] == p.text


def test_published_override_and_validation():
    assert rasid.read(SEED, published="2022-02-28").published == "2022-02-28"
    with pytest.raises(rasid.ReadError):
        rasid.read(SEED, published="28/02/2022")
    with pytest.raises(rasid.ReadError):
        rasid.read(SEED, published="2022-02-30")


def test_analyze_mirrors_read():
    analysis = rasid.analyze(SEED, published="2022-02-28")
    doc = analysis.to_dict()
    assert doc["schema"] == "rasid.analysis/1"
    assert doc["article"]["title"] == TITLE
    assert doc["article"]["published"] == "2022-02-28"
    assert doc["entities"] == [] or isinstance(doc["entities"], list)
    assert isinstance(doc["statements"], list) and isinstance(doc["events"], list)
