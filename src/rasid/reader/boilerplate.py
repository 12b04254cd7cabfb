"""The Arabic boilerplate cleaner, shared by the HTML and the scraped-text readers.

It takes the blocks a reader found and returns the article's own blocks, everything else
in ``removed`` with a reason, and what the removed pieces told us (author, bio, dateline
place, agency). The patterns live in ``patterns.py``; credits ("الرياض - واس") are parsed
by ``credits.py``. Three passes:

1. whole blocks that are boilerplate wherever they stand (read-also, share bars, tags…);
2. the start of the story: wire datelines, credits, bylines glued to the first sentence;
3. the end of the story: tag blocks, links back to the site, contact footers, the author's
   name and bio, agency and photo credits — glued to the last sentence or on lines of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rasid.arabic.normalize import normalize_with_map
from rasid.reader import patterns as P
from rasid.reader.blocks import FINAL_PUNCT, Block, is_heading_shaped
from rasid.reader.credits import Credit, is_person_name, parse_credit
from rasid.schema import Removed

REASONS: dict[str, str] = {
    "read-also": "a 'read also' or 'read more' link to another page",
    "related": "a related-content header or link list",
    "author-bio": "the author's biography",
    "byline": "the author's byline (kept as the author)",
    "dateline": "a dateline: place and agency or reporter (kept as metadata)",
    "agency-credit": "a news agency or syndication credit (kept as the agency)",
    "photo-credit": "a photographer's credit",
    "share": "share, print or send buttons",
    "tags": "the list of tags",
    "comments": "a comment prompt or comment policy",
    "site-ui": "site interface text (back to top, subscribe, follow us, sliders)",
    "source-link": "a link back to the story on the outlet's site",
    "contact": "how to reach the writer (e-mail, handle, SMS code, fax)",
    "wire-marker": "a news-wire control line (// انتهى //, NNNN, a time stamp)",
    "copyright": "a copyright line",
    "title-repeat": "the title repeated in the body",
    "duplicate": "a paragraph repeated verbatim",
    "timestamp": "a 'published on' or 'updated on' line (the date is metadata)",
}

# a tatweel after a space, or closing a word of two letters or more before a space, is a dash
# ("الرياضي ـ جدة", "مكة المكرمةـ الوئام"); "بـ 50" and "لـ«عكاظ»" keep theirs
_TATWEEL_DASH = re.compile(r"(?<=\s)\u0640+|(?<=[\u0621-\u064a]{2})\u0640+(?=\s)")
_GENERIC_AUTHORS = {"متابعات", "وكالات", "محرر", "المحرر", "الموقع", "admin", "editor", "staff"}
_NOT_A_NAME = re.compile(r"https?|www\.|\.com|\.net|logo|\.png|\.jpg|\d|زاير", re.I)
_NAME_CHARS = re.compile(r"^[\u0621-\u064a\u0671-\u06d3\s.]+$")
_MAX_CREDIT_WORDS = 10


class _Line:
    """A block's text with its normalised form and the map back to the original.

    A tatweel that follows a space is a dash (``الرياضي ـ جدة``); it becomes ``-`` before
    normalising (same length, so offsets hold), where it would otherwise vanish.
    """

    __slots__ = ("text", "norm", "_map")

    def __init__(self, text: str) -> None:
        self.text = text
        dashed = _TATWEEL_DASH.sub(lambda m: "-" + m.group()[1:], text)
        self.norm, self._map = normalize_with_map(dashed)

    def pos(self, norm_pos: int) -> int:
        """The original offset of normalised offset ``norm_pos``."""
        return self._map[norm_pos] if norm_pos < len(self._map) else len(self.text)

    def cut(self, norm_pos: int) -> str:
        """The original text from normalised offset ``norm_pos`` on, stripped."""
        return self.text[self.pos(norm_pos) :].strip()

    def span(self, start: int, end: int) -> str:
        return self.text[self.pos(start) : self.pos(end)].strip()


@dataclass(slots=True)
class Cleaned:
    """What the cleaner kept, removed, and learnt."""

    blocks: list[Block]
    _removed: list[tuple[int, int, Removed]] = field(default_factory=list)
    author: str | None = None
    author_bio: str | None = None
    dateline: str | None = None
    agency: str | None = None

    _lines: dict[str, _Line] = field(default_factory=dict)

    def line(self, text: str) -> _Line:
        """The normalised view of ``text``, computed once per text and clean() call."""
        found = self._lines.get(text)
        if found is None:
            found = self._lines[text] = _Line(text)
        return found

    def drop(self, position: int, text: str, reason: str) -> None:
        """Record ``text`` (from the input block at ``position``) as removed."""
        self._removed.append((position, len(self._removed), Removed(text, reason)))

    @property
    def removed(self) -> list[Removed]:
        """Everything removed, in the order it stood in the input."""
        return [r for _, _, r in sorted(self._removed, key=lambda item: item[:2])]

    def take_credit(self, line: _Line, credit: Credit, start: int = 0) -> None:
        """Keep what a credit says as metadata (the first of each kind wins)."""
        places = credit.places or credit.guessed_places
        if places and self.dateline is None:
            a, b = places[0]
            self.dateline = line.span(start + a, start + b)
        if credit.agencies and self.agency is None:
            self.agency = credit.agencies[0]
        if credit.names and self.author is None:
            self.author = "، ".join(line.span(start + a, start + b) for a, b in credit.names)


# ---------------------------------------------------------------------------------------------
# authors in metadata
# ---------------------------------------------------------------------------------------------
def strip_author_prefix(author: str) -> str:
    """'بواسطة فلان' / 'كتب: فلان' → 'فلان' (on the original spelling)."""
    line = _Line(author.strip())
    match = P.BYLINE_PREFIX.match(line.norm)
    return line.cut(match.end()) if match else author.strip()


def clean_author(raw: str | None, url: str | None = None) -> str | None:
    """The author names in a page's metadata, without prefixes, site names and junk.

    ``'Akhbarelyom; Heba Musa'`` → ``'Heba Musa'``; ``'بواسطة فلان'`` → ``'فلان'``.
    """
    if not raw:
        return None
    host = (url or "").lower()
    kept: list[str] = []
    for part in re.split(r"[;|,،]", raw):
        name = " ".join(strip_author_prefix(part).split())
        if not name or _NOT_A_NAME.search(name):
            continue
        words = name.split()
        if len(words) == 1 and (
            not re.search(r"[\u0600-\u06ff]", name)
            or name.lower() in _GENERIC_AUTHORS
            or (host and name.lower() in host)
        ):
            continue
        if name.lower() in _GENERIC_AUTHORS or name in kept:
            continue
        kept.append(name)
    return "، ".join(kept) or None


def _is_name(text: str) -> bool:
    return not text.endswith(FINAL_PUNCT) and is_person_name(_Line(text).norm)


# ---------------------------------------------------------------------------------------------
# pass 1: whole blocks
# ---------------------------------------------------------------------------------------------
def _line_reason(norm: str) -> str | None:
    """Why a whole block is boilerplate wherever it stands, or ``None``."""
    words = len(norm.split())
    if P.READ_ALSO.match(norm):
        return "read-also"
    if P.RELATED_HEADER.match(norm):
        return "related"
    if P.TAGS.match(norm):
        return "tags"
    if P.COMMENTS.match(norm):
        return "comments"
    if P.SITE_UI.match(norm):
        return "site-ui"
    if P.SOURCE_LINK.match(norm):
        return "source-link"
    if words <= 12 and P.SHARE_LINE.match(norm):
        return "share"
    if P.TIMESTAMP.match(norm):
        return "timestamp"
    if norm.strip() and P.WIRE_MARKER.match(norm):
        return "wire-marker"
    if words <= 8 and P.PHOTO_CREDIT.match(norm):
        return "photo-credit"
    if words <= 6 and P.CONTACT_LINE.match(norm):
        return "contact"
    if words <= 15 and P.COPYRIGHT.search(norm):
        return "copyright"
    return None


def _repeats_title(norm: str, title_norm: str) -> bool:
    """The title again, or the title without (or with) the site name around it."""
    if norm == title_norm:
        return True
    if len(norm.split()) < 3 or len(norm) > 2 * len(title_norm) + 10:
        return False
    return norm in title_norm or (title_norm in norm and is_heading_shaped(norm))


def clean(blocks: list[Block], title: str | None = None, author: str | None = None) -> Cleaned:
    """Separate the article's own blocks from boilerplate."""
    out = Cleaned(blocks=[])
    known_author = strip_author_prefix(author) if author else None
    if known_author:  # what the page's metadata says wins over guesses from the body
        out.author = _author_from_credit(known_author, out)
    title_norm = _Line(title).norm.strip() if title else None
    seen: set[str] = set()
    after_related = False
    for position, block in enumerate(blocks):
        block = Block(block.text, block.kind, position)
        line = out.line(block.text)
        norm = line.norm
        reason = _line_reason(norm)
        if reason == "related":
            after_related = True
        elif (
            reason is None and after_related and len(norm.split()) <= 20 and not norm.endswith(".")
        ):
            reason = "related"  # the link titles under a related-content header
        elif reason is None:
            after_related = False
        if reason is None and title_norm and _repeats_title(norm, title_norm):
            reason = "title-repeat"
        if reason is None and norm in seen and len(norm.split()) <= 30:
            reason = "duplicate"
        if reason is None:
            byline = P.BYLINE.match(norm)
            if byline and len(norm.split()) <= 6 and not norm.endswith("."):
                reason = "byline"
                if out.author is None:
                    out.author = line.cut(byline.start("name"))
        if reason is not None:
            out.drop(position, block.text, reason)
            continue
        seen.add(norm)
        out.blocks.append(block)
    _clean_start(out, known_author)
    _clean_end(out, known_author)
    _clean_paragraph_starts(out)
    return out


