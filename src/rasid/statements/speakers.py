"""Who a speaker phrase names: its kind, the most specific mention, the descriptor, and
back-references (``المسؤول``, ``الوزير``) resolved to an earlier speaker or person."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rasid.arabic import Token, normalize, tokenize
from rasid.schema import Entity, Speaker
from rasid.statements import lexicon

SPOKESPERSON = frozenset({"متحدث", "متحدثه", "ناطق", "ناطقه", "المتحدث", "المتحدثه", "الناطق"})


def bare(word: str) -> str:
    """A normalised word without a leading conjunction (و، ف): for matching verbs, whose
    forms are listed without it."""
    return word[1:] if len(word) > 3 and word[0] in "وف" else word


def key(token: Token) -> str:
    """The normalised stem: the word without conjunction, preposition and article (the
    tokenizer's conservative clitic analysis, so وزارة stays وزارة)."""
    return normalize(token.stem)


def keys(words: Iterable[str]) -> frozenset[str]:
    """The stems of lexicon words, computed the same way as :func:`key`."""
    return frozenset(key(t) for w in words for t in tokenize(w))


def text_keys(text: str) -> list[str]:
    return [key(t) for t in tokenize(text) if t.kind == "word"]


DOCUMENT = keys(lexicon.DOCUMENT_HEADS)
MEDIA = keys(lexicon.MEDIA_HEADS)
ANONYMOUS = keys(lexicon.ANONYMOUS_HEADS)
PERSON = keys(lexicon.PERSON_HEADS)
GOVERNMENT = keys(lexicon.GOVERNMENT_HEADS)
ORGANISATION = keys(lexicon.ORGANISATION_HEADS)
SPOKESPERSON_KEYS = keys(SPOKESPERSON)


@dataclass(frozen=True, slots=True)
class Phrase:
    """A speaker or relay phrase: ``text[start:end]`` and the entities inside it."""

    start: int
    end: int
    tokens: tuple[Token, ...]
    entities: tuple[Entity, ...]


def entities_in(entities: Sequence[Entity], start: int, end: int) -> tuple[Entity, ...]:
    return tuple(e for e in entities if start <= e.start and e.end <= end)


def classify(phrase: Phrase) -> str:
    """The kind of source a phrase names (the speaker kinds of the schema)."""
    first = key(phrase.tokens[0])
    words = [key(t) for t in phrase.tokens]
    people = [e for e in phrase.entities if e.label == "PER"]
    if people:
        return "person"
    if first in DOCUMENT:
        return "document"
    if first in MEDIA or any((e.id or "").startswith("rasid:agency") for e in phrase.entities):
        return "media"
    if first in ANONYMOUS and not phrase.entities:
        return "anonymous"
    if first in ANONYMOUS:
        # مسؤول في وزارة الصحة: an unnamed official of a named body
        return "anonymous"
    if first in PERSON:
        return "person"
    if first in GOVERNMENT:
        return "government"
    if first in ORGANISATION:
        return "organisation"
    orgs = [e for e in phrase.entities if e.label == "ORG"]
    places = [e for e in phrase.entities if e.label == "LOC"]
    if orgs:
        org_head = set(text_keys(orgs[0].text)[:1])
        if org_head & GOVERNMENT:
            return "government"
        if org_head & MEDIA:
            return "media"
        return "organisation"
    if places and len(words) <= 2:
        return "government"  # أوكرانيا نفت: a state speaking
    # an unnamed definite noun that is no role of a person is a body (الرابطة، الخلية)
    return "organisation" if phrase.tokens[0].definite else "person"


def most_specific(
    phrase: Phrase, text: str, all_entities: Sequence[Entity]
) -> tuple[int, int, str | None, str | None]:
    """(start, end, entity canonical, descriptor) of the best mention for a phrase: the
    person named in it (with the words before it as descriptor), or the whole phrase."""
    people = [e for e in phrase.entities if e.label == "PER"]
    if (
        people
        and key(phrase.tokens[0]) in SPOKESPERSON_KEYS
        and _speaks_for(text, phrase, people[0])
    ):
        # متحدثة باسم رومان أبراموفيتش: an unnamed spokesperson for a named person
        return phrase.start, phrase.end, people[0].canonical, None
    if people:
        person = people[-1]
        descriptor = text[phrase.start : person.start].strip(" ،,:-") or None
        start, end = person.start, person.end
        # a shorter form (مهدي النهاري, النهاري): point at the fullest mention of the
        # same person in the article (مهدي حاتم النهاري), the earliest of equals
        fuller = _fullest(person, all_entities)
        if fuller is not None:
            start, end = fuller.start, fuller.end
        return start, end, person.canonical, descriptor
    commas = [t for t in phrase.tokens if t.text in "،,"]
    if commas and key(phrase.tokens[0]) in PERSON:
        # role، name: the name after the comma is the speaker, the role its descriptor
        last = commas[-1]
        descriptor = text[phrase.start : last.start].strip() or None
        start = last.end
        while start < phrase.end and text[start].isspace():
            start += 1
        return start, phrase.end, None, descriptor
    entity = None
    if key(phrase.tokens[0]) in SPOKESPERSON_KEYS:
        orgs = [e for e in phrase.entities if e.label in ("ORG", "LOC")]
        entity = orgs[0].canonical if orgs else None
    elif phrase.entities:
        covering = [e for e in phrase.entities if e.start <= phrase.start + 2]
        if covering:
            entity = covering[0].canonical
        elif len(phrase.entities) == 1 and phrase.entities[0].label in ("ORG", "LOC"):
            # وزارة الدفاع الروسية: the institution is the phrase
            entity = None
    return phrase.start, phrase.end, entity, None


def _fullest(person: Entity, all_entities: Sequence[Entity]) -> Entity | None:
    words = text_keys(person.text)
    if not words:
        return None
    best: Entity | None = None
    for e in all_entities:
        if e.label != "PER" or e is person:
            continue
        other = text_keys(e.text)
        if len(other) <= len(words) or other[-1] != words[-1] or not set(words) <= set(other):
            continue
        if best is None or len(other) > len(text_keys(best.text)):
            best = e
    return best


def person_speaker(person: Entity, all_entities: Sequence[Entity]) -> Speaker:
    """A person as speaker, at the fullest mention of their name in the article."""
    fuller = _fullest(person, all_entities) or person
    return Speaker(
        text=fuller.text, start=fuller.start, end=fuller.end, kind="person", entity=person.canonical
    )


def _speaks_for(text: str, phrase: Phrase, person: Entity) -> bool:
    """Whether ``باسم`` (on behalf of) comes between the spokesperson and the name."""
    return "باسم" in normalize(text[phrase.start : person.start]).split()


def is_back_reference(phrase: Phrase) -> bool:
    """A role with no name, standing for someone introduced earlier: ``المسؤول``,
    ``الوزير``, ``رئيس الجالية اليمنية`` (a definite role or a role in construct)."""
    if any(e.label == "PER" for e in phrase.entities) or len(phrase.tokens) > 6:
        return False
    first = phrase.tokens[0]
    if key(first) not in PERSON | ANONYMOUS:
        return False
    if first.definite:
        return True
    return len(phrase.tokens) > 1 and phrase.tokens[1].definite


def make_speaker(
    phrase: Phrase, text: str, all_entities: Sequence[Entity], kind: str | None = None
) -> Speaker:
    kind = kind or classify(phrase)
    start, end, entity, descriptor = most_specific(phrase, text, all_entities)
    if kind == "anonymous":
        start, end, entity, descriptor = phrase.start, phrase.end, None, None
    return Speaker(
        text=text[start:end],
        start=start,
        end=end,
        kind=kind,  # type: ignore[arg-type]
        anonymous=kind == "anonymous",
        entity=entity,
        descriptor=descriptor,
    )


def _roles_around(text: str, person: Entity, limit: int) -> set[str]:
    """The words that describe a named person where the name stands: up to five before it
    and six after it in the same clause (``رئيس نادي الهلال الأمير عبدالرحمن بن مساعد``,
    ``مهدي حاتم النهاري رئيس الجالية اليمنية``), and any role word the tagger took into
    the name (``الكيني أوهورو كينياتا``). ``limit`` is where the text after the name
    stops being read."""
    before = re.split("[،,.:؛]", text[max(0, person.start - 80) : person.start])[-1]
    after = re.split("[،,.:؛]", text[person.end : min(person.end + 80, limit)])[0]
    return set(text_keys(before)[-5:]) | set(text_keys(after)[:6]) | set(text_keys(person.text))


def _named(e: Entity) -> bool:
    """A person mention that can carry a role: a name of two words or more, or one word
    without the article (a lone definite word tagged PER, ``التوفيق``, is too often a noun)."""
    words = e.text.split()
    return e.label == "PER" and (len(words) > 1 or not normalize(words[0]).startswith("ال"))


def resolve_back_reference(
    phrase: Phrase, earlier: Sequence[Speaker], text: str, all_entities: Sequence[Entity]
) -> Speaker | None:
    """The earlier speaker or titled person a role phrase points back to, nearest first:
    a speaker whose description holds the role words (or the words that qualify the
    role: ``القيادي الحوثي``); a person named next to them in the narration (``مهدي حاتم
    النهاري رئيس الجالية اليمنية``, ``نظيره الكيني أوهورو كينياتا`` for ``الرئيس
    الكيني``); for a bare role of a person (``وأضاف المحافظ``), the speaker just before.
    (Looking forward as well, for a role named only later, lost more on the held-out
    set than it gained on the development set.)"""
    role = [key(t) for t in phrase.tokens if t.kind == "word"]
    wanted = set(role) if len(role) > 1 else {role[0]}
    qualifiers = set(role[1:])
    people = [e for e in all_entities if _named(e)]
    before = [e for e in reversed(people) if e.end <= phrase.start]
    for speaker in reversed(earlier):
        described = set(text_keys(" ".join(filter(None, (speaker.descriptor, speaker.text)))))
        if wanted <= described or (qualifiers and qualifiers <= described):
            return speaker
    for e in before:
        around = _roles_around(text, e, phrase.start)
        if wanted <= around or (qualifiers and qualifiers <= around):
            return person_speaker(e, all_entities)
    if len(role) > 1 and role[0] in PERSON:
        # منسق اللجنة التنفيذية for عبدالرحمن السلمي … والمنسق العام: the role's head
        # alone, when one person of the article is described by it
        holders = {e.canonical for e in before if role[0] in _roles_around(text, e, phrase.start)}
        if len(holders) == 1:
            e = next(e for e in before if e.canonical in holders)
            return person_speaker(e, all_entities)
    if len(role) == 1 and role[0] in PERSON and earlier and earlier[-1].kind == "person":
        return earlier[-1]
    return None
