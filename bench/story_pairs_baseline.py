"""How well simple similarities separate same-story pairs from different ones, on the
hand-labelled SaudiNewsNet pairs (tests/data/story_pairs.json): a baseline for story
grouping, before any grouping code exists.

    python bench/story_pairs_baseline.py

For each pair: TF-IDF cosine over normalised stems of the clean text (idf from all the
articles of the labelled days), and the same over the first 60 words. For every threshold it
prints the pairwise precision/recall/F1 of "same story when the score is at least t".
"""

from __future__ import annotations

import json
import math
import sys
from collections import Counter
from pathlib import Path

from rasid.archive.fingerprint import index_terms
from rasid.errors import ReadError
from rasid.reader import read_text

from saudinewsnet import records

PAIRS = Path(__file__).resolve().parents[1] / "tests" / "data" / "story_pairs.json"


def vector(terms: list[str], idf: dict[str, float]) -> dict[str, float]:
    counts = Counter(terms)
    vec = {t: (1 + math.log(c)) * idf.get(t, 0.0) for t, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def main() -> int:
    pairs = json.loads(PAIRS.read_text(encoding="utf-8"))["pairs"]
    wanted = {p["a"] for p in pairs} | {p["b"] for p in pairs}
    days = {i.split("#")[0] for i in wanted}
    terms: dict[str, list[str]] = {}
    df: Counter[str] = Counter()
    n_docs = 0
    for record in records():
        if record.id.split("#")[0] not in days or not record.content.strip():
            continue
        try:
            text = read_text(record.content, title=record.title or None).text
        except ReadError:
            continue
        words = index_terms(text)
        n_docs += 1
        df.update(set(words))
        if record.id in wanted:
            terms[record.id] = words
    if len(terms) < len(wanted):
        print(f"{len(wanted) - len(terms)} labelled articles could not be read", file=sys.stderr)
    idf = {t: math.log(n_docs / c) for t, c in df.items()}
    scored = []
    for p in pairs:
        if p["a"] in terms and p["b"] in terms:
            full = cosine(vector(terms[p["a"]], idf), vector(terms[p["b"]], idf))
            lead = cosine(vector(terms[p["a"]][:60], idf), vector(terms[p["b"]][:60], idf))
            scored.append((full, lead, bool(p["same"])))
    print(
        f"{len(scored)} pairs ({sum(s for *_, s in scored)} same), idf from {n_docs:,} "
        f"articles of {len(days)} days"
    )
    for name, k in (("whole text", 0), ("first 60 words", 1)):
        best = (0.0, 0.0, 0.0, 0.0)
        print(f"TF-IDF cosine, {name}:")
        for t in [x / 20 for x in range(1, 19)]:
            tp = sum(1 for s in scored if s[k] >= t and s[2])
            fp = sum(1 for s in scored if s[k] >= t and not s[2])
            fn = sum(1 for s in scored if s[k] < t and s[2])
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            best = max(best, (f, t, p, r))
            print(f"  t={t:.2f}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
        print(f"  best F1 {best[0]:.3f} at t={best[1]:.2f} (P {best[2]:.3f}, R {best[3]:.3f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
