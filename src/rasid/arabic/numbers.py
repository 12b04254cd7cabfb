"""Counts and quantities in Arabic text: digits, number words, vague counts.

``find_numbers(text)`` returns :class:`NumberMention` objects, left to right, with
``text == original[start:end]``. The span covers a leading qualifier and the number with
its scale words (``أكثر من 350``, ``2.5 مليار``, ``خمسة وعشرون``); the counted noun after
it, when there is one, is reported apart as ``unit`` with its own ``unit_start``/``unit_end``
(``صاروخاً`` in ``أكثر من 350 صاروخاً``). A clitic on the first number word is left out of
the span (``بخمسة`` → ``خمسة``), but the article of a vague count stays (``بالعشرات`` → ``العشرات``).

What the fields mean:

* exact count ``350``: ``value=min=max=350``, ``approx=False``, ``qualifier=None``;
* ``نحو/حوالي/قرابة/زهاء/ما يقارب/ما يناهز N``: ``value=N``, ``min=max=None``,
  ``approx=True``, ``qualifier="about"``;
* ``أكثر من / أزيد من / ما يزيد على / ما يربو على N``: ``value=None``, ``min=N``,
  ``max=None``, ``qualifier="more_than"`` (``min`` is the stated number, not N+1);
  ``ما لا يقل عن N`` / ``N على الأقل``: ``min=N``, ``qualifier="at_least"``;
* ``أقل من N``: ``max=N``, ``qualifier="less_than"``; ``ما لا يزيد عن / لا يتجاوز N``:
  ``max=N``, ``qualifier="at_most"``;
* ``بين N و M``: ``min=N``, ``max=M``, ``qualifier="range"``;
* vague counts: ``value=None``, ``approx=True``, ``qualifier="vague"`` and a range:
  ``بضع/بضعة`` 3–9, ``عشرات`` 20–99, ``مئات`` 200–999, ``آلاف`` 2,000–9,999, ``ملايين``
  2,000,000–9,999,999, ``مليارات`` 2×10⁹–(10¹⁰−1), with or without the article
  (``العشرات``) and multiplied by a following plural scale (``عشرات الآلاف`` 20,000–99,999);
* ``approx`` is True whenever the text does not state an exact count (about, bounds, vague).

Numbers: digits in ASCII, Arabic-Indic or Persian script, with ``,`` or ``٬`` as thousands
separators and ``.`` or ``٫`` as the decimal point (one ``.`` is a decimal point unless it is
followed by ``000``; several ``.`` with 3-digit groups are thousands separators; ``,`` with
one or two digits after it is a decimal comma: ``30,7``), optionally followed by a scale word
(``3 ملايين`` = 3,000,000, ``2.5 مليار`` = 2,500,000,000, ``350 ألف``). Number words:
واحد/واحدة، اثنان/اثنين/اثنتان/اثنتين، ثلاث(ة) … تسع(ة)، عشر(ة)، teens (أحد عشر، إحدى عشرة،
اثنا عشر، خمسة عشر)، tens (عشرون/عشرين … تسعون/تسعين)، compounds (خمسة وعشرون)، مئة/مائة،
مئتان، ثلاثمئة/ثلاثمائة … تسعمائة، ثلاث مئة، ألف/ألفان/ألفين/آلاف، مليون/مليونان/ملايين،
مليار/مليارات، بليون، تريليون, combined (ثلاثة آلاف وخمسمائة، مليون ونصف is not handled).

Conservative choices: ``أحد``/``إحدى`` count only inside a teen (``أحد عشر``); number words
with the article are not counts (``الإثنين`` is Monday, ``الثلاثة`` is left alone) except
the vague plurals; ordinals (``الخامس``, ``ثاني``) are never counts; the words ``واحد`` and
``اثنان`` follow their noun, so they get no ``unit``; digits that are part of a date or
time (``28/2/2022``, ``10:30``, ``6-10-1436``) or glued to Latin letters (``5G``) are skipped. A unit is
the Arabic word right after the number on the same line, with no prefix other than the
article, and not a particle, pronoun, month or common verb; ``%``, ``٪``, ``في المئة`` and
``بالمئة`` are units too.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from types import MappingProxyType

from rasid.arabic.normalize import _TABLE, normalize, normalize_with_map, to_ascii_digits
from rasid.arabic.tokens import Token, tokenize

__all__ = ["NumberMention", "find_numbers"]

Number = int | float


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A number mention of the original text: ``text == original[start:end]``.

    See the module docstring for the meaning of ``value``, ``min``, ``max``, ``approx``
    and ``qualifier`` (``None``, ``"about"``, ``"more_than"``, ``"at_least"``,
    ``"less_than"``, ``"at_most"``, ``"range"`` or ``"vague"``).
    """

    text: str
    start: int
    end: int
    value: Number | None
    min: Number | None
    max: Number | None
    approx: bool
    unit: str | None = None
    unit_start: int | None = None
    unit_end: int | None = None
    qualifier: str | None = None


