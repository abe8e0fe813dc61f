"""What the readers share while content loads: the sources, the problems found so far, the
references and links to check once everything is read, and the decoding of a file (UTF-8,
YAML, front matter) into values with their lines."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import bodyrules, characters, limits, markup, published, rawlinks
from .. import fields as F
from ..dates import build_now, country_timezone
from ..examples import BODY_HINT, read_templates
from ..paths import PagePaths
from ..places import Basemap, Gazetteer
from ..problems import Problem
from ..sources import Sources
from ..text import first_paragraph
from ..yamlsrc import Document, LineDict, YamlFault, explain, load_front_matter, parse, split_front_matter

TEMPLATE_HINT = "copy the template for this kind of file from CONTRIBUTING.md"


class Reading:
    """One load of the content: shared by every reader, gathering every problem."""

    def __init__(self, sources: Sources, paths: PagePaths):
        self.sources = sources
        self.paths = paths
        self.problems: list[Problem] = []
        self.references: list[F.Reference] = []
        # Ids written in the data files, valid entries or not: an entry with a
        # problem of its own must not also be reported as missing wherever it is named.
        self.declared: dict[str, set[str]] = {"clusters": set(), "topics": set(), "partners": set()}
        # Markdown bodies by page (src path under docs_dir) and where each file links, checked once all is read.
        self.bodies: dict[str, str] = {}
        self.body_files: dict[str, published.Body] = {}  # the same, with file and line, for the HTML verdict
        self.links: list[tuple[str, str, markup.Link]] = []
        self.samples = read_templates(sources.root / "templates")
        self.today = sources.today or build_now().date()
        # Data files that could not be read: references to their ids are not checked (no follow-on errors).
        self.unreadable: set[str] = set()
        self.zones: dict[str, str | None] = {}  # the time zone of each country named, once per load
        self.basemap: Basemap | None = None
        self.gazetteer = Gazetteer()
        self.valid_ids: dict[str, set[str]] = {}  # ids of the valid records of each kind, as readers finish

    @property
    def docs(self) -> Path:
        return self.sources.root / self.sources.docs_dir

    def data_file(self, name: str) -> Path:
        return self.sources.root / self.sources.data_dir / name

    def ctx(self, file: str, spec: F.Record | None = None) -> F.Context:
        examples = self.samples.for_spec(spec) if spec is not None else {}
        return F.Context(file, self.problems, self.references, examples=examples, today=self.today)

    def problem(
        self, file: str, message: str, hint: str | None = None, field: str | None = None, line: int | None = None
    ) -> None:
        self.problems.append(Problem(file, line, field, message, hint))

    def country_timezone(self, country: str | None) -> str | None:
        if country is None:
            return None
        if country not in self.zones:
            self.zones[country] = country_timezone(country)
        return self.zones[country]

    def locate(self, file: str, town: str, country: str, field: str, line: int | None) -> None:
        """Report a town the maps could not show (it must be in data/places.yaml)."""
        if self.gazetteer.find(town, country) is None:
            message, hint = self.gazetteer.missing(town, country, file)
            self.problem(file, message, hint, field=field, line=line)

    # -- files ---------------------------------------------------------------

    def read_text(self, path: Path) -> str | None:
        rel = self.sources.rel(path)
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            line = raw[: err.start].count(b"\n") + 1
            self.problem(
                rel,
                f"the file is not UTF-8 text (byte {err.start + 1} cannot be read)",
                "save the file with the encoding UTF-8 (in most editors: Save with encoding → UTF-8)",
                line=line,
            )
            return None
        text = text.removeprefix("\ufeff")
        for found in characters.findings(text, markdown=path.suffix == ".md"):
            self.problem(rel, found.message, found.hint, line=found.line)
        if not text.strip():
            self.problem(rel, "the file is empty", TEMPLATE_HINT)
            return None
        return text

    def yaml_file(self, path: Path) -> object:
        rel = self.sources.rel(path)
        if not path.exists():
            return None
        text = self.read_text(path)
        if text is None:
            return None
        data, fault = parse(text)
        if fault:
            self.yaml_fault(rel, fault, text)
            return None
        return data

    def yaml_fault(self, rel: str, fault: YamlFault, text: str) -> None:
        message, hint = explain(fault, text)
        self.problem(rel, f"the YAML cannot be read: {message}", hint, line=fault.line)

    def front_matter(self, path: Path) -> tuple[LineDict, Document] | None:
        rel = self.sources.rel(path)
        text = self.read_text(path)
        if text is None:
            return None
        doc = split_front_matter(text)
        if isinstance(doc, YamlFault):
            self.problem(rel, doc.message, TEMPLATE_HINT, line=doc.line)
            return None
        self.body(path, doc.body, doc.body_line)
        data, fault = load_front_matter(doc)
        if fault:
            self.yaml_fault(rel, fault, text)
            return None
        if data is None:
            self.problem(rel, "the front matter is empty", TEMPLATE_HINT, line=doc.front_matter_line)
            return None
        if not isinstance(data, LineDict):  # the loader reads every mapping as a LineDict
            self.problem(
                rel, "the front matter must be fields ('name: value' lines)", TEMPLATE_HINT, line=doc.front_matter_line
            )
            return None
        return data, doc

    def record(self, path: Path, spec: F.Record) -> tuple[dict[str, Any], LineDict] | None:
        """A page's front matter checked against `spec`: its clean values and the raw fields (for lines)."""
        loaded = self.front_matter(path)
        if loaded is None:
            return None
        data, doc = loaded
        rel = self.sources.rel(path)
        clean = spec.check(data, self.ctx(rel, spec))
        sample = self.samples.in_body(spec, doc.body, doc.body_line)
        if sample:
            line, text = sample
            shown = text if len(text) <= 50 else text[:49] + "…"
            self.problem(rel, f'the text still holds the template\'s example ("{shown}")', BODY_HINT, line=line)
            return None
        if clean is F.INVALID:
            return None
        for field, message, hint in limits.text_fields(clean):
            self.problem(rel, message, hint, field=field, line=data.line_of(field))
        # The body itself is not kept: MkDocs reads and renders it; the model holds its first paragraph.
        clean.setdefault("summary", first_paragraph(doc.body.strip("\n")))
        return clean, data

    def body(self, path: Path, text: str, first_line: int) -> None:
        """A page's Markdown text, kept for its HTML's verdict (ncsite.content.published); its links are checked later."""
        rel = self.sources.rel(path)
        second = bodyrules.second_front_matter(text, first_line) if first_line > 1 else None
        if second is not None:
            self.problem(
                rel,
                "a second front matter block (fields between --- lines) follows the first: its fields are not read",
                "move its fields into the first block, between the first two --- lines, and delete the second block",
                line=second,
            )
        src = path.relative_to(self.docs).as_posix()
        self.bodies[src] = text
        self.body_files[src] = published.Body(rel, text, first_line)
        self.links.extend((rel, src, link) for link in markup.links(text, first_line))
        self.links.extend((rel, src, link) for link in rawlinks.links(text, first_line))
