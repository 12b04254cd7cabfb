"""Named-entity tagging speed on SaudiNewsNet text (tokenisation included), one core.

    python bench/ner_speed.py [--articles 2000]

Reads the first N non-empty bodies (through the text reader, not timed), then times
(a) the tagger path alone: sentences, tokens, score vectors, Viterbi (the run-time decoder,
rasid.entities.decoder), document consistency; (a') the same through python-crfsuite on the
feature strings, for comparison (both give the same tags); and (b) the whole entity stage:
(a) plus institutions, gazetteer matching and linking. Prints tokens/s for each, and the
model's load time.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time

import rasid
from rasid.arabic import tokenize
from rasid.entities.consistency import propagate
from rasid.reader import read_text

from saudinewsnet import DATASET, records


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    if not DATASET.exists():
        print(f"SaudiNewsNet not found at {DATASET}", file=sys.stderr)
        return 2
    texts: list[str] = []
    for record in records():
        if len(texts) >= args.articles:
            break
        try:
            texts.append(read_text(record.content, title=record.title or None).text)
        except rasid.ReadError:
            continue

    start = time.perf_counter()
    from rasid.entities.gazetteer import Gazetteer
    from rasid.entities.recognizer import EntityRecognizer, sentence_tokens
    from rasid.entities.tagger import load_tagger

    tagger = load_tagger()
    recognizer = EntityRecognizer(tagger, Gazetteer.load())
    load = time.perf_counter() - start

    n_tokens = sum(len(tokenize(t)) for t in texts)
    start = time.perf_counter()
    for text in texts:
        _, groups = sentence_tokens(text)
        propagate(groups, tagger.tag_sentences(groups))
    tagging = time.perf_counter() - start

    start = time.perf_counter()
    for text in texts:
        _, groups = sentence_tokens(text)
        propagate(groups, [tagger.tag_with_crfsuite(g) for g in groups])
    crfsuite = time.perf_counter() - start

    start = time.perf_counter()
    entities = sum(len(recognizer.find(text)) for text in texts)
    stage = time.perf_counter() - start

    print(f"machine: {platform.machine()}, Python {platform.python_version()}, one process")
    print(f"text: {len(texts):,} SaudiNewsNet bodies, {n_tokens:,} tokens")
    print(f"model load (tagger + clusters + gazetteer): {load:.2f} s")
    print(f"tagger path:  {tagging:6.1f} s = {n_tokens / tagging:9,.0f} tokens/s")
    print(f"  (through python-crfsuite: {crfsuite:6.1f} s = {n_tokens / crfsuite:9,.0f} tokens/s)")
    print(
        f"entity stage: {stage:6.1f} s = {n_tokens / stage:9,.0f} tokens/s ({entities:,} entities)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
