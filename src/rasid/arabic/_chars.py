"""Character classes shared by the modules of ``rasid.arabic``.

Every constant here is an immutable string (ready to drop inside a regex ``[...]``) or a
compiled pattern. Nothing is mutable.
"""

from __future__ import annotations

import re

# Arabic letters: the main block, the supplement, extended-A and the presentation forms.
# Presentation-form ligatures (U+FDxx) and the rial sign / bismillah are treated apart.
ARABIC_LETTERS = (
    "\u0620-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef"
    "\u06fa-\u06fc\u06ff\u0750-\u077f\u08a0-\u08c9"
    "\ufb50-\ufd3d\ufd50-\ufdc7\ufdf0-\ufdfb\ufe70-\ufe74\ufe76-\ufefc"
)

# Diacritics and Quranic annotation marks (combining): harakat, shadda, sukun, maddah,
# hamza above/below, superscript alef and the small high/low Quranic signs.
DIACRITICS = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
    "\u08ca-\u08e1\u08e3-\u08ff"
)

TATWEEL = "\u0640"

# Joiners that may sit inside a word (Persian-style orthography).
JOINERS = "\u200c\u200d"

# Invisible formatting characters: bidi marks and embeddings, zero-width space, word
# joiner, BOM, soft hyphen. ``normalize`` deletes them; the tokenizer and the sentence
# splitter treat them like whitespace (the joiners are kept when inside a word).
FORMAT_CHARS = (
    "\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064"
    "\u2066\u2067\u2068\u2069\ufeff"
)

# Every character for which ``str.isspace()`` is true.
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
    "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)

# Characters that end a line (the ones ``str.splitlines`` splits on).
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"

ASCII_DIGITS = "0-9"
ARABIC_INDIC_DIGITS = "\u0660-\u0669"
PERSIAN_DIGITS = "\u06f0-\u06f9"
DIGITS = ASCII_DIGITS + ARABIC_INDIC_DIGITS + PERSIAN_DIGITS

ARABIC_DECIMAL_SEPARATOR = "\u066b"  # ٫
ARABIC_THOUSANDS_SEPARATOR = "\u066c"  # ٬

# Latin letters (basic, Latin-1, extended A/B, extended additional) and combining marks.
LATIN_LETTERS = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
COMBINING = "\u0300-\u036f"

# A URL (scheme or www.) or an e-mail address. The last character may not be sentence
# punctuation, so ``www.example.com.`` leaves the final period outside.
_URL_BODY = "[^\\s<>\"'«»“”‘’()\\[\\]{}،؛؟" + FORMAT_CHARS + "]"
_URL_END = "[^\\s<>\"'«»“”‘’()\\[\\]{}،؛؟.,;:!?…" + FORMAT_CHARS + "]"
URL_PATTERN = (
    f"(?:[Hh][Tt][Tt][Pp][Ss]?://|[Ww][Ww][Ww]\\.){_URL_BODY}*{_URL_END}"
    "|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+"
)
URL_RE = re.compile(URL_PATTERN)
