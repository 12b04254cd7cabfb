"""Statement rules on short texts of our own writing, one construction each."""

from __future__ import annotations

import pytest

from rasid import read_text
from rasid.pipeline import analyze_article
from rasid.schema import Statement


def statements(text: str, source: str | None = None) -> list[Statement]:
    analysis = analyze_article(read_text(text, source=source, published="2022-02-28"))
    return [s for s in analysis.statements if isinstance(s, Statement)]


def test_nested_report_is_two_statements_with_the_outer_speaker_as_relay():
    found = statements(
        "أكد الشابي أن الشاهد أوضح أن الحرب على الفساد ستستمر، "
        "في تصريح لوكالة تونس افريقيا للأنباء."
    )
    outer, inner = found
    assert (outer.speaker.text, inner.speaker.text) == ("الشابي", "الشاهد")
    assert outer.content.text == "الشاهد أوضح أن الحرب على الفساد ستستمر"
    assert inner.content.text == "الحرب على الفساد ستستمر"
    assert [v.text for v in outer.via] == ["وكالة تونس افريقيا للأنباء"]
    assert [v.text for v in inner.via] == ["الشابي", "وكالة تونس افريقيا للأنباء"]


def test_an_interview_to_the_publisher_is_not_a_relay_but_to_an_agency_is():
    own = statements("وقال وزير الصحة لـ«عكاظ» إن المستشفى سيفتتح قريبا.", source="okaz")
    other = statements("وقال وزير الصحة لوكالة الصحافة الفرنسية إن المستشفى سيفتتح قريبا.")
    assert own[0].via == ()
    assert [(v.text, v.kind) for v in other[0].via] == [("وكالة الصحافة الفرنسية", "media")]
    assert own[0].content.text == other[0].content.text == "المستشفى سيفتتح قريبا"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("وقالت مصادر مطلعة إن الاجتماع تأجل إلى الأسبوع المقبل.", "مصادر مطلعة"),
        ("وقتل خمسة أشخاص في الانفجار، بحسب شهود عيان.", "شهود عيان"),
    ],
)
def test_anonymous_sources(text, speaker):
    (found,) = statements(text)
    assert found.speaker.text == speaker
    assert found.speaker.anonymous and found.speaker.kind == "anonymous"


def test_attribution_content_is_the_clause_without_the_phrase():
    (found,) = statements("وقتل خمسة أشخاص في الانفجار، بحسب شهود عيان.")
    assert found.cue.text == "بحسب"
    assert "بحسب" not in found.content.text and "قتل خمسة أشخاص" in found.content.text


def test_relay_through_a_paper_citing_sources():
    (found,) = statements("وذكرت صحيفة «الحياة» نقلا عن مصادر دبلوماسية أن المفاوضات توقفت.")
    assert found.speaker.text == "مصادر دبلوماسية"
    assert [v.text for v in found.via] == ["صحيفة «الحياة»"]
    assert found.content.text == "المفاوضات توقفت"


def test_denial_with_a_clause():
    (found,) = statements("ونفت الوزارة أن تكون قد تلقت أي طلب رسمي.")
    assert found.stance == "deny" and found.speaker.text == "الوزارة"
    assert found.content.text == "تكون قد تلقت أي طلب رسمي"


def test_narration_and_noun_objects_are_not_statements():
    assert statements("ويذكر أن الوزارة افتتحت المستشفى العام الماضي.") == []
    assert statements("وأكد الوزير على أهمية التعاون بين البلدين.") == []
    assert statements("ورفضت الوزارة نفي أو تأكيد الأنباء.") == []


def test_a_continuation_keeps_the_speaker():
    found = statements(
        "وقال رئيس البلدية أحمد سالم إن الطريق سيفتتح غدا، مضيفا أن العمل استمر عامين."
    )
    assert [s.cue.text for s in found] == ["قال", "مضيفا"]
    assert found[0].speaker == found[1].speaker
    assert found[0].content.text == "الطريق سيفتتح غدا"