# --- lexicon -----------------------------------------------------------------------------

_UNIT, _TEN, _TEENPRE, _TENS, _HUNDRED = "unit", "ten", "teenpre", "tens", "hundred"

# Number words are matched on a lighter normalisation than ``normalize``: hamza letters are
# kept, so that وأحد (and one of) is not واحد (one) and كمية/كميات are not مئة/مئات.
# It changes the same characters' lengths as ``normalize``, so its offsets map the same way.
_LIGHT_TABLE = MappingProxyType({k: v for k, v in _TABLE.items() if chr(k) not in "أإآؤئ"})


def _light(text: str) -> str:
    return text.translate(_LIGHT_TABLE)


def _spellings(form: str) -> tuple[str, ...]:
    """A word's light form and its spelling with the hamza dropped from alef (اربعة، الف)."""
    light = _light(form)
    bare = light.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا")
    return (light, bare) if bare != light else (light,)


def _entries(spec: str, cls: str) -> dict[str, tuple[str, int]]:
    out: dict[str, tuple[str, int]] = {}
    for line in spec.strip().splitlines():
        value, *forms = line.split()
        for form in forms:
            for spelling in _spellings(form):
                out[spelling] = (cls, int(value))
    return out


_WORDS: dict[str, tuple[str, int]] = {
    **_entries(
        """
        1 واحد واحدة
        2 اثنان اثنين اثنتان اثنتين
        3 ثلاث ثلاثة
        4 أربع أربعة
        5 خمس خمسة
        6 ست ستة
        7 سبع سبعة
        8 ثمان ثماني ثمانية
        9 تسع تسعة
        """,
        _UNIT,
    ),
    **_entries("10 عشر عشرة", _TEN),
    **_entries(
        """
        1 أحد إحدى
        2 اثنا اثني اثنتا اثنتي
        """,
        _TEENPRE,
    ),
    **_entries(
        """
        20 عشرون عشرين
        30 ثلاثون ثلاثين
        40 أربعون أربعين
        50 خمسون خمسين
        60 ستون ستين
        70 سبعون سبعين
        80 ثمانون ثمانين
        90 تسعون تسعين
        """,
        _TENS,
    ),
    **_entries(
        """
        100 مئة مائة
        200 مئتان مئتين مائتان مائتين مئتا مائتا مئتي مائتي
        300 ثلاثمئة ثلاثمائة
        400 أربعمئة أربعمائة
        500 خمسمئة خمسمائة
        600 ستمئة ستمائة
        700 سبعمئة سبعمائة
        800 ثمانمئة ثمانمائة ثمانيمئة ثمانيمائة
        900 تسعمئة تسعمائة
        """,
        _HUNDRED,
    ),
}

_ONE, _TWO, _MANY = "one", "two", "many"


def _scales() -> dict[str, tuple[int, str]]:
    out: dict[str, tuple[int, str]] = {}
    spec = {
        1000: ("ألف ألفا", "ألفان ألفين ألفي", "آلاف"),
        10**6: ("مليون مليونا", "مليونان مليونين مليوني", "ملايين"),
        10**9: ("مليار مليارا بليون بليونا", "ملياران مليارين ملياري", "مليارات بلايين"),
        10**12: ("تريليون تريليونا", "تريليونان تريليونين", "تريليونات"),
    }
    for value, (one, two, many) in spec.items():
        for kind, forms in ((_ONE, one), (_TWO, two), (_MANY, many)):
            for form in forms.split():
                for spelling in _spellings(form):
                    out[spelling] = (value, kind)
    return out


