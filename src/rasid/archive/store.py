"""The archive's storage interface and its SQLite engine.

Callers (ingest, search, the CLI, the web app) use the :class:`Archive` protocol only; an
engine implements it. SQLite is the default (one file, WAL mode); a PostgreSQL engine can
be added next to :class:`SQLiteArchive` without touching the callers.

Every write happens inside :meth:`Archive.batch`, one transaction: a batch is stored
whole or not at all, so an interrupted ingest (Ctrl-C, kill -9) leaves the database as it
was after the last finished batch.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from rasid.archive.fingerprint import index_terms, index_text
from rasid.errors import ArchiveError
from rasid.schema import Analysis, Entity, Statement

DEFAULT_DB = "rasid.db"
SCHEMA_VERSION = 5


def default_db() -> Path:
    """``--db`` if given, else ``RASID_DB``, else ``rasid.db`` in the working folder."""
    return Path(os.environ.get("RASID_DB") or DEFAULT_DB)


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """What an archive keeps of one article besides its analysis."""

    id: int
    origin: str
    url: str | None
    source: str | None
    published: str | None
    title: str | None


@dataclass(frozen=True, slots=True)
class Prepared:
    """The serialised forms of an analysis the store writes: made where the analysis is
    made (a worker process), so the single writer only writes."""

    document: str
    index_title: str
    index_body: str
    term_counts: str


def prepare(analysis: Analysis) -> Prepared:
    from rasid.archive.stories import term_counts

    article = analysis.article
    title = index_terms(article.title or "")
    body = index_terms(article.text, analysis.cache.get("tokens"))  # the entity stage's tokens
    return Prepared(
        document=json.dumps(analysis.to_dict(), ensure_ascii=False),
        index_title=" ".join(title),
        index_body=" ".join(body),
        term_counts=json.dumps(term_counts(title + body), ensure_ascii=False),
    )


class Archive(Protocol):
    """What every storage engine offers."""

    def batch(self) -> Any: ...  # a context manager: one transaction

    def find_original(self, content_hash: str, url: str | None) -> int | None: ...

    def add_article(
        self,
        analysis: Analysis,
        *,
        origin: str,
        content_hash: str,
        ingested_at: str,
        prepared: Prepared | None = None,
    ) -> int: ...

    def add_duplicate(
        self,
        original: int,
        *,
        origin: str,
        url: str | None,
        source: str | None,
        published: str | None,
        kind: str,
        similarity: float,
    ) -> None: ...

    def add_fingerprint(
        self, article_id: int, row: tuple[bytes, int, str], buckets: Sequence[int]
    ) -> None: ...

    def near_candidates(self, buckets: Sequence[int]) -> list[tuple[int, bytes, int, str]]: ...

    def add_skipped(self, origin: str, reason: str, at: str) -> None: ...

    def seen_origin(self, origin: str) -> bool: ...

    def counts(self) -> dict[str, int]: ...

    def search_index(
        self,
        terms: Sequence[str],
        *,
        date_from: str | None,
        date_to: str | None,
        outlet: str | None,
        entity: str | None,
        event_type: str | None,
        limit: int,
        offset: int,
        with_text: bool,
    ) -> list[tuple[StoredArticle, float, str]]: ...

    def close(self) -> None: ...


# ------------------------------------------------------------------ SQLite

_MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        url TEXT UNIQUE,
        origin TEXT NOT NULL,
        source TEXT,
        published TEXT,
        title TEXT,
        author TEXT,
        text TEXT NOT NULL,
        analysis TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_source ON articles(source);
    CREATE TABLE duplicates (
        id INTEGER PRIMARY KEY,
        original_id INTEGER NOT NULL REFERENCES articles(id),
        origin TEXT NOT NULL UNIQUE,
        url TEXT,
        source TEXT,
        published TEXT,
        kind TEXT NOT NULL CHECK (kind IN ('exact', 'near')),
        similarity REAL NOT NULL
    );
    CREATE INDEX duplicates_original ON duplicates(original_id);
    CREATE TABLE skipped (
        origin TEXT PRIMARY KEY,
        reason TEXT NOT NULL,
        at TEXT NOT NULL
    );
    CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        canonical TEXT NOT NULL,
        label TEXT NOT NULL,
        key TEXT NOT NULL,
        gazetteer_id TEXT,
        lat REAL,
        lon REAL,
        country TEXT,
        UNIQUE (canonical, label)
    );
    CREATE INDEX entities_key ON entities(key);
    CREATE TABLE mentions (
        article_id INTEGER NOT NULL REFERENCES articles(id),
        entity_id INTEGER NOT NULL REFERENCES entities(id),
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL
    );
    CREATE INDEX mentions_entity ON mentions(entity_id);
    CREATE INDEX mentions_article ON mentions(article_id);
    CREATE TABLE statements (
        article_id INTEGER NOT NULL REFERENCES articles(id),
        idx INTEGER NOT NULL,
        speaker TEXT NOT NULL,
        speaker_kind TEXT NOT NULL,
        speaker_entity TEXT,
        anonymous INTEGER NOT NULL,
        descriptor TEXT,
        cue TEXT NOT NULL,
        content TEXT NOT NULL,
        content_start INTEGER NOT NULL,
        content_end INTEGER NOT NULL,
        direct INTEGER NOT NULL,
        via TEXT NOT NULL,
        stance TEXT NOT NULL,
        refers_to INTEGER,
        PRIMARY KEY (article_id, idx)
    );
    CREATE INDEX statements_speaker ON statements(speaker_entity);
    CREATE TABLE events (
        article_id INTEGER NOT NULL REFERENCES articles(id),
        idx INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (article_id, idx)
    );
    CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        title TEXT,
        first_seen TEXT,
        last_seen TEXT
    );
    CREATE TABLE story_articles (
        story_id INTEGER NOT NULL REFERENCES stories(id),
        article_id INTEGER NOT NULL REFERENCES articles(id) UNIQUE
    );
    CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='', tokenize='unicode61');
    """,
    # every record's origin is looked up before it is read (idempotent re-runs)
    2: """
    CREATE INDEX articles_origin ON articles(origin);
    """,
    # MinHash signatures and their LSH buckets, for near-duplicates (rasid.archive.near)
    3: """
    CREATE TABLE minhash (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id),
        signature BLOB NOT NULL,
        terms INTEGER NOT NULL,
        numbers TEXT NOT NULL
    );
    CREATE TABLE minhash_bands (
        bucket INTEGER NOT NULL,
        article_id INTEGER NOT NULL REFERENCES articles(id)
    );
    CREATE INDEX minhash_bands_bucket ON minhash_bands(bucket);
    """,
    # stories: each article's term counts, and document frequencies read from the index
    4: """
    CREATE TABLE article_terms (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id),
        counts TEXT NOT NULL
    );
    CREATE VIRTUAL TABLE articles_vocab USING fts5vocab(articles_fts, 'row');
    CREATE INDEX story_articles_story ON story_articles(story_id);
    """,
    # stories merged into an older one: the id that is gone → the story that holds its
    # articles now, so an old link still finds them (rasid.archive.stories)
    5: """
    CREATE TABLE story_merges (
        gone INTEGER PRIMARY KEY,
        kept INTEGER NOT NULL
    );
    """,
}


