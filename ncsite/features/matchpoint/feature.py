"""Matchpoint, the directory of clusters: the feature, and what its pages and files are made of.

All pure functions over the validated content:

- the **public view** of a cluster (`public_profile`, `PublicCluster`): the one place that
  decides what of a cluster is published. The HTML pages, the directory, the search text,
  `clusters.json` and `clusters.csv` are all made from it, so they never disagree; the
  contact person is in it only when `contact_public` is true;
- the **exports** (`clusters_json`, `clusters_csv`) and a profile's searchable text and
  description (`profile_text`, `profile_description`);
- the **directory** (`directory`): cards and facets for `/matchpoint/`;
- a cluster's **living labs** (`cluster_labs`) and, on each profile, its suggested partners
  (the matching itself is `ranking.py`; the search folding `search.py`).
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from functools import partial
from typing import Any

from ncsite.content.countries import COUNTRIES
from ncsite.content.dates import MONTH_NAMES
from ncsite.content.models import (
    Cluster,
    Content,
    LivingLab,
    Topic,
    events_per_cluster,
    labs_of_cluster,
    predecessors_of,
)
from ncsite.content.paths import address
from ncsite.feature import Feature, GeneratedPage, Output, PageView, Settings
from ncsite.outputs.jsonfile import json_list
from ncsite.outputs.maps import cluster_map

from . import CLUSTER_PAGES, CLUSTERS_JSON, INDEX, REGISTER_PAGE
from .ranking import TopicIndex, suggested_partners
from .search import folded_words

EDIT_PATH = "data/clusters.yaml"
CONTACT_PAGE = "contact/"  # the project's contact route, for a cluster without a sourced website


# -- the public view -----------------------------------------------------------


@dataclass(frozen=True)
class PublicContact:
    name: str | None = None
    role: str | None = None
    email: str | None = None
    phone: str | None = None


# The projects a cluster took part in, in the directory's order, with the filter value of each.
PROJECTS = (
    ("northern-connections", "Northern Connections"),
    ("intra-net", "InTra-Net"),
    ("joined-later", "Joined later"),
)
_PROJECT_VALUE = {"Northern Connections": "northern-connections", "InTra-Net": "intra-net", None: "joined-later"}


@dataclass(frozen=True)
class ClusterLink:
    """Another cluster named on a profile (successor, predecessor), with what happened and when, in words."""

    id: str
    name: str
    url: str
    change: str = ""  # "merged", "renamed", or the part of the work that moved ("its energy activities")
    when: str = ""  # "July 2020", "2018", "9 May 2014"

    @property
    def when_phrase(self) -> str:
        """The date with its preposition: "on 9 May 2014", "in July 2020", "in 2018"; empty without a date."""
        if not self.when:
            return ""
        return f"on {self.when}" if self.when[:1].isdigit() and " " in self.when else f"in {self.when}"


def date_text(iso: str | None) -> str:
    """ "2020" → "2020", "2020-07" → "July 2020", "2014-05-09" → "9 May 2014"."""
    if not iso:
        return ""
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    month = MONTH_NAMES[parts[1] - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{parts[2]} {month} {parts[0]}"


@dataclass(frozen=True)
class PublicCluster:
    """What the site publishes about a cluster: every set field, the contact person only with consent."""

    id: str
    name: str
    country: str
    country_name: str
    url: str  # site path, "matchpoint/<id>/"
    region: str | None = None
    address: str | None = None
    website: str | None = None
    contact: PublicContact | None = None
    founded: int | None = None
    founded_note: str | None = None
    members: int | None = None
    members_note: str | None = None
    industry: str | None = None
    focus: str | None = None
    services: tuple[str, ...] = ()
    topics: tuple[Topic, ...] = ()
    looking_for: tuple[Topic, ...] = ()
    logo: str | None = None
    short_name: str | None = None
    former_names: tuple[str, ...] = ()
    town: str | None = None
    offices: tuple[str, ...] = ()
    members_year: int | None = None
    project: str | None = None  # as written: "Northern Connections", "InTra-Net" or None
    project_via: ClusterLink | None = None  # no project of its own: the predecessor that took part
    nc_role: str | None = None
    status: str = "active"
    status_date: str | None = None
    successor: ClusterLink | None = None
    predecessors: tuple[ClusterLink, ...] = ()
    source: tuple[str, ...] = ()
    as_of: int | None = None

    @property
    def address_lines(self) -> list[str]:
        return [line.strip() for line in (self.address or "").splitlines() if line.strip()]

    @property
    def active(self) -> bool:
        return self.status == "active"

    @property
    def took_part_in(self) -> str | None:
        """The project it took part in, its own or through a predecessor; None: it joined later."""
        return self.project or (self.project_via.change if self.project_via else None)

    @property
    def project_value(self) -> str:
        """The directory filter's value: "northern-connections", "intra-net" or "joined-later"."""
        return _PROJECT_VALUE.get(self.took_part_in, "joined-later")

    @property
    def status_when(self) -> str:
        return date_text(self.status_date)

    @property
    def as_of_text(self) -> str | None:
        """ "Profile as of 2012" for a record of the past (InTra-Net, merged), "Last updated 2020" otherwise."""
        if self.as_of is None:
            return None
        past = self.project == "InTra-Net" or not self.active
        return f"Profile as of {self.as_of}" if past else f"Last updated {self.as_of}"

    @property
    def places(self) -> tuple[str, ...]:
        """The town and the further offices, each once."""
        return tuple(dict.fromkeys(filter(None, (self.town, *self.offices))))

    @property
    def other_names(self) -> tuple[str, ...]:
        """The short name and the former names, each once."""
        return tuple(dict.fromkeys(filter(None, (self.short_name, *self.former_names))))

    @property
    def name_text(self) -> str:
        """The folded names (name, short name, former names): what a name hit is."""
        return folded_words((self.name, self.short_name, *self.former_names))

    @property
    def place_text(self) -> str:
        """The folded towns of its offices: a place hit ranks after a name hit."""
        return folded_words(self.places)

    @property
    def search_text(self) -> str:
        """Everything published that a visitor may search for, folded (see ncsite.features.matchpoint.search)."""
        return folded_words(
            (
                self.name,
                self.short_name,
                *self.former_names,
                self.town,
                *self.offices,
                self.region,
                self.country_name,
                self.industry,
                self.focus,
                *self.services,
                *(t.label for t in self.topics),
                *(t.label for t in self.looking_for),
                self.nc_role,
                self.took_part_in,
                self.founded_note,
                self.successor.name if self.successor else None,
                *(p.name for p in self.predecessors),
            )
        )

    def as_dict(self, absolute_url: str) -> dict[str, Any]:
        """The JSON form: plain values, topic ids, absent fields left out."""
        out: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "url": absolute_url,
            "country": self.country,
            "country_name": self.country_name,
        }
        for key in (
            "short_name",
            "town",
            "region",
            "address",
            "website",
            "founded",
            "founded_note",
            "members",
            "members_year",
            "members_note",
            "industry",
            "focus",
            "project",
            "nc_role",
        ):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        for key in ("former_names", "offices", "services", "source"):
            if getattr(self, key):
                out[key] = list(getattr(self, key))
        if self.topics:
            out["topics"] = [t.id for t in self.topics]
        if self.looking_for:
            out["looking_for"] = [t.id for t in self.looking_for]
        out["status"] = self.status
        if self.status_date:
            out["status_date"] = self.status_date
        if self.successor:
            out["successor"] = self.successor.id
        if self.predecessors:
            out["predecessors"] = [p.id for p in self.predecessors]
        if self.as_of is not None:
            out["as_of"] = self.as_of
        if self.contact:
            out["contact"] = {k: v for k, v in vars(self.contact).items() if v is not None}
        return out


