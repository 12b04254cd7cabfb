"""Story grouping against the hand-labelled pairs, on an archive of all SaudiNewsNet.

    python bench/stories_eval.py [--db /tmp/rasid-snn-bench.db]

Runs ``rasid.archive.stories.update`` on the archive that bench/ingest_saudinewsnet.py
made (timed), then, for each labelled pair of tests/data/story_pairs.json, predicts "same
story" when both articles (or the originals they duplicate) are in one story, and reports
pairwise precision, recall and F1, and the size of the stories.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from rasid.archive.store import open_archive
from rasid.archive.stories import update

PAIRS = Path(__file__).resolve().parents[1] / "tests" / "data" / "story_pairs.json"


def corpus_id(origin: str) -> str:
    """``…/dataset/2015-08-06.zip!2015-08-06.json#1724`` → ``2015-08-06.zip#1724``."""
    name = origin.split("/")[-1]
    return name.split("!")[0] + "#" + name.rsplit("#", 1)[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/rasid-snn-bench.db"))
    args = parser.parse_args()
    if not args.db.exists():
        print(f"no archive at {args.db}: run bench/ingest_saudinewsnet.py first", file=sys.stderr)
        return 2
    archive = open_archive(args.db)
    start = time.perf_counter()
    placed = update(archive)
    print(f"grouped {placed:,} articles in {time.perf_counter() - start:.1f} s")
    db = archive.db
    story_of = {}
    for origin, story in db.execute(
        "SELECT a.origin, sa.story_id FROM articles a JOIN story_articles sa ON sa.article_id = a.id"
    ):
        story_of[corpus_id(origin)] = story
    for origin, story in db.execute(
        "SELECT d.origin, sa.story_id FROM duplicates d"
        " JOIN story_articles sa ON sa.article_id = d.original_id"
    ):
        story_of[corpus_id(origin)] = story
    pairs = json.loads(PAIRS.read_text(encoding="utf-8"))["pairs"]
    tp = fp = fn = tn = missing = 0
    for p in pairs:
        a, b = story_of.get(p["a"]), story_of.get(p["b"])
        if a is None or b is None:
            missing += 1
            continue
        same = a == b
        tp += same and p["same"]
        fp += same and not p["same"]
        fn += (not same) and p["same"]
        tn += (not same) and not p["same"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(
        f"{len(pairs) - missing} labelled pairs ({missing} not in the archive): "
        f"P {precision:.3f}, R {recall:.3f}, F1 {f1:.3f} (tp {tp}, fp {fp}, fn {fn}, tn {tn})"
    )
    sizes = Counter(
        n for (n,) in db.execute("SELECT count(*) FROM story_articles GROUP BY story_id")
    )
    stories = sum(sizes.values())
    multi = sum(c for n, c in sizes.items() if n > 1)
    print(
        f"{stories:,} stories, {multi:,} with more than one article; largest "
        f"{max(sizes)} articles; articles in multi-article stories: "
        f"{sum(n * c for n, c in sizes.items() if n > 1):,}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
