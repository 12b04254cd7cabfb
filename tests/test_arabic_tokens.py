"""rasid.arabic.tokens: token kinds, punctuation, numbers and clitic analysis."""

from __future__ import annotations

import time

import pytest

from rasid.arabic import Token, match_keys, normalize, tokenize, words


def texts(s: str) -> list[str]:
    return [t.text for t in tokenize(s)]


def one(word: str) -> Token:
    (tok,) = tokenize(word)
    return tok


def test_punctuation_is_kept_apart() -> None:
    assert texts("كييف).") == ["كييف", ")", "."]
    assert texts("كامل”.") == ["كامل", "”", "."]
    assert texts("«قال» “نعم”") == ["«", "قال", "»", "“", "نعم", "”"]
    assert texts("أولاً، ثانياً؛ لماذا؟") == ["أولاً", "،", "ثانياً", "؛", "لماذا", "؟"]


@pytest.mark.parametrize(
    "number", ["3.5", "350", "٣٥٠", "1,000", "١٬٠٠٠", "٣٫٥", "۳۵۰", "4،000", "1,234.5"]
)
def test_numbers_are_one_token(number: str) -> None:
    tok = one(number)
    assert tok.kind == "number"
    assert tok.text == number


def test_number_then_sentence_period() -> None:
    assert [(t.text, t.kind) for t in tokenize("عام 2020.")] == [
        ("عام", "word"),
        ("2020", "number"),
        (".", "punct"),
    ]


def test_arabic_comma_joins_only_a_thousands_group() -> None:
    assert texts("2014،2015 و1،5") == ["2014", "،", "2015", "و", "1", "،", "5"]


def test_kinds() -> None:
    got = {
        t.text: t.kind for t in tokenize("قال U.S. و COVID-19 و Привет 50% $ https://x.org/a ...")
    }
    assert got["قال"] == "word"
    assert got["U.S."] == "latin"
    assert got["COVID-19"] == "latin"
    assert got["Привет"] == "foreign"
    assert got["50"] == "number"
    assert got["%"] == "punct"
    assert got["$"] == "symbol"
    assert got["https://x.org/a"] == "url"
    assert got["..."] == "punct"


def test_diacritics_and_tatweel_stay_in_the_word() -> None:
    assert texts("وَأُوكْرانِيا بـيـان") == ["وَأُوكْرانِيا", "بـيـان"]


def test_format_characters_separate_tokens() -> None:
    assert texts("روسيا\u200fأوكرانيا") == ["روسيا", "أوكرانيا"]


@pytest.mark.parametrize(
    ("word", "prefix", "stem", "definite"),
    [
        ("وأوكرانيا", "و", "أوكرانيا", False),
        ("للأنباء", "لل", "أنباء", True),
        ("بالقوات", "بال", "قوات", True),
        ("القوات", "ال", "قوات", True),
        ("والمنطقة", "وال", "منطقة", True),
        ("وبالتالي", "وبال", "تالي", True),
        ("فالقوات", "فال", "قوات", True),
        ("ولروسيا", "ول", "روسيا", False),
        ("بروسيا", "ب", "روسيا", False),
        ("وبوتين", "و", "بوتين", False),
        ("وكانت", "و", "كانت", False),
        ("ووفقاً", "و", "وفقاً", False),
        ("للجنة", "ل", "لجنة", False),
        ("لليبيا", "ل", "ليبيا", False),
        ("الإثنين", "ال", "إثنين", True),
        ("باعتباره", "ب", "اعتباره", False),
        ("باسم", "ب", "اسم", False),
        ("لاستقرار", "ل", "استقرار", False),
        ("وَأوكرانيا", "وَ", "أوكرانيا", False),
    ],
)
def test_clitics_are_split(word: str, prefix: str, stem: str, definite: bool) -> None:
    tok = one(word)
    assert (tok.prefix, tok.stem, tok.definite) == (prefix, stem, definite)
    assert tok.text[tok.stem_start - tok.start : tok.stem_end - tok.start] == tok.stem


