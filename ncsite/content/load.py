"""Load every content file into typed models, collecting every problem.

Nothing here knows about MkDocs: it takes the project root and returns a
`Content` plus a list of `Problem`s. The caller decides what to do with them
(the build fails; `make check` prints them).
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

from . import fields as F
from . import markup
from .dates import When, build_now, country_timezone
from .examples import BODY_HINT, read_templates
from .models import Cluster, Contact, Content, Event, LivingLab, Location, NewsletterIssue, Partner, Topic
from .paths import GENERATED_INDEXES
from .places import BASEMAP_FILE, PLACE, PLACES_FILE, Basemap, Gazetteer, Place, parse_basemap
from .problems import Problem
from .text import first_paragraph, slug_hint
from .yamlsrc import Document, LineDict, LineList, YamlFault, explain, load_front_matter, parse, split_front_matter

NEWSLETTER_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*$")
RESERVED_EVENT_SLUGS = ("calendar",)  # events/calendar.ics is the feed (ncsite.outputs.ical)
TEMPLATE_HINT = "copy the template for this kind of file from CONTRIBUTING.md"
# MkDocs reads these as pages too, but the site's sections and the nav take only .md files.
OTHER_MARKDOWN = (".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn", ".mdtext", ".mdtxt")
# Files in content/ that are not pages are published as they are: only images and documents.
ASSET_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".pdf")


def exists(when: When, timezone: str) -> bool:
    """Whether a local time happens in the zone (not skipped when the clocks go forward)."""
    local = when.local(timezone)
    return local.astimezone(dt.UTC).astimezone(local.tzinfo).replace(tzinfo=None) == local.replace(tzinfo=None)


def unsafe_or_external(target: str) -> bool:
    """A link with a scheme (https:, mailto:, javascript: ...) or to another host: not a file of the site."""
    parts = urlsplit(target)
    return bool(parts.scheme or parts.netloc or target.startswith("//"))


@dataclass(frozen=True)
class Sources:
    """Where content lives, relative to the project root."""

    root: Path
    docs_dir: str = "content"
    data_dir: str = "data"
    timezone: str = "Europe/Copenhagen"
    today: dt.date | None = None  # the build's date; default: today (SOURCE_DATE_EPOCH honoured)

    def rel(self, path: Path) -> str:
        # Called several times for each of ~1,500 files: a string prefix, not Path.relative_to.
        text, root = path.as_posix(), self.root.as_posix().rstrip("/") + "/"
        return text[len(root) :] if text.startswith(root) else text


class _Loader:
    def __init__(self, sources: Sources):
        self.sources = sources
        self.problems: list[Problem] = []
        self.references: list[F.Reference] = []
        # Ids written in the data files, valid entries or not: an entry with a
        # problem of its own must not also be reported as missing wherever it is named.
        self.declared: dict[str, set[str]] = {"clusters": set(), "topics": set(), "partners": set()}
        # Markdown bodies by page (src path under docs_dir) and where each file links, checked once all is read.
        self.bodies: dict[str, str] = {}
        self.links: list[tuple[str, str, markup.Link]] = []
        self.samples = read_templates(sources.root / "templates")
        self.today = sources.today or build_now().date()
        # Data files that could not be read: references to their ids are not checked (no follow-on errors).
        self.unreadable: set[str] = set()
        self.zones: dict[str, str | None] = {}  # the time zone of each country named, once per load
        self.gazetteer = Gazetteer()

    def ctx(self, file: str, spec: F.Record | None = None) -> F.Context:
        examples = self.samples.for_spec(spec) if spec is not None else {}
        return F.Context(file, self.problems, self.references, examples=examples, today=self.today)

    def problem(
        self, file: str, message: str, hint: str | None = None, field: str | None = None, line: int | None = None
    ) -> None:
        self.problems.append(Problem(file, line, field, message, hint))

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
            self._yaml_fault(rel, fault, text)
            return None
        return data

    def _yaml_fault(self, rel: str, fault: YamlFault, text: str) -> None:
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
            self._yaml_fault(rel, fault, text)
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

    # -- kinds ---------------------------------------------------------------

    def record(self, path: Path, spec: F.Record) -> tuple[dict[str, Any], LineDict] | None:
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
        # The body itself is not kept: MkDocs reads and renders it; the model holds its first paragraph.
        clean.setdefault("summary", first_paragraph(doc.body.strip("\n")))
        return clean, data

    def slug_of(self, path: Path) -> str | None:
        slug = path.stem
        if not F.SLUG.match(slug):
            better = slug_hint(slug, "my-event")
            self.problem(
                self.sources.rel(path),
                f'the file name "{path.name}" cannot be a web address',
                f'rename it to "{better}.md": lowercase letters, digits and hyphens only',
            )
            return None
        return slug

    def event(self, path: Path) -> Event | None:
        slug = self.slug_of(path)
        loaded = self.record(path, F.EVENT)
        if loaded is None or slug is None:
            return None
        clean, data = loaded
        rel = self.sources.rel(path)
        if slug in RESERVED_EVENT_SLUGS:
            self.problem(
                rel,
                f'the file name "{path.name}" is taken by the site (events/{slug}.ics is the calendar feed)',
                f'rename it, e.g. to "{clean["start"].iso}-{slug}.md"',
            )
            return None
        location = clean.pop("location", None)
        timezone, timezone_from = clean.pop("timezone", None), "event"
        if timezone is None:
            country = (location or {}).get("country")
            timezone, timezone_from = self.country_timezone(country), "country"
            if timezone is None:
                timezone, timezone_from = self.sources.timezone, "site"
        for key in ("start", "end"):
            when = clean.get(key)
            if when is not None and when.time is not None and not exists(when, timezone):
                self.problem(
                    rel,
                    f'the time "{when}" does not exist in {timezone}: the clocks are put forward that night',
                    "write the time as the clocks show it, an hour later",
                    field=key,
                    line=data.line_of(key),
                )
                return None
        return Event(
            slug=slug,
            source=rel,
            timezone=timezone,
            timezone_from=timezone_from,
            location=Location(**location) if location else None,
            **clean,
        )

    def country_timezone(self, country: str | None) -> str | None:
        if country is None:
            return None
        if country not in self.zones:
            self.zones[country] = country_timezone(country)
        return self.zones[country]

    def livinglab(self, path: Path) -> LivingLab | None:
        slug = self.slug_of(path)
        loaded = self.record(path, F.LIVINGLAB)
        if loaded is None or slug is None:
            return None
        clean, data = loaded
        rel = self.sources.rel(path)
        self.locate(rel, clean["city"], clean["country"], "city", data.line_of("city"))
        return LivingLab(slug=slug, source=rel, **clean)

    def newsletter_issue(self, path: Path) -> NewsletterIssue | None:
        rel = self.sources.rel(path)
        match = NEWSLETTER_NAME.match(path.stem)
        loaded = self.record(path, F.NEWSLETTER)
        if not match:
            self.problem(
                rel,
                f'the file name "{path.name}" does not start with the issue\'s date',
                'name it <YYYY-MM-DD>-<short-name>.md, e.g. "2019-05-08-green-week.md"',
            )
            return None
        if loaded is None:
            return None
        clean, data = loaded
        if clean["date"].date.isoformat() != match.group(1):
            self.problem(
                rel,
                f'the date "{clean["date"]}" does not match the date in the file name ({match.group(1)})',
                "make the file name and the date field agree",
                field="date",
                line=data.line_of("date"),
            )
            return None
        return NewsletterIssue(slug=path.stem, source=rel, **clean)

    # -- the maps: where towns are, and the coastlines ---------------------------

    def basemap(self) -> Basemap | None:
        """data/northsea-map.json, made by scripts/northsea-map.py (a test checks the real one is there)."""
        path = self.sources.root / self.sources.data_dir / BASEMAP_FILE
        rel = self.sources.rel(path)
        if not path.is_file():
            return None  # optional, like the other data files: the maps then show the sea and the markers only
        text = self.read_text(path)
        parsed = parse_basemap(text) if text is not None else None
        if isinstance(parsed, str):
            self.problem(
                rel,
                parsed,
                "this file is made by scripts/northsea-map.py: restore it from git or "
                "regenerate it, do not edit it by hand",
            )
            return None
        return parsed

    def places(self, basemap: Basemap | None) -> Gazetteer:
        path = self.sources.root / self.sources.data_dir / PLACES_FILE
        rel = self.sources.rel(path)
        places = []
        seen: dict[tuple[str, str], int | None] = {}
        for clean, raw in self.entries(path, "places", PLACE):
            place = Place(**clean)
            label = f"places[{place.town}]"
            if place.key in seen:
                self.problem(
                    rel,
                    f'"{place.town}" ({place.country}) is listed twice (first on line {seen[place.key]})',
                    "keep one entry per town and country",
                    field=label,
                    line=raw.line,
                )
                continue
            seen[place.key] = raw.line
            if basemap and not basemap.covers(place.lon, place.lat):
                west, south, east, north = basemap.bounds
                self.problem(
                    rel,
                    f"lat {place.lat}, lon {place.lon} is outside the area the maps show "
                    f"(latitude {south:g} to {north:g}, longitude {west:g} to {east:g})",
                    "check the numbers (lat is north, lon is east; west of Greenwich is negative)",
                    field=label,
                    line=raw.line,
                )
                continue
            places.append(place)
        self.gazetteer = Gazetteer(places)
        return self.gazetteer

    def locate(self, file: str, town: str, country: str, field: str, line: int | None) -> None:
        """Report a town the maps could not show (it must be in data/places.yaml)."""
        if self.gazetteer.find(town, country) is None:
            message, hint = self.gazetteer.missing(town, country, file)
            self.problem(file, message, hint, field=field, line=line)

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
                self.problem(
                    self.sources.rel(path),
                    f'no image "{logo}" under {self.sources.docs_dir}/',
                    f"put the image in {self.sources.docs_dir}/ and write its path relative to it",
                    field=f"clusters[{clean['id']}].logo",
                    line=raw.line_of("logo"),
                )
                continue
            if clean.get("town"):
                self.locate(
                    self.sources.rel(path),
                    clean["town"],
                    clean["country"],
                    f"clusters[{clean['id']}].town",
                    raw.line_of("town"),
                )
            elif clean.get("offices"):  # the map shows a cluster without a town at its first office, like its card
                self.locate(
                    self.sources.rel(path),
                    clean["offices"][0],
                    clean["country"],
                    f"clusters[{clean['id']}].offices[1]",
                    raw.line_of("offices"),
                )
            out.append(Cluster(line=raw.line, contact=Contact(**contact) if contact else None, **clean))
        return out

    def partners(self) -> list[Partner]:
        """data/partners.yaml, optional: the project partners, in the file's order."""
        path = self.sources.root / self.sources.data_dir / "partners.yaml"
        out, first_lead = [], None
        for clean, raw in self.entries(path, "partners", F.PARTNER):
            partner = Partner(line=raw.line, **clean)
            if partner.town:
                self.locate(
                    self.sources.rel(path),
                    partner.town,
                    partner.country,
                    f"partners[{partner.id}].town",
                    raw.line_of("town"),
                )
            if partner.lead and first_lead:
                self.problem(
                    self.sources.rel(path),
                    f'"{partner.name}" is a second lead partner (the first is "{first_lead.name}")',
                    "a project has one lead partner: remove 'lead: true' from all but one entry",
                    field=f"partners[{partner.id}].lead",
                    line=raw.line_of("lead"),
                )
            first_lead = first_lead or (partner if partner.lead else None)
            out.append(partner)
        return out

    def entries(self, path: Path, key: str, spec: F.Record) -> list[tuple[dict[str, Any], LineDict]]:
        """The valid entries of a data file `{key: [ {...}, ... ]}` with their raw YAML, ids unique."""
        rel = self.sources.rel(path)
        data = self.yaml_file(path)
        if data is None:
            if path.exists():
                self.unreadable.add(key)
            return []
        if not isinstance(data, LineDict) or key not in data:
            self.unreadable.add(key)
            self.problem(
                rel,
                f'the file must start with "{key}:" followed by a list of entries',
                f"see the example at the top of {TEMPLATE_HINT.split(' from ')[-1]}",
                line=1,
            )
            return []
        for other in data:
            if other != key:
                self.problem(
                    rel,
                    f'unknown top-level field "{other}"',
                    f'put every entry under "{key}:"',
                    field=other,
                    line=data.line_of(other),
                )
        items = data[key]
        if not isinstance(items, list):
            self.unreadable.add(key)
            self.problem(
                rel,
                f"expected a list of entries, found {F.describe(items)}",
                "start each entry with '- id: ...'",
                field=key,
                line=data.line_of(key),
            )
            return []
        seen: dict[str, int] = {}
        out = []
        for index, raw in enumerate(items):
            line = items.line_of(index) if isinstance(items, LineList) else None
            label = next(
                (raw[k] for k in ("id", "town") if isinstance(raw, dict) and isinstance(raw.get(k), str)),
                str(index + 1),
            )
            clean = spec.check(raw, self.ctx(rel, spec).at(f"{key}[{label}]", line))
            if isinstance(raw, LineDict) and isinstance(raw.get("id"), str):
                ident = raw["id"]
                self.declared.setdefault(key, set()).add(ident)
                if ident in seen:
                    self.problem(
                        rel,
                        f'the id "{ident}" is used twice (first on line {seen[ident]})',
                        "ids must be unique: rename one of the two",
                        field=f"{key}[{ident}].id",
                        line=raw.line_of("id"),
                    )
                    continue
                seen[ident] = raw.line_of("id")
            if clean is not F.INVALID:
                out.append((clean, raw))
        return out

    def body(self, path: Path, text: str, first_line: int) -> None:
        """A page's Markdown text: nothing in it may run script; its links are checked later."""
        rel = self.sources.rel(path)
        for finding in markup.check_body(text, first_line):
            self.problem(rel, finding.message, finding.hint, line=finding.line)
        src = path.relative_to(self.sources.root / self.sources.docs_dir).as_posix()
        self.bodies[src] = text
        self.links.extend((rel, src, link) for link in markup.links(text, first_line))

    def page(self, path: Path) -> None:
        """An ordinary page: its front matter, if any, must at least be readable."""
        text = self.read_text(path)
        if text is None:
            return
        doc = split_front_matter(text) if text.startswith("---") else None
        if not isinstance(doc, Document):  # no front matter, or a leading horizontal rule
            self.body(path, text, 1)
            return
        self.body(path, doc.body, doc.body_line)
        data, fault = load_front_matter(doc)
        if fault:
            self._yaml_fault(self.sources.rel(path), fault, text)
        elif data is not None and not isinstance(data, dict):
            self.problem(
                self.sources.rel(path),
                "the front matter must be fields ('name: value' lines)",
                line=doc.front_matter_line,
            )

    # -- files and links -----------------------------------------------------

    def other_file(self, path: Path, src: PurePosixPath) -> bool:
        """A file in docs_dir that is not a .md page: True if it is published as it is (an image, a PDF)."""
        rel = self.sources.rel(path)
        suffix = src.suffix.lower()
        if suffix in OTHER_MARKDOWN or (suffix == ".md" and src.suffix != ".md"):
            self.problem(
                rel,
                f'the file "{src.name}" will not become a page: pages end in ".md"',
                f'rename it to "{src.stem}.md"',
            )
        elif suffix == ".svg":
            for finding in markup.check_svg(path.read_bytes()):
                self.problem(rel, finding.message, finding.hint, line=finding.line)
            return True
        elif suffix in ASSET_SUFFIXES:
            return True
        else:
            hint = (
                "write the page as Markdown in a .md file (copy the template for its kind from CONTRIBUTING.md), "
                "or remove the file; besides pages, content/ holds only images (png, jpg, gif, webp, svg) and PDF files"
            )
            self.problem(rel, f'the file "{src.name}" will not become a page', hint)
        return False

    def check_links(self, pages: set[str], files: set[str], generated: set[str]) -> None:
        """Every Markdown link and image of every page leads to a page, an anchor or a file that exists."""
        for rel, src, link in self.links:
            target = link.target
            if not target or unsafe_or_external(target):
                continue
            here = PurePosixPath(src).parent
            path, _, anchor = unquote(target).partition("#")

            def problem(message: str, hint: str, rel: str = rel, line: int = link.line) -> None:
                self.problem(rel, message, hint, line=line)

            if path.startswith("/"):
                problem(
                    f'the link "{target}" starts with "/"',
                    'write it relative to this file, e.g. "../events/index.md" from a page in content/events/',
                )
                continue
            resolved = posixpath.normpath((here / path).as_posix()) if path else src
            if resolved.startswith("../"):
                problem(
                    f'the link "{target}" leads outside {self.sources.docs_dir}/',
                    f"link only to pages and files in {self.sources.docs_dir}/, or use a full https:// address",
                )
                continue
            if link.image or not resolved.endswith(".md") and PurePosixPath(resolved).suffix:
                if resolved not in files:
                    what = "image" if link.image else "file"
                    guess = F.did_you_mean(resolved, files)
                    problem(
                        f'the {what} "{target}" does not exist',
                        (f'did you mean "{posixpath.relpath(guess, here.as_posix())}"? ' if guess else "")
                        + f"put the {what} in {self.sources.docs_dir}/ and write its path relative to this file",
                    )
                continue
            if not resolved.endswith(".md"):
                for page in (resolved.rstrip("/") + "/index.md", resolved.rstrip("/") + ".md"):
                    if page in pages or page in generated:
                        problem(
                            f'the link "{target}" is a web address, not a page file',
                            f'link to the page\'s file: "{posixpath.relpath(page, here.as_posix())}"',
                        )
                        break
                else:
                    problem(f'the link "{target}" leads to no page', "link to the .md file of a page that exists")
                continue
            if resolved not in pages and resolved not in generated:
                guess = F.did_you_mean(resolved, pages | generated)
                problem(
                    f'the link "{target}" leads to no page',
                    (f'did you mean "{posixpath.relpath(guess, here.as_posix())}"? ' if guess else "")
                    + "write the file name of an existing page, relative to this file",
                )
                continue
            if anchor and resolved in self.bodies and not anchor.startswith(("fn:", "fnref:")):
                known = markup.anchors(self.bodies[resolved])
                if anchor not in known:
                    guess = F.did_you_mean(anchor, known)
                    problem(
                        f'the page "{resolved}" has no heading with the anchor "#{anchor}"',
                        (f'did you mean "#{guess}"? ' if guess else "")
                        + "anchors are the heading's words in lowercase, joined by hyphens",
                    )

    # -- cross references ----------------------------------------------------

    def resolve(self, content_ids: Mapping[str, set[str]], names: Mapping[str, Mapping[str, str]]) -> None:
        """Every id named exists; `names` maps each kind's labels or names (casefolded) to ids, for the fix."""
        files = {"cluster": "clusters", "topic": "topics"}
        for ref in self.references:
            known = content_ids[ref.kind]
            if ref.id in known:
                continue
            by_name = names.get(ref.kind, {})
            named = by_name.get(" ".join(ref.id.split()).casefold()) or by_name.get(slug_hint(ref.id))
            if not ref.id_form:
                hint = (
                    f'write "{named}" (the id of "{ref.id}")'
                    if named
                    else f"write the id exactly as in {F.Ref.WHERE[ref.kind]} (lowercase, hyphens)"
                )
                self.problem(
                    ref.file,
                    f"{F.describe(ref.id)} is not a {ref.kind.replace('livinglab', 'living lab')} id",
                    hint,
                    field=ref.field,
                    line=ref.line,
                )
                continue
            if files.get(ref.kind) in self.unreadable:
                continue  # the file could not be read: its own problem is reported, not one per mention
            guess = named or F.did_you_mean(ref.id, known)
            hint = f'did you mean "{guess}"? ' if guess else ""
            hint += f"use an id that exists in {F.Ref.WHERE[ref.kind]}" + (
                ", or add the new topic there first" if ref.kind == "topic" else ""
            )
            self.problem(
                ref.file,
                f'there is no {ref.kind.replace("livinglab", "living lab")} "{ref.id}"',
                hint,
                field=ref.field,
                line=ref.line,
            )


