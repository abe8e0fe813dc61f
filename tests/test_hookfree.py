"""The hook-free build: `ncsite generate DIR`, then stock engines build DIR without any hook of ours.

- stock mkdocs-material (MkDocs, `mkdocs build -f DIR/mkdocs.yml`): every page of the hooked
  build is there, with the same main-content text and the same link targets, every data
  output byte-identical, and each page's <head> holds the hooked page's sharing tags and feeds;
- Zensical (`zensical build -f DIR/mkdocs.yml`, its own venv `.venv-zensical`, made by
  `make test`): the same, for pages and data;
- both: each page's Content-Security-Policy allows every inline script that follows it (and
  Chromium runs the pages without a policy violation or another console error);
- DIR's override is plain Jinja: no method calls, which MiniJinja (Zensical) cannot make.
"""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urljoin

import jinja2
import lxml.html
import pytest
import yaml
from conftest import BUILD_EPOCH, ROOT, copy_project, run, serve_folder
from jinja2 import nodes

from ncsite.outputs.csp import inline_scripts, script_hash

ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"
SITE = "https://northern-connections.github.io/site/"
# What an engine writes itself, not a data output of ours: the search index, the sitemap, the theme's files.
ENGINE_FILES = ("search/", "search.json", "sitemap.xml", "assets/javascripts/", "assets/stylesheets/", "assets/images/")


@pytest.fixture(scope="module")
def hookfree(tmp_path_factory) -> Path:
    """DIR, written by `ncsite generate` from a copy of the project at the tests' fixed "now"."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    dest = tmp_path_factory.mktemp("hookfree") / "DIR"
    result = run(
        [sys.executable, "-m", "ncsite", "generate", str(dest), "--root", str(project)],
        project,
        {"SOURCE_DATE_EPOCH": BUILD_EPOCH},
    )
    assert result.returncode == 0, result.stderr
    return dest


@pytest.fixture(scope="module")
def mkdocs_site(hookfree) -> Path:
    result = run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.yml", "--site-dir", "site-mkdocs"],
        hookfree,
    )
    assert result.returncode == 0, result.stderr
    return hookfree / "site-mkdocs"


@pytest.fixture(scope="module")
def zensical_site(hookfree) -> Path:
    assert ZENSICAL.exists(), "no .venv-zensical: `make test` makes it (requirements-zensical.txt)"
    result = run([str(ZENSICAL), "build", "-f", "mkdocs.yml"], hookfree)
    assert result.returncode == 0, result.stderr + result.stdout
    return hookfree / "site"


def files(site: Path) -> set[str]:
    return {f.relative_to(site).as_posix() for f in site.rglob("*") if f.is_file()}


def pages(site: Path) -> set[str]:
    return {path for path in files(site) if path.endswith(".html")}


def data_outputs(site: Path) -> set[str]:
    return {path for path in files(site) if not path.endswith(".html") and not path.startswith(ENGINE_FILES)}


def article(site: Path, page: str) -> lxml.html.HtmlElement:
    found = lxml.html.fromstring((site / page).read_bytes()).xpath('//article[contains(@class, "md-content__inner")]')
    assert found, f"{page}: no main content"
    return found[0]


def text(element: lxml.html.HtmlElement) -> str:
    """The words of an element's text, in order: a space between elements counts as any whitespace."""
    return " ".join(" ".join(element.itertext()).split())


def link_targets(site: Path, page: str) -> list[str]:
    """Where the main content's links and images lead, as absolute URLs (not the theme's edit button)."""
    base = urljoin(SITE, page.removesuffix("index.html"))
    return [
        urljoin(base, element.get("href") or element.get("src"))
        for element in article(site, page).iter("a", "img")
        if (element.get("href") or element.get("src")) and "md-content__button" not in (element.get("class") or "")
    ]


def head_chrome(site: Path, page: str) -> list[tuple[str, str]]:
    """The sharing tags and the feeds announced in a page's <head>."""
    head = lxml.html.fromstring((site / page).read_bytes()).find("head")
    found = [(m.get("property") or m.get("name"), m.get("content")) for m in head.iter("meta")]
    found += [
        (f"alternate {link.get('type')}", link.get("href"))
        for link in head.iter("link")
        if link.get("rel") == "alternate"
    ]
    return [(key, value) for key, value in found if key and key.startswith(("og:", "twitter:", "alternate"))]


