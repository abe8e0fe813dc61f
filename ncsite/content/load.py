"""Load every content file into typed models, collecting every problem.

The loader runs the readers registered in `readers.READERS` (one per content kind), then
the checks that need everything read: each id named exists, each link leads somewhere.
Nothing here knows about MkDocs, nor about any feature: the page paths the features own
come in as `PagePaths`. It returns a `Content` plus a list of `Problem`s; the caller
decides what to do with them (the build fails; `make check` prints them).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path, PurePosixPath
from typing import Any

from . import addresses, published, realfiles, verdicts
from .mkdocsyml import read_mkdocs_yml
from .models import Content
from .paths import PagePaths
from .problems import Problem
from .readers import READERS, DataReader, PagesReader, Reader, SectionReader
from .readers.links import LinkCheck, resolve
from .readers.reading import Reading
from .sources import Sources
from .text import slug_hint

__all__ = ["Sources", "load_content"]


def load_content(sources: Sources, paths: PagePaths) -> tuple[Content, list[Problem]]:
    """Read, validate and cross-check everything under content/ and data/."""
    reading = Reading(sources, paths)
    readers = [cls(reading) for cls in READERS]
    for reader in readers:
        if isinstance(reader, DataReader):
            reader.read()
    pages = _read_docs(reading, readers)
    _cross_check(reading, readers, pages)
    site_config = read_mkdocs_yml(sources.root) if (sources.root / "mkdocs.yml").is_file() else {}
    refused_pages = {
        problem.file for problem in reading.problems
    }  # a file refused already is not also asked for a menu
    for found in addresses.findings(pages.md_pages, site_config.get("nav"), site_config.get("not_in_nav")):
        if f"{sources.docs_dir}/{found.src}" not in refused_pages:
            reading.problem(f"{sources.docs_dir}/{found.src}", found.message, found.hint)
    if not sources.html_judged_later or reading.problems:
        reading.problems += judge_bodies(sources, reading.body_files.values(), site_config)
    content = Content(**{reader.field: reader.result() for reader in readers})
    return content, reading.problems


def judge_bodies(sources: Sources, bodies: Iterable[published.Body], site_config: Mapping[str, Any]) -> list[Problem]:
    """The verdict on the HTML each body renders to (ncsite.content.published), with the extensions of
    the build (`sources`) or else of mkdocs.yml (`site_config`)."""
    settings = published.extension_settings(site_config)
    remembered = None
    if sources.markdown_extensions is None and sources.verdict_cache is not None:
        # `ncsite check`: pages unchanged since the last check are not rendered (nor the extensions made)
        remembered = verdicts.Verdicts(sources.verdict_cache, verdicts.fingerprint(settings))
    renderer = None
    problems = []
    for body in bodies:
        key = remembered.key(body.file, body.first_line, body.text) if remembered else ""
        verdict = remembered.get(key) if remembered else None
        if verdict is None:
            if renderer is None:
                extensions = sources.markdown_extensions or tuple(published.markdown_extensions(*settings))
                renderer = published.Renderer(extensions)
            html = renderer.html(body.text)
            verdict = [(line, refusal.message, refusal.hint) for line, refusal in published.refused(body, html)]
            if remembered:
                remembered.put(key, verdict)
        problems += [Problem(body.file, line, None, message, hint) for line, message, hint in verdict]
    if remembered:
        remembered.save()
    return problems


def _read_docs(reading: Reading, readers: Sequence[Reader]) -> PagesReader:
    """Hand every file of content/ to the reader of its folder, or to the pages reader."""
    sections = {reader.section: reader for reader in readers if isinstance(reader, SectionReader)}
    pages = next(reader for reader in readers if isinstance(reader, PagesReader))
    docs, docs_dir = reading.docs, reading.sources.docs_dir
    refused = set()
    for item in realfiles.refused_paths(docs, reading.sources.root):
        reading.problem(reading.sources.rel(item.path), item.message, item.hint)
        refused.add(item.path)
    for path in sorted(docs.rglob("*")):
        src = PurePosixPath(path.relative_to(docs).as_posix())
        if any(part.startswith(".") for part in src.parts) or not path.is_file():
            continue  # MkDocs leaves out hidden files and folders
        if refused and (path in refused or not refused.isdisjoint(path.parents)):
            continue  # not a real file of the project: never read
        if src.suffix == ".md":
            pages.md_pages.add(src.as_posix())
        # A page the build makes may have its own Markdown (front matter and an introduction), read as a page.
        section = src.parts[0] if src.suffix == ".md" and src.as_posix() not in reading.paths.generated else None
        reader = sections.get(section) if section and len(src.parts) > 1 else None
        if reader is None:
            pages.read(path, src)
        elif len(src.parts) != 2:
            reading.problem(
                reading.sources.rel(path),
                f"files in {docs_dir}/{section}/ cannot be in a sub-folder",
                f"move it to {docs_dir}/{reader.section}/{_free_name(docs / reader.section, src)}",
            )
        else:
            reader.read(path)
    return pages


def _free_name(folder: Path, src: PurePosixPath) -> str:
    """A name for a file moved up into `folder` that overwrites nothing: a folder's page
    (`kiel/index.md`) is named after its folder, and a name taken gets a number."""
    stem = src.parent.name if src.name in ("index.md", "README.md") else src.stem
    suffix = src.suffix
    name, number = f"{stem}{suffix}", 2
    while (folder / name).exists():
        name, number = f"{stem}-{number}{suffix}", number + 1
    return name


def _cross_check(reading: Reading, readers: Sequence[Reader], pages: PagesReader) -> None:
    """What needs everything read: the ids each file names, then every link."""
    ids: dict[str, set[str]] = {}
    names: dict[str, dict[str, str]] = {}
    for reader in readers:
        if reader.refers is None:
            continue
        ids[reader.refers] = reader.ids()
        by_name = names[reader.refers] = {}
        for name, ident in reader.names():
            by_name[" ".join(name.split()).casefold()] = ident
            by_name.setdefault(slug_hint(name), ident)
    resolve(reading, ids, names)
    generated = set(reading.paths.generated) | {
        records.src_uri(ident) for records in reading.paths.records for ident in ids.get(records.kind, ())
    }
    withheld = {
        issue.src_uri: issue.date.date.isoformat()
        for reader in readers
        if reader.field == "newsletter"
        for issue in reader.result()
        if not issue.published_by(reading.today)
    }
    LinkCheck(reading, pages.md_pages, pages.files, generated, withheld).run()
