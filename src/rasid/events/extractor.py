"""Events: what happened, where and when, and who claims it.

Rules over the tokens of each body sentence (titles and headings are left out; they repeat
the body):

1. A **trigger** names a happening of one of nine types (``lexicon.TRIGGERS``; two-word
   triggers such as ``ألقى القبض``; verbs that need their object, such as ``أطلق
   صواريخ``, ``وقّع اتفاقاً``). Ambiguous words are dropped where the sentence says they
   mean something else: match words in a sentence about sport, ``إصابة``/``وفاة`` with no
   violence or accident around them, a noun after ``محاولة`` (an attempt is not a
   happening).
2. **Places**: the place entities after the trigger in its clause (before it when there
   are none after); the most specific one (a facility or city over a region or country).
   Places joined by و after one trigger (``بلدتي بيرديانسك وإنرهودار``) make one event
   each; a place that contains the one before it (``… بجنوب شرق أوكرانيا``) is dropped.
   A direction before a place is kept in the span (``جنوب شرق أوكرانيا``).
3. **Time**: the nearest resolved time expression in the sentence (``rasid.arabic.dates``,
   anchored on the publication date). No expression, no time: the publication date is not
   assumed.
4. **Quantity**: the count next to the trigger (``rasid.arabic.numbers``) for casualties,
   arrests, attacks (missiles, raids) and seizures (``مدينتين`` = 2 towns).
5. **Actor** and **target**: the first person, organisation or country mention after the
   trigger (the subject of an Arabic verb follows it), else before it in the clause; the
   target is the next one after ``على``/``مع``/``ضد``. Inside a statement with no actor in
   the sentence, a DEMAND's actor is the speaker.
6. **Claims**: an event whose trigger lies inside a statement's content is ``claimed_by``
   that statement (the innermost one); inside a denial's content it is ``negated``. A
   negation particle right before the trigger (``لم``، ``عدم``) negates it too.
7. Two triggers of one type in one sentence at the same place are one happening.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace

from rasid.arabic import Token, find_numbers, normalize, split_sentences, tokenize
from rasid.arabic.dates import TimeExpression, find_times
from rasid.arabic.numbers import NumberMention
from rasid.events import lexicon
from rasid.memo import keep
from rasid.schema import (
    Analysis,
    Article,
    Entity,
    Event,
    Participant,
    Place,
    Quantity,
    Span,
    Statement,
    When,
)

VERSION = "rules@1"

_PLACE_RANK = {"place": 0, "city": 1, "capital": 1, "region": 3, "country": 4}
_WINDOW = 12  # tokens after a trigger that may hold its place or participants
_CLAUSE_BREAKS = {".", "؛", ";", "!", "؟", "?", ":"}


@dataclass(slots=True)
class _Trigger:
    type: str
    first: int  # token index
    last: int  # token index, inclusive
    goal: bool = False  # a demand named by its goal (بهدف وقف …)


KEYS_MEMO = 50_000  # spellings whose lookup forms an extractor remembers (the first met)


class EventExtractor:
    """Pipeline component: fills ``analysis.events`` (needs entities and statements)."""

    name = "events"
    version = VERSION
    requires: tuple[str, ...] = ("article.text", "article.published", "entities", "statements")
    assigns: tuple[str, ...] = ("events",)

    def __init__(self, gazetteer=None) -> None:
        """``gazetteer`` tells a linked place's kind (city, country …); the shipped one by
        default."""
        if gazetteer is None:
            from rasid.entities.gazetteer import default_gazetteer

            gazetteer = default_gazetteer()
        self._gazetteer = gazetteer
        self._keys: dict[tuple[str, int, bool], tuple[str, ...]] = {}

    def _keys_of(self, tok: Token) -> tuple[str, ...]:
        """``token_keys``, remembered by spelling (words repeat across articles)."""
        k = (tok.text, tok.stem_start - tok.start, tok.definite)
        found = self._keys.get(k)
        if found is None:
            found = keep(self._keys, k, token_keys(tok), KEYS_MEMO)
        return found

    def __call__(self, analysis: Analysis) -> None:
        entities = [e for e in analysis.entities if isinstance(e, Entity)]
        statements = [s for s in analysis.statements if isinstance(s, Statement)]
        analysis.events = list(
            extract(
                analysis.article,
                entities,
                statements,
                analysis.cache.get("tokens"),
                self._place_kind,
                self._keys_of,
            )
        )

    def _place_kind(self, entity: Entity) -> str | None:
        if entity.id is None:
            return None
        entry = self._gazetteer.get(entity.id)
        return entry.kind if entry is not None else None


def extract(
    article: Article,
    entities: Sequence[Entity],
    statements: Sequence[Statement],
    tokens: Sequence[Token] | None = None,
    place_kind=None,
    keys_of=None,
) -> list[Event]:
    """The events of ``article``; ``place_kind(entity)`` tells a linked place's kind
    (``city``, ``country`` …) when a gazetteer is at hand; ``keys_of(token)`` gives a
    token's lookup forms (a cached :func:`token_keys`)."""
    text = article.text
    if tokens is None:
        tokens = tokenize(text)
    keys_of = keys_of or token_keys
    starts = [t.start for t in tokens]
    ent_starts = [e.start for e in entities]
    events: list[Event] = []
    for para in article.paragraphs:
        if para.kind != "body":
            continue
        sentences = []
        for sentence in split_sentences(text[para.start : para.end]):
            s_start, s_end = para.start + sentence.start, para.start + sentence.end
            toks = list(tokens[bisect_left(starts, s_start) : bisect_left(starts, s_end)])
            if toks:
                sentences.append((s_start, s_end, toks, [keys_of(t) for t in toks]))
        if not any(not lexicon.STARTERS.isdisjoint(k) for *_, keys in sentences for k in keys):
            continue  # nothing here names an event: no need to read its times
        times = [
            replace(t, start=t.start + para.start, end=t.end + para.start)
            for t in find_times(text[para.start : para.end], article.published)
            if t.type in ("DATE", "TIME") and t.resolved
        ]
        last_time: TimeExpression | None = None
        for s_start, s_end, toks, keys in sentences:
            ents = entities[bisect_left(ent_starts, s_start) : bisect_left(ent_starts, s_end)]
            sent_times = [t for t in times if s_start <= t.start < s_end]
            inherited = not sent_times and last_time is not None
            if sent_times:
                last_time = sent_times[-1]
            elif last_time is not None:
                sent_times = [last_time]  # a sentence with no time goes on with its paragraph's
            events.extend(
                _sentence_events(
                    text,
                    toks,
                    keys,
                    list(ents),
                    sent_times,
                    statements,
                    place_kind,
                    events,
                    inherited,
                )
            )
    return events


