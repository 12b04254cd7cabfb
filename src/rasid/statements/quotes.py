"""Quotation spans in a paragraph: «…», “…”, "…" and their variants.

A quote is returned as the offsets of its opening and closing marks. Marks that do not
pair up (a stray », a quote that never closes within the paragraph) give nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_QUOTE = 3000  # characters; a longer "quote" is a pairing mistake

_PAIRS = {"«": "»", "“": "”", "„": "“", "‹": "›", "”": "“"}
_TOGGLES = frozenset('"')


@dataclass(frozen=True, slots=True)
class Quote:
    """Marks at ``open`` and ``close`` (offsets of the mark characters)."""

    open: int
    close: int

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.close


_MARKS = re.compile('[«“„‹”"]')


def find_quotes(text: str, start: int = 0, end: int | None = None) -> list[Quote]:
    """The quotes in ``text[start:end]``, in order, not nested."""
    end = len(text) if end is None else end
    quotes: list[Quote] = []
    pos = start
    while True:
        match = _MARKS.search(text, pos, end)
        if match is None:
            return quotes
        i = match.start()
        ch = text[i]
        closer = ch if ch in _TOGGLES else _PAIRS[ch]
        limit = min(end, i + 1 + MAX_QUOTE)
        j = text.find(closer, i + 1, limit)
        if j < 0 and ch in ("”", "“"):  # a closing mark used as an opener pairs with itself
            j = text.find(ch, i + 1, limit)
        if j < 0 or not text[i + 1 : j].strip():
            pos = i + 1
            continue
        quotes.append(Quote(i, j))
        pos = j + 1
