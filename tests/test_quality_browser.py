"""Every page type in Debian's Chromium at phone and desktop widths.

One page per type (template) is opened: no console error, no request to any
host but the local server, no failed local request, and zero axe-core
violations of WCAG 2.0/2.1 A and AA. Search, the nav tabs (desktop) and the
nav drawer (phone) are used as a reader would. Page types come from the
core (`sitepages`), so new page kinds are covered when they are merged.
"""

from __future__ import annotations

import json
from urllib.parse import urljoin, urlsplit

import pytest
import sitepages
from axe_playwright_python.sync_playwright import Axe
from conftest import BUILD_EPOCH, ROOT

TYPES = sitepages.page_types(ROOT, BUILD_EPOCH)
WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


class Visit:
    """A browser context at one width that records everything a page asks for."""

    def __init__(self, browser, base_url: str, width: str):
        phone = width == "phone"
        self.base, self.width = base_url, width
        self.context = browser.new_context(viewport=WIDTHS[width], is_mobile=phone, has_touch=phone)
        self.requests: list[str] = []
        self.failures: list[str] = []
        self.console: list[str] = []
        self.context.on("request", lambda req: self.requests.append(req.url))
        self.context.on("requestfailed", lambda req: self.failures.append(f"{req.url}: {req.failure}"))
        self.context.on(
            "response", lambda res: self.failures.append(f"{res.url}: HTTP {res.status}") if res.status >= 400 else None
        )
        self.page = self.context.new_page()
        self.page.on("console", lambda msg: self.console.append(msg.text) if msg.type == "error" else None)
        self.page.on("pageerror", lambda err: self.console.append(str(err)))

    def open(self, path: str):
        self.page.goto(urljoin(self.base, path))
        self.page.wait_for_load_state("load")
        return self.page

    def foreign_requests(self) -> list[str]:
        local = urlsplit(self.base).netloc
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url).netloc != local
        ]

    def assert_clean(self):
        assert self.console == [], f"console errors: {self.console}"
        assert self.foreign_requests() == [], "requests to hosts other than the site"
        assert self.failures == [], f"failed requests: {self.failures}"


@pytest.fixture(params=list(WIDTHS))
def visit(request, browser, site_url):
    visit = Visit(browser, site_url, request.param)
    yield visit
    visit.context.close()


def assert_accessible(page, where: str):
    violations = axe_violations(page)
    assert not violations, f"axe-core, {where}:\n" + "\n".join(violations)


def axe_violations(page) -> list[str]:
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA}, "resultTypes": ["violations"]})
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:5]}: "
        f"{v['nodes'][0]['failureSummary']}"
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize("case", sitepages.cases(TYPES))
def test_page_type_is_clean_and_accessible(case, visit, built_site):
    path = sitepages.case_path(case, TYPES, built_site)
    page = visit.open(path)
    assert page.locator("h1").count() >= 1, f"/{path} has no heading"
    visit.assert_clean()
    assert_accessible(page, f"/{path} at {visit.width} width")


def test_every_page_type_is_covered():
    """The kinds the site promises exist; any new one is picked up by the cases above."""
    cases = sitepages.cases(TYPES)
    for kind in (
        "home",
        "calendar",
        "event",
        "matchpoint",
        "cluster",
        "livinglabs",
        "livinglab",
        "newsletter",
        "newsletter-issue",
    ):
        assert kind in cases


def _searchable_page(site) -> tuple[str, str]:
    """A page from the search index with the longest title: (location, title)."""
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    pages = [d for d in docs if d["location"] and "#" not in d["location"]]
    assert pages, "the search index holds no page"
    doc = max(pages, key=lambda d: (len(d["title"]), d["location"]))
    return doc["location"], doc["title"]


def test_search_opens_and_finds_a_page(visit, built_site):
    location, title = _searchable_page(built_site)
    page = visit.open("")
    opener = page.locator('label.md-header__button[for="__search"]')
    if opener.is_visible():
        opener.click()
    else:
        page.locator("input.md-search__input").click()
    box = page.locator("input.md-search__input")
    assert box.is_visible()
    words = " ".join(title.split()[:4])
    box.press_sequentially(words, delay=20)  # Material searches on key events, not on `fill`
    results = page.locator(".md-search-result__item > a")
    page.wait_for_function(
        """location => Array.from(document.querySelectorAll(".md-search-result__item > a"))
        .some(a => new URL(a.href).pathname.endsWith("/" + location))""",
        arg=location,
        timeout=10_000,
    )
    assert_accessible(page, f"search results at {visit.width} width")
    hrefs = results.evaluate_all("links => links.map(a => new URL(a.href).pathname)")
    hit = results.nth(next(i for i, href in enumerate(hrefs) if href.endswith("/" + location)))
    hit.click()
    page.wait_for_url(lambda url: urlsplit(url).path.endswith("/" + location), timeout=10_000)
    visit.assert_clean()


def test_navigation_tabs_or_drawer(visit):
    """Desktop: every section is a tab. Phone: the drawer opens and leads to every section."""
    page = visit.open("")
    tabs = page.locator(".md-tabs__link")
    if visit.width == "desktop":
        assert tabs.count() >= 2 and tabs.first.is_visible()
        links = tabs
    else:
        assert not tabs.first.is_visible(), "tabs belong to wide screens; phones use the drawer"
        page.locator('label.md-header__button[for="__drawer"]').click()
        links = page.locator(".md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link")
        links.last.wait_for(state="visible")
        assert_accessible(page, "open navigation drawer")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert len(hrefs) >= 2 and all(hrefs), hrefs
    target = urljoin(page.url, hrefs[-1])
    links.last.click()
    page.wait_for_url(target)
    assert page.locator("h1").first.is_visible()
    visit.assert_clean()


def _accessible_name(control) -> str:
    return control.evaluate("""el => {
        const byId = id => (document.getElementById(id) || {}).textContent || "";
        if (el.getAttribute("aria-labelledby"))
            return el.getAttribute("aria-labelledby").split(/\\s+/).map(byId).join(" ").trim();
        if (el.getAttribute("aria-label")) return el.getAttribute("aria-label").trim();
        const labels = Array.from(el.labels || []).map(l => l.textContent).join(" ").trim();
        if (labels) return labels;
        if (el.tagName === "BUTTON") return el.textContent.trim();
        if (el.type === "submit" || el.type === "button") return (el.value || "").trim();
        return (el.getAttribute("title") || "").trim();
    }""")


def test_directory_controls_work_by_keyboard(visit):
    """Whatever form controls /matchpoint/ has are labelled and reached with Tab alone."""
    page = visit.open("matchpoint/")
    controls = page.locator(".md-content :is(input, select, textarea, button):visible")
    wanted = {}
    for i in range(controls.count()):
        control = controls.nth(i)
        if control.is_disabled():
            continue
        html = control.evaluate("el => el.outerHTML.slice(0, 120)")
        assert _accessible_name(control), f"control without a label: {html}"
        control.evaluate("(el, i) => el.dataset.ncKeyboard = i", i)
        wanted[str(i)] = html
    focusable = page.locator("a[href], :is(input, select, textarea, button):not([disabled]), [tabindex]").count()
    reached = set()
    page.locator("body").focus()
    for _ in range(focusable + 10):
        page.keyboard.press("Tab")
        mark = page.evaluate("() => document.activeElement && document.activeElement.dataset.ncKeyboard")
        if mark is not None:
            reached.add(mark)
        if reached == set(wanted):
            break
    missing = [wanted[key] for key in wanted if key not in reached]
    assert missing == [], f"not reachable with Tab: {missing}"
