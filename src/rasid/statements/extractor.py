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

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from rasid.arabic import Token, normalize
from rasid.schema import Analysis, Article, Entity, Span, Speaker, Statement, Via
from rasid.statements import lexicon
from rasid.statements.content import (
    clause_end,
    cue_span,
    narration_after,
    quote_before,
    quote_span,
    text_span,
)
from rasid.statements.cues import (
    ATTRIBUTION_FIRST,
    CLOSING_PUNCT,
    HINT_WORDS,
    SOURCE_KEYS,
    Draft,
    ParagraphView,
    attribution_at,
    continues_speaker,
    expresses,
    is_complementizer,
    is_denial,
    is_negated,
    is_participle,
    is_speech_verb,
    marked_verb,
    may_hold_speech,
    quote_words,
    without_object,
)
from rasid.statements.frames import Frame, read_frame, trailing_relay
from rasid.statements.phrases import (
    is_object,
    make_phrase,
    phrase_range,
    subject_before,
    topic_of,
    via_from,
)
from rasid.statements.resolve import PENDING, finish
from rasid.statements.speakers import (
    Phrase,
    bare,
    is_back_reference,
    key,
    make_speaker,
)

VERSION = "rules@1"


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


def extract(
    article: Article, entities: Sequence[Entity], tokens: Sequence[Token] | None = None
) -> list[Statement]:
    """The statements of ``article``. ``tokens`` are the article text's tokens when an
    earlier stage made them (they are made here otherwise)."""
    text = article.text
    own = _own_outlet_names(article)
    starts = [t.start for t in tokens] if tokens is not None else None
    drafts: list[Draft] = []
    for para in article.paragraphs:
        if para.kind != "body" or not may_hold_speech(para.text):
            continue
        mine = None
        if tokens is not None and starts is not None:
            mine = tokens[bisect_left(starts, para.start) : bisect_left(starts, para.end)]
        p = ParagraphView(text, para.start, para.end, mine)
        drafts.extend(_paragraph_drafts(p, text, entities, own))
    return finish(drafts, text, entities)


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
    p: ParagraphView, text: str, entities: Sequence[Entity], own: frozenset[str]
) -> list[Draft]:
    drafts: list[Draft] = []
    consumed: set[int] = set()  # token indices used by a frame
    i = 0
    n = len(p.tokens)
    while i < n:
        if (
            i in consumed
            or p.tokens[i].kind != "word"
            or (p.norms[i] not in HINT_WORDS and p.bares[i] not in HINT_WORDS)
        ):
            i += 1  # (no cue of any kind is spelt outside HINT_WORDS)
            continue
        q = p.inside_quote(p.tokens[i].start)
        if q is not None and quote_words(p, q) >= 3:
            i += 1
            continue
        w = p.norms[i]
        draft: Draft | None = None
        if (length := attribution_at(p, i)) > 0:
            draft = _attribution_statement(p, i, length, text, entities, consumed)
        elif (
            is_speech_verb(w) or is_denial(w) or marked_verb(p, i) or expresses(p, i)
        ) and not is_negated(p, i):
            draft = _verb_statement(p, i, text, entities, own, consumed)
        elif p.norms[i] in lexicon.SAYING_MASDARS and i > p.sentence_start_token(i) + 1:
            draft = _verb_statement(p, i, text, entities, own, consumed, masdar=True)
        elif is_participle(w) and continues_speaker(p, i, entities):
            draft = _participle_statement(p, i, text, entities, own, consumed)
        if draft is not None and not _relay_of_previous(draft, drafts, text):
            drafts.append(draft)
        i += 1
    return drafts


def _relay_of_previous(draft: Draft, drafts: list[Draft], text: str) -> bool:
    """``وأشار إلى أنه …، بحسب ما نقلته وكالة X``: an attribution inside the content of
    the statement before names that statement's channel. Moves it there as a relay (and
    ends the content before it); returns whether it did."""
    if not drafts or not _is_attribution_cue(draft.cue.text):
        return False
    last = drafts[-1]
    if last.content is None or not last.content.start < draft.cue.start <= last.content.end:
        return False
    end = draft.cue.start
    while end > last.content.start and text[end - 1] in CLOSING_PUNCT:
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
    return first in ATTRIBUTION_FIRST or bare(first) in ATTRIBUTION_FIRST


