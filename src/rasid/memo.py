"""Memos for the hot paths: remember the answers for the first keys met, up to a limit.

Words repeat across articles and the frequent ones come first, so keeping the first
``limit`` answers catches most repeats while memory stays bounded in a long ingest; later
keys are computed each time. The memos are plain dicts (their built-in ``get`` is what the
hot paths call: a dict subclass made the whole analysis about 10 % slower); :func:`keep`
is called on a miss only.
"""

from __future__ import annotations

from typing import TypeVar

V = TypeVar("V")


def keep(memo: dict, key: object, value: V, limit: int) -> V:
    """Remember ``value`` for ``key`` in ``memo`` while it holds fewer than ``limit``
    keys; return ``value``."""
    if len(memo) < limit:
        memo[key] = value
    return value
