"""Entity-level scoring (CoNLL style) and the corpus round trip, on a fixture of our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasid.entities.corpus import map_tag, read_conll, split_sentence, to_corpus_tags
from rasid.entities.scoring import chunks, evaluate

FIXTURE = Path(__file__).parent / "data" / "ner_fixture"
TEST_FILE = FIXTURE / "anercorp_camel" / "ANERCorp_CamelLab_test.txt"


def test_chunks_read_stray_i_as_a_start():
    assert chunks(["O", "I-LOC", "I-LOC", "O"]) == {("LOC", 1, 3)}
    assert chunks(["B-PER", "I-ORG"]) == {("PER", 0, 1), ("ORG", 1, 2)}
    assert chunks(["B-PER", "B-PER", "I-PER"]) == {("PER", 0, 1), ("PER", 1, 3)}


def test_scores_by_hand():
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "O"]]
    pred = [["B-PER", "I-PER", "O", "O"], ["B-ORG", "B-LOC"]]
    report = evaluate(zip(gold, pred, strict=True))
    assert report.sentences == 2 and report.tokens == 6
    assert report.micro.precision == pytest.approx(2 / 3)
    assert report.micro.recall == pytest.approx(2 / 3)
    assert report.per_type["LOC"].precision == 0.0
    assert report.per_type["PER"].f1 == 1.0
    doc = report.to_dict()
    assert set(doc) == {"micro", "per_type", "sentences", "tokens"}
    assert set(doc["micro"]) >= {"precision", "recall", "f1"}


def test_tag_mapping():
    assert map_tag("B-PERS") == "B-PER"
    assert map_tag("I-MIS2") == "I-MISC"
    assert map_tag("B-ENGLISH") == "O"
    assert map_tag("O") == "O"


def test_fixture_reads_and_round_trips():
    sentences = read_conll(TEST_FILE)
    assert len(sentences) == 4
    for sentence in sentences:
        split = split_sentence(sentence)
        assert to_corpus_tags(split, list(split.tags), len(sentence.tokens)) == list(sentence.tags)
    # the full stop is its own token in the corpus, so it is its own piece too
    assert split_sentence(sentences[0]).pieces[-1].text == "."


def test_gold_against_itself_is_perfect():
    sentences = read_conll(TEST_FILE)
    report = evaluate((s.tags, s.tags) for s in sentences)
    assert report.micro.f1 == 1.0
    assert report.micro.support == 10  # 9 B- tags plus the stray I-LOC


def _cli(*args: str):
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-m", "rasid.cli", *args], capture_output=True, text=True, timeout=300
    )


def test_eval_and_train_commands_on_the_fixture(tmp_path):
    import json

    shipped = _cli("eval", "ner", "--data", str(FIXTURE), "--json")
    assert shipped.returncode == 0, shipped.stderr
    report = json.loads(shipped.stdout)
    assert report["sentences"] == 4 and report["tokens"] == 37
    assert set(report["per_type"]) <= {"PER", "LOC", "ORG", "MISC"}
    assert 0.0 <= report["micro"]["f1"] <= 1.0

    trained = _cli("train", "ner", "--data", str(FIXTURE), "--out", str(tmp_path))
    assert trained.returncode == 0, trained.stderr
    assert (tmp_path / "model.crfsuite").exists()
    meta = json.loads((tmp_path / "meta.json").read_text())
    assert meta["name"] == "rasid-ner-crf" and "test" in meta["scores"]
    again = _cli("eval", "ner", "--data", str(FIXTURE), "--model", str(tmp_path), "--json")
    # trained and scored on the same four sentences: it must have learnt most of them
    assert json.loads(again.stdout)["micro"]["f1"] >= 0.8
    table = _cli("eval", "ner", "--data", str(FIXTURE), "--model", str(tmp_path))
    assert "micro" in table.stdout and "precision" in table.stdout


def test_eval_without_data_is_one_line(tmp_path):
    result = _cli("eval", "ner", "--data", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.startswith("rasid: error:") and len(result.stderr.splitlines()) == 1
