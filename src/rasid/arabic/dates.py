"""Time expressions in Arabic news, resolved against the publication date.

``find_times(text, anchor)`` returns :class:`TimeExpression` objects, left to right, with
``text == original[start:end]`` and the calendar day or range they name:

* ``date`` — one day (``YYYY-MM-DD``): ``اليوم``, ``أمس``, ``أول أمس``, ``غداً``, ``بعد غد``,
  ``الليلة الماضية`` (the day before), ``قبل فجر اليوم الإثنين``, weekday names (the most recent
  such day on or before the anchor, the same day when it matches; the next one after it with
  ``المقبل``/``القادم``; the one before it with ``الماضي``), explicit dates (``27 شباط 2022``,
  ``الثامن من مايو``, ``28/2/2022``, ``6-10-1436هـ``), ``قبل 5 ساعات`` (the anchor's day),
  ``منذ يومين`` / ``قبل ثلاثة أيام`` (that many days before);
* ``date_from``/``date_to`` — a range: a month (``فبراير 2022``, ``الشهر الماضي``, ``رمضان
  1436``), a year (``عام 2014``, ``العام الجاري``), a week (``الأسبوع الماضي`` = the seven days
  before the anchor; ``هذا الأسبوع`` = the anchor's ISO week), and ``منذ`` + a point in time
  (``منذ يوم الخميس`` = from that Thursday to the anchor);
* neither — durations (``لمدة ثلاثة أيام``, type ``DURATION``), recurrences (``يومياً``,
  ``كل أسبوع``, type ``SET``), clock times without a day (type ``TIME``) and relative
  expressions when no anchor is given.

Month names: MSA (يناير … ديسمبر), Levantine/Iraqi (كانون الثاني … كانون الأول), Maghrebi
(جانفي، فيفري، أفريل، ماي، جوان، جويلية، أوت) and Hijri (محرم … ذو الحجة, converted with the
Umm al-Qura calendar). A day and month without a year take the year that puts the date
closest to the anchor (``ديسمبر`` read in February is last December), unless ``الماضي`` or
``المقبل`` says which. Digits may be Arabic-Indic. Words that are also names or common
words (``مارس`` "practised", ``آب`` "father", ``رمضان``, ``صفر`` "zero", ``نيسان``) count as
months only with a day number, a year, ``شهر`` or a modifier (``الماضي``). ``اليوم``
followed by an ordinal (``في اليوم الخامس`` — the fifth day of something) is not today.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from rasid.arabic.normalize import normalize_with_map, original_span

__all__ = ["TimeExpression", "find_times", "parse_anchor"]

Day = dt.date


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression of the original text (``text == original[start:end]``)."""

    text: str
    start: int
    end: int
    type: str  # DATE, TIME, DURATION or SET
    date: str | None = None
    date_from: str | None = None
    date_to: str | None = None

    @property
    def resolved(self) -> bool:
        return self.date is not None or self.date_from is not None


def parse_anchor(value: str | Day | None) -> Day | None:
    """The anchor date from ``YYYY-MM-DD`` (a longer ISO timestamp is cut to its day)."""
    if value is None or isinstance(value, Day):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


# --- lexicon (normalised forms: ا for أإآ, ه for ة, ي for ى) -----------------------------

WEEKDAYS = {
    "الاثنين": 0,
    "الثلاثاء": 1,
    "الاربعاء": 2,
    "الخميس": 3,
    "الجمعه": 4,
    "السبت": 5,
    "الاحد": 6,
}
_BARE_WEEKDAYS = {k[2:]: v for k, v in WEEKDAYS.items()}

