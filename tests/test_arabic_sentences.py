"""rasid.arabic.sentences: splitting rules and the seed article."""

from __future__ import annotations

import pytest

from rasid.arabic import Sentence, split_sentences


def split(text: str) -> list[str]:
    out = split_sentences(text)
    for s in out:
        assert text[s.start : s.end] == s.text
    return [s.text for s in out]


def paragraph(seed_text: str, opening: str) -> str:
    (para,) = [p for p in seed_text.split("\n") if p.startswith(opening)]
    return para


def test_seed_quote_paragraph_is_one_sentence(seed_text: str) -> None:
    para = paragraph(seed_text, "وقال وزير خارجية بيلاروسيا")
    assert split(para) == [para]
    assert para.endswith("كامل”.")


def test_seed_interfax_paragraph_is_two_sentences(seed_text: str) -> None:
    para = paragraph(seed_text, "ونقلت وكالة إنترفاكس")
    got = split(para)
    assert len(got) == 2
    assert got[1] == "في الوقت الذي نفت فيه أوكرانيا ذلك."
    assert got[0].endswith("بشكل طبيعي.")


def test_seed_whole_article(seed_text: str) -> None:
    got = split_sentences(seed_text)
    texts = [s.text for s in got]
    assert texts[0] == "انطلاق محادثات بين روسيا وأوكرانيا بعد بدء الغزو .. ماذا جرى ؟"
    assert "في الوقت الذي نفت فيه أوكرانيا ذلك." in texts
    assert all("\n" not in t for t in texts)
    assert [s.start for s in got] == sorted(s.start for s in got)


def test_doctor_abbreviation_and_decimal() -> None:
    assert split("د. محمد قال إن النمو بلغ 3.5 في المئة. وأضاف") == [
        "د. محمد قال إن النمو بلغ 3.5 في المئة.",
        "وأضاف",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال م. أحمد إن ش.م.م تأسست. ثم انتهى", ["قال م. أحمد إن ش.م.م تأسست.", "ثم انتهى"]),
        ("عيّن أ.د. سامي رئيساً. وأضاف", ["عيّن أ.د. سامي رئيساً.", "وأضاف"]),
        ("وصلت النسبة ٣٫٥ بالمئة. تمام", ["وصلت النسبة ٣٫٥ بالمئة.", "تمام"]),
        ("زار U.S. Army القاعدة. ثم عاد", ["زار U.S. Army القاعدة.", "ثم عاد"]),
        ("ولد عام 2011م. ثم سافر", ["ولد عام 2011م.", "ثم سافر"]),
        ("هل أتيت؟ نعم! حسناً؛ لا", ["هل أتيت؟", "نعم!", "حسناً؛", "لا"]),
        ("Is it? Yes.", ["Is it?", "Yes."]),
        ("ماذا؟!وقال", ["ماذا؟!", "وقال"]),
        ("سطر أول\nسطر ثان\r\nثالث", ["سطر أول", "سطر ثان", "ثالث"]),
        ("انتظر... ثم جاء", ["انتظر...", "ثم جاء"]),
        ("انتظر… ثم جاء", ["انتظر…", "ثم جاء"]),
        ("قال ... إن الأمر انتهى", ["قال ... إن الأمر انتهى"]),
        ("انتظر...ثم جاء", ["انتظر...ثم جاء"]),
        ("انظر www.example.com/a.b. ثم", ["انظر www.example.com/a.b.", "ثم"]),
        ("راسلنا info@site.org. شكراً", ["راسلنا info@site.org.", "شكراً"]),
        ("1. البند الأول\n2. البند الثاني", ["1. البند الأول", "2. البند الثاني"]),
        ("Mr. Smith came. Then left.", ["Mr. Smith came.", "Then left."]),
        ("قالت بي. بي. سي. وأضافت", ["قالت بي. بي. سي.", "وأضافت"]),
        ("شاهدت سي إن إن. ثم", ["شاهدت سي إن إن.", "ثم"]),
        ("  \n\n  ", []),
        ("", []),
    ],
)
def test_rules(text: str, expected: list[str]) -> None:
    assert split(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the closing quote or bracket belongs to the sentence it closes
        ("قال «هذا أمر. وذاك آخر». ثم غادر", ["قال «هذا أمر. وذاك آخر».", "ثم غادر"]),
        ('قال: "نعم." ثم غادر', ['قال: "نعم."', "ثم غادر"]),
        ("قال “انتهى.” ثم غادر", ["قال “انتهى.”", "ثم غادر"]),
        ("(انتهى.) ثم غادر", ["(انتهى.)", "ثم غادر"]),
        # reversed curly quotes still pair
        ("قال ”أولى. ثانية“. ثم", ["قال ”أولى. ثانية“.", "ثم"]),
        # a newline ends a sentence even inside a quote
        ("قال “بداية\nنهاية”.", ["قال “بداية", "نهاية”."]),
        # a quote that never closes does not swallow the line
        ('قال "غير مغلق. ثم جملة.', ['قال "غير مغلق.', "ثم جملة."]),
        # a stray quote does not pair with the next opener
        ('تطرق "القطامي. ثم قال "نعم. لا". ثم', ['تطرق "القطامي.', 'ثم قال "نعم. لا".', "ثم"]),
    ],
)
def test_quotes(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_overlong_quotation_suppresses_nothing() -> None:
    body = "جملة طويلة جداً. " * 120
    text = f"قال “{body}” ثم"
    assert len(split_sentences(text)) > 100


def test_sentence_offsets_are_trimmed() -> None:
    text = "  أولى.   ثانية.\u200f  "
    got = split_sentences(text)
    assert got == [Sentence("أولى.", 2, 7), Sentence("ثانية.", 10, 16)]