_SCALES: dict[str, tuple[int, str]] = _scales()

_VAGUE: dict[str, tuple[int, int]] = {
    spelling: bounds
    for forms, bounds in (
        ("بضع بضعة", (3, 9)),
        ("عشرات", (20, 99)),
        ("مئات", (200, 999)),
        ("آلاف", (2000, 9999)),
        ("ملايين", (2 * 10**6, 10**7 - 1)),
        ("مليارات بلايين", (2 * 10**9, 10**10 - 1)),
    )
    for form in forms.split()
    for spelling in _spellings(form)
}

_ALL = frozenset(_WORDS) | frozenset(_SCALES) | frozenset(_VAGUE)

# Clitic prefixes (normalised) a first number word may carry; longest first.
_PREFIXES = ("وبال", "فبال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال") + (
    "وب",
    "ول",
    "وك",
    "فب",
    "فل",
    "فك",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
)
_ARTICLE_PREFIXES = frozenset(p for p in _PREFIXES if p.endswith("ال") or p.endswith("لل"))


def _phrases(spec: str) -> dict[tuple[str, ...], str]:
    out: dict[tuple[str, ...], str] = {}
    for line in spec.strip().splitlines():
        qualifier, phrase = line.split(":")
        out[tuple(normalize(w) for w in phrase.split())] = qualifier.strip()
    return out


_QUALIFIERS = _phrases(
    """
    more_than: أكثر من
    more_than: أزيد من
    more_than: ما يزيد على
    more_than: ما يزيد عن
    more_than: يزيد على
    more_than: يزيد عن
    more_than: ما يربو على
    more_than: ما يربو عن
    more_than: يربو على
    more_than: يربو عن
    more_than: ما يفوق
    more_than: يفوق
    more_than: ما فوق
    at_least: ما لا يقل عن
    at_least: لا يقل عن
    at_least: على الأقل
    less_than: أقل من
    at_most: ما لا يزيد عن
    at_most: ما لا يزيد على
    at_most: لا يزيد عن
    at_most: لا يزيد على
    at_most: ما لا يتجاوز
    at_most: لا يتجاوز
    about: نحو
    about: حوالي
    about: حوالى
    about: قرابة
    about: زهاء
    about: ما يقارب
    about: يقارب
    about: ما يناهز
    about: يناهز
    about: ما يقرب من
    about: يقرب من
    about: تقريبا
    range: بين
    range: ما بين
    """
)
_MAX_PHRASE = max(len(p) for p in _QUALIFIERS)
_POSTFIX = {(normalize("على"), normalize("الأقل")): "at_least", (normalize("تقريباً"),): "about"}

_PERCENT_WORDS = frozenset(normalize(w) for w in "المئة المائة مئة مائة".split())
_PERCENT_ONE_WORD = frozenset(normalize(w) for w in "بالمئة بالمائة".split())
_IN = normalize("في")

_UNIT_STOP = frozenset(
    normalize(w)
    for w in """
    في من على إلى الى عن مع منذ بعد قبل حتى أو او أم أن إن ان أنه إنه أي التي الذي الذين
    اللذين قد لقد لم لن ما لا لا هذا هذه ذلك تلك هؤلاء هو هي هم هما نحن أنا كل بين خلال
    حيث عند لدى ضد نحو حول عبر تحت فوق دون غير سوى بل ثم كما كان كانت يكون تكون وكان
    فقط أيضا أيضاً تقريبا تقريباً على الأقل أخرى آخر آخرين الماضي الماضية المقبل المقبلة
    الحالي الجاري عام العام سنة السنة يوم اليوم مرة مرات فيما بينما إذا إذ لأن كي
    يناير فبراير مارس أبريل ابريل إبريل مايو يونيو يونيه يوليو يوليه أغسطس اغسطس سبتمبر
    أكتوبر اكتوبر نوفمبر ديسمبر كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين
    محرم صفر ربيع جمادى رجب شعبان رمضان شوال القعدة الحجة
    قال قالت يقول تقول أعلن أعلنت أكد أكدت أضاف أضافت تم يتم أكثر أقل نحو حوالي
    منهم منها منه منهن عليه عليها عليهم لهم لها له فيها فيه فيهم بها به بهم عنها عنه
    """.split()
)

