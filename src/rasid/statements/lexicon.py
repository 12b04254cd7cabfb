"""The words that mark reported speech in Arabic news, in normalised form
(:func:`rasid.arabic.normalize`: alef forms → ا, ى → ي, ة → ه, ؤ → و, ئ → ي).

Verbs are listed by their perfect and imperfect stems; :func:`_conjugate` spells out the
third-person forms news uses (قال قالت قالوا قالا يقول تقول يقولون). Every form is also
matched after a conjunction (و، ف) — the tokenizer's prefix split is not relied on,
because it is deliberately conservative.
"""

from __future__ import annotations

# (perfect 3ms, imperfect 3ms without its prefix letter) — normalised.
_SPEECH_VERBS: dict[str, tuple[str, str]] = {
    "say": ("قال", "قول"),
    "confirm": ("اكد", "وكد"),
    "clarify": ("اوضح", "وضح"),
    "add": ("اضاف", "ضيف"),
    "announce": ("اعلن", "علن"),
    "indicate": ("اشار", "شير"),
    "mention": ("ذكر", "ذكر"),
    "declare": ("صرح", "صرح"),
    "reveal": ("كشف", "كشف"),
    "warn": ("حذر", "حذر"),
    "consider": ("اعتبر", "عتبر"),
    "stress": ("شدد", "شدد"),
    "note": ("لفت", "لفت"),
    "report": ("افاد", "فيد"),
    "continue": ("تابع", "تابع"),
    "resume": ("اردف", "ردف"),
    "claim": ("زعم", "زعم"),
    "allege": ("ادعي", "دعي"),
    "see": ("راي", "ري"),
    "expect": ("توقع", "توقع"),
    "admit": ("اعترف", "عترف"),
    "acknowledge": ("اقر", "قر"),
    "inform": ("ابلغ", "بلغ"),
    "relay": ("نقل", "نقل"),
    "express": ("اعرب", "عرب"),
    "point": ("نوه", "نوه"),
    "explain": ("بين", "بين"),
    "answer": ("اجاب", "جيب"),
    "reply": ("رد", "رد"),
    "deem": ("رجح", "رجح"),
    "tell": ("روي", "روي"),
    "cite": ("اورد", "ورد"),
    "show": ("ابان", "بين"),
    "highlight": ("ابرز", "برز"),
    "alert": ("نبه", "نبه"),
    "write": ("كتب", "كتب"),
    "learn": ("علم", "علم"),  # علمت «الرياضي» من مصادر أن: the sources speak
    "find": ("اظهر", "ظهر"),  # أظهرت دراسة أن: a study's findings
    "conclude2": ("خلص", "خلص"),  # خلص الباحثون إلى أن
    "describe": ("وصف", "صف"),  # وصف X القانون بأنه: the words after بأن are X's
}

# Verbs whose bare masculine perfect is too ambiguous to be a cue on its own
# (بين "between", رد "reply/answer" as a noun, روي): only their other forms count.
_NO_BARE_PERFECT = frozenset({"explain", "reply", "tell", "see"})
# Forms that are a verb of saying only after a conjunction: تابع alone is mostly the
# adjective "affiliated to"; وتابع/فتابع say "he went on".
ONLY_AFTER_CONJUNCTION = frozenset({"تابع"})
# Verbs whose imperfect is mostly another verb (يبلغ "amounts to", يدعى "is called",
# يبين/يبرز "shows" of things, يكتب): only their perfect forms count.
_NO_IMPERFECT = frozenset(
    {
        "inform",
        "allege",
        "show",
        "highlight",
        "write",
        "cite",
        "tell",
        "consider",
        "learn",
        "find",
        "conclude2",
    }
)
# Verbs whose subject only passes the words on: the speaker is the source after عن/من.
RELAY_VERBS = {"relay": "عن", "learn": "من"}

_DENIAL_VERBS: dict[str, tuple[str, str]] = {
    "deny": ("نفي", "نفي"),
    "refute": ("دحض", "دحض"),
    "disavow": ("انكر", "نكر"),
}


