"""Institutions named by a head noun, complements and a country.

News name most state bodies by pattern rather than by a proper name: ``وزارة الدفاع
الروسية``، ``مكتب الرئيس الأوكراني``، ``وزارة خارجية روسيا``، ``القوات البرية الروسية``.
:func:`find_institutions` finds them and gives each a canonical name that is the same for
every spelling: ``وزارة الدفاع (روسيا)``، ``مكتب الرئيس (أوكرانيا)``، ``وزارة الخارجية``.

The pattern, on normalised tokens:

* a **head**: وزارة مكتب وكالة هيئة مجلس رئاسة سفارة قنصلية قوات جيش حكومة حرس برلمان
  شرطة جهاز محكمة بنك مصرف (with or without the article; a leading و/ف/ب/ل/ك is left out
  of the span, so ``بوزارة الداخلية الأوكرانية`` starts at ``وزارة``);
* up to three **complements** (الدفاع، الخارجية، الرئيس، الوزراء، الأمن القومي،
  البرية…), definite (``وزارة الدفاع``، ``القوات البرية``) or, in a construct chain,
  indefinite (``مكتب رئيس الوزراء``، ``وزارة خارجية روسيا``);
* then optionally the **country**: a demonym after a definite word (``الروسية``) or a
  country's name after an indefinite one (``حكومة أوكرانيا``), both from the gazetteer.

A head needs a complement or a country (``الوزارة`` alone is nothing); generic heads (قوات،
جيش، حكومة، سفارة، برلمان، شرطة، قنصلية) need a country (``القوات الروسية`` is an
institution, ``القوات`` is not). An indefinite head with only a demonym is a description,
not a name (``قوات روسية``, "Russian forces").

Titles are person descriptors, not institutions: ``وزير خارجية بيلاروسيا``، ``الرئيس
الأوكراني`` give nothing (no head noun names a person). A name the gazetteer already knows
as an organisation over the same tokens (``مجلس الأمن``) is left to the gazetteer; a longer
pattern (``مجلس الأمن الروسي``) is returned and should win over the shorter name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rasid.arabic.normalize import normalize, normalize_word
from rasid.arabic.tokens import Token
from rasid.entities.gazetteer import (
    DEMONYM,
    GazEntry,
    Gazetteer,
    GazMatch,
    _char_offset,
    _first_keys,
)

__all__ = ["InstitutionMatch", "find_institutions"]

MAX_COMPLEMENTS = 3


@dataclass(frozen=True, slots=True)
class InstitutionMatch:
    """An institution (label ORG): ``start``/``end`` are character offsets into the text,
    ``canonical`` its spelling-independent name, ``country`` an ISO code or None."""

    start: int
    end: int
    canonical: str
    country: str | None


def _head_table() -> dict[str, tuple[str, bool, bool]]:
    """normalised head → (display, definite, needs a country)."""
    generic = "قوات جيش حكومة سفارة قنصلية برلمان شرطة".split()
    table: dict[str, tuple[str, bool, bool]] = {}
    for word in (
        "وزارة مكتب وكالة هيئة مجلس رئاسة سفارة قنصلية قوات جيش حكومة حرس برلمان شرطة "
        "جهاز محكمة بنك مصرف"
    ).split():
        needs = word in generic
        table[normalize(word)] = (word, False, needs)
        table[normalize("ال" + word)] = ("ال" + word, True, needs)
    return table


def _complement_table() -> dict[str, tuple[str, bool]]:
    """normalised complement → (display, definite); both forms of each."""
    table: dict[str, tuple[str, bool]] = {}
    for word in """
        الدفاع الخارجية الداخلية العدل المالية الصحة التربية التعليم الاقتصاد الطاقة الإعلام
        الثقافة النقل الزراعة الصناعة التجارة العمل الرئيس الرئاسة الوزراء الأمن القومي
        الوطني الشيوخ النواب الشعب الشورى الأركان العامة العام المسلحة البرية الجوية البحرية
        الخاصة الثوري الحدود الاستخبارات المخابرات الفضاء الطوارئ العليا الدستورية المركزي
        الجمهورية الدولة الحرب الأنباء الاتحادي الاتحادية المدني الشؤون الدفاعية الحربية
        """.split():
        table[normalize(word)] = (word, True)
        table[normalize(word[2:])] = (word[2:], False)
    return table


_HEADS = _head_table()
_COMPLEMENTS = _complement_table()


def _head(token: Token, norm: str) -> tuple[tuple[str, bool, bool], int] | None:
    """The head a token is (after its clitics) and the offset where it begins."""
    keys = [(norm, 0)] if token.stem_start == token.start else _first_keys(token, norm)
    for key, k in keys:
        found = _HEADS.get(key)
        if found is not None:
            return found, _char_offset(token, k)
    return None


def _country_at(
    places: dict[int, GazMatch], tokens: Sequence[Token], j: int, definite: bool
) -> tuple[GazEntry | None, int]:
    """The country named at token ``j``, if it fits after a definite/indefinite word:
    a demonym after a definite one (الدفاع الروسية), a country after an indefinite one
    (خارجية روسيا). Returns (entry, index of its last token)."""
    place = places.get(j)
    if place is None or place.start != tokens[j].start:
        return None, -1
    kind = place.entry.kind
    if (kind == DEMONYM and definite) or (kind == "country" and not definite):
        return place.entry, place.last
    return None, -1


def find_institutions(
    tokens: Sequence[Token], text: str, gazetteer: Gazetteer, scanned: list | None = None
) -> list[InstitutionMatch]:
    """Institutions in ``tokens`` (from :func:`rasid.arabic.tokenize` of ``text``), left to
    right, not overlapping; see the module docstring for the pattern. ``scanned``: the
    gazetteer's scan of ``tokens`` when the caller has it (:meth:`Gazetteer.scan`)."""
    n = len(tokens)
    norms = [normalize_word(t.text) for t in tokens]
    places = {m.first: m for m in gazetteer.match(tokens, True, scanned)}
    out: list[InstitutionMatch] = []
    i = 0
    while i < n:
        found = _head(tokens[i], norms[i])
        if found is None:
            i += 1
            continue
        (head, head_definite, needs_country), start = found
        parts: list[tuple[str, bool]] = []
        j = i + 1
        while j < n and len(parts) < MAX_COMPLEMENTS:
            complement = _COMPLEMENTS.get(norms[j])
            if complement is None:
                break
            parts.append(complement)
            j += 1
        while True:
            definite = parts[-1][1] if parts else head_definite
            country, country_last = _country_at(places, tokens, j, definite)
            if country is not None or not parts or parts[-1][1]:
                break
            # an indefinite complement is a construct that needs what follows: back off
            parts.pop()
            j -= 1
        last = country_last if country is not None else j - 1
        if (needs_country and country is None) or (not parts and country is None):
            i += 1
            continue
        end = tokens[last].end
        known = places.get(i)
        if (
            country is None
            and known is not None
            and known.entry.label == "ORG"
            and known.last >= last
        ):
            i = known.last + 1
            continue
        if "\n" in text[start:end]:
            i += 1
            continue
        if not parts and not head_definite:
            head = "ال" + head  # حكومة أوكرانيا and الحكومة الأوكرانية: الحكومة (أوكرانيا)
        words = [head]
        for k, (display, part_definite) in enumerate(parts):
            last_part = k == len(parts) - 1
            if last_part and country is not None and not part_definite:
                display = "ال" + display  # وزارة خارجية روسيا → وزارة الخارجية (روسيا)
            words.append(display)
        canonical = " ".join(words)
        if country is not None:
            canonical = f"{canonical} ({country.canonical})"
        out.append(InstitutionMatch(start, end, canonical, country.country if country else None))
        i = last + 1
    return out