def assert_same_pages(built_site: Path, other: Path) -> None:
    missing = sorted(pages(built_site) - pages(other))
    assert missing == [], f"pages of the hooked build missing: {missing}"
    differ = [
        page for page in sorted(pages(built_site)) if text(article(built_site, page)) != text(article(other, page))
    ]
    assert differ == [], f"main content differs from the hooked build's on {len(differ)} pages: {differ[:10]}"
    differ = [page for page in sorted(pages(built_site)) if link_targets(built_site, page) != link_targets(other, page)]
    assert differ == [], f"links lead elsewhere than the hooked build's on {len(differ)} pages: {differ[:10]}"
    differ = [page for page in sorted(pages(built_site)) if edit_link(built_site, page) != edit_link(other, page)]
    assert differ == [], (
        f"the edit button opens another file than the hooked build's on {len(differ)} pages: {differ[:10]}"
    )
    assert edit_link(other, "matchpoint/alucluster/index.html").endswith("/data/clusters.yaml")
    differ = [page for page in sorted(pages(built_site)) if footer(built_site, page) != footer(other, page)]
    assert differ == [], f"the footer (funding statement, links) differs on {len(differ)} pages: {differ[:10]}"
    assert "Co-funded by the European Union" in footer(other, "index.html")


def edit_link(site: Path, page: str) -> str | None:
    found = article(site, page).xpath('.//a[@rel="edit"]')
    return found[0].get("href") if found else None


def footer(site: Path, page: str) -> str:
    found = lxml.html.fromstring((site / page).read_bytes()).xpath('//div[contains(@class, "md-copyright")]')
    return text(found[0]) if found else ""


def assert_same_data(built_site: Path, other: Path) -> None:
    expected = data_outputs(built_site)
    assert len([path for path in expected if path.endswith(".ics")]) > 10  # the data outputs are counted
    assert {"feed.xml", "events/events.json", "matchpoint/clusters.json", "matchpoint/clusters.csv"} <= expected
    missing = sorted(expected - files(other))
    assert missing == [], f"data outputs missing: {missing}"
    differ = sorted(path for path in expected if (built_site / path).read_bytes() != (other / path).read_bytes())
    assert differ == [], f"data outputs not byte-identical to the hooked build's: {differ}"


def assert_policies_allow_the_scripts(site: Path) -> None:
    """Every page has a policy, and it allows each inline script that comes after it (the ones before
    it, Material's first script in <head>, are not subject to it)."""
    for page in sorted(pages(site)):
        html = (site / page).read_text(encoding="utf-8")
        tree = lxml.html.fromstring(html.encode("utf-8"))
        policies = [m.get("content") for m in tree.iter("meta") if m.get("http-equiv") == "Content-Security-Policy"]
        assert len(policies) == 1, f"{page}: {len(policies)} policies"
        assert "default-src 'self'" in policies[0] and "object-src 'none'" in policies[0]
        after = html[html.index('http-equiv="Content-Security-Policy"') :]
        for body in inline_scripts(after):
            assert script_hash(body) in policies[0], (
                f"{page}: the policy does not allow this inline script of the theme; if the theme changed, "
                f"add it to overrides/hookfree/theme-scripts.html: {body[:300]}"
            )


