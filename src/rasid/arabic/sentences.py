"""Sentence splitting for Arabic news text.

``split_sentences(text)`` returns :class:`Sentence` objects whose ``text`` is
``original[start:end]``, trimmed of surrounding whitespace and invisible formatting
characters. Empty pieces are dropped.

Rules, in order:

1. A line break always ends a sentence (``\\n``, ``\\r``, U+2028/2029 ... the characters
   ``str.splitlines`` splits on), even inside an open quotation.
2. Within a line a sentence ends after ``؟ ? ! ؛ ۔`` (any run of them), after a period that
   is not one of the exceptions below, and after an ellipsis (``...``/``..``/``…``) that is
   attached to the preceding word and followed by whitespace and more text. An ellipsis
   after a space (``قال ... إن``) marks an elision, not an end.
3. Closing brackets and quotes that follow the end (``.”`` ``.»`` ``."`` ``!)``) belong to the
   sentence they close; a quote before the period (``كامل”.``) naturally does too.
4. No split inside a quotation that is still open: between a matched pair of ``« »``,
   ``‹ ›`` or double quotes, an end mark only counts when the closing quote comes right
   after it. So a multi-sentence quote stays in the sentence that introduces it. Double
   quotes (``“ ” " „``) are told apart as openers or closers by their neighbours (space
   before and a letter after opens; a letter before and space or punctuation after closes),
   not by glyph, so reversed ``”…“`` pairs too. A quote that is never closed on its line,
   or a "quotation" longer than 1,500 characters (stray quote marks), suppresses nothing.
5. A period is not an end when it is followed directly by a digit or a Latin letter
   (``3.5``, ``example.com``, ``U.S.A``), when it follows a single letter standing alone
   (``د.`` ``م.`` ``أ.د.`` ``ش.م.م`` ``J.``; but ``2011م.`` is an end), when it sits between
   Latin letter names written in Arabic (``بي. بي. سي``), when it follows a
   Latin title abbreviation (``Mr.`` ``Dr.`` ``Inc.`` ...), or when it follows a number
   that opens the sentence (a list item ``1.``).
6. Nothing inside a URL or e-mail address ends a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rasid.arabic._chars import FORMAT_CHARS, LINE_BREAKS, URL_RE, WHITESPACE

__all__ = ["Sentence", "split_sentences"]


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the original text: ``text == original[start:end]``."""

    text: str
    start: int
    end: int


_LINE_RE = re.compile(f"[^{LINE_BREAKS}]+")
_END_RE = re.compile("[.!?؟؛…۔]+")
_QUOTE_RE = re.compile('["“”„‟«»‹›]')
_TOGGLE_QUOTES = frozenset('"“”„‟')
_BEFORE_OPENER = frozenset("([{:«،,؛;—–-/")
_AFTER_CLOSER = frozenset(".,!?؟،؛;:)]}»…-–—")
_MAX_QUOTE = 1500
_HARD_ENDS = frozenset("!?؟؛۔")
# Closers that always belong to the sentence before them.
_CLOSERS = frozenset(")]}»›”’")
_END_CHARS = frozenset(".!?؟؛…۔")
_TRIM = WHITESPACE + FORMAT_CHARS
_SPACE = frozenset(WHITESPACE + FORMAT_CHARS)
_LATIN_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st inc ltd co corp vs gen col lt sgt capt gov sen rep messrs
    mt ft no vol fig approx dept univ
    """.split()
)
# Latin letter names written in Arabic, as in بي. بي. سي (BBC) or سي. إن. إن (CNN).
_LETTER_NAMES = frozenset(
    """
    إيه أيه بي بى سي سى دي دى إي إف جي جى إتش آي أي جيه كيه كي إل إم إن أو بي كيو آر إس
    تي تى يو في دبليو إكس واي زد زي
    """.split()
)
_MARKS = frozenset(
    [chr(c) for c in range(0x0610, 0x061B)]
    + [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", "\u0640"]
)


def _quote_role(text: str, i: int, start: int, end: int) -> int:
    """Whether the double quote at ``i`` looks like an opener (1), a closer (-1) or either (0).

    Decided from its neighbours, not its glyph, since Arabic sites often reverse “ and ”.
    """
    prev = text[i - 1] if i > start else " "
    nxt = text[i + 1] if i + 1 < end else " "
    opens = (prev in _SPACE or prev in _BEFORE_OPENER) and nxt not in _SPACE
    closes = prev not in _SPACE and (nxt in _SPACE or nxt in _AFTER_CLOSER)
    return 1 if opens and not closes else -1 if closes and not opens else 0


def _quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Matched quotation spans ``(open_index, close_index)`` in ``text[start:end]``.

    Spans longer than ``_MAX_QUOTE`` characters are dropped: they come from stray quotes.
    """
    spans: list[tuple[int, int]] = []
    toggle: int | None = None
    stack: list[int] = []
    for m in _QUOTE_RE.finditer(text, start, end):
        ch = m.group()
        i = m.start()
        if ch in _TOGGLE_QUOTES:
            role = _quote_role(text, i, start, end)
            if toggle is None:
                if role >= 0:
                    toggle = i
            elif role <= 0:
                spans.append((toggle, i))
                toggle = None
            else:
                toggle = i  # a second opener: the first one was stray
        elif ch == "«" or ch == "‹":
            stack.append(i)
        elif stack:
            spans.append((stack.pop(), i))
    return [(a, b) for a, b in spans if b - a <= _MAX_QUOTE]


