"""Every page's "Edit this page" link opens the file a partner must change."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from conftest import ROOT

from ncsite.config import read_mkdocs_yml


class _EditLinks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("title") == "Edit this page" and "md-content__button" in (attrs.get("class") or ""):
            self.hrefs.append(attrs.get("href") or "")


def edit_prefix() -> str:
    """The repository address every edit link starts with, up to the project root."""
    config = read_mkdocs_yml(ROOT)
    edit_uri = config["edit_uri"].rstrip("/") + "/"
    docs = config["docs_dir"] + "/"
    assert edit_uri.endswith(docs)
    return config["repo_url"].rstrip("/") + "/" + edit_uri[: -len(docs)]


def page_source(site: Path, page: Path) -> str | None:
    """content/<path>.md for a page written by a partner, if there is one."""
    rel = page.parent.relative_to(site).as_posix()
    for candidate in ("content/index.md" if rel == "." else f"content/{rel}.md", f"content/{rel}/index.md"):
        if (ROOT / candidate).is_file():
            return candidate
    return None


def test_every_page_links_to_its_real_source(built_site):
    """Every edit link opens a file a partner edits: Markdown under content/, or data/clusters.yaml; never a template."""
    prefix = edit_prefix()
    checked = {"content": 0, "data": 0}
    for page in sorted(built_site.rglob("*.html")):
        if page.name == "404.html":
            continue
        parser = _EditLinks()
        parser.feed(page.read_text(encoding="utf-8"))
        where = page.relative_to(built_site)
        assert len(parser.hrefs) == 1, f"{where}: {len(parser.hrefs)} edit links"
        href = parser.hrefs[0]
        assert href.startswith(prefix), f"{where}: {href}"
        source = href[len(prefix) :]
        assert source.startswith(("content/", "data/")), f"{where} links to {source}, not to content/ or data/"
        assert (ROOT / source).is_file(), f"{where} links to {source}, which does not exist"
        written = page_source(built_site, page)
        if written:
            assert source == written, f"{where} links to {source}, not to {written}"
        else:
            assert where.parts[0] == "matchpoint" and len(where.parts) == 3, f"{where} has no Markdown of its own"
            assert source == "data/clusters.yaml", f"{where} links to {source}"
        checked[source.split("/")[0]] += 1
    assert checked["content"] >= 40 and checked["data"] >= 10, checked


def test_list_pages_open_their_introduction(built_site):
    prefix = edit_prefix()
    for path, source in {
        "events": "content/events/index.md",
        "newsletter": "content/newsletter/index.md",
        "subscribe": "content/subscribe.md",
        "livinglabs": "content/livinglabs/index.md",
        "matchpoint": "content/matchpoint/index.md",
    }.items():
        parser = _EditLinks()
        parser.feed((built_site / path / "index.html").read_text(encoding="utf-8"))
        assert parser.hrefs == [prefix + source], path
