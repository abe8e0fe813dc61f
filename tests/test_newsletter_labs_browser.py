"""Living labs, newsletter and subscribe pages in Chromium, on a phone and a desktop."""

from __future__ import annotations

import pytest
from conftest import ROOT

from ncsite import Sources, load_content

# The newest real issue (file names start with the date; index.md is the archive's introduction).
ISSUE_FILE = sorted(p for p in (ROOT / "content" / "newsletter").glob("*.md") if p.name != "index.md")[-1]
ISSUE = ISSUE_FILE.stem
ISSUE_TITLE = load_content(Sources(ROOT))[0].newsletter[-1].title
PAGES = {
    "livinglabs": "livinglabs/",
    "lab": "livinglabs/hamburg-billebogen/",
    "newsletter": "newsletter/",
    "issue": f"newsletter/{ISSUE}/",
    "subscribe": "subscribe/",
}
SIZES = {"phone": (390, 844), "desktop": (1280, 900)}


@pytest.mark.parametrize("size", SIZES)
def test_pages_fit_the_screen(page, site_url, size, tmp_path):
    width, height = SIZES[size]
    page.set_viewport_size({"width": width, "height": height})
    for name, path in PAGES.items():
        page.goto(site_url + path)
        page.screenshot(path=str(tmp_path / f"{name}-{size}.png"), full_page=True)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{name} scrolls sideways at {width}px"
        assert page.locator("h1").first.is_visible()
    assert page.console_errors == []


def test_lab_filter_by_country_and_status(page, site_url):
    page.goto(site_url + "livinglabs/")
    cards = page.locator(".nc-lab-card")
    total = cards.count()
    assert total >= 6
    country = page.get_by_label("Country", exact=True)
    status = page.get_by_label("Status", exact=True)
    assert country.is_visible() and status.is_visible()
    country.select_option("DE")
    visible = page.locator(".nc-lab-card:visible")
    assert visible.count() == 2
    assert all(c.get_attribute("data-country") == "DE" for c in visible.all())
    assert page.locator(".nc-filter__count").inner_text() == f"Showing 2 of {total} labs."
    status.select_option("completed")
    assert page.locator(".nc-lab-card:visible").count() == 2
    country.select_option("")
    assert page.locator(".nc-lab-card:visible").count() == total
    page.goto(site_url + "livinglabs/?country=SE")
    assert page.locator(".nc-lab-card:visible").count() == 1
    assert page.console_errors == []


def test_labs_without_javascript_are_all_shown_with_anchors(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(site_url + "livinglabs/")
        assert not page.locator("#lab-filter").is_visible()
        assert page.locator(".nc-lab-card:visible").count() == page.locator(".nc-lab-card").count()
        page.get_by_role("link", name="Germany (2)").click()
        assert page.url.endswith("#country-de")
        assert page.locator("#country-de").is_visible()
        page.goto(site_url + "subscribe/")
        assert not page.locator(".nc-copy__button").first.is_visible()
        assert "feed.xml" in page.locator(".nc-copy__value").first.inner_text()
    finally:
        context.close()


def test_copy_button_copies_the_feed_address(page, site_url):
    # A recording clipboard: the test checks what the page copies, not the machine's clipboard.
    page.add_init_script("""
        window.__copied = [];
        Object.defineProperty(navigator, "clipboard", {value: {writeText: function (text) {
            window.__copied.push(text); return Promise.resolve(); }}});
    """)
    page.goto(site_url + "subscribe/")
    address = page.locator("#feed-address").inner_text().strip()
    assert address.endswith("/feed.xml")
    button = page.get_by_role("button", name="Copy the address of the newsletter feed")
    button.click()
    status = page.locator("#feed-address-status")
    status.wait_for(state="visible")
    assert status.inner_text().startswith("Copied")
    assert page.evaluate("window.__copied") == [address]
    assert page.console_errors == []


def test_issue_pager_and_archive_links(page, site_url):
    page.goto(site_url + "newsletter/")
    page.get_by_role("link", name=ISSUE_TITLE, exact=True).first.click()
    page.wait_for_url(f"**/newsletter/{ISSUE}/")
    page.get_by_role("link", name="All issues").click()
    page.wait_for_url("**/newsletter/")
    page.get_by_role("link", name="How to subscribe").click()
    page.wait_for_url("**/subscribe/")
    assert page.locator("h1").first.inner_text() == "Subscribe"
    assert page.console_errors == []
