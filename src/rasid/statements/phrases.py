"""Speaker and relay phrases: where the noun phrase after (or before) a cue starts and
ends — names after titles, appositions, parenthesised outlets, subjects before the verb."""

from __future__ import annotations

from collections.abc import Sequence

from rasid.schema import Entity, Via
from rasid.statements import lexicon
from rasid.statements.cues import (
    ANAPHORA_KEYS,
    MAX_PHRASE,
    TITLE_KEYS,
    ParagraphView,
    abbreviation_dot,
    is_complementizer,
    is_denial,
    is_participle,
    is_speech_verb,
    quote_words,
)
from rasid.statements.speakers import (
    Phrase,
    bare,
    classify,
    entities_in,
    key,
)


def phrase_range(
    p: ParagraphView, k: int, limit: int, entities: Sequence[Entity], stop: str = ""
) -> tuple[int, int]:
    """Token range [k, j) of a noun phrase starting at k: stops at adjuncts, cues,
    complementisers, punctuation, relative pronouns; a short quoted name after a media
    head (``صحيفة «عكاظ»``) belongs to it."""
    j = k
    while j < limit and j - k < MAX_PHRASE:
        t = p.tokens[j]
        w = p.norms[j]
        if abbreviation_dot(p, j):
            j += 1  # د. علي: the dot of an abbreviated title
            continue
        if (
            t.kind == "punct"
            and t.text in "،,"
            and j > k
            and (past := apposed_name(p, j, limit, entities))
        ):
            j = past  # مساعد وزير الدفاع، اللواء عبد القادر العمودي
            continue
        if t.text == "(" and (close := short_parenthesis(p, j, limit)):
            j = close  # مصادر (الرياضي)
            continue
        if t.kind == "punct":
            q = p.quote_at(t.start)
            if q is not None and j > k and quote_words(p, q) <= 5:
                close = p.token_at(q.close)
                if close < limit:
                    j = close + 1
                    continue
            break
        if t.kind not in ("word", "latin", "number"):
            break
        if j > k and (is_speech_verb(w) or is_denial(w) or is_participle(w)):
            break
        if is_complementizer(p, j) or w in lexicon.SAYING_NOUNS:
            break
        if w in lexicon.RELATIVE_PRONOUNS or (j > k and w in lexicon.ANAPHORA) or w == stop:
            break
        if w in lexicon.PREPOSITIONS_BEFORE_THAT and j + 1 < limit and is_complementizer(p, j + 1):
            break  # حذّر أوباما من أن
        if j > k and w == "في" and (past := name_ahead(p, j, limit, entities)):
            j = past  # القيادي في حركة نداء تونس بوجمعة الرميلي
            continue
        if bare(w) in lexicon.SPEAKER_STOPS or w in lexicon.SPEAKER_STOPS:
            # علي is also the name Ali: a stop only when a preposition is likely
            if w == "علي" and name_ali(p, j, k, limit, entities):
                j += 1
                continue
            if j > k or w != "علي":
                break
            break
        if w in ("ل", "لـ") or w.startswith("لوكال") or w.startswith("لصحيف"):
            break
        if j > k and object_after_definite(p, j, entities):
            break  # أكدت الهيئة أهمية …: the phrase was الهيئة
        if j > k and object_after_name(p, j, entities):
            break  # حذّر أوباما المشرعين من أن: the name was the subject
        j += 1
    # an entity that runs past the end pulls the phrase along (وزارة الدفاع الروسية)
    if j > k:
        end_char = p.tokens[j - 1].end
        for e in entities:
            if e.start < end_char < e.end:
                while j < limit and p.tokens[j].end <= e.end:
                    j += 1
    return k, j


def object_after_definite(p: ParagraphView, j: int, entities: Sequence[Entity]) -> bool:
    """A bare indefinite noun right after a definite word cannot describe it (no
    adjective agreement): it starts the verb's object, unless it is a name."""
    t, prev = p.tokens[j], p.tokens[j - 1]
    if t.definite or t.prefix or not prev.definite or t.kind != "word":
        return False
    if key(prev) in TITLE_KEYS or any(e.start <= t.start < e.end for e in entities):
        return False
    return p.norms[j].endswith("ه") or p.norms[j].startswith(("ت", "ا", "م"))


