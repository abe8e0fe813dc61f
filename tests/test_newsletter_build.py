"""The newsletter in real builds: archive, issue pages, subscribe page and the RSS feed readers see."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import feedparser
import lxml.html
import pytest
from conftest import copy_project, mkdocs_build, run
from lxml import etree

NOW = "1795435200"  # 2026-11-23 12:00 UTC
TODAY = dt.date(2026, 11, 23)
SITE = "https://northern-connections.github.io/site/"
RSS_NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
}
# (file name, date field, extra front matter): past, today, and future issues.
GENERATED = [
    ("2018-03-05-spring", "2018-03-05", "author: Test Editor\n"),
    ("2018-11-30-oslo", "2018-11-30T09:30", ""),
    ("2019-05-08-green-week", "2019-05-08", ""),
    ("2019-05-08-evening", "2019-05-08T18:00", ""),
    ("2026-11-23-today", "2026-11-23", ""),
    ("2026-11-24-tomorrow", "2026-11-24", ""),
    ("2027-01-15-next-year", "2027-01-15", ""),
]
LINKED = "2019-05-08-green-week"


def _write_issues(project: Path):
    (project / "content" / "assets").mkdir(exist_ok=True)
    (project / "content" / "assets" / "test-map.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>', encoding="utf-8"
    )
    for name, date, extra in GENERATED:
        body = f"Synthetic issue {name} for the tests.\n"
        if name == LINKED:
            body += (
                "\nSee [the Aarhus meeting](../events/2016-12-aarhus-working-days.md) and the map:\n\n"
                "![Map of the region](../assets/test-map.svg)\n"
            )
        (project / "content" / "newsletter" / f"{name}.md").write_text(
            f'---\ntitle: "Issue {name}"\ndate: "{date}"\nsummary: "Summary of {name}."\n{extra}---\n\n{body}',
            encoding="utf-8",
        )


def _published_slugs(project: Path) -> list[str]:
    """The expected feed: every issue file dated today or earlier, newest first (date, time, name)."""
    rows = []
    for path in (project / "content" / "newsletter").glob("*.md"):
        if path.name == "index.md":  # the archive's introduction
            continue
        date = re.search(r'^date: "?([^"\n]+)"?$', path.read_text(encoding="utf-8"), re.M).group(1)
        when = dt.datetime.fromisoformat(date)
        if when.date() <= TODAY:
            rows.append((when, path.stem))
    return [slug for _, slug in sorted(rows, reverse=True)]


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("newsletter"))
    _write_issues(project)
    result = mkdocs_build(project, {"SOURCE_DATE_EPOCH": NOW})
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture(scope="module")
def site(project) -> Path:
    return project / "site"


def _html(path: Path):
    return lxml.html.fromstring(path.read_text(encoding="utf-8"))


def test_feed_reads_cleanly_with_exactly_the_published_issues_in_order(project, site):
    parsed = feedparser.parse((site / "feed.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    expected = _published_slugs(project)
    assert "2026-11-23-today" in expected and "2026-11-24-tomorrow" not in expected
    assert [e.link for e in parsed.entries] == [f"{SITE}newsletter/{slug}/" for slug in expected]
    assert [e.id for e in parsed.entries] == [e.link for e in parsed.entries]
    for entry, slug in zip(parsed.entries, expected):
        source = (project / "content" / "newsletter" / f"{slug}.md").read_text(encoding="utf-8")
        when = dt.datetime.fromisoformat(re.search(r'^date: "?([^"\n]+)"?$', source, re.M).group(1))
        local = when.replace(tzinfo=ZoneInfo("Europe/Copenhagen"))
        assert dt.datetime(*entry.published_parsed[:6], tzinfo=dt.UTC) == local, slug
    assert parsed.feed.title and parsed.feed.link == SITE + "newsletter/"
    spring = next(e for e in parsed.entries if e.link.endswith("2018-03-05-spring/"))
    assert spring.author == "Test Editor"


def test_future_issues_are_nowhere(site):
    for name in ("2026-11-24-tomorrow", "2027-01-15-next-year"):
        assert not (site / "newsletter" / name).exists()
        for page in (
            site / "newsletter" / "index.html",
            site / "feed.xml",
            site / "sitemap.xml",
            site / "search" / "search_index.json",
        ):
            assert name not in page.read_text(encoding="utf-8"), page


def test_relative_links_and_images_are_absolute_in_the_feed(site):
    parsed = feedparser.parse((site / "feed.xml").read_bytes())
    entry = next(e for e in parsed.entries if e.link.endswith(f"{LINKED}/"))
    body = lxml.html.fromstring(entry.content[0].value)
    assert f"{SITE}events/2016-12-aarhus-working-days/" in body.xpath("//a/@href")
    assert body.xpath("//img/@src") == [f"{SITE}assets/test-map.svg"]
    for url in body.xpath("//a/@href | //img/@src"):
        assert re.match(r"^(https?:|mailto:)", url), url


def test_feed_meets_the_rss_rules_a_validator_checks(site):
    root = etree.fromstring((site / "feed.xml").read_bytes())
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    for required in ("title", "link", "description"):
        assert (channel.findtext(required) or "").strip(), required
    assert channel.findtext("link") == SITE + "newsletter/"
    assert channel.findtext("language") == "en"
    selfs = channel.findall("atom:link", RSS_NS)
    assert [(a.get("rel"), a.get("type"), a.get("href")) for a in selfs] == [
        ("self", "application/rss+xml", SITE + "feed.xml")
    ]
    rfc822 = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$")
    items = channel.findall("item")
    assert items
    for item in items:
        assert item.findtext("title") and item.findtext("description")
        guid = item.find("guid")
        assert guid.get("isPermaLink") == "true" and guid.text == item.findtext("link")
        assert guid.text.startswith(SITE)
        assert rfc822.match(item.findtext("pubDate")), item.findtext("pubDate")
        assert item.find("author") is None or "@" in item.findtext("author")
    assert len({i.findtext("guid") for i in items}) == len(items)
    newest = max(email.utils.parsedate_to_datetime(i.findtext("pubDate")) for i in items)
    assert channel.findtext("lastBuildDate") == items[0].findtext("pubDate")
    assert email.utils.parsedate_to_datetime(channel.findtext("lastBuildDate")) == newest


def test_rebuilding_gives_the_same_feed_and_a_new_title_keeps_the_guid(project, site):
    again = run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site-again"],
        project,
        {"SOURCE_DATE_EPOCH": NOW},
    )
    assert again.returncode == 0, again.stderr
    assert (project / "site-again" / "feed.xml").read_bytes() == (site / "feed.xml").read_bytes()

    source = project / "content" / "newsletter" / f"{LINKED}.md"
    original = source.read_text(encoding="utf-8")
    source.write_text(original.replace(f'title: "Issue {LINKED}"', 'title: "A better title"'), encoding="utf-8")
    try:
        retitled = run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site-retitled"],
            project,
            {"SOURCE_DATE_EPOCH": NOW},
        )
    finally:
        source.write_text(original, encoding="utf-8")
    assert retitled.returncode == 0, retitled.stderr
    before = {e.title: e.id for e in feedparser.parse((site / "feed.xml").read_bytes()).entries}
    after = {e.title: e.id for e in feedparser.parse((project / "site-retitled" / "feed.xml").read_bytes()).entries}
    assert after["A better title"] == before[f"Issue {LINKED}"]
    assert sorted(after.values()) == sorted(before.values())


def test_feed_length_comes_from_mkdocs_yml(tmp_path):
    project = copy_project(tmp_path)
    _write_issues(project)
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"newsletter_feed_items: \d+", "newsletter_feed_items: 2", config.read_text()))
    assert mkdocs_build(project, {"SOURCE_DATE_EPOCH": NOW}).returncode == 0
    parsed = feedparser.parse((project / "site" / "feed.xml").read_bytes())
    assert [e.link for e in parsed.entries] == [f"{SITE}newsletter/{s}/" for s in _published_slugs(project)[:2]]
    config.write_text(re.sub(r"newsletter_feed_items: \d+", "newsletter_feed_items: none", config.read_text()))
    broken = mkdocs_build(project, {"SOURCE_DATE_EPOCH": NOW})
    assert broken.returncode != 0 and "newsletter_feed_items" in broken.stderr and "Traceback" not in broken.stderr


def test_every_page_announces_the_feed_and_links_it_in_the_footer(site):
    pages = list(site.rglob("index.html"))
    assert len(pages) > 20
    for page in pages:
        doc = _html(page)
        heads = doc.xpath('//head/link[@rel="alternate"][@type="application/rss+xml"]/@href')
        assert heads == [SITE + "feed.xml"], page
        assert SITE + "feed.xml" in doc.xpath("//footer//a/@href"), page


def test_archive_lists_published_issues_by_year_newest_first(project, site):
    doc = _html(site / "newsletter" / "index.html")
    article = doc.xpath("//article")[0]
    years = [int(h.text) for h in article.xpath('.//h2[starts-with(@id, "year-")]')]
    assert years == sorted(set(years), reverse=True)
    links = [href.rstrip("/").split("/")[-1] for href in article.xpath('.//a[@class="nc-issues__title"]/@href')]
    assert links == _published_slugs(project)
    assert any(h.endswith("feed.xml") for h in article.xpath(".//a/@href"))
    assert any(h.rstrip("/").endswith("subscribe") for h in article.xpath(".//a/@href"))


def test_issue_pages_link_previous_and_next(project, site):
    slugs = _published_slugs(project)
    for index, slug in enumerate(slugs):
        doc = _html(site / "newsletter" / slug / "index.html")
        older = doc.xpath('//nav[@class="nc-pager"]/a[@rel="prev"]/@href')
        newer = doc.xpath('//nav[@class="nc-pager"]/a[@rel="next"]/@href')
        assert [h.rstrip("/").split("/")[-1] for h in older] == slugs[index + 1 : index + 2]
        assert [h.rstrip("/").split("/")[-1] for h in newer] == slugs[max(index - 1, 0) : index]
    spring = doc = _html(site / "newsletter" / "2018-03-05-spring" / "index.html")
    assert "Test Editor" in spring.xpath('string(//p[@class="nc-byline"])')
    assert doc.xpath('//p[@class="nc-byline"]/time/@datetime') == ["2018-03-05"]


def test_subscribe_page_gives_every_announced_address(site):
    doc = _html(site / "subscribe" / "index.html")
    codes = [c.text_content().strip() for c in doc.xpath('//code[@class="nc-copy__value"]')]
    assert SITE + "feed.xml" in codes
    assert "feed reader" in doc.text_content()
    for href in _html(site / "index.html").xpath('//head/link[@rel="alternate"][@type="text/calendar"]/@href'):
        assert href in codes
        assert "webcal://" + href.split("://", 1)[1] in doc.xpath("//a/@href")
