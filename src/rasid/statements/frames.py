"""The frame of a speech verb: the words between the verb and what was said — the
speaker phrase, and the relays (``نقلت X عن Y``، ``لوكالة X``، ``على تويتر``، ``في تصريح لـ X``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rasid.arabic import normalize
from rasid.schema import Entity
from rasid.statements import lexicon
from rasid.statements.cues import (
    DOCUMENT_KEYS,
    MAX_FRAME,
    MEDIA,
    ParagraphView,
    abbreviation_dot,
    attribution_at,
    continues_speaker,
    is_complementizer,
    is_denial,
    is_negated,
    is_participle,
    is_speech_verb,
    quote_words,
)
from rasid.statements.phrases import phrase_range
from rasid.statements.quotes import Quote
from rasid.statements.speakers import (
    key,
)


@dataclass(slots=True)
class Frame:
    speaker: tuple[int, int] | None = None  # token range
    # (kind, token range, character range): outer speakers, attributions and platforms
    # by tokens; interviews (``لوكالة X``، ``إلى “لايف نيوز”``) by the outlet name's characters
    relays: list[tuple[str, tuple[int, int] | None, tuple[int, int] | None]] = field(
        default_factory=list
    )
    content_start: int | None = None  # token index where the content starts
    colon: int | None = None  # token index after a colon that opens unmarked direct speech
    quote: Quote | None = None
    end: int = 0  # token index after the frame


def is_own(p: ParagraphView, rng: tuple[int, int], own: frozenset[str]) -> bool:
    """Whether a phrase names the publishing outlet itself ((الرياضي) in a Arriyadi article)."""
    name = normalize(" ".join(t.text for t in p.tokens[rng[0] : rng[1]])).strip('()«»“”" ')
    return bool(name) and (name in own or name.removeprefix("ال") in own)


# Nouns whose quoted complement is a title or a slogan, not reported words.
NAMING_NOUNS = frozenset(
    "شعار عنوان بعنوان اسم باسم مسمي بمسمي وسم هاشتاغ هاشتاق حمله كتاب فيلم برنامج".split()
)


def read_frame(
    p: ParagraphView, i: int, entities: Sequence[Entity], own: frozenset[str], relay_verb: str
) -> Frame:
    """Read from token i (just after a cue) to the content."""
    frame = Frame()
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
    first, last = phrase_range(p, j, limit, entities, stop=relay_verb)
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
            if q is not None and j > 0 and names_outlet(p, j - 1) and quote_words(p, q) <= 5:
                # تحدثت إلى “لايف نيوز”: an outlet's name, and the channel of the words
                close = p.token_at(q.close)
                start, end = q.open + 1, q.close
                frame.relays.append(("interview", None, (start, end)))
                j = close + 1
                continue
            if q is not None and j > 0 and p.bares[j - 1] in NAMING_NOUNS:
                j = p.token_at(q.close) + 1  # تحت شعار "تونس ضد الفساد": a name, not speech
                continue
            if q is not None and quote_words(p, q) >= 2:
                frame.quote = q
                frame.end = p.token_at(q.close) + 1
                return frame
            if t.text in ".!?؟؛" and not abbreviation_dot(p, j):
                break
            if t.text == ":" and j + 1 < len(p.tokens):
                nxt = p.tokens[j + 1]
                q = p.quote_at(nxt.start)
                if q is not None and quote_words(p, q) >= 2:
                    frame.quote = q
                    frame.end = p.token_at(q.close) + 1
                else:  # direct speech without marks: قائلاً: الحمد لله …
                    frame.colon = j + 1
                    frame.end = j + 1
                return frame
            j += 1
            continue
        if is_complementizer(p, j):
            frame.content_start = j + 1
            frame.end = j + 1
            return frame
        if w in lexicon.SAYING_NOUNS:
            j += 1
            continue
        if w in lexicon.RELATIVE_PRONOUNS and (author := author_of(p, j, limit, frame, entities)):
            frame.speaker, j = author, author[1]  # التقرير الذي أصدرته «البن كابيتال»
            continue
        if w in lexicon.RELATIVE_PRONOUNS:
            # a relative clause describing the speaker: skip to the next comma-free point
            # (its own verbs and أن belong to it: التي يرجح أن تسجيلها تم …، إن …)
            # but إن (with kasra, as after قال) ends it
            j += 1
            while j < limit and p.tokens[j].kind != "punct":
                if is_complementizer(p, j) and p.tokens[j].text.lstrip("بف")[:1] == "إ":
                    break
                if is_complementizer(p, j) and p.norms[j - 1] in lexicon.PREPOSITIONS_BEFORE_THAT:
                    j -= 1  # وخلص الباحثون الذين عكفوا على … إلى أن: the verb's own إلى أن
                    break
                j += 1
            continue
        if (
            (is_speech_verb(w) or is_denial(w))
            and not is_negated(p, j)
            and not attribution_at(p, j)
        ):
            break
        if is_participle(w) and continues_speaker(p, j):
            break  # شدد X على أهمية …، لافتاً إلى أن: the participle is the cue
        if (
            w == "عن"
            and frame.speaker is not None
            and key(p.tokens[frame.speaker[0]]) in DOCUMENT_KEYS
            and p.norms[j - 1] in lexicon.ISSUED
        ):
            a, b = phrase_range(p, j + 1, limit, entities)
            if b > a:  # البيان الختامي المنبثق عن الهيئة: the body speaks
                frame.speaker, j = (a, b), b
                continue
        if relay_verb and w == relay_verb and j + 1 < limit:
            a, b = phrase_range(p, j + 1, limit, entities)
            if b > a:
                if frame.speaker is not None and not is_own(p, frame.speaker, own):
                    frame.relays.append(("outer", frame.speaker, None))
                frame.speaker = (a, b)
                j = b
                continue
        if (w in ("ل", "لـ") or w.startswith("ل")) and relay_target(
            p, j, limit, entities, own, frame
        ):
            j = frame.end
            continue
        if w in lexicon.INTERVIEW_NOUNS and j + 1 < limit and p.norms[j + 1].startswith("ل"):
            j += 1
            continue
        if (t.kind == "word" and key(t) in lexicon.PLATFORMS) or (
            t.kind == "latin" and t.text.lower() in lexicon.LATIN_PLATFORMS
        ):
            frame.relays.append(("platform", (j, j + 1), None))
            j += 1
            continue
        if (length := attribution_at(p, j)) > 0:
            k = j + length
            if k < limit and key(p.tokens[k]) in lexicon.TRANSLATION_NOUNS:
                k += 1
            elif k - 1 == j and p.norms[k - 1] in lexicon.ATTRIBUTION_GLUED:
                pass
            a, b = phrase_range(p, k, limit, entities)
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


ISSUING = ("اصدر", "اعد", "نشر", "اجر", "وضع")


def author_of(
    p: ParagraphView, j: int, limit: int, frame: Frame, entities: Sequence[Entity]
) -> tuple[int, int] | None:
    """The author of a document speaker: ``الدراسة التي أجرتها X`` → X."""
    if frame.speaker is None or key(p.tokens[frame.speaker[0]]) not in DOCUMENT_KEYS:
        return None
    if j + 2 >= limit or not p.norms[j + 1].startswith(ISSUING):
        return None
    k = j + 2
    if key(p.tokens[k]) in ("شركه", "مركز", "موسسه", "هييه", "وزاره") and k + 1 < limit:
        k += 1 if p.quote_at(p.tokens[k + 1].start) is not None else 0
    a, b = phrase_range(p, k, limit, entities)
    if b <= a and p.quote_at(p.tokens[k].start) is not None:
        q = p.quote_at(p.tokens[k].start)
        a, b = k + 1, p.token_at(q.close)  # type: ignore[union-attr]
    return (a, b) if b > a else None


def names_outlet(p: ParagraphView, j: int) -> bool:
    """Whether token j introduces an outlet's name (إلى، لـ، صحيفة، قناة …)."""
    return p.norms[j] in ("الي", "ل", "لـ") or key(p.tokens[j]) in MEDIA