def object_after_name(p: ParagraphView, j: int, entities: Sequence[Entity]) -> bool:
    """A definite word right after a person's name is the verb's object, unless it is a
    relative adjective describing the person (أوباما الأمريكي، بوتين الروسي)."""
    t, prev = p.tokens[j], p.tokens[j - 1]
    if not t.definite or not any(
        e.label == "PER" and e.start < prev.end == e.end for e in entities
    ):
        return False
    return not p.norms[j].endswith(("ي", "يه", "يون", "يين", "يان"))


def short_parenthesis(p: ParagraphView, j: int, limit: int) -> int:
    """The token index past ``( … )`` when it holds one to three words; 0 otherwise."""
    for k in range(j + 1, min(limit, j + 5)):
        if p.tokens[k].text == ")":
            return k + 1 if k > j + 1 else 0
        if p.tokens[k].kind != "word":
            return 0
    return 0


def apposed_name(p: ParagraphView, j: int, limit: int, entities: Sequence[Entity]) -> int:
    """A comma after a role, then the person's name (a title may come first): the token
    index past the name, or 0."""
    if key(p.tokens[p_first(p, j)]) not in TITLE_KEYS:
        return 0
    for k in (j + 1, j + 2):
        if k >= limit:
            return 0
        t = p.tokens[k]
        if past := past_person(p, k, limit, entities):
            return past
        if t.kind != "word" or key(t) not in TITLE_KEYS:
            break
    # a name the tagger missed, set off by commas: عضو المجلس السياسي، علي العماد، بهزائم
    m = j + 1
    while m < limit and m - j <= 4 and p.tokens[m].kind == "word":
        w = p.norms[m]
        if (
            is_speech_verb(w)
            or is_complementizer(p, m)
            or (w in lexicon.SPEAKER_STOPS and w != "علي")
        ):
            return 0
        m += 1
    if (
        2 <= m - j - 1 <= 3
        and m < limit
        and p.tokens[m].text in "،,"
        and not p.tokens[j + 1].definite
    ):
        return m
    return 0


def name_ahead(p: ParagraphView, j: int, limit: int, entities: Sequence[Entity]) -> int:
    """After a role (``القيادي في …``): the token index past a person named within the
    next six words, with no punctuation or cue between; 0 if there is none."""
    if key(p.tokens[j - 1]) not in TITLE_KEYS and key(p.tokens[p_first(p, j)]) not in TITLE_KEYS:
        return 0
    for k in range(j + 1, min(limit, j + 7)):
        t = p.tokens[k]
        if t.kind == "punct" or is_complementizer(p, k) or is_speech_verb(p.norms[k]):
            return 0
        if past := past_person(p, k, limit, entities):
            return past
    return 0


def past_person(p: ParagraphView, k: int, limit: int, entities: Sequence[Entity]) -> int:
    """The token index past a person's name that starts at token k; 0 if none does."""
    person = next((e for e in entities if e.label == "PER" and e.start == p.tokens[k].start), None)
    if person is None:
        return 0
    end = k
    while end < limit and p.tokens[end].end <= person.end:
        end += 1
    return end


def p_first(p: ParagraphView, j: int) -> int:
    """The first token of the phrase that token j continues (back to a stop)."""
    while j > 0 and p.tokens[j - 1].kind == "word" and not is_speech_verb(p.norms[j - 1]):
        j -= 1
    return j


def name_ali(p: ParagraphView, j: int, k: int, limit: int, entities: Sequence[Entity]) -> bool:
    """Whether علي at token j is the name Ali rather than the preposition على."""
    t = p.tokens[j]
    if any(e.label == "PER" and e.start <= t.start < e.end for e in entities):
        return True
    nxt = p.norms[j + 1] if j + 1 < limit else ""
    if nxt in ("بن", "ابن") or nxt.startswith("عبد"):
        return True
    if j > k and (abbreviation_dot(p, j - 1) or key(p.tokens[j - 1]) in TITLE_KEYS):
        return True
    if j == k and nxt and not is_complementizer(p, j + 1):
        return not nxt.startswith("ال") and nxt not in ("ضروره", "اهميه")
    return False


def make_phrase(p: ParagraphView, first: int, last: int, entities: Sequence[Entity]) -> Phrase:
    tokens = tuple(p.tokens[first:last])
    start = tokens[0].start + (1 if tokens[0].prefix[:1] in ("و", "ف") else 0)
    return Phrase(start, tokens[-1].end, tokens, entities_in(entities, start, tokens[-1].end))


