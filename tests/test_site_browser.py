"""The home page and the page-not-found page as a visitor sees them, in Debian's Chromium.

The site is served under /site/, as on GitHub Pages, with 404.html answering every
missing address, so the 404 page's absolute links are tested where they live.
"""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import ROOT
from test_quality_browser import assert_accessible

from ncsite import Sources, load_content

PREFIX = "/site/"
FIRST_SCREENS = {"phone": {"width": 375, "height": 667}, "desktop": {"width": 1280, "height": 720}}


class _PagesHandler(SimpleHTTPRequestHandler):
    """GitHub Pages in miniature: the site under /site/, 404.html for anything missing."""

    def log_message(self, *args):
        pass

    def translate_path(self, path):
        path = urlsplit(path).path
        if not path.startswith(PREFIX):
            return str(Path(self.directory) / "__outside__")
        return super().translate_path("/" + path[len(PREFIX) :])

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def pages_url(built_site):
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_PagesHandler, directory=str(built_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    server.shutdown()


@pytest.fixture(params=list(FIRST_SCREENS))
def screen(request, browser):
    phone = request.param == "phone"
    context = browser.new_context(viewport=FIRST_SCREENS[request.param], is_mobile=phone, has_touch=phone)
    page = context.new_page()
    page.failed = []
    page.on(
        "response",
        lambda res: (
            page.failed.append(f"{res.url}: {res.status}")
            if res.status >= 400 and not res.request.is_navigation_request()
            else None
        ),
    )
    page.on("pageerror", lambda err: page.failed.append(str(err)))
    page.width_name = request.param
    yield page
    context.close()


def test_eu_funding_is_in_the_first_screen(screen, pages_url):
    screen.goto(pages_url)
    block = screen.locator(".nc-hero .nc-funding")
    assert block.is_visible()
    box = block.bounding_box()
    height = FIRST_SCREENS[screen.width_name]["height"]
    assert box["y"] >= 0 and box["y"] + box["height"] <= height, f"EU block at {box} on a {screen.width_name}"
    text = " ".join(block.inner_text().split())
    assert "Co-funded by the European Union" in text and "Interreg North Sea Region" in text
    emblem = screen.locator(".nc-hero .nc-funding__emblem").bounding_box()
    logo = screen.locator(".md-header .md-logo img")
    if logo.is_visible():
        assert emblem["height"] >= logo.bounding_box()["height"], "the EU emblem must be at least as large as the logo"


def test_home_shows_figures_labs_results_news_and_events(screen, pages_url):
    content, _ = load_content(Sources(ROOT))
    screen.goto(pages_url)
    figures = dict(
        zip(screen.locator(".nc-figure dt").all_inner_texts(), screen.locator(".nc-figure dd").all_inner_texts())
    )
    assert figures["Partners"] == str(len(content.partners)) == "21"
    assert figures["Countries"] == "7"
    assert figures["Living labs"] == str(len(content.livinglabs))
    assert "EUR" in figures["Budget"] and figures["Period"] == "2016–2020"
    labs = screen.locator("#living-labs ~ ul.nc-cards > li")
    assert labs.count() == len(content.livinglabs) and labs.first.is_visible()
    for title in ("Toolbox v1.0", "Toolbox 2.0", "Innovation Tool of the Month", "What have we learned"):
        assert screen.get_by_role("link", name=title, exact=True).first.is_visible(), title
    news = screen.locator("#news ~ ul.nc-issues > li")
    assert news.count() == 3 and news.first.is_visible()
    events = screen.locator(".nc-home-section .nc-events__item:not([hidden])")
    assert events.count() >= 1 and events.first.is_visible()
    assert screen.get_by_role("link", name="Open Matchpoint").is_visible()
    assert screen.failed == []


def test_page_not_found_helps(screen, pages_url):
    response = screen.goto(pages_url + "events/no-such-event/?from=old-link")
    assert response.status == 404
    assert screen.locator("h1").inner_text() == "Page not found"
    assert screen.locator("#nc-404-path").inner_text() == "/site/events/no-such-event/?from=old-link"
    assert screen.failed == [], "the 404 page's own files must load under /site/"
    for section in ("Events", "Living labs", "Matchpoint", "Newsletter"):
        link = screen.locator(".md-content").get_by_role("link", name=section, exact=True)
        assert urlsplit(link.get_attribute("href")).path.startswith(PREFIX), section
    assert_accessible(screen, f"404 at {screen.width_name} width")
    box = screen.get_by_role("searchbox", name="Search the site")
    box.fill("toolbox")
    box.press("Enter")
    screen.wait_for_url(lambda url: urlsplit(url).path == PREFIX)
    screen.locator(".md-search-result__item").first.wait_for(state="visible", timeout=10_000)
    assert screen.locator("input.md-search__input").input_value() == "toolbox"
