"""From drafts to statements: speakers resolved across the article (pronouns, role
words, documents), relay chains of nested reports, and what each denial refers to."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from rasid.arabic import Token, normalize, tokenize
from rasid.schema import Entity, Speaker, Statement, Via
from rasid.statements import lexicon
from rasid.statements.cues import Draft
from rasid.statements.speakers import (
    GOVERNMENT,
    Phrase,
    key,
    person_speaker,
    resolve_back_reference,
    text_keys,
)

PENDING = "pending"


def finish(drafts: list[Draft], text: str, entities: Sequence[Entity]) -> list[Statement]:
    """The statements of an article from its drafts, in cue order: role words and
    documents resolved, pronoun subjects given their speaker, relays of nested reports
    added, denials linked to their claims."""
    drafts.sort(key=lambda d: d.cue.start)
    statements: list[Statement] = []
    speakers: list[Speaker] = []
    focus_end = 0  # where the text last spoke of a speaker (a cue's content or phrase)
    for d in drafts:
        speaker = d.speaker
        if speaker is not None and speaker.descriptor == PENDING:
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
            speaker = document_author(speaker, statements, text, entities) or speaker
        elif speaker is not None and speaker.kind in ("government", "organisation", "media"):
            speaker = same_body(speaker, speakers, entities) or speaker
        if d.content is None:
            if speaker is not None:
                speakers.append(speaker)
                focus_end = max(focus_end, d.cue.end)
            continue
        via = tuple(d.via)
        if speaker is None:
            speaker = from_context(d, speakers, focus_end, text, entities)
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
    statements = nest(statements)
    return link_denials(statements)


def same_body(
    speaker: Speaker, speakers: list[Speaker], entities: Sequence[Entity] = ()
) -> Speaker | None:
    """A body named by a shortened form is the body named in full before it: its head
    noun alone (``وأوضحت الوزارة`` after ``وزارة الدفاع الأمريكية`` spoke), or the first
    words of its name (``الهيئة العامة`` after ``الهيئة العامة للغذاء والدواء`` was
    mentioned), an earlier speaker first, then an organisation named in the text."""
    words = tokenize(speaker.text)
    if not words or not words[0].definite or len(words) > 3:
        return None
    wanted = [key(w) for w in words]
    for earlier in reversed(speakers):
        known = text_keys(earlier.text)
        if len(earlier.text) <= len(speaker.text) or not known:
            continue
        if (len(wanted) == 1 and known[0] == wanted[0]) or known[: len(wanted)] == wanted:
            return earlier
    if len(wanted) < 2:
        return None
    for e in reversed([e for e in entities if e.label == "ORG" and e.end <= speaker.start]):
        known = text_keys(e.text)
        if len(known) > len(wanted) and known[: len(wanted)] == wanted:
            return Speaker(
                text=e.text, start=e.start, end=e.end, kind=speaker.kind, entity=e.canonical
            )
    return None


def document_author(
    speaker: Speaker, statements: list[Statement], text: str, entities: Sequence[Entity] = ()
) -> Speaker | None:
    """``وتابع البيان``: the statement (بيان) or report speaks for whoever issued it: the
    body the narration says issued it (``في بيان صادر عن رئاسة الجمهورية``), else the
    earlier speaker who spoke in it (``وقالت الوزارة في بيان``); failing both, the latest
    institution that spoke."""
    words = normalize(speaker.text).split()
    if len(words) > 2 or not words[0].startswith("ال"):
        return None
    noun = words[0][2:]
    issuer = document_issuer(noun, speaker.start, text, entities)
    if issuer is not None:
        return issuer
    for s in reversed(statements):
        frame = normalize(text[s.cue.end : s.content.start])
        if noun in frame.split() or ("ب" + noun) in frame.split():
            return s.speaker
    for s in reversed(statements[-3:]):
        if s.speaker.kind in ("government", "organisation"):
            return s.speaker
    return None


def document_issuer(
    noun: str, before: int, text: str, entities: Sequence[Entity]
) -> Speaker | None:
    """The body named as issuing a document of this kind before ``before``: ``بيان
    صادر اليوم عن رئاسة الجمهورية``, ``البيان الختامي المنبثق عن الهيئة``."""
    for e in reversed([e for e in entities if e.end <= before and e.label != "MISC"]):
        window = normalize(text[max(0, e.start - 70) : e.start]).split()
        if not window or window[-1] != "عن" or lexicon.ISSUED.isdisjoint(window):
            continue
        if not any(w.startswith(noun) or w[1:].startswith(noun) for w in window):
            continue
        kind = "person" if e.label == "PER" else "government"
        if e.label == "ORG" and not set(text_keys(e.text)[:1]) & GOVERNMENT:
            kind = "organisation"
        return Speaker(text=e.text, start=e.start, end=e.end, kind=kind, entity=e.canonical)  # type: ignore[arg-type]
    return None


def from_context(
    d: Draft,
    speakers: list[Speaker],
    focus_end: int,
    text: str,
    entities: Sequence[Entity],
) -> Speaker | None:
    """A pronoun subject or a participle. A participle continues the latest speaker. A
    pronoun (``وقال``) means the latest speaker too, unless a person has been named in the
    narration since then (``دعا خطيب الجمعة عبدالمهدي الكربلائي … وقال في خطبته``)."""
    participle = normalize(d.cue.text) in lexicon.PARTICIPLES
    if participle and speakers:
        # ويتفق … عبدالغني المهنا على أن …، لافتًا إلى أن: the participle goes with the
        # subject of its own sentence when the narration named a person there
        sentence = max(text.rfind(".", 0, d.cue.start), text.rfind("\n", 0, d.cue.start))
        subjects = [
            e
            for e in entities
            if e.label == "PER"
            and max(focus_end, sentence) <= e.start
            and e.end <= d.cue.start
            and not after_preposition(text, e.start)
            and not inside_name(text, e.start)
            and len(e.canonical.split()) > 1
            and len(text[sentence + 1 : e.start].split()) <= SUBJECT_WORDS
        ]
        if subjects:
            return person_speaker(subjects[0], entities)
    if not participle or not speakers:
        named = [
            e
            for e in entities
            if e.label == "PER"
            and focus_end <= e.start
            and e.end <= d.cue.start
            and not after_preposition(text, e.start)
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


PREPOSITIONS = frozenset(
    "عن علي من الي مع في حول ضد بين لدي عند وعن وعلي ومن والي ومع وفي بضم لضم وبين".split()
)


def after_preposition(text: str, start: int) -> bool:
    """Whether the word before ``start`` is a preposition (وعن راموس قال: راموس is
    talked about, not talking)."""
    before = normalize(text[max(0, start - 12) : start]).split()
    return bool(before) and before[-1] in PREPOSITIONS


SUBJECT_WORDS = 10  # a subject stands among the first words of its sentence
NAME_LINKS = frozenset({"بن", "بنت", "ابن", "ابو", "ال"})


def inside_name(text: str, start: int) -> bool:
    """Whether a name found at ``start`` is the tail of a longer one (``مطار الأمير محمد
    بن عبدالعزيز``: the tagger's ``عبدالعزيز …`` is no subject)."""
    before = normalize(text[max(0, start - 8) : start]).split()
    return bool(before) and before[-1] in NAME_LINKS


def nest(statements: list[Statement]) -> list[Statement]:
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


def continuation(s: Statement) -> bool:
    return normalize(s.cue.text) in lexicon.PARTICIPLES


def confirms(s: Statement) -> bool:
    """An assertion whose content only points back (أكدت الوزارة ذلك، صحة الأنباء)."""
    words = normalize(s.content.text).split()
    return bool(words) and len(words) <= 4 and words[0] in ("ذلك", "صحه", "هذه", "تلك")


def link_denials(statements: list[Statement]) -> list[Statement]:
    out = list(statements)
    for k, s in enumerate(statements):
        if s.stance != "deny" and not confirms(s):
            continue
        for j in range(k - 1, -1, -1):
            other = statements[j]
            if other.stance == "assert" and other.speaker != s.speaker:
                # a participle continues its speaker's claim: point at the claim itself
                while (
                    j > 0
                    and continuation(statements[j])
                    and statements[j - 1].speaker == other.speaker
                ):
                    j -= 1
                out[k] = replace(s, refers_to=j)
                break
    return out
