"""Stories: articles about the same happening, across outlets, grouped as they arrive.

Each article not yet in a story is compared with the articles already grouped that were
published within ``WINDOW_DAYS`` of it: candidates come from the full-text index (its
``QUERY_TERMS`` most distinctive terms, any of them), and the similarity is the cosine of
TF-IDF vectors over normalised stems (document frequencies from the index itself). The
article joins the story of its most similar candidate when the cosine is at least
``THRESHOLD``, else it starts a story. Grouping is incremental: ``update`` only looks at
articles without a story, in publication order, so it can run after every ingest.

The threshold 0.2 comes from the hand-labelled pairs (``bench/story_pairs_baseline.py``):
there the whole-text cosine separates same-story pairs best at 0.2.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from rasid.archive.fingerprint import index_terms
from rasid.archive.store import SQLiteArchive
from rasid.errors import ArchiveError

THRESHOLD = 0.2
WINDOW_DAYS = 2
QUERY_TERMS = 8
CANDIDATES = 20
KEPT_TERMS = 120  # the most frequent terms kept per article
BATCH = 500  # articles placed per transaction


def term_counts(terms: Iterable[str]) -> dict[str, int]:
    """An article's term frequencies (its ``KEPT_TERMS`` most frequent stems) from its
    search terms (:func:`rasid.archive.fingerprint.index_terms`)."""
    counts = Counter(t for t in terms if len(t) > 2 and not t[:1].isdigit())
    return dict(counts.most_common(KEPT_TERMS))


class _Vectors:
    """TF-IDF vectors of stored articles, with document frequencies from the index."""

    def __init__(self, archive: SQLiteArchive) -> None:
        self.db = archive.db
        self.docs = max(1, archive.db.execute("SELECT count(*) FROM articles").fetchone()[0])
        self.df: dict[str, int] = {}
        self.cache: dict[int, dict[str, float]] = {}

    def _frequencies(self, terms: list[str]) -> None:
        missing = [t for t in terms if t not in self.df]
        for k in range(0, len(missing), 500):
            chunk = missing[k : k + 500]
            marks = ",".join("?" * len(chunk))
            for term, doc in self.db.execute(
                f"SELECT term, doc FROM articles_vocab WHERE term IN ({marks})", chunk
            ):
                self.df[term] = doc
            for term in chunk:
                self.df.setdefault(term, 1)

    def counts(self, article_id: int) -> dict[str, int]:
        row = self.db.execute(
            "SELECT counts FROM article_terms WHERE article_id = ?", (article_id,)
        ).fetchone()
        if row is not None:
            return json.loads(row[0])
        row = self.db.execute(
            "SELECT coalesce(title, ''), text FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return term_counts(index_terms(row[0] + "\n" + row[1]) if row else [])

    def vector(self, article_id: int) -> dict[str, float]:
        if article_id not in self.cache:
            counts = self.counts(article_id)
            self._frequencies(list(counts))
            vec = {
                t: (1 + math.log(c)) * math.log(self.docs / self.df[t]) for t, c in counts.items()
            }
            norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
            self.cache[article_id] = {t: v / norm for t, v in vec.items() if v > 0}
        return self.cache[article_id]


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def update(archive: SQLiteArchive, progress: Callable[[int], None] | None = None) -> int:
    """Put every article that has no story yet into one; returns how many were placed."""
    todo = [
        row
        for row in archive.db.execute(
            "SELECT a.id, a.published FROM articles a WHERE a.id NOT IN"
            " (SELECT article_id FROM story_articles) ORDER BY a.published, a.id"
        )
    ]
    vectors = _Vectors(archive)
    placed = 0
    for start in range(0, len(todo), BATCH):  # a transaction per batch: interruptible
        with archive.batch():
            placed += _place(archive, vectors, todo[start : start + BATCH], progress, placed)
    return placed


def _place(
    archive: SQLiteArchive,
    vectors: _Vectors,
    todo: list[tuple[int, str | None]],
    progress: Callable[[int], None] | None,
    done: int,
) -> int:
    db = archive.db
    placed = 0
    for article_id, published in todo:
        vec = vectors.vector(article_id)
        best_story, best_score = None, 0.0
        for other, story in _candidates(archive, vec, article_id, published):
            score = cosine(vec, vectors.vector(other))
            if score > best_score:
                best_story, best_score = story, score
        if best_story is None or best_score < THRESHOLD:
            best_story = db.execute(
                "INSERT INTO stories (title, first_seen, last_seen) VALUES (NULL, ?, ?)",
                (published, published),
            ).lastrowid
        db.execute("INSERT INTO story_articles VALUES (?, ?)", (best_story, article_id))
        if published:
            db.execute(
                "UPDATE stories SET first_seen = min(coalesce(first_seen, ?), ?),"
                " last_seen = max(coalesce(last_seen, ?), ?) WHERE id = ?",
                (published, published, published, published, best_story),
            )
        placed += 1
        if progress is not None:
            progress(done + placed)
    return placed


def _candidates(
    archive: SQLiteArchive, vec: dict[str, float], article_id: int, published: str | None
) -> list[tuple[int, int]]:
    """(article, story) pairs worth comparing: grouped articles from the time window that
    share one of the article's most distinctive terms."""
    # the most distinctive terms another article has too (a term only this one has finds
    # nothing)
    vectors_df = archive.db.execute
    ranked = sorted(vec, key=vec.get, reverse=True)  # type: ignore[arg-type]
    marks = ",".join("?" * len(ranked))
    shared = (
        {
            t
            for (t,) in vectors_df(
                f"SELECT term FROM articles_vocab WHERE term IN ({marks}) AND doc > 1", ranked
            )
        }
        if ranked
        else set()
    )
    terms = [t for t in ranked if t in shared][:QUERY_TERMS]
    if not terms:
        return []
    match = " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)
    sql = (
        "SELECT a.id, sa.story_id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
        " JOIN story_articles sa ON sa.article_id = a.id WHERE articles_fts MATCH ?"
        " AND a.id != ?"
    )
    params: list[Any] = [match, article_id]
    if published:
        sql += " AND a.published BETWEEN date(?, ?) AND date(?, ?)"
        params += [published, f"-{WINDOW_DAYS} days", published, f"+{WINDOW_DAYS} days"]
    sql += " ORDER BY bm25(articles_fts) LIMIT ?"
    params.append(CANDIDATES)
    return archive.db.execute(sql, params).fetchall()


