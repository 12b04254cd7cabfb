"""``rasid search``: full-text search over the archive in Arabic.

The query is cut into the same normalised stems the index holds (so ``اوكرانيا`` finds
``أوكرانيا`` and ``وأوكرانيا``); every term must occur. Each term is quoted before it
reaches FTS5, so a query with FTS syntax characters (``"``, ``*``, ``:``, ``NEAR``,
``-``) is searched as text and never fails. Results are ranked by bm25 (title words count
double), newer first on ties. The snippet is cut from the original text around the first
match, with the matched words' offsets in ``highlights``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from rasid.arabic import normalize_with_map, tokenize
from rasid.archive.fingerprint import index_terms, term
from rasid.archive.store import SQLiteArchive, StoredArticle
from rasid.errors import ArchiveError

SNIPPET_WORDS = 14  # words on each side of the first match
WINDOW_CHARS = 220  # characters tokenised on each side of a candidate match (14 words fit)
MAX_TRIES = 50  # candidate places checked before falling back to the article's start
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
    the offsets (into the snippet) of every wanted word in it.

    Only a window of the text is tokenised: the wanted stems are first looked for as
    substrings of the normalised text, and each place found is checked word by word."""
    norm, mapping = normalize_with_map(text)
    lowered = norm.lower()
    places = sorted(p for w in wanted if w for p in _occurrences(lowered, w))
    for place in places[:MAX_TRIES]:
        at = mapping[place]
        lo, hi = max(0, at - WINDOW_CHARS), min(len(text), at + WINDOW_CHARS)
        tokens = tokenize(text, lo, hi)
        if lo > 0 and tokens:
            tokens = tokens[1:]  # may be cut
        if hi < len(text) and tokens:
            tokens = tokens[:-1]
        found = _window(text, tokens, wanted, lo == 0, hi == len(text))
        if found is not None:
            return found
    tokens = tokenize(text, 0, min(len(text), 2 * WINDOW_CHARS))
    return _window(text, tokens, set(), True, len(text) <= 2 * WINDOW_CHARS) or ("", ())


def _occurrences(haystack: str, needle: str) -> Iterator[int]:
    start = haystack.find(needle)
    while start >= 0:
        yield start
        start = haystack.find(needle, start + 1)


def _window(
    text: str, window: list, wanted: set[str], at_start: bool, at_end: bool
) -> tuple[str, tuple[tuple[int, int], ...]] | None:
    tokens, terms = [], []
    for token in window:
        if (found := term(token)) is not None:
            tokens.append(token)
            terms.append(found)
    if not tokens:
        return None
    matches = [k for k, t in enumerate(terms) if t in wanted]
    if wanted and not matches:
        return None
    first = matches[0] if matches else 0
    lo = max(0, first - SNIPPET_WORDS)
    hi = min(len(tokens), first + SNIPPET_WORDS + 1)
    start, end = tokens[lo].start, tokens[hi - 1].end
    prefix = "… " if lo > 0 or not at_start else ""
    suffix = " …" if hi < len(tokens) or not at_end else ""
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
