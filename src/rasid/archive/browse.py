"""Browsing the archive: statements by speaker, and an entity's profile (mentions over
time, what it said and what was said about it, who appears with it)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rasid.archive.fingerprint import index_text
from rasid.archive.store import SQLiteArchive
from rasid.errors import ArchiveError

MAX_LIMIT = 500


def _limit(limit: int) -> int:
    if not 1 <= limit <= MAX_LIMIT:
        raise ArchiveError(f"--limit must be between 1 and {MAX_LIMIT}")
    return limit


_STATEMENT_COLUMNS = (
    "s.article_id, s.idx, s.speaker, s.speaker_kind, s.speaker_entity, s.anonymous,"
    " s.descriptor, s.cue, s.content, s.direct, s.via, s.stance, s.refers_to,"
    " a.title, a.url, a.source, a.published"
)


def _statement(r: tuple) -> dict[str, Any]:
    return {
        "article": {"id": r[0], "title": r[13], "url": r[14], "source": r[15], "published": r[16]},
        "index": r[1],
        "speaker": {
            "text": r[2],
            "kind": r[3],
            "entity": r[4],
            "anonymous": bool(r[5]),
            "descriptor": r[6],
        },
        "cue": r[7],
        "content": r[8],
        "direct": bool(r[9]),
        "via": json.loads(r[10]),
        "stance": r[11],
        "refers_to": r[12],
    }


@lru_cache(maxsize=65_536)
def _speaker_key(speaker: str, entity: str | None) -> str:
    """A speaker's searchable form (a pure function of its text, remembered: the same
    speakers come back thousands of times in an archive)."""
    return index_text(speaker) + " | " + index_text(entity or "")


def statements(
    archive: SQLiteArchive,
    *,
    speaker: str | None = None,
    stance: str | None = None,
    limit: int = 50,
) -> list[dict[str, Any]]:
    """Stored statements, newest article first; ``speaker`` matches the speaker's text or
    linked entity after normalisation (``وزارة الدفاع`` finds ``وزارة الدفاع الروسية``)."""
    limit = _limit(limit)
    if stance is not None and stance not in ("assert", "deny"):
        raise ArchiveError("--stance must be assert or deny")
    wanted = index_text(speaker) if speaker else ""
    if speaker is not None and not wanted:
        raise ArchiveError("the speaker has no words to look for")
    out = []
    cursor = archive.db.execute(
        f"SELECT {_STATEMENT_COLUMNS} FROM statements s JOIN articles a ON a.id = s.article_id"
        " WHERE (? IS NULL OR s.stance = ?) ORDER BY a.published DESC, s.article_id, s.idx",
        (stance, stance),
    )
    for r in cursor:
        if wanted and wanted not in _speaker_key(r[2], r[4]):
            continue
        out.append(_statement(r))
        if len(out) >= limit:
            break
    return out


@dataclass(slots=True)
class EntityProfile:
    canonical: str
    label: str
    id: str | None
    lat: float | None
    lon: float | None
    mentions: int = 0
    articles: int = 0
    by_day: list[tuple[str, int]] = field(default_factory=list)
    with_entities: list[tuple[str, str, int]] = field(default_factory=list)
    said: list[dict[str, Any]] = field(default_factory=list)
    said_about: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "canonical": self.canonical,
            "label": self.label,
            "id": self.id,
            "lat": self.lat,
            "lon": self.lon,
            "mentions": self.mentions,
            "articles": self.articles,
            "by_day": [{"date": d, "mentions": n} for d, n in self.by_day],
            "with": [
                {"canonical": c, "label": lab, "articles": n} for c, lab, n in self.with_entities
            ],
            "said": self.said,
            "said_about": self.said_about,
        }


def entity(archive: SQLiteArchive, name: str, *, limit: int = 20) -> EntityProfile:
    """The entity whose canonical name (or a mention of it) matches ``name``, normalised;
    the most mentioned one when several match. Raises ArchiveError when none does."""
    key = index_text(name)
    if not key:
        raise ArchiveError("the name has no words to look for")
    row = archive.db.execute(
        "SELECT e.id, e.canonical, e.label, e.gazetteer_id, e.lat, e.lon FROM entities e"
        " JOIN mentions m ON m.entity_id = e.id WHERE e.key = ?"
        " GROUP BY e.id ORDER BY count(*) DESC LIMIT 1",
        (key,),
    ).fetchone()
    if row is None:
        row = archive.db.execute(
            "SELECT e.id, e.canonical, e.label, e.gazetteer_id, e.lat, e.lon FROM entities e"
            " JOIN mentions m ON m.entity_id = e.id WHERE e.key LIKE ?"
            " GROUP BY e.id ORDER BY count(*) DESC LIMIT 1",
            (f"%{key}%",),
        ).fetchone()
    if row is None:
        raise ArchiveError(f"no entity named {name!r} in the archive")
    entity_id = row[0]
    profile = EntityProfile(canonical=row[1], label=row[2], id=row[3], lat=row[4], lon=row[5])
    db = archive.db
    profile.mentions, profile.articles = db.execute(
        "SELECT count(*), count(DISTINCT article_id) FROM mentions WHERE entity_id = ?",
        (entity_id,),
    ).fetchone()
    profile.by_day = db.execute(
        "SELECT a.published, count(*) FROM mentions m JOIN articles a ON a.id = m.article_id"
        " WHERE m.entity_id = ? AND a.published IS NOT NULL GROUP BY a.published"
        " ORDER BY a.published",
        (entity_id,),
    ).fetchall()
    profile.with_entities = db.execute(
        "SELECT e.canonical, e.label, count(DISTINCT m2.article_id) AS n FROM mentions m1"
        " JOIN mentions m2 ON m2.article_id = m1.article_id AND m2.entity_id != m1.entity_id"
        " JOIN entities e ON e.id = m2.entity_id WHERE m1.entity_id = ?"
        " GROUP BY e.id ORDER BY n DESC, e.canonical LIMIT ?",
        (entity_id, _limit(limit)),
    ).fetchall()
    profile.said = statements(archive, speaker=profile.canonical, limit=_limit(limit))
    profile.said_about = [
        _statement(r)
        for r in db.execute(
            f"SELECT DISTINCT {_STATEMENT_COLUMNS} FROM statements s"
            " JOIN articles a ON a.id = s.article_id JOIN mentions m ON m.article_id = s.article_id"
            " AND m.start >= s.content_start AND m.end <= s.content_end WHERE m.entity_id = ?"
            " ORDER BY a.published DESC, s.article_id, s.idx LIMIT ?",
            (entity_id, _limit(limit)),
        )
    ]
    return profile
