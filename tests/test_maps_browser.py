"""The maps in the built site and in Chromium: every marker a link with a name, the filters followed.

Built pages: Matchpoint's map links every cluster that has a town, the living-labs
map every lab, the home page's map the partners with a town; the drawing is inline
(no request), and adds only a few kB to a gzipped page; on Matchpoint the names of the
countries with clusters are links to the country filter. In Chromium: with ?country=DK
the visible markers are exactly the visible cards, and so after a click on a country's
name (with and without JavaScript); at 390 px the first cluster card's name is on the
first screen and the map opens behind its button.
"""

from __future__ import annotations

import gzip
import re
from urllib.parse import urljoin

import lxml.html
import pytest
from conftest import ROOT

from ncsite import Sources, load_content
from ncsite.content.countries import COUNTRIES
from ncsite.outputs import maps

SVG = "{http://www.w3.org/2000/svg}"
ARGS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}


def _page(site, path: str):
    return lxml.html.fromstring((site / path / "index.html").read_bytes())


def _pins(doc, map_id: str) -> list:
    figure = doc.get_element_by_id(map_id)
    group = figure.xpath(".//*[@role='group']")[0]
    title = figure.get_element_by_id(group.get("aria-labelledby"))
    assert title.tag.endswith("title") and title.text_content().startswith("Map of the")
    assert group.xpath(".//svg")
    return figure.xpath(".//a[contains(@class, 'nc-map__pin')]")


def _content():
    content, problems = load_content(Sources(ROOT))
    assert problems == []
    return content


def test_matchpoint_map_links_every_cluster_with_a_town(built_site):
    content = _content()
    pins = _pins(_page(built_site, "matchpoint"), "cluster-map")
    hrefs = [p.get("href") for p in pins]
    with_town = [c for c in content.clusters if c.town]  # offices alone say no head office: no marker
    assert sorted(hrefs) == sorted(f"{c.id}/" for c in with_town)
    assert len(set(hrefs)) == len(hrefs)
    names = {p.get("href"): p.get("aria-label") for p in pins}
    cewind = content.cluster("cewind")
    assert names["cewind/"] == f"{cewind.name}, Flensburg, Germany"
    for pin in pins:
        assert (built_site / "matchpoint" / pin.get("href") / "index.html").is_file()
        assert pin.get("aria-label").count(",") >= 2


def test_livinglabs_map_shows_every_lab_with_its_status(built_site):
    content = _content()
    pins = _pins(_page(built_site, "livinglabs"), "lab-map")
    assert sorted(p.get("href") for p in pins) == sorted(f"{lab.slug}/" for lab in content.livinglabs)
    for lab in content.livinglabs:
        label = next(p.get("aria-label") for p in pins if p.get("href") == f"{lab.slug}/")
        assert label == f"{lab.title}, {lab.city}, {lab.country_name} ({lab.status})"


def test_home_map_shows_the_partners_towns_and_countries(built_site):
    content = _content()
    doc = _page(built_site, "")
    pins = _pins(doc, "partner-map")
    assert sorted(p.get("href") for p in pins) == sorted(f"about/#partner-{p.id}" for p in content.partners if p.town)
    about = _page(built_site, "about")
    for pin in pins:
        assert about.get_element_by_id(pin.get("href").split("#")[1]) is not None
    focus = {
        t.text_content()
        for t in doc.get_element_by_id("partner-map").xpath(".//*[contains(@class, 'nc-map__area--focus')]")
    }
    assert {"DENMARK", "GERMANY", "SWEDEN", "NORWAY", "NETHERLANDS", "BELGIUM", "UNITED KINGDOM"} <= focus