def _statement_row(article_id: int, k: int, s: Statement) -> tuple:
    """The ``statements`` table's row for statement ``k`` of an article."""
    return (
        article_id,
        k,
        s.speaker.text,
        s.speaker.kind,
        s.speaker.entity,
        int(s.speaker.anonymous),
        s.speaker.descriptor,
        s.cue.text,
        s.content.text,
        s.content.start,
        s.content.end,
        int(s.direct),
        json.dumps([v.to_dict() for v in s.via], ensure_ascii=False),
        s.stance,
        s.refers_to,
    )


class SQLiteArchive:
    """The default engine: one SQLite file in WAL mode, schema versioned in ``meta``."""

    def __init__(self, path: Path | str, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self._df: dict[str, int] = {}  # document frequencies read so far (a reader's cache)
        # ids of entities already stored, by (canonical, label): rows are never deleted, so
        # an id stays right, unless the transaction that made it is rolled back (cleared then)
        self._entity_ids: dict[tuple[str, str], int] = {}
        if self.path.exists() and not self.path.is_file():
            raise ArchiveError(f"the database path is not a file: {self.path}")
        if read_only:
            self._open_read_only()
            return
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise ArchiveError(f"{self.path} is not a rasid database ({exc})") from None

    def _open_read_only(self) -> None:
        """A connection that cannot write (the web server's reads): the file must exist
        and already have this rasid's schema."""
        if not self.path.is_file():
            raise ArchiveError(f"no archive at {self.path} (rasid ingest creates one)")
        try:
            uri = self.path.resolve().as_uri() + "?mode=ro"
            self.db = sqlite3.connect(
                uri, uri=True, isolation_level=None, timeout=30, check_same_thread=False
            )
            self.db.execute("PRAGMA cache_size = -32000")  # 32 MB of pages kept warm
            version = self.schema_version
        except sqlite3.DatabaseError as exc:
            raise ArchiveError(f"{self.path} is not a rasid database ({exc})") from None
        if version != SCHEMA_VERSION:
            raise ArchiveError(
                f"{self.path} has schema {version}; this rasid reads {SCHEMA_VERSION}"
                " (open it once with rasid ingest or rasid stories to migrate it)"
            )

    # -- schema

    def _migrate(self) -> None:
        self.db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        version = int(row[0]) if row else 0
        if version > SCHEMA_VERSION:
            raise ArchiveError(
                f"{self.path} was written by a newer rasid (schema {version}, "
                f"this rasid knows {SCHEMA_VERSION})"
            )
        for target in range(version + 1, SCHEMA_VERSION + 1):
            self.db.execute("BEGIN IMMEDIATE")
            try:
                for statement in _MIGRATIONS[target].split(";"):
                    if statement.strip():
                        self.db.execute(statement)
                self.db.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(target),)
                )
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise

    @property
    def schema_version(self) -> int:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0])

    # -- writing

    @contextmanager
    def batch(self) -> Iterator[None]:
        """One transaction: everything written inside is stored together or not at all."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            self._entity_ids.clear()
            raise
        self.db.execute("COMMIT")

    def find_original(self, content_hash: str, url: str | None) -> int | None:
        row = self.db.execute(
            "SELECT id FROM articles WHERE content_hash = ?", (content_hash,)
        ).fetchone()
        if row is None and url:
            row = self.db.execute("SELECT id FROM articles WHERE url = ?", (url,)).fetchone()
        return int(row[0]) if row else None

    def seen_origin(self, origin: str) -> bool:
        """Whether a record with this origin was stored, linked as a duplicate or skipped."""
        for table in ("articles", "duplicates", "skipped"):
            if self.db.execute(f"SELECT 1 FROM {table} WHERE origin = ?", (origin,)).fetchone():
                return True
        return False

    def add_article(
        self,
        analysis: Analysis,
        *,
        origin: str,
        content_hash: str,
        ingested_at: str,
        prepared: Prepared | None = None,
    ) -> int:
        """Store one analysed article with its index, mentions, statements and events.
        ``prepared`` carries the serialised forms when a worker made them already."""
        prepared = prepared or prepare(analysis)
        article = analysis.article
        cursor = self.db.execute(
            "INSERT INTO articles (content_hash, url, origin, source, published, title, author,"
            " text, analysis, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                content_hash,
                article.url,
                origin,
                article.source,
                article.published,
                article.title,
                article.author,
                article.text,
                prepared.document,
                ingested_at,
            ),
        )
        article_id = int(cursor.lastrowid or 0)
        self.db.execute(
            "INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)",
            (article_id, prepared.index_title, prepared.index_body),
        )
        self.db.execute(
            "INSERT INTO article_terms VALUES (?, ?)", (article_id, prepared.term_counts)
        )
        self.db.executemany(
            "INSERT INTO mentions VALUES (?, ?, ?, ?, ?)",
            [
                (article_id, self._entity_id(e), e.start, e.end, e.text)
                for e in analysis.entities
                if isinstance(e, Entity)
            ],
        )
        self.db.executemany(
            "INSERT INTO statements VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                _statement_row(article_id, k, statement)
                for k, statement in enumerate(analysis.statements)
                if isinstance(statement, Statement)
            ],
        )
        self.db.executemany(
            "INSERT INTO events VALUES (?, ?, ?)",
            [
                (article_id, k, json.dumps(event.to_dict(), ensure_ascii=False))
                for k, event in enumerate(analysis.events)
            ],
        )
        return article_id

    def _entity_id(self, entity: Entity) -> int:
        """The id of the entity row for this mention (made when it is new)."""
        key = (entity.canonical, entity.label)
        found = self._entity_ids.get(key)
        if found is not None:
            return found
        row = self.db.execute(
            "SELECT id FROM entities WHERE canonical = ? AND label = ?", key
        ).fetchone()
        if row is None:
            cursor = self.db.execute(
                "INSERT INTO entities (canonical, label, key, gazetteer_id, lat, lon, country)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    entity.canonical,
                    entity.label,
                    index_text(entity.canonical),
                    entity.id,
                    entity.lat,
                    entity.lon,
                    entity.country,
                ),
            )
            entity_id = int(cursor.lastrowid or 0)
        else:
            entity_id = int(row[0])
        self._entity_ids[key] = entity_id
        return entity_id

    def add_duplicate(
        self,
        original: int,
        *,
        origin: str,
        url: str | None,
        source: str | None,
        published: str | None,
        kind: str,
        similarity: float,
    ) -> None:
        self.db.execute(
            "INSERT OR IGNORE INTO duplicates (original_id, origin, url, source, published, kind,"
            " similarity) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (original, origin, url, source, published, kind, similarity),
        )

    def add_fingerprint(
        self, article_id: int, row: tuple[bytes, int, str], buckets: Sequence[int]
    ) -> None:
        self.db.execute("INSERT INTO minhash VALUES (?, ?, ?, ?)", (article_id, *row))
        self.db.executemany(
            "INSERT INTO minhash_bands VALUES (?, ?)", [(b, article_id) for b in buckets]
        )

    def near_candidates(self, buckets: Sequence[int]) -> list[tuple[int, bytes, int, str]]:
        """Stored articles sharing at least one LSH bucket, with their fingerprints."""
        marks = ",".join("?" * len(buckets))
        return self.db.execute(
            "SELECT m.article_id, m.signature, m.terms, m.numbers FROM minhash m"
            " WHERE m.article_id IN"
            f" (SELECT DISTINCT article_id FROM minhash_bands WHERE bucket IN ({marks}))",
            list(buckets),
        ).fetchall()

    def add_skipped(self, origin: str, reason: str, at: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO skipped VALUES (?, ?, ?)", (origin, reason, at))

    # -- reading

    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("articles", "duplicates", "skipped", "entities", "mentions", "statements"):
            out[table] = int(self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        return out

    def article(self, article_id: int) -> StoredArticle | None:
        row = self.db.execute(
            "SELECT id, origin, url, source, published, title FROM articles WHERE id = ?",
            (article_id,),
        ).fetchone()
        return StoredArticle(*row) if row else None

    def text(self, article_id: int) -> tuple[str, str]:
        row = self.db.execute(
            "SELECT coalesce(title, ''), text FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return (row[0], row[1]) if row else ("", "")

    def search_index(
        self,
        terms: Sequence[str],
        *,
        date_from: str | None = None,
        date_to: str | None = None,
        outlet: str | None = None,
        entity: str | None = None,
        event_type: str | None = None,
        limit: int = 20,
        offset: int = 0,
        with_text: bool = True,
    ) -> list[tuple[StoredArticle, float, str]]:
        """Articles whose index holds every term, best bm25 first, newer first on ties.
        Returns (article, score, text) — the text only ``with_text`` (else "")."""
        match = " ".join('"' + t.replace('"', '""') + '"' for t in terms)
        text = "a.text" if with_text else "''"
        if not (date_from or date_to or outlet or entity or event_type):
            # no filter: FTS5 picks the top of its own ranking (bm25, titles ×2) before the
            # join, 2× faster on a common word than ordering the joined rows
            rows = self.db.execute(
                "SELECT a.id, a.origin, a.url, a.source, a.published, a.title, f.rank,"
                f" {text} FROM (SELECT rowid, rank FROM articles_fts WHERE articles_fts"
                " MATCH ? AND rank MATCH 'bm25(2.0, 1.0)' ORDER BY rank LIMIT ? OFFSET ?) f"
                " JOIN articles a ON a.id = f.rowid ORDER BY f.rank, a.published DESC",
                (match, limit, offset),
            ).fetchall()
            return [(StoredArticle(*r[:6]), float(r[6]), r[7]) for r in rows]
        sql = [
            "SELECT a.id, a.origin, a.url, a.source, a.published, a.title,"
            " bm25(articles_fts, 2.0, 1.0) AS score, "
            + ("a.text" if with_text else "''")
            + " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
            " WHERE articles_fts MATCH ?"
        ]
        params: list[Any] = [match]
        if date_from:
            sql.append("AND a.published >= ?")
            params.append(date_from)
        if date_to:
            sql.append("AND a.published <= ?")
            params.append(date_to)
        if outlet:
            sql.append("AND a.source = ?")
            params.append(outlet)
        if entity:
            sql.append(
                "AND a.id IN (SELECT m.article_id FROM mentions m JOIN entities e"
                " ON e.id = m.entity_id WHERE e.key = ?)"
            )
            params.append(index_text(entity))
        if event_type:
            sql.append(
                "AND a.id IN (SELECT article_id FROM events WHERE json_extract(data, '$.type') = ?)"
            )
            params.append(event_type)
        sql.append("ORDER BY score, a.published DESC LIMIT ? OFFSET ?")
        params += [limit, offset]
        rows = self.db.execute(" ".join(sql), params).fetchall()
        return [(StoredArticle(*r[:6]), float(r[6]), r[7]) for r in rows]

    def document_frequency(self, terms: Sequence[str]) -> dict[str, int]:
        """How many articles hold each term (0 when none). Counting reads the term's whole
        posting list, so counts are remembered on this connection (a long-lived reader's
        answers drift by the few articles ingested since, which "more like this" allows)."""
        cache = self._df
        wanted = [t for t in dict.fromkeys(terms) if t not in cache]
        if wanted:
            if len(cache) > 100_000:
                cache.clear()
            marks = ",".join("?" * len(wanted))
            found = dict(
                self.db.execute(
                    f"SELECT term, doc FROM articles_vocab WHERE term IN ({marks})", wanted
                ).fetchall()
            )
            for t in wanted:
                cache[t] = int(found.get(t, 0))
        return {t: cache[t] for t in terms}

    def matching(self, terms: Sequence[str], limit: int = 8) -> list[StoredArticle]:
        """Articles whose index holds every term, newest stored first, unranked: cheap on
        rare terms (no bm25 over the posting lists), for "more like this"."""
        match = " ".join('"' + t.replace('"', '""') + '"' for t in terms)
        rows = self.db.execute(
            "SELECT a.id, a.origin, a.url, a.source, a.published, a.title FROM"
            " (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC"
            " LIMIT ?) f JOIN articles a ON a.id = f.rowid",
            (match, limit),
        ).fetchall()
        return [StoredArticle(*r) for r in rows]

    def close(self) -> None:
        self.db.close()


def open_archive(path: Path | str | None = None, *, read_only: bool = False) -> SQLiteArchive:
    """The archive at ``path`` (default: :func:`default_db`), created if missing — or,
    ``read_only``, an existing archive through a connection that cannot write."""
    return SQLiteArchive(path or default_db(), read_only=read_only)
