"""Statements: who said what, through whom, and who denies it.

Rules over tokens, paragraph by paragraph (the article's own narration is never a
statement):

1. A **cue** starts a statement: a verb of saying (قال، أكد، أوضح …, any third-person
   form, after و/ف too), a denial (نفى، نفت …), an attribution (بحسب، وفقاً لـ، نقلاً عن)
   or a participle that continues the current speaker (مضيفاً، مشيرة إلى أن).
2. Behind a verb the **frame** is read: the speaker phrase, then adjuncts up to the
   content. Adjuncts carry the relay: ``نقلت X عن Y`` (Y speaks, via X), ``لوكالة X`` /
   ``في تصريح لـ X`` (an interview given to another outlet), ``على تويتر`` (a platform),
   ``وفقاً لترجمة X``.
3. The **content** is the clause after إن/أن up to the end of the clause (a new cue after
   a comma ends it), or the quoted words when a quote follows the frame (or precedes the
   verb: ``«…»، قال X``). A verb with neither is not a statement, except a denial, whose
   object (``ذلك``, ``صحة الأنباء``) is its content.
4. **Speakers**: the person named in the phrase (its title becomes the descriptor);
   role words (``المسؤول``) and pronoun subjects (``وأضاف``) resolve to an earlier speaker.
5. A cue inside another statement's content is a nested statement: the outer speaker is
   the first relay of its chain. A denial with an anaphoric object refers to the nearest
   earlier claim by someone else.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from rasid.arabic import Token, normalize, split_sentences, tokenize
from rasid.schema import Analysis, Article, Entity, Span, Speaker, Statement, Via
from rasid.statements import lexicon
from rasid.statements.quotes import Quote, find_quotes
from rasid.statements.speakers import (
    GOVERNMENT,
    Phrase,
    bare,
    classify,
    entities_in,
    is_back_reference,
    key,
    keys,
    make_speaker,
    person_speaker,
    resolve_back_reference,
    text_keys,
)

VERSION = "rules@1"
_ANAPHORA = keys(lexicon.ANAPHORA)
_SOURCES = keys(lexicon.SOURCE_HEADS | lexicon.PERSON_HEADS)
MEDIA = keys(lexicon.MEDIA_HEADS)
_TITLES = keys(lexicon.PERSON_HEADS)
_ATTRIBUTION_FIRST = frozenset(a[0] for a in lexicon.ATTRIBUTIONS) | lexicon.ATTRIBUTION_GLUED
_DOCUMENTS = keys(lexicon.DOCUMENT_HEADS)
_CUE_WORDS = (
    frozenset(lexicon.SPEECH_VERBS)
    | frozenset(lexicon.DENIAL_VERBS)
    | frozenset(lexicon.PARTICIPLES)
)
MAX_FRAME = 30  # tokens between a verb and its content
MAX_PHRASE = 12  # tokens in a speaker phrase
_CLOSING_PUNCT = " \t\n،,.:؛;!?؟-–—"
_COLONS = frozenset(":")


def _n(token: Token) -> str:
    return normalize(token.text)


@dataclass(slots=True)
class _Cue:
    kind: str  # "verb" | "deny" | "attribution" | "participle"
    first: int  # token index of the cue's first token
    last: int  # token index after the cue


@dataclass(slots=True)
class _Draft:
    cue: Span
    content: Span | None  # None: a speaker phrase without content (context only)
    direct: bool
    stance: str
    speaker: Speaker | None  # None: from context
    phrase_start: int  # where the speaker phrase starts (for sorting, pronoun subjects)
    via: list[Via] = field(default_factory=list)
    context: bool = False  # the speaker comes from context (pronoun, participle)


class _Paragraph:
    """Tokens, sentences and quotes of one body paragraph (offsets into article text)."""

    def __init__(
        self, text: str, start: int, end: int, tokens: Sequence[Token] | None = None
    ) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.tokens = list(tokens) if tokens is not None else tokenize(text, start, end)
        self.norms = [_n(t) for t in self.tokens]
        self.bares = [
            _without_conjunction(t, w) for t, w in zip(self.tokens, self.norms, strict=True)
        ]
        bounds = [(s.start + start, s.end + start) for s in split_sentences(text[start:end])]
        self.sentence_of: list[int] = []
        k = 0
        for t in self.tokens:
            while k + 1 < len(bounds) and t.start >= bounds[k][1]:
                k += 1
            self.sentence_of.append(k)
        self.sentences = bounds or [(start, end)]
        self.quotes = find_quotes(text, start, end)

    def sentence_end_token(self, i: int) -> int:
        """Index after the last token of token i's sentence."""
        s = self.sentence_of[i]
        j = i
        while j < len(self.tokens) and self.sentence_of[j] == s:
            j += 1
        return j

    def sentence_start_token(self, i: int) -> int:
        s = self.sentence_of[i]
        j = i
        while j > 0 and self.sentence_of[j - 1] == s:
            j -= 1
        return j

    def quote_at(self, offset: int) -> Quote | None:
        for q in self.quotes:
            if q.open == offset:
                return q
        return None

    def quote_closing_at(self, offset: int) -> Quote | None:
        for q in self.quotes:
            if q.close == offset:
                return q
        return None

    def inside_quote(self, offset: int) -> Quote | None:
        for q in self.quotes:
            if q.open < offset < q.close:
                return q
        return None

    def token_at(self, offset: int) -> int:
        for i, t in enumerate(self.tokens):
            if t.start >= offset:
                return i
        return len(self.tokens)


def _without_conjunction(t: Token, w: str) -> str:
    """A normalised word without its conjunction, when the tokenizer split one off or the
    rest is a listed cue (فقال)."""
    if t.prefix[:1] in ("و", "ف") or (w[:1] in ("و", "ف") and w[1:] in _CUE_WORDS):
        return w[1:]
    return w


def _without_object(w: str) -> str:
    """نقلته → نقلت, ذكرها → ذكر: a verb without an attached object pronoun."""
    for suffix in ("ته", "تها", "ه", "ها"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)] + ("ت" if suffix.startswith("ت") else "")
    return w


def _is_speech_verb(w: str) -> bool:
    return w in lexicon.SPEECH_VERBS or bare(w) in lexicon.SPEECH_VERBS


def _is_denial(w: str) -> bool:
    return w in lexicon.DENIAL_VERBS or bare(w) in lexicon.DENIAL_VERBS


def _is_participle(w: str) -> bool:
    return w in lexicon.PARTICIPLES or bare(w) in lexicon.PARTICIPLES


def _is_complementizer(p: _Paragraph, i: int) -> bool:
    """إن/أن introducing reported speech (not the أن of قبل أن، ضرورة أن، يجب أن)."""
    w = p.norms[i]
    if w not in lexicon.COMPLEMENTIZERS or p.tokens[i].kind != "word":
        return False
    return i == 0 or p.bares[i - 1] not in lexicon.NOT_REPORTIVE


def _attribution_at(p: _Paragraph, i: int) -> int:
    """Length in tokens of an attribution phrase starting at token i (0 if none)."""
    if p.norms[i] not in _ATTRIBUTION_FIRST and p.bares[i] not in _ATTRIBUTION_FIRST:
        return 0
    for phrase in lexicon.ATTRIBUTIONS:
        if phrase[0] not in (p.norms[i], p.bares[i]):
            continue
        if len(phrase) == 1:
            return 1
        nxt = p.norms[i + 1] if i + 1 < len(p.tokens) else ""
        if nxt == phrase[1]:
            return 2
    if lexicon.ATTRIBUTION_GLUED & {p.norms[i], p.bares[i]} and i + 1 < len(p.tokens):
        nxt = p.norms[i + 1]
        if nxt.startswith("ل") and len(nxt) > 3:
            return 1  # وفقاً لوزارة: the ل is part of the next word
    return 0


