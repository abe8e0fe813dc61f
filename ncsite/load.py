"""Load every content file into typed models, collecting every problem.

Nothing here knows about MkDocs: it takes the project root and returns a
`Content` plus a list of `Problem`s. The caller decides what to do with them
(the build fails; `make check` prints them).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from . import fields as F
from .models import Cluster, Contact, Content, Event, LivingLab, Location, NewsletterIssue, Topic
from .problems import Problem
from .text import first_paragraph
from .yamlsrc import Document, LineDict, LineList, YamlFault, explain, parse, split_front_matter

NEWSLETTER_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*$")
GENERATED_INDEXES = ("events/index.md", "livinglabs/index.md", "newsletter/index.md", "matchpoint/index.md",
                     "subscribe.md")
RESERVED_EVENT_SLUGS = ("calendar",)  # events/calendar.ics is the feed (ncsite.ical)
TEMPLATE_HINT = "copy the template for this kind of file from CONTRIBUTING.md"


@dataclass(frozen=True)
class Sources:
    """Where content lives, relative to the project root."""

    root: Path
    docs_dir: str = "content"
    data_dir: str = "data"
    timezone: str = "Europe/Copenhagen"

    def rel(self, path: Path) -> str:
        # Called several times for each of ~1,500 files: a string prefix, not Path.relative_to.
        text, root = path.as_posix(), self.root.as_posix().rstrip("/") + "/"
        return text[len(root):] if text.startswith(root) else text


class _Loader:
    def __init__(self, sources: Sources):
        self.sources = sources
        self.problems: list[Problem] = []
        self.references: list[F.Reference] = []
        # Ids written in the data files, valid entries or not: an entry with a
        # problem of its own must not also be reported as missing wherever it is named.
        self.declared: dict[str, set[str]] = {"clusters": set(), "topics": set()}

    def ctx(self, file: str) -> F.Context:
        return F.Context(file, self.problems, self.references)

    def problem(self, file, message, hint=None, field=None, line=None):
        self.problems.append(Problem(file, line, field, message, hint))

    # -- files ---------------------------------------------------------------

    def read_text(self, path: Path) -> str | None:
        rel = self.sources.rel(path)
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            line = raw[: err.start].count(b"\n") + 1
            self.problem(rel, f"the file is not UTF-8 text (byte {err.start + 1} cannot be read)",
                         "save the file with the encoding UTF-8 (in most editors: Save with encoding → UTF-8)",
                         line=line)
            return None
        text = text.removeprefix("\ufeff")
        if not text.strip():
            self.problem(rel, "the file is empty", TEMPLATE_HINT)
            return None
        return text

    def yaml_file(self, path: Path):
        rel = self.sources.rel(path)
        if not path.exists():
            return None
        text = self.read_text(path)
        if text is None:
            return None
        data, fault = parse(text)
        if fault:
            self._yaml_fault(rel, fault, text)
            return None
        return data

    def _yaml_fault(self, rel: str, fault: YamlFault, text: str):
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
        data, fault = parse(doc.front_matter, doc.front_matter_line)
        if fault:
            self._yaml_fault(rel, fault, text)
            return None
        if data is None:
            self.problem(rel, "the front matter is empty", TEMPLATE_HINT, line=doc.front_matter_line)
            return None
        if not isinstance(data, dict):
            self.problem(rel, "the front matter must be fields ('name: value' lines)", TEMPLATE_HINT,
                         line=doc.front_matter_line)
            return None
        return data, doc

    # -- kinds ---------------------------------------------------------------

    def record(self, path: Path, spec: F.Record):
        loaded = self.front_matter(path)
        if loaded is None:
            return None
        data, doc = loaded
        clean = spec.check(data, self.ctx(self.sources.rel(path)))
        if clean is F.INVALID:
            return None
        body = doc.body.strip("\n")
        clean.setdefault("summary", first_paragraph(body))
        return clean, body, data

    def slug_of(self, path: Path) -> str | None:
        slug = path.stem
        if not F.SLUG.match(slug):
            better = re.sub(r"[^a-z0-9]+", "-", slug.lower()).strip("-")
            self.problem(self.sources.rel(path), f'the file name "{path.name}" cannot be a web address',
                         f'rename it to "{better}.md": lowercase letters, digits and hyphens only')
            return None
        return slug

    def event(self, path: Path) -> Event | None:
        slug = self.slug_of(path)
        loaded = self.record(path, F.EVENT)
        if loaded is None or slug is None:
            return None
        clean, body, data = loaded
        rel = self.sources.rel(path)
        if slug in RESERVED_EVENT_SLUGS:
            self.problem(rel, f'the file name "{path.name}" is taken by the site (events/{slug}.ics is the calendar feed)',
                         f'rename it, e.g. to "{clean["start"].iso}-{slug}.md"')
            return None
        location = clean.pop("location", None)
        return Event(slug=slug, source=rel, body=body,
                     timezone=clean.pop("timezone", self.sources.timezone),
                     location=Location(**location) if location else None, **clean)

    def livinglab(self, path: Path) -> LivingLab | None:
        slug = self.slug_of(path)
        loaded = self.record(path, F.LIVINGLAB)
        if loaded is None or slug is None:
            return None
        clean, body, data = loaded
        rel = self.sources.rel(path)
        return LivingLab(slug=slug, source=rel, body=body, **clean)

    def newsletter_issue(self, path: Path) -> NewsletterIssue | None:
        rel = self.sources.rel(path)
        match = NEWSLETTER_NAME.match(path.stem)
        loaded = self.record(path, F.NEWSLETTER)
        if not match:
            self.problem(rel, f'the file name "{path.name}" does not start with the issue\'s date',
                         'name it <YYYY-MM-DD>-<short-name>.md, e.g. "2019-05-08-green-week.md"')
            return None
        if loaded is None:
            return None
        clean, body, data = loaded
        if clean["date"].date.isoformat() != match.group(1):
            self.problem(rel, f'the date "{clean["date"]}" does not match the date in the file name ({match.group(1)})',
                         "make the file name and the date field agree", field="date", line=data.line_of("date"))
            return None
        return NewsletterIssue(slug=path.stem, source=rel, body=body, **clean)

    def topics(self) -> list[Topic]:
        path = self.sources.root / self.sources.data_dir / "topics.yaml"
        return [Topic(**entry) for entry, _ in self.entries(path, "topics", F.TOPIC)]

    def clusters(self) -> list[Cluster]:
        path = self.sources.root / self.sources.data_dir / "clusters.yaml"
        out = []
        for clean, raw in self.entries(path, "clusters", F.CLUSTER):
            contact = clean.pop("contact", None)
            logo = clean.get("logo")
            if logo and not (self.sources.root / self.sources.docs_dir / logo).is_file():
                self.problem(self.sources.rel(path), f'no image "{logo}" under {self.sources.docs_dir}/',
                             f"put the image in {self.sources.docs_dir}/ and write its path relative to it",
                             field=f"clusters[{clean['id']}].logo", line=raw.line_of("logo"))
                continue
            out.append(Cluster(line=raw.line, contact=Contact(**contact) if contact else None, **clean))
        return out

    def entries(self, path: Path, key: str, spec: F.Record):
        """The valid entries of a data file `{key: [ {...}, ... ]}` with their raw YAML, ids unique."""
        rel = self.sources.rel(path)
        data = self.yaml_file(path)
        if data is None:
            return []
        if not isinstance(data, dict) or key not in data:
            self.problem(rel, f'the file must start with "{key}:" followed by a list of entries',
                         f"see the example at the top of {TEMPLATE_HINT.split(' from ')[-1]}", line=1)
            return []
        for other in data:
            if other != key:
                self.problem(rel, f'unknown top-level field "{other}"', f'put every entry under "{key}:"',
                             field=other, line=data.line_of(other))
        items = data[key]
        if not isinstance(items, list):
            self.problem(rel, f"expected a list of entries, found {F.describe(items)}",
                         "start each entry with '- id: ...'", field=key, line=data.line_of(key))
            return []
        seen: dict[str, int] = {}
        out = []
        for index, raw in enumerate(items):
            line = items.line_of(index) if isinstance(items, LineList) else None
            label = raw.get("id") if isinstance(raw, dict) and isinstance(raw.get("id"), str) else str(index + 1)
            clean = spec.check(raw, self.ctx(rel).at(f"{key}[{label}]", line))
            if isinstance(raw, dict) and isinstance(raw.get("id"), str):
                ident = raw["id"]
                self.declared[key].add(ident)
                if ident in seen:
                    self.problem(rel, f'the id "{ident}" is used twice (first on line {seen[ident]})',
                                 "ids must be unique: rename one of the two", field=f"{key}[{ident}].id",
                                 line=raw.line_of("id"))
                    continue
                seen[ident] = raw.line_of("id") if isinstance(raw, LineDict) else line
            if clean is not F.INVALID:
                out.append((clean, raw))
        return out

    def page(self, path: Path):
        """An ordinary page: its front matter, if any, must at least be readable."""
        text = self.read_text(path)
        if text is None or not text.startswith("---"):
            return
        doc = split_front_matter(text)
        if isinstance(doc, YamlFault):
            return  # a leading horizontal rule, not front matter
        data, fault = parse(doc.front_matter, doc.front_matter_line)
        if fault:
            self._yaml_fault(self.sources.rel(path), fault, text)
        elif data is not None and not isinstance(data, dict):
            self.problem(self.sources.rel(path), "the front matter must be fields ('name: value' lines)",
                         line=doc.front_matter_line)

    # -- cross references ----------------------------------------------------

    def resolve(self, content_ids: dict[str, set[str]]):
        where = {"cluster": "data/clusters.yaml", "topic": "data/topics.yaml", "livinglab": "content/livinglabs/"}
        for ref in self.references:
            known = content_ids[ref.kind]
            if ref.id in known:
                continue
            guess = F.did_you_mean(ref.id, known)
            hint = f'did you mean "{guess}"? ' if guess else ""
            hint += f"use an id that exists in {where[ref.kind]}" + (
                ", or add the new topic there first" if ref.kind == "topic" else "")
            self.problem(ref.file, f'there is no {ref.kind.replace("livinglab", "living lab")} "{ref.id}"', hint,
                         field=ref.field, line=ref.line)


def load_content(sources: Sources) -> tuple[Content, list[Problem]]:
    """Read, validate and cross-check everything under content/ and data/."""
    loader = _Loader(sources)
    docs = sources.root / sources.docs_dir
    topics = loader.topics()
    clusters = loader.clusters()
    events, labs, issues, pages = [], [], [], []
    readers = {"events": (loader.event, events), "livinglabs": (loader.livinglab, labs),
               "newsletter": (loader.newsletter_issue, issues)}
    cluster_ids = {c.id for c in clusters}
    for path in sorted(docs.rglob("*.md")):
        src = PurePosixPath(path.relative_to(docs).as_posix())
        rel = sources.rel(path)
        if src.as_posix() in GENERATED_INDEXES:
            loader.problem(rel, "this page is made by the build and cannot be a file",
                           "remove the file; put its text in the matching template under overrides/ instead")
            continue
        section = src.parts[0] if len(src.parts) > 1 else None
        if section in readers:
            if len(src.parts) != 2:
                loader.problem(rel, f"files in {sources.docs_dir}/{section}/ cannot be in a sub-folder",
                               f"move it to {sources.docs_dir}/{section}/{src.name}")
                continue
            read, bucket = readers[section]
            item = read(path)
            if item is not None:
                bucket.append(item)
            continue
        if section == "matchpoint" and src.stem in cluster_ids:
            loader.problem(rel, f'this page would take the address of the cluster "{src.stem}"',
                           "rename the file; cluster pages are made from data/clusters.yaml")
            continue
        loader.page(path)
        pages.append(src.as_posix())
    ids = {"cluster": cluster_ids | loader.declared["clusters"],
           "topic": {t.id for t in topics} | loader.declared["topics"],
           "livinglab": {lab.slug for lab in labs}}
    # A living lab that failed validation still exists: do not report its references twice.
    ids["livinglab"] |= {p.stem for p in (docs / "livinglabs").glob("*.md")}
    loader.resolve(ids)
    content = Content(
        events=tuple(sorted(events, key=lambda e: e.sort_key)),
        livinglabs=tuple(sorted(labs, key=lambda lab: lab.slug)),
        newsletter=tuple(sorted(issues, key=lambda i: (i.date.date, i.date.time or dt.time(0), i.slug))),
        clusters=tuple(sorted(clusters, key=lambda c: c.name.casefold())),
        topics=tuple(topics),
        pages=tuple(pages),
    )
    return content, loader.problems
