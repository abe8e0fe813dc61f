"""What the speed work must not change for a reader (issue 18). Not timed: `make bench` measures.

- Navigation, tabs and Material's configuration are rendered once per folder of pages and
  reused (overrides/ncsite/once.html): on every page each tab and each entry of the
  navigation still leads to the page the nav names, and the configuration's base is the
  page's own way back to the site root.
- The per-event .ics files and the feed are written from VEVENTs serialised once, with the
  lines folded by ncsite.outputs.ical: the same bytes icalendar itself writes.
- The search dialog has an accessible name.
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

import icalendar
import markdown
import mkdocs.config
from conftest import ROOT

from ncsite.config import read_mkdocs_yml
from ncsite.content.published import markdown_extensions
from ncsite.features.events import CALENDAR_FEED
from ncsite.outputs import ical


class _Links(HTMLParser):
    """Links (href, text) inside elements whose class is `container`, and the __config script."""

    def __init__(self, container: str):
        super().__init__(convert_charrefs=True)
        self.container, self.depth, self.href, self.text = container, 0, None, ""
        self.links: list[tuple[str, str]] = []
        self.config = None
        self._in_config = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.depth:
            self.depth += tag not in ("br", "img", "input")
        elif self.container in (attrs.get("class") or "").split():
            self.depth = 1
        if self.depth and tag == "a" and attrs.get("href") and "md-nav__button" not in (attrs.get("class") or ""):
            self.href, self.text = attrs["href"], ""
        self._in_config = tag == "script" and attrs.get("id") == "__config"

    def handle_endtag(self, tag):
        if self.depth:
            if tag == "a" and self.href is not None:
                self.links.append((" ".join(self.text.split()), self.href))
                self.href = None
            self.depth -= 1
        self._in_config = False

    def handle_data(self, data):
        if self.href is not None:
            self.text += data
        if self._in_config:
            self.config = json.loads(data)


def _nav_targets() -> dict[str, str]:
    """Nav title -> the page's folder under the site root ('' for the home page)."""
    out = {}
    for entry in read_mkdocs_yml(ROOT)["nav"]:
        ((title, src),) = entry.items()
        out[title] = posixpath.dirname(src) if src.endswith("index.md") else src.removesuffix(".md")
    return out


def _resolve(page_dir: str, href: str) -> str:
    path = posixpath.normpath(posixpath.join(page_dir or ".", href.split("#")[0]))
    return "" if path == "." else path.strip("/")


def test_every_tab_and_nav_entry_leads_to_its_page_on_every_page(built_site: Path):
    targets = _nav_targets()
    pages = sorted(built_site.rglob("index.html"))
    checked = set()
    for html in pages:
        rel = html.relative_to(built_site).parent.as_posix()
        page_dir = "" if rel == "." else rel
        text = html.read_text(encoding="utf-8")
        for container in ("md-tabs__list", "md-nav--primary"):
            parser = _Links(container)
            parser.feed(text)
            # (a page's own headings, listed in the nav as #anchors, are not nav entries)
            named = [(title, href) for title, href in parser.links if title in targets and not href.startswith("#")]
            assert {t for t, _ in named} >= set(targets) - {"Home"}, (rel, container, parser.links)
            for title, href in named:
                assert _resolve(page_dir, href) == targets[title], (rel, container, title, href)
        footer = _Links("nc-footer__links")  # rendered once per folder too (partials/copyright.html)
        footer.feed(text)
        found = {title: _resolve(page_dir, href) for title, href in footer.links if not href.startswith("http")}
        assert {
            "About": "about",
            "Contact": "contact",
            "Accessibility statement": "accessibility",
        }.items() <= found.items(), (
            rel,
            footer.links,
        )
        base = parser.config["base"]
        assert posixpath.normpath(posixpath.join(page_dir, base)) == ".", (rel, base)
        checked.add(rel.split("/")[0])
    # pages in the nav, out of it, and in each kind of folder were all looked at
    assert {"events", "matchpoint", "livinglabs", "newsletter", "about", "accessibility"} <= checked


def test_the_search_dialog_has_an_accessible_name(built_site: Path):
    for html in (built_site / "index.html", built_site / "events" / "index.html", built_site / "404.html"):
        dialog = re.search(r'<div class="md-search"[^>]*role="dialog"[^>]*>', html.read_text(encoding="utf-8"))
        assert dialog and re.search(r'aria-label="[^"]+"', dialog.group(0)), html


def _component(lines: dict[str, object]) -> icalendar.Event:
    item = icalendar.Event()
    for name, value in lines.items():
        item.add(name, value)
    return item


def test_lines_are_folded_as_icalendar_folds_them():
    cases = [
        {"summary": "Short"},
        {"summary": "x" * 74, "location": "y" * 75, "description": "z" * 300},
        {"description": ("a, b; c\\ " * 40) + "\n\nnext paragraph"},  # escapes near every fold
        {"description": "\\" * 200},
        {"summary": "Æbeltoft – Göteborg – Tromsø " * 6},  # not ASCII: icalendar folds it
        {"url": "https://example.org/" + "p/" * 60, "categories": ["working-days"]},
        {"dtstart": dt.datetime(2026, 5, 4, 9, 30, tzinfo=dt.UTC), "dtend": dt.date(2026, 5, 5)},
    ]
    for lines in cases:
        component = _component(lines)
        assert ical.serialise(component) == component.to_ical(), lines
    for n in range(60, 240):  # every cut point, with an escape at the cut
        line = "DESCRIPTION:" + "w" * (n % 80) + "\\," * (n // 2)
        assert ical.fold(line) == icalendar.parser.Contentline(line).to_ical(), n


def test_each_event_file_is_the_calendar_icalendar_would_write(built_site: Path):
    files = sorted((built_site / "events").glob("*.ics"))
    assert len(files) > 5
    for path in files:
        data = path.read_bytes()
        parsed = icalendar.Calendar.from_ical(data)
        assert parsed.to_ical() == data, path.name  # written exactly as icalendar writes what it reads
        events = parsed.walk("VEVENT")
        if path.name != CALENDAR_FEED.split("/")[-1]:
            assert len(events) == 1 and str(parsed["X-WR-CALNAME"]), path.name


PAGES = [
    "# One\n\nText with a note.[^a] And [a link](other.md).\n\n## Part {#part}\n\n[^a]: The note.\n",
    "# Two\n\n!!! note\n    Inside.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nAnother note.[^b]\n\n[^b]: Second.\n\n## Part\n",
    "# Three\n\nNo notes here.\n\n```python\nprint(1)\n```\n\n## Part\n\n## Part\n",
]


def test_pages_sharing_the_markdown_extensions_render_as_with_their_own():
    """The build makes each Markdown extension once per build (not once per page): every page
    still renders exactly as with extensions of its own, whatever page came before it."""
    config = mkdocs.config.load_config(str(ROOT / "mkdocs.yml"))
    shared = markdown_extensions(config.markdown_extensions, config.mdx_configs)
    assert any(isinstance(ext, markdown.Extension) for ext in shared)
    for order in (PAGES, PAGES[::-1], PAGES + PAGES):
        for text in order:
            fresh = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
            alike = markdown.Markdown(extensions=shared)
            assert alike.convert(text) == fresh.convert(text)
            assert alike.toc_tokens == fresh.toc_tokens
