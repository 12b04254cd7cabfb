"""The data of every page: one ``*_data`` function per page returns a dict, and both the
HTML template and the ``.json`` twin render that same dict (the Datasette idea). Nothing
here knows about HTTP; the functions read an open archive and raise
:class:`rasid.errors.RasidError` for a request that cannot be answered.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from importlib import resources
from typing import Any

from rasid.archive import browse
from rasid.archive import search as search_module
from rasid.archive import stories as stories_module
from rasid.archive.export import filters_sql
from rasid.archive.fingerprint import index_terms
from rasid.archive.store import SQLiteArchive
from rasid.errors import ArchiveError
from rasid.schema import EVENT_TYPES

MAX_PER_PAGE = 100
ENTITY_LABELS = {"PER": "شخص", "LOC": "مكان", "ORG": "منظمة", "MISC": "أخرى"}
EVENT_LABELS = {
    "ATTACK": "هجوم",
    "CLASH": "اشتباك",
    "SEIZE": "سيطرة",
    "CASUALTIES": "ضحايا",
    "ARREST": "اعتقال",
    "TALKS": "محادثات",
    "AGREEMENT": "اتفاق",
    "DEMAND": "مطالبة",
    "PROTEST": "احتجاج",
}


class NotFound(ArchiveError):
    """A page or record that does not exist (the web layer answers 404)."""


def _paging(page: int, per_page: int) -> tuple[int, int]:
    if page < 1:
        raise ArchiveError("page must be 1 or more")
    if not 1 <= per_page <= MAX_PER_PAGE:
        raise ArchiveError(f"per_page must be between 1 and {MAX_PER_PAGE}")
    return page, per_page


def _date(value: str | None, name: str) -> str | None:
    if not value:
        return None
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise ArchiveError(f"{name} must be a date YYYY-MM-DD, not {value!r}") from None
    return value


def checked_event_type(value: str | None) -> str | None:
    """``value`` when it is an event type (None when empty); a clear error otherwise."""
    if not value:
        return None
    if value not in EVENT_TYPES:
        raise ArchiveError(f"event type must be one of {', '.join(EVENT_TYPES)}")
    return value


# ------------------------------------------------------------------ home


def home_data(archive: SQLiteArchive, *, days: int = 7) -> dict[str, Any]:
    """The latest stories, the most mentioned entities of the last ``days`` days of the
    archive, and the newest articles."""
    db = archive.db
    latest = db.execute("SELECT max(published) FROM articles").fetchone()[0]
    since = None
    if latest:
        since = (dt.date.fromisoformat(latest[:10]) - dt.timedelta(days=days)).isoformat()
    entities = [
        {"canonical": c, "label": lab, "mentions": n, "articles": k}
        for c, lab, n, k in db.execute(
            "SELECT e.canonical, e.label, count(*) AS n, count(DISTINCT m.article_id)"
            " FROM articles a JOIN mentions m ON m.article_id = a.id"
            " JOIN entities e ON e.id = m.entity_id"
            + (" WHERE a.published >= ?" if since else "")  # the date index, when set
            + " GROUP BY e.id ORDER BY n DESC, e.canonical LIMIT 20",
            (since,) if since else (),
        )
    ]
    stories = [
        {k: s[k] for k in ("id", "title", "first_seen", "last_seen", "outlets", "count")}
        for s in stories_module.stories(archive, limit=12)
    ]
    newest = [
        article_row(r)
        for r in db.execute(
            "SELECT id, title, source, published, url FROM articles"
            " ORDER BY published DESC, id DESC LIMIT 10"
        )
    ]
    return {
        "counts": archive.counts(),
        "latest": latest,
        "since": since,
        "stories": stories,
        "entities": entities,
        "newest": newest,
    }


def article_row(r: Sequence[Any]) -> dict[str, Any]:
    """``(id, title, source, published, url)`` as a dict."""
    return {"id": r[0], "title": r[1], "source": r[2], "published": r[3], "url": r[4]}


# ------------------------------------------------------------------ search


def search_data(
    archive: SQLiteArchive,
    q: str | None,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    outlet: str | None = None,
    entity: str | None = None,
    event_type: str | None = None,
    page: int = 1,
    per_page: int = 20,
) -> dict[str, Any]:
    """Full-text results (with snippets and highlight offsets) for ``q``, filtered, one
    page at a time; without ``q``, just the filter choices."""
    page, per_page = _paging(page, per_page)
    filters = {
        "from": _date(date_from, "from"),
        "to": _date(date_to, "to"),
        "outlet": outlet or None,
        "entity": entity or None,
        "event_type": checked_event_type(event_type),
    }
    outlets = [
        s
        for (s,) in archive.db.execute(
            "SELECT DISTINCT source FROM articles WHERE source IS NOT NULL ORDER BY source"
        )
    ]
    data: dict[str, Any] = {
        "query": q or "",
        "filters": filters,
        "page": page,
        "per_page": per_page,
        "results": [],
        "has_next": False,
        "outlets": outlets,
        "event_types": list(EVENT_TYPES),
    }
    if not q or not q.strip():
        return data
    hits = search_module.search(
        archive,
        q,
        date_from=filters["from"],
        date_to=filters["to"],
        outlet=filters["outlet"],
        entity=filters["entity"],
        event_type=filters["event_type"],
        limit=per_page + 1,
        offset=(page - 1) * per_page,
    )
    data["has_next"] = len(hits) > per_page
    data["results"] = [_hit(h.to_dict()) for h in hits[:per_page]]
    return data


def _hit(hit: dict[str, Any]) -> dict[str, Any]:
    """A hit with its snippet cut into plain and highlighted pieces (for escaping)."""
    pieces, pos = [], 0
    for start, end in hit["highlights"]:
        if start > pos:
            pieces.append({"text": hit["snippet"][pos:start], "hit": False})
        pieces.append({"text": hit["snippet"][start:end], "hit": True})
        pos = end
    if pos < len(hit["snippet"]):
        pieces.append({"text": hit["snippet"][pos:], "hit": False})
    return hit | {"pieces": pieces}


# ------------------------------------------------------------------ article


def _analysis(archive: SQLiteArchive, article_id: int) -> tuple[dict[str, Any], Sequence[Any]]:
    row = archive.db.execute(
        "SELECT analysis, id, origin, url, source, published, title FROM articles WHERE id = ?",
        (article_id,),
    ).fetchone()
    if row is None:
        raise NotFound(f"no article {article_id}")
    return json.loads(row[0]), row


def article_data(archive: SQLiteArchive, article_id: int) -> dict[str, Any]:
    """The clean article with its analysis, the text cut into marked pieces, the story it
    belongs to and related articles (same story first, then similar)."""
    doc, row = _analysis(archive, article_id)
    story = archive.db.execute(
        "SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)
    ).fetchone()
    related: list[dict[str, Any]] = []
    if story:
        related = [
            {**article_row(r), "why": "story"}
            for r in archive.db.execute(
                "SELECT a.id, a.title, a.source, a.published, a.url FROM story_articles sa"
                " JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = ? AND a.id != ?"
                " ORDER BY a.published, a.id LIMIT 10",
                (story[0], article_id),
            )
        ]
    related += _similar(archive, doc, article_id, {r["id"] for r in related})
    return _reading_view(
        doc,
        id=article_id,
        origin=row[2],
        url=row[3],
        source=row[4],
        published=row[5],
        story=story[0] if story else None,
        related=related[:10],
    )


def _reading_view(doc: dict[str, Any], **where: Any) -> dict[str, Any]:
    """The dict the reading view renders: where the article is from (``id``, ``origin``,
    ``url``, ``source``, ``published``, ``story``, ``related``) and its analysis."""
    article = doc["article"]
    return where | {
        "article": article,
        "paragraphs": marked_paragraphs(article, doc["entities"], doc["statements"]),
        "entities": doc["entities"],
        "statements": doc["statements"],
        "events": doc["events"],
        "removed": article.get("removed", []),
        "models": doc.get("models", {}),
    }


def _similar(
    archive: SQLiteArchive, doc: dict[str, Any], article_id: int, seen: set[int]
) -> list[dict[str, Any]]:
    """Articles that share the title's rarest words (two, else one) in the full-text index:
    rare words have short posting lists, so this stays cheap on a large archive."""
    title = doc["article"].get("title") or ""
    terms = list(dict.fromkeys(t for t in index_terms(title) if len(t) > 2))[:12]
    if not terms:
        return []
    counts = {t: n for t, n in archive.document_frequency(terms).items() if n > 1}
    rare = sorted(counts, key=counts.get)[:2]  # type: ignore[arg-type]
    found: list[dict[str, Any]] = []
    for query in (rare, rare[:1]) if len(rare) == 2 else (rare,):
        if not query:
            continue
        for stored in archive.matching(query, limit=8):
            if stored.id != article_id and stored.id not in seen:
                seen.add(stored.id)
                found.append(
                    {
                        "id": stored.id,
                        "title": stored.title,
                        "source": stored.source,
                        "published": stored.published,
                        "url": stored.url,
                        "why": "similar",
                    }
                )
        if found:
            break
    return found[:5]


def marked_paragraphs(
    article: dict[str, Any],
    entities: Sequence[dict[str, Any]],
    statements: Sequence[dict[str, Any]],
) -> list[dict[str, Any]]:
    """Each paragraph cut into pieces at entity and statement boundaries: ``{"text",
    "entity": {label, canonical} | None, "statement": index | None}``. The template escapes
    every piece; nothing from the source is ever inserted as HTML."""
    text = article["text"]
    out = []
    for para in article["paragraphs"]:
        start, end = para["start"], para["end"]
        cuts = {start, end}
        ents = [e for e in entities if start <= e["start"] < end]
        spans = [
            (k, max(s["content"]["start"], start), min(s["content"]["end"], end))
            for k, s in enumerate(statements)
            if s["content"]["start"] < end and s["content"]["end"] > start
        ]
        for e in ents:
            cuts.update((e["start"], min(e["end"], end)))
        for _, a, b in spans:
            cuts.update((a, b))
        bounds = sorted(cuts)
        pieces = []
        for a, b in zip(bounds, bounds[1:], strict=False):
            entity = next((e for e in ents if e["start"] <= a and b <= e["end"]), None)
            inside = [(y - x, k) for k, x, y in spans if x <= a and b <= y]
            pieces.append(
                {
                    "text": text[a:b],
                    "entity": None
                    if entity is None
                    else {"label": entity["label"], "canonical": entity["canonical"]},
                    "statement": min(inside)[1] if inside else None,  # the innermost
                    "ends": next((k for k, _, y in spans if y == b and (y - 1) >= a), None),
                }
            )
        out.append({"kind": para["kind"], "pieces": pieces})
    return out


# ------------------------------------------------------------------ story


def story_data(archive: SQLiteArchive, story_id: int) -> dict[str, Any]:
    """A story: its articles per outlet on a timeline and the claims view (for each
    speaker, what they assert and what they deny, side by side)."""
    try:
        data = stories_module.story(archive, story_id)
    except ArchiveError as exc:
        raise NotFound(str(exc)) from None
    days = sorted({a["published"] for a in data["articles"] if a["published"]})
    timeline = [
        {
            "outlet": outlet,
            "days": [
                {"date": d, "articles": [a for a in items if a["published"] == d]} for d in days
            ],
        }
        for outlet, items in sorted(data["outlets"].items())
    ]
    return data | {"days": days, "timeline": timeline}


def stories_data(archive: SQLiteArchive, *, page: int = 1, per_page: int = 20) -> dict[str, Any]:
    page, per_page = _paging(page, per_page)
    found = stories_module.stories(archive, limit=per_page + 1, offset=(page - 1) * per_page)
    return {
        "page": page,
        "per_page": per_page,
        "has_next": len(found) > per_page,
        "stories": found[:per_page],
    }


# ------------------------------------------------------------------ entity


def entity_data(archive: SQLiteArchive, name: str) -> dict[str, Any]:
    """Mentions over time, statements by and about the entity, co-occurring entities and,
    for a place, its point and the events located there."""
    try:
        profile = browse.entity(archive, name).to_dict()
    except ArchiveError as exc:
        raise NotFound(str(exc)) from None
    peak = max((d["mentions"] for d in profile["by_day"]), default=0)
    chart = [
        {**d, "height": round(40 * d["mentions"] / peak, 1) if peak else 0}
        for d in profile["by_day"]
    ]
    places = []
    events: list[dict[str, Any]] = []
    if profile["lat"] is not None and profile["lon"] is not None:
        places.append(_point(profile["lat"], profile["lon"], profile["canonical"], None))
        events = [
            {"article": article_id, "title": title, "published": published, **json.loads(data)}
            for article_id, title, published, data in archive.db.execute(
                "SELECT a.id, a.title, a.published, x.data FROM events x JOIN articles a"
                " ON a.id = x.article_id WHERE json_extract(x.data, '$.location.entity') = ?"
                " ORDER BY a.published DESC, a.id DESC LIMIT 50",
                (profile["canonical"],),
            )
        ]
    return profile | {
        "chart": chart,
        "points": places,
        "events": events,
        "world": world_paths() if places else [],
    }


# ------------------------------------------------------------------ map


def map_data(
    archive: SQLiteArchive,
    *,
    event_type: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 2000,
) -> dict[str, Any]:
    """Events with coordinates as points on the world outline, filtered by type and date."""
    kind = checked_event_type(event_type)
    date_from, date_to = _date(date_from, "from"), _date(date_to, "to")
    where, params = filters_sql(date_from, date_to, None)
    where += " AND json_extract(x.data, '$.location.lat') IS NOT NULL"
    joined = f" FROM events x JOIN articles a ON a.id = x.article_id WHERE 1{where}"
    counts = dict(
        archive.db.execute(
            f"SELECT json_extract(x.data, '$.type') AS t, count(*){joined} GROUP BY t", params
        ).fetchall()
    )
    if kind:
        joined += " AND json_extract(x.data, '$.type') = ?"
        params = [*params, kind]
    points = []
    for article_id, title, published, data in archive.db.execute(
        f"SELECT a.id, a.title, a.published, x.data{joined}"
        " ORDER BY a.published DESC, a.id LIMIT ?",
        [*params, limit],
    ):
        event = json.loads(data)
        place = event["location"]
        point = _point(place["lat"], place["lon"], place["text"], article_id)
        points.append(point | {"type": event["type"], "title": title, "published": published})
    return {
        "filters": {"event_type": kind, "from": date_from, "to": date_to},
        "event_types": list(EVENT_TYPES),
        "counts": dict(counts),
        "points": points,
        "world": world_paths(),
    }


def _point(lat: float, lon: float, label: str, article_id: int | None) -> dict[str, Any]:
    return {
        "lat": lat,
        "lon": lon,
        "x": round(lon + 180, 2),
        "y": round(90 - lat, 2),
        "label": label,
        "article": article_id,
    }


def world_paths() -> list[str]:
    """The bundled world outline (Natural Earth 1:110m, public domain) as SVG paths in a
    360 × 180 equirectangular frame; see ``rasid.web.build_world``."""
    raw = resources.files("rasid.web").joinpath("static/world.json").read_text("utf-8")
    return json.loads(raw)["paths"]


# ------------------------------------------------------------------ analyse


def analysis_data(doc: dict[str, Any]) -> dict[str, Any]:
    """An analysis document (not stored) as the article page shows it."""
    article = doc["article"]
    return _reading_view(
        doc,
        id=None,
        origin=article.get("origin"),
        url=article.get("url"),
        source=article.get("source"),
        published=article.get("published"),
        story=None,
        related=[],
    )
