"""rasid.arabic.normalize: normalisation for matching and the offset map back."""

from __future__ import annotations

import pytest

from rasid.arabic import (
    normalize,
    normalize_with_map,
    original_span,
    strip_diacritics,
    to_ascii_digits,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("وَأُوكْرانِيا", "واوكرانيا"),
        ("أإآٱا", "ااااا"),
        ("مصطفى", "مصطفي"),
        ("مدرسة", "مدرسه"),
        ("مسؤول", "مسوول"),
        ("رئيس", "رييس"),
        ("بـــيــان", "بيان"),
        ("القرآن", "القران"),
        ("هٰذا", "هذا"),
        ("٣٥٠ و۳۵۰", "350 و350"),
        ("٣٫٥ ١٬٠٠٠", "3.5 1,000"),
        ("قال، لماذا؛ كيف؟", "قال، لماذا؛ كيف؟"),
        ("ﻻ", "لا"),
        ("\u200fنص\u200e", "نص"),
        ("کتاب یوم", "كتاب يوم"),
        ("NATO 2022", "NATO 2022"),
        ("", ""),
    ],
)
def test_normalize_examples(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_decomposed_hamza_matches_precomposed() -> None:
    # alef + combining hamza above normalises like أ
    assert normalize("\u0627\u0654حمد") == normalize("أحمد") == "احمد"


def test_whitespace_is_kept() -> None:
    assert normalize("  قال\n\tإن ") == "  قال\n\tان "


def test_normalize_with_map_plain_text_is_identity() -> None:
    norm, mapping = normalize_with_map("روسيا وأوكرانيا")
    assert norm == "روسيا واوكرانيا"
    assert mapping == list(range(len("روسيا وأوكرانيا")))


def test_normalize_with_map_deletions_and_expansions() -> None:
    text = "كِتَابٌ ﻻ بـيان"
    norm, mapping = normalize_with_map(text)
    assert norm == "كتاب لا بيان"
    assert len(mapping) == len(norm)
    for i, ch in enumerate(norm):
        assert ch in normalize(text[mapping[i]]) or ch == text[mapping[i]]
    # the ligature ﻻ gives two characters that both point at it
    lam = norm.index("لا")
    assert mapping[lam] == mapping[lam + 1] == text.index("ﻻ")


def test_original_span_takes_in_trailing_diacritics() -> None:
    text = "قرأتُ كِتَابٌ جديداً"
    norm, mapping = normalize_with_map(text)
    a = norm.index("كتاب")
    start, end = original_span(text, mapping, a, a + len("كتاب"))
    assert text[start:end] == "كِتَابٌ"
    assert original_span(text, mapping, 3, 3)[0] == original_span(text, mapping, 3, 3)[1]


def test_gazetteer_style_search_maps_back() -> None:
    text = "وصل الرئيسُ إلى كييفَ أمس"
    norm, mapping = normalize_with_map(text)
    a = norm.index(normalize("كييف"))
    start, end = original_span(text, mapping, a, a + 4)
    assert text[start:end] == "كييفَ"


def test_strip_diacritics_keeps_letters_and_tatweel() -> None:
    assert strip_diacritics("مُحَمَّدٌ") == "محمد"
    assert strip_diacritics("أإآة") == "أإآة"
    assert strip_diacritics("بـيان") == "بـيان"


def test_to_ascii_digits() -> None:
    assert to_ascii_digits("٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹") == "0123456789 0123456789"
    assert to_ascii_digits("٣٫٥") == "3٫5"
