"""Stories: articles about the same happening, across outlets, grouped as they arrive.

Method: single-pass clustering in publication order (the TDT "first story detection" way),
with links to single articles, a short life for each story, and merges:

* **Vectors.** An article is the TF-IDF vector of its normalised stems (the counts kept at
  ingest, :func:`term_counts`; document frequencies from the full-text index) joined with
  the TF-IDF vector of the linked entities it mentions (mention counts; document frequency =
  articles mentioning the entity), each half normalised before the whole is: the similarity
  of two articles is the mean of their text cosine and their entity cosine. On the labelled
  pairs (below) the entity cosine alone separates same-story pairs a little better than
  the text cosine (best F1 0.84 against 0.83) and their mean better than either (0.85):
  reports of one happening name the same people, places and bodies, reports of another
  happening on the same topic share the vocabulary more than the names.
* **Joining.** A new article is compared with every article of the *open* stories: those
  whose first article was published at most ``SPAN_DAYS`` days before it. It joins the
  story of its most similar article when the cosine is at least ``THRESHOLD``, else it
  starts a story. The short span keeps recurring topics (daily oil prices, a war's daily
  reports) from chaining into stories of hundreds of articles.
* **Merging.** When the new article is as similar (``THRESHOLD``) to articles of other open
  stories too, each such story whose centroid has a cosine of at least ``MERGE_THRESHOLD``
  with the joined story's is merged into it: the article shows that one happening had been
  split (outlets told it differently before it arrived). The older story's id is kept; the
  other is recorded in ``story_merges``, so :func:`story` still answers for it.

Grouping is incremental: ``update`` only places articles without a story, in publication
order, so it can run after every ingest; only stories still open change.

The settings come from the 289 hand-labelled SaudiNewsNet pairs, grouping the whole
archive (27,023 articles; ``bench/stories_sweep.py`` regroups it once per setting,
``bench/stories_eval.py`` runs one). With a one-day span and ``MERGE_THRESHOLD`` 0.3,
pairwise F1 is 0.84-0.85 for every ``THRESHOLD`` from 0.18 to 0.26; 0.22 is the middle of
that plateau, not its best point. ``MERGE_THRESHOLD`` 0.4 gives 0.83-0.85; 0.2 merges too
eagerly (stories of 600-1,200 articles). Without merging F1 falls to 0.80-0.83, with the
text alone (no entities) to 0.80-0.82, with same-day stories to 0.80-0.81; a two-day span
scores about the same as one day but makes larger stories. The single link over the text
used before (no span, no merging) scored 0.80, with stories of up to 301 articles.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np

from rasid.archive.fingerprint import index_terms
from rasid.archive.store import SQLiteArchive
from rasid.errors import ArchiveError

THRESHOLD = 0.22  # cosine with an open story's most similar article, to join (or link) it
MERGE_THRESHOLD = 0.3  # cosine of two linked stories' centroids, to merge them
SPAN_DAYS = 1  # a story takes articles published up to this many days after its first
KEPT_TERMS = 120  # the most frequent terms kept per article
BATCH = 500  # articles placed per transaction

Feature = str | int  # a stem, or an entity's id
Vector = dict[Feature, float]


def term_counts(terms: Iterable[str]) -> dict[str, int]:
    """An article's term frequencies (its ``KEPT_TERMS`` most frequent stems) from its
    search terms (:func:`rasid.archive.fingerprint.index_terms`)."""
    counts = Counter(t for t in terms if len(t) > 2 and not t[:1].isdigit())
    return dict(counts.most_common(KEPT_TERMS))


def _weighted(counts: dict[Any, int], df: dict[Any, int], docs: int) -> dict[Any, float]:
    """Unit-length TF-IDF weights ``(1 + ln tf) · ln(N / df)`` (features in every document
    weigh nothing and are left out)."""
    vec = {f: (1 + math.log(c)) * math.log(docs / df[f]) for f, c in counts.items()}
    vec = {f: v for f, v in vec.items() if v > 0}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {f: v / norm for f, v in vec.items()}


class _Vectors:
    """Article vectors (stems and linked entities, see the module docstring), with document
    frequencies read from the archive and remembered."""

    def __init__(self, archive: SQLiteArchive) -> None:
        self.db = archive.db
        self.docs = max(1, archive.db.execute("SELECT count(*) FROM articles").fetchone()[0])
        self.term_df: dict[str, int] = {}
        self.entity_df: dict[int, int] = {}

    def _lookup(self, cache: dict[Any, int], keys: Iterable[Any], sql: str) -> None:
        """Fill ``cache`` with the document frequencies of ``keys`` (1 where none is found):
        ``sql`` selects (key, frequency) for the keys in its ``{marks}``."""
        missing = [k for k in keys if k not in cache]
        for k in range(0, len(missing), 500):
            chunk = missing[k : k + 500]
            cache.update(self.db.execute(sql.format(marks=",".join("?" * len(chunk))), chunk))
            for key in chunk:
                cache.setdefault(key, 1)

    def counts(self, article_id: int) -> dict[str, int]:
        """The article's stem counts: stored at ingest, or made from its text."""
        row = self.db.execute(
            "SELECT counts FROM article_terms WHERE article_id = ?", (article_id,)
        ).fetchone()
        if row is not None:
            return json.loads(row[0])
        row = self.db.execute(
            "SELECT coalesce(title, ''), text FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return term_counts(index_terms(row[0] + "\n" + row[1]) if row else [])

    def entity_counts(self, article_id: int) -> dict[int, int]:
        """How often the article mentions each linked entity."""
        return dict(
            self.db.execute(
                "SELECT entity_id, count(*) FROM mentions WHERE article_id = ? GROUP BY entity_id",
                (article_id,),
            ).fetchall()
        )

    def vector(self, article_id: int) -> Vector:
        """Stems and entities, each part unit length, the whole unit length."""
        terms, entities = self.counts(article_id), self.entity_counts(article_id)
        self._lookup(
            self.term_df, terms, "SELECT term, doc FROM articles_vocab WHERE term IN ({marks})"
        )
        self._lookup(
            self.entity_df,
            entities,
            "SELECT entity_id, count(DISTINCT article_id) FROM mentions"
            " WHERE entity_id IN ({marks}) GROUP BY entity_id",
        )
        parts = [
            _weighted(terms, self.term_df, self.docs),
            _weighted(entities, self.entity_df, self.docs),
        ]
        parts = [p for p in parts if p]
        scale = 1 / math.sqrt(len(parts)) if parts else 1.0
        return {f: v * scale for part in parts for f, v in part.items()}


def cosine(a: dict[Any, float], b: dict[Any, float]) -> float:
    """The dot product of two sparse vectors (their cosine when both are unit length)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


# ------------------------------------------------------------------ grouping


@dataclass(slots=True)
class _Story:
    """An open story in memory: its first day, its articles' slots and the sum of their
    vectors (its centroid, unnormalised)."""

    day: int | None
    slots: list[int] = field(default_factory=list)
    centroid: dict[Feature, float] = field(default_factory=dict)

    def add(self, slot: int, vec: Vector) -> None:
        """Count the article in ``slot`` (its vector ``vec``) in this story."""
        self.slots.append(slot)
        for f, v in vec.items():
            self.centroid[f] = self.centroid.get(f, 0.0) + v


def _centroid_cosine(a: _Story, b: _Story) -> float:
    """The cosine of two stories' centroids: how alike the stories are as wholes."""
    norms = math.sqrt(sum(v * v for v in a.centroid.values())) * math.sqrt(
        sum(v * v for v in b.centroid.values())
    )
    return cosine(a.centroid, b.centroid) / norms if norms else 0.0


class _Postings:
    """One feature's postings in the window: the slots of the articles that hold it and
    its weights there, in arrays that grow by doubling (so a query reads them without
    copying)."""

    __slots__ = ("size", "slots", "weights")

    def __init__(self) -> None:
        self.size = 0
        self.slots = np.empty(4, dtype=np.int64)
        self.weights = np.empty(4, dtype=np.float64)

    def append(self, slot: int, weight: float) -> None:
        """Add the article in ``slot``, whose vector gives the feature ``weight``."""
        if self.size == len(self.slots):
            self.slots = np.resize(self.slots, 2 * self.size)
            self.weights = np.resize(self.weights, 2 * self.size)
        self.slots[self.size] = slot
        self.weights[self.size] = weight
        self.size += 1


class _Window:
    """The open stories with their articles' vectors, and an inverted index over those
    vectors, so an article's cosine with all of them is one pass over its features'
    postings."""

    def __init__(self) -> None:
        self.stories: dict[int, _Story] = {}
        self.vectors: list[Vector] = []  # by slot
        self.story_of: list[int] = []  # by slot
        self.postings: dict[Feature, _Postings] = defaultdict(_Postings)
        self.day: int | None = None  # the latest publication day placed

    def add(self, story_id: int, vec: Vector, day: int | None) -> None:
        """Put an article into an open story (a new one when ``story_id`` is unknown)."""
        slot = len(self.vectors)
        self.vectors.append(vec)
        self.story_of.append(story_id)
        for f, v in vec.items():
            self.postings[f].append(slot, v)
        self.stories.setdefault(story_id, _Story(day)).add(slot, vec)

    def links(self, vec: Vector) -> dict[int, float]:
        """Open stories holding an article with a cosine of at least ``THRESHOLD`` with
        ``vec``, with the best such cosine."""
        held = [(p, v) for f, v in vec.items() if (p := self.postings.get(f)) is not None]
        if not held:
            return {}
        slots = np.concatenate([p.slots[: p.size] for p, _ in held])
        weights = np.concatenate([p.weights[: p.size] * v for p, v in held])
        dots = np.bincount(slots, weights=weights, minlength=len(self.vectors))
        best: dict[int, float] = {}
        for slot in np.flatnonzero(dots >= THRESHOLD).tolist():
            story, score = self.story_of[slot], float(dots[slot])
            best[story] = max(score, best.get(story, 0.0))
        return best

    def merge(self, keep: int, gone: int) -> None:
        """Move story ``gone``'s articles into story ``keep``."""
        kept, moved = self.stories[keep], self.stories.pop(gone)
        for slot in moved.slots:
            self.story_of[slot] = keep
            kept.add(slot, self.vectors[slot])
        if moved.day is not None and (kept.day is None or moved.day < kept.day):
            kept.day = moved.day

    def close_before(self, day: int) -> list[int]:
        """Drop the stories that started before ``day``, or undated (they take no more
        articles); returns the ids of the stories still open."""
        old = self.stories
        kept = {s: story for s, story in old.items() if story.day is not None and story.day >= day}
        if len(kept) < len(old):
            vectors = self.vectors
            self.stories, self.vectors, self.story_of = {}, [], []
            self.postings = defaultdict(_Postings)
            for story_id, story in kept.items():
                for slot in story.slots:
                    self.add(story_id, vectors[slot], story.day)
        return list(self.stories)


def _ordinal(published: str | None) -> int | None:
    """A publication date (``YYYY-MM-DD…``) as a day number, None when there is none."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


class _Grouper:
    """Places articles into stories one by one, keeping the window of open stories in step
    with the publication day and the archive's tables in step with the window."""

    def __init__(self, archive: SQLiteArchive) -> None:
        self.db = archive.db
        self.vectors = _Vectors(archive)
        self.window = _Window()

    def _advance(self, day: int) -> None:
        """Close the stories that started more than ``SPAN_DAYS`` before ``day`` and open
        the stored ones (from an earlier update) that started within ``SPAN_DAYS`` of it."""
        if self.window.day is not None and day <= self.window.day:
            return
        self.window.day = day
        open_ids = set(self.window.close_before(day - SPAN_DAYS))
        first, last = (date.fromordinal(d).isoformat() for d in (day - SPAN_DAYS, day + SPAN_DAYS))
        stored = self.db.execute(
            "SELECT sa.story_id, s.first_seen, sa.article_id FROM stories s"
            " JOIN story_articles sa ON sa.story_id = s.id"
            " WHERE s.first_seen BETWEEN ? AND ? ORDER BY sa.story_id, sa.article_id",
            (first, last),
        ).fetchall()
        for story_id, first_seen, article_id in stored:
            if story_id not in open_ids:
                self.window.add(story_id, self.vectors.vector(article_id), _ordinal(first_seen))

    def place(self, article_id: int, published: str | None) -> int:
        """Put one article into a story (joined, merged or new); returns the story's id."""
        day = _ordinal(published)
        if day is not None:
            self._advance(day)
        vec = self.vectors.vector(article_id)
        links = self.window.links(vec)
        story_id = self._join(links) if links else self._new_story(published)
        self.window.add(story_id, vec, day if day is not None else self.window.day)
        self.db.execute("INSERT INTO story_articles VALUES (?, ?)", (story_id, article_id))
        if published:
            self._seen(story_id, published, published)
        return story_id

    def _join(self, links: dict[int, float]) -> int:
        """The story an article with these links joins: the best linked one, with the other
        linked stories whose centroids are close enough to it merged in."""
        ranked = sorted(links, key=links.__getitem__, reverse=True)
        story_id = ranked[0]
        for other in ranked[1:]:
            stories = self.window.stories
            if _centroid_cosine(stories[story_id], stories[other]) >= MERGE_THRESHOLD:
                story_id = self._merge(story_id, other)
        return story_id

    def _new_story(self, published: str | None) -> int:
        """A new, empty story row; returns its id."""
        cursor = self.db.execute(
            "INSERT INTO stories (title, first_seen, last_seen) VALUES (NULL, ?, ?)",
            (published, published),
        )
        return int(cursor.lastrowid or 0)

    def _seen(self, story_id: int, first: str | None, last: str | None) -> None:
        """Widen a story's first and last publication dates to include these."""
        self.db.execute(
            "UPDATE stories SET first_seen = min(coalesce(first_seen, ?), coalesce(?, first_seen)),"
            " last_seen = max(coalesce(last_seen, ?), coalesce(?, last_seen)) WHERE id = ?",
            (first, first, last, last, story_id),
        )

    def _merge(self, a: int, b: int) -> int:
        """Merge two stories into the older one (the smaller id); returns its id."""
        keep, gone = min(a, b), max(a, b)
        first, last = self.db.execute(
            "SELECT first_seen, last_seen FROM stories WHERE id = ?", (gone,)
        ).fetchone()
        self.db.execute("UPDATE story_articles SET story_id = ? WHERE story_id = ?", (keep, gone))
        self.db.execute("DELETE FROM stories WHERE id = ?", (gone,))
        # an old link to either id finds the merged story (one hop: the table stays flat)
        self.db.execute("UPDATE story_merges SET kept = ? WHERE kept = ?", (keep, gone))
        self.db.execute("INSERT OR REPLACE INTO story_merges VALUES (?, ?)", (gone, keep))
        self._seen(keep, first, last)
        self.window.merge(keep, gone)
        return keep


def update(archive: SQLiteArchive, progress: Callable[[int], None] | None = None) -> int:
    """Put every article that has no story yet into one; returns how many were placed."""
    todo = archive.db.execute(
        "SELECT a.id, a.published FROM articles a WHERE a.id NOT IN"
        " (SELECT article_id FROM story_articles) ORDER BY a.published, a.id"
    ).fetchall()
    grouper = _Grouper(archive)
    placed = 0
    for start in range(0, len(todo), BATCH):  # a transaction per batch: interruptible
        with archive.batch():
            for article_id, published in todo[start : start + BATCH]:
                grouper.place(article_id, published)
                placed += 1
                if progress is not None:
                    progress(placed)
    return placed


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
    """The member most similar to all the others (its title names the story): the one
    whose dot product with the sum of the others' vectors is the largest."""
    if len(articles) <= 2:
        return articles[0]
    vectors = _Vectors(archive)
    each = [vectors.vector(a["id"]) for a in articles]
    total: Vector = defaultdict(float)
    for vec in each:
        for f, v in vec.items():
            total[f] += v
    scores = [cosine(vec, total) - cosine(vec, vec) for vec in each]
    return articles[max(range(len(articles)), key=scores.__getitem__)]


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


def current_id(archive: SQLiteArchive, story_id: int) -> int:
    """The id of the story that holds a story's articles now: itself, or the older story
    it was merged into."""
    row = archive.db.execute("SELECT kept FROM story_merges WHERE gone = ?", (story_id,)).fetchone()
    return int(row[0]) if row else story_id


def story(archive: SQLiteArchive, story_id: int) -> dict[str, Any]:
    """One story: its articles by outlet, the entities it involves, and its statements
    grouped by speaker, claims and denials side by side. The id of a story merged into
    another gives that other story (its ``id`` says which)."""
    story_id = current_id(archive, story_id)
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