class StatementExtractor:
    """Pipeline component: fills ``analysis.statements`` (needs ``entities``)."""

    name = "statements"
    version = VERSION
    requires: tuple[str, ...] = ("article.text", "entities")
    assigns: tuple[str, ...] = ("statements",)

    def __call__(self, analysis: Analysis) -> None:
        entities = [e for e in analysis.entities if isinstance(e, Entity)]
        tokens = analysis.cache.get("tokens")
        analysis.statements = list(extract(analysis.article, entities, tokens))


# ---------------------------------------------------------------- the extraction


def extract(
    article: Article, entities: Sequence[Entity], tokens: Sequence[Token] | None = None
) -> list[Statement]:
    """The statements of ``article``. ``tokens`` are the article text's tokens when an
    earlier stage made them (they are made here otherwise)."""
    text = article.text
    own = _own_outlet_names(article)
    starts = [t.start for t in tokens] if tokens is not None else None
    drafts: list[_Draft] = []
    for para in article.paragraphs:
        if para.kind != "body" or not _may_hold_speech(para.text):
            continue
        mine = None
        if tokens is not None and starts is not None:
            mine = tokens[bisect_left(starts, para.start) : bisect_left(starts, para.end)]
        p = _Paragraph(text, para.start, para.end, mine)
        drafts.extend(_paragraph_drafts(p, text, entities, own))
    return _finish(drafts, text, entities)


_HINT_WORDS = frozenset(
    w2
    for w in _CUE_WORDS | _ATTRIBUTION_FIRST | {"بين", "عبر"}  # بيّن، عبّر: see _marked_verb
    for w2 in (w, "و" + w, "ف" + w)
)
_ARABIC_WORD = re.compile("[\u0621-\u064a]+")
_QUOTE_CHARS = frozenset('«“”"')


def _may_hold_speech(paragraph: str) -> bool:
    """A fast first look: does the paragraph hold a cue word or a quotation mark?"""
    if not _QUOTE_CHARS.isdisjoint(paragraph):
        return True
    return not _HINT_WORDS.isdisjoint(_ARABIC_WORD.findall(normalize(paragraph)))


def _own_outlet_names(article: Article) -> frozenset[str]:
    names: set[str] = set()
    for origin in filter(None, (article.source, article.url)):
        k = origin.lower()
        for code, arabic in lexicon.OUTLET_NAMES.items():
            if code in k:
                names.update(arabic)
        names.add(normalize(origin))
    return frozenset(names)


def _paragraph_drafts(
    p: _Paragraph, text: str, entities: Sequence[Entity], own: frozenset[str]
) -> list[_Draft]:
    drafts: list[_Draft] = []
    consumed: set[int] = set()  # token indices used by a frame
    i = 0
    n = len(p.tokens)
    while i < n:
        if i in consumed or p.tokens[i].kind != "word":
            i += 1
            continue
        q = p.inside_quote(p.tokens[i].start)
        if q is not None and _quote_words(p, q) >= 3:
            i += 1
            continue
        w = p.norms[i]
        draft: _Draft | None = None
        if (length := _attribution_at(p, i)) > 0:
            draft = _attribution_statement(p, i, length, text, entities, consumed)
        elif (
            _is_speech_verb(w) or _is_denial(w) or _marked_verb(p, i) or _expresses(p, i)
        ) and not _negated(p, i):
            draft = _verb_statement(p, i, text, entities, own, consumed)
        elif p.norms[i] in lexicon.SAYING_MASDARS and i > p.sentence_start_token(i) + 1:
            draft = _verb_statement(p, i, text, entities, own, consumed, masdar=True)
        elif _is_participle(w) and _continues(p, i, entities):
            draft = _participle_statement(p, i, text, entities, own, consumed)
        if draft is not None and not _relay_of_previous(draft, drafts, text):
            drafts.append(draft)
        i += 1
    return drafts


def _marked_verb(p: _Paragraph, i: int) -> bool:
    """بيّن "explained", told from بين "between" by its shadda."""
    return p.bares[i] == "بين" and "\u0651" in p.tokens[i].text


def _expresses(p: _Paragraph, i: int) -> bool:
    """عبّر X عن "X expressed", told from عبر "through" by its place (opening the
    sentence, or after كما/و) and the عن that follows the subject."""
    if p.bares[i] != "عبر" and p.norms[i] != "عبر":
        return False
    if i > p.sentence_start_token(i) and p.norms[i - 1] not in ("كما", "وكما"):
        return False
    end = min(p.sentence_end_token(i), i + 10)
    return any(p.norms[k] == "عن" for k in range(i + 2, end))


def _relay_of_previous(draft: _Draft, drafts: list[_Draft], text: str) -> bool:
    """``وأشار إلى أنه …، بحسب ما نقلته وكالة X``: an attribution inside the content of
    the statement before names that statement's channel. Moves it there as a relay (and
    ends the content before it); returns whether it did."""
    if not drafts or not _is_attribution_cue(draft.cue.text):
        return False
    last = drafts[-1]
    if last.content is None or not last.content.start < draft.cue.start <= last.content.end:
        return False
    end = draft.cue.start
    while end > last.content.start and text[end - 1] in _CLOSING_PUNCT:
        end -= 1
    if end <= last.content.start:
        return False
    last.content = Span(text[last.content.start : end], last.content.start, end)
    s = draft.speaker
    if s is not None:  # حسب ما صرح به (he himself): no relay, only the end of the content
        last.via.append(Via(text=s.text, kind=s.kind, start=s.start, end=s.end))
    return True


def _is_attribution_cue(cue: str) -> bool:
    first = normalize(cue).split()[0] if cue.split() else ""
    return first in _ATTRIBUTION_FIRST or bare(first) in _ATTRIBUTION_FIRST


def _abbreviation_dot(p: _Paragraph, j: int) -> bool:
    """The dot after a one-letter title abbreviation (د. for دكتور, م. for مهندس)."""
    return (
        p.tokens[j].text == "."
        and j > 0
        and p.tokens[j - 1].kind == "word"
        and len(p.norms[j - 1]) == 1
        and p.tokens[j - 1].end == p.tokens[j].start
    )


def _negated(p: _Paragraph, i: int) -> bool:
    """لم يكشف، لا يذكر: a negated verb reports nothing; نفي after رفضت/عن is the noun
    "denial" (رفضت الوزارة نفي أو تأكيد الأنباء), not a verb."""
    if i > 0 and p.norms[i - 1] in ("لم", "لن", "لا", "ما", "ولم", "ولا"):
        return True
    if p.norms[i] == "نفي":
        before = p.bares[i - 1] if i > 0 else ""
        after = p.norms[i + 1] if i + 1 < len(p.tokens) else ""
        return before in lexicon.DENIAL_NOUN_GOVERNORS or after in ("او", "وتاكيد")
    return False


def _quote_words(p: _Paragraph, q: Quote) -> int:
    return len(p.text[q.open + 1 : q.close].split())


