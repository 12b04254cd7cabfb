"""Ingest all of SaudiNewsNet into a fresh archive and report speed, memory and duplicates.

    python bench/ingest_saudinewsnet.py [--workers 2] [--db /tmp/snn.db] [--limit N]

Reports: wall time, articles per second (in all and per worker), peak RSS of the main
process and of the largest worker, database size; how many of the corpus's exact repeats
(records whose raw body equals an earlier record's) the archive linked as duplicates; and
the floor — the same records merely read (boilerplate removal) and tokenised, one core.
"""

from __future__ import annotations

import argparse
import hashlib
import platform
import resource
import sys
import time
from pathlib import Path

from rasid.arabic import tokenize
from rasid.archive.ingest import ingest
from rasid.archive.sources import Record, iter_records
from rasid.archive.store import open_archive
from rasid.errors import ReadError
from rasid.reader import read_text

from saudinewsnet import DATASET


def records(limit: int | None) -> list:
    out: list = []
    for path in sorted(DATASET.glob("*.zip")):
        out.extend(iter_records(path))
        if limit and len(out) >= limit:
            return out[:limit]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--db", type=Path, default=Path("/tmp/rasid-snn-bench.db"))
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    if not DATASET.exists():
        print(f"SaudiNewsNet not found at {DATASET}", file=sys.stderr)
        return 2
    for suffix in ("", "-wal", "-shm"):
        Path(str(args.db) + suffix).unlink(missing_ok=True)

    items = records(args.limit)
    print(
        f"machine: {platform.machine()}, Python {platform.python_version()}, "
        f"{args.workers} worker(s)"
    )

    # the floor: read + tokenise only, one core
    start = time.perf_counter()
    floor_n = 0
    for item in items:
        if isinstance(item, Record):
            try:
                tokenize(read_text(item.data, title=item.title).text)  # type: ignore[arg-type]
                floor_n += 1
            except ReadError:
                pass
    floor = time.perf_counter() - start
    print(
        f"floor (read + tokenise, 1 core): {floor_n:,} articles in {floor:.1f} s "
        f"= {floor_n / floor:,.0f}/s"
    )

    archive = open_archive(args.db)
    start = time.perf_counter()
    summary = ingest([], archive, workers=args.workers, batch_size=200, records=items)
    wall = time.perf_counter() - start
    done = summary.analysed + summary.duplicates + summary.skipped
    print(
        f"ingest: {done:,} records in {wall:.1f} s = {done / wall:,.1f}/s, "
        f"{done / wall / args.workers:,.1f}/s per worker; analysed {summary.analysed:,}, "
        f"duplicates {summary.duplicates:,}, skipped {summary.skipped:,}"
    )
    print(
        f"  that is {wall / floor * floor_n / max(1, done):.1f}× the floor's time per article "
        f"(on {args.workers} worker(s) against 1 core)"
    )
    main_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # workers joined
    print(f"peak RSS: main {main_rss:,.0f} MiB, largest worker {child_rss:,.0f} MiB")
    archive.close()
    size = sum(
        Path(str(args.db) + s).stat().st_size
        for s in ("", "-wal")
        if Path(str(args.db) + s).exists()
    )
    print(f"database: {size / 2**20:,.0f} MiB")

    # exact repeats in the raw corpus (bodies equal after whitespace normalisation, as the
    # dataset's README counts them): every later copy must be linked, or skipped when the
    # body is empty or holds no article
    first: dict[str, str] = {}
    repeats, empty_repeats = [], 0
    for item in items:
        body = item.data if isinstance(item, Record) and isinstance(item.data, str) else ""
        key = " ".join(body.split())
        if not isinstance(item, Record):
            empty_repeats += 1
            continue
        digest = hashlib.sha1(key.encode("utf-8")).hexdigest()
        if digest in first:
            repeats.append(item.origin)
        else:
            first[digest] = item.origin
    archive = open_archive(args.db)
    linked = {o for (o,) in archive.db.execute("SELECT origin FROM duplicates")}
    skipped = {o for (o,) in archive.db.execute("SELECT origin FROM skipped")}
    found = sum(1 for o in repeats if o in linked)
    lost = [o for o in repeats if o not in linked and o not in skipped]
    print(
        f"raw exact repeats: {len(repeats):,} non-empty + {max(0, empty_repeats - 1):,} empty "
        f"bodies; linked as duplicates: {found:,}; skipped (no article): "
        f"{sum(1 for o in repeats if o in skipped):,}; missed: {len(lost):,}; "
        f"all duplicate links: {len(linked):,}"
    )
    archive.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
