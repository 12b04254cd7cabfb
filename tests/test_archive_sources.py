"""rasid.archive.sources: every kind of source → Record / Skipped (no network).

Fixtures are built in tmp_path from our own sentences; the real corpora are read only
when ../shared is on this machine.
"""

from __future__ import annotations

import gzip
import io
import json
import tarfile
import threading
import zipfile
from collections import Counter
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import rasid
from rasid.archive import sources
from rasid.archive.sources import Record, Skipped, iter_records
from rasid.errors import RasidError

from conftest import SHARED, need

ANT = SHARED / "data" / "news" / "antcorpus_v1.1" / "antcorpus_v1.1_JawharaFM.tar.gz"
SAUDI_FIRST = SHARED / "data" / "news" / "saudinewsnet" / "dataset" / "2015-07-21.zip"

BODY = (
    "أعلنت بلدية المدينة صباح اليوم افتتاح حديقة عامة جديدة في الحي الشرقي بعد عامين من العمل. "
    "وقال رئيس البلدية إن الحديقة تضم ملاعب للأطفال ومسارات للمشي وأكثر من ألف شجرة. "
    "وأضاف أن المشروع موّل من ميزانية البلدية بالكامل وأن الدخول إليه مجاني للجميع."
)
BODY2 = (
    "شهدت الأسواق المحلية هذا الأسبوع ارتفاعا طفيفا في أسعار الخضر والفواكه بسبب موجة الحر. "
    "وأوضح تاجر في السوق المركزية أن الإقبال بقي على حاله رغم الزيادة في الأسعار."
)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(64))


def page(title: str, body: str = BODY) -> str:
    return (
        "<!DOCTYPE html><html lang='ar' dir='rtl'><head><meta charset='utf-8'>"
        f"<title>{title}</title></head><body><article><h1>{title}</h1>"
        f"<p>{body}</p><p>{BODY2}</p></article></body></html>"
    )


def records(items) -> list[Record]:
    return [item for item in items if isinstance(item, Record)]


def skipped(items) -> list[Skipped]:
    return [item for item in items if isinstance(item, Skipped)]


# --- files and folders ---------------------------------------------------------------------


def test_single_html_file(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(page("افتتاح حديقة"), encoding="utf-8")
    (item,) = iter_records(path)
    assert isinstance(item, Record)
    assert item.origin == str(path)
    assert isinstance(item.data, bytes) and item.data == path.read_bytes()
    assert rasid.read(item.data).title == "افتتاح حديقة"


def test_folder_recursive_sorted_without_hidden_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text("خبر\n\n" + BODY, encoding="utf-8")
    (tmp_path / "a" / "deep" / "1.html").write_text(page("أول"), encoding="utf-8")
    (tmp_path / "a" / "0.htm").write_text(page("صفر"), encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(("عنوان\n\n" + BODY2).encode("windows-1256"))
    (tmp_path / ".hidden.html").write_text(page("مخفي"), encoding="utf-8")
    (tmp_path / ".git" / "x.html").write_text(page("مخفي"), encoding="utf-8")
    (tmp_path / "a" / "logo.png").write_bytes(PNG)
    (tmp_path / "a" / "style.css").write_text("body { direction: rtl; }", encoding="utf-8")
    items = list(iter_records(tmp_path))
    origins = [Path(item.origin).relative_to(tmp_path).as_posix() for item in items]
    assert origins == ["a/0.htm", "a/deep/1.html", "a/logo.png", "a/style.css", "b/2.txt", "c.txt"]
    assert [type(i).__name__ for i in items] == [
        "Record",
        "Record",
        "Skipped",
        "Skipped",
        "Record",
        "Record",
    ]
    assert items[2].reason == "not a news document (image/png)"
    assert items[3].reason.startswith("not a news document (text/css")
    # windows-1256 bytes are passed on as they are; the reader decodes them
    assert rasid.read(items[5].data).encoding == "windows-1256"


def test_binary_and_empty_files_are_skipped(tmp_path):
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)))
    (tmp_path / "blob.html").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "empty.html").write_bytes(b"  \n")
    items = {Path(i.origin).name: i for i in iter_records(tmp_path)}
    assert items["photo.jpg"] == Skipped(
        str(tmp_path / "photo.jpg"), "not a news document (image/jpeg)"
    )
    assert items["blob.html"].reason == "not a news document (binary data)"
    assert items["empty.html"].reason == "empty content"