def test_the_maps_are_inline_drawings_within_the_page_budget(built_site):
    for path in ("matchpoint", "livinglabs", ""):
        html = (built_site / path / "index.html").read_text(encoding="utf-8")
        start = html.index('<figure class="nc-map')
        figure = html[start : html.index("</figure>", start) + len("</figure>")]
        assert 'class="nc-map__land" d="M' in figure
        assert not re.search(r"(?:src|href)=\"(?:https?:)?//", figure), "the map refers to another host"
        without = html[:start] + html[start + len(figure) :]
        added = len(gzip.compress(html.encode(), 9)) - len(gzip.compress(without.encode(), 9))
        assert added < 40_000, f"/{path}: the map adds {added} bytes gzipped"


def test_matchpoint_map_names_the_countries_with_clusters_as_links_to_the_filter(built_site):
    content = _content()
    figure = _page(built_site, "matchpoint").get_element_by_id("cluster-map")
    links = figure.xpath(".//a[contains(@class, 'nc-map__country')]")
    on_map = {
        c.country
        for c in content.clusters
        if maps.cluster_town(c) and content.places.find(maps.cluster_town(c), c.country)
    }
    assert {a.get("data-country") for a in links} == on_map and len(links) == len(on_map)
    for link in links:
        code = link.get("data-country")
        assert link.get("href") == f"./?country={code}#country-{code}"
        assert link.get("aria-label") == f"Show the clusters in {COUNTRIES[code]}"
        assert link.xpath(".//*[local-name()='text']"), "the country's name is the link"
        assert not link.xpath("ancestor::*[@aria-hidden='true']")
    # The other maps name the countries as plain (hidden) text; on each map, on both sizes, every country
    # with a marker keeps its name.
    views = {"cluster-map": maps.cluster_map(content), "lab-map": maps.lab_map(content)}
    views["partner-map"] = maps.partner_map(content)
    for path, map_id in (("matchpoint", "cluster-map"), ("livinglabs", "lab-map"), ("", "partner-map")):
        other = _page(built_site, path).get_element_by_id(map_id)
        if map_id != "cluster-map":
            assert not other.xpath(".//a[contains(@class, 'nc-map__country')]")
        marked = {COUNTRIES[t.place.country].upper() for t in views[map_id].towns}
        for kind in ("wide", "narrow"):
            names = other.xpath(f".//*[contains(@class, 'nc-map__area--focus') and contains(@class, 'nc-map__{kind}')]")
            shown = sorted(t.text_content() for t in names)
            # "UNITED KINGDOM" is too long for a phone's map beside "Scotland" (Falkirk's partner marks it).
            assert shown == sorted(marked if kind == "wide" else marked - {"UNITED KINGDOM"}), (path, kind)


def test_country_names_on_the_maps_do_not_touch():
    content = _content()
    for view in (maps.cluster_map(content), maps.lab_map(content), maps.partner_map(content)):
        for mode in maps.MODES:
            boxes = []
            for area in view.areas:
                for name, label in area.labels:
                    if name == mode.name:
                        caps = area.kind in ("country", "focus")
                        w = maps.text_width(label.text, label.size, caps) + label.size * 0.2  # the letter-spacing
                        boxes.append(
                            (label.x - w / 2, label.y - label.size * 0.8, label.x + w / 2, label.y + label.size * 0.2)
                        )
            assert not any(maps._overlap(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :]), (view.id, mode)


# -- in the browser -------------------------------------------------------------------


@pytest.fixture(params=list(ARGS))
def page(request, browser, site_url):
    phone = request.param == "phone"
    context = browser.new_context(viewport=ARGS[request.param], is_mobile=phone, has_touch=phone)
    requests: list[str] = []
    context.on("request", lambda req: requests.append(req.url))
    page = context.new_page()
    page.width_name = request.param
    yield page
    assert all(url.startswith((site_url, "data:")) for url in requests), requests
    context.close()


def _visible_pins(page) -> list[str]:
    return sorted(
        page.eval_on_selector_all(
            "#cluster-map a.nc-map__pin",
            "pins => pins.filter(p => !p.closest('[hidden]')).map(p => new URL(p.getAttribute('href'), location).href)",
        )
    )