GREGORIAN_MONTHS = {
    "يناير": 1,
    "كانون الثاني": 1,
    "جانفي": 1,
    "فبراير": 2,
    "شباط": 2,
    "فيفري": 2,
    "مارس": 3,
    "اذار": 3,
    "ابريل": 4,
    "نيسان": 4,
    "افريل": 4,
    "مايو": 5,
    "ايار": 5,
    "ماي": 5,
    "يونيو": 6,
    "يونيه": 6,
    "حزيران": 6,
    "جوان": 6,
    "يوليو": 7,
    "يوليه": 7,
    "تموز": 7,
    "جويليه": 7,
    "جويلية": 7,
    "اغسطس": 8,
    "اب": 8,
    "اوت": 8,
    "اغشت": 8,
    "سبتمبر": 9,
    "ايلول": 9,
    "شتنبر": 9,
    "اكتوبر": 10,
    "تشرين الاول": 10,
    "نوفمبر": 11,
    "تشرين الثاني": 11,
    "نونبر": 11,
    "ديسمبر": 12,
    "كانون الاول": 12,
    "دجنبر": 12,
}
HIJRI_MONTHS = {
    "محرم": 1,
    "صفر": 2,
    "ربيع الاول": 3,
    "ربيع الثاني": 4,
    "ربيع الاخر": 4,
    "جمادي الاولي": 5,
    "جمادي الاول": 5,
    "جمادي الثانيه": 6,
    "جمادي الاخره": 6,
    "جمادي الاخر": 6,
    "رجب": 7,
    "شعبان": 8,
    "رمضان": 9,
    "شوال": 10,
    "ذو القعده": 11,
    "ذي القعده": 11,
    "ذو الحجه": 12,
    "ذي الحجه": 12,
}
# Month names that are also ordinary words or names: months only with support.
_AMBIGUOUS_MONTHS = {
    "مارس",
    "اب",
    "ماي",
    "نيسان",
    "تموز",
    "جوان",
    "محرم",
    "صفر",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
}

_ORDINALS = [
    "الاول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
    "العاشر",
]
_ORDINAL_DAYS: dict[str, int] = {w: i + 1 for i, w in enumerate(_ORDINALS)}
_ORDINAL_DAYS.update({"الحادي عشر": 11, "الثاني عشر": 12, "العشرين": 20, "الثلاثين": 30})
for _i, _w in enumerate(["الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"]):
    _ORDINAL_DAYS[f"{_w} عشر"] = 13 + _i
for _i, _w in enumerate(
    ["الحادي", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"]
):
    _ORDINAL_DAYS[f"{_w} والعشرين"] = 21 + _i
_ORDINAL_DAYS["الحادي والثلاثين"] = 31

_COUNT_WORDS = {
    "واحد": 1,
    "ثلاثه": 3,
    "ثلاث": 3,
    "اربعه": 4,
    "اربع": 4,
    "خمسه": 5,
    "خمس": 5,
    "سته": 6,
    "ست": 6,
    "سبعه": 7,
    "سبع": 7,
    "ثمانيه": 8,
    "ثماني": 8,
    "ثمان": 8,
    "تسعه": 9,
    "تسع": 9,
    "عشره": 10,
    "عشر": 10,
    "بضعه": None,
    "بضع": None,
    "عده": None,
}
# unit → (singular forms, dual forms, plural forms, kind)
_UNITS = {
    "minute": ("دقيقه", "دقيقتين دقيقتان", "دقائق"),
    "hour": ("ساعه", "ساعتين ساعتان", "ساعات"),
    "day": ("يوم يوما", "يومين يومان", "ايام"),
    "week": ("اسبوع اسبوعا", "اسبوعين اسبوعان", "اسابيع"),
    "month": ("شهر شهرا", "شهرين شهران", "اشهر شهور"),
    "year": ("عام عاما سنه عاما", "عامين عامان سنتين سنتان", "اعوام سنوات سنين"),
}

_PAST = "الماضي|الماضيه|المنصرم|المنصرمه|السابق|الفائت|الفائته"
_FUTURE = "المقبل|المقبله|القادم|القادمه"
_CURRENT = "الجاري|الجاريه|الحالي|الحاليه"
_PART = (
    r"(?:(?:قبيل|قبل|بعد|منتصف|ساعات)\s+)?"
    r"(?:صباح|مساء|ظهر|فجر|ليل|ليله|عصر|ضحي|منتصف ليل|ظهيره)"
)
# Words for a part of a period (أواخر يوليو). As in TimeML (TIMEX3 value 2015-07, mod END),
# the expression resolves to the whole period; the schema has no modifier to say which part.
# (Normalised spelling: أوائل is اوايل.)
_PERIOD_EDGE = r"(?:مطلع|مستهل|بدايه|اوايل|منتصف|اواسط|اواخر|نهايه|اخر|اول)"


def _alt(words) -> str:
    return "|".join(
        sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True)
    )


