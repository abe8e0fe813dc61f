"""The Content-Security-Policy in Debian's Chromium: every page type carries it, and nothing the
site itself does is refused (search, Matchpoint's filters, copy buttons, the events script).

A `securitypolicyviolation` listener is installed before any page script runs; the browser
fires it for every script, style, image, worker or request the policy blocks.
"""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
import sitepages
from conftest import BUILD_EPOCH, ROOT

TYPES = sitepages.page_types(ROOT, BUILD_EPOCH)
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", e =>
  window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`));
"""


@pytest.fixture
def csp_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(LISTEN)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda err: page.errors.append(str(err)))
    yield page
    context.close()


def violations(page) -> list[str]:
    return page.evaluate("() => window.__violations")


def policy(page) -> str:
    return page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")


@pytest.mark.parametrize("case", sitepages.cases(TYPES) + ["404"])
def test_every_page_type_has_the_policy_and_breaks_none_of_it(case, csp_page, site_url, built_site):
    path = "404.html" if case == "404" else sitepages.case_path(case, TYPES, built_site)
    csp_page.goto(urljoin(site_url, path))
    csp_page.wait_for_load_state("load")
    csp_page.wait_for_timeout(300)  # Material's bundle starts the search worker after load
    rule = policy(csp_page)
    assert "default-src 'self'" in rule and "script-src 'self' 'sha256-" in rule
    assert "unsafe-inline" not in rule.split("script-src")[1].split(";")[0]
    assert "http" not in rule, "no other origin is allowed"
    assert violations(csp_page) == []
    assert csp_page.errors == []
    # The policy is the first thing in <head> after the charset, before any script.
    first = csp_page.evaluate("() => document.head.querySelector('meta[http-equiv], script').tagName")
    assert first == "META"


def test_the_policy_refuses_a_script_that_slipped_through(csp_page, site_url):
    csp_page.goto(site_url)
    csp_page.evaluate("""() => { const s = document.createElement("script");
        s.textContent = "window.__ran = true"; document.body.append(s);
        const i = document.createElement("img"); i.src = "https://tracker.example/p.gif"; document.body.append(i); }""")
    csp_page.wait_for_timeout(200)
    assert csp_page.evaluate("() => window.__ran === undefined")
    found = violations(csp_page)
    assert any(v.startswith("script-src") for v in found), found
    assert any("tracker.example" in v for v in found), found


def test_search_works_under_the_policy(csp_page, site_url):
    csp_page.goto(urljoin(site_url, "about/"))
    csp_page.locator("input.md-search__input").click()
    box = csp_page.locator("input.md-search__input")
    box.press_sequentially("Kiel", delay=20)
    csp_page.wait_for_selector(".md-search-result__item > a", timeout=10_000)
    assert violations(csp_page) == []


def test_matchpoint_filters_work_under_the_policy(csp_page, site_url):
    csp_page.goto(urljoin(site_url, "matchpoint/"))
    count = csp_page.locator("#nc-count")
    before = count.inner_text()
    csp_page.locator("#nc-q").press_sequentially("zzzz-no-such-cluster", delay=10)
    csp_page.wait_for_function("before => document.getElementById('nc-count').textContent !== before", arg=before)
    assert violations(csp_page) == []


def test_copy_buttons_and_events_script_work_under_the_policy(csp_page, site_url):
    csp_page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    csp_page.goto(urljoin(site_url, "subscribe/"))
    button = csp_page.locator("button[data-copy]").first
    assert button.is_visible(), "copy.js did not run"
    button.click()
    csp_page.wait_for_function("() => /Copied|Copying/.test(document.body.innerText)")
    csp_page.goto(urljoin(site_url, "events/"))
    # events.js moves ended events out of the upcoming list: it ran if no ended item remains there.
    assert csp_page.evaluate("""() => Array.from(document.querySelectorAll('[data-nc-upcoming] li[data-end]'))
        .every(li => Date.parse(li.getAttribute('data-end')) > Date.now())""")
    assert violations(csp_page) == []
