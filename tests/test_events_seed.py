"""The seed article's events, as the events issue lists them."""

from __future__ import annotations

import jsonschema
import pytest

import rasid
from rasid.schema import Event

from conftest import SEED


@pytest.fixture(scope="module")
def analysis():
    return rasid.analyze(SEED, published="2022-02-28")


def events(analysis, kind: str) -> list[Event]:
    return [e for e in analysis.events if e.type == kind]


def speaker(analysis, event: Event) -> str | None:
    if event.claimed_by is None:
        return None
    return analysis.statements[event.claimed_by].speaker.text


def at(analysis, kind: str, place: str) -> Event:
    found = [e for e in events(analysis, kind) if e.location and place in e.location.text]
    assert len(found) == 1, [e.to_dict() for e in events(analysis, kind)]
    return found[0]


def test_talks_on_the_belarus_border_on_monday(analysis):
    talks = at(analysis, "TALKS", "بيلاروسيا")
    assert talks.time.date == "2022-02-28" and talks.time.text == "الإثنين"
    assert talks.claimed_by is None  # the article's own voice


def test_two_towns_seized_according_to_interfax(analysis):
    seize = at(analysis, "SEIZE", "جنوب شرق أوكرانيا")
    assert seize.quantity.value == 2 and seize.quantity.unit == "towns"
    assert speaker(analysis, seize) == "وكالة إنترفاكس للأنباء"


def test_berdyansk_enerhodar_and_the_plant_claimed_by_the_ministry_and_denied(analysis):
    for place in ("بيرديانسك", "إنرهودار", "محطة زاباروجيا للطاقة النووية"):
        seize = at(analysis, "SEIZE", place)
        claim = analysis.statements[seize.claimed_by]
        assert claim.speaker.text == "وزارة الدفاع الروسية"
        assert [v.text for v in claim.via] == ["وكالة إنترفاكس"]
        assert not seize.negated
        denials = [s for s in analysis.statements if s.stance == "deny"]
        assert [d.speaker.text for d in denials if d.refers_to == seize.claimed_by] == ["أوكرانيا"]
    assert at(analysis, "SEIZE", "بيرديانسك").location.lat == pytest.approx(46.76, abs=0.1)


def test_explosions_in_kyiv_and_kharkiv_before_dawn(analysis):
    for place in ("كييف", "خاركيف"):
        attack = at(analysis, "ATTACK", place)
        assert attack.trigger.text == "انفجارات" and attack.time.date == "2022-02-28"
        assert speaker(analysis, attack) == "السلطات الأوكرانية"


def test_ground_attempts_repelled(analysis):
    (clash,) = events(analysis, "CLASH")
    assert clash.trigger.text == "صد" and clash.actor.text == "القوات البرية الروسية"
    # an attempt to seize is not a seizure
    assert not [e for e in events(analysis, "SEIZE") if "استيلاء" in e.trigger.text]


def test_dozens_killed_in_kharkiv_according_to_herashchenko(analysis):
    dead = at(analysis, "CASUALTIES", "خاركيف")
    assert dead.quantity.text == "عشرات الأشخاص"
    assert (dead.quantity.min, dead.quantity.max, dead.quantity.unit) == (20, 99, "people")
    assert dead.time.date == "2022-02-28"
    assert speaker(analysis, dead) == "أنطون هيراشينكو"


def test_more_than_350_missiles_since_thursday_by_the_anonymous_official(analysis):
    (attack,) = [e for e in events(analysis, "ATTACK") if e.quantity]
    assert (attack.quantity.min, attack.quantity.unit) == (351, "missiles")
    assert (attack.time.start, attack.time.end) == ("2022-02-24", "2022-02-28")
    assert attack.actor.text == "روسيا"
    assert analysis.statements[attack.claimed_by].speaker.anonymous


def test_the_presidency_demands_a_ceasefire_and_withdrawal(analysis):
    demands = [e for e in events(analysis, "DEMAND") if e.trigger.text == "وقف"]
    assert len(demands) == 1
    assert demands[0].actor.text == "مكتب الرئيس الأوكراني"
    assert speaker(analysis, demands[0]) == "مكتب الرئيس الأوكراني"


def test_nothing_from_the_boilerplate_or_headings(analysis):
    body = [p for p in analysis.article.paragraphs if p.kind == "body"]
    for e in analysis.events:
        assert any(p.start <= e.trigger.start < p.end for p in body)
        assert analysis.article.text[e.trigger.start : e.trigger.end] == e.trigger.text


def test_events_validate_against_the_schema(analysis):
    import json
    from importlib import resources

    schema = json.loads(
        resources.files("rasid").joinpath("schemas/analysis.schema.json").read_text("utf-8")
    )
    jsonschema.validate(analysis.to_dict(), schema)
    assert analysis.models["events"] == "rules@1"
