"""Load every content file into typed models, collecting every problem.

The loader runs the readers registered in `readers.READERS` (one per content kind), then
the checks that need everything read: each id named exists, each link leads somewhere.
Nothing here knows about MkDocs, nor about any feature: the page paths the features own
come in as `PagePaths`. It returns a `Content` plus a list of `Problem`s; the caller
decides what to do with them (the build fails; `make check` prints them).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePosixPath

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
    content = Content(**{reader.field: reader.result() for reader in readers})
    return content, reading.problems


def _read_docs(reading: Reading, readers: Sequence[Reader]) -> PagesReader:
    """Hand every file of content/ to the reader of its folder, or to the pages reader."""
    sections = {reader.section: reader for reader in readers if isinstance(reader, SectionReader)}
    pages = next(reader for reader in readers if isinstance(reader, PagesReader))
    docs, docs_dir = reading.docs, reading.sources.docs_dir
    for path in sorted(docs.rglob("*")):
        src = PurePosixPath(path.relative_to(docs).as_posix())
        if any(part.startswith(".") for part in src.parts) or not path.is_file():
            continue  # MkDocs leaves out hidden files and folders
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
                f"move it to {docs_dir}/{section}/{src.name}",
            )
        else:
            reader.read(path)
    return pages


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
    LinkCheck(reading, pages.md_pages, pages.files, generated).run()