def test_a_quote_before_its_verb():
    (found,) = statements("«سنعود إلى طاولة المفاوضات قريبا»، قال المتحدث باسم الحكومة.")
    assert found.direct and found.content.text == "سنعود إلى طاولة المفاوضات قريبا"
    assert found.speaker.text == "المتحدث باسم الحكومة"


def test_denial_and_confirmation_point_at_the_claim():
    found = statements(
        "وقالت وكالة الأنباء الرسمية إن الجيش سيطر على المدينة. "
        "ونفى المتحدث باسم المعارضة ذلك. وأكدت مصادر محلية صحة الأنباء."
    )
    claim, denial, confirmation = found
    assert denial.stance == "deny" and denial.refers_to == 0
    assert confirmation.stance == "assert" and confirmation.refers_to == 0
    assert confirmation.content.text == "صحة الأنباء"
    assert claim.refers_to is None


def test_a_role_resolves_to_the_person_named_with_it_before():
    found = statements(
        "أوباما في كينيا\n\n"
        "وسيبحث أوباما مع نظيره الكيني أوهورو كينياتا قضايا مرتبطة بالإرهاب والاقتصاد.\n\n"
        "وصرح الرئيس الكيني قبيل الزيارة أن البلاد تنتظر هذا اليوم بفارغ الصبر."
    )
    (kenyan,) = [s for s in found if "تنتظر" in s.content.text]
    assert kenyan.speaker.text == "أوهورو كينياتا"


def test_a_demonym_before_a_name_is_no_part_of_it():
    analysis = analyze_article(
        read_text("وسيبحث أوباما مع نظيره الكيني أوهورو كينياتا قضايا الإرهاب والاقتصاد.")
    )
    people = [e.text for e in analysis.entities if e.label == "PER"]
    assert "أوهورو كينياتا" in people and not any(p.startswith("الكيني") for p in people)


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "أظهرت دراسة جديدة أن ممارسة الرياضة في الصغر تقلل خطر الأمراض.",
            "دراسة جديدة",
            "ممارسة الرياضة في الصغر تقلل خطر الأمراض",
        ),
        (
            "ووصف رئيس الحزب محمد الحامدي القانون بأنه محاولة لتبييض الفساد.",
            "محمد الحامدي",
            "محاولة لتبييض الفساد",
        ),
    ],
)
def test_findings_and_descriptions_are_statements(text, speaker, content):
    (found,) = statements(text)
    assert (found.speaker.text, found.content.text) == (speaker, content)


def test_a_hedge_does_not_end_the_content():
    (found,) = statements("وأكدت الصحيفة أن الهجمات الأخيرة فيما يبدو موجهة ضد السلطات الأمنية.")
    assert found.content.text == "الهجمات الأخيرة فيما يبدو موجهة ضد السلطات الأمنية"


def test_a_statement_speaks_for_the_body_that_issued_it():
    found = statements(
        "روسيا تندد بالهجوم\n\n"
        "ونددت روسيا بقوة، في بيان صادر اليوم السبت عن وزارة الخارجية الروسية، "
        "بالهجوم على السفارة.\n\n"
        "واعتبر البيان أن الهجوم يهدد العلاقات بين البلدين."
    )
    (s,) = found
    assert s.speaker.text == "وزارة الخارجية الروسية"


def test_a_verb_of_saying_with_a_noun_object_is_no_statement():
    assert statements("الوزارة والتعاون\n\nوأكدت الوزارة أهمية التعاون بين الجهات.") == []
    (confirmed,) = statements("الوزارة والأنباء\n\nوأكد الوزير صحة الأنباء.")
    assert confirmed.content.text.startswith("صحة")


def test_a_participle_goes_with_the_person_its_sentence_names():
    found = statements(
        "أسواق الذهب\n\n"
        "وقال التاجر عبدالله الجهن إن الأسعار ارتفعت كثيرا هذا العام.\n\n"
        "ويتفق رئيس لجنة الذهب في غرفة الشرقية عبدالغني المهنا على أن أسواق الذهب "
        "تمر بمرحلة خطرة، لافتا إلى أن بعض الوافدين يمتهن البيع."
    )
    (last,) = [s for s in found if "الوافدين" in s.content.text]
    assert last.speaker.text == "عبدالغني المهنا"


