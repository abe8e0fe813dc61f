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


@dataclass(frozen=True)
class Settings:
    root: Path
    site_url: str
    now: dt.datetime
    docs_dir: str = "content"
    data_dir: str = "data"
    timezone: str = "Europe/Copenhagen"
    site_name: str = "Northern Connections"
    language: str = "en"
    newsletter_feed_items: int = 50  # how many issues the RSS feed holds (mkdocs.yml: extra.newsletter_feed_items)
    edit_base: str | None = None  # repository URL that project-relative paths are appended to, for edit links
    preview: bool = False  # `mkdocs serve`: its live-reload script is inline and changes on every request

    @property
    def today(self) -> dt.date:
        return self.now.astimezone(ZoneInfo(self.timezone)).date()

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
    """A page the build makes: its path under content/, its front matter and body."""

    src_uri: str
    title: str
    template: str
    body: str = ""
    edit_path: str | None = None  # source file for the edit link, relative to the project root
    description: str | None = None

    @property
    def markdown(self) -> str:
        # Values are quoted as JSON strings, a subset of YAML, so no title can break the front matter.
        head = f"title: {json.dumps(self.title)}\ntemplate: {json.dumps(self.template)}\n"
        if self.description:
            head += f"description: {json.dumps(self.description)}\n"
        return f"---\n{head}---\n\n{self.body}\n"


@dataclass(frozen=True)
class PageView:
    """How one page is shown: its template and the values the template needs."""

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