def _conjugate(perfect: str, imperfect: str) -> set[str]:
    """Third-person forms: perfect ms/fs/mp/dual, imperfect ms/fs/mp/fp."""
    forms = {perfect, perfect + "ت", perfect + "وا", perfect + "ا", perfect + "تا"}
    if perfect.endswith("ي"):  # نفى: نفت، نفوا
        stem = perfect[:-1]
        forms |= {stem + "ت", stem + "وا", stem + "يا", stem + "تا"}
    if perfect == "راي":  # رأى: رأت، رأوا
        forms |= {"رات", "راوا"}
    forms |= {"ي" + imperfect, "ت" + imperfect, "ي" + imperfect + "ون", "ي" + imperfect + "ان"}
    if imperfect.endswith("ي"):  # ينفي → ينفون
        forms |= {"ي" + imperfect[:-1] + "ون"}
    return forms


def _table(verbs: dict[str, tuple[str, str]]) -> dict[str, str]:
    table: dict[str, str] = {}
    for name, (perfect, imperfect) in verbs.items():
        for form in _conjugate(perfect, imperfect):
            if name in _NO_BARE_PERFECT and form == perfect:
                continue
            if name in _NO_IMPERFECT and form[:1] in ("ي", "ت") and not form.startswith(perfect):
                continue
            table[form] = name
    return table


SPEECH_VERBS: dict[str, str] = _table(_SPEECH_VERBS)
DENIAL_VERBS: dict[str, str] = _table(_DENIAL_VERBS) | {"كذبت": "deny", "كذبوا": "deny"}
# Narration formulas: a passive "it is mentioned that" has no source.
NARRATION = frozenset({"يذكر", "يشار", "يلاحظ", "يعرف", "يتوقع", "تبين", "اتضح", "يبدو"})

# Participles that continue the current speaker's words (مضيفاً أن، مشيرة إلى أن).
_PARTICIPLE_STEMS = {
    "مضيف": "add",
    "مشير": "indicate",
    "لافت": "note",
    "موكد": "confirm",
    "موضح": "clarify",
    "معتبر": "consider",
    "محذر": "warn",
    "منوه": "point",
    "مبين": "explain",
    "مشدد": "stress",
    "كاشف": "reveal",
    "معرب": "express",
    "مردف": "resume",
    "متابع": "continue",
    "معلن": "announce",
    "قايل": "say",
    "مستدرك": "resume",
    "مرجح": "deem",
    "متوقع": "expect",
    "زاعم": "claim",
    "مدعي": "allege",
    "مفيد": "report",
    "منبه": "alert",
    "مبرز": "highlight",
    "كاتب": "write",
    "ناف": "deny",
    "نافي": "deny",
}
PARTICIPLES: dict[str, str] = {}
for _stem, _name in _PARTICIPLE_STEMS.items():
    for _ending in ("ا", "ه", "ين", "ان", "تين", "تان", ""):
        if _ending == "" and _stem not in ("ناف",):
            continue
        PARTICIPLES[_stem + _ending] = _name
PARTICIPLES.pop("مفيده", None)  # مفيدة "useful"
PARTICIPLES.pop("مفيدا", None)
PARTICIPLES.pop("مبينه", None)  # مبيّنة "shown" (adjective) is far more common

# Complementisers: إن/أن with an attached pronoun; بأن; the preposition before أن is a
# separate token (إلى أن، على أن، من أن، عن أن، في أن).
_PRONOUNS = ("", "ه", "ها", "هم", "هما", "هن", "نا", "ني", "ي", "كم")
COMPLEMENTIZERS = frozenset(p + "ان" + s for p in ("", "ب", "ف") for s in _PRONOUNS)
PREPOSITIONS_BEFORE_THAT = frozenset({"الي", "علي", "من", "عن", "في"})