# --- triggers ------------------------------------------------------------------------------


_SUFFIXES = ("هما", "هم", "هن", "ها", "كم", "نا", "ه")


def token_keys(tok: Token) -> tuple[str, ...]:
    """A token's lookup forms, plus the forms without a pronoun suffix (``إيقافهم`` →
    ``ايقاف``, ``مهاجمتها`` → ``مهاجمه``) and without the future ``س`` (``سيبحث``)."""
    if tok.kind != "word":
        return (normalize(tok.text),)
    keys = list(tok.match_keys())
    marbuta = tok.text.endswith("ة")  # سيطرة is a noun, not سيطر + a pronoun
    for k in tuple(keys):
        for suffix in _SUFFIXES:
            if marbuta and suffix == "ه":
                break
            if k.endswith(suffix) and len(k) - len(suffix) >= 3:
                bare = k[: -len(suffix)]
                # مهاجمتها → مهاجمة (a noun before a pronoun), never the verb سيطرت
                keys.append(bare[:-1] + "ه" if bare.endswith("ت") else bare)
                break
        if k[:2] in ("سي", "ست", "سن") and len(k) >= 5:
            keys.append(k[1:])
    return tuple(dict.fromkeys(keys))


def _find_triggers(
    toks: list[Token],
    keys: list[tuple[str, ...]],
    dated: bool = False,
    named: frozenset[int] = frozenset(),
) -> list[_Trigger]:
    """Triggers of one sentence; ``dated`` when the sentence has a time of its own,
    ``named`` the indices of the words where a named entity starts."""
    found: list[_Trigger] = []
    words: set[str] = set().union(*keys)
    if lexicon.STARTERS.isdisjoint(words):
        return found
    sport = not lexicon.SPORT_WORDS.isdisjoint(words)
    harm = not lexicon.HARM_CONTEXT.isdisjoint(words)
    n = len(toks)
    i = 0
    while i < n:
        ks = keys[i]
        if toks[i].kind != "word" or lexicon.STARTERS.isdisjoint(ks):
            i += 1
            continue
        hit: _Trigger | None = None
        for first, second, kind in lexicon.PHRASES:
            if any(k in first for k in ks) and i + 1 < n and any(k in second for k in keys[i + 1]):
                hit = _Trigger(kind, i, i + 1)
                break
        if hit is None:
            for verb, objects, kind in lexicon.WITH_OBJECT:
                reach = 7 if kind == "DEMAND" else 4  # طالب مجلس محافظة الأنبار الحكومة بوقف
                if any(k in verb for k in ks) and _object_follows(toks, keys, i, objects, reach):
                    hit = _Trigger(kind, i, i)
                    break
        if hit is None:
            for kind, forms in lexicon.TRIGGERS.items():
                if any(k in forms for k in ks):
                    hit = _Trigger(kind, i, i)
                    break
        if hit is not None and _keep(hit, toks, keys, sport, harm, dated, named):
            found.append(hit)
            i = hit.last + 1
            continue
        i += 1
    return found


