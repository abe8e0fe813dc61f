"""The newsletter's RSS 2.0 feed, the same bytes from the same content.

Feed readers remember an item by its guid and show it again when the guid
changes, so the guid is the issue's permanent address, never its title. The
channel's lastBuildDate is the newest issue's date, not the clock, so
rebuilding unchanged content changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from html import escape

import lxml.html
from feedgen.feed import FeedGenerator
from lxml import etree

from ncsite.content.models import NewsletterIssue
from ncsite.feature import absolute_url

# At the site root on purpose: Material fetches "sitemap.xml" next to every
# <link rel="alternate"> (its language switcher), and next to /feed.xml that is
# the real sitemap, not a 404 on every page load.
FEED_PATH = "feed.xml"
FEED_TYPE = "application/rss+xml"


def absolute_html(html: str, base_url: str) -> str:
    """Page HTML for a feed reader: every href and src absolute, permalink anchors removed.

    Feed readers show an item outside the site, where "../events/x/" leads nowhere.
    """
    if not html.strip():
        return ""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for anchor in root.xpath('.//a[contains(concat(" ", normalize-space(@class), " "), " headerlink ")]'):
        anchor.drop_tree()
    root.make_links_absolute(base_url, resolve_base_href=False)
    text = root.text or ""
    return text + "".join(lxml.html.tostring(child, encoding="unicode") for child in root)


def published_at(issue: NewsletterIssue, timezone: str) -> dt.datetime:
    """When an issue appeared: its date (and time, if given) in the site's timezone."""
    return issue.date.local(timezone)


def newsletter_feed(
    issues: Sequence[NewsletterIssue],
    *,
    site_name: str,
    site_url: str,
    language: str,
    timezone: str,
    rendered: Mapping[str, str],
    limit: int = 50,
) -> bytes:
    """The RSS 2.0 feed of `issues` (already published, newest first), at most `limit` items."""

    def absolute(path: str) -> str:
        return absolute_url(site_url, path)

    items = list(issues)[:limit]
    fg = FeedGenerator()
    fg.load_extension("dc")
    fg.title(f"{site_name} newsletter")
    fg.link(href=absolute(FEED_PATH), rel="self", type=FEED_TYPE)
    fg.link(href=absolute("newsletter/"), rel="alternate")  # the last link given is the channel's <link>
    fg.description(f"News from {site_name}, a transnational cluster-cooperation project in the North Sea Region.")
    fg.language(language)
    # Oldest first with order="append" would reverse the order; add newest first, appending.
    for issue in items:
        url = absolute(issue.url)
        entry = fg.add_entry(order="append")
        entry.title(issue.title)
        entry.link(href=url)
        entry.guid(url, permalink=True)
        entry.pubDate(published_at(issue, timezone))
        if issue.summary:  # plain text; an RSS description is HTML, so it is escaped to show as text
            entry.description(escape(issue.summary, quote=False))
        html = absolute_html(rendered.get(issue.src_uri, ""), url)
        if html:
            entry.content(html, type="CDATA")
        if issue.author:
            entry.dc.dc_creator(issue.author)
    if items:
        fg.lastBuildDate(published_at(items[0], timezone))
        return fg.rss_str(pretty=True)
    # No issue yet: a valid, empty channel without an invented build date.
    root = etree.fromstring(fg.rss_str())
    for element in root.iter("lastBuildDate"):
        element.getparent().remove(element)
    return etree.tostring(root, pretty_print=True, xml_declaration=True, encoding="UTF-8")