# "... قوله/قولها إن" after a relay (نقلت X عن Y قولها إن).
SAYING_NOUNS = frozenset(
    {
        "قوله",
        "قولها",
        "قولهم",
        "قولهما",
        "تاكيده",
        "تاكيدها",
        "تصريحه",
        "تصريحها",
        "القول",
        "بالقول",
    }
)

# Verbal nouns that carry a speech act after another verb (اكتفت المصادر بالقول إن،
# وختم الحزب بيانه بالإشارة إلى أن).
SAYING_MASDARS = frozenset({"بالقول", "بالاشاره", "بالتاكيد", "بالتشديد", "بالتنويه"})

# Verbs that only carry another (ومضى يقول "went on to say", عاد ليؤكد).
AUXILIARIES = frozenset({"مضي", "عاد", "راح", "اخذ", "ظل", "استمر", "بدا", "واصل"})

# Words before أن that make it the subjunctive "to/that" of a purpose, time or necessity
# (قبل أن، ضرورة أن، يجب أن), not the complementiser of reported speech.
NOT_REPORTIVE = frozenset(
    """
    قبل بعد منذ ضروره بضروره اهميه باهميه اجل لاجل يجب يمكن ينبغي بد لابد حين ريثما دون
    بدل مقابل عوض يريد تريد يريدون امل امله املها يامل تامل يرجو ترجو عسي يستطيع تستطيع
    بامكان بامكانه استطاع حاول تحاول يحاول خشيه مخافه
    """.split()
)

# Attribution phrases, as token sequences (normalised, conjunction stripped).
ATTRIBUTIONS: tuple[tuple[str, ...], ...] = (
    ("بحسب",),
    ("حسب",),
    ("وفقا", "ل"),
    ("وفقا", "لما"),
    ("طبقا", "ل"),
    ("طبقا", "لما"),
    ("نقلا", "عن"),
    ("استنادا", "الي"),
    ("حسبما",),
    ("حسب", "ما"),
    ("بحسب", "ما"),
    ("بحسبما",),
    ("وفق", "ما"),
    ("وفقما",),
    ("طبقا", "لما"),
)
# Attributions made of "as" + a verb of saying: حسبما أفاد X، كما قالت X، وفق ما صرح به X.
ATTRIBUTION_VERB_LEADS = frozenset({"حسبما", "بحسبما", "كما", "ما", "لما", "وفقما"})
# Attached forms: وفقاً لوزارة، طبقاً للبيان (the ل is glued to the noun).
ATTRIBUTION_GLUED = frozenset({"وفقا", "طبقا"})

# Nouns that make a phrase a source (for بحسب/حسب, which also mean "as needed").
SOURCE_HEADS = frozenset(
    """
    مصدر مصادر مسوول مسوولون مسوولين مسوولي شاهد شهود مراسل مراسلو مراقب مراقبون محلل
    محللون خبير خبراء ناشط ناشطون ناشطين سكان مواطنون متحدث متحدثه ناطق وكاله صحيفه قناه
    موقع تلفزيون اذاعه بيان بيانات تقرير تقارير دراسه احصاييه احصاييات احصاءات ارقام وثيقه
    رساله وزاره هييه سلطات حكومه جيش شرطه قوات مكتب مديريه اداره لجنه مجلس منظمه مركز
    مرصد الجيش وسايل اعلام مصلحه جهاز جهات جهه رييس وزير امين مدير قايد مستشار سفير
    نايب محافظ امير ملك ولي خارجيه داخليه وثايق وثيقه حزب حركه نادي جمعيه شركه منظمه
    اتحاد نقابه جبهه تحالف جماعه تنظيم
    """.split()
)

# Speaker heads that make an unnamed source anonymous when no name follows.
ANONYMOUS_HEADS = frozenset(
    """
    مصدر مصادر مسوول مسوولون مسوولين مسوولو شاهد شهود مراقب مراقبون محلل محللون خبير
    خبراء دبلوماسي دبلوماسيون دبلوماسيين ناشط ناشطون ناشطين سكان مواطن مواطنون مقرب مقربون
    عضو اعضاء موظف موظفون ضابط ضباط جندي جنود طبيب اطباء شخص اشخاص مسعف مسعفون عدد
    مختص مختصون مختصين متخصص متخصصون متخصصين اهالي
    """.split()
)

