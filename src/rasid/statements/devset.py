"""The statements development set: hand annotations stored as ids + offsets + labels
(``tests/data/statements_dev/``, guide in ``tests/data/README.md``), with the article
texts rebuilt from the corpora in ``../shared`` — no corpus text lives in the repo."""

from __future__ import annotations

import hashlib
import json
import os
import re
import tarfile
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from rasid.errors import EvaluationError

REPO = Path(__file__).resolve().parents[3]
DEFAULT_GOLD = REPO / "tests" / "data" / "statements_dev"
HELD_OUT = REPO / "tests" / "data" / "statements_test"  # never used to develop the rules
SAUDINEWSNET = Path("data/news/saudinewsnet/dataset")
ANT_TARBALL = Path("data/news/antcorpus_v1.1/antcorpus_v1.1_JawharaFM.tar.gz")


def default_shared() -> Path:
    return Path(os.environ.get("RASID_SHARED", REPO.parent / "shared"))


@dataclass(frozen=True, slots=True)
class GoldVia:
    text: str
    kind: str


@dataclass(frozen=True, slots=True)
class GoldStatement:
    speaker: str
    kind: str
    anonymous: bool
    descriptor: str | None
    cue: str
    content: str
    direct: bool
    via: tuple[GoldVia, ...]
    stance: str
    refers_to: int | None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    corpus: str
    id: str
    outlet: str
    published: str | None
    title: str | None
    text: str
    statements: tuple[GoldStatement, ...]


@cache
def _saudinewsnet_zip(path: Path) -> list[dict[str, Any]]:
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read(archive.namelist()[0]))


def _saudinewsnet(shared: Path, article_id: str) -> tuple[str, str | None]:
    name, _, index = article_id.partition("#")
    record = _saudinewsnet_zip(shared / SAUDINEWSNET / name)[int(index)]
    return record.get("content") or "", record.get("title")


@cache
def _ant_members(tarball: Path) -> dict[str, bytes]:
    with tarfile.open(tarball) as archive:
        return {
            m.name: archive.extractfile(m).read()  # type: ignore[union-attr]
            for m in archive.getmembers()
            if m.isfile()
        }


def _ant(shared: Path, member: str) -> tuple[str, str | None]:
    members = _ant_members(shared / ANT_TARBALL)
    raw = next((v for k, v in members.items() if k == member or k.endswith("/" + member)), None)
    if raw is None:
        raise EvaluationError(f"the ANT corpus has no document {member}")
    doc = raw.decode("utf-8")
    text = re.search(r"<TEXT>(.*?)</TEXT>", doc, re.S)
    title = re.search(r"<TITLE>(.*?)</TITLE>", doc, re.S)
    return (text.group(1) if text else ""), (title.group(1).strip() if title else None)


def _span(text: str, span: dict[str, Any] | None) -> str | None:
    if not span:
        return None
    return text[span["start"] : span["end"]]


def load_article(path: Path, shared: Path) -> GoldArticle:
    data = json.loads(path.read_text(encoding="utf-8"))
    if data["corpus"] == "saudinewsnet":
        text, title = _saudinewsnet(shared, data["id"])
    elif data["corpus"] == "ant":
        text, title = _ant(shared, data["id"])
    else:
        raise EvaluationError(f"{path.name}: unknown corpus {data['corpus']!r}")
    if hashlib.sha1(text.encode("utf-8")).hexdigest() != data["sha1"]:
        raise EvaluationError(
            f"{path.name}: the rebuilt text differs from the annotated one (sha1)"
        )
    statements = []
    for s in data["statements"]:
        speaker = s["speaker"]
        statements.append(
            GoldStatement(
                speaker=_span(text, speaker) or "",
                kind=speaker["kind"],
                anonymous=bool(speaker.get("anonymous")),
                descriptor=_span(text, speaker.get("descriptor")),
                cue=_span(text, s["cue"]) or "",
                content=_span(text, s["content"]) or "",
                direct=bool(s["direct"]),
                via=tuple(GoldVia(_span(text, v) or "", v["kind"]) for v in s.get("via") or ()),
                stance=s.get("stance", "assert"),
                refers_to=s.get("refers_to"),
            )
        )
    return GoldArticle(
        corpus=data["corpus"],
        id=data["id"],
        outlet=data.get("outlet", ""),
        published=data.get("published"),
        title=title,
        text=text,
        statements=tuple(statements),
    )


def load_devset(gold: Path | None = None, shared: Path | None = None) -> list[GoldArticle]:
    """Every annotated article, in file-name order. Raises :class:`RasidError` when the
    annotations or the corpora are not there."""
    gold = gold or DEFAULT_GOLD
    shared = shared or default_shared()
    files = sorted(gold.glob("*.json"))
    if not files:
        raise EvaluationError(f"no statement annotations in {gold}")
    if not shared.is_dir():
        raise EvaluationError(f"the corpora are not at {shared} (set RASID_SHARED or --shared)")
    return [load_article(f, shared) for f in files]
