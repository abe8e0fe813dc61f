"""Living labs: the project's central method, its labs, and the clusters that take part."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ncsite.content.countries import COUNTRIES
from ncsite.content.models import LivingLab, events_of_lab
from ncsite.feature import Feature, GeneratedPage, PageView
from ncsite.features.matchpoint.ranking import rank_by_topics
from ncsite.outputs.maps import lab_map

from . import INDEX

# What a living lab is and is not, and what the project learned, is the Markdown of
# content/livinglabs/index.md (the page's introduction, found by the site search).
STATUS_ORDER = ("running", "planned", "completed")
COULD_JOIN_MAX = 6


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


class LivingLabsFeature(Feature):
    def pages(self) -> Iterator[GeneratedPage]:
        yield GeneratedPage(INDEX, "Living labs")

    def views(self) -> dict[str, PageView]:
        labs = self.content.livinglabs
        views = {
            INDEX: PageView(
                "livinglabs.html",
                {
                    "labs": labs,
                    "labs_by_status": by_status(labs),
                    "lab_countries": countries(labs),
                    "lab_map": lab_map(self.content),
                },
                description="Living labs: how Northern Connections brings challenge owners and SMEs together.",
            )
        }
        for lab in labs:
            views[lab.src_uri] = PageView(
                "livinglab.html",
                {
                    "lab": lab,
                    "host": self.content.cluster(lab.host) if lab.host else None,
                    "taking_part": [self.content.cluster(cid) for cid in lab.clusters if cid != lab.host],
                    "lab_events": events_of_lab(self.content.events, lab.slug),
                    "could_join": rank_by_topics(
                        [c for c in self.content.clusters if c.active],  # a merged cluster is no partner any more
                        lab.topics,
                        self.content.topics,
                        abroad_from=lab.country,
                        exclude=(*lab.clusters, *([lab.host] if lab.host else [])),
                        limit=COULD_JOIN_MAX,
                    ),
                },
                description=lab.summary,
            )
        return views