def _object_follows(
    toks: list[Token], keys: list[tuple[str, ...]], i: int, objects, reach: int = 4
) -> bool:
    """One of ``objects`` (or a word with the clitic ب when ``ب`` is one) within ``reach``
    words after word ``i``, in the same clause."""
    for j in range(i + 1, min(i + 1 + reach, len(toks))):
        if toks[j].text in _CLAUSE_BREAKS:
            return False
        if any(k in objects for k in keys[j]):
            return True
        # a clitic preposition on the next word: طالب بـ…، طالبت بإلغاء
        if "ب" in objects and toks[j].kind == "word" and normalize(toks[j].prefix).endswith("ب"):
            return True
    return False


def _keep(
    trig: _Trigger,
    toks: list[Token],
    keys: list[tuple[str, ...]],
    sport: bool,
    harm: bool,
    dated: bool = False,
    named: frozenset[int] = frozenset(),
) -> bool:
    ks = set(keys[trig.first])
    if sport and ks & lexicon.SPORT_SENSITIVE:
        return False
    if trig.type == "CASUALTIES" and ks & lexicon.NEEDS_HARM_CONTEXT and not harm:
        return False
    if trig.first > 0 and keys[trig.first - 1][0] in ("ابي", "ابو", "بن", "ابن", "بنت"):
        return False  # part of a name: علي بن أبي طالب
    if ks & lexicon.IMPERFECTIVE and not dated:
        # يستهدف، تعتقل: habitual or generic unless a time places it (لم تعتقل is past)
        if not (trig.first > 0 and keys[trig.first - 1][0] in ("لم", "لما")):
            return False
    before = [k for j in range(max(0, trig.first - 5), trig.first) for k in keys[j]]
    if trig.type in ("SEIZE", "ATTACK") and any(k in lexicon.ATTEMPTS for k in before):
        return False
    if trig.type == "ATTACK" and any(k in lexicon.CEASEFIRE for k in before[-6:]):
        return False
    if trig.type == "TALKS" and trig.first == trig.last and ks & lexicon.MEETING_NOUNS:
        # a meeting noun is talks between parties only with the other party in sight; a
        # visit, with whoever or wherever is visited named right after it
        window = {k for j in range(trig.last + 1, min(trig.last + 7, len(toks))) for k in keys[j]}
        visit = ks & lexicon.VISIT_NOUNS and any(
            j in named for j in range(trig.last + 1, min(trig.last + 4, len(toks)))
        )
        if not (window & {"مع", "بين"} or visit):
            return False
    if trig.type == "ATTACK" and "هجوم" in ks and trig.last + 1 < len(toks):
        nxt = set(keys[trig.last + 1])
        if nxt & {"معاكس", "اعلامي", "لفظي"}:
            return False
    return True


def _negated(toks: list[Token], keys: list[tuple[str, ...]], trig: _Trigger) -> bool:
    for j in range(max(0, trig.first - 2), trig.first):
        if toks[j].kind == "word" and keys[j][0] in lexicon.NEGATIONS:
            return True
    return False


# --- arguments -----------------------------------------------------------------------------


def _clause(toks: list[Token], trig: _Trigger, triggers: list[_Trigger]) -> tuple[int, int]:
    """Token range [lo, hi) around a trigger: from the last clause break before it up to
    the next one, or to the next trigger of another type when ``triggers`` are given."""
    lo = 0
    for j in range(trig.first - 1, -1, -1):
        if toks[j].text in _CLAUSE_BREAKS:
            lo = j + 1
            break
    hi = len(toks)
    for j in range(trig.last + 1, len(toks)):
        if toks[j].text in _CLAUSE_BREAKS:
            hi = j
            break
    for other in triggers:
        if other.first > trig.last and other.first < hi and other.type != trig.type:
            hi = other.first
            break
    return lo, hi


def _place_rank(e: Entity, place_kind) -> int:
    if e.id is not None and e.id.startswith("phrase:"):
        return _PLACE_RANK.get(e.id[7:], 2)
    kind = place_kind(e) if place_kind is not None else None
    if kind is None:
        return 2 if e.country is None or e.id is None else _PLACE_RANK.get("city", 1)
    return _PLACE_RANK.get(kind, 2)


def _with_direction(text: str, e: Entity) -> tuple[int, int]:
    """Extend a place back over directions before it (``جنوب شرق أوكرانيا``) or over the
    facility it names (``مسجد الصادق``, where the tagger marked only the name)."""
    start = e.start
    words = tokenize(text, max(0, start - 30), start)
    k = len(words)
    while (
        k > 0 and words[k - 1].kind == "word" and normalize(words[k - 1].stem) in lexicon.DIRECTIONS
    ):
        k -= 1
    if k == len(words) and k > 0 and words[k - 1].kind == "word":
        head = words[k - 1]
        if normalize(head.stem) in lexicon.FACILITY_HEADS:
            k -= 1
    if k < len(words):
        head = words[k]
        start = head.stem_start - (2 if head.definite else 0)
    return start, e.end


