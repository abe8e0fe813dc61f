"""`ncsite generate DIR`: the whole site as a folder that any engine reading mkdocs.yml builds, without hooks.

`DIR/mkdocs.yml` is the site's configuration without `hooks:` (and `watch:`, which only
serves the hooks' sources); `DIR/docs/` holds

- the partners' pages that no template of ours shows (accessibility, results, ...), as
  they wrote them, in Markdown;
- every page a template of ours shows, given by the hooks' page views (home, calendar, each
  event, Matchpoint and each profile, living labs, newsletter archive and issues, about,
  subscribe) or named by the page itself (contact), as Markdown whose body is the HTML of
  that template's content, rendered here from the same `Build` and views the hooks use; the
  partner's Markdown in it is rendered with the build's extensions and published as the
  hooks publish it (judged, sanitised: `Build.publish`), its links to `.md` files made
  absolute paths (`/site/events/x/`, where MkDocs writes `../x/`: an engine may read a
  relative link in a page's HTML as relative to the Markdown file, as Zensical does);
- every data output of the build (`.ics`, `feed.xml`, `events.json`, `clusters.json`/`.csv`,
  maps), byte for byte the hooked build's, and the site's assets;

and `DIR/overrides/`: `main.html`, a plain Jinja override (values only, no method calls:
MiniJinja renders it as Jinja does) placing what the hooks add to every page, which each
page's front matter holds ready (`nc_csp`, `nc_head`, `nc_scripts_before`,
`nc_scripts_after`); `partials/actions.html`, the edit button of the file a page is made
from (`nc_edit_url`); the footer, logo and header contact (`STATIC_PARTIALS`) and `404.html`,
already rendered.

How a template of ours renders without the engine: the `base.html` it extends (Material's
page frame) is replaced by `SKELETON`, which keeps only the blocks a page of ours writes
(`extrahead`, `content`, `scripts`), between markers. The theme's own parts of a page
(header, navigation, search) are the engine's theme's.
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import re
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit
from xml.etree.ElementTree import Element

import jinja2
import markdown
import yaml
from markupsafe import Markup, escape

from .build import Build
from .config import read_mkdocs_yml, settings_from
from .content.problems import report
from .filters import FILTERS
from .outputs.csp import Policy, inline_scripts

# The page frame our templates extend here instead of Material's: the blocks a page of ours writes,
# between markers ("\x00" is in no template's output). Material's own scripts go where `theme` is.
_MARK = "\x00nc:{}\x00"
SKELETON = (
    "{% block extrahead %}{% endblock %}" + _MARK.format("content")
    + "{% block content %}{% endblock %}" + _MARK.format("scripts")
    + "{% block scripts %}" + _MARK.format("theme") + "{% endblock %}"
)  # fmt: skip
# Material's partials that our content blocks include and the engine's theme shows itself:
# its content block puts the page's actions (the edit button) above the body.
_THEME_PARTS = {"partials/actions.html": ""}
# What only the hooks read: `watch` lists the hooks' sources for `mkdocs serve`.
_HOOKS_ONLY = ("hooks", "watch")
# Our partials that replace Material's and are the same on every page once their links are absolute
# paths: written into DIR/overrides as rendered HTML (the footer with the funding statement, the logo,
# the header's contact link instead of Material's repository box, which would fetch counts from
# api.github.com).
STATIC_PARTIALS = ("partials/copyright.html", "partials/logo.html", "partials/source.html")
# The override DIR gets, and the theme's inline scripts that come after the policy on a page.
OVERRIDES = {"main.html": "overrides/hookfree/main.html", "partials/actions.html": "overrides/hookfree/actions.html"}
THEME_SCRIPTS = "overrides/hookfree/theme-scripts.html"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, when PyYAML has it: the same values, faster
# MkDocs' pattern for front matter (mkdocs.utils.meta), so that both split a file alike.
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


# -- URLs: where MkDocs writes a link relative to the page, the same address as an absolute path.


def page_url(src_uri: str) -> str:
    """The URL of a page (use_directory_urls): events/x.md -> events/x/, events/index.md -> events/."""
    stem = posixpath.splitext(src_uri)[0]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def site_path(path: str, root: str) -> str:
    """MkDocs' `url` filter, made an absolute path under the site's `root` ("/site/"): a site path
    such as 'events/' becomes '/site/events/'; an address, an anchor or an absolute path stays."""
    path = path or "."
    parsed = urlsplit(path)
    if parsed.scheme or parsed.netloc or path.startswith(("/", "#")):
        return path
    norm = posixpath.normpath(path)
    while norm.startswith("../"):  # above the site's root: the root, as MkDocs' get_relative_url has it
        norm = norm[3:]
    if norm in (".", ".."):
        return root
    return root + norm + ("/" if path.endswith("/") else "")


class _SiteLinks(markdown.treeprocessors.Treeprocessor):
    """Links and images to files of the site, written as paths to the files (`../events/x.md`), made
    absolute paths under the site's `root` (`/site/events/x/`), where MkDocs' own tree processor makes
    them relative to the page (`../../events/x/`): the same address. Anything else, and a path to no
    file of the site, stays as written (the hooked build reports those)."""

    def __init__(self, md: markdown.Markdown, src_uri: str, urls: Mapping[str, str], root: str):
        super().__init__(md)
        self.src_uri, self.urls, self.root = src_uri, urls, root

    def run(self, root: Element) -> None:
        for element in root.iter():
            key = {"a": "href", "img": "src"}.get(element.tag)
            value = element.get(key) if key else None
            if key and value is not None:
                element.set(key, self.url(value))

    def url(self, url: str) -> str:
        scheme, netloc, path, query, anchor = urlsplit(url)
        if scheme or netloc or url.startswith(("/", "\\")) or markdown.util.AMP_SUBSTITUTE in url or not path:
            return url
        target = posixpath.normpath(posixpath.join(posixpath.dirname(self.src_uri), unquote(path)).lstrip("/"))
        if target not in self.urls:
            return url
        return urlunsplit(("", "", self.root + self.urls[target], query, anchor))


# -- mkdocs.yml's values, read without MkDocs, as MkDocs reads them.


def nav_titles(nav: Any) -> dict[str, str]:
    """The titles mkdocs.yml's `nav` gives pages (`- About: about.md`), which MkDocs makes their title."""
    found: dict[str, str] = {}
    for item in nav if isinstance(nav, list) else []:
        for title, value in item.items() if isinstance(item, dict) else ():
            found.update({value: str(title)} if isinstance(value, str) else nav_titles(value))
    return found