def _verb_statement(
    p: ParagraphView,
    i: int,
    text: str,
    entities: Sequence[Entity],
    own: frozenset[str],
    consumed: set[int],
    masdar: bool = False,
) -> Draft | None:
    w = p.norms[i]
    deny = is_denial(w)
    if bare(w) in lexicon.NARRATION or w in lexicon.NARRATION:
        return None
    relay_verb = lexicon.RELAY_VERBS.get(lexicon.SPEECH_VERBS.get(bare(w), ""), "")
    frame = read_frame(p, i + 1, entities, own, relay_verb)
    content: Span | None = None
    direct = False
    cue_first = i
    if frame.quote is not None:
        content, direct = quote_span(text, frame.quote), True
    elif frame.content_start is not None:
        end = clause_end(p, frame.content_start)
        end = trailing_relay(p, frame, frame.content_start, end, entities, own)
        content = text_span(p, text, frame.content_start, end)
        q = p.quote_at(p.tokens[frame.content_start].start) if frame.content_start < end else None
        if q is not None and quote_words(p, q) >= 2 and narration_after(p, q, end):
            content, direct = quote_span(text, q), True  # إن «…»، إلا أنه …
    elif frame.colon is not None:
        content, direct = text_span(p, text, frame.colon, clause_end(p, frame.colon)), True
    elif (q := quote_before(p, i)) is not None:
        content, direct = quote_span(text, q), True
    elif i > 0 and p.bares[i - 1] in lexicon.ATTRIBUTION_VERB_LEADS and frame.speaker:
        # "…، كما قالت X" / "حسبما أفاد X": the clause before is what was said
        cue_first = i - 1
        first = p.sentence_start_token(i)
        content = text_span(p, text, first, i - 1)
    elif deny:
        # نفت أوكرانيا ذلك: the object is what is denied
        obj = frame.speaker[1] if frame.speaker else i + 1
        if frame.speaker and is_object(p, frame.speaker[0], entities):
            obj, frame.speaker = frame.speaker[0], None
        if frame.relays:  # نفى X، في تصريح لـ Y، الاتهامات: the object follows the relay
            obj = max(obj, frame.end)
        while obj < len(p.tokens) and p.tokens[obj].kind == "punct":
            obj += 1
        content = text_span(p, text, obj, clause_end(p, obj)) if obj < len(p.tokens) else None
    elif lexicon.SPEECH_VERBS.get(bare(w)) == "confirm" and frame.speaker:
        # أكدت الوزارة صحة الأنباء / أكد ذلك: a confirmation of what was reported
        obj = frame.speaker[1]
        if is_object(p, frame.speaker[0]):
            obj, frame.speaker = frame.speaker[0], None
        # only a pointer back or صحة (the guide: أكد أهمية … is no statement)
        if obj < len(p.tokens) and is_object(p, obj) and bare(p.norms[obj]) in CONFIRMED:
            content = text_span(p, text, obj, clause_end(p, obj))
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
        frame.speaker = phrase_range(p, first + 1, i, entities) if i > first + 1 else None
        if frame.speaker and frame.speaker[1] <= frame.speaker[0]:
            frame.speaker = None
    elif frame.speaker is None and not p.tokens[i].prefix and p.norms[i][:1] not in ("و", "ف"):
        frame.speaker = subject_before(p, i, entities)
    elif frame.speaker is None and p.norms[i][:1] == "ف":
        frame.speaker = topic_of(p, i, entities)  # أما حمد الجش فيشير إلى أن
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


CONFIRMED = lexicon.ANAPHORA - {"هذا"}


def _speaker_like(p: ParagraphView, rng: tuple[int, int], entities: Sequence[Entity]) -> bool:
    phrase = make_phrase(p, *rng, entities)
    return (
        bool(phrase.entities and phrase.entities[0].start <= phrase.start + 1)
        or key(p.tokens[rng[0]]) in SOURCE_KEYS
    )


def replace_content(draft: Draft) -> Draft:
    draft.content = None
    return draft


def _draft_from_frame(
    p: ParagraphView,
    i: int,
    frame: Frame,
    content: Span,
    direct: bool,
    stance: str,
    text: str,
    entities: Sequence[Entity],
) -> Draft:
    speaker: Speaker | None = None
    via: list[Via] = []
    if frame.speaker is not None:
        phrase = make_phrase(p, *frame.speaker, entities)
        speaker = _speaker_or_reference(phrase, text, entities)
    for kind, rng, extra in frame.relays:
        if kind == "outer" and rng is not None:
            via.insert(0, via_from(make_phrase(p, *rng, entities), text))
        elif kind == "platform" and rng is not None:
            t = p.tokens[rng[0]]  # بتويتر → تويتر: the stem, without its clitic
            via.append(Via(text=t.stem, kind="platform", start=t.stem_start, end=t.stem_end))
        elif kind == "attribution" and rng is not None:
            via.append(via_from(make_phrase(p, *rng, entities), text))
        elif kind == "interview" and extra is not None:
            s, e = extra
            name = text[s:e].strip('«»“”"ـ ')
            if name:
                s = text.index(name, s)
                via.append(Via(text=name, kind="media", start=s, end=s + len(name)))
    return Draft(
        cue=cue_span(p.tokens[i]),
        content=content,
        direct=direct,
        stance=stance,
        speaker=speaker,
        via=via,
    )


def _speaker_or_reference(phrase: Phrase, text: str, entities: Sequence[Entity]) -> Speaker:
    """A speaker from its phrase; a role word is marked for resolution against earlier
    speakers (descriptor ``pending``)."""
    if is_back_reference(phrase):
        speaker = make_speaker(phrase, text, entities)
        return replace(speaker, descriptor=PENDING)
    return make_speaker(phrase, text, entities)