def _joined(text: str, left: Entity, right: Entity) -> bool:
    words = normalize(text[left.end : right.start]).replace("،", " ").split()
    if not words or not (words[0].startswith("و") or words[0] == "او"):
        return False
    for w in words:
        bare = w[1:] if w.startswith("و") else w
        if not (
            w in lexicon.COORDINATORS
            or bare in lexicon.PLACE_HEADS
            or w == "ب"
            or bare in lexicon.PLACE_HEADS
            or bare in lexicon.COORDINATORS
        ):
            return False
    return True


def _contains(text: str, inner: Entity, outer: Entity, place_kind) -> bool:
    """``outer`` right after ``inner`` as its container (``… بجنوب شرق أوكرانيا``)."""
    between = normalize(text[inner.end : outer.start]).split()
    if len(between) > 3 or (between and between[0].startswith("و")):
        return False
    return _place_rank(outer, place_kind) >= 3 or bool(between)


def _siblings(text: str, places: list[Entity], place_kind) -> list[Entity]:
    """The first place and those joined to it by و (one event each); a container right
    after a member is skipped, not a break."""
    group = [places[0]]
    last = places[0]
    for e in places[1:]:
        if _joined(text, last, e):
            group.append(e)
            last = e
        elif _contains(text, last, e, place_kind):
            last = e
        else:
            break
    return group


def _chunk(toks: list[Token], lo: int, hi: int, trig: _Trigger) -> tuple[int, int]:
    """The comma-delimited part of the clause around the trigger."""
    a, b = lo, hi
    for j in range(trig.first - 1, lo - 1, -1):
        if toks[j].text in ("،", ","):
            a = j + 1
            break
    for j in range(trig.last + 1, hi):
        if toks[j].text in ("،", ","):
            b = j
            break
    return a, b


def _locative(text: str, e: Entity) -> bool:
    """A place phrase (after في، ب، على حدود، قرب …), not a party (after من، بين)."""
    words = tokenize(text, max(0, e.start - 25), e.start + 1)
    if not words:
        return False
    first = tokenize(text, e.start, e.end)[:1]
    if first and normalize(first[0].stem) in lexicon.LOCATIVES:
        return True  # the name starts with one (محيط جبل العروس)
    own = words[-1]
    if own.start < e.start < own.end or (own.start == e.start and own.stem_start > own.start):
        prefix = normalize(text[own.start : e.start])
        if prefix.endswith("ب") or prefix.endswith("في"):
            return True
    prev = [w for w in words if w.end <= e.start]
    for w in reversed(prev[-3:]):
        k = normalize(w.text)
        if k == "من" and prev.index(w) > 0 and normalize(prev[prev.index(w) - 1].text) == "كل":
            return True  # في كل من الدمام والقطيف
        if k in ("من", "بين", "مع", "ضد", "عن"):
            return False
        if e.id is not None and e.id.startswith("phrase:"):
            return True  # a place noun heads it: a place wherever it stands
        if (
            k in lexicon.LOCATIVES
            or normalize(w.stem) in lexicon.LOCATIVES
            or normalize(w.prefix).endswith("ب")
        ):
            return True
    return False


def _places(
    text: str,
    toks: list[Token],
    lo: int,
    hi: int,
    trig: _Trigger,
    ents: list[Entity],
    place_kind,
    locative: frozenset[tuple[int, int]],
) -> list[Place | None]:
    """``locative``: the (start, end) of the sentence's places a place word introduces."""
    t_start, t_end = toks[trig.first].start, toks[trig.last].end
    a, b = _chunk(toks, lo, hi, trig)
    locs = [e for e in ents if e.label == "LOC" and toks[lo].start <= e.start < toks[hi - 1].end]
    near = [e for e in locs if toks[a].start <= e.start < toks[b - 1].end]
    after = [e for e in near if e.start >= t_end and (e.start, e.end) in locative]
    if trig.type in _PLACE_AS_OBJECT:
        # what is seized or hit may be the place itself: سيطرت على عدن، تحرير عدن، قصف حلب
        direct = [
            e
            for e in near
            if t_end <= e.start <= t_end + 12 and not _party(text, e) and e not in after
        ]
        after = sorted(direct + after, key=lambda e: e.start)
    if not after:
        after = [e for e in locs if e.start >= t_end and (e.start, e.end) in locative]
    before = [e for e in near if e.end <= t_start and (e.start, e.end) in locative]
    if not after and before:
        # before the trigger (وأسفر التفجير في مسجد الصادق بالكويت عن استشهاد …): the most
        # specific place, the nearest on a tie
        best = min(reversed(before), key=lambda e: _place_rank(e, place_kind))
        before = [best]
    candidates = after or before
    if not candidates:
        return [None]
    group = _siblings(text, candidates, place_kind)
    if len(group) > 1 and trig.type in _SPLIT_BY_PLACE:
        return [_place(text, e) for e in group]
    best = min(group, key=lambda e: (_place_rank(e, place_kind), group.index(e)))
    return [_place(text, best)]


