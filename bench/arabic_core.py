"""Speed of the Arabic text core on the bundled example article, repeated.

    python bench/arabic_core.py [--repeat 500]

Best of 5 runs of each function over the seed article repeated N times.
"""

from __future__ import annotations

import argparse
import platform
import time
from pathlib import Path

from rasid.arabic import find_numbers, normalize, split_sentences, tokenize

SEED = Path(__file__).resolve().parents[1] / "examples" / "seed-article.txt"


def best_of(runs: int, func, text: str) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func(text)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=500)
    args = parser.parse_args()
    text = "\n".join([SEED.read_text(encoding="utf-8")] * args.repeat)
    tokens = len(tokenize(text))
    print(f"machine: {platform.machine()}, Python {platform.python_version()}")
    print(f"text: seed article x {args.repeat} = {len(text):,} characters, {tokens:,} tokens")
    for name, func in (
        ("normalize", normalize),
        ("tokenize", tokenize),
        ("split_sentences", split_sentences),
        ("find_numbers", find_numbers),
    ):
        seconds = best_of(5, func, text)
        print(f"{name:16} {seconds:7.3f} s  {tokens / seconds:12,.0f} tokens/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
