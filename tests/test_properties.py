"""Property-based: random bytes and random HTML never raise anything but ReadError."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rasid

from test_schema import validate

ARABIC_WORDS = [
    "قال",
    "الرئيس",
    "إن",
    "القوات",
    "سيطرت",
    "على",
    "مدينة",
    "أوكرانيا",
    "واس",
    "-",
    "،",
    ".",
]
TAGS = [
    "p",
    "div",
    "h1",
    "h2",
    "span",
    "article",
    "script",
    "style",
    "nav",
    "footer",
    "ul",
    "li",
    "a",
]

words = st.lists(st.sampled_from(ARABIC_WORDS) | st.text(min_size=1, max_size=8), max_size=30).map(
    " ".join
)


@st.composite
def html_pages(draw):
    parts = []
    for _ in range(draw(st.integers(0, 12))):
        tag = draw(st.sampled_from(TAGS))
        parts.append(
            f"<{tag}>{draw(words)}</{tag}>" if draw(st.booleans()) else f"<{tag}>{draw(words)}"
        )
    head = (
        "<html><head><title>" + draw(words) + "</title></head><body>" if draw(st.booleans()) else ""
    )
    return head + "".join(parts) + draw(st.sampled_from(["", "</body></html>", "<", "<!--", "]]>"]))


def _analyze_or_read_error(data):
    try:
        analysis = rasid.analyze(data)
    except rasid.ReadError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    doc = analysis.to_dict()
    validate(json.loads(json.dumps(doc)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4000))
def test_random_bytes(data):
    _analyze_or_read_error(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_pages())
def test_random_html(page):
    _analyze_or_read_error(page)
    _analyze_or_read_error(page.encode("utf-8"))


@settings(max_examples=100, deadline=None)
@given(st.lists(words, min_size=1, max_size=10).map("\n".join))
def test_random_text_keeps_offsets(text):
    try:
        article = rasid.read(text)
    except rasid.ReadError:
        return
    for p in article.paragraphs:
        assert article.text[p.start : p.end] == p.text
