"""rasid.arabic.numbers: digits, number words, qualifiers, vague counts, units."""

from __future__ import annotations

import pytest

from rasid.arabic import NumberMention, find_numbers


def one(text: str) -> NumberMention:
    found = find_numbers(text)
    assert len(found) == 1, found
    m = found[0]
    assert text[m.start : m.end] == m.text
    if m.unit is not None:
        assert m.unit_start is not None and m.unit_end is not None
        assert text[m.unit_start : m.unit_end] == m.unit
    return m


def test_seed_more_than_350_missiles(seed_text: str) -> None:
    (m,) = [m for m in find_numbers(seed_text) if m.unit == "صاروخاً"]
    assert m.text == "أكثر من 350"
    assert (m.value, m.min, m.max, m.approx, m.qualifier) == (None, 350, None, True, "more_than")


def test_seed_tens_of_people(seed_text: str) -> None:
    (m,) = [m for m in find_numbers(seed_text) if m.text == "عشرات"]
    assert (m.value, m.min, m.max, m.approx, m.qualifier) == (None, 20, 99, True, "vague")
    assert m.unit == "الأشخاص"


def test_seed_mentions(seed_text: str) -> None:
    got = [m.text for m in find_numbers(seed_text)]
    assert got == ["عشرات", "أكثر من 350", "2011"]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("أطلقت 350 صاروخاً", "350", 350),
        ("أطلقت ٣٥٠ صاروخاً", "٣٥٠", 350),
        ("حضر 1,000 شخص", "1,000", 1000),
        ("حضر ١٬٠٠٠ شخص", "١٬٠٠٠", 1000),
        ("نما 3.5 في المئة", "3.5", 3.5),
        ("نما ٣٫٥ في المئة", "٣٫٥", 3.5),
        ("قتل 3 ملايين شخص", "3 ملايين", 3_000_000),
        ("بلغت 2.5 مليار دولار", "2.5 مليار", 2_500_000_000),
        ("نزح 350 ألف شخص", "350 ألف", 350_000),
        ("لديه خمسة أبناء", "خمسة", 5),
        ("أطلق بخمسة صواريخ", "خمسة", 5),
        ("مرت ثلاث سنوات", "ثلاث", 3),
        ("ضم أحد عشر لاعباً", "أحد عشر", 11),
        ("بعد خمسة عشر يوماً", "خمسة عشر", 15),
        ("ضم اثنا عشر عضواً", "اثنا عشر", 12),
        ("بلغ عشرين شخصاً", "عشرين", 20),
        ("قتل خمسة وعشرون جندياً", "خمسة وعشرون", 25),
        ("قتل خمسة و عشرين جندياً", "خمسة و عشرين", 25),
        ("وصل مئة شخص", "مئة", 100),
        ("وصل مائة شخص", "مائة", 100),
        ("عاد ثلاثمائة لاجئ", "ثلاثمائة", 300),
        ("عاد ثلاث مئة لاجئ", "ثلاث مئة", 300),
        ("دفع ألف دولار", "ألف", 1000),
        ("دفع ألفين دولار", "ألفين", 2000),
        ("دفع مليون دولار", "مليون", 1_000_000),
        ("عاد ثلاثة آلاف لاجئ", "ثلاثة آلاف", 3000),
        ("عاد عشرون ألفاً", "عشرون ألفاً", 20_000),
        ("بلغ ثلاثة آلاف وخمسمائة وعشرون", "ثلاثة آلاف وخمسمائة وعشرون", 3520),
        ("بلغ مليون وخمسمائة ألف", "مليون وخمسمائة ألف", 1_500_000),
        ("بلغ تسعمائة وتسعة وتسعون", "تسعمائة وتسعة وتسعون", 999),
        ("قتل شخص واحد", "واحد", 1),
        ("دفع اربعة آلاف", "اربعة آلاف", 4000),
        ("دفع الف ريال", "الف", 1000),
        ("غرامة 355.000 ريال", "355.000", 355_000),
        ("مستوى 4،000 نقطة", "4،000", 4000),
        ("بلغ 30,7 مليون", "30,7 مليون", 30_700_000),
        ("ميزانية 59.480.000 ريال", "59.480.000", 59_480_000),
    ],
)
def test_exact_counts(text: str, span: str, value: int | float) -> None:
    m = one(text)
    assert m.text == span
    assert (m.value, m.min, m.max, m.approx, m.qualifier) == (value, value, value, False, None)