def _visible_cards(page) -> list[str]:
    return sorted(
        page.eval_on_selector_all(
            ".nc-clusters > li", "cards => cards.filter(c => !c.hidden).map(c => c.querySelector('a').href)"
        )
    )


def test_country_filter_shows_the_markers_of_the_visible_cards_only(page, site_url):
    page.goto(urljoin(site_url, "matchpoint/?country=DK"))
    page.wait_for_load_state("load")
    cards = _visible_cards(page)
    pins = _visible_pins(page)
    assert cards and len(cards) < page.locator(".nc-clusters > li").count()
    with_town = set(
        page.eval_on_selector_all(
            "#cluster-map a.nc-map__pin", "ps => ps.map(p => new URL(p.getAttribute('href'), location).href)"
        )
    )
    assert pins == sorted(set(cards) & with_town)
    assert all("/matchpoint/" in p for p in pins) and pins
    # A town whose clusters are all filtered out is hidden with its name.
    hidden_towns = page.locator("#cluster-map .nc-map__town[hidden]").count()
    assert hidden_towns > 0
    # Back to every cluster: every marker again. (On a phone a filtered link keeps the filters folded,
    # so that the answer comes first: the visitor opens them to change one.)
    if not page.locator("#nc-country").is_visible():
        page.click("#nc-more > summary")
    page.select_option("#nc-country", "")
    page.wait_for_function(
        "document.querySelectorAll('#cluster-map a.nc-map__pin:not([hidden])').length === "
        "document.querySelectorAll('#cluster-map a.nc-map__pin').length"
    )
    page.fill("#nc-q", "wind")
    page.wait_for_timeout(100)
    assert _visible_pins(page) == sorted(set(_visible_cards(page)) & with_town)


def test_map_on_a_phone_and_on_a_desktop(page, site_url):
    page.goto(urljoin(site_url, "matchpoint/"))
    page.wait_for_load_state("load")
    svg = page.locator("#cluster-map-svg")
    toggle = page.locator("#cluster-map .nc-map__toggle")
    if page.width_name == "phone":
        first = page.locator(".nc-clusters > li h2").first
        box = first.bounding_box()
        assert box and box["y"] + box["height"] <= 844, "the first cluster's name is below the first screen"
        assert not svg.is_visible() and toggle.is_visible()
        assert toggle.get_attribute("aria-expanded") == "false"
        toggle.click()
        assert svg.is_visible() and toggle.get_attribute("aria-expanded") == "true"
        width = svg.bounding_box()["width"]
        assert 340 <= width <= 390
        # Legible: town names at least 11 CSS pixels high, markers at least 9 across.
        size = page.eval_on_selector_all(
            "#cluster-map .nc-map__name",
            "ts => Math.min(...ts.filter(t => t.getBoundingClientRect().height > 0)"
            ".map(t => t.getBoundingClientRect().height))",
        )
        assert size >= 11
        dot = page.locator("#cluster-map a.nc-map__pin circle").first.bounding_box()
        assert dot["width"] >= 9
    else:
        assert svg.is_visible() and not toggle.is_visible()
        assert svg.bounding_box()["width"] >= 600
    # Every marker is a way in: following one opens the cluster's profile.
    pin = page.locator("#cluster-map a.nc-map__pin").first
    name = pin.get_attribute("aria-label").split(",")[0]
    pin.click()
    page.wait_for_load_state("load")
    assert "/matchpoint/" in page.url and page.locator("h1").first.text_content().strip() == name


def _with_town(page) -> set[str]:
    return set(
        page.eval_on_selector_all(
            "#cluster-map a.nc-map__pin", "ps => ps.map(p => new URL(p.getAttribute('href'), location).href)"
        )
    )


