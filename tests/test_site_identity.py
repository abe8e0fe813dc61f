"""The public site reads as the project's own: plain text, own descriptions, honest edit links, a real feed.

Built once (`built_site`, "now" = 2026-11-23); facts are read from the HTML and
the feed, never compared with whole files.
"""

from __future__ import annotations

import re
from collections import Counter
from email.utils import parsedate_to_datetime
from pathlib import Path

import feedparser
import lxml.html
import pytest
from conftest import ROOT

from ncsite import Sources, load_content
from ncsite.config import read_mkdocs_yml

WORKING_NOTES = re.compile(r"\bsources?\b|sources disagree|\bno source\b|\bwe have found\b", re.IGNORECASE)


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def visible_text(page: Path) -> str:
    """What a reader sees in the page: no scripts, no hidden parts, no footnotes, no "Sources" section or list."""
    root = lxml.html.fromstring(page.read_bytes())
    for bad in root.xpath(
        "//script | //style | //template | //*[@hidden] | //div[contains(@class, 'footnote')] | //a[@href='#sources']"
    ):  # the heading's entry in the table of contents
        bad.drop_tree()
    for heading in root.xpath("//h2[@id='sources'] | //h3[@id='sources']"):
        # The heading and everything after it up to the next heading of its level.
        level = heading.tag
        for sibling in list(heading.itersiblings()):
            if sibling.tag in ("h1", level):
                break
            sibling.drop_tree()
        heading.drop_tree()
    for listing in root.xpath("//*[contains(concat(' ', normalize-space(@class), ' '), ' nc-sources ')]"):
        # A list of sources (class "nc-sources"), with the label just before it ("... Sources:").
        label = listing.getprevious()
        if label is not None and " ".join(label.text_content().split()).endswith("Sources:"):
            label.drop_tree()
        listing.drop_tree()
    body = root.find("body")
    return " ".join((body if body is not None else root).text_content().split())


def test_visible_text_holds_no_working_notes(built_site):
    """Sources go to footnotes or a "Sources" list; nothing else on a page talks about sources."""
    offenders = {}
    for page in pages(built_site):
        text = visible_text(page)
        found = sorted({m.group(0).lower() for m in WORKING_NOTES.finditer(text)})
        if found:
            offenders[page.relative_to(built_site).as_posix()] = found
    assert offenders == {}, f"{len(offenders)} pages with working notes: {offenders}"


def test_the_text_check_sees_footnotes_and_sources_lists_as_allowed(tmp_path):
    page = tmp_path / "x.html"
    page.write_text(
        "<html><body><p>Plain fact.<sup>1</sup></p><h2 id='sources'>Sources</h2><ul><li>a source</li>"
        "</ul><div class='footnote'><p>Another source</p></div></body></html>",
        encoding="utf-8",
    )
    assert not WORKING_NOTES.search(visible_text(page))
    page.write_text(
        "<html><body><footer><p>Updated 2020. Sources:</p><ul class='nc-sources'><li>x</li></ul>"
        "</footer></body></html>",
        encoding="utf-8",
    )
    assert not WORKING_NOTES.search(visible_text(page))
    page.write_text("<html><body><p>We have found no source that confirms it.</p></body></html>", encoding="utf-8")
    assert WORKING_NOTES.search(visible_text(page))


def meta(page: Path) -> dict[str, str]:
    root = lxml.html.fromstring(page.read_bytes())
    out = {}
    for element in root.xpath("//head/meta"):
        key = element.get("property") or element.get("name")
        if key:
            out[key] = element.get("content") or ""
    return out


def test_every_page_can_be_shared_with_its_own_preview(built_site):
    config = read_mkdocs_yml(ROOT)
    for page in pages(built_site):
        where = page.relative_to(built_site).as_posix()
        tags = meta(page)
        for key in ("og:title", "og:description", "og:url", "twitter:card", "description"):
            assert tags.get(key), f"{where}: no {key}"
        assert tags["og:url"].startswith(config["site_url"]), where
        if where != "404.html":
            expected = config["site_url"] + where.removesuffix("index.html")
            assert tags["og:url"] == expected, where
        assert tags["og:description"] == tags["description"], where


@pytest.mark.parametrize("section", ["events", "matchpoint", "livinglabs", "newsletter"])
def test_detail_pages_have_descriptions_of_their_own(built_site, section):
    site_description = read_mkdocs_yml(ROOT)["site_description"]
    details = list((built_site / section).glob("*/index.html"))
    assert len(details) >= 5, section
    descriptions = {p.parent.name: meta(p)["og:description"] for p in details}
    generic = [slug for slug, text in descriptions.items() if text == site_description]
    assert generic == [], f"{section}: pages with the site-wide description: {generic}"
    repeated = [text for text, count in Counter(descriptions.values()).items() if count > 1]
    assert repeated == [], f"{section}: descriptions shared by several pages: {repeated}"


