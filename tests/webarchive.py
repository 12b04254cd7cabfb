"""A small real archive for the web tests: the seed article, and short articles we wrote
ourselves (tests/data/web) as if from other outlets — one about the same happening, the
others not — ingested and grouped into stories exactly as `rasid ingest` and `rasid
stories` do."""

from __future__ import annotations

from pathlib import Path

from rasid.archive import stories
from rasid.archive.ingest import ingest
from rasid.archive.sources import Record
from rasid.archive.store import open_archive

from conftest import ROOT, SEED

WEB = ROOT / "tests" / "data" / "web"


def build_archive(path: Path) -> dict[str, int]:
    """Ingest the three articles into a new archive at ``path``; returns their ids."""
    records = [
        Record(
            "seed",
            SEED.read_text(encoding="utf-8"),
            source="almorsal",
            published="2022-02-28",
            url="https://example.org/seed",
        ),
        Record(
            "kyiv",
            (WEB / "kyiv-denies.txt").read_text(encoding="utf-8"),
            source="kyiv-daily",
            published="2022-02-28",
            url="https://example.org/kyiv",
        ),
        Record(
            "riyadh",
            (WEB / "riyadh-forum.txt").read_text(encoding="utf-8"),
            source="riyadh-daily",
            published="2022-03-01",
            url="https://example.org/riyadh",
        ),
        Record(
            "jeddah",
            (WEB / "jeddah-rain.txt").read_text(encoding="utf-8"),
            source="riyadh-daily",
            published="2022-03-02",
            url="https://example.org/jeddah",
        ),
        Record(
            "league",
            (WEB / "league-final.txt").read_text(encoding="utf-8"),
            source="sport-daily",
            published="2022-03-01",
            url="https://example.org/league",
        ),
    ]
    archive = open_archive(path)
    try:
        ingest([], archive, records=records)
        stories.update(archive)
        ids = {
            origin: article_id
            for article_id, origin in archive.db.execute("SELECT id, origin FROM articles")
        }
    finally:
        archive.close()
    return ids
