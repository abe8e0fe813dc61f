"""One build of the site, engine-free: settings in; pages, contexts and files out.

A `Build` is made fresh for every build (MkDocs' `on_config`), loads and
validates the content once, and hands each feature (calendar, Matchpoint,
living labs, newsletter) the validated content. The MkDocs hooks only move
what the features return into MkDocs: generated Markdown pages, the template
and context of each page, and extra output files (feeds, calendars, JSON).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace

from ncsite.content import published
from ncsite.content.load import load_content
from ncsite.content.problems import Problem
from ncsite.outputs.csp import Policy

from .feature import Alternate, Feature, GeneratedPage, Output, PageView, Settings
from .features import PAGE_PATHS
from .features.registry import FEATURES

__all__ = ["Build", "Settings"]


class Build:
    """Per-build state: settings, validated content and the features built on it."""

    def __init__(self, settings: Settings, features: list[type[Feature]] | None = None):
        self.settings = settings
        sources = replace(settings.sources, markdown_extensions=settings.markdown_extensions, html_judged_later=True)
        self.content, self.problems = load_content(sources, PAGE_PATHS)
        docs = settings.docs_dir + "/"
        # The pages partners write: judged and sanitised as they render (`publish`).
        self._partner_pages = {page: docs + page for page in self.content.pages} | {
            item.source.removeprefix(docs): item.source
            for kind in (self.content.events, self.content.livinglabs, self.content.newsletter)
            for item in kind
        }
        self.rendered: dict[str, str] = {}
        self.policy = Policy(allow_inline_scripts=settings.preview)
        self._needs_html: set[str] = set()
        if self.problems:
            self.features: list[Feature] = []
            return
        self.features = [cls(settings, self.content) for cls in (features or FEATURES)]
        self._views: dict[str, PageView] = {}
        for feature in self.features:
            self._views.update(feature.views())
            self._needs_html.update(feature.needs_html())

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def today(self) -> dt.date:
        return self.settings.today

    def pages(self) -> list[GeneratedPage]:
        """The pages to generate: a page written under content/ (a list page's introduction) wins."""
        written = set(self.content.pages)
        return [page for feature in self.features for page in feature.pages() if page.src_uri not in written]

    def view(self, src_uri: str) -> PageView | None:
        return self._views.get(src_uri)

    def edit_path(self, src_uri: str) -> str | None:
        """The file an "Edit this page" link opens, relative to the project root: the page's own
        Markdown under content/ when it has one, else the file its view names (clusters.yaml, ...)."""
        if src_uri in self.content.pages:
            return f"{self.settings.docs_dir}/{src_uri}"
        view = self.view(src_uri)
        return view.edit_path if view else None

    def alternates(self) -> list[Alternate]:
        return [alt for feature in self.features for alt in feature.alternates()]

    def publish(self, src_uri: str, html: str) -> str:
        """The HTML a page publishes: a partner's page judged (what it may not hold becomes a problem,
        reported once every page is rendered) and sanitised; every output takes this HTML."""
        file = self._partner_pages.get(src_uri)
        if file is not None:
            refusals = published.judge(html)
            if refusals:
                body = published.body_of(self.settings.root / file, file)
                self.problems += [
                    Problem(file, line, None, refusal.message, refusal.hint)
                    for line, refusal in published.refused(body, html)
                ]
            html = published.sanitise(html)
        self.keep_html(src_uri, html)
        return html

    def keep_html(self, src_uri: str, html: str) -> None:
        """Remember a rendered page if a feature's outputs need it."""
        if src_uri in self._needs_html:
            self.rendered[src_uri] = html

    def withheld(self) -> set[str]:
        return {src for feature in self.features for src in feature.withheld()}

    def outputs(self) -> Iterator[Output]:
        """Each feature's files, one at a time: written as they come, never all held at once."""
        for feature in self.features:
            yield from feature.outputs(self.rendered)