def test_binary_file_named_directly_is_skipped(tmp_path):
    path = tmp_path / "picture.png"
    path.write_bytes(PNG)
    assert list(iter_records(path)) == [Skipped(str(path), "not a news document (image/png)")]


def test_missing_path_raises_at_once(tmp_path):
    with pytest.raises(RasidError, match="no such file or folder") as info:
        iter_records(tmp_path / "nothing-here")
    assert "\n" not in str(info.value)


# --- archives ------------------------------------------------------------------------------


def test_zip_members_in_order(tmp_path):
    path = tmp_path / "pages.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("site/z.html", page("زاي"))
        archive.writestr("site/a.html", page("ألف"))
        archive.writestr("site/", "")
        archive.writestr("__MACOSX/site/._a.html", b"\x00\x05\x16\x07")
        archive.writestr("site/img/logo.png", PNG)
        archive.writestr("site/empty.txt", "")
    items = list(iter_records(path))
    assert [i.origin for i in items] == [
        f"{path}!site/z.html",
        f"{path}!site/a.html",
        f"{path}!site/img/logo.png",
        f"{path}!site/empty.txt",
    ]
    assert [type(i) for i in items] == [Record, Record, Skipped, Skipped]
    assert rasid.read(items[1].data).title == "ألف"
    assert items[3].reason == "empty content"


def test_tar_gz_and_tgz(tmp_path):
    for name in ("pages.tar.gz", "pages.tgz"):
        path = tmp_path / name
        with tarfile.open(path, "w:gz") as archive:
            for member, text in (("b/2.html", page("باء")), ("a/1.txt", "خبر\n\n" + BODY)):
                data = text.encode("utf-8")
                info = tarfile.TarInfo(member)
                info.size = len(data)
                archive.addfile(info, io.BytesIO(data))
        items = list(iter_records(path))
        assert [i.origin for i in items] == [f"{path}!b/2.html", f"{path}!a/1.txt"]
        assert all(isinstance(i, Record) for i in items)


def test_corrupt_archive_is_skipped_not_raised(tmp_path):
    (tmp_path / "broken.zip").write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    (tmp_path / "broken.tar.gz").write_bytes(gzip.compress(b"not a tar")[:-6])
    (tmp_path / "ok.html").write_text(page("سليم"), encoding="utf-8")
    items = list(iter_records(tmp_path))
    assert [type(i) for i in items] == [Skipped, Skipped, Record]
    assert items[0].reason.startswith("unreadable")
    assert items[1].reason.startswith("unreadable")


def test_gzipped_single_page(tmp_path):
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(page("مضغوط").encode("utf-8")))
    (item,) = iter_records(path)
    assert isinstance(item, Record) and rasid.read(item.data).title == "مضغوط"


# --- JSON and JSONL ------------------------------------------------------------------------


def test_json_array_generic_field_names(tmp_path):
    path = tmp_path / "articles.json"
    rows = [
        {
            "headline": "افتتاح حديقة",
            "body": BODY,
            "pubDate": "Mon, 02 Mar 2026 23:30:00 +0300",
            "link": "https://example.org/a/1",
            "outlet": "صحيفة المثال",
            "byline": "سارة الأحمد",
        },
        {"title": "أسعار", "article": BODY2, "datePublished": "2026-03-04T08:00:00+03:00"},
        {"title": "بلا نص", "url": "https://example.org/a/3"},
        {"title": "نص فارغ", "text": "   "},
        "not an object",
    ]
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    items = list(iter_records(path))
    assert items[0] == Record(
        f"{path}#0",
        BODY,
        url="https://example.org/a/1",
        source="صحيفة المثال",
        published="2026-03-02",  # the outlet's own date, not UTC's
        title="افتتاح حديقة",
        author="سارة الأحمد",
    )
    assert items[1].published == "2026-03-04" and items[1].title == "أسعار"
    assert isinstance(items[2], Skipped) and items[2].reason.startswith("no text field")
    assert items[3] == Skipped(f"{path}#3", "empty content")
    assert items[4] == Skipped(f"{path}#4", "JSON item 4: not an object")
    article = rasid.read_text(
        items[0].data, published=items[0].published, title=items[0].title, url=items[0].url
    )
    assert article.title == "افتتاح حديقة" and article.published == "2026-03-02"