_W = r"(?<![\w])"  # start of a word, clitics allowed before it in the patterns
_E = r"(?![\w])"
_CLITIC = r"(?:[وف]?[بلك]?)??"


# --- resolution helpers ----------------------------------------------------------------------


def _weekday(anchor: Day, weekday: int, mod: str | None) -> Day:
    back = (anchor.weekday() - weekday) % 7
    if mod == "future":
        return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
    if mod == "past" and back == 0:
        back = 7
    return anchor - dt.timedelta(days=back)


def _month_range(year: int, month: int) -> tuple[Day, Day]:
    first = dt.date(year, month, 1)
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return first, nxt - dt.timedelta(days=1)


def _shift_month(day: Day, months: int) -> tuple[int, int]:
    k = day.year * 12 + day.month - 1 + months
    return k // 12, k % 12 + 1


def _closest_year(
    anchor: Day | None,
    make: Callable[[int], Day | None],
    mod: str | None,
    years: tuple[int, ...] | None = None,
) -> Day | None:
    if anchor is None:
        return None
    base = years or (anchor.year - 1, anchor.year, anchor.year + 1)
    options = [d for y in base if (d := make(y)) is not None]
    if mod == "past":
        options = [d for d in options if d < anchor]
    elif mod == "future":
        options = [d for d in options if d > anchor]
    if not options:
        return None
    return min(options, key=lambda d: (abs((d - anchor).days), d > anchor))


def _gregorian(year: int, month: int, day: int) -> Day | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _hijri(year: int, month: int, day: int) -> Day | None:
    from hijridate import Hijri

    try:
        return Hijri(year, month, day).to_gregorian().datetuple() and dt.date(
            *Hijri(year, month, day).to_gregorian().datetuple()
        )
    except (ValueError, OverflowError):
        return None


def _hijri_month_range(year: int, month: int) -> tuple[Day, Day] | None:
    from hijridate import Hijri

    try:
        first = Hijri(year, month, 1)
        start = dt.date(*first.to_gregorian().datetuple())
        return start, start + dt.timedelta(days=first.month_length() - 1)
    except (ValueError, OverflowError):
        return None


def _hijri_year_of(day: Day) -> int:
    from hijridate import Gregorian

    try:
        return Gregorian(day.year, day.month, day.day).to_hijri().year
    except (ValueError, OverflowError):
        return round((day.year - 622) * 33 / 32)


def _year(text: str) -> int:
    y = int(text)
    return y + 2000 if y < 100 else y


# --- the patterns ----------------------------------------------------------------------------

Resolved = tuple[str, Day | None, Day | None, Day | None]  # type, date, from, to


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    resolve: Callable[[re.Match[str], Day | None], Resolved | None]
    needle: re.Pattern[str] | None  # found in every match: a text without it is skipped


_RULES: list[_Rule] = []


def _rule(name: str, pattern: str, needle: str | None = None):
    """Register a rule. ``needle`` is a simpler pattern that every match contains (a month
    name, a digit): the full pattern is tried only on texts where the needle occurs."""
    compiled = re.compile(_W + _CLITIC + "(?P<x>" + pattern + ")" + _E)
    quick = re.compile(needle) if needle else None

    def register(fn):
        _RULES.append(_Rule(name, compiled, fn, quick))
        return fn

    return register


