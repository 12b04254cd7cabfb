"""The words that name events, by type, and the words around them that decide.

Forms are normalised (``normalize``: أ/إ/آ → ا, ة → ه, ى → ي, no diacritics) and written
without proclitics (و، ف، ب، ل، ك، ال): a token matches when one of its ``match_keys``
is in a set. Verbs are listed in the forms news uses (past and present, 3rd person,
masculine/feminine/plural, passive where it is spelt the same).
"""

from __future__ import annotations

from rasid.arabic import normalize


def _forms(spec: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in spec.split())


# Words that name a happening of a type without further context.
TRIGGERS: dict[str, frozenset[str]] = {
    "ATTACK": _forms(
        """
        قصف قصفت قصفوا يقصف تقصف يقصفون قصفا القصف
        غاره غارات غارتين الغاره الغارات
        ضربات الضربات ضربه الضربه
        استهدف استهدفت استهدفوا يستهدف تستهدف استهداف الاستهداف
        هجوم هجوما هجمات الهجوم الهجمات هجومين هاجم هاجمت هاجموا يهاجم تهاجم
        فجرت فجروا تفجير تفجيرات التفجير التفجيرات انفجار انفجارات الانفجار الانفجارات
        انفجرت انفجر
        اعتداء اعتداءات الاعتداء الاعتداءات اعتدي اعتدت اعتدوا
        اغتيال الاغتيال اغتال اغتالت اغتالوا
        تعدي التعدي تعديات مهاجمه استهدافه
        """
    ),
    "CLASH": _forms(
        """
        اشتباك اشتباكات الاشتباكات الاشتباك اشتبك اشتبكت اشتبكوا
        معارك المعارك قتال القتال اقتتال الاقتتال
        تصدي تصدت تصدوا يتصدي تتصدي التصدي صد صدت صدوا
        مواجهات المواجهات احباط
        """
    ),
    "SEIZE": _forms(
        """
        سيطر سيطرت سيطروا يسيطر تسيطر
        استولي استولت استولوا يستولي تستولي الاستيلاء
        حرر حررت حرروا تحرير
        استعاد استعادت استعادوا استعاده
        اقتحم اقتحمت اقتحموا يقتحم تقتحم اقتحام
        استرد استردت استردوا استرداد
        """
    ),
    "CASUALTIES": _forms(
        """
        قتل قتلت قتلوا يقتل تقتل مقتل قتيل قتيلا قتلي القتلي قتيلين
        استشهد استشهدت استشهدوا استشهاد شهيد شهيدا شهداء
        جرح جرحت جرحي الجرحي جريح جريحا جريحين
        اصيب اصيبت اصيبوا اصابه اصابات مصاب مصابا مصابين مصابون
        توفي توفيت وفاه وفيات الوفيات مصرع
        ضحايا الضحايا ضحيه
        اعدم اعدمت اعدام الاعدام اعدامات
        """
    ),
    "ARREST": _forms(
        """
        اعتقل اعتقلت اعتقلوا يعتقل تعتقل اعتقال اعتقالات الاعتقال
        القبض
        احتجز احتجزت احتجزوا احتجاز
        ضبط ضبطت ضبطوا يضبط تضبط
        توقيف ايقاف اوقف اوقفت اوقفوا
        صادرت مصادره
        """
    ),
    "TALKS": _forms(
        """
        محادثات المحادثات مفاوضات المفاوضات مباحثات المباحثات مشاورات المشاورات
        اجتماع اجتماعا الاجتماع اجتمع اجتمعت يجتمع تجتمع
        لقاء لقاءا اللقاء التقي التقت يلتقي تلتقي
        استقبل استقبلت يستقبل تستقبل
        زار زارت يزور تزور زياره الزياره زيارته زيارتها
        قمه القمه اجتماعات الاجتماعات لقاءات تفاوض التفاوض يتفاوض
        """
    ),
    "AGREEMENT": _forms(
        """
        توقيع التوقيع ابرم ابرمت ابرام تعاقد تعاقدت التعاقد
        """
    ),
    "DEMAND": _forms(
        """
        طالبت طالبوا يطالب تطالب يطالبون مطالبه مطالبا مطالبين
        دعا دعت دعوا يدعو تدعو دعوه
        ناشد ناشدت يناشد تناشد مناشده
        حث حثت يحث تحث
        اشترط اشترطت يشترط تشترط
        اوصي اوصت يوصي توصي اهاب اهابت يهيب تهيب
        داعيا داعيه مطالبه مطالبين
        """
    ),
    "PROTEST": _forms(
        """
        تظاهر تظاهرت تظاهروا يتظاهر يتظاهرون مظاهره مظاهرات المظاهرات تظاهره تظاهرات
        متظاهرين متظاهرون المتظاهرين المتظاهرون
        احتجاج احتجاجات الاحتجاجات احتجاجا احتج احتجت احتجوا محتجين محتجون المحتجين
        اعتصام اعتصامات اعتصم اعتصموا معتصمين المعتصمين
        اضراب اضرابات الاضراب اضرب اضربت اضربوا
        """
    ),
}

