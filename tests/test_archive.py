"""The archive: ingest into SQLite, duplicates, idempotency, interruption, search."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from itertools import islice
from pathlib import Path

import pytest

from rasid.archive.fingerprint import content_hash, index_text
from rasid.archive.ingest import ingest
from rasid.archive.search import search
from rasid.archive.sources import iter_records
from rasid.archive.store import SCHEMA_VERSION, open_archive
from rasid.errors import RasidError

from conftest import ROOT, SAUDINEWSNET, SEED, need

ARTICLES = {
    "kyiv.txt": (
        "محادثات في بيلاروسيا\n\n"
        "وقال وزير الخارجية إن المحادثات بين روسيا وأوكرانيا ستستأنف غدا في مينسك.\n\n"
        "وأضاف أن الوفدين اتفقا على جدول الأعمال."
    ),
    "riyadh.txt": (
        "افتتاح مستشفى جديد\n\n"
        "افتتحت وزارة الصحة مستشفى جديدا في الرياض يضم مئتي سرير.\n\n"
        "وقال المتحدث باسم الوزارة إن المستشفى سيخدم أحياء شمال المدينة."
    ),
    "sport/match.txt": (
        "فوز الهلال\n\n"
        "فاز الهلال على النصر بهدفين مقابل هدف في مباراة أقيمت مساء أمس في الرياض.\n\n"
        "وقال مدرب الفريق إن اللاعبين قدموا أداء رائعا."
    ),
}


def write_folder(root: Path) -> Path:
    folder = root / "news"
    for name, text in ARTICLES.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    # the same article again under another name, with other spacing and a diacritic
    (folder / "copy.txt").write_text(
        ARTICLES["kyiv.txt"].replace("غدا", "غداً").replace(" في ", "  في "), encoding="utf-8"
    )
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "photo.bin").write_bytes(bytes(range(256)) * 4)
    return folder


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return write_folder(tmp_path)


def test_ingest_a_folder(tmp_path, folder):
    archive = open_archive(tmp_path / "a.db")
    summary = ingest([folder], archive)
    assert (summary.analysed, summary.duplicates, summary.skipped) == (3, 1, 2)
    counts = archive.counts()
    assert counts["articles"] == 3 and counts["duplicates"] == 1 and counts["skipped"] == 2
    assert counts["statements"] >= 4 and counts["mentions"] >= 4
    db = archive.db
    original = db.execute(
        "SELECT origin FROM articles WHERE id = (SELECT original_id FROM duplicates)"
    ).fetchone()[0]
    assert original.endswith("copy.txt") or original.endswith("kyiv.txt")
    stored = json.loads(db.execute("SELECT analysis FROM articles LIMIT 1").fetchone()[0])
    assert stored["schema"] == "rasid.analysis/1"
    reasons = {r for (r,) in db.execute("SELECT reason FROM skipped")}
    assert len(reasons) == 2
    archive.close()


def test_ingesting_twice_adds_nothing(tmp_path, folder):
    path = tmp_path / "a.db"
    first = ingest([folder], open_archive(path))
    archive = open_archive(path)
    again = ingest([folder], archive)
    assert again.analysed == 0 and again.duplicates == 0 and again.skipped == 0
    assert again.already == first.read + first.skipped
    assert archive.counts()["articles"] == 3


def test_an_interrupted_ingest_keeps_whole_batches_and_resumes(tmp_path, folder):
    path = tmp_path / "a.db"
    archive = open_archive(path)
    seen = []

    def stop_after_two(summary):
        seen.append(summary.read)
        if summary.read >= 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest([folder], archive, batch_size=1, progress=stop_after_two)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = db.execute("SELECT id FROM articles").fetchall()
    for (article_id,) in stored:  # nothing half-written: each stored article has its parts
        assert db.execute("SELECT count(*) FROM articles_fts WHERE rowid = ?", (article_id,))
    resumed = ingest([folder], open_archive(path))
    assert open_archive(path).counts()["articles"] == 3
    assert resumed.analysed == 3 - len(stored)


def test_kill_9_leaves_a_sound_database(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for k in range(40):
        (folder / f"{k:03}.txt").write_text(
            f"خبر رقم {k}\n\nوقال المتحدث إن الاجتماع رقم {k} سيعقد في اليوم {k} من الشهر.",
            encoding="utf-8",
        )
    path = tmp_path / "k.db"
    cmd = [
        sys.executable,
        "-m",
        "rasid.cli",
        "ingest",
        str(folder),
        "--db",
        str(path),
        "--batch",
        "1",
        "--json",
    ]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if path.exists():
            try:
                n = sqlite3.connect(path).execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.Error:
                n = 0
            if n >= 3:
                break
        time.sleep(0.05)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    done = ingest([folder], open_archive(path))
    assert open_archive(path).counts()["articles"] == 40
    assert done.analysed + done.already == 40


def test_two_workers_store_the_same(tmp_path, folder):
    one = open_archive(tmp_path / "one.db")
    two = open_archive(tmp_path / "two.db")
    ingest([folder], one)
    ingest([folder], two, workers=2)
    query = "SELECT content_hash, origin FROM articles ORDER BY id"
    assert one.db.execute(query).fetchall() == two.db.execute(query).fetchall()
    assert one.counts() == two.counts()


def test_search_ignores_spelling_and_clitics(tmp_path, folder):
    archive = open_archive(tmp_path / "a.db")
    ingest([folder], archive)
    for query in ("اوكرانيا", "أوكرانيا", "لأوكرانيا", "المحادثات"):
        hits = search(archive, query)
        assert [h.article.title for h in hits] == ["محادثات في بيلاروسيا"], query
    hit = search(archive, "اوكرانيا")[0]
    (start, end), *_ = hit.highlights
    assert hit.snippet[start:end] == "وأوكرانيا"
    assert search(archive, "الرياض")  # two articles
    assert {h.article.title for h in search(archive, "الرياض")} == {
        "افتتاح مستشفى جديد",
        "فوز الهلال",
    }
    assert search(archive, "الرياض مستشفى")[0].article.title == "افتتاح مستشفى جديد"


@pytest.mark.parametrize("query", ['"', "NEAR(", "a*", "-روسيا", "title: x", "OR AND", "(("])
def test_fts_syntax_in_a_query_never_fails(tmp_path, folder, query):
    archive = open_archive(tmp_path / "a.db")
    ingest([folder], archive)
    try:
        assert isinstance(search(archive, query), list)
    except RasidError as exc:  # a query with no words at all
        assert "no words" in str(exc)


def test_search_filters(tmp_path, folder):
    archive = open_archive(tmp_path / "a.db")
    ingest([folder], archive)
    assert search(archive, "الرياض", entity="الرياض")
    assert not search(archive, "الرياض", date_from="2999-01-01")
    assert not search(archive, "الرياض", outlet="nowhere")


def test_fingerprints():
    assert content_hash("قال  الوزير") == content_hash("قالَ الوزير\n")
    assert content_hash("قال الوزير") != content_hash("قال المتحدث")
    assert index_text("وأوكرانيا للأنباء 350") == "اوكرانيا انباء 350"


def test_schema_is_versioned_and_bad_files_are_refused(tmp_path):
    archive = open_archive(tmp_path / "a.db")
    assert archive.schema_version == SCHEMA_VERSION
    archive.db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    archive.close()
    with pytest.raises(RasidError, match="newer rasid"):
        open_archive(tmp_path / "a.db")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(RasidError, match="not a rasid database"):
        open_archive(junk)


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "rasid.cli", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
        env={**os.environ, **(env or {})},
    )


def test_cli_ingest_and_search(tmp_path, folder):
    db = str(tmp_path / "c.db")
    out = run("ingest", str(folder), str(SEED), "--db", db, "--json")
    assert out.returncode == 0, out.stderr
    summary = json.loads(out.stdout)
    assert {"read", "analysed", "duplicates", "skipped"} <= set(summary)
    assert summary["analysed"] == 4
    found = run("search", "زاباروجيا", "--db", db, "--json")
    assert found.returncode == 0, found.stderr
    hits = json.loads(found.stdout)
    assert hits[0]["title"].startswith("انطلاق محادثات")
    assert {"id", "url", "source", "published", "snippet", "highlights"} <= set(hits[0])
    empty = run("search", "كلمةلاتوجد", "--db", db, "--json")
    assert json.loads(empty.stdout) == []


def test_cli_errors_are_one_line(tmp_path):
    missing = run("search", "روسيا", "--db", str(tmp_path / "none.db"))
    assert missing.returncode == 1 and missing.stderr.count("\n") == 1
    assert "no archive" in missing.stderr
    bad = run("ingest", str(tmp_path / "nowhere"), "--db", str(tmp_path / "x.db"))
    assert bad.returncode == 1 and bad.stderr.startswith("rasid: error:")
    assert bad.stderr.count("\n") == 1


def test_a_real_saudinewsnet_sample(tmp_path):
    zips = sorted(need(SAUDINEWSNET).glob("*.zip"))
    sample = list(islice(iter_records(zips[0]), 150))
    archive = open_archive(tmp_path / "s.db")
    summary = ingest([], archive, records=sample)
    assert summary.read + summary.skipped == len(sample)
    assert summary.analysed > 100
    counts = archive.counts()
    assert counts["articles"] == summary.analysed and counts["duplicates"] == summary.duplicates
    sources = {s for (s,) in archive.db.execute("SELECT DISTINCT source FROM articles")}
    assert sources and None not in sources


def test_statements_and_entity_profiles(tmp_path, folder):
    archive = open_archive(tmp_path / "a.db")
    ingest([folder, SEED], archive)
    from rasid.archive.browse import entity, statements

    by_ministry = statements(archive, speaker="وزارة الدفاع")
    assert by_ministry and all("الدفاع" in s["speaker"]["text"] for s in by_ministry)
    denials = statements(archive, stance="deny")
    assert [s["speaker"]["text"] for s in denials] == ["أوكرانيا"]
    assert denials[0]["article"]["title"].startswith("انطلاق محادثات")
    profile = entity(archive, "اوكرانيا")
    assert profile.canonical == "أوكرانيا" and profile.label == "LOC" and profile.lat
    assert profile.mentions >= 5 and profile.articles == 2
    assert any(s["speaker"]["text"] == "أوكرانيا" for s in profile.said)
    assert profile.said_about  # the Russian claims name Ukraine in their content
    companions = {c for c, _, _ in profile.with_entities}
    assert "روسيا" in companions
    with pytest.raises(RasidError, match="no entity"):
        entity(archive, "كلمةلاتوجد")


def test_cli_statements_and_entity(tmp_path):
    db = str(tmp_path / "c.db")
    assert run("ingest", str(SEED), "--db", db, "--json").returncode == 0
    out = run("statements", "--db", db, "--speaker", "مسؤول", "--json")
    found = json.loads(out.stdout)
    assert len(found) == 2 and all(s["speaker"]["anonymous"] for s in found)
    profile = json.loads(run("entity", "خاركيف", "--db", db, "--json").stdout)
    assert profile["canonical"] == "خاركيف" and profile["mentions"] >= 2
    text = run("entity", "خاركيف", "--db", db)
    assert text.returncode == 0 and "خاركيف" in text.stdout


def test_export_statements_for_pandas(tmp_path):
    db = str(tmp_path / "c.db")
    assert run("ingest", str(SEED), "--db", db, "--json").returncode == 0
    out = tmp_path / "s.csv"
    done = run("export", "statements", "--db", db, "--format", "csv", "--out", str(out))
    assert done.returncode == 0, done.stderr
    import csv as csv_module

    rows = list(csv_module.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 12
    assert rows[6]["speaker"] == "وزارة الدفاع الروسية" and rows[6]["via"] == "وكالة إنترفاكس"
    lines = run("export", "statements", "--db", db).stdout.splitlines()
    assert len(lines) == 12 and json.loads(lines[8])["stance"] == "deny"
    geo = json.loads(run("export", "events", "--db", db, "--format", "geojson").stdout)
    assert geo["type"] == "FeatureCollection"
    wrong = run("export", "statements", "--db", db, "--format", "geojson")
    assert wrong.returncode == 1 and "geojson is for events" in wrong.stderr


def test_a_version_1_archive_is_migrated(tmp_path):
    from rasid.archive import store

    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    for statement in store._MIGRATIONS[1].split(";"):
        if statement.strip():
            db.execute(statement)
    db.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    db.commit()
    db.close()
    archive = open_archive(path)
    assert archive.schema_version == SCHEMA_VERSION >= 3
    indexes = {
        r[0] for r in archive.db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
    }
    assert {"articles_origin", "minhash_bands_bucket"} <= indexes


LONG = (
    "أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في مدينة الرياض يضم مئتي سرير وعشرين غرفة "
    "عمليات، وقال المتحدث باسم الوزارة إن المستشفى سيخدم أحياء شمال المدينة وإنه جهز بأحدث "
    "الأجهزة الطبية. وأضاف أن المستشفى سيبدأ استقبال المرضى الأسبوع المقبل بعد اكتمال "
    "تجهيز الأقسام، وأن العمل جار على توظيف ثلاثمئة طبيب وممرض من المواطنين والمقيمين. "
    "وأوضح أن الوزارة تخطط لافتتاح ثلاثة مستشفيات أخرى في المنطقة خلال العامين المقبلين."
)


def test_near_duplicates_are_linked_not_analysed(tmp_path):
    from rasid.archive import near

    folder = tmp_path / "near"
    folder.mkdir()
    (folder / "a.txt").write_text("مستشفى جديد\n\n" + LONG, encoding="utf-8")
    edited = LONG.replace("الأسبوع المقبل", "بعد أسبوعين") + " المصدر: واس."
    (folder / "b.txt").write_text("افتتاح مستشفى في الرياض\n\n" + edited, encoding="utf-8")
    other = LONG.replace("وزارة الصحة", "وزارة التعليم").replace("مستشفى", "مدرسة")
    other = other.replace("المرضى", "الطلاب").replace("طبيب وممرض", "معلم ومعلمة")
    (folder / "c.txt").write_text("مدرسة جديدة\n\n" + other, encoding="utf-8")
    sig_a, sig_b, sig_c = (near.signature(t) for t in (LONG, edited, other))
    assert near.similarity(sig_a, sig_b) >= near.THRESHOLD > near.similarity(sig_a, sig_c)
    archive = open_archive(tmp_path / "n.db")
    summary = ingest([folder], archive)
    assert (summary.analysed, summary.duplicates, summary.near_duplicates) == (2, 1, 1)
    kind, score = archive.db.execute("SELECT kind, similarity FROM duplicates").fetchone()
    assert kind == "near" and near.THRESHOLD <= score < 1
    # incremental: a later run finds the near copy through the stored buckets
    (tmp_path / "later").mkdir()
    (tmp_path / "later" / "d.txt").write_text("نسخة\n\n" + edited + " انتهى.", encoding="utf-8")
    again = ingest([tmp_path / "later"], archive)
    assert again.near_duplicates == 1 and again.analysed == 0


def test_near_copies_with_other_numbers_or_more_text_are_kept():
    from rasid.archive import near

    base = near.fingerprint(LONG + " وبلغت كلفة المشروع 120 مليون ريال.")
    template = near.fingerprint(LONG + " وبلغت كلفة المشروع 95 مليون ريال.")
    longer = near.fingerprint(
        LONG + " وبلغت كلفة المشروع 120 مليون ريال. " + LONG.replace("الرياض", "جدة")
    )
    reprint = near.fingerprint(LONG + " وبلغت كلفة المشروع 120 مليون ريال. المصدر: واس")
    assert near.same_text(reprint, base) is not None
    assert near.same_text(template, base) is None  # another event told with the same words
    assert near.same_text(longer, base) is None  # it has more than the kept copy


def test_an_ingest_that_stores_nothing_fails(tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("", encoding="utf-8")
    (bad / "photo.bin").write_bytes(bytes(range(256)) * 4)
    out = run("ingest", str(bad), "--db", str(tmp_path / "b.db"), "--json")
    assert out.returncode == 1 and out.stderr.startswith("rasid: error: [E300]")
    assert json.loads(out.stdout)["skipped"] == 2
    empty = tmp_path / "none"
    empty.mkdir()
    nothing = run("ingest", str(empty), "--db", str(tmp_path / "b.db"))
    assert nothing.returncode == 1 and "no records" in nothing.stderr


def story_records():
    from rasid.archive.sources import Record

    a = (
        "سيطرة على مدينتين\n\n"
        "ونقلت وكالة إنترفاكس عن وزارة الدفاع الروسية قولها إن قواتها سيطرت على بلدتي بيرديانسك "
        "وإنرهودار في جنوب شرق أوكرانيا وعلى المنطقة المحيطة بمحطة زاباروجيا للطاقة النووية."
    )
    b = (
        "أوكرانيا تنفي سقوط بيرديانسك\n\n"
        "أعلنت وزارة الدفاع الروسية أن قواتها سيطرت على بلدتي بيرديانسك وإنرهودار في جنوب شرق "
        "أوكرانيا وعلى محيط محطة زاباروجيا للطاقة النووية، في الوقت الذي نفت فيه أوكرانيا "
        "ذلك.\n\nونفت أوكرانيا أن تكون القوات الروسية قد سيطرت على بيرديانسك وإنرهودار، "
        "وقالت إن المعارك مستمرة قرب محطة زاباروجيا للطاقة النووية."
    )
    c = (
        "افتتاح مستشفى جديد\n\n"
        "افتتحت وزارة الصحة مستشفى جديدا في الرياض يضم مئتي سرير، وقال المتحدث باسم الوزارة "
        "إن المستشفى سيخدم أحياء شمال المدينة."
    )
    return [
        Record("one", a, url="https://a.example/1", source="a", published="2022-02-28"),
        Record("two", b, url="https://b.example/2", source="b", published="2022-03-01"),
        Record("three", c, url="https://c.example/3", source="c", published="2022-03-01"),
    ]


def test_stories_group_one_happening_across_outlets(tmp_path):
    from rasid.archive.stories import stories, story, update

    archive = open_archive(tmp_path / "s.db")
    ingest([], archive, records=story_records())
    assert update(archive) == 3
    assert update(archive) == 0  # incremental: nothing new to place
    found = stories(archive, min_articles=2)
    assert len(found) == 1
    group = found[0]
    assert {a["url"] for a in group["articles"]} == {"https://a.example/1", "https://b.example/2"}
    assert group["outlets"] == ["a", "b"] and group["count"] == 2
    assert (group["first_seen"], group["last_seen"]) == ("2022-02-28", "2022-03-01")
    detail = story(archive, group["id"])
    assert set(detail["outlets"]) == {"a", "b"}
    claims = {c["speaker"]: c for c in detail["claims"]}
    assert claims["وزارة الدفاع (روسيا)"]["asserts"][0]["via"] == ["وكالة إنترفاكس"]
    assert claims["أوكرانيا"]["denies"]  # the denial sits beside the claim
    assert any(e["canonical"] == "بيرديانسك" for e in detail["entities"])
    with pytest.raises(RasidError, match="no story"):
        story(archive, 999)


def story_of(archive) -> dict[str, int]:
    """Each article's story, by the article's origin."""
    return dict(
        archive.db.execute(
            "SELECT a.origin, sa.story_id FROM story_articles sa JOIN articles a"
            " ON a.id = sa.article_id"
        ).fetchall()
    )


def test_stories_keep_other_happenings_apart_and_close_after_a_day(tmp_path):
    from rasid.archive.sources import Record
    from rasid.archive.stories import update

    one, two, three = story_records()
    talks = Record(  # the same war, the same countries: another happening
        "talks",
        "محادثات روسية أوكرانية على حدود بيلاروسيا\n\n"
        "انطلقت محادثات بين وفدين من روسيا وأوكرانيا على حدود بيلاروسيا، وقال مكتب الرئيس "
        "الأوكراني إن كييف تطالب بوقف فوري لإطلاق النار وانسحاب القوات الروسية، فيما قال رئيس "
        "الوفد الروسي إن الطرفين اتفقا على مواصلة المحادثات في جولة ثانية.",
        url="https://d.example/4",
        source="d",
        published="2022-03-01",
    )
    later = Record(  # the same claim told again a week later: a new story
        "later",
        "القوات الروسية في بيرديانسك\n\n"
        "قالت وزارة الدفاع الروسية إن قواتها تسيطر على بلدتي بيرديانسك وإنرهودار في جنوب شرق "
        "أوكرانيا وعلى محيط محطة زاباروجيا للطاقة النووية، ونفت أوكرانيا ذلك مجددا.",
        url="https://e.example/5",
        source="e",
        published="2022-03-08",
    )
    archive = open_archive(tmp_path / "s.db")
    ingest([], archive, records=[one])
    assert update(archive) == 1
    ingest([], archive, records=[two, three, talks, later])
    assert update(archive) == 4  # "two" joins the story stored by the first update
    found = story_of(archive)
    assert found["one"] == found["two"]
    assert len({found["one"], found["three"], found["talks"], found["later"]}) == 4


def test_an_article_linking_two_close_stories_merges_them(tmp_path, monkeypatch):
    from rasid.archive import stories as stories_module
    from rasid.archive.sources import Record

    records = [
        Record(name, f"خبر رقم {k} عن موضوع مختلف تماما {name}", published="2022-03-01")
        for k, name in enumerate(["a", "b", "ab", "bridge"])
    ]
    archive = open_archive(tmp_path / "m.db")
    ingest([], archive, records=records)
    ids = {origin: i for i, origin in archive.db.execute("SELECT id, origin FROM articles")}
    half = 0.5**0.5
    given = {  # a; b apart from a; then one near b and a; then one between them
        ids["a"]: {"x": 1.0},
        ids["b"]: {"y": 1.0},
        ids["ab"]: {"x": 0.7, "y": 0.51**0.5},  # joins b: centroids a, b+ab at 0.38
        ids["bridge"]: {"x": half, "y": half},
    }
    monkeypatch.setattr(stories_module._Vectors, "vector", lambda self, i: given[i])
    assert stories_module.update(archive) == 4
    found = story_of(archive)
    assert set(found.values()) == {1}  # "bridge" merged b's story into a's, the older
    assert archive.db.execute("SELECT id FROM stories").fetchall() == [(1,)]
    gone = archive.db.execute("SELECT gone FROM story_merges").fetchall()
    assert gone == [(2,)]  # b's story: an old link to it finds the merged story
    assert stories_module.story(archive, 2)["id"] == 1
    assert len(stories_module.story(archive, 2)["articles"]) == 4


def test_cli_stories_json(tmp_path):
    db = tmp_path / "s.db"
    archive = open_archive(db)
    ingest([], archive, records=story_records())
    archive.close()
    out = run("stories", "--db", str(db), "--json")
    assert out.returncode == 0, out.stderr
    found = json.loads(out.stdout)
    assert len(found) == 1
    assert {"id", "url", "source", "published"} <= set(found[0]["articles"][0])
    shown = run("story", str(found[0]["id"]), "--db", str(db))
    assert shown.returncode == 0 and "أوكرانيا" in shown.stdout


def test_export_events_with_their_claims_and_coordinates(tmp_path):
    db = str(tmp_path / "c.db")
    assert (
        run("ingest", str(SEED), "--db", db, "--published", "2022-02-28", "--json").returncode == 0
    )
    out = tmp_path / "e.csv"
    done = run("export", "events", "--db", db, "--format", "csv", "--out", str(out))
    assert done.returncode == 0, done.stderr
    import csv as csv_module

    rows = list(csv_module.DictReader(out.open(encoding="utf-8")))
    (berdyansk,) = [r for r in rows if r["location"] == "بيرديانسك"]
    assert berdyansk["type"] == "SEIZE" and float(berdyansk["location_lat"]) > 46
    assert berdyansk["claimed_by_speaker"] == "وزارة الدفاع الروسية"
    assert berdyansk["claimed_by_via"] == "وكالة إنترفاكس"
    (talks,) = [r for r in rows if r["type"] == "TALKS"]
    assert talks["date"] == "2022-02-28" and talks["claimed_by_speaker"] == ""
    geo = json.loads(run("export", "events", "--db", db, "--format", "geojson").stdout)
    places = {f["properties"]["location"] for f in geo["features"]}
    assert {"بيرديانسك", "إنرهودار", "كييف", "خاركيف"} <= places
    for feature in geo["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_an_analyser_failure_skips_that_record_only(tmp_path, monkeypatch):
    from rasid.archive import ingest as ingest_module
    from rasid.archive.sources import Record

    real = ingest_module._analyse

    def fragile(article):
        if "انهيار" in article.text:
            raise ValueError("a bug in an analyser")
        return real(article)

    monkeypatch.setattr(ingest_module, "_analyse", fragile)
    records = [
        Record("a", "وقع انهيار في مبنى قديم وسط المدينة بعد أمطار غزيرة هطلت طوال الليل."),
        Record("b", "وقال الوزير إن المحادثات مع الوفد الزائر ستستأنف الأسبوع المقبل في الرياض."),
    ]
    archive = open_archive(tmp_path / "f.db")
    summary = ingest([], archive, records=records)
    assert (summary.analysed, summary.skipped) == (1, 1)
    assert "analysis failed" in next(iter(summary.reasons))
    # not remembered: once the bug is fixed, the next run analyses it
    monkeypatch.setattr(ingest_module, "_analyse", real)
    again = ingest([], archive, records=records)
    assert (again.analysed, again.already) == (1, 1)


def test_an_entity_made_in_a_rolled_back_batch_is_made_again(tmp_path):
    import rasid
    from rasid.reader import read_text

    archive = open_archive(tmp_path / "r.db")
    analysis = rasid.analyze_article(read_text(SEED.read_text(encoding="utf-8")))
    assert analysis.entities
    with pytest.raises(RuntimeError):
        with archive.batch():
            archive.add_article(analysis, origin="a", content_hash="h1", ingested_at="t")
            raise RuntimeError("interrupted")
    with archive.batch():  # the ids remembered in the first batch are gone with it
        archive.add_article(analysis, origin="b", content_hash="h2", ingested_at="t")
    orphans = archive.db.execute(
        "SELECT count(*) FROM mentions WHERE entity_id NOT IN (SELECT id FROM entities)"
    ).fetchone()[0]
    assert orphans == 0
    assert archive.db.execute("SELECT count(*) FROM mentions").fetchone()[0] == len(
        analysis.entities
    )
