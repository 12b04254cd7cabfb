"""What Arabic news boilerplate looks like: the constants of the cleaner, apart from its
logic (``boilerplate.py``).

Every pattern runs over *normalised* text (``rasid.arabic.normalize``: no diacritics or
tatweel, one alef, ه for ة, ي for ى) in which a tatweel used as a dash after a space
(``الرياضي ـ جدة``) has been turned into ``-`` first. The families and their counts come from
a study of the 31,030 SaudiNewsNet bodies and of the HTML pages in ../shared; the numbers
are in docs/benchmarks.md.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from rasid.arabic.normalize import normalize

DASH = r"[-–—]"
SEP = r"\s*[:：\-–—|]+\s*"
WORD = r"[\u0621-\u064a]+"

# --- news agencies, as written in credits (normalised) → the name we record ------------
AGENCIES: dict[str, str] = {
    "واس": "واس",
    "ا ف ب": "أ ف ب",
    "فرانس برس": "أ ف ب",
    "الفرنسيه": "أ ف ب",
    "رويترز": "رويترز",
    "د ب ا": "د ب أ",
    "الالمانيه": "د ب أ",
    "الاناضول": "الأناضول",
    "كونا": "كونا",
    "وام": "وام",
    "قنا": "قنا",
    "بنا": "بنا",
    "العمانيه": "العمانية",
    "سبا": "سبأ",
    "اسوشيتد برس": "أسوشيتد برس",
    "ا ب": "أ ب",
    "ا ب ا": "إ ب أ",
    "يو بي اي": "يو بي آي",
    "شينخوا": "شينخوا",
    "سانا": "سانا",
    "وفا": "وفا",
    "بترا": "بترا",
    "cnn": "CNN",
    "وكالات": "وكالات",
    "الوكالات": "وكالات",
}


def agency_key(text: str) -> str:
    """Normalised agency spelling without dots and extra spaces: 'أ.ف.ب' → 'ا ف ب'."""
    text = normalize(text).lower().replace(".", " ")
    return " ".join(text.strip(" ()«»\"“”'").split())


def agency_name(text: str) -> str | None:
    return AGENCIES.get(agency_key(text))


_AGENCY_WORDS = "|".join(
    sorted(
        (r"\.?\s?".join(re.escape(p) for p in a.split()) for a in AGENCIES), key=len, reverse=True
    )
)
AGENCY = rf"(?:{_AGENCY_WORDS})"

# --- an outlet naming itself in a credit ("سبق- جدة:", "نايف عبدالله – عين اليوم") --------
# Only names that are not also places or common words on their own; a credit still needs its
# dash-and-colon shape before these are trusted.
OUTLET_CREDITS = frozenset(
    normalize(n)
    for n in (
        "سبق",
        "عين اليوم",
        "الوئام",
        "الرياضي",
        "الرياضية",
        "الجزيرة",
        "مكتب الجزيرة",
        "اليوم",
        "عكاظ",
        "الوطن",
        "الاقتصادية",
        "الشرق الأوسط",
        "الشرق الأوسط أونلاين",
        "الرياض الإلكتروني",
        "متابعات",
        "متابعة",
        "خاص",
        # sections and desks that newspapers put where a reporter's name would go
        "ثقافة اليوم",
        "محليات",
        "دوليات",
        "اقتصاد",
        "رياضة",
        "وحدة التقارير الاقتصادية",
    )
)
# words in credits that say how, not who or where: "(هاتفيا - إسطنبول)"
CREDIT_NOISE = frozenset(normalize(w) for w in ("هاتفيا", "خاص", "حصري", "حصريا", "مباشر"))


@cache
def dateline_places() -> frozenset[str]:
    """Normalised place names that open datelines (rasid/data/dateline_places.txt)."""
    text = resources.files("rasid").joinpath("data/dateline_places.txt").read_text("utf-8")
    return frozenset(
        normalize(line.strip()) for line in text.splitlines() if line.strip() and line[0] != "#"
    )


# --- whole-line boilerplate ------------------------------------------------------------------
READ_ALSO = re.compile(
    r"^(?:اقرا|اقراي|طالع|طالعوا|شاهد|اطلع|انظر)\s*(?:ايضا|كذلك|المزيد|اكثر)?\s*[:：\-–—]"
    r"|^(?:اقرا|طالع)\s+(?:ايضا|كذلك)\b"
    r"|^لقراءه\s.{0,30}(?:انقر|اضغط)\s+(?:هنا|هنـ+ا|هن)"
)
RELATED_HEADER = re.compile(
    r"^(?:(?:مقالات|اخبار|مواضيع|موضوعات|تقارير|روابط)\s+(?:ذات\s+صله|متعلقه|مشابهه|مرتبطه|اخري)"
    r"|ذات\s+صله|قد\s+يهمك(?:\s+ايضا)?|قد\s+يعجبك(?:\s+ايضا)?|الاكثر\s+(?:قراءه|مشاهده|تداولا)"
    r"|المزيد\s+من\s+(?:الاخبار|المقالات)|اقرا\s+المزيد|اخبار\s+اخري|شاهد\s+ايضا)\s*[:：]?$"
)
_SHARE_WORDS = (
    r"شارك|مشاركه|شاركها|شارك\s+الخبر|شارك\s+المقال|شارك\s+من\s+خلال|طباعه|اطبع|ارسل|ارسال"
    r"|ارسل\s+لصديق|حفظ|نسخ\s+الرابط|اكتب\s+رايك|جوجل\s+بلس"
    r"|فيسبوك|فيس\s+بوك|تويتر|واتساب|واتس\s+اب|تيليجرام|تلغرام|لينكد\s*ان|انستغرام|انستجرام|يوتيوب"
    r"|البريد\s+الالكتروني|facebook|twitter|whatsapp|telegram|linkedin|email|print|share|google\+?"
)
SHARE_LINE = re.compile(rf"^(?:(?:{_SHARE_WORDS})[\s:،,|/\-–]*){{1,12}}$", re.I)
TAGS = re.compile(
    r"^(?:الوسوم|وسوم|الكلمات\s+(?:المفتاحيه|الداله|الدلاليه)|كلمات\s+مفتاحيه|tags)\s*[:：]", re.I
)
COMMENTS = re.compile(
    r"^(?:اضف|اضافه|اترك|اكتب)\s+(?:تعليق|تعليقا|تعليقك)"
    r"|^(?:التعليقات|تعليقات\s+الزوار|لا\s+توجد\s+تعليقات|تعليقات\s*\(\s*\d*\s*\))\s*[:：]?$"
    r"|^الاراء\s+الوارده\s+(?:ادناه|في\s+التعليقات)"
    r"|^ترحب\s+(?:شبكه|صحيفه|جريده)\s+\S+\s+بالنقاش"
)
SITE_UI = re.compile(
    r"^(?:زر\s+الذهاب\s+الي\s+الاعلي|الذهاب\s+الي\s+الاعلي|العوده\s+الي\s+الاعلي|الي\s+الاعلي"
    r"|اشترك\s+في\s+(?:النشره|القائمه)\S*|تابعونا\s+علي\s+.{0,40}|تابعنا\s+علي\s+.{0,40}"
    r"|حمل\s+تطبيق\s+.{0,40}|الصفحه\s+الرئيسيه|اغلاق|القائمه\s+الرئيسيه|next\s+previous"
    r"|وكاله\s+الانباء\s+السعوديه\s+تحييكم.*)\s*$",
    re.I,
)
TIMESTAMP = re.compile(
    r"^(?:تم\s+نشره|نشر\s+في|نشر\s+بتاريخ|تاريخ\s+النشر|اخر\s+تحديث|تم\s+التحديث|تاريخ\s+التحديث"
    r"|محدث|منذ\s+\d+\s+(?:دقيقه|دقائق|ساعه|ساعات|يوم|ايام))\b.{0,60}$"
)
COPYRIGHT = re.compile(r"(?:^|\s)(?:جميع\s+الحقوق\s+محفوظه|©|copyright)", re.I)
# news-wire control lines: "// انتهى //", "// يتبع //", "17:37 ت م", "NNNN"
WIRE_MARKER = re.compile(
    r"^(?:/\s?/\s?(?:انته+ي|يتبع)\s?/\s?/)?\s*(?:\d{1,2}:\d{2}\s?ت\s?م)?\s*(?:NNNN)?\s*$"
)
WIRE_TAIL = re.compile(
    r"\s*(?:/\s?/\s?(?:انته+ي|يتبع)\s?/\s?/\s*(?:\d{1,2}:\d{2}\s?ت\s?م)?|\d{1,2}:\d{2}\s?ت\s?م)"
    r"\s*(?:NNNN)?\s*$"
)
PHOTO_CREDIT = re.compile(r"^\(?\s*(?:تصوير|عدسه)\s*[:/]\s*[^)]{2,40}\)?$")
PHOTO_CREDIT_INLINE = re.compile(r"\s*\(\s*(?:تصوير|عدسه)\s*[:/]?\s*[^)]{2,40}\)")
# how to reach the writer: e-mail or handle lines, SMS codes, fax numbers
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_HANDLE = r"@[A-Za-z_]\w{2,}|[A-Za-z_]\w{2,}@"
CONTACT_LINE = re.compile(
    rf"^(?:(?:تويتر|twitter|t|ايميل|للتواصل|لمراسله\s+الكاتب|البريد\s+الالكتروني)\s*:?\s*)?"
    rf"(?:{_EMAIL}|{_HANDLE})(?:\s*(?:{_EMAIL}|{_HANDLE}))*$"
    rf"|^لمراسله\s+الكاتب\s*:",
    re.I,
)
CONTACT_FOOTER = re.compile(
    r"(?:^|\s)(?:للتواصل\s+(?:مع\s+الكاتب\s+)?(?:ارسل|ارسال)|للتواصل\s*\(?\s*فاكس|\(?\s*فاكس\s*:?\s*\d{6,})",
    re.I,
)
EMAIL_TAIL = re.compile(rf"\s*{_EMAIL}\s*$")
# "…المزيد" closing a teaser; "رابط الخبر بصحيفة الوئام: …"
MORE_TAIL = re.compile(r"\s*(?:\.{2,}\s?المزيد|المزيد\s?\.{2,})\s*$")
SOURCE_LINK = re.compile(
    r"(?:^|(?<=\s))رابط\s+(?:الخبر|المقال|الموضوع)\s+(?:ب|في\s+)?\S*\s*\S*\s*:.*$"
)
OTHER_ARTICLES = re.compile(r"(?:^|(?<=\s))مقالات\s+اخري\s+لل?كاتب.*$")
# a closing tag block "سمات التسجيل الإلكتروني لحجاج الداخل": no sentence punctuation
TAG_TAIL = re.compile(r"(?:^|(?<=[\s.!؟”\"»)]))(?:next\s+previous\s+)?سمات\s[^.،,:؛؟!]+$", re.I)
# "* خدمة «نيويورك تايمز»", "خاص بـ«الشرق الأوسط»"
SYNDICATION = re.compile(
    r"^\*?\s*(?:خدمه\s*:?\s*[«\"{](?P<service>[^»\"}]{2,40})[»\"}]|بالاتفاق\s+مع\s*[«\"{](?P<service2>[^»\"}]{2,40})[»\"}])"
    r"(?:\s*-?\s*خاص\s+ب\s*[«\"{][^»\"}]+[»\"}])?\s*\.?\s*$"
    r"|^خاص\s+ب\s*[«\"{][^»\"}]+[»\"}]\s*\.?\s*$"
)
STAR_BIO = re.compile(rf"^\*{{1,2}}\s?{WORD}(?:\s{WORD}){{0,11}}$")
AGENCY_ONLY = re.compile(rf"^[\s\-–—(«“\"]*(?P<agency>{AGENCY})[\s\-–—)»”\"]*[.:]?$", re.I)
AGENCY_TAIL = re.compile(
    rf"\s*(?:[(«“\"]\s*(?P<agency>{AGENCY})\s*[)»”\"]|[\-–—]\s*(?P<agency2>{AGENCY})"
    r"|(?<=[.\s])(?P<agency3>ا\s?\.?\s?ف\s?\.?\s?ب|د\s?\.?\s?ب\s?\.?\s?ا))\s*\.?$",
    re.I,
)

# --- bylines ---------------------------------------------------------------------------------
BYLINE = re.compile(
    r"^(?:بقلم|كتب|كتبت|حوار|اعداد|اعدته|تقرير|متابعه|متابعات|بواسطه|تحرير|ترجمه|رصد\s+وتصوير)"
    r"\s*[:：\-–—]?\s*(?P<name>\S.{0,60})$"
)
BYLINE_PREFIX = re.compile(
    r"^\s*(?:بقلم|كتب|كتبت|حوار|اعداد|بواسطه|تحرير|متابعه|by)\s*[:：\-–—]?\s*", re.I
)
BIO_START = re.compile(
    r"^(?:هو\s+|هي\s+)?(?:صحفي|صحفيه|صحافي|صحافيه|كاتب|كاتبه|محرر|محرره|مراسل|مراسله|اعلامي|اعلاميه"
    r"|باحث|باحثه|مدون|مدونه|مترجم|مترجمه|مذيع|مذيعه|روائي|روائيه|ناشط|ناشطه|خبير|خبيره)\b"
)
# Words that do not occur in a person's name: a short line holding one is not a byline.
# (Not على: normalised it is علي, the name Ali.)
NOT_IN_NAMES = frozenset(
    normalize(w)
    for w in (
        "من في إلى الى عن مع خلال أمس اليوم جانب سموه معاليه أثناء بين هذا هذه التي الذي"
        " تم قد لا لم لن ما كان يتوسط لقطة صورة الحضور المشاركين"
    ).split()
)
CAPTION_CUES = re.compile(r"^(?:جانب\s+من|سموه|معاليه|لقطه|صوره|يتوسط|خلال|اثناء)\b")
# SPA (واس) dateline: "الرياض 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس"
_HIJRI_MONTHS = (
    r"محرم|صفر|ربيع\s+الاول|ربيع\s+الثاني|ربيع\s+الاخر|جمادي\s+الاولي|جمادي\s+الاخره|جمادي\s+الثانيه"
    r"|رجب|شعبان|رمضان|شوال|ذو\s+القعده|ذو\s+الحجه|ذي\s+القعده|ذي\s+الحجه"
)
_GREG_MONTHS = (
    r"يناير|فبراير|مارس|ابريل|مايو|يونيو|يوليو|اغسطس|سبتمبر|اكتوبر|نوفمبر|ديسمبر"
    r"|كانون\s+الثاني|شباط|اذار|نيسان|ايار|حزيران|تموز|اب|ايلول|تشرين\s+الاول|تشرين\s+الثاني|كانون\s+الاول"
)
WIRE_DATELINE = re.compile(
    rf"^(?P<place>[^\d:]{{2,40}}?)\s?\d{{1,3}}\s?(?:{_HIJRI_MONTHS})\s?\d{{4}}\s?ه?\s?"
    rf"(?:ال|ل)?موافق\s?\d{{1,3}}\s?(?:{_GREG_MONTHS})\s?\d{{4}}\s?م?\s?\.?\s?(?P<agency>واس|{AGENCY})\s*[:\-–—]?\s*",
    re.I,
)