_LATIN_KINDS = frozenset({"latin", "url", "foreign"})

# Ordinals: before عشر/عشرة they make an ordinal teen (الحادي عشر، الثانية عشرة).
_ORDINALS = frozenset(
    spelling
    for w in """
    حادي حادية ثاني ثانية ثالث ثالثة رابع رابعة خامس خامسة سادس سادسة سابع سابعة ثامن ثامنة
    تاسع تاسعة
    """.split()
    for spelling in _spellings(w)
)
_TIME_DATE_SEPARATORS = frozenset({"/", ":", "-"})


# --- helpers -------------------------------------------------------------------------------


def _parse_digits(s: str) -> Decimal | None:
    """The value of a number token: ``1,000`` → 1000, ``٣٫٥`` → 3.5, ``1.000.000`` → 10⁶."""
    s = to_ascii_digits(s).replace("\u066b", ".").replace("\u066c", ",").replace("،", ",")
    if "," in s and "." in s:
        if s.rfind(",") < s.rfind("."):
            s = s.replace(",", "")
        else:
            s = s.replace(".", "").replace(",", ".")
    elif "," in s:
        head, *groups = s.split(",")
        if all(len(g) == 3 for g in groups):
            s = head + "".join(groups)
        elif len(groups) == 1:
            s = head + "." + groups[0]
        else:
            return None
    elif s.count(".") > 1 or s.endswith(".000"):
        head, *groups = s.split(".")
        if not all(len(g) == 3 for g in groups):
            return None
        s = head + "".join(groups)
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def _number(d: Decimal) -> Number:
    if d == d.to_integral_value():
        return int(d)
    return float(d)


@dataclass(frozen=True, slots=True)
class _Core:
    """A parsed number: exact ``value`` or a vague ``lo``–``hi`` range."""

    start: int
    end: int
    next: int  # token index after the number
    value: Decimal | None
    lo: int | None = None
    hi: int | None = None
    scale: int = 1
    small_word: bool = False  # a lone واحد/اثنان: the noun comes before it


@dataclass(frozen=True, slots=True)
class _Word:
    """A number word found at a token: normalised ``form``, where it starts, what follows."""

    form: str
    start: int
    next: int


