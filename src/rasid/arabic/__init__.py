"""The Arabic text core of rasid: normalisation, tokens, sentences and numbers.

Every result carries ``start``/``end`` offsets into the untouched original string
(``original[start:end] == result.text``); normalised forms are for matching only.
"""

from rasid.arabic.normalize import (
    normalize,
    normalize_with_map,
    original_span,
    strip_diacritics,
    to_ascii_digits,
)
from rasid.arabic.numbers import NumberMention, find_numbers
from rasid.arabic.sentences import Sentence, split_sentences
from rasid.arabic.tokens import Token, match_keys, search_term, tokenize, words

__all__ = [
    "NumberMention",
    "Sentence",
    "Token",
    "find_numbers",
    "match_keys",
    "normalize",
    "normalize_with_map",
    "original_span",
    "search_term",
    "split_sentences",
    "strip_diacritics",
    "to_ascii_digits",
    "tokenize",
    "words",
]