def test_json_object_with_a_list_and_nested_values(tmp_path):
    path = tmp_path / "export.json"
    payload = {
        "status": "ok",
        "articles": [
            {
                "title": {"rendered": "عنوان"},
                "content": {"rendered": f"<p>{BODY}</p>"},
                "source": {"id": "x", "name": "وكالة المثال"},
                "author": ["أحمد علي", "منى حسن"],
                "date": "04/03/2026",
            }
        ],
    }
    path.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    (item,) = iter_records(path)
    assert item.origin == f"{path}#0"
    assert item.title == "عنوان" and item.source == "وكالة المثال"
    assert item.author == "أحمد علي، منى حسن"
    assert item.published == "2026-03-04"
    assert item.data == f"<p>{BODY}</p>"


def test_jsonl_with_a_broken_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"title": "أول", "text": BODY, "date": "2026-01-05"}, ensure_ascii=False),
        "",
        '{"title": "مكسور", "text": ',
        json.dumps([1, 2]),
        json.dumps({"title": "ثان", "content": BODY2, "site": "موقع"}, ensure_ascii=False),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_records(path))
    assert [i.origin for i in items] == [f"{path}#1", f"{path}#3", f"{path}#4", f"{path}#5"]
    assert isinstance(items[0], Record) and items[0].published == "2026-01-05"
    assert items[1].reason.startswith("JSON line 3: invalid JSON")
    assert items[2].reason == "JSON line 4: not an object"
    assert items[3].source == "موقع" and items[3].data == BODY2


def test_jsonl_without_extension_and_gzipped(tmp_path):
    text = "\n".join(json.dumps({"title": t, "text": BODY}, ensure_ascii=False) for t in ("أ", "ب"))
    (tmp_path / "dump.txt").write_text(text, encoding="utf-8")
    (tmp_path / "dump.jsonl.gz").write_bytes(gzip.compress(text.encode("utf-8")))
    items = list(iter_records(tmp_path))
    assert [Path(i.origin).name for i in items] == [
        "dump.jsonl.gz#1",
        "dump.jsonl.gz#2",
        "dump.txt#1",
        "dump.txt#2",
    ]
    assert all(isinstance(i, Record) for i in items)