def _mod(word: str | None) -> str | None:
    if not word:
        return None
    if re.fullmatch(_PAST, word):
        return "past"
    if re.fullmatch(_FUTURE, word):
        return "future"
    return "current"


_DAYWORD = {
    "اليوم": 0,
    "الليله": 0,
    "هذا الصباح": 0,
    "هذا المساء": 0,
    "امس": -1,
    "الامس": -1,
    "البارحه": -1,
    "الليله الماضيه": -1,
    "ليله امس": -1,
    "اول امس": -2,
    "اول من امس": -2,
    "امس الاول": -2,
    "غدا": 1,
    "الغد": 1,
    "غد": 1,
    "بعد غد": 2,
    "بعد الغد": 2,
}
_NOT_TODAY = (
    _alt(_ORDINALS) + "|الاخير|الاخيره|التالي|نفسه|ذاته|العالمي|الوطني|الدولي|المفتوح|الدراسي"
    "|الاولي|الموعود|الذي|التي|الحادي|السابق|الثالث عشر"
)

_WD_ALT = _alt(WEEKDAYS)


@_rule(
    "relative-day",
    rf"(?:(?:{_PART})\s+(?:من\s+)?(?:يوم\s+)?)?(?:يوم\s+)?(?P<w>{_alt(_DAYWORD)})"
    rf"(?:\s+(?:يوم\s+)?(?P<wd>{_WD_ALT}))?(?!\s+(?:{_NOT_TODAY})(?![\w]))",
    _alt(_DAYWORD),
)
def _relative_day(m: re.Match[str], anchor: Day | None) -> Resolved | None:
    word = re.sub(r"\s+", " ", m.group("w"))
    if word == "اليوم" and re.search(
        r"(?:عين|دار|صحيفه|جريده)\s+$", m.string[max(0, m.start("x") - 8) : m.start("x")]
    ):
        return None  # a newspaper's name (عين اليوم)
    if anchor is None:
        return ("DATE", None, None, None)
    day = anchor + dt.timedelta(days=_DAYWORD[word])
    if m.group("wd"):
        # the weekday is what the writer saw; the anchor (a corpus date) may be a day off
        weekday = WEEKDAYS[m.group("wd")]
        shift = (weekday - day.weekday()) % 7
        shift = shift if shift <= 3 else shift - 7
        if abs(shift) <= 2:
            day += dt.timedelta(days=shift)
    return ("DATE", day, None, None)


@_rule(
    "weekday",
    rf"(?:(?:{_PART})\s+(?:من\s+)?)?(?:يوم\s+)?(?P<wd>{_WD_ALT})(?:\s+(?P<mod>{_PAST}|{_FUTURE}))?",
    _WD_ALT,
)
def _weekday_rule(m: re.Match[str], anchor: Day | None) -> Resolved | None:
    text = m.string
    before = text[max(0, m.start("x") - 12) : m.start("x")]
    wd = m.group("wd")
    if wd == "الجمعه" and re.search(r"(?:صلاه|خطبه|خطيب|لصلاه|بصلاه)\s+$", before):
        return None
    if wd == "الاثنين" and (
        re.search(r"(?:بين|كلا|هذين|ان)\s+$", before)
        or re.match(r"\s+(?:معا|كليهما)", text[m.end() :])
    ):
        return None
    if (
        wd == "الاحد"
        and not m.group("x").startswith(("يوم", "صباح", "مساء"))
        and re.search(r"(?:الواحد|الله)\s+$", before)
    ):
        return None
    if anchor is None:
        return ("DATE", None, None, None)
    return ("DATE", _weekday(anchor, WEEKDAYS[wd], _mod(m.group("mod"))), None, None)


@_rule("bare-weekday", rf"يوم\s+(?P<wd>{_alt(_BARE_WEEKDAYS)})", "يوم")
def _bare_weekday(m: re.Match[str], anchor: Day | None) -> Resolved | None:
    if anchor is None:
        return ("DATE", None, None, None)
    return ("DATE", _weekday(anchor, _BARE_WEEKDAYS[m.group("wd")], None), None, None)


