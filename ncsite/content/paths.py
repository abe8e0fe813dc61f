"""How a feature declares the page paths it owns, for the loader to read.

Each feature declares its paths once, in its package's `__init__.py` (light: `ncsite
check` reads them without loading the features), and `ncsite/features/__init__.py`
gathers them into `PAGE_PATHS`. The loader reads them from there: a Markdown file at a
generated page's path is that page's own front matter and introduction, rendered above
the list; a partner's file may not take a reserved name, nor the address of a page the
build makes from a data file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Reserved:
    """A file name in a folder of content/ that the site takes for itself."""

    section: str  # the folder under content/ ("events")
    name: str  # the file name without ".md" ("calendar")
    why: str  # what the site publishes there, in a partner's words ("events/calendar.ics is the calendar feed")


@dataclass(frozen=True)
class RecordPages:
    """A page for each record of a data file, at `<section>/<id>.md` (Matchpoint's cluster pages)."""

    section: str  # the folder under content/ ("matchpoint")
    kind: str  # the kind of record, as references name it ("cluster")
    hint: str  # what to do about a partner's file at such an address

    def src_uri(self, ident: str) -> str:
        return f"{self.section}/{ident}.md"


@dataclass(frozen=True)
class PagePaths:
    """The page paths one feature owns (or all features, joined)."""

    generated: tuple[str, ...] = ()  # pages the build makes, by src path under content/ ("events/index.md")
    reserved: tuple[Reserved, ...] = ()
    records: tuple[RecordPages, ...] = ()

    @classmethod
    def joined(cls, declarations: Iterable[PagePaths]) -> PagePaths:
        generated: tuple[str, ...] = ()
        reserved: tuple[Reserved, ...] = ()
        records: tuple[RecordPages, ...] = ()
        for paths in declarations:
            generated += paths.generated
            reserved += paths.reserved
            records += paths.records
        return cls(generated, reserved, records)

    def reserved_in(self, section: str) -> dict[str, Reserved]:
        """The names taken in one folder, by name: what the features reserve there, and the stems of
        the pages they make there ("index" for the list page)."""
        taken = {r.name: r for r in self.reserved if r.section == section}
        for src in self.generated:
            folder, _, name = src.rpartition("/")
            stem = name.removesuffix(".md")
            if folder == section and stem not in taken:
                taken[stem] = Reserved(section, stem, f"/{address(src)} is the list page the site makes")
        return taken


def address(src_uri: str) -> str:
    """A page's address under the site, from its path under content/ ("a/b.md" -> "a/b/", "a/index.md" -> "a/")."""
    stem = src_uri.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"