def test_invalid_json_file_is_skipped(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('[{"text": "نص"', encoding="utf-8")
    (item,) = iter_records(path)
    assert isinstance(item, Skipped) and item.reason.startswith("invalid JSON")


def test_saudinewsnet_shaped_json_inside_a_zip(tmp_path):
    rows = [
        {
            "source": "almadina",
            "url": "http://www.al-madina.com/node/1",
            "date_extracted": "2015-07-21 02:51:32",
            "title": "افتتاح حديقة",
            "author": "جدة: خالد سالم",
            "content": BODY,
        },
        {
            "source": "almadina",
            "url": "http://www.al-madina.com/node/2",
            "date_extracted": "2015-07-21 03:10:00",
            "title": "بلا محتوى",
            "author": "",
            "content": "",
        },
    ]
    path = tmp_path / "2015-07-21.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("2015-07-21.json", json.dumps(rows, ensure_ascii=False, indent=4))
    first, second = iter_records(path)
    assert first == Record(
        f"{path}!2015-07-21.json#0",
        BODY,
        url="http://www.al-madina.com/node/1",
        source="almadina",
        published="2015-07-21",
        title="افتتاح حديقة",
        author="جدة: خالد سالم",
    )
    assert second == Skipped(f"{path}!2015-07-21.json#1", "empty content")


# --- TREC (ANT) ----------------------------------------------------------------------------

TREC = """<DOC>
<DOCNO>JA-politic-1-20150101</DOCNO>
<URL>http://www.example.tn/ar/article/1</URL>
<SRC>Example FM</SRC>
<CAT>politic</CAT>
<TITLE>افتتاح حديقة</TITLE>
<TIME>{time}</TIME>
<AUTHOR></AUTHOR>
<ABSTRACT>
{abstract}
</ABSTRACT>
<TEXT>
{text}
</TEXT>
</DOC>
"""


def test_trec_documents_in_a_tar_gz(tmp_path):
    docs = {
        "politic/JA-politic-1-20150101.txt": TREC.format(
            time="2015-01-01T14:36:00+01:00", abstract=BODY[:40], text=BODY
        ),
        "sport/JA-sport-2-20160315.txt": TREC.format(time="15/03/2016", abstract="", text=BODY2),
        # no closing tags at all: parsed leniently
        "sport/JA-sport-3-x.txt": "<DOC>\n<DOCNO>JA-sport-3\n<TITLE>عنوان\n<TIME>2017-06-05T141900"
        f"\n<TEXT>\n{BODY2}",
        "sport/JA-sport-4-x.txt": TREC.format(time="31/12/2016", abstract="", text=""),
    }
    path = tmp_path / "corpus.tar.gz"
    with tarfile.open(path, "w:gz") as archive:
        for member, text in docs.items():
            data = text.encode("utf-8")
            info = tarfile.TarInfo(member)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    first, second, third, fourth = iter_records(path)
    assert first == Record(
        f"{path}!politic/JA-politic-1-20150101.txt",
        BODY,
        url="http://www.example.tn/ar/article/1",
        source="Example FM",
        published="2015-01-01",
        title="افتتاح حديقة",
        author=None,
    )
    assert second.published == "2016-03-15" and second.data == BODY2
    assert third.title == "عنوان" and third.published == "2017-06-05" and third.data == BODY2
    assert fourth == Skipped(f"{path}!sport/JA-sport-4-x.txt", "empty content")


def test_several_trec_documents_in_one_file(tmp_path):
    path = tmp_path / "docs.trec"
    path.write_text(
        TREC.format(time="01/02/2014", abstract="", text=BODY)
        + TREC.format(time="02/02/2014", abstract="", text=BODY2),
        encoding="utf-8",
    )
    items = list(iter_records(path))
    assert [i.origin for i in items] == [f"{path}#0", f"{path}#1"]
    assert [i.published for i in items] == ["2014-02-01", "2014-02-02"]


# --- WARC ----------------------------------------------------------------------------------


def test_warc_gz(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    url = "https://news.example.org/2026/03/park"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        request = writer.create_warc_record(
            url,
            "request",
            payload=io.BytesIO(b""),
            http_headers=StatusAndHeaders(
                "GET /2026/03/park HTTP/1.1", [("Host", "news.example.org")], is_http_request=True
            ),
        )
        writer.write_record(request)
        html = page("افتتاح حديقة").encode("utf-8")
        response = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(html),
            http_headers=StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            ),
        )
        writer.write_record(response)
        image = writer.create_warc_record(
            "https://news.example.org/logo.png",
            "response",
            payload=io.BytesIO(PNG),
            http_headers=StatusAndHeaders(
                "200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1"
            ),
        )
        writer.write_record(image)
    items = list(iter_records(path))
    assert [type(i) for i in items] == [Record, Skipped]
    record, image_skipped = items
    assert record.url == url and record.data == html
    assert image_skipped.reason == "not a news document (image/png)"
    # origins are file#offset of the record, distinct and stable
    offsets = [int(i.origin.rsplit("#", 1)[1]) for i in items]
    assert record.origin.startswith(f"{path}#") and 0 < offsets[0] < offsets[1]
    assert [i.origin for i in iter_records(path)] == [i.origin for i in items]
    # the offset is where the record starts: warcio reads it back from there
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as fh:
        fh.seek(offsets[0])
        again = next(iter(ArchiveIterator(fh)))
        assert again.rec_headers.get_header("WARC-Target-URI") == url
    assert rasid.read(record.data, url=record.url).title == "افتتاح حديقة"