def hookfree_config(config: Mapping[str, Any]) -> dict[str, Any]:
    """DIR/mkdocs.yml: the site's configuration without the hooks, on DIR/docs and DIR/overrides."""
    out = {key: value for key, value in config.items() if key not in _HOOKS_ONLY}
    out.update(docs_dir="docs", site_dir="site", theme={**(config.get("theme") or {}), "custom_dir": "overrides"})
    return _dates_as_text(out)


def _dates_as_text(value: Any) -> Any:
    """Dates (extra.project: 2016-11-01) as their ISO text: Zensical 0.0.73 stops at a YAML date in
    mkdocs.yml ("failed to extract field Project.extra"). DIR's templates read none of them."""
    if isinstance(value, dict):
        return {key: _dates_as_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(item) for item in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def split_front_matter(text: str) -> tuple[str, dict[str, Any], str]:
    """Body, front matter and the front matter's YAML of a Markdown file, split as MkDocs splits them."""
    found = _FRONT_MATTER.match(text)
    if found:
        try:
            data = yaml.load(found.group(1), Loader=_Loader)
        except yaml.YAMLError:
            return text, {}, ""
        if isinstance(data, dict):
            return text[found.end() :].lstrip("\n"), data, found.group(1)
    return text, {}, ""


def _front_matter(yaml_text: str, values: Mapping[str, str]) -> str:
    """Front matter: YAML as written, then `values`, each a JSON string (JSON is YAML, quickly written)."""
    lines = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in values.items())
    return f"---\n{yaml_text}{lines}---\n"


