"""The words of a paragraph as the statement rules see them: tokens with their
normalised forms, sentences and quotes (:class:`ParagraphView`), and the tests that tell
a cue — a verb of saying, a denial, a participle, an attribution, إن/أن — from other words."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rasid.arabic import Token, normalize, split_sentences, tokenize
from rasid.arabic.normalize import normalize_word
from rasid.schema import Entity, Span, Speaker, Via
from rasid.statements import lexicon
from rasid.statements.quotes import Quote, find_quotes
from rasid.statements.speakers import (
    bare,
    keys,
)

ANAPHORA_KEYS = keys(lexicon.ANAPHORA)


SOURCE_KEYS = keys(lexicon.SOURCE_HEADS | lexicon.PERSON_HEADS)


MEDIA = keys(lexicon.MEDIA_HEADS)


TITLE_KEYS = keys(lexicon.PERSON_HEADS)


ATTRIBUTION_FIRST = frozenset(a[0] for a in lexicon.ATTRIBUTIONS) | lexicon.ATTRIBUTION_GLUED


DOCUMENT_KEYS = keys(lexicon.DOCUMENT_HEADS)


CUE_WORDS = (
    frozenset(lexicon.SPEECH_VERBS)
    | frozenset(lexicon.DENIAL_VERBS)
    | frozenset(lexicon.PARTICIPLES)
)


MAX_FRAME = 40  # tokens between a verb and its content


MAX_PHRASE = 12  # tokens in a speaker phrase


CLOSING_PUNCT = " \t\n،,.:؛;!?؟-–—"


def norm_of(token: Token) -> str:
    return normalize_word(token.text)


@dataclass(slots=True)
class Draft:
    cue: Span
    content: Span | None  # None: a speaker phrase without content (context only)
    direct: bool
    stance: str
    speaker: Speaker | None  # None: from context
    via: list[Via] = field(default_factory=list)


class ParagraphView:
    """Tokens, sentences and quotes of one body paragraph (offsets into article text)."""

    def __init__(
        self, text: str, start: int, end: int, tokens: Sequence[Token] | None = None
    ) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.tokens = list(tokens) if tokens is not None else tokenize(text, start, end)
        self.norms = [norm_of(t) for t in self.tokens]
        self.bares = [
            without_conjunction(t, w) for t, w in zip(self.tokens, self.norms, strict=True)
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


def without_conjunction(t: Token, w: str) -> str:
    """A normalised word without its conjunction, when the tokenizer split one off or the
    rest is a listed cue (فقال)."""
    if t.prefix[:1] in ("و", "ف") or (w[:1] in ("و", "ف") and w[1:] in CUE_WORDS):
        return w[1:]
    return w


def without_object(w: str) -> str:
    """نقلته → نقلت, ذكرها → ذكر: a verb without an attached object pronoun."""
    for suffix in ("ته", "تها", "ه", "ها"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)] + ("ت" if suffix.startswith("ت") else "")
    return w


def is_speech_verb(w: str) -> bool:
    """A form of a verb of saying, after و/ف too (some forms only after one)."""
    if w in lexicon.ONLY_AFTER_CONJUNCTION:
        return False
    return w in lexicon.SPEECH_VERBS or bare(w) in lexicon.SPEECH_VERBS


def is_denial(w: str) -> bool:
    return w in lexicon.DENIAL_VERBS or bare(w) in lexicon.DENIAL_VERBS


def is_participle(w: str) -> bool:
    return w in lexicon.PARTICIPLES or bare(w) in lexicon.PARTICIPLES


def is_complementizer(p: ParagraphView, i: int) -> bool:
    """إن/أن introducing reported speech (not the أن of قبل أن، ضرورة أن، يجب أن)."""
    w = p.norms[i]
    if w not in lexicon.COMPLEMENTIZERS or p.tokens[i].kind != "word":
        return False
    return i == 0 or p.bares[i - 1] not in lexicon.NOT_REPORTIVE


def attribution_at(p: ParagraphView, i: int) -> int:
    """Length in tokens of an attribution phrase starting at token i (0 if none)."""
    if p.norms[i] not in ATTRIBUTION_FIRST and p.bares[i] not in ATTRIBUTION_FIRST:
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


# the words may_hold_speech looks for (بيّن، عبّر: see marked_verb)
HINT_WORDS = frozenset(
    w2
    for w in CUE_WORDS | ATTRIBUTION_FIRST | lexicon.SAYING_MASDARS | {"بين", "عبر"}
    for w2 in (w, "و" + w, "ف" + w)
)


ARABIC_WORD = re.compile("[\u0621-\u064a]+")


QUOTE_CHARS = frozenset('«“”"')


def may_hold_speech(paragraph: str) -> bool:
    """A fast first look: does the paragraph hold a cue word or a quotation mark?"""
    if not QUOTE_CHARS.isdisjoint(paragraph):
        return True
    return not HINT_WORDS.isdisjoint(ARABIC_WORD.findall(normalize(paragraph)))


def marked_verb(p: ParagraphView, i: int) -> bool:
    """بيّن "explained", told from بين "between" by its shadda, or by its place: opening
    its sentence after و/ف (``وبين منسق اللجنة أن``; "and between" hardly opens one)."""
    if p.bares[i] != "بين":
        return False
    if "\u0651" in p.tokens[i].text:
        return True
    return p.norms[i] in ("وبين", "فبين") and i == p.sentence_start_token(i)


def expresses(p: ParagraphView, i: int) -> bool:
    """عبّر X عن "X expressed", told from عبر "through" by its place (opening the
    sentence, or after كما/و) and the عن that follows the subject."""
    if p.bares[i] != "عبر" and p.norms[i] != "عبر":
        return False
    if i > p.sentence_start_token(i) and p.norms[i - 1] not in ("كما", "وكما"):
        return False
    end = min(p.sentence_end_token(i), i + 10)
    return any(p.norms[k] == "عن" for k in range(i + 2, end))


def abbreviation_dot(p: ParagraphView, j: int) -> bool:
    """The dot after a one-letter title abbreviation (د. for دكتور, م. for مهندس)."""
    return (
        p.tokens[j].text == "."
        and j > 0
        and p.tokens[j - 1].kind == "word"
        and len(p.norms[j - 1]) == 1
        and p.tokens[j - 1].end == p.tokens[j].start
    )


def is_negated(p: ParagraphView, i: int) -> bool:
    """لم يكشف، لا يذكر: a negated verb reports nothing; نفي after رفضت/عن is the noun
    "denial" (رفضت الوزارة نفي أو تأكيد الأنباء), not a verb."""
    if i > 0 and p.norms[i - 1] in ("لم", "لن", "لا", "ما", "ولم", "ولا"):
        return True
    if p.norms[i] == "نفي":
        before = p.bares[i - 1] if i > 0 else ""
        after = p.norms[i + 1] if i + 1 < len(p.tokens) else ""
        return before in lexicon.DENIAL_NOUN_GOVERNORS or after in ("او", "وتاكيد")
    return False


def quote_words(p: ParagraphView, q: Quote) -> int:
    return len(p.text[q.open + 1 : q.close].split())


def continues_speaker(p: ParagraphView, i: int, entities: Sequence[Entity] = ()) -> bool:
    """A participle continues a speaker when punctuation or the speaker's name comes
    before it (ومتابعة after a noun is the noun "follow-up", not "continuing")."""
    if i == 0:
        return False
    prev = p.tokens[i - 1]
    return (
        prev.kind == "punct"
        or any(e.label == "PER" and e.start <= prev.start < e.end for e in entities)
        or introduces_speech(p, i + 1)
    )


def introduces_speech(p: ParagraphView, j: int) -> bool:
    """Whether reported words start at token j: a complementiser, one after a preposition
    (``إلى أن``) or a colon — after which a participle is one of saying whatever comes
    before it (``… قصيرة الأعمدة قائلا: إنها``, ``… المصنعية مشيرا إلى أن``)."""
    if j >= len(p.tokens):
        return False
    if p.tokens[j].text == ":" or is_complementizer(p, j):
        return True
    return (
        p.norms[j] in lexicon.PREPOSITIONS_BEFORE_THAT
        and j + 1 < len(p.tokens)
        and is_complementizer(p, j + 1)
    )
