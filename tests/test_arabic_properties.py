"""Property tests for rasid.arabic: offsets always point into the original text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasid.arabic import (
    find_numbers,
    match_keys,
    normalize,
    normalize_with_map,
    original_span,
    split_sentences,
    tokenize,
)
from rasid.arabic._chars import FORMAT_CHARS

ARABIC_PIECES = list(
    "ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآٱىةؤئ"
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640"
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬،؛؟"
    ".,!?…:;()[]«»“”\"'%/-$ \n\t\u200c\u200f\ufeffﻻﷺ"
) + [
    "وال",
    "بال",
    "لل",
    "و",
    "أكثر من ",
    "عشرات ",
    "ثلاثة ",
    "آلاف",
    " وعشرون",
    "350",
    "3.5",
    "١٬٠٠٠",
    "...",
    "د.",
    "U.S.",
    "http://a.b/c",
    "a@b.co",
    "كييف",
    "وزير",
    "مئة",
    "بين ",
    " و",
]

arabic_text = st.lists(st.sampled_from(ARABIC_PIECES), max_size=40).map("".join)
any_text = st.one_of(
    arabic_text,
    st.text(max_size=60),
    st.lists(st.one_of(st.sampled_from(ARABIC_PIECES), st.characters()), max_size=40).map("".join),
)

SETTINGS = settings(max_examples=250, deadline=None)
SKIPPED = set(FORMAT_CHARS)


def visible(s: str) -> str:
    return "".join(ch for ch in s if not ch.isspace() and ch not in SKIPPED)


@SETTINGS
@given(any_text)
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@SETTINGS
@given(any_text)
def test_normalize_with_map(text: str) -> None:
    norm, mapping = normalize_with_map(text)
    assert norm == normalize(text)
    assert len(mapping) == len(norm)
    assert mapping == sorted(mapping)
    assert all(0 <= i < len(text) for i in mapping)
    # each normalised character comes from the character it points at
    assert "".join(normalize(text[i]) for i in dict.fromkeys(mapping)) == norm
    if norm:
        start, end = original_span(text, mapping, 0, len(norm))
        assert normalize(text[start:end]) == norm


def assert_spans_in_order(text: str, items) -> None:
    """Every item's ``text`` is ``text[start:end]``, and items do not overlap or go back."""
    last = 0
    for item in items:
        assert text[item.start : item.end] == item.text
        assert item.start >= last
        last = item.end


@SETTINGS
@given(any_text)
def test_tokens_point_into_text_and_lose_nothing(text: str) -> None:
    toks = tokenize(text)
    assert_spans_in_order(text, toks)
    for t in toks:
        assert t.text and not any(ch.isspace() for ch in t.text)
        assert t.start <= t.stem_start < t.stem_end == t.end
        assert t.prefix + t.stem == t.text
        assert match_keys(t)[0] == normalize(t.text)
    assert visible("".join(t.text for t in toks)) == visible(text)


@SETTINGS
@given(any_text)
def test_sentences_point_into_text_and_lose_nothing(text: str) -> None:
    sents = split_sentences(text)
    assert_spans_in_order(text, sents)
    for s in sents:
        assert s.text == s.text.strip() and s.text
        assert "\n" not in s.text
    assert visible("".join(s.text for s in sents)) == visible(text)


@SETTINGS
@given(any_text)
def test_numbers_point_into_text(text: str) -> None:
    last = 0
    for m in find_numbers(text):
        assert text[m.start : m.end] == m.text
        assert m.start >= last
        last = m.end
        if m.unit is not None:
            assert m.unit_start is not None and m.unit_end is not None
            assert text[m.unit_start : m.unit_end] == m.unit
            assert m.unit_start >= m.end
            last = m.unit_end
        if m.min is not None and m.max is not None:
            assert m.min <= m.max
        if not m.approx:
            assert m.min is not None and m.max is not None
