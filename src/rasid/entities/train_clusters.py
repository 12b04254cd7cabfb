"""Learn the shipped word clusters (``rasid/data/clusters.tsv.gz``) without labels.

Run from the repository root (needs the ``train`` extra: gensim, scikit-learn)::

    PYTHONHASHSEED=0 python -m rasid.entities.train_clusters [--out PATH] [--shared DIR]

The clusters are features for the named-entity tagger: a name the tagger never saw in
training often shares a cluster with names it did see, because words that occur in
similar contexts get similar vectors.

Data. Only text we may redistribute, read from ``../shared/data`` (or ``--shared`` /
``$RASID_SHARED``):

* ``ant``: the ANT corpus v1.1, Jawhara FM (Apache-2.0): title and body of every document
  in the tarball (the abstract repeats the start of the body and is skipped);
* ``anercorp``: the tokens (never the tags) of the ANERCorp CAMeL Lab **train** file;
  the test file is never opened;
* ``aqmar``: the tokens (never the tags) of the 28 AQMAR Wikipedia articles.

``--sources`` picks a subset (default: all three). Each line of text (one sentence of
the NER files) is tokenised with :func:`rasid.arabic.tokenize`; ``word`` and ``latin``
tokens are kept. Every line gives the model up to two sentences: the normalised stems
(``normalize(token.stem)``: clitics and article stripped) and, when it differs, the
normalised whole words (``normalize(token.text)``). So the vocabulary holds both
forms, and at run time a token is looked up by either.

Model. gensim Word2Vec (CBOW, 100 dimensions, window 5, ``min_count`` 3, 10 epochs),
then k-means on the unit-length vectors into 128 and 1024 clusters (KMeans, and
MiniBatchKMeans for 1024). CBOW or skip-gram: on the ANERCorp train tags (used only to
score, never to learn) the two tie, both on cluster purity per entity type (the
``purity`` lines printed at the end) and on the type of a word's 10 nearest neighbours
(PERS 0.47 vs 0.49, LOC 0.34 vs 0.34, ORG 0.25 vs 0.26), and CBOW trains three times
faster (about 50 s against 150 s here); ``--skipgram`` trains the other one.

Determinism. ``workers=1``, ``seed=1``, a fixed ``hashfxn`` (CRC-32, not Python's
salted ``hash``), and k-means with ``random_state=0`` on one thread, so a rerun writes
a byte-identical file (checked with ``PYTHONHASHSEED`` 0 and 123, gensim 4.4,
scikit-learn 1.9). Older gensim versions seeded each word's vector with ``hashfxn``;
``PYTHONHASHSEED=0`` in the command above is belt and braces for them.

Output: ``word<TAB>c128<TAB>c1024<TAB>c4096`` per line after a header line, most frequent word
first; cluster ids are decimal strings. The gzip header holds no name and no time.
"""

from __future__ import annotations

import argparse
import gzip
import io
import os
import re
import sys
import tarfile
import time
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from rasid.arabic import normalize, tokenize
from rasid.entities.clusters import HEADER, SIZES

ROOT = Path(__file__).resolve().parents[3]
DEFAULT_OUT = ROOT / "src" / "rasid" / "data" / "clusters.tsv.gz"
SOURCES = ("ant", "anercorp", "aqmar")
KEEP_KINDS = frozenset({"word", "latin"})

VECTOR_SIZE = 100
WINDOW = 5
MIN_COUNT = 3
EPOCHS = 10
SEED = 1

# Sanity check: words whose cluster-mates are printed at the end.
PROBES = ("محمد", "صفاقس", "تونس", "فرنسا", "وزارة", "النهضة", "قال")

_TITLE_RE = re.compile(r"<TITLE>(.*?)</TITLE>", re.S | re.I)
_TEXT_RE = re.compile(r"<TEXT>(.*?)(?:</TEXT>|</DOC>|\Z)", re.S | re.I)


