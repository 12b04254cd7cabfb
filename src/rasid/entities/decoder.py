"""Exact Viterbi decoding of the shipped CRF, without building feature strings.

python-crfsuite tags a sentence from the feature strings of its tokens
(:func:`rasid.entities.features.sentence_features`). Those features decompose: a token's
score for each label is the sum of the weights of its own features, of what each neighbour
at −2…+2 shows it, of its gazetteer features and of BOS/EOS. So the decoder reads the
model's weights once (``Tagger.info()``) and keeps, for each spelling it meets, five score
vectors: its own, and what it shows a token at each offset. Tagging an article is then a few
array additions per sentence and one Viterbi pass over all its sentences at once.

The result is the same as crfsuite's (the same weights, summed in another order);
``tests/test_entities_decoder.py`` checks that on real text, and ``bench/ner_speed.py``
reports both speeds.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pycrfsuite

from rasid.arabic.tokens import Token
from rasid.entities.features import OFFSETS, Resources, person_cues, spelling_key, token_parts
from rasid.memo import keep

CACHE_SIZE = 150_000  # spellings whose score vectors are remembered (about 90 MB)


class Decoder:
    """Score vectors of spellings and an exact batched Viterbi over the model's labels."""

    def __init__(self, crf: pycrfsuite.Tagger, resources: Resources) -> None:
        info = crf.info()
        self.labels: list[str] = list(crf.labels())
        index = {label: k for k, label in enumerate(self.labels)}
        size = len(self.labels)
        self.transitions = np.zeros((size, size))
        for (a, b), weight in info.transitions.items():
            self.transitions[index[a], index[b]] = weight
        rows: dict[str, int] = {}
        entries: list[tuple[int, int, float]] = []
        for (attribute, label), weight in info.state_features.items():
            row = rows.setdefault(attribute, len(rows))
            entries.append((row, index[label], weight))
        self.rows = rows
        self.weights = np.zeros((len(rows) + 1, size))  # the last row: unknown attributes
        for row, label, weight in entries:
            self.weights[row, label] += weight
        self.unknown = len(rows)
        self.bias = self._sum(("bias",))
        self.bos = self._sum(("BOS",))
        self.eos = self._sum(("EOS",))
        self.resources = resources
        self.spellings: dict[tuple, np.ndarray] = {}
        self.gazetteer: dict[tuple[str, ...], np.ndarray] = {(): np.zeros((5, size))}

    def _sum(self, attributes: Sequence[str]) -> np.ndarray:
        unknown = self.unknown
        return self.weights[[self.rows.get(a, unknown) for a in attributes]].sum(axis=0)

    def _vectors(self, own: Sequence[str], shown: dict[int, Sequence[str]]) -> np.ndarray:
        """Rows: own features, then what is shown at −2, −1, +1, +2 (no group is empty:
        every token has its ``w=`` feature and shows at least its stem or shape)."""
        groups = (own, *(shown[offset] for offset in OFFSETS))
        get, unknown = self.rows.get, self.unknown
        ids = [get(a, unknown) for group in groups for a in group]
        starts, at = [], 0
        for group in groups:
            starts.append(at)
            at += len(group)
        return np.add.reduceat(self.weights[ids], starts, axis=0)

    def _spelling(self, token: Token, cues: dict[str, str]) -> np.ndarray:
        key = spelling_key(token)
        found = self.spellings.get(key)
        if found is None:
            own, shown = token_parts(token, self.resources.clusters, cues)
            found = keep(self.spellings, key, self._vectors(own, shown), CACHE_SIZE)
        return found

    def _gazetteer(self, features: tuple[str, ...]) -> np.ndarray:
        found = self.gazetteer.get(features)
        if found is None:
            shown = {offset: [f"{offset}:{f}" for f in features] for offset in OFFSETS}
            found = self.gazetteer[features] = self._vectors(features, shown)
        return found

    def emissions(
        self, tokens: Sequence[Token], gaz: Sequence[tuple[str, ...]] | None = None
    ) -> np.ndarray:
        """Label scores of each token of one sentence (n × labels); ``gaz``: its gazetteer
        features when the caller has them (:meth:`Gazetteer.sentence_features`)."""
        cues = person_cues()
        n = len(tokens)
        parts = np.array([self._spelling(t, cues) for t in tokens])
        if self.resources.gazetteer is not None:
            if gaz is None:
                gaz = self.resources.gazetteer.token_features(list(tokens))
            parts = parts + np.array([self._gazetteer(g) for g in gaz])
        scores = parts[:, 0] + self.bias
        for slot, offset in enumerate(OFFSETS, 1):
            # token j shows token i = j - offset what it shows at that offset
            if offset > 0:
                scores[: n - offset] += parts[offset:, slot]
            else:
                scores[-offset:] += parts[: n + offset, slot]
        scores[0] += self.bos
        scores[n - 1] += self.eos
        return scores

    def tag(
        self,
        sentences: Sequence[Sequence[Token]],
        gaz: Sequence[Sequence[tuple[str, ...]]] | None = None,
    ) -> list[list[str]]:
        """BIO tags for each sentence (all decoded in one Viterbi pass); ``gaz``: the
        gazetteer features of each sentence, when the caller has them."""
        present = [k for k, s in enumerate(sentences) if s]
        out: list[list[str]] = [[] for _ in sentences]
        if not present:
            return out
        lengths = np.array([len(sentences[k]) for k in present])
        count, longest, size = len(present), int(lengths.max()), len(self.labels)
        emissions = np.zeros((count, longest, size))
        for row, k in enumerate(present):
            emissions[row, : lengths[row]] = self.emissions(
                sentences[k], gaz[k] if gaz is not None else None
            )
        score = emissions[:, 0].copy()
        back = np.zeros((count, longest, size), dtype=np.int16)
        for t in range(1, longest):
            candidates = score[:, :, None] + self.transitions[None, :, :]
            best = candidates.argmax(axis=1)
            moved = candidates.max(axis=1) + emissions[:, t]
            active = (t < lengths)[:, None]
            score = np.where(active, moved, score)
            back[:, t] = best
        finals = score.argmax(axis=1)
        for row, k in enumerate(present):
            label = int(finals[row])
            path = [label]
            for t in range(int(lengths[row]) - 1, 0, -1):
                label = int(back[row, t, label])
                path.append(label)
            out[k] = [self.labels[y] for y in reversed(path)]
        return out
