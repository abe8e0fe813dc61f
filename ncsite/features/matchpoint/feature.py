"""Matchpoint, the directory of clusters: the feature, and what its pages are made of.

All pure functions over the validated content, each profile made from the cluster's public
view (`public.py`, the one place that decides what of a cluster is published; the exports,
`clusters.json` and `clusters.csv`, are `exports.py`):

- a profile's searchable text and description (`profile_text`, `profile_description`);
- the **directory** (`directory`): cards and facets for `/matchpoint/`;
- a cluster's **living labs** (`cluster_labs`) and, on each profile, its suggested partners
  (the matching itself is `ranking.py`; the search folding `search.py`);
- `MatchpointFeature`: the pages, their views and the export files.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from ncsite.content.countries import COUNTRIES
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
from ncsite.outputs.maps import cluster_map

from . import CLUSTER_PAGES, CLUSTERS_JSON, INDEX, REGISTER_PAGE
from .exports import clusters_csv, clusters_json
from .public import PROJECTS, PublicCluster, public_profile
from .ranking import TopicIndex, suggested_partners

EDIT_PATH = "data/clusters.yaml"
CONTACT_PAGE = "contact/"  # the project's contact route, for a cluster without a sourced website


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

    @property
    def current(self) -> tuple[PublicCluster, ...]:
        """The clusters as they are today: not merged into or renamed as another."""
        return tuple(p for p in self.profiles if p.active)

    @property
    def former(self) -> tuple[PublicCluster, ...]:
        """The clusters that merged or were renamed, listed apart, each with its successor."""
        return tuple(p for p in self.profiles if not p.active)

    @property
    def seeking(self) -> int:
        """How many current profiles say which partners they are looking for (`looking_for`)."""
        return sum(1 for p in self.current if p.looking_for)

    @property
    def with_topics(self) -> int:
        """How many current profiles say what they work on."""
        return sum(1 for p in self.current if p.topics)

    @property
    def common_topics(self) -> tuple[Facet, ...]:
        """The topics clusters work on, most clusters first: the only topics a page offers as an example."""
        return tuple(sorted((f for f in self.topics if f.count), key=lambda f: (-f.count, f.label.casefold())))


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
            ),
            # The partner-written register page, with what Matchpoint can match today (its examples
            # are topics clusters work on, never one with no cluster).
            REGISTER_PAGE: PageView("register.html", {"directory": self.directory}),
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