def _participle_statement(
    p: ParagraphView,
    i: int,
    text: str,
    entities: Sequence[Entity],
    own: frozenset[str],
    consumed: set[int],
) -> Draft | None:
    w = bare(p.norms[i])
    deny = lexicon.PARTICIPLES.get(w) == "deny"
    j = i + 1
    limit = min(p.sentence_end_token(i), i + 6)
    content: Span | None = None
    direct = False
    while j < limit:
        if is_complementizer(p, j):
            content = text_span(p, text, j + 1, clause_end(p, j + 1))
            break
        q = p.quote_at(p.tokens[j].start)
        if q is not None and quote_words(p, q) >= 2:
            content, direct = quote_span(text, q), True
            break
        if (
            p.tokens[j].text == ":"
            and j + 1 < len(p.tokens)
            and p.quote_at(p.tokens[j + 1].start) is None
        ):
            if j + 2 < len(p.tokens) and is_complementizer(p, j + 1):
                content = text_span(p, text, j + 2, clause_end(p, j + 2))
                break  # قائلاً: إنها …: indirect speech after the colon
            content, direct = text_span(p, text, j + 1, p.sentence_end_token(j + 1)), True
            break  # قائلاً: الحمد لله …
        if (
            p.norms[j] not in lexicon.PREPOSITIONS_BEFORE_THAT
            and p.tokens[j].text not in ":"
            and p.bares[j] not in lexicon.HONORIFIC_PRONOUNS
        ):
            break
        j += 1
    if content is None and deny and i + 1 < len(p.tokens):
        content = text_span(p, text, i + 1, clause_end(p, i + 1))
    if content is None:
        return None
    consumed.update(range(i, j + 1))
    return Draft(
        cue=cue_span(p.tokens[i]),
        content=content,
        direct=direct,
        stance="deny" if deny else "assert",
        speaker=None,
    )


def _attribution_statement(
    p: ParagraphView,
    i: int,
    length: int,
    text: str,
    entities: Sequence[Entity],
    consumed: set[int],
) -> Draft | None:
    end = p.sentence_end_token(i)
    k = i + length
    verb = False
    if k < end and p.norms[k] in ("ما",) and length == 1:
        k += 1
    if (
        p.bares[k - 1] in lexicon.ATTRIBUTION_VERB_LEADS
        and k < end
        and (is_speech_verb(p.norms[k]) or is_speech_verb(without_object(p.norms[k])))
    ):
        k += 1  # وفقاً لما ذكرته الوزارة، حسب ما أعلن، حسبما أفاد
        verb = True
        if k < end and p.norms[k] in ("به", "بها", "ه", "ته"):
            k += 1
    a, b = phrase_range(p, k, end, entities)
    phrase: Phrase | None = None
    if b > a:
        phrase = make_phrase(p, a, b, entities)
        if length == 1 and p.bares[i] in lexicon.ATTRIBUTION_GLUED and k == i + 1:
            # وفقاً لرئيس الرابطة: the ل is the attribution's, not the speaker's
            glued = 2 if p.norms[a].startswith("لل") else 1
            phrase = Phrase(phrase.start + glued, phrase.end, phrase.tokens, phrase.entities)
        if not _source_like(phrase, p, a) and _opening_report(p, i, b, end) is None:
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
    before = text_span(p, text, clause, i)
    after_start = b
    opening = _opening_report(p, i, b, end)
    if opening is not None:
        after_start = opening
    while after_start < end and (
        p.tokens[after_start].kind == "punct" or is_complementizer(p, after_start)
    ):
        after_start += 1
    after = (
        text_span(p, text, after_start, clause_end(p, after_start)) if after_start < end else None
    )
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
    return Draft(
        cue=Span(text[cue_start:cue_end], cue_start, cue_end),
        content=content,
        direct=False,
        stance="assert",
        speaker=speaker,
    )


def _opening_report(p: ParagraphView, i: int, b: int, end: int) -> int | None:
    """``وبحسب القضاء الأميركي، فإن …``, ``وحسب الجزء الثاني من وثائق بنما، التي نشرت
    أمس، فإن …``: an attribution that opens its sentence, then (past what describes the
    source) a comma and إن/فإن, introduces reported words whatever its source is. The
    index of that إن, or None."""
    if i > p.sentence_start_token(i) + 1:
        return None
    for c in range(b, min(end - 1, b + 25)):
        if p.tokens[c].text in "،," and is_complementizer(p, c + 1):
            return c + 1
    return None


def _source_like(phrase: Phrase, p: ParagraphView, a: int) -> bool:
    """بحسب/حسب also mean "as needed": the phrase must name a source."""
    if phrase.entities and any(e.label in ("PER", "ORG") for e in phrase.entities):
        return True
    if key(p.tokens[a]) in SOURCE_KEYS:
        return True
    return bool(phrase.entities) and len(phrase.tokens) <= 2
