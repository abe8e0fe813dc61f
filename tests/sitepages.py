"""The site's pages grouped by page type, for the quality gates.

A page's type is the template the build gives it (`ncsite.Build.view`), or
"page" for a partner-written page with no view (about, contact, ...). The
gates open one page of every type, so a feature that adds a template (a
subscribe page, say) is covered as soon as it is merged, without editing
the tests. Types come from the engine-free core, so tests can be
parametrised with them before anything is built.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path, PurePosixPath

from ncsite import Settings
from ncsite.build import Build
from ncsite.config import read_mkdocs_yml, site_timezone

PLAIN = "page"


def url_of(src_uri: str) -> str:
    """The site path of a Markdown source with directory URLs: events/x.md -> events/x/."""
    path = PurePosixPath(src_uri).with_suffix("")
    if path.name == "index":
        path = path.parent
    text = path.as_posix()
    return "" if text == "." else text + "/"


def file_of(site: Path, path: str) -> Path:
    """The HTML file serving a site path."""
    return site / path if path.endswith(".html") else site / path / "index.html"


def page_types(project: Path, epoch: str) -> dict[str, list[str]]:
    """Site paths by page type (template name), for the project as built at `epoch`."""
    config = read_mkdocs_yml(project)
    docs = config.get("docs_dir", "docs")
    settings = Settings(
        root=project,
        site_url=config.get("site_url", "http://127.0.0.1:8000/"),
        now=dt.datetime.fromtimestamp(int(epoch), dt.UTC),
        docs_dir=docs,
        timezone=site_timezone(config.get("extra")),
    )
    build = Build(settings)
    assert build.ok, build.problems
    sources = {page.src_uri for page in build.pages()}
    sources |= {p.relative_to(project / docs).as_posix() for p in (project / docs).rglob("*.md")}
    sources -= build.withheld()
    types: dict[str, list[str]] = {}
    for src in sources:
        view = build.view(src)
        types.setdefault(view.template if view else PLAIN, []).append(url_of(src))
    return {name: sorted(paths) for name, paths in sorted(types.items())}


def cases(types: dict[str, list[str]]) -> list[str]:
    """Test case ids: one per template, and one per plain page (each has its own Markdown)."""
    out = [name.removesuffix(".html") for name in types if name != PLAIN]
    out += [f"page:{path or 'home'}" for path in types.get(PLAIN, [])]
    return out


def case_path(case: str, types: dict[str, list[str]], site: Path) -> str:
    """The page a case opens: the plain page itself, or the biggest page of the type."""
    if case.startswith("page:"):
        path = case.removeprefix("page:")
        return "" if path == "home" else path
    paths = types[case + ".html"]
    return max(paths, key=lambda p: (file_of(site, p).stat().st_size, p))
