"""What each analysis stage costs per article, one core.

    python bench/stages_speed.py [--articles 1000] [--warm 0]

Takes the first N non-empty SaudiNewsNet bodies (with their corpus date, so relative
times resolve) and times, per article, the steps of ``rasid.analyze`` on scraped text:
reading (boilerplate removal), entities, statements and events. Prints the time of each
and the share statements and events add to read + entities. With ``--warm N`` the first N
bodies are analysed untimed first (the memos of spellings filled, as in a long ingest) and
the times are CPU times (``time.process_time``) of the next ``--articles``.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time

import rasid
from rasid.pipeline import default_components
from rasid.reader import read_text
from rasid.schema import Analysis

from saudinewsnet import DATASET, records


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--warm", type=int, default=0, help="bodies analysed untimed first")
    args = parser.parse_args()
    clock = time.process_time if args.warm else time.perf_counter
    if not DATASET.exists():
        print(f"SaudiNewsNet not found at {DATASET}", file=sys.stderr)
        return 2
    bodies = []
    for record in records():
        if len(bodies) >= args.warm + args.articles:
            break
        if record.content.strip():
            bodies.append((record.content, record.title or None, record.date))
    entities, statements, events = default_components()
    for content, title, published in bodies[: args.warm]:
        try:
            warm = Analysis(article=read_text(content, title=title, published=published))
        except rasid.ReadError:
            continue
        for component in (entities, statements, events):
            component(warm)
    bodies = bodies[args.warm :]

    read_s = entity_s = statement_s = event_s = 0.0
    count = found = found_events = 0
    for content, title, published in bodies:
        start = clock()
        try:
            article = read_text(content, title=title, published=published)
        except rasid.ReadError:
            continue
        middle = clock()
        analysis = Analysis(article=article)
        entities(analysis)
        after_entities = clock()
        statements(analysis)
        after_statements = clock()
        events(analysis)
        end = clock()
        read_s += middle - start
        entity_s += after_entities - middle
        statement_s += after_statements - after_entities
        event_s += end - after_statements
        count += 1
        found += len(analysis.statements)
        found_events += len(analysis.events)

    rest = read_s + entity_s
    print(f"machine: {platform.machine()}, Python {platform.python_version()}, one process")
    print(
        f"articles: {count:,} SaudiNewsNet bodies, {found:,} statements and "
        f"{found_events:,} events found"
    )
    for name, seconds in (
        ("read", read_s),
        ("entities", entity_s),
        ("statements", statement_s),
        ("events", event_s),
    ):
        print(f"{name:>10}: {seconds:6.1f} s = {1000 * seconds / count:6.2f} ms/article")
    print(f"statements add {100 * statement_s / rest:.1f}% to read + entities")
    print(f"events add {100 * event_s / rest:.1f}% to read + entities")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
