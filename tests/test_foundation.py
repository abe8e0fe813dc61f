"""The real site: it builds, every content file becomes a page, faults are all reported."""

from __future__ import annotations

import ast
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from conftest import ROOT, copy_project, mkdocs_build, run


class _Resources(HTMLParser):
    """URLs a browser would fetch on its own: scripts, styles, images, frames, fonts."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "img", "iframe", "source", "audio", "video", "embed") and attrs.get("src"):
            self.urls.append(attrs["src"])
        if tag == "link" and attrs.get("rel") not in ("alternate", "canonical") and attrs.get("href"):
            self.urls.append(attrs["href"])


def test_core_package_imports_nothing_from_mkdocs():
    for path in (ROOT / "ncsite").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            assert not any(n == "mkdocs" or n.startswith(("mkdocs.", "material")) for n in names), path


def test_every_content_file_becomes_a_page(built_site):
    for md in (ROOT / "content").rglob("*.md"):
        rel = md.relative_to(ROOT / "content").with_suffix("")
        page = built_site / (
            "index.html"
            if rel.name == "index" and rel.parent == Path(".")
            else rel.parent / "index.html"
            if rel.name == "index"
            else rel / "index.html"
        )
        assert page.is_file(), f"{md} was not published"
    for section in ("events", "matchpoint", "livinglabs", "newsletter"):
        assert (built_site / section / "index.html").is_file()
    clusters = re.findall(r"^  - id: (\S+)", (ROOT / "data" / "clusters.yaml").read_text(), re.M)
    assert clusters
    for cid in clusters:
        assert (built_site / "matchpoint" / cid / "index.html").is_file()


def test_home_states_eu_funding_first(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article") :]
    assert "Co-funded by the European Union" in article[:3000]
    assert "European Regional Development Fund" in article[:3000]
    assert "Interreg North Sea Region" in article[:3000]


def test_no_page_requests_another_host(built_site):
    for page in built_site.rglob("*.html"):
        parser = _Resources()
        parser.feed(page.read_text(encoding="utf-8"))
        for url in parser.urls:
            parts = urlsplit(url)
            assert not parts.netloc, f"{page.relative_to(built_site)} loads {url}"
    for css in built_site.rglob("*.css"):
        assert "fonts.googleapis" not in css.read_text(encoding="utf-8"), css


def test_nav_holds_only_the_sections(built_site):
    html = (built_site / "events" / "index.html").read_text(encoding="utf-8")
    tabs = re.findall(r'class="md-tabs__link[^"]*"[^>]*>\s*([^<]+?)\s*<', html)
    assert tabs == ["Home", "About", "Events", "Living labs", "Matchpoint", "Newsletter", "Results"]


def _inject_faults(project: Path) -> list[str]:
    """Break several files in several ways; returns (file, field) texts the report must name."""
    events = sorted((project / "content" / "events").glob("*.md"))
    first, second = events[0], events[1]
    text = first.read_text(encoding="utf-8")
    first.write_text(re.sub(r"^start: .*$", 'start: "14/12/2016"', text, count=1, flags=re.M), encoding="utf-8")
    text = second.read_text(encoding="utf-8")
    second.write_text(text.replace("---\n", "---\nclusters: [no-such-cluster]\n", 1), encoding="utf-8")
    clusters = project / "data" / "clusters.yaml"
    clusters.write_text(
        re.sub(r'country: "?DK"?', "country: Danmark", clusters.read_text(encoding="utf-8"), count=1), encoding="utf-8"
    )
    lab = sorted((project / "content" / "livinglabs").glob("*.md"))[0]
    lab.write_text(lab.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    return [
        f"{first.relative_to(project)}:",
        "field 'start'",
        f"{second.relative_to(project)}:",
        'there is no cluster "no-such-cluster"',
        "data/clusters.yaml:",
        "is not a country code",
        f"{lab.relative_to(project)}:",
        "field 'titel'",
        'did you mean "title"?',
    ]


def test_all_faults_reported_in_one_run(tmp_path):
    project = copy_project(tmp_path)
    expected = _inject_faults(project)
    check = run([sys.executable, "-m", "ncsite", "check", "."], project)
    build = mkdocs_build(project)
    for result in (check, build):
        assert result.returncode != 0
        output = result.stdout + result.stderr
        assert "Traceback" not in output
        for text in expected:
            assert text in output, f"{text!r} missing from:\n{output}"
    assert not (project / "site" / "index.html").exists()


def test_build_writes_nothing_into_content(tmp_path):
    project = copy_project(tmp_path)
    before = sorted(p.relative_to(project) for p in (project / "content").rglob("*"))
    assert mkdocs_build(project).returncode == 0
    assert sorted(p.relative_to(project) for p in (project / "content").rglob("*")) == before