# --- feeds ---------------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>صحيفة المثال</title><link>{base}/</link>
<item><title>افتتاح حديقة</title><link>{base}/news/1.html</link>
<pubDate>Mon, 02 Mar 2026 23:30:00 +0300</pubDate><author>سارة الأحمد</author></item>
<item><title>أسعار الخضر</title><link>/news/2.html</link>
<pubDate>Wed, 04 Mar 2026 08:00:00 +0300</pubDate></item>
</channel></rss>
"""


@pytest.fixture
def no_delay(monkeypatch):
    monkeypatch.setattr(sources, "POLITE_DELAY_S", 0.0)


@pytest.fixture
def feed_server(tmp_path):
    """A local HTTP server with a feed of two items and their pages."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), None)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    (tmp_path / "news").mkdir()
    (tmp_path / "feed.xml").write_text(RSS.format(base=base), encoding="utf-8")
    (tmp_path / "news" / "1.html").write_text(page("افتتاح حديقة"), encoding="utf-8")
    (tmp_path / "news" / "2.html").write_text(page("أسعار الخضر", BODY2), encoding="utf-8")
    (tmp_path / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n")

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server.RequestHandlerClass = partial(Quiet, directory=str(tmp_path))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()


def _urlopen(url: str, calls: list[str]) -> bytes:
    import urllib.request

    calls.append(url)
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(url, timeout=5) as response:
        return response.read()


def test_feed_from_local_server(feed_server, no_delay):
    calls: list[str] = []
    items = list(iter_records(f"{feed_server}/feed.xml", fetcher=partial(_urlopen, calls=calls)))
    assert calls == [
        f"{feed_server}/feed.xml",
        f"{feed_server}/robots.txt",
        f"{feed_server}/news/1.html",
        f"{feed_server}/news/2.html",
    ]
    first, second = items
    assert first.origin == first.url == f"{feed_server}/news/1.html"
    assert (first.title, first.published, first.author) == (
        "افتتاح حديقة",
        "2026-03-02",
        "سارة الأحمد",
    )
    assert first.source == "صحيفة المثال"
    assert second.url == f"{feed_server}/news/2.html"  # a relative link, resolved
    assert second.published == "2026-03-04" and second.author is None
    assert rasid.read(second.data, url=second.url).title == "أسعار الخضر"


def test_feed_with_default_fetcher(feed_server, no_delay, monkeypatch):
    for name in (
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
    ):
        monkeypatch.delenv(name, raising=False)
    items = list(iter_records(f"{feed_server}/feed.xml"))
    assert [i.title for i in records(items)] == ["افتتاح حديقة", "أسعار الخضر"]


class FakeWeb:
    def __init__(self, pages: dict[str, bytes]) -> None:
        self.pages = pages
        self.calls: list[str] = []

    def __call__(self, url: str) -> bytes:
        self.calls.append(url)
        if url not in self.pages:
            raise RasidError(f"fetching {url} returned HTTP 404")
        return self.pages[url]


def _atom(entries: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>وكالة المثال</title>{entries}</feed>"
    ).encode()


def test_feed_robots_failures_and_images(no_delay):
    base = "https://agency.example"
    entries = (
        "".join(
            f'<entry><title>{t}</title><link href="{base}{p}"/>'
            "<updated>2026-03-05T01:00:00+03:00</updated></entry>"
            for t, p in (
                ("خبر", "/news/1"),
                ("خاص", "/private/2"),
                ("مفقود", "/news/3"),
                ("صورة", "/media/4"),
                ("خبر", "/news/1"),  # the same link twice: fetched once
            )
        )
        + "<entry><title>بلا رابط</title></entry>"
    )
    web = FakeWeb(
        {
            f"{base}/feed": _atom(entries),
            f"{base}/robots.txt": b"User-agent: *\nDisallow: /private/\n",
            f"{base}/news/1": page("خبر").encode("utf-8"),
            f"{base}/media/4": PNG,
        }
    )
    items = list(iter_records(f"{base}/feed", fetcher=web))
    assert [(type(i).__name__, i.origin) for i in items] == [
        ("Record", f"{base}/news/1"),
        ("Skipped", f"{base}/private/2"),
        ("Skipped", f"{base}/news/3"),
        ("Skipped", f"{base}/media/4"),
        ("Skipped", f"{base}/feed#5"),
    ]
    assert items[0].published == "2026-03-05" and items[0].source == "وكالة المثال"
    assert items[1].reason == "disallowed by robots.txt"
    assert items[2].reason.startswith("could not fetch:") and "404" in items[2].reason
    assert items[3].reason == "not a news document (image/png)"
    assert f"{base}/private/2" not in web.calls
    assert web.calls.count(f"{base}/news/1") == 1


def test_feed_requests_to_one_host_are_spaced(monkeypatch):
    monkeypatch.setattr(sources, "POLITE_DELAY_S", 0.05)
    import time

    base = "https://slow.example"
    entries = "".join(f'<entry><title>خبر</title><link href="{base}/{n}"/></entry>' for n in (1, 2))
    stamps: list[float] = []
    pages = {
        f"{base}/feed": _atom(entries),
        f"{base}/1": page("أ").encode(),
        f"{base}/2": page("ب").encode(),
    }

    def fetcher(url: str) -> bytes:
        stamps.append(time.monotonic())
        if url not in pages:
            raise RasidError("404")
        return pages[url]

    assert len(records(iter_records(f"{base}/feed", fetcher=fetcher))) == 2
    assert len(stamps) == 4  # feed, robots.txt, two pages
    assert all(b - a >= 0.045 for a, b in zip(stamps, stamps[1:], strict=False))


def test_unreachable_feed_is_skipped():
    def down(url: str) -> bytes:
        raise OSError("connection refused")

    (item,) = iter_records("https://down.example/feed", fetcher=down)
    assert item == Skipped(
        "https://down.example/feed", "could not fetch the feed: connection refused"
    )


def test_url_of_a_page_not_a_feed(no_delay):
    url = "https://news.example/article/7"
    (item,) = iter_records(url, fetcher=lambda u: page("صفحة").encode())
    assert item == Record(url, page("صفحة").encode(), url=url)


def test_dates():
    date = sources._date
    assert date("2015-07-21 02:51:32") == "2015-07-21"
    assert date("2017-01-25T14:36:00+01:00") == "2017-01-25"
    assert date("2017-06-05T141900") == "2017-06-05"
    assert date("25/01/2017 14:36") == "2017-01-25"
    assert date("2017/01/25") == "2017-01-25"
    assert date("Wed, 25 Jan 2017 23:30:00 +0300") == "2017-01-25"
    assert date(1485302400) == "2017-01-25"
    assert date(1485302400000) == "2017-01-25"
    for bad in ("31/02/2017", "yesterday", "", None, True, "13/13/2017"):
        assert date(bad) is None


# --- the real corpora (skipped without ../shared) ------------------------------------------


def test_first_saudinewsnet_zip():
    path = need(SAUDI_FIRST)
    items = list(iter_records(path))
    found = records(items)
    assert len(found) > 2000
    assert all(isinstance(r.data, str) and r.data.strip() for r in found)
    assert all(r.url and r.url.startswith("http") for r in found)
    assert all(r.published == "2015-07-21" for r in found[:50])
    assert {r.source for r in found} >= {"aawsat"}
    assert found[0].origin == f"{path}!2015-07-21.json#0"
    assert {s.reason for s in skipped(items)} <= {"empty content"}


def test_ant_corpus_tarball():
    path = need(ANT)
    items = list(iter_records(path))
    assert len(items) == 10_161  # one per document
    found = records(items)
    # 23 documents have an empty TEXT and ABSTRACT: skipped, with the reason
    assert Counter(s.reason for s in skipped(items)) == {"empty content": 10_161 - len(found)}
    assert len(found) >= 10_100
    assert all(r.published and len(r.published) == 10 for r in found)
    assert all(r.url and r.url.startswith("http") for r in found)
    assert Counter(r.source for r in found).most_common(1)[0][0] == "Jawhara FM"
    assert all("!" in r.origin and r.origin.endswith(".txt") for r in found)
