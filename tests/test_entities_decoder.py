"""The run-time decoder gives exactly python-crfsuite's tags on the same model."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasid import read_text
from rasid.entities.recognizer import sentence_tokens
from rasid.entities.tagger import shipped_tagger

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [ROOT / "examples" / "seed-article.txt", *sorted((ROOT / "tests/data/web").glob("*.txt"))]


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_decoder_tags_as_crfsuite_does(path):
    tagger = shipped_tagger()
    tokens, sentences = sentence_tokens(read_text(path.read_text(encoding="utf-8")).text)
    assert sentences
    together = tagger.tag_sentences(sentences)
    # the gazetteer features from one scan of the article are those of each sentence
    assert tagger.tag_sentences(sentences, tokens) == together
    for sentence, tags in zip(sentences, together, strict=True):
        assert tags == tagger.tag_with_crfsuite(sentence)
        assert tagger.tag(sentence) == tags  # alone or with the article: the same
    assert any(t != "O" for tags in together for t in tags)


def test_empty_sentences_get_no_tags():
    tagger = shipped_tagger()
    assert tagger.tag([]) == []
    assert tagger.tag_sentences([[], []]) == [[], []]
