"""NER corpora in the CoNLL shape (``token tag`` per line, a blank line between sentences),
and their re-tokenisation into rasid's own tokens.

The tagger is trained and evaluated on the tokens ``rasid.arabic.tokenize`` gives at run
time (punctuation apart), so the evaluation measures the system users get. Each corpus
token is split into rasid tokens: its word pieces carry its tag (the first keeps B-/I-,
the rest continue as I-), its punctuation pieces are O. Predictions are mapped back to
corpus tokens (a token takes the tag of its first word piece) before scoring.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rasid.arabic import tokenize
from rasid.arabic.tokens import Token

# ANERcorp says PERS; AQMAR says PER and MIS0..MIS3; rasid says PER/LOC/ORG/MISC.
TAG_TYPES = {"PERS": "PER", "PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}


@dataclass(frozen=True, slots=True)
class Sentence:
    tokens: tuple[str, ...]
    tags: tuple[str, ...]


def map_tag(tag: str) -> str:
    """Corpus tag → rasid tag: ``B-PERS`` → ``B-PER``; AQMAR ``B-MIS1`` → ``B-MISC``."""
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, kind = tag.split("-", 1)
    kind = "MISC" if kind.startswith("MIS") else TAG_TYPES.get(kind, "")
    return f"{prefix}-{kind}" if kind and prefix in ("B", "I") else "O"


def read_conll(path: Path) -> list[Sentence]:
    """Sentences of a two-column file; tags mapped with :func:`map_tag`."""
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        parts = line.split()
        if not parts:
            if tokens:
                sentences.append(Sentence(tuple(tokens), tuple(tags)))
                tokens, tags = [], []
            continue
        if len(parts) < 2:
            continue
        tokens.append(parts[0])
        tags.append(map_tag(parts[-1]))
    if tokens:
        sentences.append(Sentence(tuple(tokens), tuple(tags)))
    return sentences


@dataclass(frozen=True, slots=True)
class Split:
    """A corpus sentence in rasid tokens: ``owner[i]`` is the corpus token of piece ``i``."""

    pieces: tuple[Token, ...]
    tags: tuple[str, ...]
    owner: tuple[int, ...]
    text: str


def split_sentence(sentence: Sentence) -> Split:
    """Re-tokenise a corpus sentence (tokens joined by spaces) into rasid tokens."""
    text = " ".join(sentence.tokens)
    starts = []
    pos = 0
    for token in sentence.tokens:
        starts.append(pos)
        pos += len(token) + 1
    pieces = tokenize(text)
    owner: list[int] = []
    tags: list[str] = []
    current = 0
    seen_word: set[int] = set()
    for piece in pieces:
        while current + 1 < len(starts) and piece.start >= starts[current + 1]:
            current += 1
        owner.append(current)
        tag = sentence.tags[current]
        if tag == "O" or piece.kind in ("punct", "symbol"):
            tags.append("O")
        elif current in seen_word:
            tags.append("I-" + tag[2:])
        else:
            tags.append(tag)
            seen_word.add(current)
    return Split(tuple(pieces), tuple(tags), tuple(owner), text)


def to_corpus_tags(split: Split, predicted: list[str], size: int) -> list[str]:
    """Map piece predictions back to the corpus tokens (first word piece wins)."""
    out = ["O"] * size
    assigned = [False] * size
    for piece, owner, tag in zip(split.pieces, split.owner, predicted, strict=True):
        if assigned[owner] or piece.kind in ("punct", "symbol"):
            continue
        out[owner] = tag
        assigned[owner] = True
    return out
