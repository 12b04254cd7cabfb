"""The web app and JSON API, through FastAPI's test client, over a small real archive."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from webarchive import build_archive

from rasid.archive.ingest import ingest
from rasid.archive.sources import Record
from rasid.archive.store import open_archive
from rasid.web import create_app


@pytest.fixture(scope="module")
def archive_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("web") / "web.db"
    build_archive(path)
    archive = open_archive(path)
    hostile = (
        "عنوان <script>alert('x')</script>\n\n"
        "قال المتحدث <img src=x onerror=alert(1)> إن الهجوم على <b>المدينة</b> فشل أمس."
    )
    ingest([], archive, records=[Record("hostile", hostile, published="2022-03-03")])
    archive.close()
    return path


@pytest.fixture(scope="module")
def client(archive_path):
    return TestClient(create_app(archive_path))


@pytest.fixture(scope="module")
def writer(archive_path):
    return TestClient(create_app(archive_path, token="s3cret"))


def test_every_page_and_its_json_twin(client):
    for path in (
        "/",
        "/search?q=اوكرانيا",
        "/article/1",
        "/stories",
        "/story/1",
        "/entity/خاركيف",
        "/map",
        "/analyse",
    ):
        page = client.get(path)
        assert page.status_code == 200, path
        assert page.headers["content-type"].startswith("text/html")
        assert '<html lang="ar" dir="rtl">' in page.text
        base, _, query = path.partition("?")
        twin = client.get(base + ".json" + ("?" + query if query else ""))
        assert twin.status_code == 200 and twin.headers["content-type"] == "application/json"
        same = client.get(path, headers={"accept": "application/json"})
        assert same.json() == twin.json(), path


def test_search_finds_hamza_variants_with_highlights(client):
    found = client.get("/search.json", params={"q": "اوكرانيا"}).json()
    titles = [r["title"] for r in found["results"]]
    assert any("أوكرانيا" in t for t in titles) and len(titles) == 2
    pieces = [p for r in found["results"] for p in r["pieces"] if p["hit"]]
    assert pieces and all("وكرانيا" in p["text"] for p in pieces)
    html = client.get("/search", params={"q": "اوكرانيا"}).text
    assert "<mark>" in html
    only = client.get("/search.json", params={"q": "اوكرانيا", "outlet": "kyiv-daily"}).json()
    assert [r["source"] for r in only["results"]] == ["kyiv-daily"]
    attacks = client.get("/search.json", params={"q": "اوكرانيا", "type": "SEIZE"}).json()
    assert len(attacks["results"]) == 2


def test_search_with_fts_syntax_never_fails(client):
    for q in ('"', "*", "NEAR(", "أوكرانيا OR", '" OR 1=1 --', "-", "a:b", "^"):
        r = client.get("/api/search", params={"q": q})
        assert r.status_code in (200, 400), q
        if r.status_code == 400:
            assert set(r.json()) == {"error", "status"}


def test_article_page_marks_entities_statements_and_events(client):
    html = client.get("/article/1").text
    assert re.search(r'<a class="ent ent-LOC" href="/entity/[^"]+" title="خاركيف">خاركيف</a>', html)
    assert 'class="st" data-statement="6"' in html
    assert "وزارة الدفاع الروسية" in html and "يردّ على التصريح 6" in html
    assert "بيرديانسك" in html and "مدينتين" in html
    assert '<details class="removed">' in html and "read-also" in html
    doc = client.get("/article/1.json").json()
    assert doc["related"][0]["why"] == "story" and doc["related"][0]["id"] == 2
    assert {e["type"] for e in doc["events"]} >= {"SEIZE", "ATTACK", "TALKS", "CASUALTIES"}


def test_story_page_shows_a_claim_and_its_denial(client):
    story = client.get("/story/1.json").json()
    assert {a["source"] for a in story["articles"]} == {"almorsal", "kyiv-daily"}
    by = {c["speaker"]: c for c in story["claims"]}
    assert any("بيرديانسك" in x["content"] for x in by["وزارة الدفاع (روسيا)"]["asserts"])
    denials = [x for c in story["claims"] for x in c["denies"]]
    assert any("بيرديانسك" in x["content"] for x in denials)
    # the seed's "نفت فيه أوكرانيا ذلك" shows the claim it answers, and the claim who denies it
    (answer,) = [x["answers"] for x in by["أوكرانيا"]["denies"]]
    assert answer["speaker"] == "وزارة الدفاع (روسيا)" and "بيرديانسك" in answer["content"]
    claim = next(x for x in by["وزارة الدفاع (روسيا)"]["asserts"] if x.get("denied_by"))
    assert claim["denied_by"] == ["أوكرانيا"]
    html = client.get("/story/1").text
    assert "يؤكد" in html and "ينفي" in html


def test_entity_and_map_pages(client):
    entity = client.get("/entity/خاركيف.json").json()
    assert entity["canonical"] == "خاركيف" and entity["lat"] and entity["points"]
    assert {e["type"] for e in entity["events"]} >= {"ATTACK", "CASUALTIES"}
    assert "أحداث وقعت فيه" in client.get("/entity/خاركيف").text
    assert entity["by_day"][0]["date"] == "2022-02-28"
    world = client.get("/map.json").json()
    assert len(world["world"]) > 150  # the bundled outline: Natural Earth countries
    places = {p["label"] for p in world["points"]}
    assert {"بيرديانسك", "كييف"} <= places
    seized = client.get("/map.json", params={"type": "SEIZE"}).json()
    assert {p["type"] for p in seized["points"]} == {"SEIZE"}
    assert client.get("/map", params={"type": "BOGUS"}).status_code == 400


def test_untrusted_text_is_escaped_and_no_inline_script(client):
    hostile = next(
        r
        for r in client.get("/api/articles").json()["articles"]
        if r["title"] and "script" in r["title"]
    )
    html = client.get(f"/article/{hostile['id']}").text
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "<img src=x" not in html and "&lt;img" in html
    for path in ("/", f"/article/{hostile['id']}", "/map", "/story/1", "/docs"):
        page = client.get(path)
        assert not re.search(r"<script(?![^>]*\bsrc=)", page.text), path
        tags = re.findall(r"<[a-zA-Z][^<>]*>", page.text)  # real tags, not escaped text
        assert not [t for t in tags if re.search(r"\s(style|on\w+)=", t)], path
        csp = page.headers["content-security-policy"]
        assert "script-src 'self';" in csp
        assert "unsafe-inline" not in csp or path == "/docs"  # Swagger UI's style attributes


def test_errors_are_clear_4xx(client):
    missing = client.get("/api/articles/9999")
    assert missing.status_code == 404 and "9999" in missing.json()["error"]
    assert client.get("/article/9999").status_code == 404
    assert client.get("/article/abc").status_code == 404
    assert client.get("/story/99").status_code == 404
    assert client.get("/entity/لا يوجد كيان كهذا").status_code == 404
    bad = client.get("/api/articles", params={"per_page": 1000})
    assert bad.status_code == 400 and "per_page" in bad.json()["error"]
    assert client.get("/search.json", params={"q": "x", "from": "yesterday"}).status_code == 400


def test_openapi_and_pagination(client):
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert {
        "/api/articles",
        "/api/search",
        "/api/stories",
        "/api/entities",
        "/api/statements",
        "/api/events",
        "/api/analyse",
        "/api/ingest",
    } <= paths
    first = client.get("/api/articles", params={"per_page": 2}).json()
    second = client.get("/api/articles", params={"per_page": 2, "page": 2}).json()
    assert first["has_next"] and len(first["articles"]) == 2
    assert not {a["id"] for a in first["articles"]} & {a["id"] for a in second["articles"]}
    events = client.get("/api/events", params={"type": "SEIZE"}).json()["events"]
    assert events and {e["type"] for e in events} == {"SEIZE"}
    assert any(e["claimed_by_speaker"] == "وزارة الدفاع الروسية" for e in events)


def test_analyse_without_storing(client):
    text = "قال وزير الخارجية إن المحادثات مع الوفد الزائر انطلقت أمس في الرياض."
    page = client.post("/analyse", data={"text": text, "published": "2022-03-05"})
    assert page.status_code == 200 and "وزير الخارجية" in page.text
    api = client.post("/api/analyse", content=text.encode(), params={"published": "2022-03-05"})
    doc = api.json()["analysis"]
    assert api.json()["stored"] is None and doc["statements"][0]["speaker"]["text"]
    assert doc["events"][0]["time"]["date"] == "2022-03-04"
    before = client.get("/api/articles").json()["articles"]
    assert all(a["title"] != text for a in before)
    assert client.post("/analyse", data={"text": "  "}).status_code == 400


def test_writing_needs_the_token(client, writer):
    text = "تظاهر مئات الطلاب أمس في تونس العاصمة للمطالبة بتحسين ظروف السكن الجامعي."
    assert client.post("/api/ingest", content=text.encode()).status_code == 403  # no token set
    assert writer.post("/api/ingest", content=text.encode()).status_code == 401
    wrong = writer.post(
        "/api/ingest", content=text.encode(), headers={"authorization": "Bearer nope"}
    )
    assert wrong.status_code == 403 and wrong.json()["error"] == "wrong token"
    done = writer.post(
        "/api/ingest",
        content=text.encode(),
        params={"published": "2022-03-06"},
        headers={"authorization": "Bearer s3cret"},
    )
    assert done.status_code == 200 and done.json()["stored"]["new"]
    stored = writer.get(f"/api/articles/{done.json()['stored']['id']}").json()
    assert stored["events"][0]["type"] == "PROTEST"
    again = writer.post(
        "/api/ingest", content=text.encode(), headers={"authorization": "Bearer s3cret"}
    )
    assert again.json()["stored"] == {
        "id": done.json()["stored"]["id"],
        "new": False,
        "duplicate": False,
    }


def test_request_size_cap(writer):
    big = b"x" * (2 * 1024 * 1024 + 1)
    r = writer.post("/api/analyse", content=big)
    assert r.status_code == 413 and "KiB" in r.json()["error"]


def test_a_missing_archive_is_a_clear_error(tmp_path):
    from rasid.errors import RasidError

    with pytest.raises(RasidError, match="no archive"):
        create_app(tmp_path / "none.db")


def test_analyse_an_uploaded_html_page_and_store_it_with_the_token(writer):
    from conftest import HTML_GOLD, need  # noqa: F401 - the seed is enough here

    html = (
        "<html><head><title>اشتباكات في طرابلس</title></head><body><nav>الرئيسية | رياضة</nav>"
        "<article><h1>اشتباكات في طرابلس</h1><p>اندلعت اشتباكات عنيفة أمس في العاصمة الليبية"
        " طرابلس بين فصيلين مسلحين، وقال شهود عيان إن سبعة أشخاص على الأقل قتلوا في المواجهات"
        " التي استمرت حتى الفجر.</p><p>ودعت بعثة الأمم المتحدة إلى وقف فوري لإطلاق النار.</p>"
        "</article><footer>جميع الحقوق محفوظة</footer></body></html>"
    ).encode()
    files = {"page_file": ("tripoli.html", html, "text/html")}
    shown = writer.post("/analyse", files=files, data={"published": "2022-05-10"})
    assert shown.status_code == 200 and "طرابلس" in shown.text and "حُفظت" not in shown.text
    refused = writer.post("/analyse", files=files, data={"store": "1", "token": "bad"})
    assert refused.status_code == 403
    stored = writer.post(
        "/analyse", files=files, data={"store": "1", "token": "s3cret", "published": "2022-05-10"}
    )
    assert stored.status_code == 200 and "حُفظت المقالة" in stored.text
    article_id = int(re.search(r'href="/article/(\d+)"', stored.text.split("حُفظت")[1]).group(1))
    doc = writer.get(f"/api/articles/{article_id}").json()
    assert doc["article"]["title"] == "اشتباكات في طرابلس"
    assert {e["type"] for e in doc["events"]} >= {"CLASH", "CASUALTIES"}


def test_serve_without_an_archive_is_one_line(tmp_path):
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "rasid.cli", "serve", "--db", str(tmp_path / "none.db")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 1 and out.stderr.count("\n") == 1 and "no archive" in out.stderr