# Two-word triggers: (first word forms, second word forms) → type. The trigger span covers
# both words.
PHRASES: tuple[tuple[frozenset[str], frozenset[str], str], ...] = (
    (_forms("القي القت القوا يلقي تلقي"), _forms("القبض"), "ARREST"),
    (_forms("قبض قبضت"), _forms("علي"), "ARREST"),
    (_forms("لقي لقيت لقوا يلقي"), _forms("حتفه حتفها حتفهم مصرعه مصرعها مصرعهم"), "CASUALTIES"),
    (_forms("اتصال اتصالا اتصالات مكالمه"), _forms("هاتفي هاتفيا هاتفيه هاتفيين"), "TALKS"),
    (_forms("مذكره مذكرات"), _forms("تفاهم التفاهم"), "AGREEMENT"),
    (_forms("توصل توصلت توصلوا التوصل"), _forms("الي لاتفاق اتفاق"), "AGREEMENT"),
    (_forms("وقفه وقفات"), _forms("احتجاجيه احتجاجا"), "PROTEST"),
    (_forms("عمليه"), _forms("انتحاريه ارهابيه"), "ATTACK"),
    (_forms("فتح فتحت فتحوا"), _forms("النار"), "ATTACK"),
    (_forms("تبادل تبادلوا"), _forms("اطلاق النار"), "CLASH"),
    (_forms("اودي اودت"), _forms("بحياه"), "CASUALTIES"),
    (_forms("سلم سلمت"), _forms("نفسه نفسها انفسهم"), "ARREST"),
)

# A verb that names the event only with one of these nouns within a few words after it.
WITH_OBJECT: tuple[tuple[frozenset[str], frozenset[str], str], ...] = (
    # أطلق (صواريخ/النار/قذائف) — an attack; أطلق alone is "launched", "released".
    (
        _forms("اطلق اطلقت اطلقوا يطلق تطلق اطلاق"),
        _forms("صاروخ صاروخا صواريخ الصواريخ قذيفه قذائف القذائف النار الرصاص النيران رصاص"),
        "ATTACK",
    ),
    # وقّع (اتفاق/عقد) — signing; وقع alone is mostly "happened, fell".
    (
        _forms("وقع وقعت وقعوا يوقع توقع"),
        _forms("اتفاق اتفاقا اتفاقيه اتفاقيات عقد عقدا عقود مذكره بروتوكول ميثاق"),
        "AGREEMENT",
    ),
    # بحث (مع) — talks; بحث alone is research.
    (_forms("بحث بحثت يبحث تبحث"), _forms("مع"), "TALKS"),
    (_forms("خاض خاضت خاضوا يخوض تخوض"), _forms("حرب حربا الحرب معارك معركه"), "CLASH"),
    # احبط (هجوم/محاولة) — an attack repelled.
    (_forms("احبط احبطت احبطوا احباط"), _forms("هجوم هجوما هجمات محاوله محاولات"), "CLASH"),
    # طالب/طلب as verbs: "demanded that/of"; as nouns they are "student", "request".
    (_forms("طالب طلب طلبت"), _forms("ب بان بضروره من"), "DEMAND"),
)

# Ammunition and what attacks count.
UNITS = {
    **dict.fromkeys(_forms("صاروخ صاروخا صواريخ الصواريخ"), "missiles"),
    **dict.fromkeys(_forms("قذيفه قذائف القذائف"), "shells"),
    **dict.fromkeys(_forms("غاره غارات الغارات"), "raids"),
    **dict.fromkeys(
        _forms("مدينه مدن مدينتين مدينتان بلده بلدات بلدتين بلدتي مدينتي قريه قري قريتين"), "towns"
    ),
    **dict.fromkeys(_forms("كيلو كيلوغرام كجم كغ كيلوجرام طن اطنان"), "kg"),
    **dict.fromkeys(_forms("حبه حبات قرص اقراص"), "pills"),
}
DUAL_PLACES = {
    normalize(w): 2
    for w in "مدينتين مدينتي مدينتان بلدتين بلدتي بلدتان قريتين قريتي قريتان منطقتين منطقتي".split()
}