def test_a_click_on_a_country_narrows_the_list_and_the_markers(page, site_url):
    page.goto(urljoin(site_url, "matchpoint/"))
    page.wait_for_load_state("load")
    if page.width_name == "phone":
        page.locator("#cluster-map .nc-map__toggle").click()
    with_town = _with_town(page)
    total = page.locator(".nc-clusters > li").count()
    germany = page.locator("#cluster-map a.nc-map__country[data-country=DE]")
    germany.click()
    page.wait_for_function("document.querySelector('#nc-country').value === 'DE'")
    assert "country=DE" in page.url and "/matchpoint/" in page.url  # set in place, no page load
    cards = _visible_cards(page)
    assert cards and len(cards) < total
    assert page.eval_on_selector_all(
        ".nc-clusters > li:not([hidden])", "cs => cs.every(c => c.dataset.country === 'DE')"
    )
    assert _visible_pins(page) == sorted(set(cards) & with_town)
    assert page.locator("#nc-count").inner_text().startswith(f"{len(cards)} clusters of {total}")
    assert germany.get_attribute("aria-current") == "true"
    # Another country, by keyboard: focus its name and press Enter.
    denmark = page.locator("#cluster-map a.nc-map__country[data-country=DK]")
    denmark.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('#nc-country').value === 'DK'")
    assert germany.get_attribute("aria-current") is None and denmark.get_attribute("aria-current") == "true"
    assert _visible_pins(page) == sorted(set(_visible_cards(page)) & with_town)
    # "Clear all" brings every card and marker back and no country is current.
    if page.width_name == "phone":
        page.locator("#nc-more summary").click()
    page.locator("#nc-clear").click()
    page.wait_for_function(f"document.querySelectorAll('.nc-clusters > li:not([hidden])').length === {total}")
    assert _visible_pins(page) == sorted(with_town)
    assert page.locator("#cluster-map a.nc-map__country[aria-current]").count() == 0


@pytest.mark.parametrize("viewport", list(ARGS))
def test_without_javascript_a_country_still_narrows_the_list(browser, site_url, built_site, viewport):
    import json

    clusters = json.loads((built_site / "matchpoint" / "clusters.json").read_text(encoding="utf-8"))
    context = browser.new_context(viewport=ARGS[viewport], java_script_enabled=False)
    page = context.new_page()
    page.goto(urljoin(site_url, "matchpoint/"))
    note = page.locator(".nc-nojs")
    assert note.is_visible() and "no JavaScript" in note.inner_text()
    assert page.locator("#cluster-map-svg").is_visible(), "without the script's button the map is shown"
    assert len(_visible_cards_css(page)) == len(clusters)
    for code, click in (
        ("DE", lambda: note.get_by_role("link", name="Germany").click()),
        ("DK", lambda: page.locator("#cluster-map a.nc-map__country[data-country=DK]").click()),
    ):
        click()
        page.wait_for_url(f"**#country-{code}")
        expected = {urljoin(site_url, f"matchpoint/{c['id']}/") for c in clusters if c["country"] == code}
        assert set(_visible_cards_css(page)) == expected
        pins = page.eval_on_selector_all(
            "#cluster-map a.nc-map__pin",
            "ps => ps.filter(p => p.getClientRects().length).map(p => new URL(p.getAttribute('href'), location).href)",
        )
        assert pins and set(pins) <= expected
        status = page.locator(f"#country-{code}")
        assert status.is_visible() and status.inner_text().startswith(f"{len(expected)} clusters in ")
        assert not page.locator("#nc-count").is_visible()
    page.get_by_role("link", name=f"Show all {len(clusters)} clusters").click()
    assert len(_visible_cards_css(page)) == len(clusters)
    context.close()


def _visible_cards_css(page) -> list[str]:
    """The cards the browser shows, whatever hides them (the script's `hidden`, or the stylesheet)."""
    return page.eval_on_selector_all(
        ".nc-clusters > li", "cs => cs.filter(c => c.getClientRects().length).map(c => c.querySelector('a').href)"
    )
