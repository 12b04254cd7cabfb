"""The entity stage of the pipeline: tagger + gazetteer + institutions → linked entities.

1. Sentences and tokens of ``Article.text`` (``rasid.arabic``).
2. The CRF tagger tags each sentence; document-level consistency spreads names it found.
3. Institution patterns (``وزارة الدفاع الروسية``) and gazetteer names (``بيرديانسك``) add
   what the tagger, trained on 2007 news, does not know; where spans overlap, the
   institution wins over the tagger and the tagger over a bare gazetteer name.
4. Linking: each mention is looked up in the gazetteer (canonical name, id, coordinates);
   a surname alone takes the canonical of the full name met earlier in the article.

Offsets never include a leading conjunction or preposition: ``وخاركيف`` → ``خاركيف``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rasid.arabic import split_sentences, tokenize
from rasid.arabic.normalize import normalize
from rasid.arabic.tokens import Token
from rasid.entities.consistency import propagate
from rasid.entities.gazetteer import GazEntry, Gazetteer
from rasid.entities.institutions import find_institutions
from rasid.entities.scoring import chunks
from rasid.entities.tagger import Tagger
from rasid.schema import Analysis, Entity

_CONJUNCTIONS = ("و", "ف")
# Words a name never begins or ends with (normalised): prepositions, particles, pronouns.
FUNCTION_WORDS = frozenset(
    normalize(w)
    for w in (
        "من في على إلى الى عن مع أي كل بعض هذا هذه ذلك تلك التي الذي الذين قد لقد إن أن"
        " كان كانت لا لم لن ما هو هي هم أنه أنها إنه بين عند منذ حتى ثم أو أم بل"
    ).split()
)


def _is_function_word(token: Token) -> bool:
    stem = normalize(token.stem)
    return stem in FUNCTION_WORDS or (stem[:1] in _CONJUNCTIONS and stem[1:] in FUNCTION_WORDS)


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    label: str
    entry: GazEntry | None = None
    canonical: str | None = None
    country: str | None = None
    priority: int = 0


def sentence_tokens(text: str) -> tuple[list[Token], list[list[Token]]]:
    """All tokens of ``text``, and the same tokens grouped by sentence."""
    tokens = tokenize(text)
    sentences: list[list[Token]] = []
    at = 0
    for sentence in split_sentences(text):
        group: list[Token] = []
        while at < len(tokens) and tokens[at].start < sentence.end:
            if tokens[at].start >= sentence.start:
                group.append(tokens[at])
            at += 1
        if group:
            sentences.append(group)
    return tokens, sentences


def entity_start(token: Token, known: bool) -> int:
    """Where a name written with clitics begins: after و/ف always; after ب/ل/ك only when
    the rest is a known word (the tokenizer may split an unknown name like بيرديانسك)."""
    if token.kind != "word" or token.stem_start == token.start:
        return token.start
    prefix = token.prefix
    article = 2 if token.definite and prefix.endswith(("ال", "ٱل")) else 0
    if prefix.startswith(_CONJUNCTIONS) or known:
        return token.stem_start - article
    return token.start


@dataclass
class EntityRecognizer:
    """Pipeline component: fills ``analysis.entities``."""

    tagger: Tagger
    gazetteer: Gazetteer
    name: str = "entities"
    requires: tuple[str, ...] = ("article.text",)
    assigns: tuple[str, ...] = ("entities",)
    _known: dict[str, bool] = field(default_factory=dict, repr=False)

    @property
    def version(self) -> str:
        return f"{self.tagger.meta.get('name', 'ner')}@{self.tagger.version}"

    def _is_known(self, token: Token) -> bool:
        stem = normalize(token.stem)
        clusters = self.tagger.resources.clusters
        return (clusters is not None and stem in clusters) or self.gazetteer.lookup(
            token.stem
        ) is not None

    def _is_demonym(self, token: Token) -> bool:
        """A nationality adjective: a curated demonym (``الأمريكي``), or the regular
        nisba of a country the gazetteer knows (``الكيني`` from كينيا, ``الغاني`` from
        غانا, ``الأردني`` from الأردن)."""
        entry = self.gazetteer.lookup(token.text)
        if entry is not None:
            return entry.kind == "demonym"
        stem = normalize(token.stem)
        if not token.definite or len(stem) < 4 or not stem.endswith("ي"):
            return False
        base = stem[:-1]  # كيني → كين: the country is كينيا, غانا, الأردن or مصر
        for name in (base + "يا", base + "ا", base, "ال" + base):
            found = self.gazetteer.lookup(name)
            if found is not None and found.kind == "country":
                return True
        return False

    def _trim(self, group: list[Token], first: int, last: int) -> tuple[int, int]:
        """Tighten a tagged span: function words at its edges go (``على خاركيف``), and a
        span that is a gazetteer name plus words it cannot explain is cut back to the name
        (``أوكرانيا تشترط`` in a headline)."""
        while first < last and _is_function_word(group[first]):
            first += 1
        while last > first and _is_function_word(group[last - 1]):
            last -= 1
        if last - first > 1:
            span = group[first:last]
            whole = self.gazetteer.lookup(" ".join(t.text for t in span))
            if whole is None:
                for match in self.gazetteer.match(span):
                    if match.first == 0 and match.entry.kind in ("country", "capital", "city"):
                        return first, first + match.last + 1
        return first, last

    def __call__(self, analysis: Analysis) -> None:
        tokens, sentences = sentence_tokens(analysis.article.text)
        analysis.cache["tokens"] = tokens  # the statement stage reads the same tokens
        analysis.entities = list(self.find(analysis.article.text, (tokens, sentences)))

    def find(
        self, text: str, tokenized: tuple[list[Token], list[list[Token]]] | None = None
    ) -> list[Entity]:
        tokens, sentences = tokenized or sentence_tokens(text)
        scanned = self.gazetteer.scan(tokens)  # one scan for the tagger, institutions, names
        shared = scanned if self.tagger.resources.gazetteer is self.gazetteer else None
        tags = propagate(sentences, self.tagger.tag_sentences(sentences, tokens, shared))
        mentions: list[_Mention] = []
        for match in find_institutions(tokens, text, self.gazetteer, scanned):
            mentions.append(
                _Mention(match.start, match.end, "ORG", None, match.canonical, match.country, 3)
            )
        for group, group_tags in zip(sentences, tags, strict=True):
            for kind, first, last in sorted(chunks(group_tags), key=lambda c: c[1]):
                first, last = self._trim(group, first, last)
                if kind == "PER" and last - first > 1 and self._is_demonym(group[first]):
                    first += 1  # الكيني أوهورو كينياتا: the adjective is no part of the name
                if first >= last:
                    continue
                start = entity_start(group[first], self._is_known(group[first]))
                mentions.append(_Mention(start, group[last - 1].end, kind, priority=2))
        tagged = [(m.start, m.end) for m in mentions if m.priority == 2]
        for match in self.gazetteer.match(tokens, scanned=scanned):
            entry = match.entry
            # a longer gazetteer name around a tagged span wins (روسيا البيضاء over روسيا)
            longer = any(
                match.start <= s and e <= match.end and (e - s) < (match.end - match.start)
                for s, e in tagged
            )
            priority = 2 if longer else 1
            mentions.append(_Mention(match.start, match.end, entry.label, entry, priority=priority))
        return self._resolve(text, mentions)

    def _resolve(self, text: str, mentions: list[_Mention]) -> list[Entity]:
        kept: list[_Mention] = []
        taken: list[tuple[int, int]] = []
        for mention in sorted(mentions, key=lambda m: (-m.priority, m.start - m.end, m.start)):
            if any(mention.start < e and s < mention.end for s, e in taken):
                continue
            kept.append(mention)
            taken.append((mention.start, mention.end))
        kept.sort(key=lambda m: m.start)
        entities: list[Entity] = []
        people: dict[str, str] = {}  # last name → canonical of the full name
        for mention in kept:
            surface = text[mention.start : mention.end]
            entry = (
                mention.entry
                or self.gazetteer.lookup(surface, mention.label)
                or self.gazetteer.lookup(surface)
            )
            label = mention.label
            if entry is not None and entry.kind != "demonym":
                if entry.label != label and entry.kind in ("country", "city", "region", "agency"):
                    label = entry.label
                canonical = entry.canonical
            else:
                entry = None
                canonical = mention.canonical or surface
            if label == "PER":
                words = canonical.split()
                if len(words) == 1 and normalize(words[0]) in people:
                    canonical = people[normalize(words[0])]
                elif len(words) > 1:
                    people.setdefault(normalize(words[-1]), canonical)
            entities.append(
                Entity(
                    text=surface,
                    label=label,  # type: ignore[arg-type]
                    start=mention.start,
                    end=mention.end,
                    canonical=canonical,
                    id=entry.id if entry else None,
                    lat=entry.lat if entry else None,
                    lon=entry.lon if entry else None,
                    country=(entry.country if entry else None) or mention.country,
                )
            )
        return entities