def relay_target(
    p: ParagraphView,
    j: int,
    limit: int,
    entities: Sequence[Entity],
    own: frozenset[str],
    frame: Frame,
) -> bool:
    """``لوكالة X``, ``لـ«عكاظ»``, ``لصحيفة X``: an interview given to an outlet. Records
    a relay unless the outlet is the publisher itself; returns whether one was read."""
    w = p.norms[j]
    if w in ("ل", "لـ"):
        a, b = phrase_range(p, j + 1, limit, entities)
        if b == a and j + 1 < limit:
            q = p.quote_at(p.tokens[j + 1].start)
            if q is not None and quote_words(p, q) <= 5:
                a, b = j + 1, p.token_at(q.close) + 1
    else:
        if key(p.tokens[j]) not in MEDIA:
            return False
        a, b = phrase_range(p, j + 1, limit, entities)
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
    frame.relays.append(("interview", None, (start, end)))
    return True


def trailing_relay(
    p: ParagraphView,
    frame: Frame,
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
                a, b = phrase_range(p, k + 1, end, entities)
                if b > a:
                    frame.relays.append(
                        ("interview", None, (p.tokens[a].start, p.tokens[b - 1].end))
                    )
            else:
                frame_end = frame.end
                relay_target(p, k, end, entities, own, frame)
                frame.end = frame_end
            return j
    return end