_PLACE_AS_OBJECT = ("SEIZE", "ATTACK")


def _party(text: str, e: Entity) -> bool:
    """A place named as a party (after من، بين، مع، ضد)."""
    before = normalize(text[max(0, e.start - 6) : e.start]).split()
    return bool(before) and before[-1] in ("من", "بين", "مع", "ضد", "عن")


_SPLIT_BY_PLACE = ("SEIZE", "ATTACK", "CLASH", "PROTEST", "CASUALTIES", "ARREST")


def _place(text: str, e: Entity) -> Place:
    start, end = _with_direction(text, e)
    if e.id is not None and e.id.startswith("phrase:"):
        return Place(text[start:end], start, end)
    return Place(text[start:end], start, end, e.canonical, e.lat, e.lon)


def _coordinated_names(toks: list[Token], j: int) -> list[tuple[int, int]]:
    """After a plural place noun (``أحياء الروضة وعصيفرة وجولة الكهرباء``): the names
    joined by و, one span each (without the و)."""
    spans: list[tuple[int, int]] = []
    n = len(toks)
    while j < n and toks[j].kind == "word" and normalize(toks[j].text).startswith("و"):
        tok = toks[j]
        rest = normalize(tok.text)[1:]
        if len(rest) < 2 or rest in lexicon.NAME_STOPS:
            break
        start = tok.start + 1
        end = tok.end
        k = j + 1
        if (
            k < n
            and toks[k].kind == "word"
            and normalize(toks[k].text).startswith("ال")
            and (normalize(toks[k].text) not in lexicon.NAME_STOPS)
        ):
            end = toks[k].end
            k += 1
        spans.append((start, end))
        j = k
    return spans


def _phrase_places(
    text: str, toks: list[Token], keys: list[tuple[str, ...]], ents: Sequence[Entity]
) -> list[Entity]:
    """Place phrases headed by a place noun (``حي الروضة``, ``مسجد الحسين``, ``مديرية
    موجرين``) that the tagger did not mark, as unlinked places."""
    # a place name the tagger found wins; a person inside (مسجد الإمام الصادق) or a tagged
    # facility (المسجد الأقصى as MISC) does not stop the phrase, an organisation does
    taken = [(e.start, e.end) for e in ents if e.label in ("LOC", "ORG")]
    out: list[Entity] = []
    n = len(toks)
    for i, tok in enumerate(toks):
        if tok.kind != "word":
            continue
        ks = keys[i]
        if any(k in lexicon.FACILITY_HEADS for k in ks):
            level = "place"
        elif any(k in lexicon.TOWN_HEADS for k in ks):
            level = "city"
        elif any(k in lexicon.REGION_HEADS for k in ks):
            level = "region"
        else:
            continue
        if normalize(tok.text).endswith(("ه", "ها", "هم")) and not any(
            k in lexicon.FACILITY_HEADS | lexicon.TOWN_HEADS | lexicon.REGION_HEADS
            for k in tok.match_keys()
        ):
            continue  # a head with a pronoun (معسكره) is no name
        j = i + 1
        limit = 2
        while j < n and j - i <= limit and toks[j].kind == "word":
            w = normalize(toks[j].text)
            named = w == "علي" and j + 1 < n and normalize(toks[j + 1].text) in ("بن", "ابن")
            if not named and (
                w in lexicon.NAME_STOPS or w.startswith(("و", "ب", "ل")) or w.endswith("يا")
            ):
                break
            if len(w) < 3 and w not in ("ال",):
                break
            if w in ("بن", "ابن", "ابو", "ابي", "بنت", "ال"):
                limit = min(limit + 2, 5)
            j += 1
        if j == i + 1:
            continue
        start = tok.stem_start - (2 if tok.definite else 0)  # keep the article
        spans = [(start, toks[j - 1].end)]
        if any(k in lexicon.PLURAL_HEADS for k in ks):
            spans += _coordinated_names(toks, j)
        for a, b in spans:
            if any(x < b and a < y for x, y in taken):
                continue
            out.append(Entity(text[a:b], "LOC", a, b, text[a:b], id=f"phrase:{level}"))
    return out