# A sentence with these words is about sport: match words are not events there.
SPORT_WORDS = _forms(
    """
    مباراه مباريات المباراه المباريات الدوري الشوط هدف اهداف الهدف المدرب لاعب اللاعب لاعبي
    اللاعبين الفريق فريق النادي نادي الملعب المنتخب بطوله البطوله كره الكره مهاجم حارس
    """
)
SPORT_SENSITIVE = _forms(
    """
    لقاء لقاءا اللقاء قمه القمه هجوم هجوما الهجوم هجمات الهجمات هاجم ضربه الضربه ضربات
    اصابه اصابات اصيب اصيبت مصاب مصابا مصابين معارك المعارك صد صدت تصدي التصدي
    ايقاف اوقف اوقفت توقيف مواجهات المواجهات
    """
)

# CASUALTIES words that need a violent or disaster context (إصابة, وفاة are also illness).
NEEDS_HARM_CONTEXT = _forms(
    "اصيب اصيبت اصيبوا اصابه اصابات مصاب مصابا مصابين مصابون توفي توفيت وفاه وفيات الوفيات"
    " ضحايا الضحايا ضحيه"
)
HARM_CONTEXT = _forms(
    """
    هجوم الهجوم انفجار الانفجار تفجير التفجير قصف القصف غاره غارات اطلاق النار رصاص
    الرصاص اشتباك اشتباكات حادث حادثه الحادث حوادث تصادم اصطدام انقلاب حريق الحريق
    سقوط قذيفه صاروخ الصاروخ معارك المعارك الضربات ضربات قتلي قتيل مقتل جرحي
    مروري المروري دهس غرق انهيار زلزال سيول
    """
)

# Nouns a demand is made for, after بهدف/شرط/من أجل inside a statement (the seed's
# "المحادثات بدأت بهدف وقف فوري لإطلاق النار").
DEMAND_GOALS = _forms("وقف انسحاب الافراج انهاء")
GOAL_MARKERS = _forms("بهدف هدف شرط بشرط تشترط يشترط اشترط مطالبه")

# Words before a trigger that negate it.
NEGATIONS = _forms("لم لن لا ما عدم دون بدون ليس")
# A noun trigger after these is an attempt or a plan, not a happening.
ATTEMPTS = _forms("محاوله محاولات محاولتها محاولته خطه خطط تهدد يهدد تهديد")

# Prepositions a place follows; nouns that head a place phrase.
PLACE_HEADS = _forms(
    """
    مدينه بلده قريه منطقه محافظه ولايه العاصمه مخيم حي اقليم مقاطعه جزيره شمال جنوب شرق غرب
    وسط ريف ضواحي محيط
    """
)
DIRECTIONS = _forms("شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي")
# Words between two places that make them siblings (two towns of one event).
COORDINATORS = _forms("و او وفي وكذلك كذلك في المنطقه المحيطه محيط")

# What a count of people is: these counted nouns are people.
PEOPLE_UNITS = _forms(
    """
    شخص اشخاص الاشخاص شخصا شخصين مدني مدنيين المدنيين مدنيا جندي جنود الجنود جنديا
    مسلح مسلحين مسلحا عنصر عناصر عنصرا قتيل قتيلا قتلي جريح جريحا جرحي مصاب مصابا مصابين
    طفل اطفال طفلا امراه نساء رجل رجال متهم متهمين متهما مطلوب مطلوبين مطلوبا ارهابي
    ارهابيين ارهابيا مواطن مواطنين مواطنا مقيم مقيمين وافد وافدين مخالف مخالفين مخالفا
    شرطي شرطيين عسكري عسكريين عسكريا ضابط ضباط ضابطا مهاجر مهاجرين لاجئ لاجئين معتقل معتقلين
    """
)

# Words before a place that make it where something happened.
LOCATIVES = _forms(
    """
    في داخل قرب بالقرب حدود الحدود محيط ضواحي اطراف مشارف شمال جنوب شرق غرب وسط مدينه
    بلده قريه العاصمه محافظه منطقه ولايه اقليم مخيم حي الي نحو باتجاه تجاه علي
    شهد شهدت شهدها شهده شهدتها
    """
)
# وقف إطلاق النار: a ceasefire, not an attack.
CEASEFIRE = _forms("وقف هدنه لوقف بوقف")

