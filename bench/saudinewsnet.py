"""Shared loader for the SaudiNewsNet benchmarks (../shared, never shipped)."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DATASET = Path(__file__).resolve().parents[1].parent / "shared/data/news/saudinewsnet/dataset"


@dataclass(frozen=True, slots=True)
class Record:
    id: str  # "<zip name>#<index in its JSON array>": an id, not text
    source: str
    url: str
    date: str
    title: str
    author: str
    content: str


def records(dataset: Path = DATASET) -> Iterator[Record]:
    """Every article, in file order."""
    for path in sorted(dataset.glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            items = json.loads(archive.read(archive.namelist()[0]))
        for i, item in enumerate(items):
            yield Record(
                id=f"{path.name}#{i}",
                source=item.get("source") or "",
                url=item.get("url") or "",
                date=(item.get("date_extracted") or "")[:10],
                title=item.get("title") or "",
                author=item.get("author") or "",
                content=item.get("content") or "",
            )