def load_content(sources: Sources) -> tuple[Content, list[Problem]]:
    """Read, validate and cross-check everything under content/ and data/."""
    loader = _Loader(sources)
    docs = sources.root / sources.docs_dir
    basemap = loader.basemap()
    places = loader.places(basemap)
    topics = loader.topics()
    clusters = loader.clusters()
    partners = loader.partners()
    events: list[Event] = []
    labs: list[LivingLab] = []
    issues: list[NewsletterIssue] = []
    pages: list[str] = []
    readers: dict[str, tuple[Callable[[Path], Any], list[Any]]] = {
        "events": (loader.event, events),
        "livinglabs": (loader.livinglab, labs),
        "newsletter": (loader.newsletter_issue, issues),
    }
    cluster_ids = {c.id for c in clusters}
    files: set[str] = set()
    md_pages: set[str] = set()
    for path in sorted(docs.rglob("*")):
        src = PurePosixPath(path.relative_to(docs).as_posix())
        rel = sources.rel(path)
        if any(part.startswith(".") for part in src.parts) or not path.is_file():
            continue  # MkDocs leaves out hidden files and folders
        if src.suffix != ".md":
            if loader.other_file(path, src):
                files.add(src.as_posix())
            continue
        md_pages.add(src.as_posix())
        if src.as_posix() in GENERATED_INDEXES:
            # A list page's own Markdown (front matter and an introduction), rendered above the list.
            loader.page(path)
            pages.append(src.as_posix())
            continue
        section = src.parts[0] if len(src.parts) > 1 else None
        if section in readers:
            if len(src.parts) != 2:
                loader.problem(
                    rel,
                    f"files in {sources.docs_dir}/{section}/ cannot be in a sub-folder",
                    f"move it to {sources.docs_dir}/{section}/{src.name}",
                )
                continue
            read, bucket = readers[section]
            item = read(path)
            if item is not None:
                bucket.append(item)
            continue
        if section == "matchpoint" and src.stem in cluster_ids:
            loader.problem(
                rel,
                f'this page would take the address of the cluster "{src.stem}"',
                "rename the file; cluster pages are made from data/clusters.yaml",
            )
            continue
        loader.page(path)
        pages.append(src.as_posix())
    ids = {
        "cluster": cluster_ids | loader.declared["clusters"],
        "topic": {t.id for t in topics} | loader.declared["topics"],
        "livinglab": {lab.slug for lab in labs},
    }
    # A living lab that failed validation still exists: do not report its references twice.
    ids["livinglab"] |= {p.stem for p in (docs / "livinglabs").glob("*.md") if p.name != "index.md"}
    names: dict[str, dict[str, str]] = {"topic": {}, "cluster": {}, "livinglab": {}}
    for kind, items in (
        ("topic", [(t.label, t.id) for t in topics]),
        ("cluster", [(c.name, c.id) for c in clusters]),
        ("livinglab", [(lab.title, lab.slug) for lab in labs]),
    ):
        for name, ident in items:
            names[kind][" ".join(name.split()).casefold()] = ident
            names[kind].setdefault(slug_hint(name), ident)
    loader.resolve(ids, names)
    generated = set(GENERATED_INDEXES) | {f"matchpoint/{cid}.md" for cid in ids["cluster"]}
    loader.check_links(md_pages, files, generated)
    content = Content(
        events=tuple(sorted(events, key=lambda e: e.sort_key)),
        livinglabs=tuple(sorted(labs, key=lambda lab: lab.slug)),
        newsletter=tuple(sorted(issues, key=lambda i: i.sort_key)),
        clusters=tuple(sorted(clusters, key=lambda c: c.name.casefold())),
        topics=tuple(topics),
        partners=tuple(partners),
        pages=tuple(pages),
        places=places,
        basemap=basemap,
    )
    return content, loader.problems
