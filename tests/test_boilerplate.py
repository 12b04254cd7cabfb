"""The boilerplate cleaner, one family at a time, on short lines written for these tests
(shaped like what the SaudiNewsNet study found; see docs/benchmarks.md)."""

from __future__ import annotations

import pytest

from rasid.reader import read_text
from rasid.reader.blocks import Block
from rasid.reader.boilerplate import REASONS, clean, clean_author

BODY = [
    "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في المدينة بسعة مئتي سرير.",
    "وقال المتحدث باسم الوزارة إن المستشفى سيخدم أكثر من مليون نسمة في المنطقة.",
]


def run(*lines: str, title: str | None = None, author: str | None = None):
    return clean([Block(t) for t in lines], title=title, author=author)


def kept(result) -> list[str]:
    return [b.text for b in result.blocks]


def removed(result) -> list[tuple[str, str]]:
    return [(r.reason, r.text) for r in result.removed]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("اقرأ أيضاً: الوزارة تعلن نتائج القبول", "read-also"),
        ("إقرأ ايضا - افتتاح الطريق الجديد", "read-also"),
        ("مقالات ذات صلة", "related"),
        ("قد يهمك أيضا", "related"),
        ("الوسوم: صحة، مستشفيات", "tags"),
        ("أضف تعليقك", "comments"),
        ("زر الذهاب إلى الأعلى", "site-ui"),
        ("تابعونا على تويتر", "site-ui"),
        ("شارك فيسبوك تويتر واتساب", "share"),
        ("طباعة", "share"),
        ("آخر تحديث: الخميس 12 مارس 2020", "timestamp"),
        ("جميع الحقوق محفوظة لصحيفة المثال 2020", "copyright"),
        ("// انتهى //", "wire-marker"),
        ("17:37 ت م", "wire-marker"),
        ("(تصوير: سالم الأحمد)", "photo-credit"),
        ("writer@example.com", "contact"),
        ("رابط الخبر بصحيفة المثال: افتتاح مستشفى جديد", "source-link"),
    ],
)
def test_whole_lines(line, reason):
    result = run(BODY[0], line, BODY[1])
    assert removed(result) == [(reason, line)]
    assert kept(result) == BODY


def test_related_list_under_header_goes_with_it():
    result = run(*BODY, "مقالات ذات صلة", "الوزارة تفتتح مركزا صحيا", "ارتفاع عدد الأطباء")
    assert kept(result) == BODY
    assert [r for r, _ in removed(result)] == ["related"] * 3


@pytest.mark.parametrize(
    ("first", "dateline", "agency", "author", "rest"),
    [
        ("الرياض - واس", "الرياض", "واس", None, None),
        ("جدة – نايف عبدالله", "جدة", None, "نايف عبدالله", None),
        ("نايف عبدالله – عين اليوم", None, None, "نايف عبدالله", None),
        ("الرياضي ـ جدة", "جدة", None, None, None),
        ("بدر الجبل- سبق- تبوك: " + BODY[0], "تبوك", None, "بدر الجبل", BODY[0]),
        ("سبق- الرياض: " + BODY[0], "الرياض", None, None, BODY[0]),
        ("واس- الرياض: " + BODY[0], "الرياض", "واس", None, BODY[0]),
        ("دمشق، سوريا (CNN) -- " + BODY[0], "دمشق، سوريا", "CNN", None, BODY[0]),
        ("قاسم الزرعي – عين اليوم " + BODY[0], None, None, "قاسم الزرعي", BODY[0]),
        (
            "الرياض 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس " + BODY[0],
            "الرياض",
            "واس",
            None,
            BODY[0],
        ),
    ],
)
def test_credits_opening_the_story(first, dateline, agency, author, rest):
    result = run(first, *BODY[1:]) if rest else run(first, *BODY)
    assert result.dateline == dateline
    assert result.agency == agency
    assert result.author == author
    assert kept(result)[0] == (rest or BODY[0])
    assert removed(result)[0][0] in {"dateline", "byline"}


