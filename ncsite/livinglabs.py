"""Living labs: the project's central method, its labs, and the clusters that take part."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, NamedTuple

from .build import Feature, GeneratedPage, PageView
from .countries import COUNTRIES
from .models import Cluster, LivingLab

# What a living lab is and is not, and what the project learned: Markdown, so
# that it is part of the page body the site search indexes.
METHOD_TEXT = "overrides/ncsite/livinglabs-method.md"
STATUS_ORDER = ("running", "planned", "completed")
COULD_JOIN_MAX = 6


class Match(NamedTuple):
    """A cluster that could join a lab, and the lab topics it works on."""

    cluster: Cluster
    shared_topics: tuple[str, ...]


def by_status(labs: Iterable[LivingLab]) -> list[tuple[str, list[LivingLab]]]:
    """Labs grouped running, planned, completed (empty groups left out), each by country, city and title."""
    ordered = sorted(labs, key=lambda lab: (lab.country_name, lab.city, lab.title))
    groups = [(status, [lab for lab in ordered if lab.status == status]) for status in STATUS_ORDER]
    return [(status, group) for status, group in groups if group]


def countries(labs: Iterable[LivingLab]) -> list[tuple[str, str, list[LivingLab]]]:
    """(code, name, labs) for every country with a lab, by name; each country's labs by city and title."""
    out: dict[str, list[LivingLab]] = {}
    for lab in sorted(labs, key=lambda lab: (lab.city, lab.title)):
        out.setdefault(lab.country, []).append(lab)
    return sorted(((code, COUNTRIES[code], group) for code, group in out.items()), key=lambda row: row[1])


def labs_of_cluster(labs: Iterable[LivingLab], cluster_id: str) -> list[LivingLab]:
    """The labs a cluster hosts or takes part in, in the order given."""
    return [lab for lab in labs if lab.host == cluster_id or cluster_id in lab.clusters]


def could_join(lab: LivingLab, clusters: Iterable[Cluster], limit: int = COULD_JOIN_MAX) -> list[Match]:
    """Clusters not yet in the lab whose topics meet the lab's: most shared topics first, then by name."""
    wanted = set(lab.topics)
    taking_part = {lab.host, *lab.clusters}
    matches = []
    for cluster in clusters:
        shared = tuple(t for t in lab.topics if t in cluster.topics)
        if wanted and shared and cluster.id not in taking_part:
            matches.append(Match(cluster, shared))
    matches.sort(key=lambda m: (-len(m.shared_topics), m.cluster.name.casefold(), m.cluster.id))
    return matches[:limit]


def events_of_lab(events, slug: str) -> list:
    """The events that name the lab, in date order (the content's order)."""
    return [e for e in events if e.livinglab == slug]


class LivingLabsFeature(Feature):
    def pages(self):
        method = Path(self.settings.root) / METHOD_TEXT
        yield GeneratedPage("livinglabs/index.md", "Living labs", "livinglabs.html", edit_path=METHOD_TEXT,
                            description="Living labs: how Northern Connections brings challenge owners and SMEs together.",
                            body=method.read_text(encoding="utf-8") if method.is_file() else "")

    def views(self):
        labs = self.content.livinglabs
        views = {"livinglabs/index.md": PageView("livinglabs.html", {
            "labs": labs,
            "labs_by_status": by_status(labs),
            "lab_countries": countries(labs),
        }, METHOD_TEXT)}
        for lab in labs:
            views[f"livinglabs/{lab.slug}.md"] = PageView("livinglab.html", {
                "lab": lab,
                "host": self.content.cluster(lab.host) if lab.host else None,
                "taking_part": [self.content.cluster(cid) for cid in lab.clusters if cid != lab.host],
                "lab_events": events_of_lab(self.content.events, lab.slug),
                # The one place that picks candidate clusters: switch to Matchpoint's ranking here.
                "could_join": could_join(lab, self.content.clusters),
            })
        return views