@pytest.mark.parametrize(
    ("text", "speaker", "content", "direct"),
    [
        (  # a participle with no comma before it, then إلى أن
            "ويضيف علي قاسم أن هناك آلاف المحلات وأن السعر لا يزيد كثيرا بسبب المصنعية "
            "مشيرا إلى أن الزبون يعرف أنه يشتري أغلى السلع في العالم.",
            "قاسم",
            "الزبون يعرف أنه يشتري أغلى السلع في العالم",
            False,
        ),
        (  # a colon, then إن: indirect speech
            "وتناول محمد الشنبري الإشارات الضوئية قصيرة الأعمدة قائلا: إنها إشارات للمشاة.",
            "محمد الشنبري",
            "إشارات للمشاة",
            False,
        ),
        (  # a quoted slogan among the adjuncts is no content
            "وقال الحامدي، في تصريح لإذاعة محلية، على هامش اجتماع نظمه الحزب تحت شعار "
            '"تونس ضد الفساد"، اليوم السبت، إن جزءا من المنظومة الحاكمة يعمل للوبيات الفساد.',
            "الحامدي",
            "جزءا من المنظومة الحاكمة يعمل للوبيات الفساد",
            False,
        ),
        (  # an attribution opening its sentence, then فإن
            "وبحسب القضاء الاميركي، فان دافيدسون وشركته دفعا أكثر من سبعة ملايين دولار.",
            "القضاء الاميركي",
            "دافيدسون وشركته دفعا أكثر من سبعة ملايين دولار",
            False,
        ),
        (  # the same with a relative clause about the source before فإن
            "وحسب الجزء الثاني من وثائق بنما، التي نشرت أمس الاثنين، فإن الملك أودع "
            "80 مليون دولار لدعم الحملة.",
            "الجزء الثاني",
            "الملك أودع 80 مليون دولار لدعم الحملة",
            False,
        ),
        (  # a relative clause about the speaker, then the verb's own إلى أن
            "وخلص الباحثون الذين عكفوا على تحليل البيانات إلى أن النشاط له تأثير إيجابي.",
            "الباحثون",
            "النشاط له تأثير إيجابي",
            False,
        ),
    ],
)
def test_contents_found_past_adjuncts(text, speaker, content, direct):
    found = statements("عنوان الخبر\n\n" + text)
    (s,) = [s for s in found if s.content.text == content]
    assert (s.speaker.text, s.direct) == (speaker, direct)


def test_verbal_nouns_and_a_sentence_opening_bayyana_are_cues():
    (masdar,) = statements("عنوان\n\nوختم الحزب بيانه بالإشارة إلى أن الحكم يبقى حكما ابتدائيا.")
    assert (masdar.speaker.text, masdar.content.text) == ("الحزب", "الحكم يبقى حكما ابتدائيا")
    (bayyana,) = statements("عنوان\n\nوبين مدير المهرجان أن العروض ستبدأ يوم الخميس.")
    assert bayyana.content.text == "العروض ستبدأ يوم الخميس"
    assert statements("عنوان\n\nوبين الحين والآخر يزور الوزير المدينة.") == []


def test_a_role_resolves_by_its_head_to_the_one_person_it_describes():
    found = statements(
        "عنوان\n\n"
        "وأوضح الدكتور عبدالرحمن السلمي رئيس النادي الأدبي والمنسق العام للمسابقة، أن "
        "المشاركين بلغوا سبعين شخصا.\n\n"
        "وبين منسق اللجنة التنفيذية أن المتأهلين سيشتركون في التصفيات النهائية."
    )
    (last,) = [s for s in found if "التصفيات" in s.content.text]
    assert last.speaker.text == "عبدالرحمن السلمي"