def test_an_event_is_described_by_its_summary(built_site):
    content, _ = load_content(Sources(ROOT))
    event = next(e for e in content.events if e.summary)
    tags = meta(built_site / "events" / event.slug / "index.html")
    assert lxml.html.fromstring(f"<p>{tags['og:description']}</p>").text_content() == event.summary


def test_the_feed_carries_the_dated_news(built_site):
    content, _ = load_content(Sources(ROOT))
    issues = [i for i in content.newsletter if i.date.date.year <= 2026]
    assert len(issues) >= 10
    feed = feedparser.parse((built_site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    by_link = {entry.link: entry for entry in feed.entries}
    assert len(by_link) == len(feed.entries) == len(issues)
    site_url = read_mkdocs_yml(ROOT)["site_url"]
    for issue in issues:
        entry = by_link[site_url + issue.url]
        # The day as published, in the site's time zone (feedparser's *_parsed is in UTC).
        assert parsedate_to_datetime(entry.published).date() == issue.date.date, issue.slug
        assert entry.title == issue.title
        assert entry.summary
    years = {entry.published_parsed.tm_year for entry in feed.entries}
    assert {2017, 2018, 2019, 2020} <= years


def test_reports_known_only_to_the_month_are_listed_not_dated(built_site):
    root = lxml.html.fromstring((built_site / "newsletter" / "index.html").read_bytes())
    elsewhere = root.xpath("//h2[@id='reported-elsewhere']/following-sibling::ul[1]/li")
    assert len(elsewhere) >= 5
    assert any("June 2017" in li.text_content() for li in elsewhere)
    feed = (built_site / "feed.xml").read_text(encoding="utf-8")
    for li in elsewhere:
        href = li.xpath(".//a/@href")[0]
        assert href not in feed, f"a report without a day is in the feed: {href}"


def test_about_lists_every_partner_with_country_website_and_profile(built_site):
    content, _ = load_content(Sources(ROOT))
    root = lxml.html.fromstring((built_site / "about" / "index.html").read_bytes())
    for partner in content.partners:
        items = root.xpath(f"//li[@id='partner-{partner.id}']")
        assert len(items) == 1, partner.id
        item = items[0]
        heading = item.getparent().getprevious()
        assert heading.tag == "h3" and heading.get("id") == f"partners-{partner.country.lower()}", partner.id
        hrefs = item.xpath(".//a/@href")
        if partner.website:
            assert partner.website in hrefs, partner.id
        if partner.cluster:
            assert any(h.rstrip("/").endswith(f"matchpoint/{partner.cluster}") for h in hrefs), partner.id
            assert (built_site / "matchpoint" / partner.cluster / "index.html").is_file(), partner.id
    assert len(root.xpath("//li[contains(@class, 'nc-partners__item')]")) == len(content.partners) == 21


def test_results_are_reachable_from_home_and_about(built_site):
    wanted = {
        "results/toolbox-v1/",
        "results/toolbox-2/",
        "results/innovation-tool-of-the-month/",
        "reports/what-have-we-learned/",
    }
    for page in ("index.html", "about/index.html"):
        root = lxml.html.fromstring((built_site / page).read_bytes())
        root.make_links_absolute("https://x.test/" + page)
        hrefs = {h.removeprefix("https://x.test/") for h in root.xpath("//article//a/@href")}
        assert wanted <= hrefs, f"{page}: missing {wanted - hrefs}"
    for path in wanted:
        assert (built_site / path / "index.html").is_file()


def test_the_header_shows_the_project_mark_and_no_repository(built_site):
    root = lxml.html.fromstring((built_site / "index.html").read_bytes())
    logo = root.xpath("//header//a[contains(@class, 'md-logo')]/img/@src")
    assert logo and logo[0].endswith("assets/ncsite/logo.svg")
    assert root.xpath("//header//a[contains(@class, 'md-source')]") == []
    assert root.xpath("//link[@rel='icon']/@href")[0].endswith("assets/ncsite/logo.svg")
    footer = root.xpath("//footer")[0]
    repo = read_mkdocs_yml(ROOT)["repo_url"]
    assert repo in footer.xpath(".//a/@href")
    assert any(h.endswith("/CONTRIBUTING.md") for h in footer.xpath(".//a/@href"))
    kept = " ".join(footer.text_content().split())
    assert "Last built on 23 November 2026" in kept and "kept by" in kept
    assert "Co-funded by the European Union" in kept and "Interreg North Sea Region" in kept