class _Parser:
    """Holds one text's tokens while parsing (a per-call object, never shared)."""

    __slots__ = ("text", "toks", "norms", "lights", "n")

    def __init__(self, text: str, toks: list[Token]) -> None:
        self.text = text
        self.toks = toks
        self.norms = [normalize(t.text) if t.kind == "word" else None for t in toks]
        self.lights = [_light(t.text) if t.kind == "word" else None for t in toks]
        self.n = len(toks)

    # -- token access

    def joined(self, i: int) -> bool:
        """Whether token ``i`` follows token ``i - 1`` on the same line."""
        return 0 < i < self.n and "\n" not in self.text[self.toks[i - 1].end : self.toks[i].start]

    def word_at(self, i: int, mode: str) -> _Word | None:
        """The number word at token ``i``.

        ``mode``: ``first`` (clitics allowed, the article only on vague plurals), ``bare``
        (no prefix) or ``conj`` (joined with و: ``وعشرون`` or ``و عشرون``).
        """
        if i >= self.n:
            return None
        w = self.lights[i]
        if w is None:
            return None
        tok = self.toks[i]
        if mode == "bare":
            return _Word(w, tok.start, i + 1) if w in _ALL and self.joined(i) else None
        if mode == "conj":
            if not self.joined(i):
                return None
            if w == "و":
                nxt = self.lights[i + 1] if i + 1 < self.n else None
                if nxt in _ALL and self.joined(i + 1):
                    return _Word(nxt, self.toks[i + 1].start, i + 2)
                return None
            if w[:1] == "و" and w[1:] in _ALL:
                return _Word(w[1:], self._offset(tok, 1), i + 1)
            return None
        if w in _ALL:
            return _Word(w, tok.start, i + 1)
        if w[:1] not in "وفبلكا":
            return None
        for pre in _PREFIXES:
            if w.startswith(pre) and len(w) - len(pre) >= 3:
                rest = w[len(pre) :]
                if rest in _ALL and (pre not in _ARTICLE_PREFIXES or rest in _VAGUE):
                    # The article stays in the span (العشرات); other clitics do not.
                    keep = 2 if pre.endswith("ال") else 0
                    return _Word(rest, self._offset(tok, len(pre) - keep), i + 1)
        return None

    @staticmethod
    def _offset(tok: Token, k: int) -> int:
        """Original offset of normalised character ``k`` of ``tok``."""
        _, mapping = normalize_with_map(tok.text)
        return tok.start + mapping[k]

    # -- numbers

    def core(self, i: int, mode: str) -> _Core | None:
        """Parse a number starting at token ``i``."""
        if i >= self.n:
            return None
        tok = self.toks[i]
        if mode == "conj" and self.norms[i] == "و" and i + 1 < self.n:
            nxt = self.toks[i + 1]
            if nxt.kind == "number" and self.joined(i) and self.joined(i + 1):
                return self.digits(i + 1)
        if tok.kind == "number":
            return None if mode == "conj" else self.digits(i)
        if tok.kind != "word":
            return None
        first = self.word_at(i, mode)
        if first is None:
            return None
        if _WORDS.get(first.form, ("", 0))[0] == _TEN and self.after_ordinal(i):
            return None
        if first.form in _VAGUE:
            return self.vague(first)
        return self.words(i, mode)

    def digits(self, i: int) -> _Core | None:
        tok = self.toks[i]
        value = _parse_digits(tok.text)
        if value is None:
            return None
        j = i + 1
        scale = 1
        w = self.word_at(j, "bare")
        if w is not None and w.form in _SCALES and _SCALES[w.form][1] != _TWO:
            scale = _SCALES[w.form][0]
            value *= scale
            j = w.next
        return _Core(tok.start, self.toks[j - 1].end, j, value, scale=scale)

    def vague(self, first: _Word) -> _Core:
        lo, hi = _VAGUE[first.form]
        j = first.next
        w = self.lights[j] if j < self.n and self.joined(j) else None
        if w is not None and w.startswith("ال") and w[2:] in _SCALES:
            w = w[2:]
        if w is not None and w in _SCALES and _SCALES[w][1] == _MANY and _SCALES[w][0] > hi:
            scale = _SCALES[w][0]
            lo, hi = lo * scale, (hi + 1) * scale - 1
            j += 1
        return _Core(first.start, self.toks[j - 1].end, j, None, lo, hi)

    def sub(self, i: int, mode: str) -> tuple[int, int, int] | None:
        """Below 100: ``(value, next index, start offset)``."""
        w = self.word_at(i, mode)
        if w is None or w.form not in _WORDS:
            return None
        cls, v = _WORDS[w.form]
        if cls == _UNIT or cls == _TEENPRE:
            ten = self.word_at(w.next, "bare")
            if ten is not None and _WORDS.get(ten.form, ("", 0))[0] == _TEN:
                return v + 10, ten.next, w.start
            if cls == _TEENPRE:
                return None
            tens = self.word_at(w.next, "conj")
            if tens is not None and _WORDS.get(tens.form, ("", 0))[0] == _TENS:
                return v + _WORDS[tens.form][1], tens.next, w.start
            return v, w.next, w.start
        if cls == _TENS or cls == _TEN:
            return v, w.next, w.start
        return None

    def group(self, i: int, mode: str) -> tuple[int, int, int] | None:
        """Below 1000: ``(value, next index, start offset)``."""
        w = self.word_at(i, mode)
        if w is None or w.form not in _WORDS:
            return None
        cls, v = _WORDS[w.form]
        if cls == _UNIT and 3 <= v <= 9:
            h = self.word_at(w.next, "bare")
            if h is not None and _WORDS.get(h.form) == (_HUNDRED, 100):
                cls, v, w = _HUNDRED, v * 100, _Word(h.form, w.start, h.next)
        if cls == _HUNDRED:
            rest = self.sub(w.next, "conj")
            if rest is not None:
                return v + rest[0], rest[1], w.start
            return v, w.next, w.start
        return self.sub(i, mode)

    def words(self, i: int, mode: str) -> _Core | None:
        total = 0
        limit = 10**15
        start: int | None = None
        pos = i
        last = i
        single = True
        small = False
        scale_used = 1
        while True:
            g = self.group(pos, mode)
            gpos = g[1] if g else pos
            s = self.word_at(gpos, "bare" if g else mode)
            if s is not None and s.form in _SCALES:
                value, kind = _SCALES[s.form]
                ok = value < limit and not (g and kind == _TWO) and not (not g and kind == _MANY)
                if not ok and g is not None and start is not None:
                    break  # مليوني وثلاثة ملايين: the group starts another number
                if ok:
                    count = g[0] if g else (2 if kind == _TWO else 1)
                    total += count * value
                    limit = scale_used = value
                    start = start if start is not None else (g[2] if g else s.start)
                    pos = last = s.next
                    mode = "conj"
                    single = False
                    continue
            if g is not None:
                total += g[0]
                if start is None:
                    start = g[2]
                    small = single and g[0] <= 2 and g[1] == pos + 1
                last = g[1]
            break
        if start is None:
            return None
        return _Core(
            start,
            self.toks[last - 1].end,
            last,
            Decimal(total),
            scale=scale_used,
            small_word=small,
        )

    # -- context

    def after_ordinal(self, i: int) -> bool:
        """Whether token ``i`` follows an ordinal or a definite number (الحادي عشر، الأربع عشرة)."""
        if not self.joined(i):
            return False
        prev = self.lights[i - 1]
        if prev is None:
            return False
        if prev.startswith("ال"):
            prev = prev[2:]
        return prev in _ORDINALS or _WORDS.get(prev, ("", 0))[0] in (_UNIT, _TEENPRE)

    def qualifier_before(self, i: int) -> tuple[str, int] | None:
        """A qualifier phrase ending right before token ``i``: ``(qualifier, start)``."""
        for size in range(min(_MAX_PHRASE, i), 0, -1):
            first = i - size
            forms = self.norms[first:i]
            if any(f is None for f in forms):
                continue
            if any(not self.joined(k) for k in range(first + 1, i + 1)):
                continue
            head = forms[0] or ""
            tail = tuple(f or "" for f in forms[1:])
            start = self.toks[first].start
            q = _QUALIFIERS.get((head, *tail))
            if q is None and head[:1] in ("و", "ب", "ل", "ف") and len(head) > 2:
                q = _QUALIFIERS.get((head[1:], *tail))
                if q is not None:
                    start = self._offset(self.toks[first], 1)
            if q is not None:
                return q, start
        return None

    def unit_after(self, j: int) -> tuple[int, int, int] | None:
        """The counted noun or percent sign at token ``j``: ``(start, end, next index)``."""
        if j >= self.n or not self.joined(j):
            return None
        tok = self.toks[j]
        if tok.text in ("%", "٪"):
            return tok.start, tok.end, j + 1
        w = self.norms[j]
        if w is None:
            return None
        if w in _PERCENT_ONE_WORD:
            return tok.start, tok.end, j + 1
        if w == _IN and j + 1 < self.n and self.norms[j + 1] in _PERCENT_WORDS:
            if self.joined(j + 1):
                return tok.start, self.toks[j + 1].end, j + 2
        if w in _UNIT_STOP or self.lights[j] in _ALL:
            return None
        if tok.prefix and normalize(tok.prefix) != "ال":
            return None
        return tok.start, tok.end, j + 1

    def postfix_after(self, j: int) -> str | None:
        for phrase, q in _POSTFIX.items():
            k = j
            for form in phrase:
                if k >= self.n or self.norms[k] != form or not self.joined(k):
                    break
                k += 1
            else:
                return q
        return None

    def skip_digits(self, i: int) -> int:
        """Index after a date/time chain or a number glued to Latin text, else ``i``."""
        toks = self.toks
        tok = toks[i]
        if i > 0 and toks[i - 1].kind in _LATIN_KINDS and toks[i - 1].end == tok.start:
            return i + 1
        if i + 1 < self.n and toks[i + 1].kind in _LATIN_KINDS and toks[i + 1].start == tok.end:
            return i + 1
        j = i
        separators = []
        while (
            j + 2 < self.n
            and toks[j + 1].text in _TIME_DATE_SEPARATORS
            and toks[j + 1].start == toks[j].end
            and toks[j + 2].kind == "number"
            and toks[j + 2].start == toks[j + 1].end
        ):
            separators.append(toks[j + 1].text)
            j += 2
        # "/" and ":" always join a date or time; "-" only in a three-part date (6-10-1436),
        # since 3-1 is a score and 2014-2015 a range.
        if j > i and (len(separators) >= 2 or separators[0] != "-"):
            return j + 1
        return i

    def mention_at(self, i: int) -> tuple[NumberMention, int] | None:
        tok = self.toks[i]
        core = self.core(i, "first")
        if core is None:
            return None
        qualifier: str | None = None
        start = core.start
        if core.start == tok.start:
            found = self.qualifier_before(i)
            if found is not None:
                qualifier, start = found
        end = core.end
        nxt = core.next
        lo_hi: tuple[Decimal | None, Decimal | None] | None = None
        if qualifier == "range":
            second = self.core(nxt, "conj")
            if second is not None and second.value is not None and core.value is not None:
                first_value = core.value
                if core.scale == 1 and second.scale > 1:
                    first_value *= second.scale
                lo_hi = (first_value, second.value)
                end, nxt = second.end, second.next
            else:
                qualifier, start = None, core.start
        unit = None if core.small_word else self.unit_after(nxt)
        after = unit[2] if unit else nxt
        if qualifier is None and core.lo is None:
            qualifier = self.postfix_after(after)
        mention = self.build(core, qualifier, start, end, unit, lo_hi)
        return mention, nxt if unit is None else unit[2]

    def build(
        self,
        core: _Core,
        qualifier: str | None,
        start: int,
        end: int,
        unit: tuple[int, int, int] | None,
        lo_hi: tuple[Decimal | None, Decimal | None] | None,
    ) -> NumberMention:
        value: Number | None = None
        lo: Number | None = None
        hi: Number | None = None
        approx = True
        if core.value is None:  # vague
            lo, hi = core.lo, core.hi
            if qualifier in ("more_than", "at_least"):
                hi = None
            elif qualifier in ("less_than", "at_most"):
                lo = None
            if qualifier is None or qualifier == "about":
                qualifier = "vague"
        else:
            v = _number(core.value)
            if qualifier is None:
                value, lo, hi, approx = v, v, v, False
            elif qualifier == "about":
                value = v
            elif qualifier in ("more_than", "at_least"):
                lo = v
            elif qualifier in ("less_than", "at_most"):
                hi = v
            elif qualifier == "range" and lo_hi is not None:
                a, b = lo_hi
                lo = _number(a) if a is not None else None
                hi = _number(b) if b is not None else None
                approx = False
        text = self.text
        return NumberMention(
            text[start:end],
            start,
            end,
            value,
            lo,
            hi,
            approx,
            text[unit[0] : unit[1]] if unit else None,
            unit[0] if unit else None,
            unit[1] if unit else None,
            qualifier,
        )


def find_numbers(text: str) -> list[NumberMention]:
    """Find counts and quantities in ``text``; see the module docstring."""
    parser = _Parser(text, tokenize(text))
    out: list[NumberMention] = []
    i = 0
    n = parser.n
    toks = parser.toks
    while i < n:
        tok = toks[i]
        if tok.kind == "number":
            skip = parser.skip_digits(i)
            if skip != i:
                i = skip
                continue
        elif tok.kind != "word" or parser.norms[i] is None:
            i += 1
            continue
        found = parser.mention_at(i)
        if found is None:
            i += 1
            continue
        mention, nxt = found
        if out and out[-1].unit_end is not None and mention.start < out[-1].unit_end:
            # the word taken as the previous count's unit opens this mention (٠ فأكثر من ٠)
            out[-1] = replace(out[-1], unit=None, unit_start=None, unit_end=None)
        out.append(mention)
        i = max(nxt, i + 1)
    return out
