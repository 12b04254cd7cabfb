"""Score the HTML reader on the Arabic pages with reference annotations in ../shared.

    python bench/html_gold.py

Prints one row per page (word-level F1 of the body against the full-text golds, the
trafilatura-style with/without snippets, the published date) as a Markdown table for
docs/benchmarks.md. The same thresholds are asserted by tests/test_read_html_gold.py.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import rasid
from rasid.evaluate import word_f1

GOLD = Path(__file__).resolve().parents[1].parent / "shared/data/news/ar_html_extraction_gold"


def main() -> int:
    manifest = GOLD / "manifest.jsonl"
    if not manifest.exists():
        print(f"gold pages not found at {GOLD}", file=sys.stderr)
        return 2
    print("| page | gold | result |")
    print("|---|---|---|")
    dates_right = dates_total = 0
    start = time.perf_counter()
    for line in manifest.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        gold = record["gold"]
        article = rasid.read(GOLD / "pages" / record["file"], url=record["url"])
        if record["gold_type"] == "full_text":
            f1 = word_f1("\n".join(article.body), gold["body"])
            title = "title exact" if article.title == gold["title"] else "title differs"
            result = f"word F1 {f1:.3f}, {title}"
        elif record["gold_type"] == "snippets":
            found = sum(s in article.text for s in gold["with_snippets"])
            leaked = sum(s in article.text for s in gold["without_snippets"])
            result = (
                f"{found}/{len(gold['with_snippets'])} 'with' kept, "
                f"{leaked}/{len(gold['without_snippets'])} 'without' leaked"
            )
        else:
            dates_total += 1
            right = article.published == gold["date"]
            dates_right += right
            result = (
                f"date {article.published} ({'right' if right else 'wrong'}; gold {gold['date']})"
            )
        print(f"| {record['id']} | {record['gold_type']} | {result} |")
    elapsed = time.perf_counter() - start
    print(f"\ndates right: {dates_right}/{dates_total}; 11 pages read in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
