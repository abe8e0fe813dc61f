"""MkDocs hooks: a thin adapter between MkDocs and the engine-free `ncsite` package.

Every build gets a fresh `ncsite.Build` in `on_config` (stored on the config,
never in this module), so `mkdocs serve` rebuilds see edited content.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import jinja2
import material
from jinja2 import ChoiceLoader, Environment, FileSystemBytecodeCache, FileSystemLoader, PrefixLoader
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from ncsite import Problem, Settings, filters, report
from ncsite.build import Build
from ncsite.config import edit_base, newsletter_feed_items, site_timezone
from ncsite.content.dates import build_now
from ncsite.content.published import markdown_extensions

if TYPE_CHECKING:  # only a type here: importing it loads http.server, ssl and watchdog (~3 MiB) on every build
    from mkdocs.livereload import LiveReloadServer

log = get_plugin_logger("ncsite")
KEY = "ncsite_build"
ENV = "ncsite_env"  # the theme's Jinja environment of this build (on_env)
FULL_RENDER = "NCSITE_FULL_RENDER"  # "1": every page renders Material's header, tabs, search in full
# The command this process runs ("build" or "serve"): a fact of the process, not of one build.
_PROCESS: dict[str, str] = {}
MATERIAL_TEMPLATES = str(Path(material.__file__).resolve().parent / "templates")


def _build(config: MkDocsConfig) -> Build:
    return config[KEY]


def on_startup(command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    _PROCESS["command"] = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _thaw()
    root = Path(config.config_file_path).resolve().parent
    try:
        feed_items = newsletter_feed_items(config.extra)
        timezone = site_timezone(config.extra)
    except ValueError as err:
        raise PluginError(str(err)) from None
    settings = Settings(
        root=root,
        site_url=config.site_url or "http://127.0.0.1:8000/",
        now=build_now(),
        docs_dir=Path(config.docs_dir).resolve().relative_to(root).as_posix(),
        timezone=timezone,
        site_name=config.site_name,
        language=config.theme.get("language", "en"),
        newsletter_feed_items=feed_items,
        edit_base=edit_base(config.repo_url, config.edit_uri, config.docs_dir),
        preview=_PROCESS.get("command") == "serve",
        markdown_extensions=tuple(markdown_extensions(config.markdown_extensions, config.mdx_configs)),
    )
    _freeze()  # what MkDocs, the theme and our modules loaded: not walked again while content loads
    build = Build(settings)
    if not build.ok:
        raise PluginError(report(build.problems))
    config[KEY] = build
    _HeldPageWarnings.install()
    # Made once per build, instead of once per page: MkDocs gives each page a new `Markdown`
    # with the extensions' names, each then imported and its settings checked again (~0.2 ms
    # a page for our eight). The same ones judge partner pages in `ncsite check`. Their settings
    # are MkDocs' `mdx_configs`, a private option (`c.Private`), kept for that time (~0.3 s on
    # the bench site's 1,600 pages): MkDocs is pinned (pyproject.toml) and
    # tests/unit/test_libraries.py fails when the option changes.
    config["markdown_extensions"] = list(settings.markdown_extensions or ())
    _freeze()  # the loaded content, held for the whole build
    return config


class _HeldPageWarnings(logging.Filter):
    """MkDocs' own warnings about a page's links, held while the pages render (`on_config` to
    `on_env`): a page our checks refuse is reported once, in our words, not also by MkDocs
    ("contains an unrecognized relative link '&#106;avascript:…'"); the others are let through
    then, as MkDocs would have logged them, and `--strict` counts them."""

    logger = logging.getLogger("mkdocs.structure.pages")

    def __init__(self) -> None:
        super().__init__()
        self.held: list[logging.LogRecord] = []

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        self.held.append(record)
        return False

    @classmethod
    def install(cls) -> None:
        cls.release([], "")  # one left by a build that stopped early (`mkdocs serve`)
        cls.logger.addFilter(cls())

    @classmethod
    def release(cls, problems: list[Problem], docs_dir: str) -> None:
        refused = {f"'{problem.file.removeprefix(docs_dir + '/')}'" for problem in problems}
        for held in [f for f in cls.logger.filters if isinstance(f, cls)]:
            cls.logger.removeFilter(held)
            for record in held.held:
                if not any(name in record.getMessage() for name in refused):
                    cls.logger.handle(record)


def _freeze() -> None:
    """Move what the process holds out of the garbage collector's reach (`gc.freeze`), so that
    the collections while pages render do not walk it again and again (at 1,000 events the
    full ones were ~0.15 s of the build). It stays frozen to the end of the process, or to
    the next `mkdocs serve` rebuild (`_thaw`)."""
    gc.freeze()


def _thaw() -> None:
    """At the start of a `mkdocs serve` rebuild: what the last build froze is collectable again,
    and collected once, so that nothing of an old build stays behind."""
    if gc.get_freeze_count():
        gc.unfreeze()
        gc.collect()


def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = _build(config)
    for page in build.pages():
        files.append(File.generated(config, page.src_uri, content=page.markdown))
    for src_uri in sorted(build.withheld()):
        file = files.get_file_from_path(src_uri)
        if file is not None:
            log.info(f"Not published yet (dated in the future): {src_uri}")
            file.inclusion = InclusionLevel.EXCLUDED
    for issue in build.content.newsletter:
        note = issue.far_ahead(build.today)
        if note:
            log.info(f"Note: {note}")
    return files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # Every page is rendered by now (MkDocs renders the Markdown before the templates):
    # what a partner's page may not hold stops the build here, before anything is written.
    problems = _build(config).problems
    _HeldPageWarnings.release(problems, _build(config).settings.docs_dir)
    if problems:
        raise PluginError(report(problems))
    config[ENV] = env
    env.filters.update(filters.FILTERS)
    env.globals["ncsite"] = _build(config)
    # Markup rendered once per build (overrides/ncsite/once.html), or on every page with
    # NCSITE_FULL_RENDER=1 (None: the reuse off, to prove it changes nothing), and Material's
    # own templates under "material/", for overrides that wrap the original partial.
    env.globals["ncsite_once"] = None if os.environ.get(FULL_RENDER) == "1" else {}
    assert env.loader is not None  # the theme's loader: MkDocs always sets one
    env.loader = ChoiceLoader([env.loader, PrefixLoader({"material": FileSystemLoader(MATERIAL_TEMPLATES)})])
    env.bytecode_cache = _template_cache(env)
    return env


def _template_cache(env: Environment) -> FileSystemBytecodeCache | None:
    """Jinja's bytecode cache: each template compiled once, not on every build and every `mkdocs serve`
    rebuild (~60 templates, about 0.5 s). Kept in the user's temporary folder (Jinja's own), one file
    per template, found by its name and path and used only while its source is unchanged; the settings
    that shape compiled code (Jinja's version, extensions, escaping, syntax) are part of the file name."""
    shape = [jinja2.__version__, sorted(env.extensions), env.autoescape, env.finalize, env.optimized]
    shape += [env.block_start_string, env.variable_start_string, env.comment_start_string, env.line_statement_prefix]
    shape += [env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline]
    key = hashlib.sha256(repr(shape).encode("utf-8")).hexdigest()[:16]
    try:
        return FileSystemBytecodeCache(pattern=f"__ncsite_{key}_%s.cache")
    except (OSError, RuntimeError):  # no safe temporary folder: compile on every build, as without the cache
        return None


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Material's own templates print the title and description without autoescaping
    # (<title>, header, meta tags): escape them once, here, as Markup, so that our
    # templates, which all autoescape, print them as they are (never twice escaped).
    for key in ("title", "description"):
        if isinstance(page.meta.get(key), str) and not isinstance(page.meta[key], Markup):
            page.meta[key] = Markup(escape(page.meta[key]))
    build = _build(config)
    view = build.view(page.file.src_uri)
    if view is not None:
        page.meta["template"] = view.template
        if view.description and not page.meta.get("description"):
            page.meta["description"] = Markup(escape(view.description))
        page.edit_url = build.settings.edit_url(build.edit_path(page.file.src_uri)) or page.edit_url
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _build(config).publish(page.file.src_uri, html)


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    build = _build(config)
    view = build.view(page.file.src_uri)
    if view is not None:
        context.update(view.page_context())  # type: ignore[typeddict-item]
    _trust_template_scripts(build, page, context, config)
    return context


def _trust_template_scripts(build: Build, page: Page, context: TemplateContext, config: MkDocsConfig) -> None:
    """The inline scripts the theme's page shell writes (main.html and the Material base it extends),
    trusted by the pages' policy: rendered once per build and folder depth (Material's first script
    names the site's root relative to the page) with an empty body, so nothing of any page's content is
    ever trusted. A page template's own inline script would not be: `on_post_page` stops the build."""
    key = f"main.html {context.get('base_url')}"
    if build.policy.knows(key):
        return
    content, page.content = page.content, ""
    try:
        build.policy.trust(key, config[ENV].get_template("main.html").render(context))
    finally:
        page.content = content


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    policy = _build(config).policy
    output = policy.apply(output)
    for script in policy.refused:
        if script not in (page.content or ""):  # a partner's would be refused by the browser, as it must
            log.warning(
                f"The template of {page.file.src_uri} writes an inline script the pages' policy does not trust "
                f"({script.strip()[:60]!r}): move it into a file under overrides/assets/ and load it with <script src>."
            )
    return output


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    # 404.html and other theme pages are rendered without on_post_page.
    if template_name.endswith(".html"):
        policy = _build(config).policy
        policy.trust(template_name, output_content)  # a theme page: no content in it, only the templates'
        return policy.apply(output_content)
    return output_content


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[[], None]) -> LiveReloadServer:
    """Under `mkdocs serve`, a failed rebuild keeps the last good site on view.

    MkDocs itself would hold every page request until a rebuild succeeds (the
    browser just spins); the problems are already printed by then.

    `LiveReloadServer.builder` is MkDocs' own attribute, not an API: kept because nothing
    public does this; MkDocs is pinned (pyproject.toml), tests/unit/test_libraries.py fails
    when the attribute changes and tests/test_serve.py runs the behaviour.
    """

    def rebuild() -> None:
        try:
            builder()
        except Abort:
            log.warning("The preview still shows the last version that built: fix the problems above and save again.")

    server.builder = rebuild
    return server


# Before the search plugin writes its index (priority 0): the two never hold their
# working memory at the same time, which keeps the build's peak lower.
@event_priority(10)
def on_post_build(config: MkDocsConfig) -> None:
    site_dir = Path(config.site_dir)
    folders = set()
    for output in _build(config).outputs():
        target = site_dir / output.path
        if target.parent not in folders:  # ~1,000 files in a handful of folders
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
        target.write_bytes(output.data)
