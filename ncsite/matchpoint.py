"""Matchpoint: the directory of clusters, and who could be whose project partner.

Three parts, all pure functions over the validated content:

- the **public view** of a cluster (`public_profile`): the one place that decides
  what of a cluster is published. The HTML pages, the directory, the search text,
  `clusters.json` and `clusters.csv` are all made from it, so they never disagree;
  the contact person is in it only when `contact_public` is true;
- the **matching** (`rank_by_topics`, `suggested_partners`), returning `Match`es
  with a score and the reasons in words. Living labs reuse `rank_by_topics` to
  find clusters that could join a lab;
- the **directory** (`directory`): cards and facets for `/matchpoint/`.

Matching API (stable; other features call it):

    rank_by_topics(clusters, wanted, topics, *, abroad_from=None, exclude=(), limit=None) -> list[Match]
    suggested_partners(cluster, clusters, topics, *, limit=SUGGESTIONS) -> list[Match]
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Iterable, Mapping

from .feature import Feature, GeneratedPage, Output, PageView
from .countries import COUNTRIES
from .maps import cluster_map
from .models import Cluster, LivingLab, Topic, events_per_cluster, labs_of_cluster
from .ranking import OFFERS, SEEKS, SHARES, SUGGESTIONS, Match, Reason, TopicIndex, rank_by_topics, suggested_partners

__all__ = ["OFFERS", "SEEKS", "SHARES", "SUGGESTIONS", "Match", "Reason", "TopicIndex", "rank_by_topics",
           "suggested_partners", "public_profile", "directory", "MatchpointFeature"]

EDIT_PATH = "data/clusters.yaml"
REGISTER_PAGE = "matchpoint/register.md"  # content/matchpoint/register.md, written by hand


# -- the public view -----------------------------------------------------------


@dataclass(frozen=True)
class PublicContact:
    name: str | None = None
    role: str | None = None
    email: str | None = None
    phone: str | None = None


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

    @property
    def address_lines(self) -> list[str]:
        return [line.strip() for line in (self.address or "").splitlines() if line.strip()]

    @property
    def sparse(self) -> bool:
        """Only the required fields (and perhaps topics) are set: the profile is still to be written."""
        return not any((self.region, self.address, self.website, self.contact, self.founded, self.members,
                        self.industry, self.focus, self.services, self.looking_for))

    @property
    def search_text(self) -> str:
        """What the directory's text search looks in: name, focus and services, lowercased."""
        return " ".join(" ".join(filter(None, (self.name, self.focus, *self.services))).split()).casefold()

    def as_dict(self, absolute_url: str) -> dict:
        """The JSON form: plain values, topic ids, absent fields left out."""
        out: dict = {"id": self.id, "name": self.name, "url": absolute_url,
                     "country": self.country, "country_name": self.country_name}
        for key in ("region", "address", "website", "founded", "founded_note", "members", "members_note",
                    "industry", "focus"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        if self.services:
            out["services"] = list(self.services)
        if self.topics:
            out["topics"] = [t.id for t in self.topics]
        if self.looking_for:
            out["looking_for"] = [t.id for t in self.looking_for]
        if self.contact:
            out["contact"] = {k: v for k, v in vars(self.contact).items() if v is not None}
        return out


def public_profile(cluster: Cluster, topics: Iterable[Topic]) -> PublicCluster:
    """The public view of one cluster (the only way cluster data reaches a page or an export)."""
    by_id = _topic_index(topics)
    person = cluster.public_contact
    contact = PublicContact(person.name, person.role, person.email, person.phone) if person and any(
        (person.name, person.role, person.email, person.phone)) else None
    return PublicCluster(
        id=cluster.id, name=cluster.name, country=cluster.country, country_name=COUNTRIES[cluster.country],
        url=cluster.url, region=cluster.region, address=cluster.address, website=cluster.website,
        contact=contact, founded=cluster.founded, founded_note=cluster.founded_note, members=cluster.members,
        members_note=cluster.members_note, industry=cluster.industry, focus=cluster.focus,
        services=cluster.services, topics=tuple(by_id[t] for t in cluster.topics),
        looking_for=tuple(by_id[t] for t in cluster.looking_for), logo=cluster.logo)


CSV_COLUMNS = ("id", "name", "url", "country", "country_name", "region", "address", "website", "founded",
               "founded_note", "members", "members_note", "industry", "focus", "services", "topics", "looking_for",
               "contact_name", "contact_role", "contact_email", "contact_phone")


def clusters_json(profiles: Iterable[PublicCluster], absolute) -> bytes:
    """`matchpoint/clusters.json`: a list of public profiles; `absolute(path)` makes URLs absolute."""
    data = [p.as_dict(absolute(p.url)) for p in profiles]
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def clusters_csv(profiles: Iterable[PublicCluster], absolute) -> bytes:
    """`matchpoint/clusters.csv`: one row per public profile; lists joined with "; ", topics as labels."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for p in profiles:
        row = p.as_dict(absolute(p.url))
        contact = row.pop("contact", {})
        row.update({f"contact_{k}": v for k, v in contact.items()})
        row["services"] = "; ".join(p.services)
        row["topics"] = "; ".join(t.label for t in p.topics)
        row["looking_for"] = "; ".join(t.label for t in p.looking_for)
        writer.writerow({k: _spreadsheet_safe(v) for k, v in row.items()})
    # A byte-order mark, so that spreadsheet programs read the file as UTF-8.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _spreadsheet_safe(value):
    """Text a spreadsheet would run as a formula ("=...", "@...") gets a leading apostrophe."""
    if not isinstance(value, str):
        return value
    risky = value[:1] in ("=", "@", "\t", "\r") or (value[:1] in ("+", "-") and not re.match(r"[+-][\d\s(]", value))
    return "'" + value if risky else value


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+\-.!])")  # what Python-Markdown lets a backslash escape


def profile_text(profile: PublicCluster) -> str:
    """The profile as plain Markdown paragraphs, for the site search (never the contact person).

    Every value is escaped, so that no Markdown or HTML in a YAML value can become markup.
    """
    def esc(text: str) -> str:
        return _MD_SPECIAL.sub(r"\\\1", html.escape(" ".join(str(text).split()), quote=False))

    lines = [f"{esc(profile.name)}, {esc(profile.country_name)}" +
             (f", {esc(profile.region)}" if profile.region else "") + "."]
    for label, value in (("Industry", profile.industry), ("Focus", profile.focus),
                         ("Services", "; ".join(profile.services)),
                         ("Works on", ", ".join(t.label for t in profile.topics)),
                         ("Looking for", ", ".join(t.label for t in profile.looking_for))):
        if value:
            lines.append(f"{label}: {esc(value)}")
    return "\n\n".join(lines)


def _topic_index(topics: Iterable[Topic]) -> dict[str, Topic]:
    index = {t.id: t for t in topics}
    return _MissingTopics(index)


class _MissingTopics(dict):
    """Topic lookup that shows an unknown id as itself (the loader reports unknown ids)."""

    def __missing__(self, key):
        return Topic(key, key)


# -- what a cluster takes part in ------------------------------------------------


@dataclass(frozen=True)
class LabRole:
    lab: LivingLab
    role: str  # "host" or "taking part"


def cluster_labs(cluster_id: str, labs: Iterable[LivingLab]) -> list[LabRole]:
    """Living labs the cluster hosts or takes part in, in date order (undated last)."""
    roles = [LabRole(lab, "host" if lab.host == cluster_id else "taking part")
             for lab in labs_of_cluster(labs, cluster_id)]
    return sorted(roles, key=lambda r: (r.lab.start is None, r.lab.start.date if r.lab.start else None,
                                        r.lab.title.casefold()))


# -- the directory ---------------------------------------------------------------


@dataclass(frozen=True)
class Facet:
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class Directory:
    profiles: tuple[PublicCluster, ...]  # sorted by name
    countries: tuple[Facet, ...]
    industries: tuple[Facet, ...]
    topics: tuple[Facet, ...]  # topics some cluster works on, in the vocabulary's order


def directory(clusters: Iterable[Cluster], topics: Iterable[Topic]) -> Directory:
    topics = tuple(topics)
    profiles = tuple(sorted((public_profile(c, topics) for c in clusters),
                            key=lambda p: (p.name.casefold(), p.id)))
    countries = Counter(p.country for p in profiles)
    industries = Counter(p.industry for p in profiles if p.industry)
    used = Counter(t.id for p in profiles for t in p.topics)
    return Directory(
        profiles=profiles,
        countries=tuple(sorted((Facet(code, COUNTRIES[code], n) for code, n in countries.items()),
                               key=lambda f: f.label.casefold())),
        industries=tuple(sorted((Facet(name, name, n) for name, n in industries.items()),
                                key=lambda f: f.label.casefold())),
        topics=tuple(Facet(t.id, t.label, used[t.id]) for t in topics if used[t.id]),
    )


# -- the feature -------------------------------------------------------------------


class MatchpointFeature(Feature):
    def __init__(self, settings, content):
        super().__init__(settings, content)
        self.directory = directory(self.content.clusters, self.content.topics)

    def pages(self):
        yield GeneratedPage("matchpoint/index.md", "Matchpoint", "matchpoint.html", edit_path=EDIT_PATH,
                            description="Matchpoint – the place to find your new project partner.")
        for profile in self.directory.profiles:
            description = f"{profile.name}, {profile.country_name}" + (f": {profile.industry}" if profile.industry else "")
            yield GeneratedPage(f"matchpoint/{profile.id}.md", profile.name, "cluster.html",
                                body=profile_text(profile), edit_path=EDIT_PATH,
                                description=description)

    def views(self):
        views = {"matchpoint/index.md": PageView("matchpoint.html", {
            "directory": self.directory, "register_url": "matchpoint/register/",
            "cluster_map": cluster_map(self.content),
        }, EDIT_PATH)}
        topics = self.content.topics
        profiles = {p.id: p for p in self.directory.profiles}
        events_by_cluster = events_per_cluster(self.content.events)
        index = TopicIndex.of(self.content.clusters)
        for cluster in self.content.clusters:
            views[f"matchpoint/{cluster.id}.md"] = PageView("cluster.html", {
                "profile": profiles[cluster.id],
                "partners": suggested_partners(cluster, self.content.clusters, topics, index=index),
                "cluster_events": events_by_cluster.get(cluster.id, []),
                "cluster_labs": cluster_labs(cluster.id, self.content.livinglabs),
                "register_url": "matchpoint/register/",
            }, EDIT_PATH)
        return views

    def outputs(self, rendered):
        profiles = self.directory.profiles
        yield Output("matchpoint/clusters.json", clusters_json(profiles, self.settings.absolute))
        yield Output("matchpoint/clusters.csv", clusters_csv(profiles, self.settings.absolute))