def _author_from_credit(author: str, out: Cleaned) -> str | None:
    """A corpus 'author' that is really a credit ('جدة - واس', 'الرياض - فلان') gives its
    names (or none: 'القاهرة-الوئام:' names no person); anything else is kept as it is."""
    line = _Line(author.replace(":", "-"))  # 'الرياض: فارس السبيعي' (same length: offsets hold)
    credit = parse_credit(line.norm.rstrip(" -"))
    # in the author field a name beside one unknown word is a credit too ("حسين أحمد - سيهات")
    if credit is None or not (credit.known or (credit.names and credit.guessed_places)):
        return author
    out.take_credit(line, credit)
    return out.author


# ---------------------------------------------------------------------------------------------
# pass 2: the start of the story
# ---------------------------------------------------------------------------------------------
def _first_body(out: Cleaned, skip: int) -> int | None:
    """The index of the first body block, after ``skip`` short subtitle-like ones."""
    for i, block in enumerate(out.blocks):
        if block.kind == "body":
            if skip == 0:
                return i
            if not is_heading_shaped(block.text):
                return None
            skip -= 1
    return None


def _replace(out: Cleaned, i: int, text: str) -> None:
    block = out.blocks[i]
    if text:
        out.blocks[i] = Block(text, block.kind, block.position)
    else:
        del out.blocks[i]


