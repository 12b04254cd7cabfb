"""The records that flow through rasid: one ``Article`` from read to archive, one
``Analysis`` from analyse to serve.

Character offsets (``start``, ``end``) always point into ``Article.text``, the clean
article text exactly as stored: the paragraphs (headings included) joined by a blank line.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import Any, Literal, Protocol

ANALYSIS_SCHEMA = "rasid.analysis/1"
PARAGRAPH_SEPARATOR = "\n\n"

ParagraphKind = Literal["heading", "body"]


def _flat_dict(record: Any) -> dict[str, Any]:
    """A flat record's fields, in declaration order (the order of the JSON keys)."""
    return {f.name: getattr(record, f.name) for f in fields(record)}


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of the clean article: a heading or a body paragraph."""

    text: str
    kind: ParagraphKind
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return _flat_dict(self)


@dataclass(frozen=True, slots=True)
class Removed:
    """A piece of the input that is not article text, kept so a reader can see why it went.

    ``reason`` is a stable code listed in ``rasid.reader.boilerplate.REASONS``.
    """

    text: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return _flat_dict(self)


@dataclass(frozen=True, slots=True)
class Article:
    """A clean news article and what is known about it."""

    title: str | None
    paragraphs: tuple[Paragraph, ...]
    text: str
    removed: tuple[Removed, ...] = ()
    author: str | None = None
    author_bio: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None
    dateline: str | None = None
    agency: str | None = None
    description: str | None = None
    format: Literal["html", "text"] = "text"
    encoding: str | None = None
    origin: str | None = None

    @classmethod
    def build(
        cls, title: str | None, blocks: Iterable[tuple[str, ParagraphKind]], **meta: Any
    ) -> Article:
        """Make an article from ``(text, kind)`` blocks, computing the offsets."""
        paragraphs: list[Paragraph] = []
        pos = 0
        for text, kind in blocks:
            if paragraphs:
                pos += len(PARAGRAPH_SEPARATOR)
            paragraphs.append(Paragraph(text, kind, pos, pos + len(text)))
            pos += len(text)
        text = PARAGRAPH_SEPARATOR.join(p.text for p in paragraphs)
        removed = tuple(meta.pop("removed", ()))
        return cls(title=title, paragraphs=tuple(paragraphs), text=text, removed=removed, **meta)

    @property
    def headings(self) -> list[str]:
        return [p.text for p in self.paragraphs if p.kind == "heading"]

    @property
    def body(self) -> list[str]:
        return [p.text for p in self.paragraphs if p.kind == "body"]

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "author": self.author,
            "author_bio": self.author_bio,
            "published": self.published,
            "url": self.url,
            "source": self.source,
            "dateline": self.dateline,
            "agency": self.agency,
            "description": self.description,
            "format": self.format,
            "encoding": self.encoding,
            "origin": self.origin,
            "text": self.text,
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "removed": [r.to_dict() for r in self.removed],
        }


EntityLabel = Literal["PER", "LOC", "ORG", "MISC"]


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity mention. ``start``/``end`` point into ``Article.text`` and never
    include a leading conjunction or preposition (و، ف، ب، ل، ك). Mentions of the same
    entity in one article share ``canonical``; ``id`` is a stable identifier when the
    entity is in the gazetteer (``geonames:630336``, ``rasid:agency/interfax``)."""

    text: str
    label: EntityLabel
    start: int
    end: int
    canonical: str
    id: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _flat_dict(self)


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of ``Article.text``: ``text == article.text[start:end]``."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return _flat_dict(self)