def _participants(
    text: str,
    toks: list[Token],
    keys: list[tuple[str, ...]],
    lo: int,
    hi: int,
    trig: _Trigger,
    ents: list[Entity],
    floor: int,
    noun: bool,
    locative: frozenset[tuple[int, int]],
) -> tuple[Participant | None, Participant | None]:
    """Actor and target.

    After a verb the subject comes first (Arabic is verb–subject–object): the noun phrase
    right after the verb is the actor (``طالب مجلس محافظة الأنبار الحكومة بوقف``, ``دعت
    الهيئة``), a named party when one starts there, and the next party is the target. A
    noun trigger takes the first party after it (``قصف التحالف``), else the last before it
    (``إن روسيا أطلقت``). Killings and arrests are mostly told in the passive (``قُتل``,
    ``اعتُقل``), so their actor is only who the text marks as the doer (``على يد``,
    ``برصاص``) or an authority, and a person right after an arrest verb is its target.
    Places count as parties when no place preposition introduces them. Nothing before
    ``floor`` (the start of the claiming statement's content) is taken."""
    clause_start, clause_end = max(toks[lo].start, floor), toks[hi - 1].end
    t_start, t_end = toks[trig.first].start, toks[trig.last].end
    parties = [
        e
        for e in ents
        if clause_start <= e.start < clause_end
        and (e.label in ("PER", "ORG") or (e.label == "LOC" and (e.start, e.end) not in locative))
    ]
    after = [e for e in parties if e.start >= t_end and e.start - t_end < 80]
    before = [e for e in parties if e.end <= t_start]
    if trig.type in ("CASUALTIES", "ARREST"):
        doer = _marked_doer(text, toks, keys, trig, hi, parties)
        if trig.type == "ARREST" and doer is None:
            authority = [e for e in after[:1] if e.label == "ORG"]
            doer = _participant(authority[0]) if authority else None
        victims = [e for e in after if e.label == "PER" or (doer and e.start != doer.start)]
        return doer, _participant(victims[0]) if victims else None
    if not noun and trig.last + 1 < hi:
        subject = _noun_phrase(text, toks, keys, trig.last + 1, hi, ents)
        if subject is not None:
            target_e = next((e for e in after if e.start >= subject.end), None)
            return subject, _participant(target_e)
    actor_e = after[0] if after else (before[-1] if before else None)
    target_e = next((e for e in after if e is not actor_e), None)
    return _participant(actor_e), _participant(target_e)


def _marked_doer(
    text: str,
    toks: list[Token],
    keys: list[tuple[str, ...]],
    trig: _Trigger,
    hi: int,
    parties: list[Entity],
) -> Participant | None:
    """The party after ``على يد`` / ``برصاص`` / ``بنيران`` / ``نفذها`` in the clause."""
    for j in range(trig.last + 1, hi):
        k = keys[j][0] if keys[j] else ""
        if k in lexicon.DOER_MARKS or (k == "علي" and j + 1 < hi and keys[j + 1][0] == "يد"):
            after = [e for e in parties if e.start >= toks[j].end]
            if after:
                return _participant(after[0])
            start = j + 2 if k == "علي" else j + 1
            return _noun_phrase(text, toks, keys, start, hi, ())
    return None


def _noun_phrase(
    text: str,
    toks: list[Token],
    keys: list[tuple[str, ...]],
    i: int,
    hi: int,
    ents: Sequence[Entity],
) -> Participant | None:
    """The noun phrase starting at word ``i``: a named entity that starts there, or a
    construct chain (``مجلس محافظة الأنبار``) with its adjectives (``القوات الحكومية``)."""
    if i >= hi or toks[i].kind != "word":
        return None
    if any(k in lexicon.ATTEMPTS for k in keys[i]):
        return _noun_phrase(text, toks, keys, i + 1, hi, ents)  # محاولات القوات → القوات
    first = toks[i]
    for e in ents:
        if e.start in (first.start, first.stem_start):
            return Participant(e.text, e.start, e.end, e.canonical)
    if normalize(first.text) in lexicon.NAME_STOPS or normalize(first.stem) in lexicon.NOT_SUBJECTS:
        return None
    if normalize(first.prefix)[-1:] in ("ب", "ل", "ك"):
        return None  # a preposition: no subject here
    j = i
    while (
        j + 1 < hi
        and j - i < 3
        and not toks[j].definite
        and toks[j + 1].kind == "word"
        and normalize(toks[j + 1].text) not in lexicon.NAME_STOPS
        and not normalize(toks[j + 1].prefix)
    ):
        j += 1  # a construct chain: the head is indefinite, its complement follows
    while (
        j + 1 < hi
        and j - i < 5
        and toks[j + 1].kind == "word"
        and toks[j + 1].definite
        and normalize(toks[j + 1].stem).endswith(("يه", "يين", "يون", "ي"))
    ):
        j += 1  # nisba adjectives: الحكومية، العراقية، الإرهابيين
    # keep the article, drop a conjunction: الهيئة from والهيئة
    start = first.stem_start - (2 if first.definite else 0)
    end = toks[j].end
    return Participant(text[start:end], start, end)


def _participant(e: Entity | None) -> Participant | None:
    if e is None:
        return None
    return Participant(e.text, e.start, e.end, e.canonical)


