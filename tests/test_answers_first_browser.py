"""Answers first on a phone: for any address of /matchpoint/ and /events/ (a filter in the query or
the fragment), the first result is in the first screen at 390 x 844 and the layout does not shift
(CLS <= 0.1; the bare directory <= 0.02), measured in Chromium with the Layout Instability API."""

from __future__ import annotations

import pytest

PHONE = {"width": 390, "height": 844}
CLS_INIT = """
window.__cls = 0;
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
}).observe({type: "layout-shift", buffered: true});
"""
FIRST = """selector => {
  const shown = [...document.querySelectorAll(selector)].filter(e => e.getClientRects().length);
  return {n: shown.length, top: shown.length ? shown[0].getBoundingClientRect().top : null, cls: window.__cls};
}"""

MATCHPOINT = [
    "",
    "?country=NL",
    "?country=de",
    "?topic=hydrogen",
    "?topic=wind-energy",
    "?text=hamburg",
    "?text=energy",
    "?project=intra-net",
    "?project=northern-connections",
    "?country=SE&topic=cleantech",
]
EVENTS = [
    "",
    "#type-workshop",
    "#type-living-lab",
    "#type-working-days",
    "#year-2018",
    "#year-2016",
    "#project-earlier",
    "#project-own",
]


def measure(browser, url: str, selector: str) -> dict:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.add_init_script(CLS_INIT)
    page.goto(url, wait_until="load")
    page.wait_for_timeout(800)  # layout shifts after load count too
    result = page.evaluate(FIRST, selector)
    context.close()
    return result


@pytest.mark.parametrize("query", MATCHPOINT)
def test_matchpoint_answers_first_on_a_phone(browser, site_url, query):
    result = measure(browser, site_url + "matchpoint/" + query, ".nc-clusters > li:not([hidden])")
    assert result["n"] > 0, query
    assert 0 <= result["top"] < PHONE["height"] - 60, (query, result)  # the card's title is on screen
    assert result["cls"] <= (0.02 if not query else 0.1), (query, result)


@pytest.mark.parametrize("fragment", EVENTS)
def test_events_answer_first_on_a_phone(browser, site_url, fragment):
    result = measure(browser, site_url + "events/" + fragment, ".nc-calendar li.nc-events__item")
    assert result["n"] > 0, fragment
    assert 0 <= result["top"] < PHONE["height"] - 60, (fragment, result)
    assert result["cls"] <= 0.1, (fragment, result)


def test_events_filters_all_filter_and_count_every_event_they_show(browser, site_url):
    """Type, year and project links all filter (none merely scrolls), and a type's count is what it shows."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + "events/")
    for link in page.locator("nav.nc-filter a[href^='#type-'], nav.nc-filter a[href^='#year-']").all():
        href = link.get_attribute("href")
        page.goto(site_url + "events/" + href)
        shown = page.locator(".nc-calendar li.nc-events__item").evaluate_all(
            "items => items.filter(i => i.getClientRects().length).map(i => i.className)"
        )
        total = page.locator(".nc-calendar li.nc-events__item").count()
        assert 0 < len(shown) < total, href
        label = " ".join(link.inner_text().split())
        if href.startswith("#type-"):
            assert all(f"nc-type-{href[6:]}" in c for c in shown), href
            assert label.endswith(f"({len(shown)})"), (label, len(shown))
    context.close()
