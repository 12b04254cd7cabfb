"""What was said: the span of a reported clause (to the end of the clause, a new cue or
a narrator's participle), of a quotation, and of the cue word itself."""

from __future__ import annotations

from rasid.arabic import Token, normalize
from rasid.schema import Span
from rasid.statements import lexicon
from rasid.statements.cues import (
    CLOSING_PUNCT,
    CUE_WORDS,
    ParagraphView,
    continues_speaker,
    is_complementizer,
    is_denial,
    is_participle,
    is_speech_verb,
    quote_words,
)
from rasid.statements.quotes import Quote
from rasid.statements.speakers import (
    bare,
)


def clause_end(p: ParagraphView, k: int) -> int:
    """Token index after the content clause starting at k: the sentence end, or before a
    comma/و that starts a new speech act (مضيفاً أن، وأضاف أن، فيما قال)."""
    end = p.sentence_end_token(k) if k < len(p.tokens) else k
    j = k
    while j < end:
        w = p.norms[j]
        t = p.tokens[j]
        if j > k and is_participle(w) and continues_speaker(p, j):
            return j - 1 if p.tokens[j - 1].kind == "punct" else j
        if j > k and t.kind == "word" and w[0] in "وف" and is_speech_verb(w) and bare(w) != w:
            return j - 1 if p.tokens[j - 1].kind == "punct" else j
        if w in lexicon.CLAUSE_BREAKS and j > k and not lexicon.hedge_at(p.norms, j + 1):
            return j - 1 if p.tokens[j - 1].kind == "punct" else j
        if j > k + 2 and p.tokens[j - 1].text in "،," and circumstantial(p, j):
            return j - 1  # …، مركزة على …: the narrator describes how it was said
        if j > k and w in lexicon.CONTRAST and cue_ahead(p, j + 1, end):
            # …، إلا أن مسؤولاً آخر أشار إلى أن: another speaker's act, not this content
            return j - 1 if p.tokens[j - 1].kind == "punct" else j
        if t.kind == "punct":
            q = p.quote_at(t.start)
            if q is not None:
                j = max(j + 1, p.token_at(q.close) + 1)
                continue
        j += 1
    return end


def circumstantial(p: ParagraphView, j: int) -> bool:
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


def cue_ahead(p: ParagraphView, j: int, end: int) -> bool:
    """A speech verb within the next few words, before any punctuation."""
    for k in range(j, min(end, j + 10)):
        if p.tokens[k].kind == "punct":
            return False
        if is_speech_verb(p.norms[k]) or is_denial(p.norms[k]):
            return k > j and not is_complementizer(p, k - 1) or k > j + 1
    return False


def text_span(p: ParagraphView, text: str, first: int, last: int) -> Span | None:
    if last <= first:
        return None
    start, end = p.tokens[first].start, p.tokens[last - 1].end
    while start < end and text[start] in CLOSING_PUNCT + '«“"':
        start += 1
    while end > start and text[end - 1] in CLOSING_PUNCT:
        end -= 1
    if end <= start:
        return None
    return Span(text[start:end], start, end)


def quote_span(text: str, q: Quote) -> Span | None:
    start, end = q.inner
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(text[start:end], start, end) if end > start else None


def cue_span(t: Token) -> Span:
    """The cue word without a leading conjunction."""
    w = normalize(t.text)
    listed = w in CUE_WORDS
    conj = t.prefix[:1] in ("و", "ف") or (w[:1] in ("و", "ف") and not listed and w[1:] in CUE_WORDS)
    start = t.start + (1 if conj else 0)
    return Span(t.text[start - t.start :], start, t.end)


def quote_before(p: ParagraphView, i: int) -> Quote | None:
    """A quote closing just before token i (``«…»، قال X``)."""
    j = i - 1
    while j >= 0 and p.tokens[j].kind == "punct" and p.tokens[j].text in "،,":
        j -= 1
    if j < 0 or p.tokens[j].kind != "punct":
        return None
    q = p.quote_closing_at(p.tokens[j].start)
    return q if q is not None and quote_words(p, q) >= 2 else None


def narration_after(p: ParagraphView, q: Quote, end: int) -> bool:
    """Whether the clause after a quote that opens the content is only punctuation, or
    the narrator's (a comma and a contrast: «…»، إلا أنه أفصح)."""
    k = p.token_at(q.close) + 1
    while k < end and p.tokens[k].kind == "punct":
        k += 1
    return k >= end or p.norms[k] in lexicon.CONTRAST
