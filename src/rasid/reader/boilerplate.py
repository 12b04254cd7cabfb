"""The Arabic boilerplate cleaner, shared by the HTML and the scraped-text readers.

It takes the blocks a reader found and returns the article's own blocks, everything
else in ``removed`` with a reason, and what the removed pieces told us (author, bio,
dateline place, agency). Patterns are written over ``normalize``-d text (no diacritics,
one alef, ه for ة, ي for ى), so one pattern covers the spelling variants.

The patterns come from reading the real corpora in ``../shared/data/news``; see
``docs/architecture.md`` for how they were found and measured.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rasid.arabic.normalize import normalize, normalize_with_map
from rasid.reader.blocks import FINAL_PUNCT, Block, is_heading_shaped
from rasid.schema import Removed

REASONS: dict[str, str] = {
    "read-also": "a 'read also' link to another article",
    "related": "a related-content header or link list",
    "author-bio": "the author's biography",
    "byline": "the author's byline (kept as the author)",
    "dateline": "a dateline: place and agency or reporter (kept as metadata)",
    "agency-credit": "a news agency credit (kept as the agency)",
    "share": "share, print or send buttons",
    "tags": "the list of tags",
    "comments": "a comment prompt or comment policy",
    "site-ui": "site interface text (back to top, subscribe, follow us)",
    "copyright": "a copyright line",
    "title-repeat": "the title repeated in the body",
    "duplicate": "a paragraph repeated verbatim",
    "timestamp": "a 'published on' or 'updated on' line (the date is metadata)",
}

# ---------------------------------------------------------------------------
# Patterns (over normalised text)
# ---------------------------------------------------------------------------
_SEP = r"\s*[:：\-–—|]+\s*"
_READ_ALSO = re.compile(
    r"^(?:اقرا|اقراي|طالع|طالعوا|شاهد|اطلع|انظر)\s*(?:ايضا|ايضًا|كذلك|المزيد|اكثر)?\s*[:：\-–—]"
    r"|^(?:اقرا|طالع)\s+(?:ايضا|كذلك)\b"
    r"|^للمزيد\s*(?:من\s+\S+\s*)?[:：]"
)
_RELATED_HEADER = re.compile(
    r"^(?:(?:مقالات|اخبار|مواضيع|موضوعات|تقارير|روابط)\s+(?:ذات\s+صله|متعلقه|مشابهه|مرتبطه|اخري)"
    r"|ذات\s+صله|قد\s+يهمك(?:\s+ايضا)?|قد\s+يعجبك(?:\s+ايضا)?|الاكثر\s+(?:قراءه|مشاهده|تداولا)"
    r"|المزيد\s+من\s+(?:الاخبار|المقالات)|اقرا\s+المزيد|اخبار\s+اخري|شاهد\s+ايضا)\s*[:：]?$"
)
_SHARE_WORDS = (
    r"شارك|مشاركه|شاركها|شارك\s+الخبر|شارك\s+المقال|طباعه|اطبع|ارسل|ارسال|ارسل\s+لصديق|حفظ|نسخ\s+الرابط"
    r"|فيسبوك|فيس\s+بوك|تويتر|واتساب|واتس\s+اب|تيليجرام|تلغرام|لينكد\s*ان|انستغرام|انستجرام|يوتيوب"
    r"|البريد\s+الالكتروني|facebook|twitter|whatsapp|telegram|linkedin|email|print|share|x"
)
_SHARE_LINE = re.compile(rf"^(?:(?:{_SHARE_WORDS})[\s:،,|/\-–]*){{1,12}}$", re.I)
_TAGS = re.compile(
    r"^(?:الوسوم|وسوم|الكلمات\s+(?:المفتاحيه|الدالة|الداله)|كلمات\s+مفتاحيه|tags)\s*[:：]", re.I
)
_COMMENTS = re.compile(
    r"^(?:اضف|اضافه|اترك|اكتب)\s+(?:تعليق|تعليقا|تعليقك)"
    r"|^(?:التعليقات|تعليقات\s+الزوار|لا\s+توجد\s+تعليقات)\s*[:：]?$"
    r"|^الاراء\s+الوارده\s+(?:ادناه|في\s+التعليقات)"
    r"|^ترحب\s+(?:شبكه|صحيفه|جريده)\s+\S+\s+بالنقاش"
)
_SITE_UI = re.compile(
    r"^(?:زر\s+الذهاب\s+الي\s+الاعلي|الذهاب\s+الي\s+الاعلي|العوده\s+الي\s+الاعلي|الي\s+الاعلي"
    r"|اشترك\s+في\s+(?:النشره|القائمه)\S*|تابعونا\s+علي\s+.{0,40}|تابعنا\s+علي\s+.{0,40}"
    r"|حمل\s+تطبيق\s+.{0,40}|الصفحه\s+الرئيسيه|اغلاق|القائمه\s+الرئيسيه)\s*$"
)
_TIMESTAMP = re.compile(
    r"^(?:تم\s+نشره|نشر\s+في|نشر\s+بتاريخ|تاريخ\s+النشر|اخر\s+تحديث|تم\s+التحديث|تاريخ\s+التحديث"
    r"|محدث|منذ\s+\d+\s+(?:دقيقه|دقائق|ساعه|ساعات|يوم|ايام))\b.{0,60}$"
)
_COPYRIGHT = re.compile(r"(?:^|\s)(?:جميع\s+الحقوق\s+محفوظه|©|copyright)", re.I)

# bylines: "بقلم: فلان", "كتب - فلان", "حوار: فلانة"
_BYLINE = re.compile(
    r"^(?:بقلم|كتب|كتبت|حوار|اعداد|اعدته|تقرير|متابعه|متابعات|بواسطه|تحرير|ترجمه|تصوير)"
    r"\s*[:：\-–—]?\s*(?P<name>\S.{0,60})$"
)
BYLINE_PREFIX = re.compile(
    r"^\s*(?:بقلم|كتب|كتبت|حوار|اعداد|بواسطه|تحرير|by)\s*[:：\-–—]?\s*", re.I
)

# News agencies, as written in credits (normalised), with the name we record.
AGENCIES: dict[str, str] = {
    "واس": "واس",
    "ا ف ب": "أ ف ب",
    "ا.ف.ب": "أ ف ب",
    "فرانس برس": "أ ف ب",
    "رويترز": "رويترز",
    "د ب ا": "د ب أ",
    "د.ب.ا": "د ب أ",
    "الاناضول": "الأناضول",
    "كونا": "كونا",
    "وام": "وام",
    "بنا": "بنا",
    "قنا": "قنا",
    "العمانيه": "العمانية",
    "سبا": "سبأ",
    "اسوشيتد برس": "أسوشيتد برس",
    "ا ب": "أ ب",
    "شينخوا": "شينخوا",
    "سانا": "سانا",
    "وفا": "وفا",
    "بترا": "بترا",
    "cnn": "CNN",
    "وكالات": "وكالات",
}
_AGENCY_ALT = "|".join(sorted((re.escape(a) for a in AGENCIES), key=len, reverse=True))
_DASH = r"\s*[-–—]{1,2}\s*"
# "الرياض - واس", "جدة – نايف عبدالله", "دمشق، سوريا (CNN) --"
_PLACE = r"(?P<place>[^\s\d:،,.()\-–—]+(?:\s+[^\s\d:،,.()\-–—]+){0,2}(?:\s*[،,]\s*[^\s\d:،,.()\-–—]+){0,1})"
_DATELINE_AGENCY = re.compile(
    rf"^{_PLACE}\s*(?:\(\s*(?P<agency1>{_AGENCY_ALT})\s*\))?{_DASH}(?:\(?\s*(?P<agency2>{_AGENCY_ALT})\s*\)?)?\s*[:：]?\s*",
    re.I,
)
_DATELINE_REPORTER = re.compile(
    rf"^{_PLACE}{_DASH}(?P<name>[^\s\d:،,.()\-–—]+(?:\s+[^\s\d:،,.()\-–—]+){{1,3}})\s*[:：]\s*"
)
# "المدينة نيوز :- بلغت ...": an outlet or writer credited before the first sentence
_CREDIT_PREFIX = re.compile(r"^(?P<credit>[^\s:.،,]+(?:\s+[^\s:.،,]+){0,3})\s*:\s*[-–—]\s*")
_AGENCY_ONLY = re.compile(rf"^[\s\-–—(]*(?P<agency>{_AGENCY_ALT})[\s\-–—)]*[.:]?$", re.I)
_AGENCY_TAIL = re.compile(rf"\s*[\(\-–—]\s*(?P<agency>{_AGENCY_ALT})\s*[\)\-–—]?\s*\.?$", re.I)

_BIO_START = re.compile(
    r"^(?:هو\s+|هي\s+)?(?:صحفي|صحفيه|صحافي|صحافيه|كاتب|كاتبه|محرر|محرره|مراسل|مراسله|اعلامي|اعلاميه"
    r"|باحث|باحثه|مدون|مدونه|مترجم|مترجمه|مذيع|مذيعه|روائي|روائيه|ناشط|ناشطه|خبير|خبيره)\b"
)
_NAME_CHARS = re.compile(r"^[\u0621-\u064a\u0671-\u06d3\s.]+$")


@dataclass(slots=True)
class Cleaned:
    """What the cleaner kept, removed, and learnt."""

    blocks: list[Block]
    _removed: list[tuple[int, int, Removed]] = field(default_factory=list)
    author: str | None = None
    author_bio: str | None = None
    dateline: str | None = None
    agency: str | None = None

    def drop(self, position: int, text: str, reason: str) -> None:
        """Record ``text`` (from the input block at ``position``) as removed."""
        self._removed.append((position, len(self._removed), Removed(text, reason)))

    @property
    def removed(self) -> list[Removed]:
        """Everything removed, in the order it stood in the input."""
        return [r for _, _, r in sorted(self._removed, key=lambda item: item[:2])]


_GENERIC_AUTHORS = {"متابعات", "وكالات", "محرر", "المحرر", "الموقع", "admin", "editor", "staff"}
_NOT_A_NAME = re.compile(r"https?|www\.|\.com|\.net|logo|\.png|\.jpg|\d", re.I)


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


def strip_author_prefix(author: str) -> str:
    """'بواسطة فلان' / 'كتب: فلان' → 'فلان' (on the original spelling)."""
    line = _Line(author.strip())
    match = BYLINE_PREFIX.match(line.norm)
    return line.cut(match.end()).strip() if match else author.strip()


class _Line:
    """A block's text with its normalised form and the map back to the original."""

    __slots__ = ("text", "norm", "_map")

    def __init__(self, text: str) -> None:
        self.text = text
        self.norm, self._map = normalize_with_map(text)

    def pos(self, norm_pos: int) -> int:
        """The original offset of normalised offset ``norm_pos``."""
        return self._map[norm_pos] if norm_pos < len(self._map) else len(self.text)

    def cut(self, norm_pos: int) -> str:
        """The original text from normalised offset ``norm_pos`` on."""
        return self.text[self.pos(norm_pos) :]

    def span(self, norm_start: int, norm_end: int) -> str:
        return self.text[self.pos(norm_start) : self.pos(norm_end)]