def test_generated_config_has_no_hooks(hookfree):
    config = yaml.safe_load((hookfree / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in config and "watch" not in config
    assert config["docs_dir"] == "docs" and config["theme"]["custom_dir"] == "overrides"
    assert config["site_url"] == SITE
    assert not list(hookfree.rglob("*.py")), "DIR holds no Python"


ENGINES = ["mkdocs", "zensical"]  # the fixtures mkdocs_site and zensical_site


@pytest.mark.parametrize("engine", ENGINES)
def test_every_page_with_the_same_text(built_site, request, engine):
    assert_same_pages(built_site, request.getfixturevalue(f"{engine}_site"))


@pytest.mark.parametrize("engine", ENGINES)
def test_every_data_output_byte_identical(built_site, request, engine):
    assert_same_data(built_site, request.getfixturevalue(f"{engine}_site"))


@pytest.mark.parametrize("engine", ENGINES)
def test_pages_carry_the_head_of_the_hooked_pages(built_site, request, engine):
    site = request.getfixturevalue(f"{engine}_site")
    differ = [page for page in sorted(pages(built_site)) if head_chrome(built_site, page) != head_chrome(site, page)]
    assert differ == [], f"sharing tags or feeds differ from the hooked build's: {differ[:10]}"
    assert ("og:title", "Northern Connections") in head_chrome(site, "index.html")


@pytest.mark.parametrize("engine", ENGINES)
def test_policies_allow_the_scripts(request, engine):
    assert_policies_allow_the_scripts(request.getfixturevalue(f"{engine}_site"))


@pytest.mark.parametrize("override", ["main.html", "actions.html"])
def test_override_makes_no_method_calls(override):
    """MiniJinja cannot call a Python method: DIR's overrides only print values (and call `super()`)."""
    source = (ROOT / "overrides" / "hookfree" / override).read_text(encoding="utf-8")
    calls = list(jinja2.Environment().parse(source).find_all(nodes.Call))
    assert all(isinstance(call.node, nodes.Name) and call.node.name == "super" for call in calls)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("width", [390, 1280])
def test_pages_run_in_chromium_without_errors(browser, request, engine, width):
    """Home, an event, a profile and the calendar, served under /site/ as on GitHub Pages: nothing
    refused by the policy, no script error, the page's own parts (events.js, the maps) at work."""
    site = request.getfixturevalue(f"{engine}_site")
    root = site.parent / f"served-{engine}"
    root.mkdir(exist_ok=True)
    if not (root / "site").exists():
        (root / "site").symlink_to(site)
    url, server = serve_folder(root)
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda err: errors.append(str(err)))
        event = sorted(p for p in pages(site) if p.startswith("events/2") and p.count("/") == 2)[0]
        profile = sorted(p for p in pages(site) if p.startswith("matchpoint/") and p.count("/") == 2)[0]
        for path in ("", event.removesuffix("index.html"), profile.removesuffix("index.html"), "events/"):
            page.goto(f"{url}site/{path}")
            assert page.locator("article h1").first.inner_text().strip()
            assert page.locator("header.md-header").is_visible()
        assert errors == []
    finally:
        context.close()
        server.shutdown()


def test_generate_reports_bad_content_and_writes_nothing(tmp_path):
    """A content mistake stops `ncsite generate` as it stops the build: file, field and fix; no DIR."""
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    event = project / "content" / "events" / "2012-09-intra-net-workshop-3.md"
    event.write_text(event.read_text(encoding="utf-8").replace('start: "2012-09-14"', 'start: "14.09.2012"'))
    dest = tmp_path / "DIR"
    result = run([sys.executable, "-m", "ncsite", "generate", str(dest), "--root", str(project)], project)
    assert result.returncode == 1
    assert "2012-09-intra-net-workshop-3.md" in result.stderr and "start" in result.stderr
    assert "Traceback" not in result.stderr
    assert not dest.exists()


def test_generate_refuses_to_replace_the_project(tmp_path):
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    result = run([sys.executable, "-m", "ncsite", "generate", str(project), "--root", str(project)], project)
    assert result.returncode == 1 and "new folder" in result.stderr
    assert (project / "overrides" / "main.html").exists() and (project / "content" / "index.md").exists()


def test_generate_refuses_what_a_page_may_not_hold(tmp_path):
    """A script in a partner's page stops `ncsite generate` as it stops the build (the page's HTML is
    judged as it is published), and nothing is left in DIR."""
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    event = project / "content" / "events" / "2012-09-intra-net-workshop-3.md"
    event.write_text(event.read_text(encoding="utf-8") + '\n<script>alert("x")</script>\n', encoding="utf-8")
    dest = tmp_path / "DIR"
    result = run([sys.executable, "-m", "ncsite", "generate", str(dest), "--root", str(project)], project)
    assert result.returncode == 1, result.stdout
    assert "2012-09-intra-net-workshop-3.md" in result.stderr and "script" in result.stderr
    assert not (dest / "docs").exists() and not (dest / "mkdocs.yml").exists()