_DAY = rf"(?P<d>[0-3]?\d|{_alt(_ORDINAL_DAYS)})"
_GMONTH = rf"(?P<gm>{_alt(GREGORIAN_MONTHS)})"
_MONTH_NEEDLE = _alt([*GREGORIAN_MONTHS, *HIJRI_MONTHS])
_HMONTH = rf"(?P<hm>{_alt(HIJRI_MONTHS)})"
_YEAR_TAIL = (
    r"(?:\s+(?:من\s+)?(?:العام\s+|عام\s+|سنه\s+)?(?P<y>(?:1[3-4]|19|20)\d\d)"
    rf"|\s+من\s+(?:العام|السنه)\s+(?P<ymod>{_PAST}|{_FUTURE}|{_CURRENT}))?"
)
_ERA = r"(?:\s*(?P<era>هـ|ه|م)(?![\w]))?"
_WD_PREFIX = rf"(?:(?:يوم\s+)?(?:{_WD_ALT})\s+(?:الموافق\s+|،\s*)?)?"


def _day_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    return _ORDINAL_DAYS.get(re.sub(r"\s+", " ", text))


def _year_of(m: re.Match[str], anchor: Day | None) -> int | None:
    """The year the expression states: digits, or ``من العام الماضي``, or the anchor's
    year for ``الجاري``/``الحالي`` (this month)."""
    if m.group("y"):
        return int(m.group("y"))
    if anchor is None:
        return None
    ymod = _mod(m.group("ymod"))
    if ymod is not None:
        return anchor.year + {"past": -1, "future": 1}.get(ymod, 0)
    if _mod(m.group("mod")) == "current" and (m.groupdict().get("gm")):
        return anchor.year
    return None


@_rule(
    "day-month",
    rf"{_WD_PREFIX}{_DAY}\s*(?:من\s+)?(?:شهر\s+)?(?:{_GMONTH}|{_HMONTH})\s*(?:\(\s*\w+\s*\)\s*)?"
    rf"{_YEAR_TAIL}{_ERA}(?:\s+(?P<mod>{_PAST}|{_FUTURE}|{_CURRENT}))?",
    _MONTH_NEEDLE,
)
def _day_month(m: re.Match[str], anchor: Day | None) -> Resolved | None:
    day = _day_number(m.group("d"))
    if day is None or not 1 <= day <= 31:
        return None
    mod = _mod(m.group("mod"))
    year = _year_of(m, anchor)
    if m.group("gm"):
        month = GREGORIAN_MONTHS[re.sub(r"\s+", " ", m.group("gm"))]
        if year is not None:
            return ("DATE", _gregorian(year, month, day), None, None)
        found = _closest_year(anchor, lambda y: _gregorian(y, month, day), mod)
        return ("DATE", found, None, None)
    month = HIJRI_MONTHS[re.sub(r"\s+", " ", m.group("hm"))]
    if year is not None:
        return ("DATE", _hijri(year, month, day), None, None)
    if anchor is None:
        return ("DATE", None, None, None)
    hy = _hijri_year_of(anchor)
    found = _closest_year(anchor, lambda y: _hijri(y, month, day), mod, (hy - 1, hy, hy + 1))
    return ("DATE", found, None, None)


