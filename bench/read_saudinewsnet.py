"""Read all SaudiNewsNet articles through the scraped-text reader.

Reports articles/s, peak memory and what the boilerplate cleaner removed, by reason and
by outlet. With ``--sample N`` it also writes, for N articles chosen at random (seeded),
each article's removed pieces and kept paragraphs to a review file outside the repo, and
their ids to ``tests/data/`` — the list that was checked by hand.

    python bench/read_saudinewsnet.py
    python bench/read_saudinewsnet.py --sample 100 --seed 2015 --review /tmp/review.md
    python bench/read_saudinewsnet.py --reuse-sample --review /tmp/review.md

``--reuse-sample`` writes the review file for the ids already in ``tests/data`` (the list
that was checked by hand), so a changed cleaner can be re-checked on the same articles.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import resource
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from rich.progress import Progress

import rasid
from rasid.reader import read_text

from saudinewsnet import DATASET, records


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=DATASET)
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--seed", type=int, default=2015)
    parser.add_argument("--review", type=Path, default=Path("/tmp/rasid-review.md"))
    parser.add_argument("--reuse-sample", action="store_true")
    parser.add_argument(
        "--ids-out", type=Path, default=Path("tests/data/saudinewsnet_boilerplate_sample.json")
    )
    args = parser.parse_args()
    if not args.dataset.exists():
        print(f"SaudiNewsNet not found at {args.dataset}", file=sys.stderr)
        return 2

    ids = [record.id for record in records(args.dataset)]  # first pass: only the ids
    if args.reuse_sample:
        chosen = set(json.loads(args.ids_out.read_text())["ids"])
    elif args.sample:
        chosen = set(random.Random(args.seed).sample(ids, args.sample))
    else:
        chosen = set()
    reasons: Counter[str] = Counter()
    by_outlet: dict[str, Counter[str]] = defaultdict(Counter)
    errors: Counter[str] = Counter()
    sampled = {}
    start = time.perf_counter()
    with Progress(transient=True) as progress:
        task = progress.add_task("reading", total=len(ids))
        for record in records(args.dataset):  # streamed: one day's file in memory at a time
            try:
                article = read_text(
                    record.content,
                    title=record.title or None,
                    author=record.author or None,
                    source=record.source,
                    url=record.url or None,
                )
            except rasid.ReadError as exc:
                errors[exc.code] += 1
            else:
                for removed in article.removed:
                    reasons[removed.reason] += 1
                    by_outlet[record.source][removed.reason] += 1
                if record.id in chosen:
                    sampled[record.id] = (record, article)
            progress.advance(task)
    elapsed = time.perf_counter() - start
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(
        f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, Python {platform.python_version()}"
    )
    rate = len(ids) / elapsed
    print(f"articles: {len(ids)}, read in {elapsed:.1f} s = {rate:.0f} articles/s")
    print(f"peak RSS: {peak_mib:.0f} MiB (records streamed, one day's file at a time)")
    print(f"refused: {sum(errors.values())} {dict(errors)}")
    print("removed, by reason:", dict(reasons.most_common()))
    for outlet, counts in sorted(by_outlet.items()):
        print(f"  {outlet:14} {dict(counts.most_common())}")

    if chosen:
        order = [i for i in ids if i in sampled]
        if not args.reuse_sample:
            args.ids_out.parent.mkdir(parents=True, exist_ok=True)
            args.ids_out.write_text(json.dumps({"seed": args.seed, "ids": order}, indent=1) + "\n")
        with args.review.open("w", encoding="utf-8") as out:
            for record_id in order:
                record, article = sampled[record_id]
                out.write(f"## {record.id} ({record.source})\n")
                out.write(f"author field: {record.author!r} → {article.author!r}; ")
                out.write(f"dateline {article.dateline!r}, agency {article.agency!r}\n")
                for removed in article.removed:
                    out.write(f"- REMOVED [{removed.reason}] {removed.text}\n")
                for paragraph in article.paragraphs:
                    out.write(f"  {paragraph.kind[0].upper()}: {paragraph.text}\n")
                out.write("\n")
        print(f"sample of {len(order)} written to {args.review} (ids: {args.ids_out})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