def _is_latin(ch: str) -> bool:
    return ("a" <= ch <= "z") or ("A" <= ch <= "Z")


def _word_before(text: str, pos: int, line_start: int) -> int:
    """Start index of the run of letters (with Arabic marks) that ends at ``pos``."""
    k = pos
    while k > line_start and (text[k - 1].isalpha() or text[k - 1] in _MARKS):
        k -= 1
    return k


def _after_number(text: str, k: int, line_start: int, word: str) -> bool:
    """Whether the single letter at ``k`` is a year suffix: ``2011م.``, ``2011 م.``, ``1443 هـ.``."""
    j = k
    while j > line_start and text[j - 1] == " " and word[0] in "مه":
        j -= 1
    return j > line_start and text[j - 1].isdigit()


def _next_word(text: str, pos: int, line_end: int) -> str:
    """The run of letters after ``pos`` and any spaces, without a final period."""
    while pos < line_end and text[pos] == " ":
        pos += 1
    k = pos
    while k < line_end and (text[k].isalpha() or text[k] in _MARKS):
        k += 1
    return text[pos:k]


def _period_ends(text: str, p: int, line_start: int, line_end: int, sent_start: int) -> bool:
    """Whether the single period at ``p`` ends a sentence."""
    nxt = text[p + 1] if p + 1 < line_end else ""
    if nxt and (nxt.isdigit() or _is_latin(nxt)):
        return False
    k = _word_before(text, p, line_start)
    if k < p:
        word = text[k:p]
        letters = sum(1 for ch in word if ch not in _MARKS)
        if letters == 1 and not _after_number(text, k, line_start, word):
            return False  # د.  م.  ش.م.م  U.S.
        if word.lower() in _LATIN_ABBREVIATIONS and _is_latin(word[0]):
            return False
        if word in _LETTER_NAMES and _next_word(text, p + 1, line_end) in _LETTER_NAMES:
            return False  # بي. بي. سي  /  سي. إن. إن
        return True
    # A number that opens the sentence: a list item such as "1." or "٢."
    d = p
    while d > line_start and text[d - 1].isdigit():
        d -= 1
    if d < p and p - d <= 3 and text[sent_start:d].strip(_TRIM) == "":
        return False
    return True


def _ellipsis_ends(text: str, p: int, q: int, line_start: int, line_end: int) -> bool:
    """Whether the ellipsis ``text[p:q]`` (closers included up to ``q``) ends a sentence."""
    if p == line_start or text[p - 1] in _SPACE:
        return False  # an elision: "قال ... إن"
    if q >= line_end or text[q] not in _SPACE:
        return False
    return text[q:line_end].strip(_TRIM) != ""


def _ends_in_line(text: str, line_start: int, line_end: int) -> list[int]:
    """Sentence end offsets (exclusive) inside one line."""
    ends: list[int] = []
    urls = [m.span() for m in URL_RE.finditer(text, line_start, line_end)]
    spans = (
        _quote_spans(text, line_start, line_end)
        if _QUOTE_RE.search(text, line_start, line_end)
        else []
    )
    closes = {c for _, c in spans}
    sent_start = line_start
    for m in _END_RE.finditer(text, line_start, line_end):
        p, q = m.span()
        if urls and any(a <= p < b for a, b in urls):
            continue
        run = m.group()
        # Take in the closers (and any further end marks) that follow.
        while q < line_end:
            ch = text[q]
            if ch in _CLOSERS or ch in _END_CHARS or (ch in _TOGGLE_QUOTES and q in closes):
                q += 1
            else:
                break
        if any(ch in _HARD_ENDS for ch in run):
            is_end = True
        elif len(run) > 1 or "…" in run:
            is_end = _ellipsis_ends(text, p, q, line_start, line_end)
        elif urls and any(b == p for _, b in urls):
            is_end = True  # the period right after a URL: "www.example.com/a.b."
        else:
            is_end = _period_ends(text, p, line_start, line_end, sent_start)
        if not is_end:
            continue
        if spans and any(o < p and q <= c for o, c in spans):
            continue  # inside a quotation that is still open
        if q > sent_start:
            ends.append(q)
            sent_start = q
    return ends


def _emit(text: str, start: int, end: int, out: list[Sentence]) -> None:
    piece = text[start:end]
    stripped = piece.lstrip(_TRIM)
    s = start + len(piece) - len(stripped)
    stripped = stripped.rstrip(_TRIM)
    if stripped:
        out.append(Sentence(stripped, s, s + len(stripped)))


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; see the module docstring for the rules."""
    out: list[Sentence] = []
    for line in _LINE_RE.finditer(text):
        line_start, line_end = line.span()
        pos = line_start
        for end in _ends_in_line(text, line_start, line_end):
            _emit(text, pos, end, out)
            pos = end
        _emit(text, pos, line_end, out)
    return out