def _credit_prefix(line: _Line) -> tuple[int, Credit] | None:
    """A credit glued to the start of a paragraph: 'بدر الجبل- سبق- تبوك: أكدت…' or
    'قاسم الزرعي – عين اليوم أوضح…'. Returns the normalised end of the credit."""
    norm = line.norm
    head = norm[:160]
    colon = head.find(":")
    if (
        0 < colon
        and len(head[:colon].split()) <= _MAX_CREDIT_WORDS
        and re.search(P.DASH + r"|\(", head[:colon])
    ):
        credit = parse_credit(head[:colon])
        if (
            credit
            and credit.known
            and (credit.agencies or credit.outlets or len(credit.places) + len(credit.names) >= 2)
        ):
            return colon + 1, credit
    # no colon: the credit must end in an agency or the outlet's own name, after a dash
    words = list(re.finditer(r"\S+", head))
    for k in range(min(len(words), 7), 1, -1):
        end = words[k - 1].end()
        candidate = head[:end]
        if not re.search(P.DASH, candidate):
            continue
        credit = parse_credit(candidate)
        if credit and (credit.agencies or credit.outlets) and len(norm[end:].split()) >= 3:
            last = re.split(P.DASH, candidate)[-1].strip(" ()«»")
            if P.agency_name(last) or last in P.OUTLET_CREDITS:
                return end, credit
    return None