def _shared_dir(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    return Path(os.environ.get("RASID_SHARED", ROOT.parent / "shared"))


def _crc32(text: str) -> int:
    """A hash that does not change between runs (gensim's ``hashfxn``)."""
    return zlib.crc32(text.encode("utf-8"))


# --------------------------------------------------------------------------- reading


def ant_lines(tarball: Path, stats: Counter[str]) -> Iterator[str]:
    """Title and body lines of every document in the ANT tarball."""
    with tarfile.open(tarball, "r:gz") as tar:
        for member in tar:
            if not member.isfile() or not member.name.endswith(".txt"):
                continue
            handle = tar.extractfile(member)
            if handle is None:
                continue
            raw = handle.read().decode("utf-8", errors="replace")
            stats["ant_docs"] += 1
            title = _TITLE_RE.search(raw)
            if title:
                yield title.group(1)
            body = _TEXT_RE.search(raw)
            if body:
                yield from body.group(1).splitlines()


def conll_sentences(path: Path, stats: Counter[str], key: str) -> Iterator[str]:
    """Sentences of a ``token tag`` file (blank line between sentences), tokens only."""
    stats[key + "_docs"] += 1
    tokens: list[str] = []
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            parts = line.split()
            if not parts:
                if tokens:
                    yield " ".join(tokens)
                    tokens = []
                continue
            # The token is everything but the last column (the tag is never read).
            tokens.append(" ".join(parts[:-1]) if len(parts) > 1 else parts[0])
    if tokens:
        yield " ".join(tokens)


def source_lines(shared: Path, sources: Iterable[str], stats: Counter[str]) -> Iterator[str]:
    data = shared / "data"
    for source in sources:
        if source == "ant":
            tarball = data / "news" / "antcorpus_v1.1" / "antcorpus_v1.1_JawharaFM.tar.gz"
            yield from _counted(ant_lines(tarball, stats), stats, "ant")
        elif source == "anercorp":
            train = data / "ner" / "anercorp_camel" / "ANERCorp_CamelLab_train.txt"
            yield from _counted(conll_sentences(train, stats, "anercorp"), stats, "anercorp")
        elif source == "aqmar":
            for path in sorted((data / "ner" / "aqmar").glob("*.txt")):
                yield from _counted(conll_sentences(path, stats, "aqmar"), stats, "aqmar")
        else:
            raise ValueError(f"unknown source {source!r}")


def _counted(lines: Iterator[str], stats: Counter[str], key: str) -> Iterator[str]:
    for line in lines:
        stats[key + "_lines"] += 1
        yield line


def sentences(lines: Iterable[str], stats: Counter[str], key: str = "") -> list[list[str]]:
    """The training sentences: stems of each line, then whole words when different."""
    out: list[list[str]] = []
    for line in lines:
        stems: list[str] = []
        wholes: list[str] = []
        for token in tokenize(line):
            if token.kind not in KEEP_KINDS:
                continue
            stems.append(normalize(token.stem))
            wholes.append(normalize(token.text))
        if not stems:
            continue
        stats["tokens"] += len(stems)
        out.append(stems)
        if wholes != stems:
            out.append(wholes)
    return out


# --------------------------------------------------------------------------- training


def train(
    corpus: list[list[str]], *, sg: bool, epochs: int = EPOCHS
) -> tuple[list[str], list[int], object]:
    """Word2Vec on ``corpus``; returns (words by frequency, counts, unit vectors)."""
    from gensim.models import Word2Vec

    model = Word2Vec(
        sentences=corpus,
        vector_size=VECTOR_SIZE,
        window=WINDOW,
        min_count=MIN_COUNT,
        sg=1 if sg else 0,
        epochs=epochs,
        workers=1,
        seed=SEED,
        hashfxn=_crc32,
        sorted_vocab=1,
    )
    kv = model.wv
    words = list(kv.index_to_key)
    counts = [int(kv.get_vecattr(w, "count")) for w in words]
    return words, counts, kv.get_normed_vectors()


def cluster(vectors: object, k: int) -> list[int]:
    """k-means labels of the unit ``vectors`` (deterministic)."""
    from sklearn.cluster import KMeans, MiniBatchKMeans
    from threadpoolctl import threadpool_limits

    if k <= 256:
        km = KMeans(n_clusters=k, random_state=0, n_init=3, max_iter=100)
    else:
        km = MiniBatchKMeans(n_clusters=k, random_state=0, n_init=3, batch_size=4096, max_iter=100)
    # One thread, so that the sums k-means adds up do not depend on the number of cores.
    with threadpool_limits(limits=1):
        return [int(x) for x in km.fit_predict(vectors)]


# --------------------------------------------------------------------------- checks


def ner_types(shared: Path) -> dict[str, str]:
    """Majority entity type (or ``O``) of each normalised stem in the ANERCorp train file.

    Used only to *score* the clusters (``purity``), never to learn them.
    """
    path = shared / "data" / "ner" / "anercorp_camel" / "ANERCorp_CamelLab_train.txt"
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) != 2:
                continue
            tag = parts[1].split("-", 1)[-1]
            for token in tokenize(parts[0]):
                if token.kind == "word":
                    votes[normalize(token.stem)][tag] += 1
    return {w: c.most_common(1)[0][0] for w, c in votes.items()}


