"""The statement stage on the seed article: exactly the twelve statements the issue lists."""

from __future__ import annotations

from functools import cache

import rasid
from rasid.schema import Statement

from conftest import SEED

# (speaker, content start, direct, via, stance) — in the article's order
EXPECTED = [
    ("وكالة إنترفاكس للأنباء", "القوات الروسية سيطرت على مدينتين", False, [], "assert"),
    ("مكتب الرئيس الأوكراني", "المحادثات بدأت بهدف وقف فوري", False, [], "assert"),
    ("فلاديمير ماكي", "أصدقائي الأعزاء", True, ["وزارة الخارجية", "تويتر"], "assert"),
    (
        "متحدثة باسم رجل الأعمال الروسي رومان أبراموفيتش",
        "وافق على طلب من أوكرانيا",
        False,
        [],
        "assert",
    ),
    ("السلطات الأوكرانية", "سُمع دوي انفجارات", False, [], "assert"),
    ("السلطات الأوكرانية", "تم صد محاولات القوات البرية", False, [], "assert"),
    (
        "وزارة الدفاع الروسية",
        "قواتها سيطرت على بلدتي بيرديانسك وإنرهودار",
        False,
        ["وكالة إنترفاكس"],
        "assert",
    ),
    (
        "وزارة الدفاع الروسية",
        "عمليات المحطة استمرت بشكل طبيعي",
        False,
        ["وكالة إنترفاكس"],
        "assert",
    ),
    ("أوكرانيا", "ذلك", False, [], "deny"),
    ("أنطون هيراشينكو", "عشرات الأشخاص قتلوا", False, [], "assert"),
    ("مسؤول دفاعي أميركي كبير", "روسيا أطلقت أكثر من 350 صاروخاً", False, [], "assert"),
    ("مسؤول دفاعي أميركي كبير", "يبدو أنهم يتبعون عقلية الحصار", True, [], "assert"),
]


@cache
def seed() -> tuple[rasid.Article, list[Statement]]:
    analysis = rasid.analyze(SEED, published="2022-02-28")
    return analysis.article, [s for s in analysis.statements if isinstance(s, Statement)]


def test_exactly_the_twelve_statements():
    _, statements = seed()
    got = [
        (s.speaker.text, s.content.text[: len(e[1])], s.direct, [v.text for v in s.via], s.stance)
        for s, e in zip(statements, EXPECTED, strict=False)
    ]
    assert got == EXPECTED
    assert len(statements) == 12


def test_offsets_point_into_the_article_text():
    article, statements = seed()
    for s in statements:
        for span in (s.speaker, s.cue, s.content):
            assert article.text[span.start : span.end] == span.text
        for via in s.via:
            assert article.text[via.start : via.end] == via.text


def test_speakers_are_the_most_specific_mention_with_descriptor():
    _, statements = seed()
    maki = statements[2]
    assert maki.speaker.kind == "person"
    assert maki.speaker.descriptor == "وزير خارجية بيلاروسيا"
    assert maki.speaker.entity == "فلاديمير ماكي"
    assert statements[0].speaker.kind == "media"
    assert statements[6].speaker.kind == "government"
    assert statements[6].speaker.entity == "وزارة الدفاع (روسيا)"


def test_the_quote_is_whole_without_its_marks():
    _, statements = seed()
    quote = statements[2].content.text
    assert quote.startswith("أصدقائي الأعزاء") and quote.endswith("بأمان كامل")
    assert "يمكنكم أن تشعروا" in quote  # both sentences
    assert statements[11].content.text.endswith("وقوع خسائر")


def test_the_denial_refers_to_the_ministry_claim():
    _, statements = seed()
    denial = statements[8]
    assert denial.stance == "deny"
    assert denial.refers_to == 6
    assert "بيرديانسك" in statements[denial.refers_to].content.text
    assert all(s.refers_to is None for s in statements if s.stance == "assert")


def test_anonymous_sources_and_back_reference():
    _, statements = seed()
    official, quote = statements[10], statements[11]
    assert official.speaker.anonymous and quote.speaker.anonymous
    assert official.speaker.kind == "anonymous"
    assert quote.speaker.start == official.speaker.start  # resolved from المسؤول الذي …
    assert not any(s.speaker.anonymous for s in statements[:10])


def test_participles_continue_their_speaker_and_channel():
    _, statements = seed()
    assert statements[5].cue.text == "مضيفة"
    assert statements[7].cue.text == "مشيرة"
    assert statements[7].via == statements[6].via


def test_nothing_from_removed_boilerplate():
    article, statements = seed()
    removed = " ".join(r.text for r in article.removed)
    assert "لونا الشبل" in removed
    for s in statements:
        assert s.content.text not in removed
        assert "لونا الشبل" not in s.speaker.text
