"""The newsletter: the archive, each issue, the subscribe page and the RSS feed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from itertools import groupby

from ncsite.content.models import Content, NewsletterIssue
from ncsite.feature import Alternate, Feature, GeneratedPage, Output, PageView, Settings
from ncsite.outputs.feed import FEED_PATH, FEED_TYPE, newsletter_feed

from . import INDEX, SUBSCRIBE_PAGE


def published(issues: Iterable[NewsletterIssue], today: dt.date) -> list[NewsletterIssue]:
    """Issues dated today or earlier, newest first; later ones wait for a later build."""
    return sorted((i for i in issues if i.published_by(today)), key=lambda i: i.sort_key, reverse=True)


def by_year(issues: list[NewsletterIssue]) -> list[tuple[int, list[NewsletterIssue]]]:
    """Issues (newest first) grouped by year, newest year first."""
    return [(year, list(group)) for year, group in groupby(issues, key=lambda i: i.date.year)]


def neighbours(issues: list[NewsletterIssue]) -> dict[str, tuple[NewsletterIssue | None, NewsletterIssue | None]]:
    """For each issue (list newest first): (the previous, older issue, the next, newer issue)."""
    out = {}
    for index, issue in enumerate(issues):
        older = issues[index + 1] if index + 1 < len(issues) else None
        newer = issues[index - 1] if index > 0 else None
        out[issue.slug] = (older, newer)
    return out


class NewsletterFeature(Feature):
    def __init__(self, settings: Settings, content: Content):
        super().__init__(settings, content)
        self.issues = published(self.content.newsletter, settings.today)

    @property
    def feed_url(self) -> str:
        return self.settings.absolute(FEED_PATH)

    def pages(self) -> Iterator[GeneratedPage]:
        yield GeneratedPage(INDEX, "Newsletter")
        yield GeneratedPage(
            SUBSCRIBE_PAGE,
            "Subscribe",
            body="Follow the newsletter with a feed reader (RSS) and the events in your "
            "calendar app (iCalendar), without giving anyone your e-mail address.",
        )

    def withheld(self) -> list[str]:
        today = self.settings.today
        return [i.src_uri for i in self.content.newsletter if not i.published_by(today)]

    def views(self) -> dict[str, PageView]:
        views = {
            INDEX: PageView(
                "newsletter.html",
                {"years": by_year(self.issues), "feed_path": FEED_PATH},
                "overrides/newsletter.html",
                description="The Northern Connections newsletter archive.",
            ),
            SUBSCRIBE_PAGE: PageView(
                "subscribe.html",
                {"feed_url": self.feed_url},
                "overrides/subscribe.html",
                description="Follow the Northern Connections newsletter in a feed reader and its events in your calendar.",
            ),
        }
        around = neighbours(self.issues)
        for issue in self.issues:
            older, newer = around[issue.slug]
            views[issue.src_uri] = PageView(
                "newsletter-issue.html", {"issue": issue, "older": older, "newer": newer}, description=issue.summary
            )
        return views

    def needs_html(self) -> list[str]:
        # The feed carries each issue's full text (content:encoded), from the rendered page.
        return [issue.src_uri for issue in self.issues[: self.settings.newsletter_feed_items]]

    def alternates(self) -> Iterator[Alternate]:
        yield Alternate(FEED_TYPE, f"{self.settings.site_name} newsletter (RSS)", self.feed_url)

    def outputs(self, rendered: Mapping[str, str]) -> Iterator[Output]:
        s = self.settings
        yield Output(
            FEED_PATH,
            newsletter_feed(
                self.issues,
                site_name=s.site_name,
                site_url=s.site_url,
                language=s.language,
                timezone=s.timezone,
                rendered=rendered,
                limit=s.newsletter_feed_items,
            ),
        )