def _continues(p: _Paragraph, i: int, entities: Sequence[Entity] = ()) -> bool:
    """A participle continues a speaker when punctuation or the speaker's name comes
    before it (ومتابعة after a noun is the noun "follow-up", not "continuing")."""
    if i == 0:
        return False
    prev = p.tokens[i - 1]
    return prev.kind == "punct" or any(
        e.label == "PER" and e.start <= prev.start < e.end for e in entities
    )


# ---------------------------------------------------------------- phrases


def _phrase(
    p: _Paragraph, k: int, limit: int, entities: Sequence[Entity], stop: str = ""
) -> tuple[int, int]:
    """Token range [k, j) of a noun phrase starting at k: stops at adjuncts, cues,
    complementisers, punctuation, relative pronouns; a short quoted name after a media
    head (``صحيفة «عكاظ»``) belongs to it."""
    j = k
    while j < limit and j - k < MAX_PHRASE:
        t = p.tokens[j]
        w = p.norms[j]
        if _abbreviation_dot(p, j):
            j += 1  # د. علي: the dot of an abbreviated title
            continue
        if (
            t.kind == "punct"
            and t.text in "،,"
            and j > k
            and (past := _apposed_name(p, j, limit, entities))
        ):
            j = past  # مساعد وزير الدفاع، اللواء عبد القادر العمودي
            continue
        if t.text == "(" and (close := _short_parenthesis(p, j, limit)):
            j = close  # مصادر (الرياضي)
            continue
        if t.kind == "punct":
            q = p.quote_at(t.start)
            if q is not None and j > k and _quote_words(p, q) <= 5:
                close = p.token_at(q.close)
                if close < limit:
                    j = close + 1
                    continue
            break
        if t.kind not in ("word", "latin", "number"):
            break
        if j > k and (_is_speech_verb(w) or _is_denial(w) or _is_participle(w)):
            break
        if _is_complementizer(p, j) or w in lexicon.SAYING_NOUNS:
            break
        if w in lexicon.RELATIVE_PRONOUNS or (j > k and w in lexicon.ANAPHORA) or w == stop:
            break
        if w in lexicon.PREPOSITIONS_BEFORE_THAT and j + 1 < limit and _is_complementizer(p, j + 1):
            break  # حذّر أوباما من أن
        if j > k and w == "في" and (past := _name_ahead(p, j, limit, entities)):
            j = past  # القيادي في حركة نداء تونس بوجمعة الرميلي
            continue
        if bare(w) in lexicon.SPEAKER_STOPS or w in lexicon.SPEAKER_STOPS:
            # علي is also the name Ali: a stop only when a preposition is likely
            if w == "علي" and _name_ali(p, j, k, limit, entities):
                j += 1
                continue
            if j > k or w != "علي":
                break
            break
        if w in ("ل", "لـ") or w.startswith("لوكال") or w.startswith("لصحيف"):
            break
        if j > k and _object_after_definite(p, j, entities):
            break  # أكدت الهيئة أهمية …: the phrase was الهيئة
        j += 1
    # an entity that runs past the end pulls the phrase along (وزارة الدفاع الروسية)
    if j > k:
        end_char = p.tokens[j - 1].end
        for e in entities:
            if e.start < end_char < e.end:
                while j < limit and p.tokens[j].end <= e.end:
                    j += 1
    return k, j


def _object_after_definite(p: _Paragraph, j: int, entities: Sequence[Entity]) -> bool:
    """A bare indefinite noun right after a definite word cannot describe it (no
    adjective agreement): it starts the verb's object, unless it is a name."""
    t, prev = p.tokens[j], p.tokens[j - 1]
    if t.definite or t.prefix or not prev.definite or t.kind != "word":
        return False
    if key(prev) in _TITLES or any(e.start <= t.start < e.end for e in entities):
        return False
    return p.norms[j].endswith("ه") or p.norms[j].startswith(("ت", "ا", "م"))


def _short_parenthesis(p: _Paragraph, j: int, limit: int) -> int:
    """The token index past ``( … )`` when it holds one to three words; 0 otherwise."""
    for k in range(j + 1, min(limit, j + 5)):
        if p.tokens[k].text == ")":
            return k + 1 if k > j + 1 else 0
        if p.tokens[k].kind != "word":
            return 0
    return 0