def _clean_start(out: Cleaned, known_author: str | None) -> None:
    skip = 0  # short subtitles may stand before the credit: look past up to two of them
    for _ in range(6):  # several things can open a story: a slider label, then a byline…
        i = _first_body(out, skip)
        if i is None:
            return
        block = out.blocks[i]
        line = out.line(block.text)
        norm = line.norm
        if norm.lower().startswith("next previous"):
            out.drop(block.position, block.text[: line.pos(len("next previous"))], "site-ui")
            _replace(out, i, line.cut(len("next previous")))
            continue
        share = re.match(r"^شارك\s+من\s+خلال\s+(?:تويتر|فيسبوك|جوجل\s+بلس|اكتب\s+رايك|\s)+", norm)
        if share:
            out.drop(block.position, line.span(0, share.end()), "share")
            _replace(out, i, line.cut(share.end()))
            continue
        wire = P.WIRE_DATELINE.match(norm)
        if wire:
            out.dateline = out.dateline or line.span(wire.start("place"), wire.end("place"))
            out.agency = out.agency or P.agency_name(wire.group("agency"))
            out.drop(block.position, line.span(0, wire.end()), "dateline")
            _replace(out, i, line.cut(wire.end()))
            continue
        if known_author:
            author_norm = _Line(known_author).norm
            if len(author_norm) >= 3 and norm.startswith(author_norm):
                rest = re.match(r"[\s:\-–—]*", norm[len(author_norm) :])
                end = len(author_norm) + (rest.end() if rest else 0)
                if len(norm[end:].split()) >= 3:
                    out.drop(block.position, line.span(0, end), "byline")
                    _replace(out, i, line.cut(end))
                    continue
        agency_line = P.AGENCY_ONLY.match(norm)
        if agency_line:
            out.agency = out.agency or P.agency_name(agency_line.group("agency"))
            out.drop(block.position, block.text, "agency-credit")
            _replace(out, i, "")
            continue
        # a credit on a line of its own: "نايف عبدالله – عين اليوم", "الرياض - واس"
        words = len(norm.split())
        following = out.blocks[i + 1] if i + 1 < len(out.blocks) else None
        if (
            words <= _MAX_CREDIT_WORDS
            and not norm.endswith(FINAL_PUNCT[:5])
            and following is not None
        ):
            credit = parse_credit(norm.rstrip(" :"))
            if credit and credit.known and (re.search(P.DASH + r"|\(", norm) or credit.agencies):
                out.take_credit(line, credit)
                out.drop(block.position, block.text, "dateline" if credit.places else "byline")
                _replace(out, i, "")
                continue
        prefix = _credit_prefix(line)
        if prefix:
            end, credit = prefix
            out.take_credit(line, credit)
            out.drop(block.position, line.span(0, end), "dateline" if credit.places else "byline")
            _replace(out, i, line.cut(end).lstrip(" -–—:"))
            continue
        legacy = _old_style_dateline(line)
        if legacy:
            end, place, agency = legacy
            out.dateline = out.dateline or place
            out.agency = out.agency or agency
            out.drop(block.position, line.span(0, end), "dateline")
            _replace(out, i, line.cut(end))
            continue
        outlet = re.match(r"^(?P<credit>[^\s:.،,]+(?:\s+[^\s:.،,]+){0,3})\s*:\s*[-–—]\s*", norm)
        if outlet and len(norm[outlet.end() :].split()) >= 3:  # "المدينة نيوز :- بلغت…"
            out.drop(block.position, line.span(0, outlet.end()), "byline")
            _replace(out, i, line.cut(outlet.end()))
            continue
        if not is_heading_shaped(block.text) or skip == 2:
            return
        skip += 1