# -- The pages.


@dataclass
class _Page:
    """What a template of ours reads of `page`, as MkDocs' Page gives it."""

    src_uri: str
    url: str
    meta: dict[str, Any]
    title: str
    content: str
    canonical_url: str
    is_homepage: bool = False


@dataclass(frozen=True)
class _Parts:
    """What a template of ours writes on a page: into <head>, the content, scripts before and after the theme's."""

    head: str
    content: str
    before: str
    after: str


class _Config(dict[str, Any]):
    """mkdocs.yml's values as templates read them (`config.site_url`), with MkDocs' defaults."""

    def __getattr__(self, name: str) -> Any:
        return self.get(name)


class Generator:
    """Writes the hook-free copy of the site made from one `Build`."""

    def __init__(self, build: Build, config: Mapping[str, Any], theme_scripts: Iterable[str] = ()):
        self.build = build
        self.settings = build.settings
        self.config = _Config({**config, "site_url": build.settings.site_url})
        self.config.setdefault("site_description", None)
        self.docs = build.settings.root / build.settings.docs_dir
        self.root = urlsplit(build.settings.site_url).path  # every link of the HTML written here starts with it
        self.sources = self._sources()
        self.urls = {src: page_url(src) if src.endswith(".md") else src for src in self.sources}
        self.titles = nav_titles(config.get("nav"))
        # One Markdown for every page, reset before each, with the build's extensions (as MkDocs has them).
        self.md = markdown.Markdown(extensions=list(build.settings.markdown_extensions or ()))
        self.links = _SiteLinks(self.md, "", self.urls, self.root)
        self.md.treeprocessors.register(self.links, "relpath", 0)
        # The policy trusts the theme's scripts and those our templates write around a page's content.
        self.theme_html = "".join(f"<script>{body}</script>" for body in theme_scripts)
        self.policy = Policy()
        self.policy.trust("theme", self.theme_html)
        self.env = self._environment()

    def _sources(self) -> dict[str, str | None]:
        """Every file of the site by its path under docs_dir: the partners' (None: read it from
        docs_dir) but those withheld from this build, then the generated pages (their Markdown)."""
        withheld = self.build.withheld()
        found: dict[str, str | None] = {}
        for path in sorted(self.docs.rglob("*")):
            src = path.relative_to(self.docs).as_posix()
            if path.is_file() and not any(part.startswith(".") for part in src.split("/")) and src not in withheld:
                found[src] = None
        for page in self.build.pages():
            found[page.src_uri] = page.markdown
        return found

    def _environment(self) -> jinja2.Environment:
        loader = jinja2.ChoiceLoader(
            [
                jinja2.DictLoader({"base.html": SKELETON, **_THEME_PARTS}),
                jinja2.FileSystemLoader(str(self.settings.root / "overrides")),
            ]
        )
        env = jinja2.Environment(loader=loader, autoescape=False)  # as MkDocs' theme environment
        env.filters.update(FILTERS)
        env.filters["url"] = lambda value: site_path(str(value), self.root)
        env.globals["ncsite"] = self.build
        env.globals["ncsite_once"] = None  # no reuse between pages (overrides/ncsite/once.html)
        return env

    def render_markdown(self, src_uri: str, body: str) -> tuple[str, str | None]:
        """A page's Markdown rendered as MkDocs renders it, but for its links (absolute paths), and the
        text of a leading <h1> (MkDocs' title of a page without one)."""
        self.links.src_uri = src_uri
        html = self.md.reset().convert(body)
        tokens = getattr(self.md, "toc_tokens", [])
        return html, (tokens[0]["name"] if tokens and tokens[0]["level"] == 1 else None)

    def page(self, src_uri: str) -> tuple[str, _Page]:
        """A page's Markdown file, and the page its templates see (title and description escaped, as the hooks do)."""
        source = self.sources[src_uri]
        text = (self.docs / src_uri).read_text(encoding="utf-8-sig") if source is None else source
        body, meta, _ = split_front_matter(text)
        for key in ("title", "description"):
            if isinstance(meta.get(key), str):
                meta[key] = Markup(escape(meta[key]))
        view = self.build.view(src_uri)
        if view is not None and view.description and not meta.get("description"):
            meta["description"] = Markup(escape(view.description))
        # Links as absolute paths: an engine may read a relative link in a page's HTML as relative to
        # the Markdown file (Zensical does), not to the page's address as MkDocs does. The features
        # get the same HTML (the feed makes every link an absolute URL, from either form alike).
        content, heading = self.render_markdown(src_uri, body)
        content = self.build.publish(src_uri, content)  # judged and sanitised, as the hooks publish it
        url = self.urls[src_uri]
        title = self.titles.get(src_uri) or meta.get("title") or heading or _title_from_path(src_uri)
        return text, _Page(src_uri, url, meta, title, content, self.settings.site_url + url, src_uri == "index.md")

    def render(self, template: str, page: _Page | None, context: Mapping[str, Any]) -> _Parts:
        """What `template` writes on `page` (None: the site's 404 page); every link an absolute path."""
        values = {"page": page, "config": self.config, "base_url": self.root, "nav": _NAV, **context}
        html = self.env.get_template(template).render(values)
        head, rest = html.split(_MARK.format("content"), 1)
        content, scripts = rest.split(_MARK.format("scripts"), 1)
        before, after = scripts.split(_MARK.format("theme"), 1)
        return _Parts(head.strip(), content.strip(), before.strip(), after.strip())

    def policy_of(self, key: str, parts: _Parts) -> str:
        """The page's Content-Security-Policy: it allows the inline scripts our templates write around
        the content (none in it, whatever it holds) and the theme's, which come after the policy."""
        around = parts.head + parts.before + parts.after
        self.policy.trust(key, around)
        return self.policy.for_page(parts.head + self.theme_html + parts.before + parts.after)

    def markdown_file(self, src_uri: str) -> str:
        """The page as DIR/docs holds it: front matter with the page's chrome, then its body."""
        text, page = self.page(src_uri)
        view = self.build.view(src_uri)
        # A template of ours: a view's, or one a page names itself (contact.md: `template: contact.html`).
        template = view.template if view else page.meta.get("template")
        context = view.page_context() if view else {}
        parts = self.render(template or "main.html", page, context)
        chrome = {
            "nc_csp": self.policy_of(src_uri, parts),
            "nc_head": parts.head,
            "nc_scripts_before": parts.before,
            "nc_scripts_after": parts.after,
        }
        # The hooks' edit link: the file the page is made from, else the page's own under docs_dir.
        edit = self.settings.edit_url(self.build.edit_path(src_uri) or f"{self.settings.docs_dir}/{src_uri}")
        if edit:
            chrome["nc_edit_url"] = edit
        if template is None:  # a partner's page of Markdown: the engine renders it as written
            body, _, yaml_text = split_front_matter(text)
            return _front_matter(yaml_text, chrome) + "\n" + body
        front = {"title": str(page.meta.get("title") or page.title)}
        if page.meta.get("description"):
            front["description"] = str(page.meta["description"])
        return _front_matter("", {**front, **chrome}) + "\n" + parts.content + "\n"

    def not_found(self) -> str:
        """DIR/overrides/404.html: the site's page-not-found, rendered, in a template of plain values."""
        parts = self.render("404.html", None, {})
        policy = self.policy_of("404.html", parts)

        meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        return (
            "{#- The site's page-not-found, written by `ncsite generate` from overrides/404.html. -#}\n"
            '{% extends "main.html" %}\n'
            f"{{% block extrahead %}}{_raw(meta + parts.head)}{{% endblock %}}\n"
            f"{{% block content %}}{_raw(parts.content)}{{% endblock %}}\n"
            f"{{% block scripts %}}{_raw(parts.before)}{{{{ super() }}}}{_raw(parts.after)}{{% endblock %}}\n"
        )

    def write(self, dest: Path) -> int:
        """Write DIR/docs and DIR/overrides; the number of pages written."""
        docs = dest / "docs"
        pages = 0
        for src_uri in self.sources:
            target = docs / src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            if src_uri.endswith(".md"):
                target.write_text(self.markdown_file(src_uri), encoding="utf-8")
                pages += 1
            else:
                shutil.copyfile(self.docs / src_uri, target)
        for output in self.build.outputs():
            target = docs / output.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(output.data)
        # Our stylesheet, scripts and images, as files of the docs: every engine publishes those.
        shutil.copytree(self.settings.root / "overrides" / "assets", docs / "assets", dirs_exist_ok=True)
        (dest / "overrides").mkdir(exist_ok=True)
        (dest / "overrides" / "partials").mkdir(exist_ok=True)
        for name, source in OVERRIDES.items():
            shutil.copyfile(self.settings.root / source, dest / "overrides" / name)
        (dest / "overrides" / "404.html").write_text(self.not_found(), encoding="utf-8")
        for name in STATIC_PARTIALS:
            html = self.env.get_template(name).render(page=None, config=self.config, base_url=self.root)
            (dest / "overrides" / name).parent.mkdir(parents=True, exist_ok=True)
            (dest / "overrides" / name).write_text(
                f"{{#- Written by `ncsite generate` from overrides/{name}. -#}}\n{_raw(html.strip())}\n",
                encoding="utf-8",
            )
        return pages


