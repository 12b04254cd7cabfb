"""``rasid search``: full-text search over the archive in Arabic.

The query is cut into the same normalised stems the index holds (so ``اوكرانيا`` finds
``أوكرانيا`` and ``وأوكرانيا``); every term must occur. Each term is quoted before it
reaches FTS5, so a query with FTS syntax characters (``"``, ``*``, ``:``, ``NEAR``,
``-``) is searched as text and never fails. Results are ranked by bm25 (title words count
double), newer first on ties. The snippet is cut from the original text around the first
match, with the matched words' offsets in ``highlights``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rasid.arabic import tokenize
from rasid.archive.fingerprint import index_terms, term
from rasid.archive.store import SQLiteArchive, StoredArticle
from rasid.errors import ArchiveError

SNIPPET_WORDS = 14  # words on each side of the first match
MAX_LIMIT = 200


@dataclass(frozen=True, slots=True)
class Hit:
    article: StoredArticle
    score: float
    snippet: str
    highlights: tuple[tuple[int, int], ...]

    def to_dict(self) -> dict[str, Any]:
        a = self.article
        return {
            "id": a.id,
            "title": a.title,
            "url": a.url,
            "source": a.source,
            "published": a.published,
            "origin": a.origin,
            "score": round(self.score, 4),
            "snippet": self.snippet,
            "highlights": [list(h) for h in self.highlights],
        }


def search(
    archive: SQLiteArchive,
    query: str,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    outlet: str | None = None,
    entity: str | None = None,
    event_type: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> list[Hit]:
    terms = index_terms(query)
    if not terms:
        raise ArchiveError("the query has no words to search for")
    if not 1 <= limit <= MAX_LIMIT:
        raise ArchiveError(f"--limit must be between 1 and {MAX_LIMIT}")
    rows = archive.search_index(
        terms,
        date_from=date_from,
        date_to=date_to,
        outlet=outlet,
        entity=entity,
        event_type=event_type,
        limit=limit,
        offset=max(0, offset),
    )
    wanted = set(terms)
    return [Hit(article, score, *snippet(text, wanted)) for article, score, text in rows]


def snippet(text: str, wanted: set[str]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A window of the original ``text`` around the first word whose stem is wanted, and
    the offsets (into the snippet) of every wanted word in it."""
    tokens, terms = [], []
    for token in tokenize(text):
        if (found := term(token)) is not None:
            tokens.append(token)
            terms.append(found)
    matches = [k for k, t in enumerate(terms) if t in wanted]
    if not tokens:
        return "", ()
    first = matches[0] if matches else 0
    lo = max(0, first - SNIPPET_WORDS)
    hi = min(len(tokens), first + SNIPPET_WORDS + 1)
    start, end = tokens[lo].start, tokens[hi - 1].end
    prefix = "… " if lo > 0 else ""
    suffix = " …" if hi < len(tokens) else ""
    body = " ".join(text[start:end].split())
    shown = prefix + body + suffix
    highlights = []
    cursor = 0
    for k in matches:
        if lo <= k < hi:
            word = tokens[k].text
            at = shown.find(word, cursor)
            if at >= 0:
                highlights.append((at, at + len(word)))
                cursor = at + len(word)
    return shown, tuple(highlights)
