"""Near-duplicates: MinHash signatures over word shingles, found through LSH buckets.

An article's shingles are its overlapping runs of ``SHINGLE`` normalised stems (the search
index's terms), hashed to 32 bits. Its signature is, for each of ``PERMUTATIONS`` fixed
hash functions ``(a·x + b) mod p``, the least value over the shingles: two signatures agree
at a position with probability equal to the Jaccard similarity of the shingle sets.

LSH: the signature is cut into ``BANDS`` bands of ``ROWS`` values; articles that share a
band exactly are candidates (with 16 × 8, a pair at Jaccard 0.8 becomes a candidate with
probability 0.9996, at 0.5 with 0.06). A candidate is a near-duplicate when its estimated
Jaccard (the share of equal signature values) is at least ``THRESHOLD`` = 0.8, it states
no number the original does not, and it is not more than 10% longer (:func:`same_text`).
Buckets live in the archive, so detection is incremental across runs.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from rasid.archive.fingerprint import index_terms

SHINGLE = 5
PERMUTATIONS = 128
BANDS = 16
ROWS = PERMUTATIONS // BANDS
THRESHOLD = 0.8
MIN_SHINGLES = 8  # shorter texts are left to the exact key
LONGER = 0.1  # a near copy more than 10% longer than the kept text is analysed itself
_PRIME = (1 << 61) - 1
_rng = np.random.default_rng(2026)
_A = _rng.integers(1, 1 << 31, PERMUTATIONS, dtype=np.int64)
_B = _rng.integers(0, 1 << 31, PERMUTATIONS, dtype=np.int64)


def shingles(terms: Sequence[str]) -> np.ndarray:
    """The distinct 32-bit hashes of the runs of ``SHINGLE`` terms."""
    runs = {" ".join(terms[k : k + SHINGLE]) for k in range(len(terms) - SHINGLE + 1)}
    return np.fromiter(
        (zlib.crc32(r.encode("utf-8")) for r in runs), dtype=np.int64, count=len(runs)
    )


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What near-duplicate detection keeps of a text: its MinHash signature, its length in
    terms and the numbers it states."""

    signature: np.ndarray
    terms: int
    numbers: frozenset[str]

    @property
    def buckets(self) -> list[int]:
        return bands(self.signature)


def fingerprint(text: str) -> Fingerprint | None:
    """The fingerprint of ``text``, or None when it is too short to have ``MIN_SHINGLES``
    shingles (such texts are left to the exact key)."""
    terms = index_terms(text)
    sig = signature_of(terms)
    if sig is None:
        return None
    numbers = frozenset(t for t in terms if t[:1].isdigit())
    return Fingerprint(sig, len(terms), numbers)


def signature(text: str) -> np.ndarray | None:
    """The MinHash signature of ``text`` (``PERMUTATIONS`` values), or None when the text
    is too short to have ``MIN_SHINGLES`` shingles."""
    return signature_of(index_terms(text))


def signature_of(terms: Sequence[str]) -> np.ndarray | None:
    hashed = shingles(terms)
    if len(hashed) < MIN_SHINGLES:
        return None
    values = (_A[:, None] * hashed[None, :] + _B[:, None]) % _PRIME
    return values.min(axis=1)


def same_text(new: Fingerprint, old: Fingerprint) -> float | None:
    """The similarity when ``new`` may be dropped as a near copy of ``old``, else None.

    Besides the MinHash threshold, two checks from a hand review of the links (docs/
    benchmarks.md): a text that states numbers the other does not is another event told
    with the same template (a press release reused for 23 firms and then 30), and a text
    that is more than ``LONGER`` longer carries more than the copy kept, so it is analysed."""
    score = similarity(new.signature, old.signature)
    if score < THRESHOLD:
        return None
    if new.numbers - old.numbers:
        return None
    if new.terms > old.terms * (1 + LONGER):
        return None
    return score


def bands(sig: np.ndarray) -> list[int]:
    """One 63-bit bucket key per band."""
    keys = []
    for band in range(BANDS):
        chunk = sig[band * ROWS : (band + 1) * ROWS].tobytes()
        keys.append(
            int.from_bytes(zlib.crc32(chunk).to_bytes(4, "big") + band.to_bytes(2, "big"), "big")
        )
    return keys


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(a == b))


def to_row(fp: Fingerprint) -> tuple[bytes, int, str]:
    """The stored form: signature bytes, term count, numbers joined by spaces."""
    return fp.signature.astype(np.int64).tobytes(), fp.terms, " ".join(sorted(fp.numbers))


def from_row(blob: bytes, terms: int, numbers: str) -> Fingerprint:
    return Fingerprint(np.frombuffer(blob, dtype=np.int64), terms, frozenset(numbers.split()))