class _Nav:
    """What our templates read of MkDocs' navigation: the home page's URL (404.html)."""

    homepage = type("Home", (), {"url": ""})()
    pages: tuple[Any, ...] = ()


_NAV = _Nav()


def _raw(html: str) -> str:
    """HTML inside a template, never read as template code."""
    return "{% raw %}" + html + "{% endraw %}" if html else ""


def _title_from_path(src_uri: str) -> str:
    """MkDocs' title of a page without one: its file name, in words."""
    name = posixpath.splitext(posixpath.basename(src_uri))[0]
    if name == "index":
        name = posixpath.basename(posixpath.dirname(src_uri)) or "Home"
    words = name.replace("-", " ").replace("_", " ")
    return words.capitalize() if words.lower() == words else words


_HEADER = "# Written by `ncsite generate` from the project's mkdocs.yml: the site without hooks.\n"


def _refused(root: Path, dest: Path) -> str | None:
    """Why DIR may not be written (its docs/ and overrides/ are replaced): the project, or a folder of another site."""
    dest, root = dest.resolve(), root.resolve()
    if root.is_relative_to(dest) or dest.is_relative_to(root / "content") or dest.is_relative_to(root / "overrides"):
        return (
            f"ncsite generate: {dest} holds the project or its sources; write into a new folder, e.g. build-hookfree/"
        )
    config = dest / "mkdocs.yml"
    if config.exists() and not config.read_text(encoding="utf-8").startswith(_HEADER):
        return f"ncsite generate: {config} was not written by ncsite generate; write into a new folder"
    return None