def purity(words: list[str], labels: list[int], types: dict[str, str]) -> dict[str, float]:
    """For each entity type: how much of a typed word's cluster shares its type, on average.

    Over the words of ``types`` (ANERCorp train) only; a cluster's share of PERS words is
    what a PERS word's cluster id tells the tagger.
    """
    by_cluster: dict[int, Counter[str]] = defaultdict(Counter)
    for word, label in zip(words, labels, strict=True):
        if word in types:
            by_cluster[label][types[word]] += 1
    out: dict[str, float] = {}
    for kind in ("PERS", "LOC", "ORG"):
        shares = [
            by_cluster[label][kind] / sum(by_cluster[label].values())
            for word, label in zip(words, labels, strict=True)
            if types.get(word) == kind
        ]
        out[kind] = sum(shares) / len(shares) if shares else 0.0
    return out


def mates(words: list[str], labels: list[int], word: str, n: int = 12) -> list[str]:
    """The ``n`` most frequent other words in ``word``'s cluster."""
    key = normalize(word)
    if key not in words:
        return []
    label = labels[words.index(key)]
    return [w for w, c in zip(words, labels, strict=True) if c == label and w != key][:n]


# --------------------------------------------------------------------------- output


def write(out: Path, words: list[str], labels: list[list[int]]) -> None:
    buffer = io.StringIO()
    buffer.write(HEADER + "\n")
    for i, word in enumerate(words):
        buffer.write(word + "\t" + "\t".join(str(lab[i]) for lab in labels) + "\n")
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(buffer.getvalue().encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m rasid.entities.train_clusters")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output .tsv.gz")
    parser.add_argument("--shared", help="the shared folder (default ../shared)")
    parser.add_argument(
        "--sources", default=",".join(SOURCES), help="comma-separated subset of: ant,anercorp,aqmar"
    )
    parser.add_argument("--skipgram", action="store_true", help="skip-gram instead of CBOW")
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    args = parser.parse_args(argv)

    shared = _shared_dir(args.shared)
    sources = [s.strip() for s in args.sources.split(",") if s.strip()]
    t0 = time.perf_counter()
    stats: Counter[str] = Counter()
    corpus = sentences(source_lines(shared, sources, stats), stats)
    t1 = time.perf_counter()
    for source in sources:
        print(
            f"{source}: {stats[source + '_docs']} files/docs, {stats[source + '_lines']} lines",
            flush=True,
        )
    print(f"tokens (word+latin): {stats['tokens']:,}; training sentences: {len(corpus):,}")
    print(f"read + tokenise: {t1 - t0:.1f} s", flush=True)

    words, _counts, vectors = train(corpus, sg=args.skipgram, epochs=args.epochs)
    t2 = time.perf_counter()
    print(f"word2vec ({'skip-gram' if args.skipgram else 'cbow'}): {t2 - t1:.1f} s", flush=True)
    print(f"vocabulary: {len(words):,} words (min_count {MIN_COUNT})")

    labels = []
    for k in SIZES:
        tk = time.perf_counter()
        labels.append(cluster(vectors, k))
        print(f"k-means {k}: {time.perf_counter() - tk:.1f} s", flush=True)
    t3 = time.perf_counter()

    write(args.out, words, labels)
    size = args.out.stat().st_size
    print(f"wrote {args.out} ({size:,} bytes)")
    print(f"total: {t3 - t0:.1f} s")

    types = ner_types(shared)
    for k, lab in zip(SIZES, labels, strict=True):
        shares = ", ".join(f"{t} {v:.3f}" for t, v in purity(words, lab, types).items())
        print(f"purity c{k} (ANERCorp train tags): {shares}")
    for probe in PROBES:
        for k, lab in zip(SIZES, labels, strict=True):
            print(f"c{k} {probe}: {' '.join(mates(words, lab, probe)) or '(not in vocabulary)'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
