"""The entity stage on the seed article, with the shipped model, gazetteer and clusters."""

from __future__ import annotations

import json
import shutil
from functools import cache

import pytest

import rasid
from rasid.arabic import tokenize
from rasid.entities.recognizer import entity_start
from rasid.entities.tagger import default_model_dir, load_tagger
from rasid.errors import ModelError

from conftest import SEED

PERSONS = ["فلاديمير ماكي", "زيلينسكي", "بوتين", "رومان أبراموفيتش", "أنطون هيراشينكو"]
PLACES = [
    "روسيا",
    "أوكرانيا",
    "بيلاروسيا",
    "روسيا البيضاء",
    "موسكو",
    "كييف",
    "خاركيف",
    "بيرديانسك",
    "إنرهودار",
    "زاباروجيا",
]
ORGANISATIONS = [
    "مكتب الرئيس الأوكراني",
    "وزارة الخارجية",
    "تويتر",
    "تشيلسي",
    "وزارة الدفاع الروسية",
    "وزارة الداخلية الأوكرانية",
]


@cache
def seed_entities() -> tuple[rasid.Article, list]:
    analysis = rasid.analyze(SEED, published="2022-02-28")
    return analysis.article, analysis.entities


def test_persons():
    _, entities = seed_entities()
    found = {e.text for e in entities if e.label == "PER"}
    for name in PERSONS:
        assert name in found, name


@pytest.mark.parametrize("place", PLACES)
def test_places_with_coordinates(place):
    _, entities = seed_entities()
    hits = [e for e in entities if e.label == "LOC" and place in e.text]
    assert hits, place
    assert all(e.lat is not None and e.lon is not None for e in hits), place


def test_organisations():
    _, entities = seed_entities()
    found = {e.text for e in entities if e.label == "ORG"}
    for name in ORGANISATIONS:
        assert name in found, name
    interfax = [e for e in entities if "إنترفاكس" in e.text]
    assert len(interfax) == 2
    assert {e.canonical for e in interfax} == {"وكالة إنترفاكس"}


def test_same_entity_same_canonical():
    _, entities = seed_entities()
    belarus = {e.canonical for e in entities if e.text in ("بيلاروسيا", "روسيا البيضاء")}
    assert len(belarus) == 1


def test_offsets_and_no_leading_clitic():
    article, entities = seed_entities()
    text = article.text
    for e in entities:
        assert text[e.start : e.end] == e.text
        word_start = e.start
        while word_start > 0 and not text[word_start - 1].isspace():
            word_start -= 1
        # what stands glued before an entity can only be a conjunction or preposition
        assert text[word_start : e.start] in ("", "و", "ب", "ل", "ف", "ك", "وب", "ول", "لل"), e
    ukraine = [e for e in entities if e.text == "أوكرانيا"]
    assert any(text[e.start - 1] == "و" for e in ukraine)  # found inside وأوكرانيا
    interior = [e for e in entities if e.text == "وزارة الداخلية الأوكرانية"]
    assert interior and text[interior[0].start - 1] == "ب"  # from بوزارة الداخلية


def test_nothing_from_removed_boilerplate():
    article, entities = seed_entities()
    removed = " ".join(r.text for r in article.removed)
    for e in entities:
        assert e.text not in ("لونا الشبل", "بشار الأسد", "رغد الحاج", "المورد")
    assert "لونا الشبل" in removed


def test_models_recorded_and_schema():
    from test_schema import validate

    analysis = rasid.analyze(SEED)
    doc = analysis.to_dict()
    validate(json.loads(json.dumps(doc)))
    assert doc["models"]["entities"].startswith("rasid-ner-crf@")


def test_entity_start_skips_conjunction_keeps_article():
    (token,) = tokenize("والرياض")
    assert "والرياض"[entity_start(token, known=True) - token.start :] == "الرياض"
    (token,) = tokenize("وخاركيف")
    assert "وخاركيف"[entity_start(token, known=False) - token.start :] == "خاركيف"


def test_missing_or_corrupt_model_is_a_clear_error(tmp_path):
    with pytest.raises(ModelError) as missing:
        load_tagger(tmp_path)
    assert "missing" in str(missing.value) and "\n" not in str(missing.value)
    shutil.copy(default_model_dir() / "meta.json", tmp_path / "meta.json")
    (tmp_path / "model.crfsuite").write_bytes(b"not a model")
    with pytest.raises(ModelError) as corrupt:
        load_tagger(tmp_path)
    assert "corrupt" in str(corrupt.value)


def test_model_built_with_other_features_is_refused(tmp_path):
    meta = json.loads((default_model_dir() / "meta.json").read_text())
    meta["features"] = "0"
    (tmp_path / "meta.json").write_text(json.dumps(meta))
    shutil.copy(default_model_dir() / "model.crfsuite", tmp_path / "model.crfsuite")
    with pytest.raises(ModelError):
        load_tagger(tmp_path)


def test_shipped_model_is_small():
    size = sum(p.stat().st_size for p in default_model_dir().iterdir())
    assert size <= 25 * 1024 * 1024