def public_profile(
    cluster: Cluster,
    topics: Iterable[Topic],
    clusters: Mapping[str, Cluster] | None = None,
    predecessors: Sequence[Cluster] = (),
) -> PublicCluster:
    """The public view of one cluster (the only way cluster data reaches a page or an export).

    `clusters` ({id: cluster}) names the successor; `predecessors` are the clusters naming this one as theirs.
    """
    by_id = _topic_index(topics)
    person = cluster.public_contact
    contact = (
        PublicContact(person.name, person.role, person.email, person.phone)
        if person and any((person.name, person.role, person.email, person.phone))
        else None
    )
    clusters = clusters or {}
    successor = None
    if cluster.successor and cluster.successor in clusters:
        other = clusters[cluster.successor]
        successor = ClusterLink(
            other.id, other.name, other.url, cluster.successor_part or cluster.status, date_text(cluster.status_date)
        )
    before = tuple(
        ClusterLink(p.id, p.name, p.url, p.successor_part or p.status, date_text(p.status_date))
        for p in sorted(predecessors, key=lambda c: (c.status_date or "", c.name.casefold()))
    )
    via = None
    if cluster.project is None:
        took_part = [p for p in predecessors if p.project]
        if took_part:
            first = took_part[0]
            via = ClusterLink(first.id, first.name, first.url, first.project or "")
    # Every other field PublicCluster declares is the cluster's own, under the same name: a field
    # reaches pages and exports only once it is declared there (the contact only through consent, above).
    same = {f.name: getattr(cluster, f.name) for f in fields(PublicCluster) if f.name not in _MADE_PUBLIC}
    return PublicCluster(
        **same,
        contact=contact,
        topics=tuple(by_id[t] for t in cluster.topics),
        looking_for=tuple(by_id[t] for t in cluster.looking_for),
        project_via=via,
        successor=successor,
        predecessors=before,
    )