def _is_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 5 and bool(_NAME_CHARS.match(text)) and not text.endswith(FINAL_PUNCT)


def _line_reason(norm: str) -> str | None:
    """Why a whole block is boilerplate, or ``None``."""
    if _READ_ALSO.match(norm):
        return "read-also"
    if _RELATED_HEADER.match(norm):
        return "related"
    if _TAGS.match(norm):
        return "tags"
    if _COMMENTS.match(norm):
        return "comments"
    if _SITE_UI.match(norm):
        return "site-ui"
    if len(norm.split()) <= 12 and _SHARE_LINE.match(norm):
        return "share"
    if _TIMESTAMP.match(norm):
        return "timestamp"
    if len(norm.split()) <= 15 and _COPYRIGHT.search(norm):
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
    out = Cleaned(blocks=[], author=strip_author_prefix(author) if author else None)
    title_norm = normalize(title).strip() if title else None
    seen: set[str] = set()
    after_related = False
    for position, block in enumerate(blocks):
        block = Block(block.text, block.kind, position)
        line = _Line(block.text)
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
            byline = _BYLINE.match(norm)
            if byline and len(norm.split()) <= 6 and not norm.endswith("."):
                reason = "byline"
                if out.author is None:
                    out.author = line.cut(byline.start("name")).strip()
        if reason is not None:
            out.drop(position, block.text, reason)
            continue
        seen.add(norm)
        out.blocks.append(block)
    _take_author_at_end(out)
    _take_dateline(out)
    _take_agency_credit(out)
    return out