def via_from(phrase: Phrase, text: str) -> Via:
    kind = classify(phrase)
    return Via(text=text[phrase.start : phrase.end], kind=kind, start=phrase.start, end=phrase.end)  # type: ignore[arg-type]


def topic_of(p: ParagraphView, i: int, entities: Sequence[Entity]) -> tuple[int, int] | None:
    """``أما X فـ…``: X, the topic the ف-verb says something about."""
    first = p.sentence_start_token(i)
    for k in range(i - 1, max(first - 1, i - 10), -1):
        if p.bares[k] == "اما":
            a, b = phrase_range(p, k + 1, i, entities)
            return (a, b) if b > a else None
    return None


PREPOSITIONS = frozenset({"مع", "الي", "حتي", "ضد", "نحو", "لدي", "بين", "دون", "تجاه"})


def subject_before(p: ParagraphView, i: int, entities: Sequence[Entity]) -> tuple[int, int] | None:
    """The subject of a verb that follows it (``إلا أن مسؤولاً آخر أشار إلى أن``,
    ``أكد الشابي أن الشاهد أوضح أن``): the words back to a complementiser, a comma or
    the sentence start, when they are few and start with a noun."""
    first = p.sentence_start_token(i)
    end = i
    if (
        i - first >= 4
        and p.tokens[i - 1].text in "،,"
        and p.norms[i - 3] == "من"
        and p.norms[i - 2].startswith("جانب")
    ):
        end = i - 4  # الشرطة الشيشانية، من جانبها، ذكرت
        if p.tokens[end].text not in "،,":
            return None
    if end - first >= 3 and p.norms[end - 2] == "من" and p.norms[end - 1].startswith("جانب"):
        end -= 2  # صحيفة X من جانبها قالت
    while end > first and p.norms[end - 1] in ("قد", "وقد"):
        end -= 1  # وكانت المقاومة قد قالت
    i = end
    j = i
    while j > first:
        k = j - 1
        t = p.tokens[k]
        if t.kind == "punct" and (q := p.quote_closing_at(t.start)) and quote_words(p, q) <= 5:
            j = p.token_at(q.open)  # صحيفة "نيويورك تايمز" الأميركية قالت
            continue
        if t.kind == "punct" or is_complementizer(p, k) or p.norms[k] in lexicon.COMPLEMENTIZERS:
            break
        if is_speech_verb(p.norms[k]) or is_denial(p.norms[k]):
            return None
        j = k
    if j >= i or i - j > 14:
        return None
    w = p.norms[j]
    if p.tokens[j].kind != "word" or lexicon.SPEAKER_STOPS & {
        w,
        p.bares[j],
        w[1:] if w[:1] in "وف" else w,
    }:
        return None
    clitics = p.tokens[j].prefix.removesuffix("ال")
    if clitics[-1:] in ("ب", "ل") or p.tokens[j].prefix.endswith("لل"):
        return None  # وعن راموس قال، لوسائل إعلام: a prepositional phrase, not a subject
    if p.bares[j] in ("كان", "كانت", "كانوا") and j + 1 < i:
        j += 1
    if i - j == 1 and p.bares[j] in lexicon.AUXILIARIES:
        return None  # ومضى يقول: "went on to say", the subject is the one before
    if p.bares[j].startswith(("لكن", "لان", "ان")) or p.bares[j] in ("ما", "من", "لما"):
        return None  # لكنها تعترف، ما انطوى عليه: no noun subject
    if p.norms[j] in ("من", "ومن") or p.bares[j] in lexicon.SPEAKER_STOPS | PREPOSITIONS:
        return None  # من جانبه قال، مع حق الهيئة في رفض … ترى: no subject
    a, b = phrase_range(p, j, i, entities)  # اللاعب X خلال استجوابه … أكد: the subject is اللاعب X
    return (a, b) if b > a else None


def is_object(p: ParagraphView, k: int, entities: Sequence[Entity] = ()) -> bool:
    """``نفى ذلك``/``نفت صحة الأنباء``/``أنكر نيته``: the words after a denial are its
    object, no subject (a noun with a possessive pronoun cannot be the subject here)."""
    if key(p.tokens[k]) in ANAPHORA_KEYS or p.norms[k] in lexicon.ANAPHORA:
        return True
    t = p.tokens[k]
    possessive = p.norms[k].endswith(("ه", "ها", "هم")) and not t.definite and len(p.norms[k]) >= 4
    return possessive and not any(e.start <= t.start < e.end for e in entities)