def _apposed_name(p: _Paragraph, j: int, limit: int, entities: Sequence[Entity]) -> int:
    """A comma after a role, then the person's name (a title may come first): the token
    index past the name, or 0."""
    if key(p.tokens[p_first(p, j)]) not in _TITLES:
        return 0
    for k in (j + 1, j + 2):
        if k >= limit:
            return 0
        t = p.tokens[k]
        if past := _past_person(p, k, limit, entities):
            return past
        if t.kind != "word" or key(t) not in _TITLES:
            break
    # a name the tagger missed, set off by commas: عضو المجلس السياسي، علي العماد، بهزائم
    m = j + 1
    while m < limit and m - j <= 4 and p.tokens[m].kind == "word":
        w = p.norms[m]
        if (
            _is_speech_verb(w)
            or _is_complementizer(p, m)
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


def _name_ahead(p: _Paragraph, j: int, limit: int, entities: Sequence[Entity]) -> int:
    """After a role (``القيادي في …``): the token index past a person named within the
    next six words, with no punctuation or cue between; 0 if there is none."""
    if key(p.tokens[j - 1]) not in _TITLES and key(p.tokens[p_first(p, j)]) not in _TITLES:
        return 0
    for k in range(j + 1, min(limit, j + 7)):
        t = p.tokens[k]
        if t.kind == "punct" or _is_complementizer(p, k) or _is_speech_verb(p.norms[k]):
            return 0
        if past := _past_person(p, k, limit, entities):
            return past
    return 0


def _past_person(p: _Paragraph, k: int, limit: int, entities: Sequence[Entity]) -> int:
    """The token index past a person's name that starts at token k; 0 if none does."""
    person = next((e for e in entities if e.label == "PER" and e.start == p.tokens[k].start), None)
    if person is None:
        return 0
    end = k
    while end < limit and p.tokens[end].end <= person.end:
        end += 1
    return end


def p_first(p: _Paragraph, j: int) -> int:
    """The first token of the phrase that token j continues (back to a stop)."""
    while j > 0 and p.tokens[j - 1].kind == "word" and not _is_speech_verb(p.norms[j - 1]):
        j -= 1
    return j


def _name_ali(p: _Paragraph, j: int, k: int, limit: int, entities: Sequence[Entity]) -> bool:
    """Whether علي at token j is the name Ali rather than the preposition على."""
    t = p.tokens[j]
    if any(e.label == "PER" and e.start <= t.start < e.end for e in entities):
        return True
    nxt = p.norms[j + 1] if j + 1 < limit else ""
    if nxt in ("بن", "ابن") or nxt.startswith("عبد"):
        return True
    if j > k and (_abbreviation_dot(p, j - 1) or key(p.tokens[j - 1]) in _TITLES):
        return True
    if j == k and nxt and not _is_complementizer(p, j + 1):
        return not nxt.startswith("ال") and nxt not in ("ضروره", "اهميه")
    return False


def _make_phrase(p: _Paragraph, first: int, last: int, entities: Sequence[Entity]) -> Phrase:
    tokens = tuple(p.tokens[first:last])
    start = tokens[0].start + (1 if tokens[0].prefix[:1] in ("و", "ف") else 0)
    return Phrase(start, tokens[-1].end, tokens, entities_in(entities, start, tokens[-1].end))


def _via_from(phrase: Phrase, text: str) -> Via:
    kind = classify(phrase)
    return Via(text=text[phrase.start : phrase.end], kind=kind, start=phrase.start, end=phrase.end)  # type: ignore[arg-type]


# ---------------------------------------------------------------- frames


@dataclass(slots=True)
class _Frame:
    speaker: tuple[int, int] | None = None  # token range
    relays: list[tuple[str, tuple[int, int] | None, str | None]] = field(default_factory=list)
    content_start: int | None = None  # token index where the content starts
    colon: int | None = None  # token index after a colon that opens unmarked direct speech
    quote: Quote | None = None
    end: int = 0  # token index after the frame


def _is_own(p: _Paragraph, rng: tuple[int, int], own: frozenset[str]) -> bool:
    """Whether a phrase names the publishing outlet itself ((الرياضي) in a Arriyadi article)."""
    name = normalize(" ".join(t.text for t in p.tokens[rng[0] : rng[1]])).strip('()«»“”" ')
    return bool(name) and (name in own or name.removeprefix("ال") in own)


def _read_frame(
    p: _Paragraph, i: int, entities: Sequence[Entity], own: frozenset[str], relay_verb: str
) -> _Frame:
    """Read from token i (just after a cue) to the content."""
    frame = _Frame()
    limit = min(p.sentence_end_token(i - 1) if i > 0 else len(p.tokens), i + MAX_FRAME)
    # a quote may run over the sentence end
    j = i
    if j + 1 < limit and p.tokens[j].text in "،,":  # وقال، جان فرانسوا مارتينز، …
        j += 1
    if j < limit and p.norms[j] in ("فيه", "فيها"):  # في الوقت الذي نفت فيه أوكرانيا
        j += 1
    while j + 1 < limit and (
        (p.bares[j] == "من" and p.norms[j + 1].startswith(("جانب", "جهت", "ناحيت", "طرف")))
        or p.bares[j] in ("بدوره", "بدورها", "بدورهم", "ايضا", "كذلك")
    ):  # X يقول من جانبه: …، وقال بدوره
        j += 2 if p.bares[j] == "من" else 1
        while j < limit and p.tokens[j].text in "،,":
            j += 1
    first, last = _phrase(p, j, limit, entities, stop=relay_verb)
    if last > first and p.bares[first] in ("لم", "لن", "لا", "قد", "ما", "من", "لما", "ان"):
        last = first  # قال … لم يسمها: a clause, not a speaker
    if last > first:
        j = last
        if not (last - first == 1 and p.bares[first] in lexicon.HONORIFIC_PRONOUNS):
            frame.speaker = (first, last)  # سموه "His Highness": the person named before
    while j < limit:
        t = p.tokens[j]
        w = p.norms[j]
        if t.kind == "punct":
            q = p.quote_at(t.start)
            if q is not None and j > 0 and _names_outlet(p, j - 1) and _quote_words(p, q) <= 5:
                # تحدثت إلى “لايف نيوز”: an outlet's name, and the channel of the words
                close = p.token_at(q.close)
                start, end = q.open + 1, q.close
                frame.relays.append(("interview", None, f"{start}:{end}"))
                j = close + 1
                continue
            if q is not None and _quote_words(p, q) >= 2:
                frame.quote = q
                frame.end = p.token_at(q.close) + 1
                return frame
            if t.text in ".!?؟؛" and not _abbreviation_dot(p, j):
                break
            if t.text == ":" and j + 1 < len(p.tokens):
                nxt = p.tokens[j + 1]
                q = p.quote_at(nxt.start)
                if q is not None and _quote_words(p, q) >= 2:
                    frame.quote = q
                    frame.end = p.token_at(q.close) + 1
                else:  # direct speech without marks: قائلاً: الحمد لله …
                    frame.colon = j + 1
                    frame.end = j + 1
                return frame
            j += 1
            continue
        if _is_complementizer(p, j):
            frame.content_start = j + 1
            frame.end = j + 1
            return frame
        if w in lexicon.SAYING_NOUNS:
            j += 1
            continue
        if w in lexicon.RELATIVE_PRONOUNS and (author := _author_of(p, j, limit, frame, entities)):
            frame.speaker, j = author, author[1]  # التقرير الذي أصدرته «البن كابيتال»
            continue
        if w in lexicon.RELATIVE_PRONOUNS:
            # a relative clause describing the speaker: skip to the next comma-free point
            # (its own verbs and أن belong to it: التي يرجح أن تسجيلها تم …، إن …)
            # but إن (with kasra, as after قال) ends it
            j += 1
            while j < limit and p.tokens[j].kind != "punct":
                if _is_complementizer(p, j) and p.tokens[j].text.lstrip("بف")[:1] == "إ":
                    break
                j += 1
            continue
        if (
            (_is_speech_verb(w) or _is_denial(w))
            and not _negated(p, j)
            and not _attribution_at(p, j)
        ):
            break
        if _is_participle(w) and _continues(p, j):
            break  # شدد X على أهمية …، لافتاً إلى أن: the participle is the cue
        if (
            w == "عن"
            and frame.speaker is not None
            and key(p.tokens[frame.speaker[0]]) in _DOCUMENTS
            and p.norms[j - 1] in _ISSUED
        ):
            a, b = _phrase(p, j + 1, limit, entities)
            if b > a:  # البيان الختامي المنبثق عن الهيئة: the body speaks
                frame.speaker, j = (a, b), b
                continue
        if relay_verb and w == relay_verb and j + 1 < limit:
            a, b = _phrase(p, j + 1, limit, entities)
            if b > a:
                if frame.speaker is not None and not _is_own(p, frame.speaker, own):
                    frame.relays.append(("outer", frame.speaker, None))
                frame.speaker = (a, b)
                j = b
                continue
        if (w in ("ل", "لـ") or w.startswith("ل")) and _relay_target(
            p, j, limit, entities, own, frame
        ):
            j = frame.end
            continue
        if w in lexicon.INTERVIEW_NOUNS and j + 1 < limit and p.norms[j + 1].startswith("ل"):
            j += 1
            continue
        platform = lexicon.PLATFORMS.get(key(t)) if t.kind == "word" else None
        if (
            platform is None
            and t.kind == "latin"
            and t.text.lower() in ("twitter", "facebook", "x")
        ):
            platform = t.text
        if platform is not None:
            frame.relays.append(("platform", (j, j + 1), platform))
            j += 1
            continue
        if (length := _attribution_at(p, j)) > 0:
            k = j + length
            if k < limit and key(p.tokens[k]) in lexicon.TRANSLATION_NOUNS:
                k += 1
            elif k - 1 == j and p.norms[k - 1] in lexicon.ATTRIBUTION_GLUED:
                pass
            a, b = _phrase(p, k, limit, entities)
            if b > a and p.bares[j] == "نقلا" and frame.speaker is not None:
                # ذكرت صحيفة X نقلاً عن مصادر أن: the sources speak, the paper relays
                frame.relays.append(("outer", frame.speaker, None))
                frame.speaker = (a, b)
                j = b
                continue
            if b > a:
                frame.relays.append(("attribution", (a, b), None))
                j = b
                continue
        j += 1
    frame.end = j
    return frame


_ISSUING = ("اصدر", "اعد", "نشر", "اجر", "وضع")
_ISSUED = frozenset({"الصادر", "الصادره", "المنبثق", "المنبثقه", "الصادرين"})


def _author_of(
    p: _Paragraph, j: int, limit: int, frame: _Frame, entities: Sequence[Entity]
) -> tuple[int, int] | None:
    """The author of a document speaker: ``الدراسة التي أجرتها X`` → X."""
    if frame.speaker is None or key(p.tokens[frame.speaker[0]]) not in _DOCUMENTS:
        return None
    if j + 2 >= limit or not p.norms[j + 1].startswith(_ISSUING):
        return None
    k = j + 2
    if key(p.tokens[k]) in ("شركه", "مركز", "موسسه", "هييه", "وزاره") and k + 1 < limit:
        k += 1 if p.quote_at(p.tokens[k + 1].start) is not None else 0
    a, b = _phrase(p, k, limit, entities)
    if b <= a and p.quote_at(p.tokens[k].start) is not None:
        q = p.quote_at(p.tokens[k].start)
        a, b = k + 1, p.token_at(q.close)  # type: ignore[union-attr]
    return (a, b) if b > a else None


def _names_outlet(p: _Paragraph, j: int) -> bool:
    """Whether token j introduces an outlet's name (إلى، لـ، صحيفة، قناة …)."""
    return p.norms[j] in ("الي", "ل", "لـ") or key(p.tokens[j]) in MEDIA


def _relay_target(
    p: _Paragraph,
    j: int,
    limit: int,
    entities: Sequence[Entity],
    own: frozenset[str],
    frame: _Frame,
) -> bool:
    """``لوكالة X``, ``لـ«عكاظ»``, ``لصحيفة X``: an interview given to an outlet. Records
    a relay unless the outlet is the publisher itself; returns whether one was read."""
    w = p.norms[j]
    if w in ("ل", "لـ"):
        a, b = _phrase(p, j + 1, limit, entities)
        if b == a and j + 1 < limit:
            q = p.quote_at(p.tokens[j + 1].start)
            if q is not None and _quote_words(p, q) <= 5:
                a, b = j + 1, p.token_at(q.close) + 1
    else:
        if key(p.tokens[j]) not in MEDIA:
            return False
        a, b = _phrase(p, j + 1, limit, entities)
        a = j
    if b <= a:
        return False
    start = p.tokens[a].start
    if p.tokens[a].text.startswith("ل") and a == j:
        start += 1
    end = p.tokens[b - 1].end
    name = normalize(p.text[start:end]).strip('«»“”"ـ ')
    frame.end = b
    if name in own or any(o and o in name.split() for o in own) or name.replace("ال", "", 1) in own:
        return True
    frame.relays.append(("interview", None, f"{start}:{end}"))
    return True


def _clause_end(p: _Paragraph, k: int) -> int:
    """Token index after the content clause starting at k: the sentence end, or before a
    comma/و that starts a new speech act (مضيفاً أن، وأضاف أن، فيما قال)."""
    end = p.sentence_end_token(k) if k < len(p.tokens) else k
    j = k
    while j < end:
        w = p.norms[j]
        t = p.tokens[j]
        if j > k and _is_participle(w) and _continues(p, j):
            return j - 1 if p.tokens[j - 1].kind == "punct" else j
        if j > k and t.kind == "word" and w[0] in "وف" and _is_speech_verb(w) and bare(w) != w:
            return j - 1 if p.tokens[j - 1].kind == "punct" else j
        if w in lexicon.CLAUSE_BREAKS and j > k:
            return j - 1 if p.tokens[j - 1].kind == "punct" else j
        if j > k + 2 and p.tokens[j - 1].text in "،," and _circumstantial(p, j):
            return j - 1  # …، مركزة على …: the narrator describes how it was said
        if j > k and w in lexicon.CONTRAST and _cue_ahead(p, j + 1, end):
            # …، إلا أن مسؤولاً آخر أشار إلى أن: another speaker's act, not this content
            return j - 1 if p.tokens[j - 1].kind == "punct" else j
        if t.kind == "punct":
            q = p.quote_at(t.start)
            if q is not None:
                j = max(j + 1, p.token_at(q.close) + 1)
                continue
        j += 1
    return end


def _circumstantial(p: _Paragraph, j: int) -> bool:
    """An indefinite active participle (مركزةً، مستشهدةً، معربين) opening a phrase after a
    comma: a حال describing the speaker, which ends the reported clause."""
    t, w = p.tokens[j], p.norms[j]
    if t.kind != "word" or t.definite or t.prefix or len(w) < 5 or not w.startswith("م"):
        return False
    if w.endswith(("ا", "ين")):
        return True
    # مركزة في …، مستشهدة بـ…: a feminine participle governs a preposition
    nxt = p.tokens[j + 1] if j + 1 < len(p.tokens) else None
    return (
        w.endswith("ه")
        and nxt is not None
        and (p.norms[j + 1] in ("في", "علي", "الي", "من", "عن") or nxt.prefix[:1] in ("ب", "ل"))
    )


def _cue_ahead(p: _Paragraph, j: int, end: int) -> bool:
    """A speech verb within the next few words, before any punctuation."""
    for k in range(j, min(end, j + 10)):
        if p.tokens[k].kind == "punct":
            return False
        if _is_speech_verb(p.norms[k]) or _is_denial(p.norms[k]):
            return k > j and not _is_complementizer(p, k - 1) or k > j + 1
    return False


def _span(p: _Paragraph, text: str, first: int, last: int) -> Span | None:
    if last <= first:
        return None
    start, end = p.tokens[first].start, p.tokens[last - 1].end
    while start < end and text[start] in _CLOSING_PUNCT + '«“"':
        start += 1
    while end > start and text[end - 1] in _CLOSING_PUNCT:
        end -= 1
    if end <= start:
        return None
    return Span(text[start:end], start, end)


def _quote_span(text: str, q: Quote) -> Span | None:
    start, end = q.inner
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(text[start:end], start, end) if end > start else None


def _cue_span(t: Token) -> Span:
    """The cue word without a leading conjunction."""
    w = normalize(t.text)
    listed = w in _CUE_WORDS
    conj = t.prefix[:1] in ("و", "ف") or (
        w[:1] in ("و", "ف") and not listed and w[1:] in _CUE_WORDS
    )
    start = t.start + (1 if conj else 0)
    return Span(t.text[start - t.start :], start, t.end)


def _quote_before(p: _Paragraph, i: int) -> Quote | None:
    """A quote closing just before token i (``«…»، قال X``)."""
    j = i - 1
    while j >= 0 and p.tokens[j].kind == "punct" and p.tokens[j].text in "،,":
        j -= 1
    if j < 0 or p.tokens[j].kind != "punct":
        return None
    q = p.quote_closing_at(p.tokens[j].start)
    return q if q is not None and _quote_words(p, q) >= 2 else None


def _verb_statement(
    p: _Paragraph,
    i: int,
    text: str,
    entities: Sequence[Entity],
    own: frozenset[str],
    consumed: set[int],
    masdar: bool = False,
) -> _Draft | None:
    w = p.norms[i]
    deny = _is_denial(w)
    if bare(w) in lexicon.NARRATION or w in lexicon.NARRATION:
        return None
    relay_verb = lexicon.RELAY_VERBS.get(lexicon.SPEECH_VERBS.get(bare(w), ""), "")
    frame = _read_frame(p, i + 1, entities, own, relay_verb)
    content: Span | None = None
    direct = False
    cue_first = i
    if frame.quote is not None:
        content, direct = _quote_span(text, frame.quote), True
    elif frame.content_start is not None:
        end = _clause_end(p, frame.content_start)
        end = _trailing_relay(p, frame, frame.content_start, end, entities, own)
        content = _span(p, text, frame.content_start, end)
        q = p.quote_at(p.tokens[frame.content_start].start) if frame.content_start < end else None
        if q is not None and _quote_words(p, q) >= 2 and _narration_after(p, q, end):
            content, direct = _quote_span(text, q), True  # إن «…»، إلا أنه …
    elif frame.colon is not None:
        content, direct = _span(p, text, frame.colon, _clause_end(p, frame.colon)), True
    elif (q := _quote_before(p, i)) is not None:
        content, direct = _quote_span(text, q), True
    elif i > 0 and p.bares[i - 1] in lexicon.ATTRIBUTION_VERB_LEADS and frame.speaker:
        # "…، كما قالت X" / "حسبما أفاد X": the clause before is what was said
        cue_first = i - 1
        first = p.sentence_start_token(i)
        content = _span(p, text, first, i - 1)
    elif deny:
        # نفت أوكرانيا ذلك: the object is what is denied
        obj = frame.speaker[1] if frame.speaker else i + 1
        if frame.speaker and _is_object(p, frame.speaker[0], entities):
            obj, frame.speaker = frame.speaker[0], None
        if frame.relays:  # نفى X، في تصريح لـ Y، الاتهامات: the object follows the relay
            obj = max(obj, frame.end)
        while obj < len(p.tokens) and p.tokens[obj].kind == "punct":
            obj += 1
        content = _span(p, text, obj, _clause_end(p, obj)) if obj < len(p.tokens) else None
    elif lexicon.SPEECH_VERBS.get(bare(w)) == "confirm" and frame.speaker:
        # أكدت الوزارة صحة الأنباء / أكد ذلك: a confirmation of what was reported
        obj = frame.speaker[1]
        if _is_object(p, frame.speaker[0]):
            obj, frame.speaker = frame.speaker[0], None
        if obj < len(p.tokens) and _is_object(p, obj) and p.norms[obj] != "هذا":
            content = _span(p, text, obj, _clause_end(p, obj))
    if content is None:
        if frame.speaker is None or not _speaker_like(p, frame.speaker, entities):
            return None
        # شدد الكربلائي على أهمية …: no statement, but the speaker is now in focus
        return replace_content(
            _draft_from_frame(p, i, frame, Span("-", 0, 1), False, "assert", text, entities)
        )
    if masdar and frame.speaker is None:
        # اكتفت مصادر الوزارة بالقول إن: the subject of the verb before the masdar
        first = p.sentence_start_token(i)
        frame.speaker = _phrase(p, first + 1, i, entities) if i > first + 1 else None
        if frame.speaker and frame.speaker[1] <= frame.speaker[0]:
            frame.speaker = None
    elif frame.speaker is None and not p.tokens[i].prefix and p.norms[i][:1] not in ("و", "ف"):
        frame.speaker = _subject_before(p, i, entities)
    elif frame.speaker is None and p.norms[i][:1] == "ف":
        frame.speaker = _topic(p, i, entities)  # أما حمد الجش فيشير إلى أن
    for k in range(i, frame.end):
        consumed.add(k)
    draft = _draft_from_frame(
        p, i, frame, content, direct, "deny" if deny else "assert", text, entities
    )
    if cue_first != i:
        t = p.tokens[cue_first]
        start = t.start + (1 if t.prefix[:1] in ("و", "ف") else 0)
        draft.cue = Span(text[start : draft.cue.end], start, draft.cue.end)
    return draft


def _speaker_like(p: _Paragraph, rng: tuple[int, int], entities: Sequence[Entity]) -> bool:
    phrase = _make_phrase(p, *rng, entities)
    return (
        bool(phrase.entities and phrase.entities[0].start <= phrase.start + 1)
        or key(p.tokens[rng[0]]) in _SOURCES
    )


def replace_content(draft: _Draft) -> _Draft:
    draft.content = None
    return draft


def _narration_after(p: _Paragraph, q: Quote, end: int) -> bool:
    """Whether the clause after a quote that opens the content is only punctuation, or
    the narrator's (a comma and a contrast: «…»، إلا أنه أفصح)."""
    k = p.token_at(q.close) + 1
    while k < end and p.tokens[k].kind == "punct":
        k += 1
    return k >= end or p.norms[k] in lexicon.CONTRAST


def _trailing_relay(
    p: _Paragraph,
    frame: _Frame,
    start: int,
    end: int,
    entities: Sequence[Entity],
    own: frozenset[str],
) -> int:
    """``… ستستمر، في تصريح لوكالة تونس أفريقيا للأنباء``: an interview named after the
    content is the channel of the words, not part of them. Returns the new content end."""
    for j in range(start + 1, end - 2):
        if p.tokens[j].text not in "،," or p.norms[j + 1] not in ("في", "خلال"):
            continue
        if key(p.tokens[j + 2]) not in lexicon.INTERVIEW_NOUNS or end - j > 14:
            continue
        k = j + 3
        while k < end and p.norms[k] in ("صحفي", "صحافي", "خاص", "خاصه"):
            k += 1
        if k < end and (p.norms[k].startswith("ل") or p.norms[k] == "مع"):
            if p.norms[k] == "مع":
                a, b = _phrase(p, k + 1, end, entities)
                if b > a:
                    frame.relays.append(
                        ("interview", None, f"{p.tokens[a].start}:{p.tokens[b - 1].end}")
                    )
            else:
                frame_end = frame.end
                _relay_target(p, k, end, entities, own, frame)
                frame.end = frame_end
            return j
    return end


def _topic(p: _Paragraph, i: int, entities: Sequence[Entity]) -> tuple[int, int] | None:
    """``أما X فـ…``: X, the topic the ف-verb says something about."""
    first = p.sentence_start_token(i)
    for k in range(i - 1, max(first - 1, i - 10), -1):
        if p.bares[k] == "اما":
            a, b = _phrase(p, k + 1, i, entities)
            return (a, b) if b > a else None
    return None


def _subject_before(p: _Paragraph, i: int, entities: Sequence[Entity]) -> tuple[int, int] | None:
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
    while end > first and p.norms[end - 1] in ("قد", "وقد"):
        end -= 1  # وكانت المقاومة قد قالت
    i = end
    j = i
    while j > first:
        k = j - 1
        t = p.tokens[k]
        if t.kind == "punct" or _is_complementizer(p, k) or p.norms[k] in lexicon.COMPLEMENTIZERS:
            break
        if _is_speech_verb(p.norms[k]) or _is_denial(p.norms[k]):
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
    if p.norms[j] in ("من", "ومن") or p.bares[j] in lexicon.SPEAKER_STOPS:
        return None  # من جانبه قال
    a, b = _phrase(p, j, i, entities)  # اللاعب X خلال استجوابه … أكد: the subject is اللاعب X
    return (a, b) if b > a else None


def _is_object(p: _Paragraph, k: int, entities: Sequence[Entity] = ()) -> bool:
    """``نفى ذلك``/``نفت صحة الأنباء``/``أنكر نيته``: the words after a denial are its
    object, no subject (a noun with a possessive pronoun cannot be the subject here)."""
    if key(p.tokens[k]) in _ANAPHORA or p.norms[k] in lexicon.ANAPHORA:
        return True
    t = p.tokens[k]
    possessive = p.norms[k].endswith(("ه", "ها", "هم")) and not t.definite and len(p.norms[k]) >= 4
    return possessive and not any(e.start <= t.start < e.end for e in entities)


def _draft_from_frame(
    p: _Paragraph,
    i: int,
    frame: _Frame,
    content: Span,
    direct: bool,
    stance: str,
    text: str,
    entities: Sequence[Entity],
) -> _Draft:
    speaker: Speaker | None = None
    via: list[Via] = []
    phrase_start = p.tokens[i].start
    if frame.speaker is not None:
        phrase = _make_phrase(p, *frame.speaker, entities)
        speaker = _speaker_or_reference(phrase, text, entities)
        phrase_start = phrase.start
    for kind, rng, extra in frame.relays:
        if kind == "outer" and rng is not None:
            via.insert(0, _via_from(_make_phrase(p, *rng, entities), text))
        elif kind == "platform" and rng is not None:
            t = p.tokens[rng[0]]
            via.append(
                Via(
                    text=t.text if t.text[0] not in "وبل" else t.text[1:],
                    kind="platform",
                    start=t.start
                    + (
                        len(t.text) - len(t.text.lstrip("وبل"))
                        if t.text[0] in "وبل" and len(t.text) > 4
                        else 0
                    ),
                    end=t.end,
                )
            )
        elif kind == "attribution" and rng is not None:
            via.append(_via_from(_make_phrase(p, *rng, entities), text))
        elif kind == "interview" and extra is not None:
            s, e = (int(x) for x in extra.split(":"))
            name = text[s:e].strip('«»“”"ـ ')
            if name:
                s = text.index(name, s)
                via.append(Via(text=name, kind="media", start=s, end=s + len(name)))
    return _Draft(
        cue=_cue_span(p.tokens[i]),
        content=content,
        direct=direct,
        stance=stance,
        speaker=speaker,
        phrase_start=phrase_start,
        via=via,
        context=speaker is None,
    )


_PENDING = "pending"


def _speaker_or_reference(phrase: Phrase, text: str, entities: Sequence[Entity]) -> Speaker:
    """A speaker from its phrase; a role word is marked for resolution against earlier
    speakers (descriptor ``pending``)."""
    if is_back_reference(phrase):
        speaker = make_speaker(phrase, text, entities)
        return replace(speaker, descriptor=_PENDING)
    return make_speaker(phrase, text, entities)


def _participle_statement(
    p: _Paragraph,
    i: int,
    text: str,
    entities: Sequence[Entity],
    own: frozenset[str],
    consumed: set[int],
) -> _Draft | None:
    w = bare(p.norms[i])
    deny = lexicon.PARTICIPLES.get(w) == "deny"
    j = i + 1
    limit = min(p.sentence_end_token(i), i + 6)
    content: Span | None = None
    direct = False
    while j < limit:
        if _is_complementizer(p, j):
            content = _span(p, text, j + 1, _clause_end(p, j + 1))
            break
        q = p.quote_at(p.tokens[j].start)
        if q is not None and _quote_words(p, q) >= 2:
            content, direct = _quote_span(text, q), True
            break
        if (
            p.tokens[j].text == ":"
            and j + 1 < len(p.tokens)
            and p.quote_at(p.tokens[j + 1].start) is None
        ):
            content, direct = _span(p, text, j + 1, p.sentence_end_token(j + 1)), True
            break  # قائلاً: الحمد لله …
        if (
            p.norms[j] not in lexicon.PREPOSITIONS_BEFORE_THAT
            and p.tokens[j].text not in ":"
            and p.bares[j] not in lexicon.HONORIFIC_PRONOUNS
        ):
            break
        j += 1
    if content is None and deny and i + 1 < len(p.tokens):
        content = _span(p, text, i + 1, _clause_end(p, i + 1))
    if content is None:
        return None
    consumed.update(range(i, j + 1))
    return _Draft(
        cue=_cue_span(p.tokens[i]),
        content=content,
        direct=direct,
        stance="deny" if deny else "assert",
        speaker=None,
        phrase_start=p.tokens[i].start,
        context=True,
    )


def _attribution_statement(
    p: _Paragraph,
    i: int,
    length: int,
    text: str,
    entities: Sequence[Entity],
    consumed: set[int],
) -> _Draft | None:
    end = p.sentence_end_token(i)
    k = i + length
    verb = False
    if k < end and p.norms[k] in ("ما",) and length == 1:
        k += 1
    if (
        p.bares[k - 1] in lexicon.ATTRIBUTION_VERB_LEADS
        and k < end
        and (_is_speech_verb(p.norms[k]) or _is_speech_verb(_without_object(p.norms[k])))
    ):
        k += 1  # وفقاً لما ذكرته الوزارة، حسب ما أعلن، حسبما أفاد
        verb = True
        if k < end and p.norms[k] in ("به", "بها", "ه", "ته"):
            k += 1
    a, b = _phrase(p, k, end, entities)
    phrase: Phrase | None = None
    if b > a:
        phrase = _make_phrase(p, a, b, entities)
        if length == 1 and p.bares[i] in lexicon.ATTRIBUTION_GLUED and k == i + 1:
            # وفقاً لرئيس الرابطة: the ل is the attribution's, not the speaker's
            glued = 2 if p.norms[a].startswith("لل") else 1
            phrase = Phrase(phrase.start + glued, phrase.end, phrase.tokens, phrase.entities)
        if not _source_like(phrase, p, a):
            if not verb:
                return None
            phrase, b = None, k
    elif not verb:
        return None
    else:
        b = k
    first = p.sentence_start_token(i)
    clause = first
    for c in range(i - 2, first, -1):  # the clause the attribution is attached to
        if p.tokens[c].text in "،,؛":
            clause = c + 1
            break
    before = _span(p, text, clause, i)
    after_start = b
    while after_start < end and (
        p.tokens[after_start].kind == "punct" or _is_complementizer(p, after_start)
    ):
        after_start += 1
    after = _span(p, text, after_start, _clause_end(p, after_start)) if after_start < end else None
    content = (
        before
        if before is not None
        and (after is None or len(before.text) >= len(after.text) // 2 or i > first + 1)
        else after
    )
    if i <= first + 1 and after is not None:
        content = after
    if content is None:
        return None
    consumed.update(range(i, b))
    speaker = _speaker_or_reference(phrase, text, entities) if phrase is not None else None
    cue_end = p.tokens[k - 1].end if verb else p.tokens[i + length - 1].end
    cue_start = p.tokens[i].start + (1 if p.tokens[i].prefix[:1] in ("و", "ف") else 0)
    return _Draft(
        cue=Span(text[cue_start:cue_end], cue_start, cue_end),
        content=content,
        direct=False,
        stance="assert",
        speaker=speaker,
        phrase_start=phrase.start if phrase is not None else cue_start,
        context=speaker is None,
    )


def _source_like(phrase: Phrase, p: _Paragraph, a: int) -> bool:
    """بحسب/حسب also mean "as needed": the phrase must name a source."""
    if phrase.entities and any(e.label in ("PER", "ORG") for e in phrase.entities):
        return True
    if key(p.tokens[a]) in _SOURCES:
        return True
    return bool(phrase.entities) and len(phrase.tokens) <= 2


# ---------------------------------------------------------------- finishing


def _finish(drafts: list[_Draft], text: str, entities: Sequence[Entity]) -> list[Statement]:
    drafts.sort(key=lambda d: d.cue.start)
    statements: list[Statement] = []
    speakers: list[Speaker] = []
    focus_end = 0  # where the text last spoke of a speaker (a cue's content or phrase)
    for d in drafts:
        speaker = d.speaker
        if speaker is not None and speaker.descriptor == _PENDING:
            phrase_tokens = tokenize(text[speaker.start : speaker.end])
            phrase = Phrase(
                speaker.start,
                speaker.end,
                tuple(
                    Token(
                        t.text,
                        t.start + speaker.start,
                        t.end + speaker.start,
                        t.kind,
                        t.stem_start + speaker.start,
                        t.stem_end + speaker.start,
                        t.definite,
                    )
                    for t in phrase_tokens
                ),
                (),
            )
            resolved = resolve_back_reference(phrase, speakers, text, entities)
            speaker = resolved or replace(speaker, descriptor=None)
        if speaker is not None and speaker.kind == "document" and not speaker.entity:
            speaker = _document_author(speaker, statements, text) or speaker
        elif speaker is not None and speaker.kind in ("government", "organisation", "media"):
            speaker = _same_body(speaker, speakers) or speaker
        if d.content is None:
            if speaker is not None:
                speakers.append(speaker)
                focus_end = max(focus_end, d.cue.end)
            continue
        via = tuple(d.via)
        if speaker is None:
            speaker = _from_context(d, speakers, focus_end, text, entities)
            if speaker is not None and statements and statements[-1].speaker == speaker:
                via = via or statements[-1].via  # still the same channel (مشيرة إلى أن)
        if speaker is None:
            continue
        speakers.append(speaker)
        focus_end = max(focus_end, d.content.end, d.cue.end)
        statements.append(
            Statement(
                speaker=speaker,
                cue=d.cue,
                content=d.content,
                direct=d.direct,
                via=via,
                stance=d.stance,  # type: ignore[arg-type]
            )
        )
    statements = _nest(statements)
    return _link_denials(statements)


def _same_body(speaker: Speaker, speakers: list[Speaker]) -> Speaker | None:
    """``وأوضحت الوزارة``: a body named by its head noun alone is the body that spoke
    last under a fuller name (``وزارة الدفاع الأمريكية``)."""
    words = tokenize(speaker.text)
    if len(words) != 1 or not words[0].definite:
        return None
    head = key(words[0])
    for earlier in reversed(speakers):
        first = tokenize(earlier.text)[:1]
        if first and key(first[0]) == head and len(earlier.text) > len(speaker.text):
            return earlier
    return None


def _document_author(speaker: Speaker, statements: list[Statement], text: str) -> Speaker | None:
    """``وتابع البيان``: the statement (بيان) or report an earlier speaker issued
    (``وقالت الوزارة في بيان``) speaks for that speaker; failing a mention, the latest
    institution that spoke."""
    words = normalize(speaker.text).split()
    if len(words) > 2 or not words[0].startswith("ال"):
        return None
    noun = words[0][2:]
    for s in reversed(statements):
        frame = normalize(text[s.cue.end : s.content.start])
        if noun in frame.split() or ("ب" + noun) in frame.split():
            return s.speaker
    for s in reversed(statements[-3:]):
        if s.speaker.kind in ("government", "organisation"):
            return s.speaker
    return None


def _from_context(
    d: _Draft,
    speakers: list[Speaker],
    focus_end: int,
    text: str,
    entities: Sequence[Entity],
) -> Speaker | None:
    """A pronoun subject or a participle. A participle continues the latest speaker. A
    pronoun (``وقال``) means the latest speaker too, unless a person has been named in the
    narration since then (``دعا خطيب الجمعة عبدالمهدي الكربلائي … وقال في خطبته``)."""
    participle = normalize(d.cue.text) in lexicon.PARTICIPLES
    if not participle or not speakers:
        named = [
            e
            for e in entities
            if e.label == "PER"
            and focus_end <= e.start
            and e.end <= d.cue.start
            and not _after_preposition(text, e.start)
            and len(e.canonical.split()) > 1  # a lone word tagged PER is too often a noun
        ]
        if named and (not speakers or d.cue.start - named[-1].end < 800):
            # the last person named in full in the latest paragraph that names one
            gap = text.rfind("\n", 0, named[-1].start)
            latest = [x for x in named if x.start > gap]
            full = [x for x in latest if len(x.text.split()) > 1]
            e = (full or latest)[-1]
            return person_speaker(e, entities)
    if speakers:
        return speakers[-1]
    before = [
        e
        for e in entities
        if e.end <= d.cue.start
        and (e.label == "ORG" or (e.label == "PER" and len(e.canonical.split()) > 1))
    ]
    if not before:
        return None
    e = before[-1]
    kind = "person" if e.label == "PER" else "organisation"
    if e.label == "ORG" and set(text_keys(e.text)[:1]) & GOVERNMENT:
        kind = "government"
    return Speaker(text=e.text, start=e.start, end=e.end, kind=kind, entity=e.canonical)  # type: ignore[arg-type]


_PREPOSITIONS = frozenset(
    "عن علي من الي مع في حول ضد بين لدي عند وعن وعلي ومن والي ومع وفي بضم لضم وبين".split()
)


def _after_preposition(text: str, start: int) -> bool:
    """Whether the word before ``start`` is a preposition (وعن راموس قال: راموس is
    talked about, not talking)."""
    before = normalize(text[max(0, start - 12) : start]).split()
    return bool(before) and before[-1] in _PREPOSITIONS


def _nest(statements: list[Statement]) -> list[Statement]:
    """A statement whose cue lies inside another's (indirect) content reached the article
    through the outer speaker."""
    out: list[Statement] = []
    for s in statements:
        outer = [
            o
            for o in statements
            if o is not s and not o.direct and o.content.start <= s.cue.start < o.content.end
        ]
        if outer:
            o = max(outer, key=lambda x: x.content.start)
            chain = (
                Via(
                    text=o.speaker.text,
                    kind=o.speaker.kind,
                    start=o.speaker.start,
                    end=o.speaker.end,
                ),
                *o.via,
            )
            own = tuple(v for v in s.via if v not in o.via)  # a relay named once, after both
            s = replace(s, via=own + chain)
        out.append(s)
    return out


def _continuation(s: Statement) -> bool:
    return normalize(s.cue.text) in lexicon.PARTICIPLES


def _confirms(s: Statement) -> bool:
    """An assertion whose content only points back (أكدت الوزارة ذلك، صحة الأنباء)."""
    words = normalize(s.content.text).split()
    return bool(words) and len(words) <= 4 and words[0] in ("ذلك", "صحه", "هذه", "تلك")


def _link_denials(statements: list[Statement]) -> list[Statement]:
    out = list(statements)
    for k, s in enumerate(statements):
        if s.stance != "deny" and not _confirms(s):
            continue
        for j in range(k - 1, -1, -1):
            other = statements[j]
            if other.stance == "assert" and other.speaker != s.speaker:
                # a participle continues its speaker's claim: point at the claim itself
                while (
                    j > 0
                    and _continuation(statements[j])
                    and statements[j - 1].speaker == other.speaker
                ):
                    j -= 1
                out[k] = replace(s, refers_to=j)
                break
    return out