def _time(trig_at: int, times: list[TimeExpression], content: Span | None = None) -> When | None:
    """The resolved time nearest the trigger; for an event reported in a statement, one
    inside what was said comes first (``قال اليوم الخميس إن اجتماعاً جرى أمس``: the
    meeting was yesterday), the time of the saying only when the content has none."""
    resolved = [t for t in times if t.resolved]
    if content is not None:
        inside = [t for t in resolved if content.start <= t.start < content.end]
        resolved = inside or resolved
    if not resolved:
        return None
    t = min(resolved, key=lambda t: abs(t.start - trig_at))
    if t.date is None and t.date_from and t.date_to:
        # جمعة 26 يونيو الماضي (في شهر رمضان): a day inside the nearest range says more
        days = [d for d in resolved if d.date and t.date_from <= d.date <= t.date_to]
        if days:
            t = min(days, key=lambda d: abs(d.start - trig_at))
    return When(t.text, t.date, t.date_from, t.date_to, t.start, t.end)


_COUNTED = ("CASUALTIES", "ARREST", "ATTACK", "SEIZE")


def _quantity(
    text: str,
    toks: list[Token],
    keys: list[tuple[str, ...]],
    lo: int,
    hi: int,
    trig: _Trigger,
    numbers: list[NumberMention],
    times: Sequence[TimeExpression],
) -> Quantity | None:
    if trig.type not in _COUNTED:
        return None
    # a dual noun: مدينتين، بلدتي (towns seized)
    for j in range(trig.last + 1, min(hi, trig.last + 4) if trig.type == "SEIZE" else 0):
        for k in keys[j]:
            if k in lexicon.DUAL_PLACES:
                t = toks[j]
                return Quantity(t.text, t.start, t.end, value=lexicon.DUAL_PLACES[k], unit="towns")
    t_start, t_end = toks[trig.first].start, toks[trig.last].end
    clause_start, clause_end = toks[lo].start, toks[hi - 1].end
    best: NumberMention | None = None
    best_gap = 60
    for m in numbers:
        if not clause_start <= m.start < clause_end:
            continue
        if any(t.start <= m.start < t.end for t in times):
            continue  # a day or a year, not a count
        # after the trigger first (أصيب 12); a count before it (عشرات الأشخاص قتلوا) a bit less
        gap = m.start - t_end if m.start >= t_end else t_start - (m.unit_end or m.end) + 3
        if 0 <= gap < best_gap:
            best, best_gap = m, gap
    if best is None:
        return None
    unit = _unit(best, trig.type)
    if unit is None:
        return None
    value, lo_v, hi_v = _bounds(best)
    end = best.unit_end if best.unit_end is not None else best.end
    return Quantity(text[best.start : end], best.start, end, value, lo_v, hi_v, unit)


def _unit(m: NumberMention, kind: str) -> str | None:
    """What a count next to a trigger counts, or None when it is not the event's count."""
    noun = normalize(m.unit) if m.unit else None
    bare = noun[2:] if noun is not None and noun.startswith("ال") else noun
    thing = None
    if noun is not None:
        thing = lexicon.UNITS.get(noun) or lexicon.UNITS.get(bare or "")
        if thing is None and (noun in lexicon.PEOPLE_UNITS or bare in lexicon.PEOPLE_UNITS):
            thing = "people"
        if noun in ("%", "٪") or "مئه" in noun or "مائه" in noun:
            return None
    if kind == "CASUALTIES":
        return "people" if thing in (None, "people") else None
    if kind == "ARREST":
        return thing or ("people" if noun is None else None)
    if kind == "ATTACK":
        return thing if thing in ("missiles", "shells", "raids") else None
    return thing if thing == "towns" else None


def _bounds(m: NumberMention) -> tuple[int | float | None, int | float | None, int | float | None]:
    if m.qualifier is None or m.qualifier == "about":
        return m.value, None, None
    lo, hi = m.min, m.max
    if m.qualifier == "more_than" and isinstance(lo, int):
        lo += 1
    if m.qualifier == "less_than" and isinstance(hi, int):
        hi -= 1
    return None, lo, hi


# --- one sentence ----------------------------------------------------------------------------


def _statement_of(at: int, statements: Sequence[Statement]) -> int | None:
    best: int | None = None
    for k, s in enumerate(statements):
        if s.content.start <= at < s.content.end:
            if best is None or (s.content.end - s.content.start) < (
                statements[best].content.end - statements[best].content.start
            ):
                best = k
    return best


def _mentioned_before(
    trig: _Trigger,
    toks: list[Token],
    keys: list[tuple[str, ...]],
    start: int,
    earlier: Sequence[Event],
) -> bool:
    """A definite noun trigger (``المحادثات``, ``الهجوم``) of a type the article has
    already reported refers back to that happening; it is not a new one."""
    tok = toks[trig.first]
    if trig.first != trig.last or not tok.definite or trig.goal:
        return False
    if not any(k in lexicon.NOUN_TRIGGERS for k in keys[trig.first]):
        return False
    return any(e.type == trig.type and e.trigger.start < start for e in earlier)


def _subtype(trig: _Trigger, keys: list[tuple[str, ...]]) -> str:
    """Killed and wounded are two events even at one place."""
    if trig.type == "CASUALTIES" and any(k in lexicon.WOUNDED for k in keys[trig.first]):
        return "wounded"
    return ""