_PLACE_RE = (
    r"(?P<place>[^\s\d:،,.()\-–—]+(?:\s+[^\s\d:،,.()\-–—]+){0,2}(?:\s*[،,]\s*[^\s\d:،,.()\-–—]+)?)"
)
_CNN_STYLE = re.compile(rf"^{_PLACE_RE}\s*\(\s*(?P<agency>{P.AGENCY})\s*\)\s*[-–—]{{1,2}}\s*", re.I)


def _old_style_dateline(line: _Line) -> tuple[int, str, str | None] | None:
    """'دمشق، سوريا (CNN) -- أكدت…': a place whose agency stands in brackets."""
    match = _CNN_STYLE.match(line.norm)
    if not match or len(line.norm[match.end() :].split()) < 3:
        return None
    place = line.span(match.start("place"), match.end("place"))
    return match.end(), place, P.agency_name(match.group("agency"))


# ---------------------------------------------------------------------------------------------
# pass 3: the end of the story
# ---------------------------------------------------------------------------------------------
_TAILS: tuple[tuple[re.Pattern[str], str], ...] = (
    (P.SOURCE_LINK, "source-link"),
    (P.OTHER_ARTICLES, "related"),
    (P.TAG_TAIL, "tags"),
    (P.MORE_TAIL, "read-also"),
    (P.WIRE_TAIL, "wire-marker"),
)


def _cut_tail(out: Cleaned, i: int, line: _Line, start: int, reason: str) -> None:
    block = out.blocks[i]
    out.drop(block.position, line.cut(start), reason)
    _replace(out, i, line.span(0, start))


def _clean_end(out: Cleaned, known_author: str | None) -> None:
    for _ in range(12):
        if not out.blocks:
            return
        i = len(out.blocks) - 1
        last = out.blocks[i]
        line = out.line(last.text)
        norm = line.norm
        tail = _tail_match(norm)
        if tail is not None:
            start, reason = tail
            if start == 0 and len(out.blocks) == 1:
                return  # never empty the article; the caller decides what no body means
            _cut_tail(out, i, line, start, reason)
            continue
        footer = P.CONTACT_FOOTER.search(norm)
        if footer:
            start = footer.start() + (1 if norm[footer.start()].isspace() else 0)
            email = P.EMAIL_TAIL.search(norm[:start])
            _cut_tail(out, i, line, email.start() if email else start, "contact")
            continue
        footer_above = _footer_above(out)
        if footer_above is not None:
            for block in out.blocks[footer_above:]:
                out.drop(block.position, block.text, "contact")
            del out.blocks[footer_above:]
            continue
        syndication = P.SYNDICATION.match(norm)
        if syndication and len(out.blocks) > 1:
            service = syndication.group("service") or syndication.group("service2")
            out.agency = out.agency or (
                line.span(*syndication.span("service")) if syndication.group("service") else service
            )
            out.drop(last.position, last.text, "agency-credit")
            del out.blocks[i]
            continue
        if P.STAR_BIO.match(norm) and len(out.blocks) >= 2:
            out.author_bio = out.author_bio or last.text.lstrip("* ").strip()
            out.drop(last.position, last.text, "author-bio")
            del out.blocks[i]
            continue
        if _take_author_at_end(out, known_author):
            continue
        whole = P.AGENCY_ONLY.match(norm)
        if whole and len(out.blocks) > 1:
            out.agency = out.agency or P.agency_name(whole.group("agency"))
            out.drop(last.position, last.text, "agency-credit")
            del out.blocks[i]
            continue
        credit_tail = P.AGENCY_TAIL.search(norm)
        if credit_tail and len(norm.split()) > 4:
            agency = next(g for g in credit_tail.group("agency", "agency2", "agency3") if g)
            out.agency = out.agency or P.agency_name(agency)
            _cut_tail(out, i, line, credit_tail.start(), "agency-credit")
            continue
        photo = P.PHOTO_CREDIT_INLINE.search(norm)
        if photo and photo.end() >= len(norm.rstrip(" .")) and len(norm.split()) > 4:
            _cut_tail(out, i, line, photo.start(), "photo-credit")
            continue
        return