# Heads of a document source (kind "document").
DOCUMENT_HEADS = frozenset(
    """
    بيان البيان تقرير التقرير تقارير دراسه الدراسه احصاييه احصاييات احصاءات وثيقه رساله
    مذكره تعميم قرار نشره دليل مرسوم المرسوم
    """.split()
)

# Heads of a media source (kind "media").
MEDIA_HEADS = frozenset(
    """
    وكاله صحيفه قناه موقع تلفزيون اذاعه مجله شبكه جريده وسايل صحف وكالات التلفزيون
    """.split()
)

# Heads of non-state bodies (kind "organisation").
ORGANISATION_HEADS = frozenset(
    """
    حزب الحزب حركه الحركه نادي النادي جمعيه الجمعيه شركه الشركه منظمه المنظمه اتحاد الاتحاد
    نقابه النقابه جبهه الجبهه تحالف ايتلاف الايتلاف جماعه الجماعه تنظيم التنظيم مجموعه
    المجموعه موسسه الموسسه جامعه الجامعه بنك البنك هيئه رابطه الرابطه غرفه الغرفه
    مجمع المجمع
    """.split()
)

# Heads of government bodies (kind "government").
GOVERNMENT_HEADS = frozenset(
    """
    وزاره هييه سلطات السلطات حكومه الحكومه جيش الجيش شرطه الشرطه قوات القوات مكتب
    مديريه اداره رياسه الرياسه امانه محافظه ماموريه دفاع الدفاع المدني البيت الكرملين
    البنتاغون الخارجيه الداخليه الوزاره الديوان ديوان مجلس المجلس النيابه نيابه محكمه
    المحكمه وحده قياده القياده التحالف خليه الخليه
    """.split()
)

# Person titles and roles (kind "person" when a speaker phrase starts with one).
PERSON_HEADS = frozenset(
    """
    رييس وزير نايب متحدث متحدثه ناطق ناطقه مدير مديره امين سفير مستشار قايد محافظ امير
    ملك ولي الشيخ شيخ الدكتور دكتور د اللواء لواء العميد عميد العقيد عقيد الفريق فريق
    المهندس مهندس الاستاذ استاذ رييسه عضو مساعد وكيل مندوب المبعوث مبعوث زعيم نجم لاعب
    مدرب الكاتب كاتب النايب القاضي قاضي الامام امام المفتي مفتي البابا بابا الجنرال جنرال
    المقدم مقدم الرايد رايد النقيب نقيب الملازم ملازم الامير الملك الرييس الوزير المتحدث
    المتحدثه الناطق المدير الامين السفير المستشار القايد المحافظ المبعوث المندوب الزعيم
    المدرب اللاعب المسوول المسووله الباحث باحث المحلل الخبير الاعلامي اعلامي الصحفي صحفي
    السيد السيده القيادي قيادي الناشط ناشط المحامي محامي النايب الرييسه الوكيل المساعد
    المنسق منسق الممثل ممثل المراسل المتهم متهم المشرف مشرف
    """.split()
)

# Honorific pronouns that stand for a person named earlier (سموه "His Highness").
HONORIFIC_PRONOUNS = frozenset(
    """
    سموه سموها معاليه معاليها فضيلته سعادته سعادتها جلالته فخامته دولته فضيلتها
    """.split()
)

# Words after which a speaker phrase cannot go on (adjuncts of the speech act).
SPEAKER_STOPS = frozenset(
    """
    في خلال امس اليوم مساء صباح ظهر عبر علي عن اثر عقب بعد قبل لدي امام اثناء ضمن منذ
    حيث كما الي لقناه لوكاله لصحيفه لموقع لتلفزيون لاذاعه لمجله لشبكه لجريده لوسايل له لها به بها بهم
    لهم لنا الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت يوم ليل ليله امسيه نهار
    الثلاثاء اليوم، مؤخرا موخرا ايضا كذلك بدوره بدورها مجددا اخيرا سابقا لاحقا صراحه
    قبيل بعيد عشيه غداه بشكل بصوره تعليقا ردا تعقيبا وفقا طبقا بحسب حسب نقلا للغه باللغه
    """.split()
)

