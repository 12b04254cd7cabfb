"""Search latency over an archive: 200 queries, half entity names, half common words.

    python bench/search_latency.py [--db /tmp/rasid-snn-bench.db]

The queries are drawn (fixed seed) from the archive itself: 100 of its most mentioned
entity names and 100 frequent words of its titles. Each query runs through
``rasid.archive.search.search`` (index lookup, ranking and snippets), 20 results.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from rasid.archive.search import search
from rasid.archive.store import open_archive


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/rasid-snn-bench.db"))
    args = parser.parse_args()
    if not args.db.exists():
        print(f"no archive at {args.db}: run bench/ingest_saudinewsnet.py first", file=sys.stderr)
        return 2
    archive = open_archive(args.db)
    names = [
        c
        for (c,) in archive.db.execute(
            "SELECT e.canonical FROM entities e JOIN mentions m ON m.entity_id = e.id"
            " GROUP BY e.id ORDER BY count(*) DESC LIMIT 100"
        )
    ]
    words: Counter[str] = Counter()
    for (title,) in archive.db.execute("SELECT title FROM articles WHERE title IS NOT NULL"):
        words.update(w for w in title.split() if len(w) > 3)
    common = [w for w, _ in words.most_common(300)]
    rng = random.Random(2026)
    queries = names + rng.sample(common, 100)
    times = []
    for query in queries:
        start = time.perf_counter()
        try:
            search(archive, query, limit=20)
        except Exception as exc:  # noqa: BLE001 - a benchmark reports, it does not stop
            print(f"{query!r}: {exc}", file=sys.stderr)
            continue
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p50 = statistics.median(times)
    p95 = times[int(0.95 * (len(times) - 1))]
    count = archive.counts()["articles"]
    print(
        f"{len(times)} queries over {count:,} articles: p50 {p50:.1f} ms, p95 {p95:.1f} ms, "
        f"max {times[-1]:.1f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
