"""word2vec on ANT + ANERcorp train + AQMAR text (the shipped clusters' corpus and
settings; rasid.entities.train_clusters), vectors kept for the neural tagger.

    PYTHONHASHSEED=0 python bench/ner_neural/w2v.py [--skipgram]
"""

from __future__ import annotations

import sys
import time
from collections import Counter

import numpy as np
from common import SCRATCH
from gensim.models import Word2Vec

from rasid.entities.train_clusters import (
    MIN_COUNT,
    SEED,
    SOURCES,
    WINDOW,
    _crc32,
    _shared_dir,
    sentences,
    source_lines,
)


def main() -> None:
    sg = "--skipgram" in sys.argv
    t0 = time.perf_counter()
    stats: Counter[str] = Counter()
    corpus = sentences(source_lines(_shared_dir(None), SOURCES, stats), stats)
    model = Word2Vec(
        sentences=corpus,
        vector_size=100,
        window=WINDOW,
        min_count=MIN_COUNT,
        sg=1 if sg else 0,
        epochs=10,
        workers=1,
        seed=SEED,
        hashfxn=_crc32,
        sorted_vocab=1,
    )
    words = list(model.wv.index_to_key)
    vectors = np.asarray(model.wv.vectors, dtype=np.float32)
    name = "sg" if sg else "cbow"
    np.save(SCRATCH / f"w2v_{name}.npy", vectors)
    (SCRATCH / f"w2v_{name}.txt").write_text("\n".join(words), encoding="utf-8")
    print(f"{len(words)} words, {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