@pytest.mark.parametrize(
    "first",
    [
        "الحدود التركية - السورية تشهد هدوءا حذرا منذ أيام بعد اتفاق وقف إطلاق النار.",
        "قالت السلطات التايوانية: إن الإعصار سيصل غدا إلى الساحل الشرقي للجزيرة.",
        "كشف لـ«عكاظ» وكيل الوزارة أن المشروع سينتهي قبل نهاية العام الحالي.",
        "1 - ليس جمال الجسد هو المقياس الوحيد للجمال في نظر الناس.",
    ],
)
def test_real_sentences_that_look_like_credits_are_kept(first):
    result = run(first, *BODY)
    assert kept(result) == [first, *BODY]
    assert removed(result) == []


def test_caption_pair_is_not_a_credit():
    line = "رئيس الوزراء الإسرائيلي - بنيامين نتنياهو"
    assert kept(run(line, *BODY))[0] == line


@pytest.mark.parametrize(
    ("last", "reason", "kept_last"),
    [
        (BODY[1] + " سمات مستشفيات وزارة الصحة", "tags", BODY[1]),
        (BODY[1] + " رابط الخبر بصحيفة المثال: افتتاح مستشفى", "source-link", BODY[1]),
        (BODY[1] + " ...المزيد", "read-also", BODY[1]),
        (BODY[1] + " (رويترز)", "agency-credit", BODY[1]),
        (BODY[1] + " « أ ف ب»", "agency-credit", BODY[1]),
        (BODY[1] + " // انتهى // 17:37 ت م", "wire-marker", BODY[1]),
        (BODY[1] + " مقالات أخرى للكاتب الصحة أولا", "related", BODY[1]),
    ],
)
def test_tails_glued_to_the_last_paragraph(last, reason, kept_last):
    result = run(BODY[0], last)
    assert kept(result) == [BODY[0], kept_last]
    assert [r for r, _ in removed(result)] == [reason]


def test_sms_footer_over_several_lines():
    result = run(
        *BODY,
        "writer@example.comللتواصل مع الكاتب ارسل رسالة SMS تبدأ بالرمز (123) ثم مسافة ثم نص الرسالة إلى 88591",
        "- Stc 635031 - Mobily 737221 - Zain",
    )
    assert kept(result) == BODY
    assert {r for r, _ in removed(result)} == {"contact"}


def test_author_name_and_bio_at_the_end():
    result = run(*BODY, "سارة المثال", "صحفية مهتمة بالشأن الصحي وتعمل في الصحيفة منذ عشر سنوات.")
    assert result.author == "سارة المثال"
    assert result.author_bio.startswith("صحفية مهتمة")
    assert kept(result) == BODY


def test_a_caption_at_the_end_is_not_an_author():
    result = run(*BODY, "جانب من الحضور")
    assert result.author is None
    assert kept(result) == BODY
    assert removed(result) == [("photo-credit", "جانب من الحضور")]


def test_known_author_opening_the_body_is_stripped():
    result = run("خالد خليل- سبق: " + BODY[0], BODY[1], author="خالد خليل- سبق:")
    assert kept(result) == BODY
    assert result.author == "خالد خليل"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Akhbarelyom; Heba Musa", "Heba Musa"),
        ("بواسطة سارة المثال", "سارة المثال"),
        ("كتب: محمد علي", "محمد علي"),
        ("Sputnik https; Cdnarabic; I; Logo Png", None),
        ("متابعات", None),
    ],
)
def test_clean_author(raw, expected):
    assert clean_author(raw, "https://akhbarelyom.com/x") == expected


@pytest.mark.parametrize(
    ("author", "expected", "dateline", "agency"),
    [
        ("جدة - واس", None, "جدة", "واس"),
        ("الرياض - منى المثال", "منى المثال", "الرياض", None),
        ("الرياض: فارس المثال", "فارس المثال", "الرياض", None),
        ("&nbsp;عبدالله المثال (مكة المكرمة)", "عبدالله المثال", "مكة المكرمة", None),
        ("سارة المثال", "سارة المثال", None, None),
    ],
)
def test_corpus_author_fields_that_are_credits(author, expected, dateline, agency):
    article = read_text("\n".join(BODY), title="عنوان", author=author)
    assert (article.author, article.dateline, article.agency) == (expected, dateline, agency)


def test_paragraphs_split_at_lone_no_break_spaces():
    article = read_text(BODY[0] + " \u00a0 " + BODY[1], title="عنوان")
    assert article.body == BODY


def test_every_reason_is_explained():
    assert all(REASONS.values())