@pytest.mark.parametrize(
    ("text", "span", "value", "lo", "hi", "qualifier"),
    [
        ("أطلقت أكثر من 350 صاروخاً", "أكثر من 350", None, 350, None, "more_than"),
        ("أطلقت بأكثر من 100 صاروخ", "أكثر من 100", None, 100, None, "more_than"),
        ("ما يزيد على 40 قتيلاً", "ما يزيد على 40", None, 40, None, "more_than"),
        ("أقل من 10 أشخاص", "أقل من 10", None, None, 10, "less_than"),
        ("ما لا يقل عن 20 قتيلاً", "ما لا يقل عن 20", None, 20, None, "at_least"),
        ("لا يتجاوز 5 سنوات", "لا يتجاوز 5", None, None, 5, "at_most"),
        ("نحو 500 جندي", "نحو 500", 500, None, None, "about"),
        ("حوالي 500 جندي", "حوالي 500", 500, None, None, "about"),
        ("حوالى ١٬٠٠٠ شخص", "حوالى ١٬٠٠٠", 1000, None, None, "about"),
        ("قرابة ثلاثة آلاف", "قرابة ثلاثة آلاف", 3000, None, None, "about"),
        ("زهاء مئة شخص", "زهاء مئة", 100, None, None, "about"),
        ("ما يقارب 70 دولة", "ما يقارب 70", 70, None, None, "about"),
        ("بين 10 و20 شخصاً", "بين 10 و20", None, 10, 20, "range"),
        ("بين 2 و3 ملايين", "بين 2 و3 ملايين", None, 2_000_000, 3_000_000, "range"),
        (
            "ما بين مليوني وثلاثة ملايين",
            "ما بين مليوني وثلاثة ملايين",
            None,
            2 * 10**6,
            3 * 10**6,
            "range",
        ),
        ("قتل 350 شخصاً على الأقل", "350", None, 350, None, "at_least"),
    ],
)
def test_qualified_counts(
    text: str, span: str, value: int | None, lo: int | None, hi: int | None, qualifier: str
) -> None:
    m = one(text)
    assert m.text == span
    assert (m.value, m.min, m.max, m.qualifier) == (value, lo, hi, qualifier)
    assert m.approx is (qualifier != "range")


@pytest.mark.parametrize(
    ("text", "span", "lo", "hi"),
    [
        ("قتل عشرات الأشخاص", "عشرات", 20, 99),
        ("قتل العشرات من الأشخاص", "العشرات", 20, 99),
        ("نزح مئات المدنيين", "مئات", 200, 999),
        ("تظاهر آلاف الأشخاص", "آلاف", 2000, 9999),
        ("تكلف ملايين الدولارات", "ملايين", 2_000_000, 9_999_999),
        ("منذ بضعة أيام", "بضعة", 3, 9),
        ("منذ بضع سنوات", "بضع", 3, 9),
        ("نزح عشرات الآلاف", "عشرات الآلاف", 20_000, 99_999),
        ("نزح مئات الآلاف", "مئات الآلاف", 200_000, 999_999),
        ("أنفق عشرات الملايين", "عشرات الملايين", 20_000_000, 99_999_999),
        ("تبرع بالعشرات", "العشرات", 20, 99),
    ],
)
def test_vague_counts(text: str, span: str, lo: int, hi: int) -> None:
    m = one(text)
    assert m.text == span
    assert (m.value, m.min, m.max, m.approx, m.qualifier) == (None, lo, hi, True, "vague")


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("أطلقت 350 صاروخاً على أهداف", "صاروخاً"),
        ("قتل عشرات الأشخاص", "الأشخاص"),
        ("نما 3.5 في المئة", "في المئة"),
        ("نما 3.5 بالمئة", "بالمئة"),
        ("نما 20% هذا العام", "%"),
        ("نما ٢٠٪", "٪"),
        ("بلغت 2.5 مليار دولار", "دولار"),
        ("في عام 2011 وكانت", None),
        ("قتل شخص واحد فقط", None),
        ("وصل 5 مارس", None),
        ("قتل 5 في المدينة", None),
        ("قتل 5\nأشخاص", None),
    ],
)
def test_units(text: str, unit: str | None) -> None:
    assert one(text).unit == unit


@pytest.mark.parametrize(
    "text",
    [
        "أحد المسؤولين",
        "يوم الإثنين",
        "يوم الأحد",
        "اليوم الخامس",
        "ثاني أكبر مدينة",
        "الأيام الثلاثة",
        "فريق وست هام",
        "في 28/2/2022",
        "الساعة 10:30",
        "شبكة 5G",
        "طائرة F-16",
        "كمية المضبوطات",
        "كميات كبيرة",
        "وأحد المسؤولين",
        "في الحادي عشر من أكتوبر",
        "الساعة الثانية عشرة ليلاً",
        "في 6-10-1436",
        "الجولة الأولى",
        "",
    ],
)
def test_no_false_positives(text: str) -> None:
    assert find_numbers(text) == []


def test_several_mentions_in_order() -> None:
    text = "قتل 5 أشخاص وأصيب عشرات آخرون، ونزح نحو ألف شخص."
    got = find_numbers(text)
    assert [m.text for m in got] == ["5", "عشرات", "نحو ألف"]
    assert [m.start for m in got] == sorted(m.start for m in got)