_RETOLD = ("ATTACK", "CLASH", "SEIZE", "CASUALTIES", "ARREST", "PROTEST", "TALKS", "AGREEMENT")


def _told_before(kind: str, place: Place | None, noun: bool, earlier: Sequence[Event]) -> bool:
    """An event of a type the article has already reported at the same place — or named
    by a noun with no place of its own (``وأسفر الهجوم …``) — is that happening told
    again."""
    if kind not in _RETOLD:
        return False
    for e in earlier:
        if e.type != kind:
            continue
        if place is None:
            if noun:
                return True
            continue
        if e.location is not None and (
            normalize(e.location.text) in normalize(place.text)
            or normalize(place.text) in normalize(e.location.text)
        ):
            return True
    return False


def _sentence_events(
    text: str,
    toks: list[Token],
    keys: list[tuple[str, ...]],
    ents: list[Entity],
    times: list[TimeExpression],
    statements: Sequence[Statement],
    place_kind,
    earlier: Sequence[Event] = (),
    inherited: bool = False,
) -> list[Event]:
    """The events of one sentence; ``times`` are its own time expressions, or the last one
    of its paragraph when ``inherited``."""
    starts = {e.start for e in ents}
    named = frozenset(j for j, t in enumerate(toks) if t.start in starts or t.stem_start in starts)
    triggers = _find_triggers(toks, keys, bool(times) and not inherited, named)
    triggers += _goal_demands(toks, keys, statements)
    if not triggers:
        return []
    triggers.sort(key=lambda t: t.first)
    ents = sorted([*ents, *_phrase_places(text, toks, keys, ents)], key=lambda e: e.start)
    # whether a place word introduces each place: read once per sentence, not per trigger
    locative = frozenset((e.start, e.end) for e in ents if e.label == "LOC" and _locative(text, e))
    numbers: list[NumberMention] = []
    if any(t.type in _COUNTED for t in triggers):
        base = toks[0].start
        numbers = [_shift(m, base) for m in find_numbers(text[base : toks[-1].end])]
    out: list[Event] = []
    seen: set[tuple[str, str | None]] = set()
    for trig in triggers:
        lo, hi = _clause(toks, trig, triggers)
        whole_lo, whole_hi = _clause(toks, trig, [])
        t0, t1 = toks[trig.first], toks[trig.last]
        start = t0.stem_start if trig.first == trig.last or t0.kind == "word" else t0.start
        span = Span(text[start : t1.end], start, t1.end)
        claimed = _statement_of(start, statements)
        if _mentioned_before(trig, toks, keys, start, earlier):
            continue
        negated = _negated(toks, keys, trig) or (
            claimed is not None and statements[claimed].stance == "deny"
        )
        floor = statements[claimed].content.start if claimed is not None else 0
        noun = t0.definite or any(k in lexicon.NOUN_TRIGGERS for k in keys[trig.first])
        nominal = noun or any(k in lexicon.NOUN_FORMS for k in keys[trig.first])
        actor, target = _participants(
            text, toks, keys, lo, hi, trig, ents, floor, nominal, locative
        )
        if claimed is not None and (
            trig.goal or (actor is None and trig.type in ("DEMAND", "TALKS"))
        ):
            sp = statements[claimed].speaker
            actor = Participant(sp.text, sp.start, sp.end, sp.entity)
        when = _time(start, times, statements[claimed].content if claimed is not None else None)
        quantity = _quantity(text, toks, keys, lo, hi, trig, numbers, times)
        for place in _places(text, toks, whole_lo, whole_hi, trig, ents, place_kind, locative):
            key = (trig.type, place.text if place else None, _subtype(trig, keys))
            if key in seen or _told_before(
                trig.type, place, (noun or when is None or inherited) and quantity is None, earlier
            ):
                continue  # the same happening named twice
            seen.add(key)
            out.append(
                Event(trig.type, span, actor, target, place, when, quantity, claimed, negated)  # type: ignore[arg-type]
            )
    return out


def _goal_demands(
    toks: list[Token], keys: list[tuple[str, ...]], statements: Sequence[Statement]
) -> list[_Trigger]:
    """``بهدف وقف … إطلاق النار`` inside a statement: a DEMAND named by its goal."""
    found: list[_Trigger] = []
    for i, ks in enumerate(keys):
        if any(k in lexicon.GOAL_MARKERS for k in ks):
            for j in range(i + 1, min(i + 3, len(toks))):
                if any(k in lexicon.DEMAND_GOALS for k in keys[j]):
                    if _statement_of(toks[j].start, statements) is not None:
                        found.append(_Trigger("DEMAND", j, j, goal=True))
                    break
    return found


def _shift(m: NumberMention, base: int) -> NumberMention:
    return replace(
        m,
        start=m.start + base,
        end=m.end + base,
        unit_start=None if m.unit_start is None else m.unit_start + base,
        unit_end=None if m.unit_end is None else m.unit_end + base,
    )