@_rule(
    "month",
    rf"(?:{_PERIOD_EDGE}\s+)?(?P<shahr>شهر\s+)?(?:{_GMONTH}|{_HMONTH})\s*(?:\(\s*\w+\s*\)\s*)?"
    rf"{_YEAR_TAIL}{_ERA}(?:\s+(?P<mod>{_PAST}|{_FUTURE}|{_CURRENT}))?",
    _MONTH_NEEDLE,
)
def _month(m: re.Match[str], anchor: Day | None) -> Resolved | None:
    name = re.sub(r"\s+", " ", m.group("gm") or m.group("hm"))
    year = _year_of(m, anchor)
    mod = _mod(m.group("mod"))
    if name in _AMBIGUOUS_MONTHS and not (m.group("shahr") or year or mod):
        return None
    if m.group("gm"):
        month = GREGORIAN_MONTHS[name]
        if year is None:
            first = _closest_year(anchor, lambda y: dt.date(y, month, 15), mod)
            if first is None:
                return ("DATE", None, None, None)
            year = first.year
        start, end = _month_range(year, month)
        return ("DATE", None, start, end)
    month = HIJRI_MONTHS[name]
    if year is None:
        if anchor is None:
            return ("DATE", None, None, None)
        hy = _hijri_year_of(anchor)
        mid = _closest_year(anchor, lambda y: _hijri(y, month, 15), mod, (hy - 1, hy, hy + 1))
        if mid is None:
            return ("DATE", None, None, None)
        year = _hijri_year_of(mid)
    found = _hijri_month_range(year, month)
    return ("DATE", None, *found) if found else None


@_rule(
    "numeric-date",
    r"(?P<a>\d{1,4})\s*(?P<s>[/\-.])\s*(?P<b>\d{1,2})\s*(?P=s)\s*(?P<c>\d{1,4})" + _ERA,
    r"\d",
)
def _numeric(m: re.Match[str], anchor: Day | None) -> Resolved | None:
    a, b, c = m.group("a"), m.group("b"), m.group("c")
    if len(a) == 4 and len(c) <= 2:
        year, month, day = int(a), int(b), int(c)
    elif len(c) in (2, 4) and len(a) <= 2:
        day, month, year = int(a), int(b), _year(c)
    else:
        return None
    hijri = m.group("era") in ("هـ", "ه") or 1300 <= year < 1600
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    found = _hijri(year, month, day) if hijri else _gregorian(year, month, day)
    return ("DATE", found, None, None) if found else None


@_rule(
    "year",
    rf"(?:{_PERIOD_EDGE}\s+)?(?:العام|عام|سنه|السنه|عامي)\s+(?P<y>(?:1[3-4]|19|20)\d\d)"
    r"(?:\s*(?:و|-|/)\s*(?P<y2>(?:1[3-4]|19|20)\d\d))?" + _ERA,
    r"\d",
)
def _year_rule(m: re.Match[str], anchor: Day | None) -> Resolved | None:
    y1 = int(m.group("y"))
    y2 = int(m.group("y2")) if m.group("y2") else y1
    if m.group("era") in ("هـ", "ه") or y1 < 1600:
        first = _hijri_month_range(y1, 1)
        last = _hijri_month_range(y2, 12)
        if not first or not last:
            return None
        return ("DATE", None, first[0], last[1])
    return ("DATE", None, dt.date(y1, 1, 1), dt.date(y2, 12, 31))


_YEAR_BEFORE = re.compile(
    r"(?:في|منذ|حتي|عام|العام|اعوام|اعوامي|العامين|عامي|خلال|قبل|بعد|نهايه|مطلع|بدايه|اواخر"
    r"|اوايل|منتصف|مستهل|موسم|الموسم|\(|و|-)\s*$"
)


@_rule("bare-year", r"(?P<y>(?:19|20)\d\d)(?:\s*(?P<era>م)(?![\w]))?")
def _bare_year(m: re.Match[str], anchor: Day | None) -> Resolved | None:
    before = m.string[max(0, m.start("x") - 10) : m.start("x")]
    after = m.string[m.end("x") : m.end("x") + 3]
    if not (
        m.group("era")
        or _YEAR_BEFORE.search(before)
        or (before.rstrip().endswith("(") and after.lstrip().startswith(")"))
    ):
        return None
    if re.match(r"\s*[/\-.:,،٫]\s*\d", after) or re.search(r"\d\s*[/\-.:]\s*$", before):
        return None  # part of a numeric date or a number
    y = int(m.group("y"))
    return ("DATE", None, dt.date(y, 1, 1), dt.date(y, 12, 31))


