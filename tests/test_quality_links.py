"""Zero broken internal links or anchors in the built site; external links listed, never fetched.

Every HTML file is parsed; every href, src and srcset that is not external is
resolved against the page's URL and must name a file of the site, and a
#fragment must name an element id (or <a name>) in the target page. Absolute
URLs under `site_url` (canonical links, feeds, calendars) are internal too.
External links are written to `external-links.txt` next to the built site and
must be well-formed.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from conftest import ROOT

from ncsite.config import read_mkdocs_yml

URL_ATTRS = {"href", "src", "poster", "data", "action", "cite"}
EXTERNAL_SCHEMES = {"http", "https", "mailto", "tel", "webcal"}
INLINE_SCHEMES = {"data", "blob"}
BASE = "https://site.invalid/"  # the site root while resolving; replaced by site_url's path below


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.urls: list[tuple[str, str]] = []  # (tag, url)

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            elif name in URL_ATTRS:
                self.urls.append((tag, value.strip()))
            elif name == "srcset":
                self.urls += [(tag, part.split()[0]) for part in value.split(",") if part.strip()]


def _parse(file: Path) -> _Page:
    page = _Page()
    page.feed(file.read_text(encoding="utf-8"))
    page.close()
    return page


def _site_prefix() -> str:
    return read_mkdocs_yml(ROOT)["site_url"]


def check_links(site: Path, site_url: str):
    """Broken links (page, url, why) and external links (page, url) of a built site."""
    pages = {f.relative_to(site).as_posix(): f for f in sorted(site.rglob("*.html"))}
    parsed = {rel: _parse(f) for rel, f in pages.items()}
    root_path = urlsplit(site_url).path or "/"
    broken, external = [], []
    for rel, page in parsed.items():
        page_url = urljoin(BASE, rel)
        for _tag, url in page.urls:
            parts = urlsplit(url)
            if url.startswith(site_url):
                resolved = urljoin(BASE, url[len(site_url) :])
            elif parts.scheme in INLINE_SCHEMES:
                continue
            elif parts.scheme or parts.netloc:
                external.append((rel, url))
                if parts.scheme not in EXTERNAL_SCHEMES or (parts.scheme.startswith("http") and not parts.netloc):
                    broken.append((rel, url, "not a web, mail or phone link"))
                continue
            elif url.startswith("/"):
                if not url.startswith(root_path):
                    broken.append((rel, url, f"absolute path outside the site's root {root_path}"))
                    continue
                resolved = urljoin(BASE, url[len(root_path) :])
            else:
                resolved = urljoin(page_url, url)
            target = urlsplit(resolved)
            target_rel = unquote(target.path).lstrip("/")
            candidates = [target_rel, posixpath.join(target_rel, "index.html")] if target_rel else ["index.html"]
            found = next((c for c in candidates if (site / c).is_file()), None)
            if found is None:
                broken.append((rel, url, "no such file in the site"))
                continue
            fragment = unquote(target.fragment)
            if fragment and found.endswith(".html") and fragment not in parsed[found].ids:
                broken.append((rel, url, f'no element with id "{fragment}" in {found}'))
    return broken, external


def test_no_broken_internal_links_or_anchors(built_site):
    broken, external = check_links(built_site, _site_prefix())
    by_url = defaultdict(list)
    for rel, url in external:
        by_url[url].append(rel)
    listing = "\n".join(f"{url}\t{len(pages)} page(s), e.g. {pages[0]}" for url, pages in sorted(by_url.items()))
    (built_site.parent / "external-links.txt").write_text(listing + "\n", encoding="utf-8")
    print(f"\n{len(by_url)} external links (not fetched), listed in {built_site.parent / 'external-links.txt'}")
    assert broken == [], "broken links:\n" + "\n".join(f"{p}: {u} ({why})" for p, u, why in broken)


def test_the_link_checker_finds_what_is_broken(tmp_path):
    """The checker itself: a missing page, a missing anchor and an escaping path are reported."""
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a><a href="a/#here">ok</a><a href="#top" id="top">ok</a>'
        '<a href="missing/">x</a><a href="a/#nowhere">x</a><a href="../../etc/passwd">x</a>'
        '<img src="data:image/png;base64,AA" alt=""><a href="https://example.org/">ext</a>'
        '<a href="https://nc.invalid/site/a/">ok</a><a href="https://nc.invalid/site/b/">x</a>'
        '<a href="javascript:alert(1)">x</a>'
    )
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">Here</h2>')
    broken, external = check_links(tmp_path, "https://nc.invalid/site/")
    assert sorted(url for _, url, _ in broken) == sorted(
        ["missing/", "a/#nowhere", "../../etc/passwd", "https://nc.invalid/site/b/", "javascript:alert(1)"]
    )
    assert ("index.html", "https://example.org/") in external


def test_sitemap_lists_only_pages_that_exist(built_site):
    import re

    site_url = _site_prefix()
    locs = re.findall(r"<loc>([^<]+)</loc>", (built_site / "sitemap.xml").read_text(encoding="utf-8"))
    assert locs
    missing = [
        loc
        for loc in locs
        if not loc.startswith(site_url)
        or not (built_site / unquote(loc[len(site_url) :]) / "index.html").is_file()
        and not (built_site / unquote(loc[len(site_url) :])).is_file()
    ]
    assert missing == []