def generate(root: Path, dest: Path, now: dt.datetime) -> tuple[int, str | None]:
    """Write DIR (`dest`) from the project at `root`: (pages written, None), or (0, every problem found)."""
    config = read_mkdocs_yml(root)
    try:
        settings = settings_from(root, config, now)
    except ValueError as err:
        return 0, str(err)
    build = Build(settings)
    if not build.ok:
        return 0, report(build.problems)
    refused = _refused(root, dest)
    if refused:
        return 0, refused
    theme_scripts = inline_scripts((root / THEME_SCRIPTS).read_text(encoding="utf-8"))
    dest.mkdir(parents=True, exist_ok=True)
    for old in ("docs", "overrides"):
        shutil.rmtree(dest / old, ignore_errors=True)
    pages = Generator(build, config, theme_scripts).write(dest)
    if not build.ok:  # what a partner's page may not hold, found as its HTML was judged: nothing is kept
        for written in ("docs", "overrides"):
            shutil.rmtree(dest / written, ignore_errors=True)
        return 0, report(build.problems)
    (dest / "mkdocs.yml").write_text(
        _HEADER + yaml.safe_dump(hookfree_config(config), allow_unicode=True, sort_keys=False, width=1_000_000),
        encoding="utf-8",
    )
    return pages, None
