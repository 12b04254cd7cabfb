"""Event rules on short texts of our own."""

from __future__ import annotations

import rasid
from rasid.reader import read_text


def run(text: str, published: str = "2015-08-06"):
    analysis = rasid.analyze_article(read_text(text, published=published))
    return analysis, [e.to_dict() for e in analysis.events]


def kinds(events) -> list[tuple[str, str | None]]:
    return [(e["type"], e["location"] and e["location"]["text"]) for e in events]


def test_two_towns_in_one_sentence_are_two_seizures():
    _, events = run("وأعلن الجيش أن قواته سيطرت على مدينتي الرمادي والفلوجة بعد معارك عنيفة.")
    seized = [e for e in events if e["type"] == "SEIZE"]
    assert [e["location"]["text"] for e in seized] == ["الرمادي", "الفلوجة"]
    assert all(e["trigger"]["text"] == "سيطرت" for e in seized)


def test_killed_and_wounded_are_two_events_with_counts():
    _, events = run("قتل 5 أشخاص وأصيب 12 آخرون في انفجار سيارة مفخخة في بغداد أمس.")
    dead = [e for e in events if e["type"] == "CASUALTIES"]
    assert [(e["trigger"]["text"], e["quantity"]["value"]) for e in dead] == [
        ("قتل", 5),
        ("أصيب", 12),
    ]
    assert all(e["time"]["date"] == "2015-08-05" for e in dead)
    assert ("ATTACK", "بغداد") in kinds(events)


def test_a_place_phrase_the_tagger_does_not_know():
    _, events = run("وقصفت الطائرات حي الروضة شمال المدينة صباح اليوم.")
    (attack,) = [e for e in events if e["type"] == "ATTACK"]
    assert "الروضة" in attack["location"]["text"]
    assert attack["location"]["lat"] is None  # not in the gazetteer: text kept, no coordinates


def test_a_ceasefire_is_not_an_attack():
    _, events = run("ودعت الأمم المتحدة إلى وقف إطلاق النار فوراً.")
    assert [e["type"] for e in events] == ["DEMAND"]


def test_an_injury_without_violence_is_not_a_casualty():
    _, events = run("وأكدت الوزارة تسجيل 3 إصابات جديدة بفيروس كورونا.")
    assert events == []


def test_match_words_in_a_sport_sentence():
    _, events = run("وشهد لقاء الهلال والنصر في الدوري هجوماً مكثفاً من الفريقين.")
    assert events == []


def test_negated_and_claimed_events():
    analysis, events = run("وقال المتحدث باسم الشرطة إن القوات لم تعتقل أي صحفي في المدينة.")
    (arrest,) = [e for e in events if e["type"] == "ARREST"]
    assert arrest["negated"] is True
    assert analysis.statements[arrest["claimed_by"]].speaker.text.startswith("المتحدث")


def test_an_event_inside_a_denial_is_negated():
    analysis, events = run("ونفت الوزارة أن تكون قواتها قصفت المستشفى في المدينة.")
    (attack,) = [e for e in events if e["type"] == "ATTACK"]
    assert attack["negated"] is True
    assert analysis.statements[attack["claimed_by"]].stance == "deny"


def test_the_same_attack_told_again_is_one_event():
    _, events = run(
        "استهدف هجوم انتحاري مسجداً في مدينة القطيف يوم الجمعة.\n\nوأدان الوزير الهجوم بشدة."
    )
    assert [e["type"] for e in events if e["type"] == "ATTACK"] == ["ATTACK"]


def test_an_arrest_with_a_count_and_no_day_number_as_count():
    _, events = run("وألقت الشرطة القبض على 7 مطلوبين في 27 مايو الماضي.")
    (arrest,) = [e for e in events if e["type"] == "ARREST"]
    assert arrest["quantity"]["value"] == 7 and arrest["quantity"]["unit"] == "people"
    assert arrest["time"]["date"] == "2015-05-27"


def test_no_anchor_no_resolved_relative_time():
    analysis = rasid.analyze_article(read_text("وقع انفجار أمس في بغداد."))
    (attack,) = [e for e in analysis.events if e.type == "ATTACK"]
    assert attack.time is None  # "أمس" without a publication date cannot be placed


def test_the_time_of_the_saying_is_not_the_time_of_the_event():
    _, events = run(
        "وقال المتحدث اليوم الخميس إن اجتماعاً جرى أمس الأربعاء بين الوفدين في جنيف.",
        published="2017-05-04",
    )
    (talks,) = [e for e in events if e["type"] == "TALKS"]
    assert talks["time"]["date"] == "2017-05-03"


def test_a_day_inside_the_nearest_range_dates_the_event():
    _, events = run(
        "عنوان\n\nوأسفر التفجير الذي تعرض له مسجد الصادق خلال صلاة جمعة 26 يونيو الماضي "
        "(في شهر رمضان) عن مقتل 26 شخصا."
    )
    (dead,) = [e for e in events if e["type"] == "CASUALTIES"]
    assert dead["time"]["date"] == "2015-06-26"
