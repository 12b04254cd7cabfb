"""How story grouping's settings move its agreement with the hand-labelled pairs: regroups
a copy of the SaudiNewsNet archive once per setting and prints pairwise P/R/F1 and story
sizes (about 30 s a setting for the 27,023 articles).

    cp /tmp/rasid-snn-bench.db /tmp/stories-work.db
    python bench/stories_sweep.py --db /tmp/stories-work.db \
        [--thresholds 0.18 0.22 0.26] [--merge 0.3] [--spans 1] [--text-only] [--no-merge]

It deletes the stories of the archive it is given (use a copy). ``--text-only`` leaves the
entities out of the vectors; ``--no-merge`` never merges stories. The chosen settings of
``rasid.archive.stories`` should sit on a plateau of this sweep, not on a lone peak.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import product
from pathlib import Path
from typing import Any

from stories_eval import forget_stories, score, sizes

from rasid.archive import stories
from rasid.archive.store import open_archive


@contextmanager
def settings(**values: Any) -> Iterator[None]:
    """Set module constants of ``rasid.archive.stories`` for the duration."""
    before = {name: getattr(stories, name) for name in values}
    for name, value in values.items():
        setattr(stories, name, value)
    try:
        yield
    finally:
        for name, value in before.items():
            setattr(stories, name, value)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a copy: its stories are deleted")
    parser.add_argument("--thresholds", type=float, nargs="+", default=[stories.THRESHOLD])
    parser.add_argument("--merge", type=float, nargs="+", default=[stories.MERGE_THRESHOLD])
    parser.add_argument("--spans", type=int, nargs="+", default=[stories.SPAN_DAYS])
    parser.add_argument("--text-only", action="store_true", help="no entities in the vectors")
    parser.add_argument("--no-merge", action="store_true", help="never merge stories")
    args = parser.parse_args()
    if not args.db.exists():
        print(f"no archive at {args.db}", file=sys.stderr)
        return 2
    archive = open_archive(args.db)
    merges = [2.0] if args.no_merge else args.merge  # a centroid cosine is never above 1
    original = stories._Vectors.entity_counts
    if args.text_only:
        stories._Vectors.entity_counts = lambda self, article_id: {}  # type: ignore[method-assign]
    try:
        for threshold, merge, span in product(args.thresholds, merges, args.spans):
            with settings(THRESHOLD=threshold, MERGE_THRESHOLD=merge, SPAN_DAYS=span):
                forget_stories(archive)
                start = time.perf_counter()
                stories.update(archive)
                took = time.perf_counter() - start
            label = f"threshold {threshold:.2f} merge {merge if merge <= 1 else '-'} span {span}"
            print(f"{label}: {score(archive)} [{took:.0f} s] {sizes(archive)}", flush=True)
    finally:
        stories._Vectors.entity_counts = original  # type: ignore[method-assign]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
