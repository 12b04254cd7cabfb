"""The shipped CRF tagger: load it, tag sentences of rasid tokens.

The model directory (``rasid/models/ner``) holds ``model.crfsuite`` and ``meta.json``
(name, version, the rasid version that trained it, the feature version, scores); the
loader checks the feature version so a model never runs with features it was not trained
on, and turns a missing or corrupt file into :class:`rasid.errors.ModelError`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from rasid.arabic.tokens import Token
from rasid.entities.decoder import Decoder
from rasid.entities.features import FEATURES_VERSION, Resources, sentence_features
from rasid.errors import ModelError

MODEL_NAME = "rasid-ner-crf"


def default_model_dir() -> Path:
    return Path(str(resources.files("rasid").joinpath("models/ner")))


@dataclass(frozen=True)
class Tagger:
    """A loaded CRF model, the resources its features need, and the decoder that tags
    with the model's weights directly (:mod:`rasid.entities.decoder`; the same tags as
    ``crf.tag`` on the feature strings, several times faster)."""

    crf: pycrfsuite.Tagger
    meta: dict
    resources: Resources
    decoder: Decoder = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "decoder", Decoder(self.crf, self.resources))

    @property
    def version(self) -> str:
        return str(self.meta.get("version", "unknown"))

    def tag(self, tokens: Sequence[Token]) -> list[str]:
        """BIO tags (``B-PER``, ``I-LOC``, ``O``…) for one sentence of tokens."""
        return self.decoder.tag([tokens])[0]

    def tag_sentences(
        self,
        sentences: Sequence[Sequence[Token]],
        tokens: Sequence[Token] | None = None,
        scanned: list | None = None,
    ) -> list[list[str]]:
        """BIO tags for every sentence of an article, decoded together. With ``tokens``
        (the article's tokens, of which the sentences are runs), the gazetteer scans the
        article once instead of each sentence; ``scanned``: that scan, when the caller
        made it with this tagger's gazetteer."""
        gaz = None
        gazetteer = self.resources.gazetteer
        if tokens is not None and gazetteer is not None:
            gaz = gazetteer.sentence_features(tokens, runs(tokens, sentences), scanned)
        return self.decoder.tag(sentences, gaz)

    def tag_with_crfsuite(self, tokens: Sequence[Token]) -> list[str]:
        """The same tags through python-crfsuite and the feature strings (training and
        ``rasid eval ner`` use this path; tests check that both agree)."""
        if not tokens:
            return []
        return list(self.crf.tag(sentence_features(tokens, self.resources)))


def runs(tokens: Sequence[Token], sentences: Sequence[Sequence[Token]]) -> list[tuple[int, int]]:
    """Where each sentence lies in ``tokens``: (first index, index after its last)."""
    at = {id(t): k for k, t in enumerate(tokens)}
    return [(at[id(s[0])], at[id(s[0])] + len(s)) if s else (0, 0) for s in sentences]


def load_tagger(model_dir: Path | None = None, res: Resources | None = None) -> Tagger:
    """Load the tagger from ``model_dir`` (default: the model shipped in the package)."""
    directory = model_dir or default_model_dir()
    meta_path, model_path = directory / "meta.json", directory / "model.crfsuite"
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(f"the NER model is missing: no {meta_path}") from None
    except (OSError, ValueError) as exc:
        raise ModelError(f"the NER model's meta.json is unreadable: {exc}") from None
    if meta.get("features") != FEATURES_VERSION:
        raise ModelError(
            f"the NER model was trained with features v{meta.get('features')}, this rasid "
            f"computes v{FEATURES_VERSION}: rebuild it with `rasid train ner`"
        )
    crf = pycrfsuite.Tagger()
    try:
        crf.open(str(model_path))
    except (OSError, ValueError) as exc:
        raise ModelError(f"the NER model file {model_path} is missing or corrupt ({exc})") from None
    if res is None:
        res = default_resources()
    return Tagger(crf, meta, res)


@cache
def default_resources() -> Resources:
    """The shipped word clusters and gazetteer, loaded once."""
    from rasid.entities.clusters import load_clusters
    from rasid.entities.gazetteer import default_gazetteer

    return Resources(clusters=load_clusters(), gazetteer=default_gazetteer())


@cache
def shipped_tagger() -> Tagger:
    return load_tagger()
