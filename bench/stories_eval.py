"""Story grouping against the hand-labelled pairs, on an archive of all SaudiNewsNet.

    python bench/stories_eval.py [--db /tmp/rasid-snn-bench.db] [--regroup]

Runs ``rasid.archive.stories.update`` on the archive that bench/ingest_saudinewsnet.py
made (timed; ``--regroup`` first deletes every story, so all articles are placed again),
then, for each labelled pair of tests/data/story_pairs.json, predicts "same story" when
both articles (or the originals they duplicate) are in one story, and reports pairwise
precision, recall and F1, and the size of the stories.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from rasid.archive.store import SQLiteArchive, open_archive
from rasid.archive.stories import update

PAIRS = Path(__file__).resolve().parents[1] / "tests" / "data" / "story_pairs.json"


def corpus_id(origin: str) -> str:
    """``…/dataset/2015-08-06.zip!2015-08-06.json#1724`` → ``2015-08-06.zip#1724``."""
    name = origin.split("/")[-1]
    return name.split("!")[0] + "#" + name.rsplit("#", 1)[1]


def forget_stories(archive: SQLiteArchive) -> None:
    """Delete every story, so that the next ``update`` places every article again."""
    with archive.batch():
        archive.db.execute("DELETE FROM story_articles")
        archive.db.execute("DELETE FROM story_merges")
        archive.db.execute("DELETE FROM stories")


@dataclass(frozen=True, slots=True)
class Scores:
    """Pairwise counts over the labelled pairs found in the archive."""

    tp: int
    fp: int
    fn: int
    tn: int
    missing: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __str__(self) -> str:
        return (
            f"P {self.precision:.3f}, R {self.recall:.3f}, F1 {self.f1:.3f} "
            f"(tp {self.tp}, fp {self.fp}, fn {self.fn}, tn {self.tn})"
        )


def story_of(archive: SQLiteArchive) -> dict[str, int]:
    """Each corpus record's story: its article's, or for a duplicate its original's."""
    found = {}
    for origin, story in archive.db.execute(
        "SELECT a.origin, sa.story_id FROM articles a JOIN story_articles sa ON sa.article_id = a.id"
    ):
        found[corpus_id(origin)] = story
    for origin, story in archive.db.execute(
        "SELECT d.origin, sa.story_id FROM duplicates d"
        " JOIN story_articles sa ON sa.article_id = d.original_id"
    ):
        found[corpus_id(origin)] = story
    return found


def score(archive: SQLiteArchive) -> Scores:
    """How the archive's stories agree with the labelled pairs."""
    found = story_of(archive)
    pairs = json.loads(PAIRS.read_text(encoding="utf-8"))["pairs"]
    counts: Counter[str] = Counter()
    for p in pairs:
        a, b = found.get(p["a"]), found.get(p["b"])
        if a is None or b is None:
            counts["missing"] += 1
            continue
        together = a == b
        counts[("t" if together == p["same"] else "f") + ("p" if together else "n")] += 1
    return Scores(counts["tp"], counts["fp"], counts["fn"], counts["tn"], counts["missing"])


def sizes(archive: SQLiteArchive) -> str:
    """How many stories, how many with more than one article, the largest."""
    counts = Counter(
        n for (n,) in archive.db.execute("SELECT count(*) FROM story_articles GROUP BY story_id")
    )
    if not counts:
        return "no stories"
    multi = {n: c for n, c in counts.items() if n > 1}
    return (
        f"{sum(counts.values()):,} stories, {sum(multi.values()):,} with more than one "
        f"article; largest {max(counts)} articles; articles in multi-article stories: "
        f"{sum(n * c for n, c in multi.items()):,}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/rasid-snn-bench.db"))
    parser.add_argument(
        "--regroup", action="store_true", help="delete all stories first and group again"
    )
    args = parser.parse_args()
    if not args.db.exists():
        print(f"no archive at {args.db}: run bench/ingest_saudinewsnet.py first", file=sys.stderr)
        return 2
    archive = open_archive(args.db)
    if args.regroup:
        forget_stories(archive)
    start = time.perf_counter()
    placed = update(archive)
    print(f"grouped {placed:,} articles in {time.perf_counter() - start:.1f} s")
    scores = score(archive)
    found = scores.tp + scores.fp + scores.fn + scores.tn
    print(f"{found} labelled pairs ({scores.missing} not in the archive): {scores}")
    print(sizes(archive))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