@pytest.mark.parametrize(
    "word",
    [
        "وزير",
        "وزارة",
        "وزراء",
        "وكالة",
        "وكالات",
        "ولاية",
        "وقف",
        "وفد",
        "وصل",
        "وجه",
        "وقوع",
        "واشنطن",
        "واجهت",
        "وافق",
        "بيان",
        "بلد",
        "بلدتي",
        "بيلاروسيا",
        "لجنة",
        "ليبيا",
        "لبنان",
        "لكنها",
        "كييف",
        "كل",
        "كان",
        "كبير",
        "فرنسا",
        "فريق",
        "فلسطين",
        "فيها",
        "الذي",
        "التي",
        "سيطرت",
        "سنة",
        "في",
        "من",
        "ولد",
        "باقي",
        "بارز",
        "لاحقا",
        "لاعب",
        "بعدما",
        "وجبات",
        "وفاته",
    ],
)
def test_native_words_are_not_split(word: str) -> None:
    tok = one(word)
    assert tok.prefix == ""
    assert tok.stem == word
    assert not tok.definite


def test_match_keys() -> None:
    assert match_keys(one("وأوكرانيا")) == ("واوكرانيا", "اوكرانيا")
    assert match_keys(one("للأنباء")) == ("للانباء", "الانباء", "انباء")
    assert match_keys(one("وبالقوات")) == ("وبالقوات", "بالقوات", "القوات", "قوات")
    assert one("وزير").match_keys() == ("وزير",)
    assert match_keys(one("U.S.")) == ("U.S.",)


@pytest.mark.parametrize(
    ("word", "entry"),
    [
        ("وأوكرانيا", "أوكرانيا"),
        ("للأنباء", "أنباء"),
        ("للأنباء", "الأنباء"),
        ("بالقوات", "القوات"),
        ("بالقوات", "قوات"),
        ("وَبِروسيا", "روسيا"),
        ("وكييف", "كييف"),
        ("لليبيا", "ليبيا"),
        ("للجنة", "اللجنة"),
        ("بالجزائر", "الجزائر"),
    ],
)
def test_gazetteer_lookup_through_match_keys(word: str, entry: str) -> None:
    assert normalize(entry) in one(word).match_keys()


def test_match_keys_of_seed_words(seed_text: str) -> None:
    keys = {k for t in words(seed_text) for k in t.match_keys()}
    for name in ["أوكرانيا", "روسيا", "بيلاروسيا", "كييف", "خاركيف", "بوتين", "زيلينسكي"]:
        assert normalize(name) in keys


def test_words_returns_only_arabic_words() -> None:
    assert [t.text for t in words("قال 350 (نعم) U.S.")] == ["قال", "نعم"]


def test_tokenize_seed_offsets(seed_text: str) -> None:
    toks = tokenize(seed_text)
    assert len(toks) > 300
    for t in toks:
        assert seed_text[t.start : t.end] == t.text
        assert t.start <= t.stem_start <= t.stem_end == t.end


def test_tokenize_speed(seed_text: str) -> None:
    text = seed_text * 20
    best = min(_timed(text) for _ in range(3))
    rate = len(tokenize(text)) / best
    assert rate > 20_000, f"{rate:.0f} tokens/s"


def _timed(text: str) -> float:
    t0 = time.perf_counter()
    tokenize(text)
    return time.perf_counter() - t0


def test_tokenize_a_slice_keeps_offsets_into_the_whole_text():
    text = "عنوان\n\nوقال الوزير «نعم» اليوم"
    start = text.index("وقال")
    part = tokenize(text, start, len(text) - len(" اليوم"))
    assert [t.text for t in part] == ["وقال", "الوزير", "«", "نعم", "»"]
    assert all(text[t.start : t.end] == t.text for t in part)
    assert [t.text for t in tokenize(text[start:])][:5] == [t.text for t in part]
