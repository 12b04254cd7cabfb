"""Quotation spans in a paragraph: «…», “…”, "…" and their variants.

A quote is returned as the offsets of its opening and closing marks. Marks that do not
pair up (a stray », a quote that never closes within the paragraph) give nothing.
"""

from __future__ import annotations

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


def find_quotes(text: str, start: int = 0, end: int | None = None) -> list[Quote]:
    """The quotes in ``text[start:end]``, in order, not nested."""
    end = len(text) if end is None else end
    quotes: list[Quote] = []
    i = start
    while i < end:
        ch = text[i]
        closer = _PAIRS.get(ch)
        if ch in _TOGGLES:
            closer = ch
        if closer is None:
            i += 1
            continue
        j = text.find(closer, i + 1, min(end, i + 1 + MAX_QUOTE))
        if ch == "”" and j < 0:  # a closing mark used as an opener pairs with itself
            j = text.find("”", i + 1, min(end, i + 1 + MAX_QUOTE))
        if ch == "“" and j < 0:
            j = text.find("“", i + 1, min(end, i + 1 + MAX_QUOTE))
        if j < 0 or not text[i + 1 : j].strip():
            i += 1
            continue
        quotes.append(Quote(i, j))
        i = j + 1
    return quotes