def _take_author_at_end(out: Cleaned) -> None:
    """The author's name and bio after the last paragraph become metadata."""
    blocks = out.blocks
    if (
        len(blocks) >= 3
        and _BIO_START.match(normalize(blocks[-1].text))
        and _is_name(blocks[-2].text)
    ):
        bio, name = blocks.pop(), blocks.pop()
        out.drop(name.position, name.text, "byline")
        out.drop(bio.position, bio.text, "author-bio")
        out.author = out.author or name.text
        out.author_bio = bio.text
        return
    if len(blocks) >= 2:
        last = blocks[-1].text
        known = out.author and normalize(last) == normalize(out.author)
        if known or (_is_name(last) and blocks[-2].text.endswith(FINAL_PUNCT)):
            out.drop(blocks.pop().position, last, "byline")
            out.author = out.author or last


def _take_dateline(out: Cleaned) -> None:
    """A dateline at the start of the story: a line of its own or the first words."""
    body = [
        i for i, b in enumerate(out.blocks) if b.kind == "body" and not is_heading_shaped(b.text)
    ]
    if not body:
        return
    i = body[0]
    block = out.blocks[i]
    line = _Line(block.text)
    agency_line = _AGENCY_ONLY.match(line.norm)
    if agency_line:
        out.agency = AGENCIES[agency_line.group("agency").lower()]
        out.drop(block.position, block.text, "agency-credit")
        del out.blocks[i]
        return
    credit = _CREDIT_PREFIX.match(line.norm)
    if credit and len(line.cut(credit.end()).split()) >= 3:
        out.drop(block.position, line.span(0, credit.end()).strip(), "byline")
        out.blocks[i] = Block(line.cut(credit.end()).strip(), block.kind, block.position)
        return
    for pattern in (_DATELINE_AGENCY, _DATELINE_REPORTER):
        match = pattern.match(line.norm)
        if not match:
            continue
        groups = match.groupdict()
        agency = groups.get("agency1") or groups.get("agency2")
        name = groups.get("name")
        if not agency and not name:
            continue
        rest = line.cut(match.end()).strip()
        if rest and len(rest.split()) < 3:
            continue
        out.dateline = line.span(match.start("place"), match.end("place")).strip()
        if agency:
            out.agency = AGENCIES[agency.lower()]
        elif name and out.author is None:
            out.author = line.span(match.start("name"), match.end("name")).strip()
        out.drop(block.position, line.span(0, match.end()).strip(), "dateline")
        if rest:
            out.blocks[i] = Block(rest, block.kind, block.position)
        else:
            del out.blocks[i]
        return


def _take_agency_credit(out: Cleaned) -> None:
    """An agency credit closing the story: a line '(واس)' or a tail '... - رويترز'."""
    if len(out.blocks) < 2:
        return
    last = out.blocks[-1]
    line = _Line(last.text)
    whole = _AGENCY_ONLY.match(line.norm)
    if whole:
        out.agency = out.agency or AGENCIES[whole.group("agency").lower()]
        out.drop(last.position, last.text, "agency-credit")
        out.blocks.pop()
        return
    tail = _AGENCY_TAIL.search(line.norm)
    if tail and len(line.norm.split()) > 4:
        out.agency = out.agency or AGENCIES[tail.group("agency").lower()]
        out.drop(last.position, line.cut(tail.start()).strip(), "agency-credit")
        out.blocks[-1] = Block(line.span(0, tail.start()).rstrip(), last.kind, last.position)
