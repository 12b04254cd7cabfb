"""Credits: the short "who and where" that opens or closes a news story.

``الرياض - واس``, ``جدة – نايف عبدالله``, ``نايف عبدالله – عين اليوم``,
``بدر الجبل- سبق- تبوك``, ``دمشق، سوريا (CNN)``, ``حامد القرشي – مكة المكرمة (تصوير: …)``.
A credit is split at dashes (and parentheses) into parts; each part is an agency, the
outlet naming itself, a place, a photographer, or a person's name. A string is accepted as
a credit only when every part is one of those and at least one part is *known* (an agency,
an outlet or a place): that keeps "الحدود التركية - السورية" and "رئيس الوزراء - بنيامين
نتنياهو" in the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rasid.reader.patterns import (
    CREDIT_NOISE,
    NOT_IN_NAMES,
    OUTLET_CREDITS,
    agency_name,
    dateline_places,
)

_SPLIT = re.compile(r"\s*(?:[-–—]+|\||\(|\)|«|»)\s*")
_PHOTO = re.compile(r"^(?:تصوير|عدسه|رصد\s+وتصوير)\s*[:/]?\s*(?P<name>.+)$")
_PLACE_WITH_COUNTRY = re.compile(r"^(?P<city>[^،,]+)\s*[،,]\s*(?P<country>[^،,]+)$")
_FROM_PLACE = re.compile(r"^(?P<who>.+?)\s+من\s+(?P<place>.+)$")
_ONE_WORD = re.compile(r"^[\u0621-\u064a]{3,}$")
_ARABIC_NAME = re.compile(r"^[\u0621-\u064a]+(?:\s[\u0621-\u064a]+){0,4}$")


Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Credit:
    """What a credit says, as spans into the normalised string that was parsed (so the
    caller can show the original spelling); agencies are given by their recorded name."""

    places: tuple[Span, ...] = ()
    agencies: tuple[str, ...] = ()
    names: tuple[Span, ...] = ()
    outlets: tuple[Span, ...] = ()
    guessed_places: tuple[Span, ...] = ()  # one unknown word beside known parts ("سيهات")

    @property
    def known(self) -> bool:
        return bool(self.places or self.agencies or self.outlets)


def _parts(norm: str) -> list[Span]:
    """Spans of the pieces between dashes, bars and brackets, trimmed."""
    spans: list[Span] = []
    pos = 0
    for sep in [*_SPLIT.finditer(norm), None]:
        end = sep.start() if sep else len(norm)
        start = pos
        while start < end and norm[start] in _TRIM:
            start += 1
        while end > start and norm[end - 1] in _TRIM:
            end -= 1
        if end > start:
            spans.append((start, end))
        if sep:
            pos = sep.end()
    return spans


_TRIM = frozenset(' :،,."“”')


def _is_place(part: str) -> bool:
    part = " ".join(part.split())
    places = dateline_places()
    if part in places:
        return True
    match = _PLACE_WITH_COUNTRY.match(part)
    return bool(match and match.group("city").strip() in places)


_NOT_NAME_START = re.compile(r"^(?:لل|بال|وال|فال|كال)")


def is_person_name(part: str, *, strict: bool = True) -> bool:
    """Two to five Arabic words that can be a person's name: no function words and no word
    with a preposition glued on (للمطابقه, بالقذائف). ``strict`` (a line standing alone,
    with no credit around it) also refuses a first word with the article, which names
    rarely have (السيد الحراني does) and captions usually do (الدخان يتصاعد…)."""
    words = " ".join(part.split()).split()
    return (
        2 <= len(words) <= 5
        and bool(_ARABIC_NAME.match(" ".join(words)))
        and not (strict and words[0].startswith("ال"))
        and not any(w in NOT_IN_NAMES or _NOT_NAME_START.match(w) for w in words)
    )


def parse_credit(norm: str) -> Credit | None:
    """Parse normalised ``norm`` (without its final colon) as a credit, or ``None``."""
    places: list[Span] = []
    agencies: list[str] = []
    names: list[Span] = []
    outlets: list[Span] = []
    guessed: list[Span] = []
    spans = _parts(norm)
    if not spans or len(spans) > 5:
        return None
    for start, end in spans:
        part = norm[start:end]
        agency = agency_name(part)
        if agency:
            agencies.append(agency)
        elif part in OUTLET_CREDITS:
            outlets.append((start, end))
        elif _is_place(part):
            places.append((start, end))
        elif _PHOTO.match(part) or part in CREDIT_NOISE:
            continue
        elif (found := _FROM_PLACE.match(part)) and _is_place(found.group("place")):
            places.append((start + found.start("place"), start + found.end("place")))
            who = (start + found.start("who"), start + found.end("who"))
            if found.group("who") in OUTLET_CREDITS:
                outlets.append(who)
            elif is_person_name(found.group("who"), strict=False):
                names.append(who)
            else:
                return None
        elif is_person_name(part, strict=False):
            names.append((start, end))
        elif _ONE_WORD.match(part) and len(spans) > 1:
            guessed.append((start, end))
        else:
            return None
    if guessed and not (places or agencies or outlets or names):
        return None
    return Credit(tuple(places), tuple(agencies), tuple(names), tuple(outlets), tuple(guessed))
