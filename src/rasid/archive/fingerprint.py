"""Fingerprints of article text: the key exact duplicates share, and the form of the text
the search index holds.

The index holds the normalised stem of every word (clitics and the article off, alef and
ya forms unified), so a search for ``اوكرانيا`` finds ``أوكرانيا``, ``وأوكرانيا`` and
``لأوكرانيا`` alike; numbers are indexed as ASCII digits.
"""

from __future__ import annotations

import hashlib
import re

from rasid.arabic import normalize, tokenize

_SPACE = re.compile(r"\s+")


def content_hash(text: str) -> str:
    """SHA-1 of the normalised text with all runs of whitespace made one space: two
    copies of an article that differ only in spelling variants, diacritics or spacing
    share it."""
    flat = _SPACE.sub(" ", normalize(text)).strip()
    return hashlib.sha1(flat.encode("utf-8")).hexdigest()


def index_terms(text: str) -> list[str]:
    """The search terms of ``text``: normalised stems of words, numbers, Latin words."""
    terms = []
    for token in tokenize(text):
        if token.kind == "word":
            terms.append(normalize(token.stem))
        elif token.kind in ("number", "latin"):
            terms.append(normalize(token.text).lower())
    return [t for t in terms if t]


def index_text(text: str) -> str:
    """:func:`index_terms` joined by spaces, as the full-text index stores it."""
    return " ".join(index_terms(text))