def _tail_match(norm: str) -> tuple[int, str] | None:
    for pattern, reason in _TAILS:
        match = pattern.search(norm)
        if match and match.group().strip():
            return match.start(), reason
    return None


_FOOTER_START = re.compile(r"^(?:[\w.+-]+@[\w-]+(?:\.[a-z]{2,})+)?\s*(?:للتواصل|لمراسله\s+الكاتب)")


def _footer_above(out: Cleaned) -> int | None:
    """A contact footer broken over the last few lines ('للتواصل مع الكاتب…' / '88591 - Stc')."""
    for i in range(len(out.blocks) - 1, max(0, len(out.blocks) - 6), -1):
        norm = out.line(out.blocks[i].text).norm
        if len(norm.split()) > 25:
            return None
        if _FOOTER_START.match(norm):
            return i if i > 0 else None
    return None


def _take_author_at_end(out: Cleaned, known_author: str | None) -> bool:
    """The author's name (and bio) after the last paragraph become metadata."""
    blocks = out.blocks
    if (
        len(blocks) >= 3
        and P.BIO_START.match(_Line(blocks[-1].text).norm)
        and _is_name(blocks[-2].text)
    ):
        bio, name = blocks.pop(), blocks.pop()
        out.drop(name.position, name.text, "byline")
        out.drop(bio.position, bio.text, "author-bio")
        out.author = out.author or name.text
        out.author_bio = bio.text
        return True
    if len(blocks) >= 2:
        last = blocks[-1].text
        norm = out.line(last).norm
        known = known_author and norm == _Line(known_author).norm
        if known or (_is_name(last.lstrip("-– ")) and blocks[-2].text.endswith(FINAL_PUNCT)):
            out.drop(blocks.pop().position, last, "byline")
            out.author = out.author or last.lstrip("-– ")
            return True
        if re.match(r"^[-–—]\s*\S+(?:\s\S+)?$", norm) and blocks[-2].text.endswith(FINAL_PUNCT):
            out.drop(blocks.pop().position, last, "byline")  # a writer's sign-off: "- بريدة"
            return True
        if (
            len(norm.split()) <= 8
            and P.CAPTION_CUES.match(norm)
            and not last.endswith(FINAL_PUNCT)
            and blocks[-2].text.endswith(FINAL_PUNCT)
        ):
            out.drop(blocks.pop().position, last, "photo-credit")
            return True
    return False


# ---------------------------------------------------------------------------------------------
# every paragraph: digests of wire items, each opening "لندن - أ.ف.ب:"
# ---------------------------------------------------------------------------------------------
_ITEM_DATELINE = re.compile(
    rf"^[^\d:.،]{{2,30}}?\s*{P.DASH}\s*[«\"]?(?:{P.AGENCY}|الشرق\s+الاوسط)[»\"]?\s*:\s*", re.I
)


def _clean_paragraph_starts(out: Cleaned) -> None:
    for i, block in enumerate(out.blocks):
        if block.kind != "body":
            continue
        line = out.line(block.text)
        match = _ITEM_DATELINE.match(line.norm)
        if match and len(line.norm[match.end() :].split()) >= 3:
            credit = parse_credit(line.norm[: match.end()].rstrip(" :"))
            if credit and credit.known:
                out.drop(block.position, line.span(0, match.end()), "dateline")
                out.blocks[i] = Block(line.cut(match.end()), block.kind, block.position)
