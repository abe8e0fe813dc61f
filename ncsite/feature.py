"""The contract between the build and its features: settings in; pages, views and files out.

Every feature (calendar, Matchpoint, living labs, newsletter, ...) subclasses
`Feature` and returns these plain values; `build.py` composes them and the
MkDocs hooks move them into MkDocs. Nothing here knows about any feature.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from ncsite.content.models import Content
from ncsite.content.sources import DATA_DIR, DOCS_DIR, TIMEZONE, Sources

NEWSLETTER_FEED_ITEMS = 50  # how many issues the RSS feed holds unless mkdocs.yml sets extra.newsletter_feed_items


@dataclass(frozen=True)
class Settings:
    root: Path
    site_url: str
    now: dt.datetime
    docs_dir: str = DOCS_DIR
    data_dir: str = DATA_DIR
    timezone: str = TIMEZONE
    site_name: str = "Northern Connections"
    language: str = "en"
    newsletter_feed_items: int = NEWSLETTER_FEED_ITEMS
    edit_base: str | None = None  # repository URL that project-relative paths are appended to, for edit links
    preview: bool = False  # `mkdocs serve`: its live-reload script is inline and changes on every request
    # The Markdown extensions the pages render with (ncsite.content.published.markdown_extensions), made once per
    # build; partner pages are judged as the build renders them. None: those of root/mkdocs.yml.
    markdown_extensions: tuple[Any, ...] | None = None

    @property
    def today(self) -> dt.date:
        return self.now.astimezone(ZoneInfo(self.timezone)).date()

    @property
    def sources(self) -> Sources:
        """Where the content of this build lives."""
        return Sources(self.root, self.docs_dir, self.data_dir, self.timezone, self.today)

    def edit_url(self, path: str | None) -> str | None:
        """The edit link for a file given relative to the project root (None without a repository)."""
        return self.edit_base + path if self.edit_base and path else None

    def absolute(self, path: str) -> str:
        """An absolute URL for a site path such as 'events/x/'."""
        return absolute_url(self.site_url, path)


def absolute_url(site_url: str, path: str) -> str:
    """An absolute URL for a site path such as 'events/x/' under `site_url`."""
    return site_url.rstrip("/") + "/" + path.lstrip("/")


@dataclass(frozen=True)
class GeneratedPage:
    """A page the build makes: its path under content/, its title and body. How it is shown (its
    template, description and edit link) is its `PageView`, as for a page written by hand."""

    src_uri: str
    title: str
    body: str = ""

    @property
    def markdown(self) -> str:
        # The title is quoted as a JSON string, a subset of YAML, so no title can break the front matter.
        return f"---\ntitle: {json.dumps(self.title)}\n---\n\n{self.body}\n"


@dataclass(frozen=True)
class PageView:
    """How one page is shown, made or written by hand: its template and the values the template needs."""

    template: str
    context: dict[str, Any] = field(default_factory=dict)
    edit_path: str | None = None
    description: str | None = None  # the page's own description (meta, Open Graph) unless its front matter has one
    # Values made when the page renders and dropped after it (a page's JSON-LD, its partner
    # suggestions): at 1,000 pages, held for the whole build they would be megabytes.
    later: Callable[[], dict[str, Any]] | None = None

    def page_context(self) -> dict[str, Any]:
        """Everything the template gets: `context`, and the values `later` makes now."""
        return {**self.context, **self.later()} if self.later else self.context


@dataclass(frozen=True)
class Output:
    """A file written next to the pages (a feed, a calendar, a JSON export)."""

    path: str
    data: bytes


@dataclass(frozen=True)
class Alternate:
    """A feed announced in every page's <head>."""

    type: str
    title: str
    href: str


class Feature:
    """Base for the site's features; each overrides what it contributes."""

    def __init__(self, settings: Settings, content: Content):
        self.settings = settings
        self.content = content

    def pages(self) -> Iterable[GeneratedPage]:
        return ()

    def views(self) -> dict[str, PageView]:
        """Page views by src_uri, for generated and for partner-written pages."""
        return {}

    def outputs(self, rendered: Mapping[str, str]) -> Iterable[Output]:
        """Files to write after the pages are rendered; `rendered` maps src_uri to page HTML
        for the pages named by `needs_html`."""
        return ()

    def needs_html(self) -> Iterable[str]:
        """src_uris of pages whose rendered HTML `outputs` needs (kept in memory until then)."""
        return ()

    def alternates(self) -> Iterable[Alternate]:
        return ()

    def withheld(self) -> Iterable[str]:
        """src_uris of partner-written pages that must not be published in this build."""
        return ()
