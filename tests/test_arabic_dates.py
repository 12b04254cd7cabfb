"""Time expressions resolved against the publication date: every form the events issue
lists, in the words of real news."""

from __future__ import annotations

import pytest

from rasid.arabic.dates import find_times

MONDAY = "2022-02-28"


def one(text: str, anchor: str | None = MONDAY):
    found = [t for t in find_times(text, anchor) if t.type in ("DATE", "TIME")]
    assert len(found) == 1, found
    t = found[0]
    assert text[t.start : t.end] == t.text
    return t


@pytest.mark.parametrize(
    ("text", "expression", "date"),
    [
        ("انطلقت محادثات على حدود بيلاروسيا، الإثنين، في اليوم الخامس", "الإثنين", MONDAY),
        ("تظاهر المئات اليوم في العاصمة", "اليوم", MONDAY),
        ("وقع الانفجار أمس في المدينة", "أمس", "2022-02-27"),
        ("وصل الوفد أول أمس إلى الرياض", "أول أمس", "2022-02-26"),
        ("سمعت الانفجارات الليلة الماضية", "الليلة الماضية", "2022-02-27"),
        ("سُمع دوي انفجارات قبل فجر اليوم الإثنين في العاصمة", "قبل فجر اليوم الإثنين", MONDAY),
        ("قتل جندي منذ يومين في الهجوم", "منذ يومين", "2022-02-26"),
        ("أعلنت الشرطة قبل 5 ساعات", "قبل 5 ساعات", MONDAY),
        ("يلتقي الوزيران غداً في جنيف", "غداً", "2022-03-01"),
        ("ويعقد الاجتماع يوم الخميس المقبل", "يوم الخميس المقبل", "2022-03-03"),
        ("وقعت الحادثة يوم الخميس الماضي", "يوم الخميس الماضي", "2022-02-24"),
        ("بدأ الغزو في ٢٤ شباط ٢٠٢٢ فجراً", "٢٤ شباط ٢٠٢٢", "2022-02-24"),
        ("في 3 كانون الثاني الماضي", "3 كانون الثاني الماضي", "2022-01-03"),
        ("يوم 15 فيفري 2021 بتونس", "15 فيفري 2021", "2021-02-15"),
        ("في الثامن من مايو القادم", "الثامن من مايو القادم", "2022-05-08"),
        ("بتاريخ 28/2/2022 صدر القرار", "28/2/2022", MONDAY),
        ("الموافق 6-10-1436هـ", "6-10-1436هـ", "2015-07-22"),
        ("في 31 مارس من العام الماضي", "31 مارس من العام الماضي", "2021-03-31"),
    ],
)
def test_days(text, expression, date):
    t = one(text)
    assert (t.text, t.date, t.date_from) == (expression, date, None)


@pytest.mark.parametrize(
    ("text", "expression", "first", "last"),
    [
        ("أطلقت روسيا 350 صاروخاً منذ يوم الخميس", "منذ يوم الخميس", "2022-02-24", MONDAY),
        ("قال الأسبوع الماضي إن", "الأسبوع الماضي", "2022-02-21", "2022-02-27"),
        ("ارتفعت الأسعار الشهر الماضي", "الشهر الماضي", "2022-01-01", "2022-01-31"),
        ("خلال رمضان 1436 نفذت", "رمضان 1436", "2015-06-18", "2015-07-16"),
        ("تراجع في جانفي الماضي", "جانفي الماضي", "2022-01-01", "2022-01-31"),
        ("حتى نهاية العام الجاري", "نهاية العام الجاري", "2022-01-01", "2022-12-31"),
        ("مقارنة بعام 2014", "عام 2014", "2014-01-01", "2014-12-31"),
        ("منذ 2011 وهو يلعب", "منذ 2011", "2011-01-01", MONDAY),
    ],
)
def test_ranges(text, expression, first, last):
    t = one(text)
    assert (t.text, t.date, t.date_from, t.date_to) == (expression, None, first, last)


def test_the_fifth_day_is_not_today():
    assert not [t for t in find_times("في اليوم الخامس، لشن موسكو حرباً") if t.text == "اليوم"]


def test_words_that_are_also_months_need_support():
    assert find_times("مارس الرياضة منذ صغره وقال أب الشهيد إن صفر أهداف", MONDAY) == []
    assert one("في 15 مارس").date == "2022-03-15"
    assert one("خلال شهر رمضان", "2015-07-21").date_from == "2015-06-18"


def test_weekday_with_a_deictic_word_trusts_the_weekday():
    # a corpus date is often the day after writing: "today, Monday" read on Tuesday
    assert one("عقد اليوم الإثنين اجتماعاً", "2015-07-21").date == "2015-07-20"


def test_a_month_without_year_takes_the_closest_year():
    assert one("في ديسمبر", "2016-02-10").date_from == "2015-12-01"
    assert one("في 11 أبريل الجاري", "2015-12-24").date == "2015-04-11"


def test_without_an_anchor_relative_times_stay_unresolved():
    t = one("وقع الانفجار أمس", None)
    assert t.text == "أمس" and t.date is None and not t.resolved
    assert one("في 27 شباط 2022", None).date == "2022-02-27"


def test_durations_and_recurrences_have_no_date():
    kinds = {
        t.text: (t.type, t.date, t.date_from) for t in find_times("لمدة ثلاثة أيام يومياً", MONDAY)
    }
    assert kinds == {"لمدة ثلاثة أيام": ("DURATION", None, None), "يومياً": ("SET", None, None)}


def test_newspaper_names_are_not_today():
    assert find_times("وقال لـ«عين اليوم» إن", MONDAY) == []


def test_a_part_of_a_month_is_the_month_as_in_timeml():
    (early,) = find_times("في أوائل مارس 2014", "2015-07-25")
    assert early.text == "أوائل مارس 2014"  # أوائل is written with hamza on yā'
    assert (early.date_from, early.date_to) == ("2014-03-01", "2014-03-31")
