"""The gazetteer and linking layer: matching, lookup, CRF features, institutions."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import rasid
from rasid.arabic import tokenize
from rasid.entities.gazetteer import HEADER, Gazetteer, GazMatch, default_gazetteer
from rasid.entities.institutions import find_institutions
from rasid.errors import ModelError

from conftest import ROOT, SEED

DATA = ROOT / "src" / "rasid" / "data"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


@pytest.fixture(scope="module")
def seed() -> str:
    return rasid.read(SEED).text


@pytest.fixture(scope="module")
def seed_matches(gaz: Gazetteer, seed: str) -> list[GazMatch]:
    return gaz.match(tokenize(seed))


def found(matches: list[GazMatch], text: str, surface: str) -> list[GazMatch]:
    return [m for m in matches if text[m.start : m.end] == surface]


# -- the seed article -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("surface", "id_", "canonical"),
    [
        ("روسيا", "cldr:RU", "روسيا"),
        ("أوكرانيا", "cldr:UA", "أوكرانيا"),
        ("بيلاروسيا", "cldr:BY", "بيلاروسيا"),
        ("روسيا البيضاء", "cldr:BY", "بيلاروسيا"),
        ("موسكو", "geonames:524901", "موسكو"),
        ("كييف", "geonames:703448", "كييف"),
        ("خاركيف", "geonames:706483", "خاركيف"),
        ("بيرديانسك", "geonames:712451", "بيرديانسك"),
        ("إنرهودار", "geonames:709276", "إنرهودار"),
    ],
)
def test_seed_places(seed_matches: list[GazMatch], seed: str, surface, id_, canonical) -> None:
    hits = found(seed_matches, seed, surface)
    assert hits, surface
    for m in hits:
        assert (m.entry.id, m.entry.canonical, m.entry.label) == (id_, canonical, "LOC")
        assert m.entry.lat is not None and m.entry.lon is not None


def test_seed_zaporizhzhia(gaz: Gazetteer, seed_matches: list[GazMatch], seed: str) -> None:
    # "محطة زاباروجيا للطاقة النووية" is the plant (at Enerhodar), found as one place
    (plant,) = [m for m in seed_matches if "زاباروجيا" in seed[m.start : m.end]]
    assert seed[plant.start : plant.end] == "محطة زاباروجيا للطاقة النووية"
    assert plant.entry.kind == "place" and plant.entry.country == "UA"
    assert plant.entry.lat is not None
    # the name alone is the city
    text = "قصفت القوات زاباروجيا وزابوريجيا"
    hits = gaz.match(tokenize(text))
    assert [text[m.start : m.end] for m in hits] == ["زاباروجيا", "زابوريجيا"]
    assert {m.entry.id for m in hits} == {"geonames:687700"}
    city = gaz.lookup("زاباروجيا")
    assert city is not None and city.id == "geonames:687700" and city.lat is not None


def test_seed_agencies_organisations_people(seed_matches: list[GazMatch], seed: str) -> None:
    interfax = [m for m in seed_matches if m.entry.id == "rasid:agency/interfax"]
    assert [seed[m.start : m.end] for m in interfax] == [
        "وكالة إنترفاكس للأنباء",
        "وكالة إنترفاكس",
    ]
    assert {m.entry.label for m in interfax} == {"ORG"}
    assert {m.entry.canonical for m in interfax} == {"وكالة إنترفاكس"}
    for surface, id_, label in [
        ("تويتر", "rasid:company/twitter", "ORG"),
        ("تشيلسي", "rasid:club/chelsea", "ORG"),
        ("زيلينسكي", "rasid:person/zelensky", "PER"),
        ("بوتين", "rasid:person/putin", "PER"),
    ]:
        (m,) = found(seed_matches, seed, surface)
        assert (m.entry.id, m.entry.label) == (id_, label)
    assert found(seed_matches, seed, "زيلينسكي")[0].entry.country == "UA"


def test_seed_demonyms_are_not_entities(
    gaz: Gazetteer, seed_matches: list[GazMatch], seed: str
) -> None:
    assert all(m.entry.kind != "demonym" for m in seed_matches)
    surfaces = {seed[m.start : m.end] for m in seed_matches}
    assert not surfaces & {"الروسية", "الروس", "الأوكراني", "الأوكرانية", "أميركي", "البريطاني"}
    # "فلاديمير ماكي" is a person, not the Russian city of Vladimir
    assert "فلاديمير" not in surfaces
    demonyms = gaz.demonyms(tokenize(seed))
    by_surface = {seed[m.start : m.end]: m.entry for m in demonyms}
    assert by_surface["الروسية"].country == "RU"
    assert by_surface["الروس"].canonical == "روسيا"
    assert by_surface["الأوكراني"].id == "cldr:UA"
    assert by_surface["أميركي"].country == "US"
    assert by_surface["البريطاني"].country == "GB"
    assert all(m.entry.kind == "demonym" for m in demonyms)
    both = gaz.match(tokenize(seed), include_demonyms=True)
    assert len(both) == len(seed_matches) + len(demonyms)


def test_seed_offsets(gaz: Gazetteer, seed: str) -> None:
    tokens = tokenize(seed)
    for m in gaz.match(tokens, include_demonyms=True):
        first, last = tokens[m.first], tokens[m.last]
        assert first.start <= m.start < first.end and m.end == last.end
        assert seed[m.start : m.end] == seed[m.start : m.end].strip()
    # وأوكرانيا (twice in the seed): the span starts after the conjunction
    ukraine = [m for m in gaz.match(tokens) if tokens[m.first].text == "وأوكرانيا"]
    assert len(ukraine) == 2
    for m in ukraine:
        assert m.start == tokens[m.first].start + 1 and seed[m.start : m.end] == "أوكرانيا"


def test_seed_institutions(gaz: Gazetteer, seed: str) -> None:
    found_ = find_institutions(tokenize(seed), seed, gaz)
    spans = {seed[m.start : m.end]: (m.canonical, m.country) for m in found_}
    assert spans["وزارة الدفاع الروسية"] == ("وزارة الدفاع (روسيا)", "RU")
    assert spans["مكتب الرئيس الأوكراني"] == ("مكتب الرئيس (أوكرانيا)", "UA")
    # بوزارة: the span starts after the preposition
    assert spans["وزارة الداخلية الأوكرانية"] == ("وزارة الداخلية (أوكرانيا)", "UA")
    assert spans["وزارة الخارجية"] == ("وزارة الخارجية", None)
    # a title is a person descriptor, not an institution
    title = seed.index("وزير خارجية بيلاروسيا")
    assert not [m for m in found_ if m.start < title + 21 and m.end > title]


# -- matching ---------------------------------------------------------------------------------


def test_clitics_are_left_out_of_the_span(gaz: Gazetteer) -> None:
    text = "قصفت وخاركيف ولموسكو وبروسيا والرياض بالكرملين للكرملين فخاركيف"
    hits = gaz.match(tokenize(text))
    assert [text[m.start : m.end] for m in hits] == [
        "خاركيف",
        "موسكو",
        "روسيا",
        "الرياض",  # the article stays: it is part of the name
        "الكرملين",
        "كرملين",  # ل + ال written لل: the span starts at the stem
    ]
    assert hits[0].entry.id == "geonames:706483"


def test_longest_match_and_token_indices(gaz: Gazetteer) -> None:
    text = "أعلنت الولايات المتحدة الأمريكية و روسيا البيضاء"
    tokens = tokenize(text)
    usa, belarus = gaz.match(tokens)
    assert (usa.first, usa.last) == (1, 3)
    assert text[usa.start : usa.end] == "الولايات المتحدة الأمريكية"
    assert usa.entry.id == "cldr:US"
    assert (belarus.first, belarus.last) == (5, 6) and belarus.entry.id == "cldr:BY"


def test_ambiguous_names_are_not_matched(gaz: Gazetteer) -> None:
    text = "كيف ترى الوضع في مالي وعمان وصور المدينة"
    assert gaz.match(tokenize(text)) == []
    kyiv = gaz.lookup("كيف")
    assert kyiv is not None and kyiv.id == "geonames:703448"


def test_diacritics_and_spelling_variants(gaz: Gazetteer) -> None:
    text = "زار أَمِيرْكَا ثم كيـيف وخاركوف"
    hits = gaz.match(tokenize(text))
    assert [m.entry.id for m in hits] == ["cldr:US", "geonames:703448", "geonames:706483"]
    assert [text[m.start : m.end] for m in hits] == ["أَمِيرْكَا", "كيـيف", "خاركوف"]


# -- lookup -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mention", "label", "id_"),
    [
        ("وكالة إنترفاكس للأنباء", None, "rasid:agency/interfax"),
        ("انترفاكس", None, "rasid:agency/interfax"),
        ("روسيا البيضاء", None, "cldr:BY"),
        ("فلاديمير بوتين", "PER", "rasid:person/putin"),
        ("الرئيس الروسي فلاديمير بوتين", None, "rasid:person/putin"),
        ("وموسكو", None, "geonames:524901"),
        ("مدينة خاركيف", None, "geonames:706483"),
        ("العاصمة كييف", "LOC", "geonames:703448"),
        ("بلدة إنرهودار", None, "geonames:709276"),
        ("الفرنسية", "ORG", "rasid:agency/afp"),
        ("الفرنسية", None, "cldr:FR"),
        ("أ ف ب", None, "rasid:agency/afp"),
        ("الناتو", None, "rasid:org/nato"),
    ],
)
def test_lookup(gaz: Gazetteer, mention: str, label: str | None, id_: str) -> None:
    entry = gaz.lookup(mention, label)
    assert entry is not None and entry.id == id_


def test_lookup_misses(gaz: Gazetteer) -> None:
    assert gaz.lookup("فلاديمير ماكي") is None
    assert gaz.lookup("") is None
    assert gaz.lookup("روسيا", "PER") is None
    french = gaz.lookup("الفرنسية")
    assert french is not None and french.kind == "demonym"


def test_get(gaz: Gazetteer) -> None:
    belarus = gaz.get("cldr:BY")
    assert belarus is not None and belarus.kind == "country" and belarus.canonical == "بيلاروسيا"
    assert gaz.get("nope") is None


# -- CRF features -----------------------------------------------------------------------------


def test_token_features(gaz: Gazetteer) -> None:
    text = "قالت وكالة إنترفاكس للأنباء إن القوات الروسية دخلت خاركيف كيف"
    tokens = tokenize(text)
    feats = dict(zip([t.text for t in tokens], gaz.token_features(tokens), strict=True))
    assert feats["قالت"] == ()
    assert feats["وكالة"] == ("gaz:B-ORG", "gaz:kind=agency")
    assert feats["للأنباء"] == ("gaz:I-ORG", "gaz:kind=agency")
    assert feats["الروسية"] == ("gaz:demonym",)
    assert feats["خاركيف"] == ("gaz:B-LOC", "gaz:kind=city")
    assert feats["كيف"] == ("gaz:weak:B-LOC",)
    assert len(gaz.token_features(tokens)) == len(tokens)
    assert gaz.token_features([]) == []


# -- institutions -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "canonical", "country"),
    [
        ("وقال مكتب رئيس الوزراء البريطاني", "مكتب رئيس الوزراء البريطاني",
         "مكتب رئيس الوزراء (المملكة المتحدة)", "GB"),
        ("وأعلنت وزارة خارجية روسيا", "وزارة خارجية روسيا", "وزارة الخارجية (روسيا)", "RU"),
        ("وطالبت الحكومة الأوكرانية", "الحكومة الأوكرانية", "الحكومة (أوكرانيا)", "UA"),
        ("وطالبت حكومة أوكرانيا", "حكومة أوكرانيا", "الحكومة (أوكرانيا)", "UA"),
        ("وقال الحرس الثوري الإيراني", "الحرس الثوري الإيراني", "الحرس الثوري (إيران)", "IR"),
        ("وتقدمت القوات البرية الروسية", "القوات البرية الروسية", "القوات البرية (روسيا)", "RU"),
        ("قال مجلس الأمن القومي الأمريكي", "مجلس الأمن القومي الأمريكي",
         "مجلس الأمن القومي (الولايات المتحدة)", "US"),
        ("واحتج بالسفارة الأمريكية", "السفارة الأمريكية", "السفارة (الولايات المتحدة)", "US"),
    ],
)  # fmt: skip
def test_institutions(gaz: Gazetteer, text, span, canonical, country) -> None:
    (m,) = find_institutions(tokenize(text), text, gaz)
    assert (text[m.start : m.end], m.canonical, m.country) == (span, canonical, country)


@pytest.mark.parametrize(
    "text",
    [
        "وقال وزير خارجية بيلاروسيا",  # a title
        "الرئيس الأوكراني",  # a title
        "وصلت قوات روسية",  # a description
        "وصلت القوات",  # a generic head with no country
        "أعلنت الوزارة",  # a head alone
        "ووزارة خارجية",  # a construct with nothing after it
        "دعا مجلس الأمن",  # the gazetteer's own name
    ],
)
def test_not_institutions(gaz: Gazetteer, text: str) -> None:
    assert find_institutions(tokenize(text), text, gaz) == []


# -- the data files ---------------------------------------------------------------------------


def test_load_is_fast() -> None:
    best = min(_timed_load() for _ in range(2))
    assert best < 0.3, f"loading the gazetteer took {best:.2f} s"


def _timed_load() -> float:
    start = time.perf_counter()
    Gazetteer.load()
    return time.perf_counter() - start


def test_missing_file_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError) as info:
        Gazetteer.load(tmp_path / "gazetteer.tsv")
    message = str(info.value)
    assert info.value.code == "E200"
    assert "\n" not in message and "gazetteer.tsv" in message


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\xff\xfe not text",
        b"id\tname\n",
        (HEADER + "\ncldr:RU\tLOC\tcountry\n").encode(),
        (HEADER + "\ncldr:RU\tPLACE\tcountry\tRU\t1\t2\tروسيا\tروسيا\n").encode(),
        (HEADER + "\ncldr:RU\tLOC\tcountry\tRU\tnorth\t2\tروسيا\tروسيا\n").encode(),
        (HEADER + "\n").encode(),
    ],
)
def test_corrupt_file_is_a_model_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "gazetteer.tsv"
    path.write_bytes(content)
    with pytest.raises(ModelError) as info:
        Gazetteer.load(path)
    assert "\n" not in str(info.value)


def test_a_small_file_loads(tmp_path: Path) -> None:
    path = tmp_path / "gazetteer.tsv"
    path.write_text(
        HEADER + "\nrasid:x\tORG\tagency\t\t\t\tوكالة س\tوكالة س|س س ?|?سين\n", encoding="utf-8"
    )
    small = Gazetteer.load(path)
    assert len(small) == 1
    (entry,) = small.entries
    assert entry.lat is None and entry.country is None
    assert small.lookup("سين") == entry
    assert small.match(tokenize("سين")) == []


def test_shipped_names_are_tokenised(gaz: Gazetteer) -> None:
    """Names in gazetteer.tsv are stored with their tokens space-separated, which is what
    the loader relies on (no tokenizer at load time)."""
    lines = (DATA / "gazetteer.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == HEADER
    for line in lines[1:]:
        for name in line.split("\t")[7].split("|"):
            name = name.removeprefix("?")
            assert " ".join(t.text for t in tokenize(name)) == name, line
    assert (DATA / "gazetteer.tsv").stat().st_size <= 3_000_000


def test_aliases_are_built_in(gaz: Gazetteer) -> None:
    """Every curated entry is in the shipped gazetteer (rebuild after editing aliases.tsv)."""
    rows = [
        line.split("\t")
        for line in (DATA / "aliases.tsv").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    header, rows = rows[0], rows[1:]
    assert header[-1] == "source"
    kinds = {}
    for row in rows:
        assert len(row) == len(header) and row[-1].startswith("curated"), row
        id_, label, kind, canonical = row[0], row[1], row[2], row[6]
        entries = [e for e in gaz.entries if e.id == id_ and e.label == label]
        assert entries, f"{id_} {label} is not in gazetteer.tsv"
        if canonical:
            assert entries[0].canonical == canonical
        kinds[kind] = kinds.get(kind, 0) + 1
    assert kinds["demonym"] >= 40