@_rule(
    "relative-period",
    rf"(?:{_PERIOD_EDGE}\s+)?(?:(?P<this>هذا|هذه)\s+)?(?P<p>الاسبوع|الشهر|العام|السنه)"
    rf"(?:\s+(?P<mod>{_PAST}|{_FUTURE}|{_CURRENT}))?",
    "الاسبوع|الشهر|العام|السنه",
)
def _relative_period(m: re.Match[str], anchor: Day | None) -> Resolved | None:
    mod = _mod(m.group("mod"))
    if mod is None and not m.group("this"):
        return None
    if anchor is None:
        return ("DATE", None, None, None)
    period = m.group("p")
    step = {"past": -1, "future": 1}.get(mod or "current", 0)
    if period == "الاسبوع":
        if step == -1:
            return ("DATE", None, anchor - dt.timedelta(days=7), anchor - dt.timedelta(days=1))
        if step == 1:
            return ("DATE", None, anchor + dt.timedelta(days=1), anchor + dt.timedelta(days=7))
        monday = anchor - dt.timedelta(days=anchor.weekday())
        return ("DATE", None, monday, monday + dt.timedelta(days=6))
    if period == "الشهر":
        return ("DATE", None, *_month_range(*_shift_month(anchor, step)))
    year = anchor.year + step
    return ("DATE", None, dt.date(year, 1, 1), dt.date(year, 12, 31))


def _unit_alternatives() -> dict[str, tuple[str, int | None]]:
    out: dict[str, tuple[str, int | None]] = {}
    for unit, (one, two, many) in _UNITS.items():
        for w in one.split():
            out[w] = (unit, 1)
        for w in two.split():
            out[w] = (unit, 2)
        for w in many.split():
            out[w] = (unit, None)
    return out


_UNIT_WORDS = _unit_alternatives()
_COUNT = rf"(?P<n>\d{{1,3}}|{_alt(k for k in _COUNT_WORDS)})"
_UNIT = rf"(?P<u>{_alt(_UNIT_WORDS)})"


def _amount(m: re.Match[str]) -> tuple[str, int | None]:
    unit, implied = _UNIT_WORDS[m.group("u")]
    n = m.group("n")
    if n is None:
        return unit, implied
    return unit, int(n) if n.isdigit() else _COUNT_WORDS.get(n)


def _ago(anchor: Day, unit: str, n: int, sign: int) -> Resolved:
    if unit in ("minute", "hour"):
        return ("DATE", anchor, None, None)
    if unit in ("day", "week"):
        days = n * (7 if unit == "week" else 1)
        return ("DATE", anchor + dt.timedelta(days=sign * days), None, None)
    if unit == "month":
        return ("DATE", None, *_month_range(*_shift_month(anchor, sign * n)))
    year = anchor.year + sign * n
    return ("DATE", None, dt.date(year, 1, 1), dt.date(year, 12, 31))


@_rule(
    "ago",
    rf"(?P<dir>منذ|قبل|بعد)\s+(?:(?:نحو|حوالي)\s+)?(?:{_COUNT}\s+)?{_UNIT}"
    rf"(?!\s+(?:{_WD_ALT}|{_alt(_BARE_WEEKDAYS)}))",
    "منذ|قبل|بعد",
)
def _ago_rule(m: re.Match[str], anchor: Day | None) -> Resolved | None:
    unit, n = _amount(m)
    if m.group("n") is None and _UNIT_WORDS[m.group("u")][1] == 1 and m.group("dir") != "منذ":
        return None  # "قبل يوم" alone is too vague to be worth a wrong date
    if anchor is None or n is None:
        return ("DATE", None, None, None)
    return _ago(anchor, unit, n, -1 if m.group("dir") in ("منذ", "قبل") else 1)


