"""Token features for the CRF tagger.

One function, :func:`sentence_features`, used both to train and to tag, so the two can
never drift apart. Each token gets features of its own (normalised form, clitic-stripped
stem, prefix, affixes, shape, word clusters, gazetteer membership) and a few of its
neighbours' (±2: stem and cluster; ±1: affixes, gazetteer). Features are plain
``"name=value"`` strings, which python-crfsuite takes fastest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from rasid.arabic.normalize import normalize
from rasid.arabic.tokens import Token

if TYPE_CHECKING:
    from rasid.entities.clusters import Clusters
    from rasid.entities.gazetteer import Gazetteer

FEATURES_VERSION = "3"


@cache
def person_cues() -> dict[str, str]:
    """Normalised word → "given" or "title" (rasid/data/person_cues.txt, our own list)."""
    text = resources.files("rasid").joinpath("data/person_cues.txt").read_text("utf-8")
    cues: dict[str, str] = {}
    for line in text.splitlines():
        if line and not line.startswith("#") and "\t" in line:
            kind, word = line.split("\t", 1)
            cues.setdefault(normalize(word.strip()), kind)
    return cues


@dataclass(frozen=True, slots=True)
class Resources:
    """What the features look up besides the tokens; either may be absent."""

    clusters: Clusters | None = None
    gazetteer: Gazetteer | None = None


def _shape(token: Token) -> str:
    kind = token.kind
    if kind == "word":
        return "ar"
    if kind == "latin":
        return "Lat" if token.text[:1].isupper() else "lat"
    return kind


def _own(
    token: Token, clusters: Clusters | None, cues: dict[str, str]
) -> tuple[list[str], list[str], list[str]]:
    """(own features, features shown to neighbours at ±1, at ±2)."""
    norm = normalize(token.text)
    if token.kind != "word":
        shape = _shape(token)
        own = [f"w={norm}", f"shape={shape}"]
        return own, [f"w={norm}", f"shape={shape}"], [f"shape={shape}"]
    stem = normalize(token.stem) or norm
    prefix = normalize(token.prefix)
    own = [
        f"w={norm}",
        f"s={stem}",
        f"pre={prefix}",
        f"def={int(token.definite)}",
        f"p2={stem[:2]}",
        f"p3={stem[:3]}",
        f"s1={stem[-1:]}",
        f"s2={stem[-2:]}",
        f"s3={stem[-3:]}",
        f"p4={stem[:4]}",
        f"s4={stem[-4:]}",
        f"len={min(len(stem), 9)}",
        "shape=ar",
    ]
    near = [f"s={stem}", f"s2={stem[-2:]}", f"def={int(token.definite)}"]
    far = [f"s={stem}"]
    cue = cues.get(norm) or cues.get(stem)
    if cue is not None:
        own.append(f"cue={cue}")
        near.append(f"cue={cue}")
        far.append(f"cue={cue}")
    if clusters is not None:
        found = clusters.get(stem)
        if found is not None:
            own += [f"c{k}={cid}" for k, cid in enumerate(found, 1)]
            near += [f"c1={found[0]}", f"c2={found[1]}"]
            far += [f"c1={found[0]}", f"c2={found[1]}"]
        else:
            own.append("c1=none")
        whole = clusters.get(norm) if norm != stem else None
        if whole is not None:
            own.append(f"wc2={whole[1]}")
    return own, near, far


OFFSETS = (-2, -1, 1, 2)  # the neighbours a token shows its features to


def spelling_key(token: Token) -> tuple:
    """What a token's context-free features depend on: its text and clitic split."""
    return (
        token.text,
        token.kind,
        token.stem_start - token.start,
        token.stem_end - token.start,
        token.definite,
    )


def token_parts(
    token: Token, clusters: Clusters | None, cues: dict[str, str]
) -> tuple[tuple[str, ...], dict[int, tuple[str, ...]]]:
    """A token's own features and what it shows each neighbour, already prefixed with the
    neighbour's offset (``-1:s=…``)."""
    own, near, far = _own(token, clusters, cues)
    shown = {
        offset: tuple(f"{offset}:{f}" for f in (near if offset in (-1, 1) else far))
        for offset in OFFSETS
    }
    return tuple(own), shown


def sentence_features(tokens: Sequence[Token], resources: Resources) -> list[list[str]]:
    """The feature strings of every token in one sentence (for training and for
    python-crfsuite; run-time tagging sums the same features' weights in
    :mod:`rasid.entities.decoder`)."""
    clusters = resources.clusters
    cues = person_cues()
    parts = [token_parts(token, clusters, cues) for token in tokens]
    gaz: list[tuple[str, ...]]
    if resources.gazetteer is not None:
        gaz = resources.gazetteer.token_features(list(tokens))
    else:
        gaz = [()] * len(tokens)
    n = len(tokens)
    out: list[list[str]] = []
    for i in range(n):
        feats = ["bias", *parts[i][0], *gaz[i]]
        if i == 0:
            feats.append("BOS")
        if i == n - 1:
            feats.append("EOS")
        for offset in OFFSETS:
            j = i + offset
            if 0 <= j < n:
                feats.extend(parts[j][1][offset])
                if gaz[j]:
                    feats.extend(f"{offset}:{f}" for f in gaz[j])
        out.append(feats)
    return out
