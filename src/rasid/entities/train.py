"""Train and evaluate the CRF tagger on ANERcorp (CAMeL split), from ../shared.

    rasid train ner [--data DIR] [--out DIR] [--dev]
    rasid eval ner [--data DIR] [--json]

Deterministic: python-crfsuite's L-BFGS has no randomness; the corpus order is fixed.
With ``--dev`` the last 10% of the train split is held out and scored (for choosing
features and parameters); without it the model is trained on the whole train split, and
scored once on the test split, and that score is written into ``meta.json``.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from rasid import __version__
from rasid.entities.consistency import propagate
from rasid.entities.corpus import Sentence, read_conll, split_sentence, to_corpus_tags
from rasid.entities.features import FEATURES_VERSION, Resources, sentence_features
from rasid.entities.scoring import Report, evaluate
from rasid.entities.tagger import MODEL_NAME, Tagger, default_model_dir, default_resources
from rasid.errors import RasidError

DEFAULT_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "ner"
TRAIN_FILE = "anercorp_camel/ANERCorp_CamelLab_train.txt"
TEST_FILE = "anercorp_camel/ANERCorp_CamelLab_test.txt"
DEV_SHARE = 0.1


@dataclass(frozen=True, slots=True)
class TrainOptions:
    c1: float = 0.05
    c2: float = 0.01
    max_iterations: int = 300
    dev: bool = False
    aqmar: str = "none"  # "none" | "all" (MIS0-3 → MISC) | "no-misc" (sentences with MIS* left out)
    algorithm: str = "lbfgs"


def aqmar_sentences(data: Path, mode: str) -> list[Sentence]:
    """AQMAR (Wikipedia) as extra training data: PER/LOC/ORG as they are; its
    article-specific MIS0–MIS3 become MISC ("all") or their sentences are left out
    ("no-misc"); ENGLISH/SPANISH and other noise tags become O."""
    if mode == "none":
        return []
    out: list[Sentence] = []
    for path in sorted((data / "aqmar").glob("*.txt")):
        for sentence in read_conll(path):
            if mode == "no-misc" and any(t.endswith("MISC") for t in sentence.tags):
                continue
            out.append(sentence)
    return out


def corpus_path(data: Path, name: str) -> Path:
    path = data / name
    if not path.exists():
        raise RasidError(f"training data not found: {path} (pass --data DIR)")
    return path


def tag_sentences(
    tagger: Callable[[list], list[str]], sentences: Iterable[Sentence], resources: Resources
) -> Iterable[tuple[Sentence, list[str]]]:
    """Predict corpus-token tags for corpus sentences (through rasid's own tokens)."""
    for sentence in sentences:
        split = split_sentence(sentence)
        predicted = tagger(sentence_features(split.pieces, resources)) if split.pieces else []
        yield sentence, to_corpus_tags(split, predicted, len(sentence.tokens))


DOCUMENT_SENTENCES = 25


def score(
    crf: pycrfsuite.Tagger,
    sentences: list[Sentence],
    resources: Resources,
    document: int = DOCUMENT_SENTENCES,
) -> Report:
    """Tag and score. ANERcorp has no article boundaries, so for document-level
    consistency every ``document`` consecutive sentences count as one article (0: off)."""
    pairs: list[tuple[Sequence[str], list[str]]] = []
    for at in range(0, len(sentences), document or len(sentences) or 1):
        group = sentences[at : at + document] if document else sentences
        splits = [split_sentence(s) for s in group]
        tags = [
            list(crf.tag(sentence_features(sp.pieces, resources))) if sp.pieces else []
            for sp in splits
        ]
        if document:
            tags = propagate([sp.pieces for sp in splits], tags)
        for sentence, split, predicted in zip(group, splits, tags, strict=True):
            pairs.append((sentence.tags, to_corpus_tags(split, predicted, len(sentence.tokens))))
    return evaluate(pairs)


def train(
    data: Path,
    out: Path,
    options: TrainOptions,
    resources: Resources | None = None,
    progress: Callable[[str], None] = print,
) -> dict:
    """Train, score and save; return the meta.json written."""
    resources = resources if resources is not None else default_resources()
    sentences = read_conll(corpus_path(data, TRAIN_FILE))
    test = read_conll(corpus_path(data, TEST_FILE))
    held_out: list[Sentence] = []
    if options.dev:
        cut = int(len(sentences) * (1 - DEV_SHARE))
        sentences, held_out = sentences[:cut], sentences[cut:]
    start = time.perf_counter()
    trainer = pycrfsuite.Trainer(algorithm=options.algorithm, verbose=False)
    for sentence in [*sentences, *aqmar_sentences(data, options.aqmar)]:
        split = split_sentence(sentence)
        if split.pieces:
            trainer.append(sentence_features(split.pieces, resources), list(split.tags))
    params: dict[str, object] = {
        "max_iterations": options.max_iterations,
        "feature.possible_transitions": True,
    }
    if options.algorithm == "lbfgs":
        params.update({"c1": options.c1, "c2": options.c2})
    trainer.set_params(params)
    progress(f"features ready in {time.perf_counter() - start:.0f} s; training…")
    out.mkdir(parents=True, exist_ok=True)
    model_path = out / "model.crfsuite"
    trainer.train(str(model_path))
    trained = time.perf_counter() - start
    progress(f"trained in {trained:.0f} s")
    crf = pycrfsuite.Tagger()
    crf.open(str(model_path))
    evaluated = held_out if options.dev else test
    report = score(crf, evaluated, resources)
    meta = {
        "name": MODEL_NAME,
        "version": dt.date.today().isoformat(),
        "rasid_version": __version__,
        "features": FEATURES_VERSION,
        "trained_on": TRAIN_FILE + (" (first 90%)" if options.dev else ""),
        "params": {
            "c1": options.c1,
            "c2": options.c2,
            "max_iterations": options.max_iterations,
            "aqmar": options.aqmar,
            "algorithm": options.algorithm,
        },
        "train_seconds": round(trained),
        "scores": {("dev" if options.dev else "test"): report.to_dict()},
        "labels": ["PER", "LOC", "ORG", "MISC"],
    }
    (out / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n")
    return meta


def evaluate_tagger(tagger: Tagger, data: Path) -> Report:
    """Score a loaded tagger on the ANERcorp test split."""
    test = read_conll(corpus_path(data, TEST_FILE))
    return score(tagger.crf, test, tagger.resources)


def main() -> None:  # python -m rasid.entities.train
    import argparse

    parser = argparse.ArgumentParser(description="train the rasid NER tagger")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=default_model_dir())
    parser.add_argument("--dev", action="store_true")
    defaults = TrainOptions()  # (a slots class: its class attributes are descriptors)
    parser.add_argument("--c1", type=float, default=defaults.c1)
    parser.add_argument("--c2", type=float, default=defaults.c2)
    parser.add_argument("--iterations", type=int, default=defaults.max_iterations)
    args = parser.parse_args()
    options = TrainOptions(args.c1, args.c2, args.iterations, args.dev)
    meta = train(args.data, args.out, options)
    print(json.dumps(meta["scores"], indent=1))


if __name__ == "__main__":
    main()