@_rule(
    "duration",
    rf"(?:(?:لمده|طيله|طوال|علي مدي|علي مدار|خلال|مده)\s+)?(?:{_COUNT}\s+)?{_UNIT}"
    rf"(?:\s+(?:{_PAST}|{_FUTURE}|متتاليه|متواصله|كامله))?",
    _alt(_UNIT_WORDS),
)
def _duration(m: re.Match[str], anchor: Day | None) -> Resolved | None:
    unit, n = _amount(m)
    explicit = m.group("n") is not None or _UNIT_WORDS[m.group("u")][1] == 2
    if not explicit:
        return None
    if anchor is not None and n is not None and re.search(_PAST + "$", m.group("x")):
        back = _ago(anchor, unit, n, -1)
        start = back[1] or back[2]
        return ("DURATION", None, start, anchor)
    return ("DURATION", None, None, None)


@_rule("set", r"يوميا|اسبوعيا|شهريا|سنويا|كل\s+(?:يوم|اسبوع|شهر|عام|سنه|ساعه|ليله)")
def _set(m: re.Match[str], anchor: Day | None) -> Resolved | None:
    return ("SET", None, None, None)


@_rule(
    "clock",
    r"(?:تمام\s+)?الساعه\s+(?:\d{1,2}(?::\d\d)?|"
    + _alt(
        [
            "الواحده",
            "الثانيه",
            "الثالثه",
            "الرابعه",
            "الخامسه",
            "السادسه",
            "السابعه",
            "الثامنه",
            "التاسعه",
            "العاشره",
            "الحاديه عشره",
            "الثانيه عشره",
        ]
    )
    + r")(?:\s+و(?:النصف|الربع|\d+\s+دقيقه))?(?:\s+(?:من\s+)?(?P<part>صباحا|مساء|ظهرا|عصرا|ليلا|فجرا"
    rf"|(?:صباح|مساء|ظهر|عصر|فجر|ليل)\s+(?:(?P<w>اليوم|امس|غد|الغد)|(?:يوم\s+)?(?P<wd>{_WD_ALT}))))?",
    "الساعه",
)
def _clock(m: re.Match[str], anchor: Day | None) -> Resolved | None:
    if m.group("w") and anchor is not None:
        return ("TIME", anchor + dt.timedelta(days=_DAYWORD[m.group("w")]), None, None)
    if m.group("wd") and anchor is not None:
        return ("TIME", _weekday(anchor, WEEKDAYS[m.group("wd")], None), None, None)
    return ("TIME", None, None, None)


_SINCE = re.compile(_W + _CLITIC + r"(?P<x>منذ|اعتبارا\s+من|ابتداء\s+من|بدءا\s+من)\s+$")


def _iso(day: Day | None) -> str | None:
    return day.isoformat() if day else None


def find_times(text: str, anchor: str | Day | None = None) -> list[TimeExpression]:
    """Time expressions in ``text``, resolved against ``anchor`` (the publication date)."""
    day = parse_anchor(anchor)
    norm, mapping = normalize_with_map(text)
    found: list[tuple[int, int, int, Resolved]] = []
    for order, rule in enumerate(_RULES):
        if rule.needle is not None and rule.needle.search(norm) is None:
            continue
        for m in rule.pattern.finditer(norm):
            res = rule.resolve(m, day)
            if res is not None:
                found.append((m.start("x"), m.end("x"), order, res))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0]), f[2]))
    out: list[TimeExpression] = []
    last_end = -1
    for start, end, _order, (kind, date, date_from, date_to) in found:
        if start < last_end:
            continue
        since = _SINCE.search(norm, max(0, start - 20), start)
        if since and kind == "DATE" and day is not None and (date or date_from):
            point = date or date_from
            if point is not None and point <= day:
                start = since.start("x")
                date, date_from, date_to = None, point, day
        last_end = end
        o_start, o_end = original_span(text, mapping, start, end)
        out.append(
            TimeExpression(
                text[o_start:o_end],
                o_start,
                o_end,
                kind,
                _iso(date),
                _iso(date_from),
                _iso(date_to),
            )
        )
    return out
