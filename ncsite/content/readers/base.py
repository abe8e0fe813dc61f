"""The kinds of reader: one for a data file, one for a folder of content/ whose files are
records (events, living labs, newsletter issues), and what every reader tells the loader."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from .. import fields as F
from ..text import slug_hint
from .reading import Reading


class Reader:
    """Reads one part of the content into the field `field` of `Content`."""

    field: ClassVar[str]  # the field of Content this reader fills
    refers: ClassVar[str | None] = None  # the kind references name its records by ("cluster"), if any

    def __init__(self, reading: Reading):
        self.reading = reading

    def result(self) -> Any:
        """The value of `field`, once every file is read."""
        raise NotImplementedError

    def ids(self) -> set[str]:
        """Every id a reference may name without a problem of its own (valid records and those with problems)."""
        return set()

    def names(self) -> list[tuple[str, str]]:
        """(name, id) of each valid record, to suggest the id when a reference gives a name."""
        return []


class DataReader(Reader):
    """Reads one file of data/ (read before the pages: they name its ids)."""

    file: ClassVar[str]  # the file's name in data/

    @property
    def path(self) -> Path:
        return self.reading.data_file(self.file)

    @property
    def rel(self) -> str:
        return self.reading.sources.rel(self.path)

    def read(self) -> None:
        raise NotImplementedError


class SectionReader(Reader):
    """Reads the Markdown files of one folder of content/, one record each, named by the file."""

    section: ClassVar[str]  # the folder under content/

    def __init__(self, reading: Reading):
        super().__init__(reading)
        self.items: list[Any] = []
        self.stems: set[str] = set()  # every file's name, valid or not

    def read(self, path: Path) -> None:
        self.stems.add(path.stem)
        item = self.record(path)
        if item is not None:
            self.items.append(item)

    def record(self, path: Path) -> Any:
        """The record one file holds, or None (its problems reported)."""
        raise NotImplementedError

    def loaded(self, path: Path, spec: F.Record) -> tuple[str, str, dict[str, Any], Any] | None:
        """The file's slug, its path from the project root, its checked fields and its fields as
        written (with their lines); None when the name or the fields have problems (reported)."""
        slug = self.slug_of(path)
        loaded = self.reading.record(path, spec)
        if loaded is None or slug is None:
            return None
        clean, data = loaded
        return slug, self.reading.sources.rel(path), clean, data

    def slug_of(self, path: Path) -> str | None:
        slug = path.stem
        if not F.SLUG.match(slug):
            better = slug_hint(slug, "my-event")
            self.reading.problem(
                self.reading.sources.rel(path),
                f'the file name "{path.name}" cannot be a web address',
                f'rename it to "{better}.md": lowercase letters, digits and hyphens only',
            )
            return None
        return slug

    def taken(self, path: Path, slug: str, hint: str) -> bool:
        """Whether a feature reserved this name in the section (reported if so)."""
        reserved = self.reading.paths.reserved_in(self.section).get(slug)
        if reserved is not None:
            self.reading.problem(
                self.reading.sources.rel(path),
                f'the file name "{path.name}" is taken by the site ({reserved.why})',
                hint,
            )
        return reserved is not None
