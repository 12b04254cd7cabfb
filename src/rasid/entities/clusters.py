"""Word clusters learnt without labels, shipped as ``rasid/data/clusters.tsv.gz``.

Each vocabulary word (a normalised form) has three cluster ids, at 128, 1,024 and 4,096
clusters (the finest added because it raised the tagger's dev F1 by 0.6), as short
decimal strings. They are features
for the named-entity tagger: a name it never saw often shares a cluster with names it
did see. Look a token up by ``normalize(token.text)`` and by ``normalize(token.stem)``;
the vocabulary holds both forms. How the file is made:
:mod:`rasid.entities.train_clusters`.

>>> clusters = load_clusters()
>>> clusters.get(normalize("محمد"))  # doctest: +SKIP
('5', '731')
"""

from __future__ import annotations

import functools
import gzip
import zlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from rasid.errors import ModelError

__all__ = ["HEADER", "SIZES", "Clusters", "load_clusters"]

HEADER = "word\tc128\tc1024\tc4096"
SIZES = (128, 1024, 4096)
_SHIPPED = "data/clusters.tsv.gz"
_REBUILD = "rebuild it with `python -m rasid.entities.train_clusters`"


@dataclass(frozen=True, slots=True)
class Clusters:
    """Read-only map from a normalised word to its ``(coarse, fine)`` cluster ids."""

    table: MappingProxyType[str, tuple[str, ...]]

    def get(self, norm_word: str) -> tuple[str, ...] | None:
        """The ``(c128, c1024, c4096)`` ids of ``norm_word`` (already normalised), or ``None``."""
        return self.table.get(norm_word)

    def __contains__(self, norm_word: object) -> bool:
        return norm_word in self.table

    def __len__(self) -> int:
        return len(self.table)


def load_clusters(path: Path | None = None) -> Clusters:
    """Load the clusters from ``path``, or the file shipped with rasid (cached).

    Raises :class:`~rasid.errors.ModelError` when the file is missing or unreadable.
    """
    if path is None:
        return _load_shipped()
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ModelError(f"cannot read the word clusters {path}: {_reason(exc)}") from exc
    return _parse(data, str(path))


@functools.cache
def _load_shipped() -> Clusters:
    name = f"rasid/{_SHIPPED}"
    try:
        data = resources.files("rasid").joinpath(_SHIPPED).read_bytes()
    except OSError as exc:
        raise ModelError(f"the word clusters {name} are missing; {_REBUILD}") from exc
    return _parse(data, name)


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def _parse(data: bytes, name: str) -> Clusters:
    try:
        text = gzip.decompress(data).decode("utf-8")
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as exc:
        raise ModelError(
            f"the word clusters {name} are corrupt ({_reason(exc)}); {_REBUILD}"
        ) from exc
    lines = text.split("\n")
    if lines[0] != HEADER:
        raise ModelError(f"the word clusters {name} are corrupt (bad header); {_REBUILD}")
    table: dict[str, tuple[str, ...]] = {}
    pairs: dict[tuple[str, ...], tuple[str, ...]] = {}  # one tuple per distinct combination
    for number, line in enumerate(lines[1:], start=2):
        if not line:
            continue
        parts = line.split("\t")
        if len(parts) != len(SIZES) + 1 or not parts[0]:
            raise ModelError(f"the word clusters {name} are corrupt (line {number}); {_REBUILD}")
        pair = tuple(parts[1:])
        table[parts[0]] = pairs.setdefault(pair, pair)
    if not table:
        raise ModelError(f"the word clusters {name} are empty; {_REBUILD}")
    return Clusters(MappingProxyType(table))