# Noun forms among the triggers (a definite one may refer back to an earlier happening).
NOUN_TRIGGERS = _forms(
    """
    قصف غاره غارات ضربه ضربات هجوم هجمات تفجير تفجيرات انفجار انفجارات اعتداء اعتداءات
    اغتيال اشتباك اشتباكات معارك قتال اقتتال استيلاء تحرير اقتحام مقتل قتلي اعتقال
    اعتقالات احتجاز محادثات مفاوضات مباحثات مشاورات اجتماع لقاء زياره قمه توقيع اتفاق
    اتفاقيه مظاهره مظاهرات احتجاج احتجاجات اعتصام اضراب
    """
)

# Nouns that head a place phrase the tagger may not know (``حي الروضة``, ``مسجد الحسين``,
# ``مديرية موجرين``), by how specific the place is.
FACILITY_HEADS = _forms(
    """
    مسجد جامع قاعده مطار ميناء سجن مستشفي جامعه معسكر حاجز نقطه ساحه ميدان قصر مبني مقر
    فندق مدرسه كنيسه شارع جسر معبر محطه مصفاه مخفر ثكنه مجمع
    """
)
TOWN_HEADS = _forms(
    "مدينه بلده قريه حي مخيم ضاحيه جبل مديريه مدن بلدات قري احياء حيي مدينتي بلدتي قريتي"
)
REGION_HEADS = _forms(
    "منطقه محافظه ولايه اقليم مقاطعه جزيره ريف ضواحي منطقتي منطقتين مناطق محافظات"
)
# Words that end a place name.
NAME_STOPS = _forms(
    """
    الواقع الواقعه المقام المقامه التابع التابعه تابع تابعه الخاص الخاصه الجديد الجديده
    القريب القريبه المجاور المجاوره الكائن الكائنه المعروف المعروفه المحيط المحيطه
    صباح مساء فجر ظهر ليل ليله عصر يوم الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت
    هي هو هم الاخري الاخر الاخرين ذكر قال اكد
    في من الي علي عن مع الذي التي الذين بعد قبل حيث خلال منذ عند حتي ضد بين او ثم كما
    لكن اثر جراء نتيجه بسبب وسط اليوم امس قد لقد وقد ان انه انها هذا هذه ذلك تلك
    """
)

# CASUALTIES words for the wounded (the others are deaths).
WOUNDED = _forms(
    """
    جرح جرحت جرحي الجرحي جريح جريحا جريحين اصيب اصيبت اصيبوا اصابه اصابات مصاب مصابا
    مصابين مصابون
    """
)

# Plural and dual place nouns: the names after them are places of their own.
PLURAL_HEADS = _forms(
    "منطقتي منطقتين مناطق احياء حيي مدن مدينتي بلدات بلدتي قري قريتي محافظات مدينتين بلدتين"
)

# Meeting nouns: talks only when the other party is named (``اجتماع مع``, ``لقاء بين``).
MEETING_NOUNS = _forms(
    """
    اجتماع اجتماعا الاجتماع اجتماعات الاجتماعات لقاء لقاءا اللقاء لقاءات تفاوض التفاوض
    زياره الزياره
    """
)

# Every word that may open a trigger (a fast first test for a token or a sentence).
STARTERS = frozenset().union(
    *TRIGGERS.values(),
    *(first for first, _, _ in PHRASES),
    *(verb for verb, _, _ in WITH_OBJECT),
    GOAL_MARKERS,
)

# Imperfective verbs: habitual, generic or planned (يستهدف الإرهابيون رجال الأمن) unless the
# sentence gives a time.
IMPERFECTIVE = _forms(
    """
    يقصف تقصف يقصفون يستهدف تستهدف يستهدفون يهاجم تهاجم يهاجمون يسيطر تسيطر يستولي تستولي
    يقتحم تقتحم يقتل تقتل يعتقل تعتقل يعتقلون يضبط تضبط يجتمع تجتمع يلتقي تلتقي يستقبل
    تستقبل يزور تزور يوقع توقع يتظاهر يتظاهرون يتفاوض يتصدي تتصدي يبحث تبحث
    """
)

# Visits: talks when the visited party or place is named right after.
VISIT_NOUNS = _forms("زياره الزياره")