# ------------------------------------------------------------------ reading stories


def _articles(archive: SQLiteArchive, story_id: int) -> list[dict[str, Any]]:
    return [
        {"id": r[0], "title": r[1], "url": r[2], "source": r[3], "published": r[4]}
        for r in archive.db.execute(
            "SELECT a.id, a.title, a.url, a.source, a.published FROM story_articles sa"
            " JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = ?"
            " ORDER BY a.published, a.id",
            (story_id,),
        )
    ]


def _central(archive: SQLiteArchive, articles: list[dict[str, Any]]) -> dict[str, Any]:
    """The member most similar to all the others (its title names the story)."""
    if len(articles) <= 2:
        return articles[0]
    vectors = _Vectors(archive)
    return max(
        articles,
        key=lambda a: sum(
            cosine(vectors.vector(a["id"]), vectors.vector(b["id"])) for b in articles if b is not a
        ),
    )


def stories(
    archive: SQLiteArchive, *, min_articles: int = 2, limit: int = 50, offset: int = 0
) -> list[dict[str, Any]]:
    """Stories with at least ``min_articles`` articles, the most recent first."""
    rows = archive.db.execute(
        "SELECT s.id, s.first_seen, s.last_seen, count(*) AS n FROM stories s"
        " JOIN story_articles sa ON sa.story_id = s.id GROUP BY s.id HAVING n >= ?"
        " ORDER BY s.last_seen DESC, n DESC, s.id LIMIT ? OFFSET ?",
        (min_articles, limit, offset),
    ).fetchall()
    out = []
    for story_id, first, last, n in rows:
        articles = _articles(archive, story_id)
        out.append(
            {
                "id": story_id,
                "title": _central(archive, articles)["title"],
                "first_seen": first,
                "last_seen": last,
                "outlets": sorted({a["source"] for a in articles if a["source"]}),
                "count": n,
                "articles": articles,
            }
        )
    return out


def story(archive: SQLiteArchive, story_id: int) -> dict[str, Any]:
    """One story: its articles by outlet, the entities it involves, and its statements
    grouped by speaker, claims and denials side by side."""
    articles = _articles(archive, story_id)
    if not articles:
        raise ArchiveError(f"no story {story_id}")
    ids = [a["id"] for a in articles]
    marks = ",".join("?" * len(ids))
    entities = [
        {"canonical": c, "label": lab, "mentions": n}
        for c, lab, n in archive.db.execute(
            "SELECT e.canonical, e.label, count(*) AS n FROM mentions m JOIN entities e"
            f" ON e.id = m.entity_id WHERE m.article_id IN ({marks})"
            " GROUP BY e.id ORDER BY n DESC, e.canonical LIMIT 30",
            ids,
        )
    ]
    by_speaker: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(
        lambda: {"assert": [], "deny": []}
    )
    rows = archive.db.execute(
        "SELECT s.article_id, s.idx, s.speaker, s.speaker_entity, s.content, s.via, s.stance,"
        " s.refers_to, a.source FROM statements s JOIN articles a ON a.id = s.article_id"
        f" WHERE s.article_id IN ({marks}) ORDER BY a.published, s.article_id, s.idx",
        ids,
    ).fetchall()
    said = {(r[0], r[1]): r for r in rows}
    items: dict[tuple[int, int], dict[str, Any]] = {}
    for row in rows:
        article_id, idx, speaker_text, entity, content, via, stance, refers_to, source = row
        item = {
            "article": article_id,
            "source": source,
            "content": content,
            "via": [v["text"] for v in json.loads(via)],
        }
        answered = said.get((article_id, refers_to)) if refers_to is not None else None
        if stance == "deny" and answered is not None:
            # a denial shows what it denies: the claim it answers (ذلك → the claim itself)
            item["answers"] = {"speaker": answered[3] or answered[2], "content": answered[4]}
        items[(article_id, idx)] = item
        by_speaker[entity or speaker_text][stance].append(item)
    for row in rows:
        answered = items.get((row[0], row[7])) if row[6] == "deny" and row[7] is not None else None
        if answered is not None:
            answered.setdefault("denied_by", []).append(row[3] or row[2])
    outlets: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for a in articles:
        outlets[a["source"] or "?"].append(a)
    return {
        "id": story_id,
        "title": _central(archive, articles)["title"],
        "first_seen": articles[0]["published"],
        "last_seen": articles[-1]["published"],
        "outlets": dict(outlets),
        "articles": articles,
        "entities": entities,
        "claims": [
            {"speaker": speaker, "asserts": claims["assert"], "denies": claims["deny"]}
            for speaker, claims in sorted(
                by_speaker.items(), key=lambda kv: -(len(kv[1]["assert"]) + len(kv[1]["deny"]))
            )
        ],
    }
