"""Document-level consistency: a name tagged once is the same name elsewhere in the article.

After the CRF has tagged every sentence of an article, each entity string it found (as
normalised, clitic-stripped stems, so ``وروسيا`` and ``روسيا`` are one string) is looked
for again (for a person, the last word of the name too); untagged occurrences take the majority type, provided the string was tagged in
at least one in 20 of its occurrences (measured on the dev split: spreading more is better for
recall at no cost in precision; the floor keeps a common word tagged once from spreading far).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from rasid.arabic.normalize import normalize_word
from rasid.arabic.tokens import Token
from rasid.entities.scoring import chunks

MAX_LENGTH = 6
SHARE = 20  # spread unless the string goes untagged in more than 19 of 20 occurrences


def _key(token: Token) -> str:
    return normalize_word(token.stem) if token.kind == "word" else normalize_word(token.text)


def propagate(sentences: Sequence[Sequence[Token]], tags: Sequence[list[str]]) -> list[list[str]]:
    """Return new tag lists with entity strings made consistent across the document."""
    keys = [[_key(t) for t in sentence] for sentence in sentences]
    types: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for sentence_keys, sentence_tags in zip(keys, tags, strict=True):
        for kind, start, end in sorted(chunks(sentence_tags), key=lambda c: c[1]):
            if end - start <= MAX_LENGTH:
                types[tuple(sentence_keys[start:end])][kind] += 1
            if kind == "PER" and end - start >= 2:
                # the family name alone, later in the article, is the same person
                types[(sentence_keys[end - 1],)][kind] += 1
    if not types:
        return [list(t) for t in tags]
    lengths = sorted({len(k) for k in types}, reverse=True)
    firsts = {k[0] for k in types}  # only where a found string begins is there more to do
    occurrences: Counter[tuple[str, ...]] = Counter()
    for sentence_keys in keys:
        for i, first in enumerate(sentence_keys):
            if first not in firsts:
                continue
            for length in lengths:
                key = tuple(sentence_keys[i : i + length])
                if len(key) == length and key in types:
                    occurrences[key] += 1
    out = [list(t) for t in tags]
    for sentence_keys, sentence_tags in zip(keys, out, strict=True):
        i = 0
        while i < len(sentence_keys):
            if sentence_keys[i] not in firsts:
                i += 1
                continue
            for length in lengths:
                key = tuple(sentence_keys[i : i + length])
                if len(key) < length or key not in types:
                    continue
                tagged = sum(types[key].values())
                free = all(t == "O" for t in sentence_tags[i : i + length])
                if free and tagged * SHARE >= occurrences[key] and len("".join(key)) >= 3:
                    kind = types[key].most_common(1)[0][0]
                    sentence_tags[i : i + length] = [f"B-{kind}"] + [f"I-{kind}"] * (length - 1)
                    i += length - 1
                    break
            i += 1
    return out
