"""The newsletter core without MkDocs: which issues are published, the archive, the RSS feed."""

from __future__ import annotations

import datetime as dt
import email.utils

import pytest
from lxml import etree

from ncsite.config import newsletter_feed_items
from ncsite.content.dates import parse_when
from ncsite.content.models import NewsletterIssue
from ncsite.features.newsletter.feature import by_year, neighbours, published
from ncsite.filters import webcal
from ncsite.outputs.feed import absolute_html, newsletter_feed

SITE = "https://example.org/site/"
NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
}


def issue(date: str, name: str = "news", title: str | None = None, **fields) -> NewsletterIssue:
    when = parse_when(date)
    slug = f"{when.date.isoformat()}-{name}"
    return NewsletterIssue(
        slug=slug,
        source=f"content/newsletter/{slug}.md",
        title=title or f"Issue {date}",
        date=when,
        summary=fields.pop("summary", f"About {date}."),
        **fields,
    )


def feed(issues, rendered=None, limit=50) -> etree._Element:
    data = newsletter_feed(
        issues,
        site_name="Site",
        site_url=SITE,
        language="en",
        timezone="Europe/Copenhagen",
        rendered=rendered or {},
        limit=limit,
    )
    return etree.fromstring(data)


def test_future_issues_wait_and_the_rest_are_newest_first():
    issues = [
        issue("2019-01-10", "a"),
        issue("2020-05-01", "later"),
        issue("2019-01-10T09:00", "b"),
        issue("2018-03-02", "old"),
        issue("2019-01-10T17:30", "c"),
    ]
    shown = published(issues, dt.date(2019, 6, 1))
    assert [i.slug for i in shown] == ["2019-01-10-c", "2019-01-10-b", "2019-01-10-a", "2018-03-02-old"]
    assert "2020-05-01-later" in [i.slug for i in published(issues, dt.date(2020, 5, 1))]


def test_archive_groups_by_year_and_issues_know_their_neighbours():
    shown = published(
        [issue("2017-06-14", "a"), issue("2018-01-05", "b"), issue("2018-09-01", "c")], dt.date(2019, 1, 1)
    )
    assert [(year, [i.slug for i in group]) for year, group in by_year(shown)] == [
        (2018, ["2018-09-01-c", "2018-01-05-b"]),
        (2017, ["2017-06-14-a"]),
    ]
    around = neighbours(shown)
    assert around["2018-09-01-c"] == (shown[1], None)
    assert around["2018-01-05-b"] == (shown[2], shown[0])
    assert around["2017-06-14-a"] == (None, shown[1])


def test_feed_holds_the_latest_issues_newest_first_with_rfc822_dates():
    issues = published([issue(f"2018-{m:02d}-01", f"m{m}") for m in range(1, 13)], dt.date(2019, 1, 1))
    root = feed(issues, limit=5)
    items = root.findall("channel/item")
    assert [i.findtext("link") for i in items] == [
        SITE + f"newsletter/2018-{m:02d}-01-m{m}/" for m in (12, 11, 10, 9, 8)
    ]
    dates = [email.utils.parsedate_to_datetime(i.findtext("pubDate")) for i in items]
    assert dates == sorted(dates, reverse=True) and all(d.tzinfo for d in dates)
    assert dates[0] == dt.datetime(2018, 12, 1, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    # The channel changes only when an issue does: its build date is the newest issue's.
    assert root.findtext("channel/lastBuildDate") == items[0].findtext("pubDate")


def test_guid_is_the_permalink_and_survives_a_new_title():
    before = feed([issue("2019-05-08", "green-week", title="Green week")]).find("channel/item")
    after = feed([issue("2019-05-08", "green-week", title="EU Green Week 2019")]).find("channel/item")
    assert before.findtext("title") != after.findtext("title")
    assert before.find("guid").get("isPermaLink") == "true"
    assert before.findtext("guid") == after.findtext("guid") == before.findtext("link")


def test_feed_is_the_same_bytes_every_time():
    issues = [issue("2019-05-08", "a", author="Jane Editor"), issue("2018-01-01", "b")]
    rendered = {f"newsletter/{i.slug}.md": "<p>Hello <a href='../x/'>x</a></p>" for i in issues}

    def make() -> bytes:
        return newsletter_feed(
            issues,
            site_name="Site",
            site_url=SITE,
            language="en",
            timezone="Europe/Copenhagen",
            rendered=rendered,
        )

    assert make() == make()


def test_full_content_has_absolute_links_and_images_and_no_permalink_marks():
    one = issue("2019-05-08", "green-week", author="Jane Editor")
    html = (
        '<h2 id="a">A<a class="headerlink" href="#a" title="Permanent link">&para;</a></h2>'
        '<p><a href="../../events/x/">event</a> <img alt="map" src="../img/map.png"> '
        '<a href="https://other.example/">out</a> <a href="#a">up</a> <a href="mailto:a@b.org">mail</a></p>'
    )
    item = feed([one], {f"newsletter/{one.slug}.md": html}).find("channel/item")
    content = item.findtext("content:encoded", namespaces=NS)
    body = etree.fromstring(f"<div>{content}</div>", etree.HTMLParser())
    hrefs = body.xpath("//a/@href")
    assert hrefs == [
        SITE + "events/x/",
        "https://other.example/",
        SITE + "newsletter/2019-05-08-green-week/#a",
        "mailto:a@b.org",
    ]
    assert body.xpath("//img/@src") == [SITE + "newsletter/img/map.png"]
    assert "¶" not in content
    assert item.findtext("description") == one.summary
    assert item.findtext("dc:creator", namespaces=NS) == "Jane Editor"
    assert item.find("author") is None  # RSS <author> must be an e-mail address


def test_absolute_html_keeps_text_before_the_first_element():
    assert absolute_html("Hi <a href='x/'>x</a>", SITE + "p/") == f'Hi <a href="{SITE}p/x/">x</a>'
    assert absolute_html("", SITE) == ""


def test_an_empty_feed_is_valid_and_claims_no_build_date():
    channel = feed([]).find("channel")
    assert channel.findtext("title") and channel.findtext("link") and channel.findtext("description")
    assert channel.find("lastBuildDate") is None and channel.find("item") is None


@pytest.mark.parametrize("value, expected", [(None, 50), (10, 10), (1, 1)])
def test_feed_length_setting(value, expected):
    assert newsletter_feed_items({} if value is None else {"newsletter_feed_items": value}) == expected


@pytest.mark.parametrize("value", [0, -3, "20", True, 2.5])
def test_feed_length_setting_rejects_nonsense(value):
    with pytest.raises(ValueError, match="newsletter_feed_items"):
        newsletter_feed_items({"newsletter_feed_items": value})


def test_webcal_form_of_a_calendar_address():
    assert webcal("https://example.org/site/events/calendar.ics") == "webcal://example.org/site/events/calendar.ics"
    assert webcal("http://127.0.0.1:8000/events/calendar.ics") == "webcal://127.0.0.1:8000/events/calendar.ics"
    assert webcal("webcal://x/y.ics") == "webcal://x/y.ics"