# PublicCluster's fields made by public_profile rather than copied from the cluster.
_MADE_PUBLIC = {"contact", "topics", "looking_for", "project_via", "successor", "predecessors"}


CSV_COLUMNS = (
    "id",
    "name",
    "url",
    "country",
    "country_name",
    "region",
    "address",
    "website",
    "founded",
    "founded_note",
    "members",
    "members_note",
    "industry",
    "focus",
    "services",
    "topics",
    "looking_for",
    "contact_name",
    "contact_role",
    "contact_email",
    "contact_phone",
    "short_name",
    "former_names",
    "town",
    "offices",
    "members_year",
    "project",
    "nc_role",
    "status",
    "status_date",
    "successor",
    "predecessors",
    "source",
    "as_of",
)


def clusters_json(profiles: Iterable[PublicCluster], absolute: Callable[[str], str]) -> bytes:
    """`matchpoint/clusters.json`: a list of public profiles; `absolute(path)` makes URLs absolute."""
    return json_list(p.as_dict(absolute(p.url)) for p in profiles)


def clusters_csv(profiles: Iterable[PublicCluster], absolute: Callable[[str], str]) -> bytes:
    """`matchpoint/clusters.csv`: one row per public profile; lists joined with "; ", topics as labels."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for p in profiles:
        row = p.as_dict(absolute(p.url))
        contact = row.pop("contact", {})
        row.update({f"contact_{k}": v for k, v in contact.items()})
        for key in ("services", "former_names", "offices", "source", "predecessors"):
            row[key] = "; ".join(row.get(key, ()))
        row["topics"] = "; ".join(t.label for t in p.topics)
        row["looking_for"] = "; ".join(t.label for t in p.looking_for)
        writer.writerow({k: _spreadsheet_safe(v) for k, v in row.items()})
    # A byte-order mark, so that spreadsheet programs read the file as UTF-8.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _spreadsheet_safe(value: object) -> object:
    """Text a spreadsheet could run as a formula gets a leading apostrophe (shown as text, the apostrophe hidden).

    Every cell starting with =, +, -, @, tab or return (OWASP's rule): "-2+3+cmd|..." starts like a
    number and is a formula all the same, so no exception is made for phone numbers or amounts.
    """
    if not isinstance(value, str):
        return value
    risky = value[:1] in ("=", "+", "-", "@", "\t", "\r")
    return "'" + value if risky else value


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+\-.!])")  # what Python-Markdown lets a backslash escape


def profile_text(profile: PublicCluster) -> str:
    """The profile as plain Markdown paragraphs, for the site search (never the contact person).

    Every value is escaped, so that no Markdown or HTML in a YAML value can become markup.
    """

    def esc(text: str) -> str:
        return _MD_SPECIAL.sub(r"\\\1", html.escape(" ".join(str(text).split()), quote=False))

    lines = [
        f"{esc(profile.name)}, {esc(', '.join((*profile.places, profile.country_name)))}"
        + (f", {esc(profile.region)}" if profile.region else "")
        + "."
    ]
    for label, value in (
        ("Also known as", "; ".join(filter(None, (profile.short_name, *profile.former_names)))),
        ("Industry", profile.industry),
        ("Focus", profile.focus),
        ("In Northern Connections", profile.nc_role),
        ("Services", "; ".join(profile.services)),
        ("Works on", ", ".join(t.label for t in profile.topics)),
        ("Looking for", ", ".join(t.label for t in profile.looking_for)),
    ):
        if value:
            lines.append(f"{label}: {esc(value)}")
    return "\n\n".join(lines)


def _topic_index(topics: Iterable[Topic]) -> dict[str, Topic]:
    index = {t.id: t for t in topics}
    return _MissingTopics(index)


class _MissingTopics(dict[str, Topic]):
    """Topic lookup that shows an unknown id as itself (the loader reports unknown ids)."""

    def __missing__(self, key: str) -> Topic:
        return Topic(key, key)


# -- what a cluster takes part in ------------------------------------------------


@dataclass(frozen=True)
class LabRole:
    lab: LivingLab
    role: str  # "host" or "taking part"


def cluster_labs(cluster_id: str, labs: Iterable[LivingLab]) -> list[LabRole]:
    """Living labs the cluster hosts or takes part in, in date order (undated last)."""
    roles = [
        LabRole(lab, "host" if lab.host == cluster_id else "taking part") for lab in labs_of_cluster(labs, cluster_id)
    ]
    return sorted(
        roles, key=lambda r: (r.lab.start is None, r.lab.start.date if r.lab.start else None, r.lab.title.casefold())
    )


# -- the directory ---------------------------------------------------------------


@dataclass(frozen=True)
class Facet:
    value: str
    label: str
    count: int
    group: str | None = None


@dataclass(frozen=True)
class Directory:
    profiles: tuple[PublicCluster, ...]  # Northern Connections first, then InTra-Net, then later ones; by name
    countries: tuple[Facet, ...]
    projects: tuple[Facet, ...]
    topics: tuple[Facet, ...]  # every topic of the vocabulary, in its order, with how many clusters work on it

    @property
    def topic_groups(self) -> list[tuple[str, list[Facet]]]:
        """The topics by group, groups in the order they first appear in the vocabulary ("Other": no group)."""
        groups: dict[str, list[Facet]] = {}
        for facet in self.topics:
            groups.setdefault(facet.group or "Other", []).append(facet)
        return list(groups.items())


def directory(clusters: Iterable[Cluster], topics: Iterable[Topic]) -> Directory:
    """Every cluster's public profile, and the facets, counted from the same profiles."""
    topics = tuple(topics)
    clusters = tuple(clusters)
    by_id = {c.id: c for c in clusters}
    before = predecessors_of(clusters)
    order = {value: index for index, (value, _) in enumerate(PROJECTS)}
    profiles = tuple(
        sorted(
            (public_profile(c, topics, by_id, before.get(c.id, ())) for c in clusters),
            key=lambda p: (order[p.project_value], p.name.casefold(), p.id),
        )
    )
    countries = Counter(p.country for p in profiles)
    projects = Counter(p.project_value for p in profiles)
    used = Counter(t.id for p in profiles for t in p.topics)
    return Directory(
        profiles=profiles,
        countries=tuple(
            sorted((Facet(code, COUNTRIES[code], n) for code, n in countries.items()), key=lambda f: f.label.casefold())
        ),
        projects=tuple(Facet(value, label, projects[value]) for value, label in PROJECTS if projects[value]),
        topics=tuple(Facet(t.id, t.label, used[t.id], t.group) for t in topics),
    )


DESCRIPTION_LENGTH = 200  # longer than this, a focus is cut to its first sentence(s) for previews and search results


def profile_description(profile: PublicCluster) -> str:
    """A profile page's description (meta, Open Graph): the cluster's focus, else "name, town, country: industry".

    A long focus keeps its first sentences up to DESCRIPTION_LENGTH, or is cut at a word with "…".
    """
    if not profile.focus:
        place = ", ".join((*profile.places[:1], profile.country_name))
        return f"{profile.name}, {place}" + (f": {profile.industry}" if profile.industry else "")
    text = " ".join(profile.focus.split())
    if len(text) <= DESCRIPTION_LENGTH:
        return text
    kept = ""
    for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9])", text):
        if len(kept) + len(sentence) + 1 > DESCRIPTION_LENGTH:
            break
        kept = f"{kept} {sentence}".strip()
    if kept:
        return kept
    return text[: DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


# -- the feature -------------------------------------------------------------------


class MatchpointFeature(Feature):
    def __init__(self, settings: Settings, content: Content):
        super().__init__(settings, content)
        self.directory = directory(self.content.clusters, self.content.topics)

    def pages(self) -> Iterator[GeneratedPage]:
        yield GeneratedPage(INDEX, "Matchpoint")
        for profile in self.directory.profiles:
            yield GeneratedPage(CLUSTER_PAGES.src_uri(profile.id), profile.name, body=profile_text(profile))

    def views(self) -> dict[str, PageView]:
        views = {
            INDEX: PageView(
                "matchpoint.html",
                {
                    "directory": self.directory,
                    "register_url": address(REGISTER_PAGE),
                    "contact_url": CONTACT_PAGE,
                    "cluster_map": cluster_map(self.content),
                },
                EDIT_PATH,
                description="Matchpoint – the place to find your new project partner.",
            )
        }
        topics = self.content.topics
        profiles = {p.id: p for p in self.directory.profiles}
        events_by_cluster = events_per_cluster(self.content.events)
        candidates = [c for c in self.content.clusters if c.active]  # a merged cluster is no partner any more
        index = TopicIndex.of(candidates, topics)
        for cluster in self.content.clusters:
            views[CLUSTER_PAGES.src_uri(cluster.id)] = PageView(
                "cluster.html",
                {
                    "profile": profiles[cluster.id],
                    "cluster_events": events_by_cluster.get(cluster.id, []),
                    "register_url": address(REGISTER_PAGE),
                    "contact_url": CONTACT_PAGE,
                },
                EDIT_PATH,
                description=profile_description(profiles[cluster.id]),
                later=partial(self.partners_and_labs, cluster, candidates, index),
            )
        return views

    def partners_and_labs(self, cluster: Cluster, candidates: Sequence[Cluster], index: TopicIndex) -> dict[str, Any]:
        """A profile's partner suggestions and living labs, made as its page renders (not held for the build)."""
        return {
            "partners": suggested_partners(cluster, candidates, self.content.topics, index=index)
            if cluster.active
            else [],
            "cluster_labs": cluster_labs(cluster.id, self.content.livinglabs),
        }

    def outputs(self, rendered: Mapping[str, str]) -> Iterator[Output]:
        profiles = self.directory.profiles
        yield Output(CLUSTERS_JSON, clusters_json(profiles, self.settings.absolute))
        yield Output("matchpoint/clusters.csv", clusters_csv(profiles, self.settings.absolute))