SpeakerKind = Literal["person", "organisation", "government", "media", "anonymous", "document"]
ViaKind = Literal[
    "person", "organisation", "government", "media", "anonymous", "document", "platform"
]
Stance = Literal["assert", "deny"]


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who made a statement: the most specific mention of them in the article (a name
    where the text gives one), with the role or title as ``descriptor``. ``entity`` is
    the canonical name of the linked entity, when there is one."""

    text: str
    start: int
    end: int
    kind: SpeakerKind
    anonymous: bool = False
    entity: str | None = None
    descriptor: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _flat_dict(self)


@dataclass(frozen=True, slots=True)
class Via:
    """One link of a relay chain: who passed the speaker's words on (an agency, an
    outlet, a platform, an outer speaker). ``start``/``end`` locate the mention."""

    text: str
    kind: ViaKind
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return _flat_dict(self)


@dataclass(frozen=True, slots=True)
class Statement:
    """One reported speech act. ``via`` runs from the speaker outward to the article;
    ``refers_to`` is the index (in ``Analysis.statements``) of the statement a denial
    answers."""

    speaker: Speaker
    cue: Span
    content: Span
    direct: bool
    via: tuple[Via, ...] = ()
    stance: Stance = "assert"
    refers_to: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker.to_dict(),
            "cue": self.cue.to_dict(),
            "content": self.content.to_dict(),
            "direct": self.direct,
            "via": [v.to_dict() for v in self.via],
            "stance": self.stance,
            "refers_to": self.refers_to,
        }


EventType = Literal[
    "ATTACK", "CLASH", "SEIZE", "CASUALTIES", "ARREST", "TALKS", "AGREEMENT", "DEMAND", "PROTEST"
]
EVENT_TYPES: tuple[str, ...] = (
    "ATTACK",
    "CLASH",
    "SEIZE",
    "CASUALTIES",
    "ARREST",
    "TALKS",
    "AGREEMENT",
    "DEMAND",
    "PROTEST",
)


@dataclass(frozen=True, slots=True)
class Participant:
    """Who did it (``actor``) or to whom (``target``): a mention in the event's sentence;
    ``entity`` is the canonical name of the linked entity, when there is one."""

    text: str
    start: int
    end: int
    entity: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _flat_dict(self)


@dataclass(frozen=True, slots=True)
class Place:
    """Where it happened: the most specific place the sentence gives, with the linked
    entity's canonical name and coordinates when the gazetteer knows it."""

    text: str
    start: int
    end: int
    entity: str | None = None
    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return _flat_dict(self)


@dataclass(frozen=True, slots=True)
class When:
    """When it happened: the time expression (``text``, ``span_start``/``span_end`` in the
    article) resolved against the publication date to a day (``date``) or a range
    (``start``/``end``, ``YYYY-MM-DD``)."""

    text: str | None = None
    date: str | None = None
    start: str | None = None
    end: str | None = None
    span_start: int | None = None
    span_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return _flat_dict(self)


@dataclass(frozen=True, slots=True)
class Quantity:
    """How many: ``value`` for a stated count, ``min``/``max`` for a bound or a vague one
    (``عشرات`` 20–99, ``أكثر من 350`` min 351), ``unit`` what is counted (one English word)."""

    text: str
    start: int
    end: int
    value: int | float | None = None
    min: int | float | None = None
    max: int | float | None = None
    unit: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _flat_dict(self)


@dataclass(frozen=True, slots=True)
class Event:
    """One happening. ``claimed_by`` is the index (in ``Analysis.statements``) of the
    statement that reports it; none when the article states it in its own voice."""

    type: EventType
    trigger: Span
    actor: Participant | None = None
    target: Participant | None = None
    location: Place | None = None
    time: When | None = None
    quantity: Quantity | None = None
    claimed_by: int | None = None
    negated: bool = False

    def to_dict(self) -> dict[str, Any]:
        def part(x: Any) -> Any:
            return None if x is None else x.to_dict()

        return {
            "type": self.type,
            "trigger": self.trigger.to_dict(),
            "actor": part(self.actor),
            "target": part(self.target),
            "location": part(self.location),
            "time": part(self.time),
            "quantity": part(self.quantity),
            "claimed_by": self.claimed_by,
            "negated": self.negated,
        }


class Annotation(Protocol):
    """What every analysis result (entity, statement, event) offers."""

    def to_dict(self) -> dict[str, Any]: ...


@dataclass(slots=True)
class Analysis:
    """Everything rasid found in one article. Later stages fill the lists."""

    article: Article
    entities: list[Annotation] = field(default_factory=list)
    statements: list[Annotation] = field(default_factory=list)
    events: list[Annotation] = field(default_factory=list)
    models: dict[str, str] = field(default_factory=dict)
    # Work a stage shares with later ones (the article's tokens), never serialised.
    cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        from rasid import __version__

        return {
            "schema": ANALYSIS_SCHEMA,
            "rasid_version": __version__,
            "models": dict(self.models),
            "article": self.article.to_dict(),
            "entities": [e.to_dict() for e in self.entities],
            "statements": [s.to_dict() for s in self.statements],
            "events": [e.to_dict() for e in self.events],
        }