RELATIVE_PRONOUNS = frozenset({"الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين"})

# Words saying a document was issued by a body (البيان الختامي المنبثق عن الهيئة، في بيان
# صادر اليوم عن رئاسة الجمهورية): the body after عن speaks.
ISSUED = frozenset(
    """
    صادر الصادر صادره الصادره الصادرين صدر صدرت المنبثق المنبثقه منبثق منبثقه
    """.split()
)

# Relay markers inside a cue's window.
INTERVIEW_NOUNS = frozenset(
    {"تصريح", "تصريحات", "حديث", "مقابله", "لقاء", "حوار", "اتصال", "تصريحه", "تصريحها"}
)
PLATFORMS = frozenset(
    "تويتر توتير فيسبوك فيس انستغرام انستجرام تلغرام تيليغرام يوتيوب سناب اكس".split()
)
LATIN_PLATFORMS = frozenset({"twitter", "facebook", "x", "instagram", "telegram", "youtube"})
TRANSLATION_NOUNS = frozenset({"ترجمه", "ترجمتها", "ترجمته"})

# Words that stop a content clause when a new speech act starts after them.
CLAUSE_BREAKS = frozenset({"فيما", "بينما", "وفيما", "وبينما"})
# Verbs that make فيما a hedge inside the content (فيما يبدو "as it seems"), not "while".
HEDGE_VERBS = frozenset({"يبدو", "يظهر", "يبدوا"})


def hedge_at(norms: list[str], j: int) -> bool:
    """Whether the word at ``j`` makes the فيما before it a hedge (فيما يبدو)."""
    return j < len(norms) and norms[j] in HEDGE_VERBS


# Contrast words after which another speaker may take over (إلا أن X أشار …).
CONTRAST = frozenset({"الا", "لكن", "ولكن", "غير"})

# Anaphoric contents of a denial: "نفت أوكرانيا ذلك".
ANAPHORA = frozenset(
    """
    ذلك هذا هذه تلك الامر الخبر الانباء الاخبار التقارير الادعاءات المزاعم الاتهامات
    صحه
    """.split()
)

# Words before a masdar نفي (رفضت … نفي أو تأكيد): the noun "denial", not the verb.
DENIAL_NOUN_GOVERNORS = frozenset(
    {"رفض", "رفضت", "رفضوا", "امتنع", "امتنعت", "عن", "في", "من", "الي", "علي", "او"}
)

# Arabic names of outlets (normalised), so that an interview given to the publishing
# outlet itself (قال لـ«عكاظ» in an Okaz article) is not taken for a relay. Keyed by the
# corpus codes and web hosts rasid sees.
OUTLET_NAMES: dict[str, tuple[str, ...]] = {
    "okaz": ("عكاظ",),
    "alriyadh": ("الرياض",),
    "aljazirah": ("الجزيره",),
    "alyaum": ("اليوم",),
    "aleqtisadiya": ("الاقتصاديه",),
    "aawsat": ("الشرق الاوسط",),
    "alwatan": ("الوطن",),
    "almadina": ("المدينه",),
    "alweeam": ("الويام",),
    "3alyoum": ("عين اليوم",),
    "sabq": ("سبق",),
    "was": ("واس", "وكاله الانباء السعوديه"),
    "spa": ("واس", "وكاله الانباء السعوديه"),
    "arreyadi": ("الرياضي",),
    "arriyadiyah": ("الرياضيه",),
    "jawharafm": ("جوهره", "جوهره اف ام", "الجوهره"),
    "almowaten": ("المواطن",),
}
