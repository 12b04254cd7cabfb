"""Tokenisation of Arabic news text, with a conservative proclitic analysis.

``tokenize(text)`` splits ``text`` into :class:`Token` objects whose ``start``/``end`` are
offsets into ``text`` (``text[t.start:t.end] == t.text``). Whitespace and invisible
formatting characters (bidi marks, zero-width space, BOM, soft hyphen; see
``FORMAT_CHARS``) separate tokens and are never part of one, except that the zero-width
(non-)joiners are kept inside an Arabic word. Every other character ends up in exactly
one token.

Token kinds:

``word``
    Arabic-script letters with their diacritics, tatweel and joiners (``وَأوكرانيا``).
``number``
    Digits (ASCII, Arabic-Indic ٠-٩ or Persian ۰-۹) with inner separators ``. , ٫ ٬``
    followed by a digit: ``350``, ``٣٥٠``, ``1,000``, ``3.5``, ``٣٫٥`` are one token each.
    The Arabic comma joins only a following group of exactly three digits (``4،000``).
``latin``
    Latin-script letters and digits, joined by ``- ' ’`` (``COVID-19``, ``O'Brien``),
    and dotted abbreviations (``U.S.``).
``foreign``
    A run of letters of any other script (Cyrillic, Hebrew, CJK ...).
``url``
    A URL (``http(s)://`` or ``www.``) or an e-mail address.
``punct``
    One punctuation character (Unicode category P*: ``. ، ؛ ؟ ( ) « » “ ” % ...``);
    a run of the same character (``...``, ``!!``) is one token.
``symbol``
    Anything else (currency and math signs, emoji, stray combining marks), again with a
    run of the same character as one token.

Clitics. For ``word`` tokens a proclitic prefix is split off when the evidence is good;
the token keeps its full ``text`` and exposes ``prefix``, ``stem``, ``stem_start``,
``stem_end`` and ``definite``. The convention:

* ``prefix`` is everything in front of the stem, the article included:
  ``و`` ``ب`` ``ل`` ``ال`` ``وال`` ``بال`` ``كال`` ``فال`` ``لل`` ``ولل`` ``وب`` ``ول`` ``وبال``...
* ``stem`` has no article: ``بالقوات`` → prefix ``بال``, stem ``قوات``, ``definite=True``;
  ``للأنباء`` → prefix ``لل`` (ل + the article), stem ``أنباء``, ``definite=True``;
  ``وأوكرانيا`` → prefix ``و``, stem ``أوكرانيا``, ``definite=False``.
* :func:`match_keys` gives the normalised lookup forms: the whole word, each form left
  after removing a clitic layer, and the stem with and without ``ال``.

The rules are deliberately conservative (a wrong split corrupts the stem; a missed split
only loses a lookup form, and the whole word is always a lookup form):

* conjunction ``و``: split when at least 3 letters remain;
* conjunction ``ف``: split only when the article follows (``فال``, ``فبال``, ``فلل``),
  because ف-initial words (فرنسا، فريق، فلسطين، فيها) far outnumber ف + bare noun;
* preposition ``ب`` or ``ل``: split when at least 3 letters remain; before a bare alef
  only when at least 5 remain or the stem is اسم/ابن/اثنين... (``باعتباره`` splits,
  ``باقي``/``لاحقا`` do not); ``ك`` only before the article (``كال``) because ك-initial
  words (كييف، كان، كبير، كل) are so common;
* ``ل`` + article is written ``لل``: ``للأنباء`` = ل + ال + أنباء, but when the rest after
  the first ل is a known ل-initial word (``للجنة``, ``لليبيا``) the split is ل + لجنة;
* the article ``ال``: split when at least 2 letters remain;
* no split at a position where the rest of the word is a known word that natively starts
  with these letters (``وزير``, ``وزارة``, ``وكالة``, ``بيان``, ``لجنة``, ``ليبيا``, ``الذي``
  ... with common suffixes such as ة ات ان ين ون ي ها هم);
* the future ``س`` is never split (سيطرة، سيارة، سنة، ستة would all break), nor are
  pronoun suffixes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rasid.arabic._chars import (
    ARABIC_LETTERS,
    COMBINING,
    DIACRITICS,
    DIGITS,
    FORMAT_CHARS,
    JOINERS,
    LATIN_LETTERS,
    TATWEEL,
    URL_PATTERN,
    WHITESPACE,
)
from rasid.arabic.normalize import normalize, normalize_word
from rasid.memo import keep

__all__ = ["Token", "match_keys", "tokenize", "words"]

_WORD_MARKS = DIACRITICS + TATWEEL
_NOT_LETTER_OR_SPACE = "\\W\\d_" + ARABIC_LETTERS + LATIN_LETTERS + FORMAT_CHARS

_TOKEN_RE = re.compile(
    # Arabic word: optional leading marks, a letter, then letters, marks and joiners.
    f"(?P<word>[{_WORD_MARKS}]*[{ARABIC_LETTERS}][{ARABIC_LETTERS}{_WORD_MARKS}{JOINERS}]*)"
    f"|(?P<url>{URL_PATTERN})"
    f"|(?P<number>[{DIGITS}]+(?:[.,\u066b\u066c][{DIGITS}]+|،[{DIGITS}]{{3}}(?![{DIGITS}]))*)"
    # Latin: dotted abbreviation (U.S.) or letters/digits joined by - ' ’
    f"|(?P<latin>[A-Za-z](?:\\.[A-Za-z])+\\.?(?![A-Za-z0-9])"
    f"|[{LATIN_LETTERS}][{LATIN_LETTERS}{COMBINING}0-9]*"
    f"(?:[-'’][{LATIN_LETTERS}0-9][{LATIN_LETTERS}{COMBINING}0-9]*)*)"
    f"|(?P<foreign>[^{_NOT_LETTER_OR_SPACE}]+)"
    # Anything else that is not whitespace or a format character; runs of one character.
    f"|(?P<other>(?P<ch>[^{WHITESPACE}{FORMAT_CHARS}])(?P=ch)*)"
)

# Characters that may start a proclitic prefix (ٱ: alef wasla of a Quranic-style article).
_PREFIX_START = frozenset("وفبلكاٱ")
# Anything in a word that is not a plain letter: marks, tatweel, joiners, presentation forms.
_COMPLEX_RE = re.compile(f"[{_WORD_MARKS}{JOINERS}\ufb50-\ufdff\ufe70-\ufeff]")
_PRESENTATION_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
_SKIP_IN_WORD = frozenset(
    [chr(c) for c in range(0x0610, 0x061B)]
    + [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", TATWEEL, "\u200c", "\u200d"]
    + [chr(c) for c in range(0x06D6, 0x06DD)]
    + [chr(c) for c in range(0x06DF, 0x06E9)]
    + [chr(c) for c in range(0x06EA, 0x06EE)]
    + [chr(c) for c in range(0x08CA, 0x08E2)]
    + [chr(c) for c in range(0x08E3, 0x0900)]
)

# Words that natively begin with و ف ب ل ك or ال, in their base (suffix-less) form. A
# word equal to one of these plus a suffix from _NATIVE_SUFFIXES is not split at that
# position. Written in ordinary spelling and normalised at import.
_NATIVE_WORDS = """
وزير وزار وزراء وكال وكيل وكلاء ولاي ولايات وقف وفد وفود وصل وصول وجه وجهة وجود وقت أوقات
وضع أوضاع وطن وحد وحدة واحد وسط وسيط وسطاء وثيق وثائق ورق ورش وفاة وفيات ولد والد
والدة وادي واشنطن وارسو وسائل وسيلة وعد وعود وقع وقائع وقوع وقود ولي والي ولاء وفق وافق
واجه واصل واضح وضوح واقع ورد ورود وسع واسع وظيف وظائف وعي وراء وزن وسام وصف وصي
وجبة وليد وائل وفاء وئام ويلز وكر ودائع وديع وقاية وقائي وهم وهمي وثيقة وطأة وتيرة
وجيز وحيد وحش وراثة وريث ورقة وزنة وسم وشك وصفة وضعية وقح ولع وهب وهج
بين بينما بعد بعض بيان بلد بلاد بلدة بلدي بحر بحار بحث بحوث بنك بنوك بيت بيوت برلمان
بريطانيا بريطاني بغداد بيروت بوتين بكين بولندا بلجيكا باريس برلين بايدن بدء بدأ بدا بات
بيلاروسيا بيلاروس بطل بطولة برنامج برامج بلغ بيع بناء بنى بقي بقاء باب بحرين
بنغلاديش برازيل بيونغيانغ باكستان بوليفيا بورصة بترول بئر بديل بدائل بريد بعيد بسيط
بطاقة بنود بند بعثة بيئة بروكسل برشلونة بوش بشار بلال بسام بدر بشير بوريس بنيامين
بوابة بضائع بضاعة بضع بضعة بطالة بطء برج بلوغ بحيرة بخار بذل براءة برد بركان برميل
بري بساط بشر بشري بصر بطن بطيء بعثي بقر بقعة بكر بلاغ بلوغ بنت بنات بنية بهجة بيلا
بيئي بيضاء بيض بيانات بوصلة بوابات بودابست بوخارست بلغراد بانكوك بنما بيرو
لجنة لجان لبنان ليبيا لندن لقاء لغة لواء لاجئ لاجئين لحظة لون لحم لوح لائحة لوائح لاعب
لعب لعبة لوس لافروف لوكاشينكو لكن لدى ليس ليلة ليالي لقب لهجة لياقة ليمون لؤلؤ لطف
لطيف لغم ألغام لهب لوبي لوجستي ليتوانيا لاتفيا لوكسمبورغ لاوس لشبونة لاهاي
لقاح لقاحات لازم لائق لجوء لزوم لسان لغز لمس لهيب لياقة
كل كان كبير كبار كبرى كلمة كلام كتاب كتب كندا كوريا كوبا كرة كمية كيلو كامل كانون
كلية كما كيف كييف كأس كشف كلف كسر كرر كرم كريم كهرباء كهربائي كوكب كويت كوارث كارثة
كفاءة كفاح كمال كمين كنيسة كنائس كوسوفو كولومبيا كينيا كمبوديا كازاخستان كرواتيا
فرنسا فرنسي فريق فرق فترة فلسطين فلسطيني فيروس فوز فرع فروع فقط في فيما فعل فعلا فضل
فضلا فرص فرصة فكرة أفكار فتح فئة فوق فورا فوري فيسبوك فيينا فنلندا فيتنام فائدة فشل فقد
فهم فهد فيصل فؤاد فاطمة فراس فادي فارس فاروق فوزي فلاديمير فنزويلا فجر فني فنان فندق
فصل فصائل فصيل فيلق فقير فقراء فقر فيديو فرد أفراد فريد فرح فساد فضاء فضيحة فوضى
بعدما بدل بندر باراك بلاتر بلاتيني بنغازي بوكو بوينغ بوروندي بريكس برنت بايرن بيشة بقيق
لاسيما لويس ليفربول ليونيل ليل لحظ لقطة لحق لياقية لكن
ولاة ولادة وجد وجوه ودي واحة واجب وارد واصف ويندوز وقوف وجوب وفرة وزع وداع وباء واعد
واعي واهي ويليام ويلسون ويست وورلد واتساب ليبي لعل لجأ لمحة لوران لوبيز لودريان لوزان
الذي التي الذين اللذان اللذين اللتان اللتين اللاتي اللواتي الله اللهم إليه إليها إليهم
إليك إلينا إليكم إلا إلى ألف آلاف ألفين ألماني ألمانيا ألبانيا الآن
"""

# Suffixes (normalised) that may follow a native word and keep it native.
_NATIVE_SUFFIXES = frozenset(
    """
    ه ات ان ين ون ي يه يين يون يات يتين تي تين تان تا ها هم هما هن كم كما نا ا اء اه
    ت وا تم تن ته تها تهم يا ني ما ك اته اتها اتهم
    """.split()
    + [""]
)
_NATIVE = frozenset(normalize(w) for w in _NATIVE_WORDS.split())
# Short stems written with a bare (hamzat-wasl) alef that do follow ب/ل.
_WASL_STEMS = frozenset(normalize(w) for w in "اسم ابن ابنة ابنه ابنها اثنين اثنتين امرأة".split())
_MAX_SUFFIX = max(len(s) for s in _NATIVE_SUFFIXES)


def _native(n: str) -> bool:
    """True when normalised ``n`` is a native word: base form + optional suffix.

    A base ending in ة (normalised ه) also matches with ت before a suffix (وفاته) and
    without it before ات (وجبات).
    """
    size = len(n)
    low = size - _MAX_SUFFIX if size - _MAX_SUFFIX > 2 else 2
    for k in range(size, low - 1, -1):
        suffix = n[k:]
        if suffix not in _NATIVE_SUFFIXES:
            continue
        base = n[:k]
        if base in _NATIVE:
            return True
        if suffix and base[-1] == "ت" and base[:-1] + "ه" in _NATIVE:
            return True
        if suffix == "ات" and base + "ه" in _NATIVE:
            return True
    return False


def _after_conjunction(s: str, n: str, j: int) -> tuple[int, bool]:
    """Parse a preposition and/or article at letter ``j``.

    ``s`` is the word's letters, ``n`` the same normalised. Returns
    ``(index of the stem's first letter, definite)``; ``j`` when nothing is split.
    """
    size = len(s)
    c = s[j]
    if (c == "ب" or c == "ل") and s[j + 1 : j + 2] == "ا" and s[j + 2 : j + 3] != "ل":
        # ب/ل before a bare alef: native با/لا words (باقي، بارز، لاحقا، لاعب) outnumber
        # ب/ل + a hamzat-wasl stem, except for long stems (باعتبار، لاستقرار) and a few.
        if size - j - 1 < 5 and n[j + 1 :] not in _WASL_STEMS:
            return j, False
    if c == "ب" or c == "ك":
        if s[j + 1 : j + 3] == "ال" and size - j - 3 >= 2 and not _native(n[j:]):
            if not _native(n[j + 1 :]):
                return j + 3, True
            return (j + 1, False) if c == "ب" else (j, False)
        if c == "ب" and size - j - 1 >= 3 and not _native(n[j:]):
            return j + 1, False
        return j, False
    if c == "ل":
        if _native(n[j:]):
            return j, False
        if s[j + 1 : j + 2] == "ل":
            if size - j - 1 >= 3 and _native(n[j + 1 :]):
                return j + 1, False  # ل + لجنة, ل + ليبيا
            if size - j - 2 >= 2:
                return j + 2, True  # لل = ل + ال
            return j, False
        if size - j - 1 >= 3:
            return j + 1, False
        return j, False
    if (c == "ا" or c == "ٱ") and s[j + 1 : j + 2] == "ل":
        if size - j - 2 >= 2 and not _native(n[j:]):
            return j + 2, True
    return j, False


def _analyse_letters(s: str) -> tuple[int, bool]:
    """Return ``(prefix length in letters, definite)`` for the bare letters ``s``."""
    n = s.translate(_LETTERS_TABLE)
    c = s[0]
    if c == "و":
        if len(s) >= 4 and not _native(n):
            return _after_conjunction(s, n, 1)
        return 0, False
    if c == "ف":
        if len(s) >= 5 and not _native(n):
            stem, definite = _after_conjunction(s, n, 1)
            if definite:
                return stem, True
        return 0, False
    return _after_conjunction(s, n, 0)


def _analyse(word: str) -> tuple[int, bool]:
    """Return ``(number of leading characters of word that form the prefix, definite)``."""
    if word[0] not in _PREFIX_START or len(word) < 3:
        return 0, False
    if _COMPLEX_RE.search(word) is None:
        return _analyse_letters(word)
    if _PRESENTATION_RE.search(word) is not None:
        return 0, False
    positions = [i for i, ch in enumerate(word) if ch not in _SKIP_IN_WORD]
    if len(positions) < 3:
        return 0, False
    letters = "".join([word[i] for i in positions])
    if letters[0] not in _PREFIX_START:
        return 0, False
    k, definite = _analyse_letters(letters)
    if k == 0:
        return 0, False
    return positions[k], definite


# Letter-only normalisation table (no deletions), so lengths are kept.
_LETTERS_TABLE = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        "ک": "ك",
        "ی": "ي",
    }
)


@dataclass(frozen=True, slots=True)
class Token:
    """A token of the original text: ``text == original[start:end]``.

    ``kind`` is one of ``word``, ``number``, ``latin``, ``foreign``, ``url``, ``punct``,
    ``symbol`` (see the module docstring). For Arabic words ``stem_start``/``stem_end``
    delimit the stem after proclitics (see ``prefix`` and ``stem``) and ``definite`` says
    whether the prefix ends with the article. For other kinds the stem is the whole token.
    """

    text: str
    start: int
    end: int
    kind: str
    stem_start: int
    stem_end: int
    definite: bool = False

    @property
    def prefix(self) -> str:
        """The proclitics in front of the stem, as in the original (``""`` if none)."""
        return self.text[: self.stem_start - self.start]

    @property
    def stem(self) -> str:
        """The word without its proclitics and article, as in the original."""
        return self.text[self.stem_start - self.start : self.stem_end - self.start]

    def match_keys(self) -> tuple[str, ...]:
        """Normalised lookup forms; see :func:`match_keys`."""
        return match_keys(self)


def _conjunction_len(p: str) -> int:
    """1 when the normalised prefix ``p`` starts with a conjunction, else 0."""
    return 1 if p[:1] in ("و", "ف") else 0


def match_keys(token: Token) -> tuple[str, ...]:
    """Normalised candidate forms of ``token`` for gazetteer lookup, most specific first.

    The whole word comes first; then, for an Arabic word with proclitics, the form left
    after each clitic layer, the stem with the article (when the word had one, or when
    ``ل`` + a ل-initial stem may hide it) and the bare stem:

    * ``وأوكرانيا`` → ``("واوكرانيا", "اوكرانيا")``
    * ``للأنباء`` → ``("للانباء", "الانباء", "انباء")``
    * ``وبالقوات`` → ``("وبالقوات", "بالقوات", "القوات", "قوات")``

    So ``normalize("أوكرانيا")`` finds ``وأوكرانيا`` and ``normalize("أنباء")`` finds
    ``للأنباء``.
    """
    whole = normalize(token.text)
    if token.stem_start == token.start:
        return (whole,)
    p = normalize(token.prefix)
    stem = whole[len(p) :]
    keys = [whole]
    i = _conjunction_len(p)
    if i and i < len(p):
        keys.append(whole[i:])
    rest = p[i:]
    if rest[:1] in ("ب", "ك") and len(rest) > 1:
        keys.append(whole[i + 1 :])
    if token.definite:
        keys.append("ال" + stem)
    elif p.endswith("ل") and stem.startswith("ل"):
        keys.append("ال" + stem)
    keys.append(stem)
    return tuple(dict.fromkeys(keys))


# The clitic analysis of each spelling met (the first 200,000): it depends on the word alone.
_ANALYSED: dict[str, tuple[int, bool]] = {}
ANALYSIS_MEMO = 200_000


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Split ``text`` into tokens; see the module docstring for kinds and clitics.

    With ``start``/``end``, only ``text[start:end]`` is split, and offsets still point
    into ``text`` (a paragraph of an article without copying it)."""
    tokens: list[Token] = []
    append = tokens.append
    category = unicodedata.category
    for m in _TOKEN_RE.finditer(text, start, len(text) if end is None else end):
        kind = m.lastgroup
        start, end = m.span()
        t = m.group()
        if kind == "word":
            if t[0] in _PREFIX_START:
                found = _ANALYSED.get(t)
                if found is None:
                    found = keep(_ANALYSED, t, _analyse(t), ANALYSIS_MEMO)
                k, definite = found
                append(Token(t, start, end, "word", start + k, end, definite))
            else:
                append(Token(t, start, end, "word", start, end, False))
            continue
        if kind == "ch" or kind == "other":
            kind = "punct" if category(t[0])[0] == "P" else "symbol"
        append(Token(t, start, end, kind or "symbol", start, end, False))
    return tokens


def search_term(token: Token) -> str | None:
    """The form a token is matched by in search and scoring: the normalised stem of a word
    (clitics and article off), a number or Latin word normalised and lower-cased; None for
    punctuation and symbols."""
    if token.kind == "word":
        return normalize_word(token.stem) or None
    if token.kind in ("number", "latin"):
        return normalize_word(token.text).lower() or None
    return None


def words(text: str) -> list[Token]:
    """Only the Arabic ``word`` tokens of ``text``."""
    return [t for t in tokenize(text) if t.kind == "word"]
