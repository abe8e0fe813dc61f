"""Pages stay light at scale: list pages grow by a bounded size per entry, the nav not at all.

One build of the real project plus generated content (bench/generate.py),
compared with the real site. Not timed: `make bench` measures speed.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from conftest import BUILD_EPOCH, copy_project, mkdocs_build

from bench.generate import Scale, cluster_id, generate

SCALE = Scale(events=300, clusters=150, labs=20, issues=40)
MAX_BYTES_PER_ENTRY = 1500
LIST_PAGES = {
    "events/index.html": "events",
    "matchpoint/index.html": "clusters",
    "livinglabs/index.html": "labs",
    "newsletter/index.html": "issues",
}


@pytest.fixture(scope="module")
def big_site(tmp_path_factory):
    project = generate(copy_project(tmp_path_factory.mktemp("big")), SCALE)
    result = mkdocs_build(project, {"SOURCE_DATE_EPOCH": BUILD_EPOCH})
    assert result.returncode == 0, result.stderr[-3000:]
    return project / "site"


class _NavLinks(HTMLParser):
    """Links in the site navigation: the tabs and the primary nav (not the page's table of contents)."""

    def __init__(self):
        super().__init__()
        self.stack: list[bool] = []  # for each open <nav>/<div>: inside the navigation?
        self.links = 0

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag in ("nav", "div", "ul", "li"):
            inside = bool(self.stack and self.stack[-1]) or "md-nav--primary" in classes or "md-tabs" in classes
            self.stack.append(inside)
        elif tag == "a" and self.stack and self.stack[-1]:
            self.links += 1

    def handle_endtag(self, tag):
        if tag in ("nav", "div", "ul", "li") and self.stack:
            self.stack.pop()


def nav_links(file) -> int:
    parser = _NavLinks()
    parser.feed(file.read_text(encoding="utf-8"))
    return parser.links


@pytest.mark.parametrize("page,kind", LIST_PAGES.items())
def test_list_pages_grow_by_a_bounded_size_per_entry(page, kind, big_site, built_site):
    grown = (big_site / page).stat().st_size - (built_site / page).stat().st_size
    per_entry = grown / getattr(SCALE, kind)
    assert per_entry < MAX_BYTES_PER_ENTRY, f"{page}: {per_entry:.0f} bytes per added entry"


@pytest.mark.parametrize(
    "page",
    [
        "events/synthetic-0001/index.html",
        f"matchpoint/{cluster_id(1)}/index.html",
        "livinglabs/synthetic-lab-001/index.html",
        "index.html",
        "events/index.html",
    ],
)
def test_nav_does_not_grow_with_content(page, big_site, built_site):
    real = nav_links(built_site / "index.html")
    assert 2 <= real < 40
    assert nav_links(big_site / page) <= real + 1, f"{page}: entries leaked into the navigation"


def test_every_generated_entry_has_its_page(big_site):
    assert len(list((big_site / "events").glob("synthetic-*/index.html"))) == SCALE.events
    assert len(list((big_site / "matchpoint").glob("synthetic-cluster-*/index.html"))) == SCALE.clusters
    assert len(list((big_site / "livinglabs").glob("synthetic-lab-*/index.html"))) == SCALE.labs
    assert len(list((big_site / "newsletter").glob("*-synthetic-*/index.html"))) == SCALE.issues
