"""Reading URLs, against a local HTTP server (never the internet)."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

import rasid

from conftest import SEED

SEED_1256 = SEED.read_text(encoding="utf-8").encode("windows-1256")


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output quiet
        pass

    def do_GET(self):  # noqa: N802
        if self.path == "/seed.txt":
            self._send(200, SEED_1256, "text/plain; charset=windows-1256")
        elif self.path == "/page.html":
            paragraphs = "".join(
                f"<p>{p}</p>" for p in SEED.read_text(encoding="utf-8").split("\n\n")[1:4]
            )
            html = (
                "<html><head><meta charset='utf-8'><title>عنوان الصفحة</title></head>"
                f"<body><article><h1>عنوان الصفحة</h1>{paragraphs}</article></body></html>"
            )
            self._send(200, html.encode("utf-8"), "text/html")
        elif self.path == "/slow":
            time.sleep(3)
            self._send(200, b"late", "text/plain")
        elif self.path == "/big":
            self._send(200, b"a" * 5000, "text/plain")
        elif self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/seed.txt")
            self.end_headers()
        else:
            self._send(404, b"not found", "text/plain")

    def _send(self, status, body, ctype):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_fetch_text_in_windows_1256(server):
    article = rasid.read(f"{server}/seed.txt")
    assert article.encoding == "windows-1256"
    assert article.author == "رغد الحاج"
    assert article.url == f"{server}/seed.txt"
    assert article.origin == f"{server}/seed.txt"


def test_fetch_html(server):
    article = rasid.read(f"{server}/page.html")
    assert article.format == "html"
    assert article.title == "عنوان الصفحة"
    assert any("بيلاروسيا" in p for p in article.body)


def test_redirect_is_followed_and_final_url_kept(server):
    assert rasid.read(f"{server}/redirect").url == f"{server}/seed.txt"


@pytest.mark.parametrize(
    ("path", "options", "code"),
    [
        ("/missing", rasid.ReadOptions(), "E109"),
        ("/slow", rasid.ReadOptions(timeout=0.5), "E108"),
        ("/big", rasid.ReadOptions(max_bytes=1000), "E102"),
    ],
)
def test_fetch_errors(server, path, options, code):
    with pytest.raises(rasid.ReadError) as info:
        rasid.read(f"{server}{path}", options=options)
    assert info.value.code == code


def test_unreachable_host():
    with pytest.raises(rasid.ReadError) as info:
        rasid.read("http://127.0.0.1:9/", options=rasid.ReadOptions(timeout=2))
    assert info.value.code == "E108"
