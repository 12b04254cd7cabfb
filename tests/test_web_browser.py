"""End to end in a real browser: Debian's chromium driven by Playwright, against `rasid
serve` on a free loopback port over a small real archive. Every page is visited, its
content checked, the console must stay free of errors, and a screenshot of each page is
taken: into docs/screenshots/ (shown in the README) when RASID_SCREENSHOTS=1, else into a
temporary folder, so that a test run leaves the working tree as it found it. Skips when
/usr/bin/chromium is not installed (.ci/run installs it)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from webarchive import build_archive

from conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = (
    ROOT / "docs" / "screenshots"
    if os.environ.get("RASID_SCREENSHOTS") == "1"
    else Path(tempfile.mkdtemp(prefix="rasid-screenshots-"))
)

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian's chromium is not installed (apt-get install chromium)"
)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1280, "height": 900}, "locale": "ar"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("browser") / "web.db"
    build_archive(db)
    port = _free_port()
    env = {**os.environ, "RASID_TOKEN": "e2e-token"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "rasid.cli", "serve", "--db", str(db), "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(proc.stderr.read().decode()) from None
            time.sleep(0.2)
    yield base
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture
def visit(page, server):
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))

    def go(path: str, shot: str, rtl: bool = True):
        response = page.goto(server + path)
        assert response is not None and response.status == 200, path
        if rtl:  # every page of ours; the API docs are Swagger UI's own, in English
            assert page.locator("html").get_attribute("dir") == "rtl"
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{shot}.png"), full_page=False)
        return page

    yield go
    assert errors == [], errors


def test_home(visit):
    page = visit("/", "home")
    assert page.locator("ul.stories li").count() >= 1
    assert page.locator("ol.entities a.ent").count() >= 5


def test_search_for_ukraine_without_hamza(visit):
    page = visit("/search?q=اوكرانيا", "search")
    results = page.locator("ol.results li")
    assert results.count() == 2
    assert "أوكرانيا" in page.locator("ol.results mark").first.inner_text()


def test_article_with_entity_highlights(visit):
    page = visit("/article/1", "article")
    kharkiv = page.locator('a.ent-LOC[title="خاركيف"]').first
    assert kharkiv.inner_text() == "خاركيف"
    assert page.locator("aside.statements li").count() == 12
    assert page.locator("section.events tbody tr").count() >= 10
    page.locator("details.removed summary").click()
    assert page.locator("details.removed").get_attribute("open") is not None
    kharkiv.click()
    page.wait_for_url("**/entity/**")
    assert "خاركيف" in page.locator("h1").inner_text()


def test_story_shows_the_claim_and_its_denial(visit):
    page = visit("/story/1", "story")
    claims = page.locator(".claims")
    assert "بيرديانسك" in claims.locator(".side.asserts").first.inner_text() or any(
        "بيرديانسك" in t for t in claims.locator(".side.asserts").all_inner_texts()
    )
    denials = " ".join(claims.locator(".side.denies").all_inner_texts())
    assert "بيرديانسك" in denials


def test_entity_page_with_chart_and_map(visit):
    page = visit("/entity/خاركيف", "entity")
    assert page.locator("svg.chart rect").count() >= 1
    assert page.locator("svg.world circle").count() == 1


def test_map_of_events(visit):
    page = visit("/map", "map")
    assert page.locator("svg.world path").count() > 150
    assert page.locator("svg.world circle").count() >= 5
    page.select_option("select[name=type]", "SEIZE")
    page.wait_for_url("**type=SEIZE**")
    assert page.locator("svg.world circle.ev-SEIZE").count() >= 3
    assert page.locator("svg.world circle:not(.ev-SEIZE)").count() == 0


def test_analyse_pasted_text(visit):
    page = visit("/analyse", "analyse")
    page.fill(
        "textarea[name=text]", "وقال وزير الخارجية إن قوات الأمن اعتقلت 12 مشتبهاً بهم أمس في بغداد."
    )
    page.fill("input[name=published]", "2022-03-05")
    page.click("form.analyse button[type=submit]")
    page.wait_for_selector("aside.statements li")
    assert "وزير الخارجية" in page.locator("aside.statements").inner_text()
    assert "بغداد" in page.locator("section.events").inner_text()
    page.screenshot(path=str(SHOTS / "analyse-result.png"), full_page=False)


def test_interactive_api_docs_work_offline(visit):
    page = visit("/docs", "api-docs", rtl=False)
    page.wait_for_selector(".opblock-summary-path")
    page.screenshot(path=str(SHOTS / "api-docs.png"), full_page=False)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/search" in paths and "/api/events" in paths


def test_search_pagination(visit):
    page = visit("/search?q=اوكرانيا&per_page=1", "search-paged")
    page.click("a[rel=next]")
    page.wait_for_url("**page=2**")
    assert page.locator("ol.results li").count() == 1
    assert page.locator("a[rel=prev]").count() == 1


def test_readable_on_a_phone(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="ar")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    for path, shot in (("/article/1", "phone-article"), ("/story/1", "phone-story")):
        page.goto(server + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 391, f"{path} is {width}px wide on a 390px screen"
        page.screenshot(path=str(SHOTS / f"{shot}.png"), full_page=False)
    # the statements list comes under the text instead of beside it
    page.goto(server + "/article/1")
    text_box = page.locator(".reading-grid .text").bounding_box()
    side_box = page.locator("aside.statements").bounding_box()
    assert side_box["y"] > text_box["y"] + text_box["height"] - 1
    context.close()
    assert errors == []
