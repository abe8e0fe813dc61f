"""Matchpoint with the real clusters, in Chromium: finding a partner as a new visitor would.

Searches fold case and accents and match word prefixes; a filter value no cluster has
gives an empty state and stays in the address; the form is in the HTML from the start,
so nothing shifts (CLS measured with a PerformanceObserver) and the first card is on
the first phone screen.
"""

from __future__ import annotations

import pytest

CLS_SCRIPT = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
    .observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve(total), 1500);
})"""


def visible(page) -> list[str]:
    return [
        h.strip("/")
        for h in page.eval_on_selector_all(
            ".nc-clusters > li:not([hidden]) .nc-card__title a", "els => els.map(a => a.getAttribute('href'))"
        )
    ]


@pytest.mark.parametrize(
    "query,expected",
    [
        ("Kolding", "alucluster"),
        ("flensburg", "cewind"),
        ("robotics", "robocluster"),
        ("offshore wind", "offshore-center-denmark"),
        ("malmo", "sustainable-business-hub"),
        ("lillestrom", "oreec"),
        ("groningen", "energy-valley"),
        ("EEHH", "eehh"),
        ("hamburg", "eehh"),
    ],
)
def test_search_finds_the_right_cluster_first(page, site_url, query, expected):
    page.goto(site_url + "matchpoint/")
    page.fill("#nc-q", query)
    shown = visible(page)
    assert shown and shown[0] == expected, shown
    assert "No cluster" not in page.locator("#nc-count").inner_text()
    assert page.console_errors == []


def test_search_matches_word_prefixes_not_inner_text(page, site_url):
    page.goto(site_url + "matchpoint/?text=lille")
    assert visible(page) == ["oreec"]
    page.fill("#nc-q", "illestrom")  # not the start of a word
    assert visible(page) == []
    assert page.locator("#nc-empty").is_visible()


def test_unknown_country_shows_an_empty_state_and_stays_in_the_address(page, site_url):
    page.goto(site_url + "matchpoint/?country=FR")
    assert visible(page) == []
    assert page.locator("#nc-count").inner_text() == "No cluster in France yet."
    back = page.locator("#nc-empty a")
    assert back.is_visible() and back.evaluate("a => a.href").endswith("/matchpoint/")
    assert "country=FR" in page.url
    back.click()
    page.wait_for_url("**/matchpoint/")
    assert len(visible(page)) > 20


def test_country_values_are_read_case_insensitively(page, site_url, built_site):
    import json

    clusters = json.loads((built_site / "matchpoint" / "clusters.json").read_text(encoding="utf-8"))
    page.goto(site_url + "matchpoint/?country=NL")
    assert (
        set(visible(page))
        == {c["id"] for c in clusters if c["country"] == "NL"}
        == {"energy-valley", "new-energy-coalition"}
    )
    page.goto(site_url + "matchpoint/?country=dk")
    assert set(visible(page)) == {c["id"] for c in clusters if c["country"] == "DK"}
    assert "country=DK" in page.url and page.locator("#nc-country").input_value() == "DK"


def test_topic_without_clusters_and_unknown_topic(page, site_url):
    page.goto(site_url + "matchpoint/?topic=offshore-wind")
    assert visible(page) == [] and page.locator("#nc-count").inner_text() == "No cluster works on “Offshore wind” yet."
    assert "topic=offshore-wind" in page.url
    page.goto(site_url + "matchpoint/?topic=Hydrogen")
    assert "eehh" in visible(page) and "alucluster" not in visible(page)
    page.goto(site_url + "matchpoint/?topic=no-such-topic")
    assert visible(page) == [] and "no-such-topic" in page.locator("#nc-count").inner_text()


def test_project_filter_puts_northern_connections_first(page, site_url):
    page.goto(site_url + "matchpoint/")
    assert visible(page)[0] in ("clean", "cleantech-flanders", "eehh", "energy-cluster-denmark", "energy-valley")
    page.locator("#nc-project").select_option("intra-net")
    shown = visible(page)
    assert "alucluster" in shown and "eehh" not in shown and "project=intra-net" in page.url


def test_phone_no_layout_shift_and_first_card_on_the_first_screen(browser, site_url):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=3, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.goto(site_url + "matchpoint/")
    shift = page.evaluate(CLS_SCRIPT)
    assert shift <= 0.02, shift
    box = page.locator(".nc-clusters > li").first.locator(".nc-card__title").bounding_box()
    assert box and box["y"] + box["height"] <= 844, box
    assert page.locator("#nc-more").get_attribute("open") is None  # filters behind one button
    summary = page.locator("#nc-more summary")
    look = summary.evaluate(
        "s => { const c = getComputedStyle(s), icon = getComputedStyle(s, '::before');"
        " return {border: c.borderTopStyle, width: c.borderTopWidth, icon: icon.display, height: s.offsetHeight}; }"
    )
    # A plain outlined button, not Material's collapsible admonition with its pencil icon.
    assert look["border"] == "solid" and look["width"] != "0px" and look["icon"] == "none", look
    assert look["height"] >= 40, look  # a touch target
    summary.focus()
    page.keyboard.press("Enter")  # by keyboard
    assert page.locator("#nc-more").get_attribute("open") is not None and page.locator("#nc-country").is_visible()
    page.keyboard.press("Enter")
    assert not page.locator("#nc-country").is_visible()
    summary.click()
    assert page.locator("#nc-country").is_visible()
    for path in ("matchpoint/clean/", "matchpoint/house-of-energy/"):
        page.goto(site_url + path)
        assert page.evaluate(CLS_SCRIPT) <= 0.02, path
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


def test_desktop_shows_the_filters_without_a_click(page, site_url):
    page.goto(site_url + "matchpoint/")
    assert page.locator("#nc-country").is_visible() and not page.locator("#nc-more summary").is_visible()
    assert page.evaluate(CLS_SCRIPT) <= 0.02


def test_form_works_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "matchpoint/")
    page.fill("#nc-q", "hamburg")
    page.locator("#nc-finder button[type=submit]").first.click()
    page.wait_for_url("**/matchpoint/?text=hamburg*")
    context.close()
