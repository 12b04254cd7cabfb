"""Shared fixtures. Tests that read ../shared skip cleanly when it is absent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "seed-article.txt"
SHARED = Path(__import__("os").environ.get("RASID_SHARED", ROOT.parent / "shared"))
HTML_GOLD = SHARED / "data" / "news" / "ar_html_extraction_gold"
SAUDINEWSNET = SHARED / "data" / "news" / "saudinewsnet" / "dataset"


def need(path: Path) -> Path:
    """Skip the calling test when a piece of ../shared is not on this machine."""
    if not path.exists():
        pytest.skip(f"{path} is not available (../shared data)")
    return path


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def html_gold() -> list[dict]:
    manifest = need(HTML_GOLD / "manifest.jsonl")
    return [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines() if line]
