"""The reader of every other file in content/: ordinary pages (and the introductions of the
pages the features make), images and documents published as they are, and files that
would not become what their author meant."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from .. import limits, markup
from ..yamlsrc import Document, load_front_matter, split_front_matter
from .base import Reader
from .reading import Reading

# MkDocs reads these as pages too, but the site's sections and the nav take only .md files.
OTHER_MARKDOWN = (".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn", ".mdtext", ".mdtxt")
# Files in content/ that are not pages are published as they are: only images and documents.
ASSET_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".pdf")


class PagesReader(Reader):
    """Every file of content/ that no section reader takes."""

    field = "pages"

    def __init__(self, reading: Reading):
        super().__init__(reading)
        self.pages: list[str] = []  # ordinary pages, as src paths under content/
        self.md_pages: set[str] = set()  # every .md file, of any section: what links may lead to
        self.files: set[str] = set()  # images and documents, published as they are

    def result(self) -> tuple[str, ...]:
        return tuple(self.pages)

    def read(self, path: Path, src: PurePosixPath) -> None:
        """A Markdown file no section takes, or a file that is not Markdown."""
        if src.suffix != ".md":
            if self.other_file(path, src):
                self.files.add(src.as_posix())
            return
        if src.as_posix() not in self.reading.paths.generated and self.takes_a_record_page(path, src):
            return
        self.page(path)
        self.pages.append(src.as_posix())

    def takes_a_record_page(self, path: Path, src: PurePosixPath) -> bool:
        """Whether the file would take the address of a page made from a data file (reported if so)."""
        section = src.parts[0] if len(src.parts) > 1 else None
        for records in self.reading.paths.records:
            if section == records.section and src.stem in self.reading.valid_ids.get(records.kind, ()):
                self.reading.problem(
                    self.reading.sources.rel(path),
                    f'this page would take the address of the {records.kind} "{src.stem}"',
                    records.hint,
                )
                return True
        return False

    def page(self, path: Path) -> None:
        """An ordinary page: its front matter, if any, must at least be readable."""
        reading = self.reading
        text = reading.read_text(path)
        if text is None:
            return
        doc = split_front_matter(text) if text.startswith("---") else None
        if not isinstance(doc, Document):  # no front matter, or a leading horizontal rule
            reading.body(path, text, 1)
            return
        reading.body(path, doc.body, doc.body_line)
        data, fault = load_front_matter(doc)
        if fault:
            reading.yaml_fault(reading.sources.rel(path), fault, text)
        elif data is not None and not isinstance(data, dict):
            reading.problem(
                reading.sources.rel(path),
                "the front matter must be fields ('name: value' lines)",
                line=doc.front_matter_line,
            )

    def other_file(self, path: Path, src: PurePosixPath) -> bool:
        """A file in docs_dir that is not a .md page: True if it is published as it is (an image, a PDF)."""
        rel = self.reading.sources.rel(path)
        suffix = src.suffix.lower()
        too_big = limits.file_size(path) if suffix in ASSET_SUFFIXES else None
        if too_big:
            self.reading.problem(rel, *too_big)
        if suffix in OTHER_MARKDOWN or (suffix == ".md" and src.suffix != ".md"):
            self.reading.problem(
                rel,
                f'the file "{src.name}" will not become a page: pages end in ".md"',
                f'rename it to "{src.stem}.md"',
            )
        elif suffix == ".svg":
            for finding in markup.check_svg(path.read_bytes()):
                self.reading.problem(rel, finding.message, finding.hint, line=finding.line)
            return True
        elif suffix in ASSET_SUFFIXES:
            return True
        else:
            hint = (
                "write the page as Markdown in a .md file (copy the template for its kind from CONTRIBUTING.md), "
                "or remove the file; besides pages, content/ holds only images (png, jpg, gif, webp, svg) and PDF files"
            )
            self.reading.problem(rel, f'the file "{src.name}" will not become a page', hint)
        return False
