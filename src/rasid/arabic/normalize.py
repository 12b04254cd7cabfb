"""Normalisation of Arabic text for matching.

Normalised text is for *matching only*: compare ``normalize(a) == normalize(b)`` or search
a normalised text, then map the hit back to the original with :func:`normalize_with_map`
(or :func:`original_span`). Never show normalised text to a reader.

What :func:`normalize` does, character by character (no context, so it is idempotent):

* deletes diacritics: harakat and tanween (U+064B–U+065F, which also covers the combining
  maddah and hamza above/below), the superscript alef U+0670 and the Quranic marks
  (U+0610–U+061A, U+06D6–U+06ED, U+08CA–U+08FF);
* deletes tatweel U+0640 and invisible formatting characters (bidi marks, zero-width
  space and joiners, BOM, soft hyphen);
* alef forms أ إ آ ٱ ٲ ٳ ٵ → ا; alef maqsura ى → ي; ta marbuta ة → ه;
  hamza carriers ؤ → و and ئ → ي (the bare hamza ء is kept);
* Persian/Urdu letter shapes that appear in Arabic text: ک → ك, ی → ي, ھ ہ ۀ ۃ ە → ه;
* Arabic-Indic (٠–٩) and Persian (۰–۹) digits → ASCII; the Arabic decimal separator ٫ → ``.``
  and thousands separator ٬ → ``,``;
* presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) → their letters (NFKC, then the rules
  above), so a ligature such as ﻻ becomes two characters ``لا``.

Everything else (Latin letters and their case, whitespace, punctuation including ، ؛ ؟) is
left as it is.
"""

from __future__ import annotations

import re
import unicodedata
from types import MappingProxyType

from rasid.arabic._chars import DIACRITICS, FORMAT_CHARS, TATWEEL
from rasid.memo import keep

__all__ = [
    "normalize_word",
    "normalize",
    "normalize_with_map",
    "original_span",
    "strip_diacritics",
    "to_ascii_digits",
]


def _ranges(spec: str) -> list[int]:
    """Expand a regex-class string like ``a-cx`` into code points."""
    out: list[int] = []
    i = 0
    while i < len(spec):
        if i + 2 < len(spec) and spec[i + 1] == "-":
            out.extend(range(ord(spec[i]), ord(spec[i + 2]) + 1))
            i += 3
        else:
            out.append(ord(spec[i]))
            i += 1
    return out


_DIACRITIC_CODES = tuple(_ranges(DIACRITICS))

_LETTER_MAP = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ٵ": "ا",
    "ى": "ي",
    "ة": "ه",
    "ؤ": "و",
    "ئ": "ي",
    "ک": "ك",
    "ڪ": "ك",
    "ی": "ي",
    "ې": "ي",
    "ھ": "ه",
    "ہ": "ه",
    "ۀ": "ه",
    "ۃ": "ه",
    "ە": "ه",
    "\u066b": ".",
    "\u066c": ",",
}


def _build_digit_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for i in range(10):
        table[0x0660 + i] = str(i)
        table[0x06F0 + i] = str(i)
    return table


def _build_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for code in _DIACRITIC_CODES:
        table[code] = None
    table[ord(TATWEEL)] = None
    for ch in FORMAT_CHARS:
        table[ord(ch)] = None
    for src, dst in _LETTER_MAP.items():
        table[ord(src)] = dst
    table.update(_build_digit_table())

    for code in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)):
        ch = chr(code)
        decomposed = unicodedata.normalize("NFKC", ch)
        if decomposed == ch:
            continue
        # Isolated-diacritic forms decompose to " " + mark: drop the space.
        mapped = decomposed.lstrip(" ").translate(table)
        table[code] = mapped or None
    return table


# Read-only mappings for str.translate.
_TABLE: MappingProxyType[int, str | None] = MappingProxyType(_build_table())
_DIACRITIC_TABLE: MappingProxyType[int, None] = MappingProxyType(dict.fromkeys(_DIACRITIC_CODES))
_DIGIT_TABLE: MappingProxyType[int, str] = MappingProxyType(_build_digit_table())

# Characters whose normalised form is not exactly one character (deleted or expanded).
_RESIZING_RE = re.compile(
    "["
    + "".join(
        re.escape(chr(code))
        for code, value in sorted(_TABLE.items())
        if value is None or len(value) != 1
    )
    + "]+"
)
_MARKS_RE = re.compile(f"[{DIACRITICS}{TATWEEL}]+")


def normalize(text: str) -> str:
    """Return ``text`` normalised for matching (see the module docstring).

    >>> normalize("وَأُوكْرانِيا") == normalize("وأوكرانيا") == "واوكرانيا"
    True
    """
    return text.translate(_TABLE)


_WORDS: dict[str, str] = {}  # spellings whose normal form is remembered (the first met)
WORD_MEMO = 200_000


def normalize_word(word: str) -> str:
    """:func:`normalize` for one word, remembered: the stages look up the same words again
    and again (the first 200,000 spellings met are kept, a few tens of MB)."""
    found = _WORDS.get(word)
    if found is None:
        found = keep(_WORDS, word, word.translate(_TABLE), WORD_MEMO)
    return found


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """Normalise ``text`` and return ``(normalised, mapping)``.

    ``mapping[i]`` is the index in ``text`` of the character that produced normalised
    character ``i``; ``len(mapping) == len(normalised)``. A match ``[a, b)`` in the
    normalised text covers ``text[mapping[a] : mapping[b - 1] + 1]`` (see
    :func:`original_span`, which also takes in trailing diacritics).
    """
    out = text.translate(_TABLE)
    if _RESIZING_RE.search(text) is None:
        return out, list(range(len(text)))
    mapping: list[int] = []
    pos = 0
    for match in _RESIZING_RE.finditer(text):
        start, end = match.span()
        mapping.extend(range(pos, start))
        for i in range(start, end):
            value = _TABLE[ord(text[i])]
            if value:
                mapping.extend([i] * len(value))
        pos = end
    mapping.extend(range(pos, len(text)))
    return out, mapping


def original_span(text: str, mapping: list[int], start: int, end: int) -> tuple[int, int]:
    """Map the normalised span ``[start, end)`` back to a span of the original ``text``.

    ``mapping`` comes from ``normalize_with_map(text)``. Diacritics and tatweel that
    follow the last matched character are included, so a match of ``كتاب`` in ``كِتَابٌ``
    covers the whole word. An empty span maps to an empty span.
    """
    if start >= end:
        pos = mapping[start] if start < len(mapping) else len(text)
        return pos, pos
    o_start = mapping[start]
    o_end = mapping[end - 1] + 1
    marks = _MARKS_RE.match(text, o_end)
    if marks is not None:
        o_end = marks.end()
    return o_start, o_end


def strip_diacritics(text: str) -> str:
    """Remove diacritics and Quranic marks only (tatweel, letters and digits are kept)."""
    return text.translate(_DIACRITIC_TABLE)


def to_ascii_digits(text: str) -> str:
    """Replace Arabic-Indic (٠–٩) and Persian (۰–۹) digits with ASCII digits.

    Separators (٫ ٬) are left alone; :func:`normalize` converts them too.
    """
    return text.translate(_DIGIT_TABLE)
