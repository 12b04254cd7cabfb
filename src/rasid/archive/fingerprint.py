"""Fingerprints of article text: the key exact duplicates share, and the form of the text
the search index holds.

The index holds the normalised stem of every word (clitics and the article off, alef and
ya forms unified), so a search for ``اوكرانيا`` finds ``أوكرانيا``, ``وأوكرانيا`` and
``لأوكرانيا`` alike; numbers are indexed as ASCII digits.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from rasid.arabic import Token, normalize, search_term, tokenize

_SPACE = re.compile(r"\s+")


def content_hash(text: str) -> str:
    """SHA-1 of the normalised text with all runs of whitespace made one space: two
    copies of an article that differ only in spelling variants, diacritics or spacing
    share it."""
    flat = _SPACE.sub(" ", normalize(text)).strip()
    return hashlib.sha1(flat.encode("utf-8")).hexdigest()


term = search_term  # the search term of one token (rasid.arabic.search_term)


def index_terms(text: str, tokens: Sequence[Token] | None = None) -> list[str]:
    """The search terms of ``text`` (of its ``tokens`` when an earlier stage made them)."""
    return [t for t in map(term, tokens if tokens is not None else tokenize(text)) if t]


def index_text(text: str) -> str:
    """:func:`index_terms` joined by spaces, as the full-text index stores it."""
    return " ".join(index_terms(text))
