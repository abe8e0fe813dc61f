"""Matchpoint's public view of a cluster: the one way cluster data reaches a page or an export.

`public_profile` takes exactly the fields `models.Cluster` declares public (`fields.Public`),
the contact person only with the cluster's consent, and adds what the pages need: the
cluster's address on the site, its country's name, its topics as `Topic`s, and the clusters
it links to (successor, predecessors, the predecessor it took part through).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import FrozenInstanceError, dataclass, fields
from typing import Any

from ncsite.content.dates import MONTH_NAMES
from ncsite.content.fields import ListOf, Ref, declarations, public_fields
from ncsite.content.models import Cluster, Contact, Topic

from .search import folded_words

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


class PublicCluster:
    """What the site publishes about a cluster, read like a record (`profile.name`): the values
    `public_profile` made, nothing else (an undeclared name is an AttributeError, so a template
    cannot reach a field the declaration does not publish)."""

    __slots__ = ("_values",)

    def __init__(self, **values: Any):
        object.__setattr__(self, "_values", values)

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(f"a public cluster has no {name!r}") from None

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to {name!r}: a public cluster is read-only")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PublicCluster) and self._values == other._values

    def __hash__(self) -> int:
        return hash(self.id)

    def __repr__(self) -> str:
        return f"PublicCluster(id={self.id!r})"

    def values(self) -> dict[str, Any]:
        """Every published value by name (a copy)."""
        return dict(self._values)

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


def _published(cluster: Cluster, name: str, consent: str | None) -> Any:
    """A declared field's public value: None without the consent its declaration asks for, and a
    nested record (the contact person) only when something of it is given."""
    value = getattr(cluster, name)
    if consent and not getattr(cluster, consent):
        return None
    if isinstance(value, Contact):
        return value if any(getattr(value, f.name) is not None for f in fields(value)) else None
    return value


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
    values = {name: _published(cluster, name, public.consent) for name, public in public_fields(Cluster).items()}
    # A reference to a topic is published as the topic (its label for pages, its id for the exports).
    for name in _TOPIC_LISTS:
        values[name] = tuple(by_id[t] for t in values[name])
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
    values.update(
        url=cluster.url,
        country_name=cluster.country_name,
        successor=successor,
        predecessors=before,
        project_via=via,
    )
    return PublicCluster(**values)


# The public fields that name topics (lists of topic ids), published as the topics themselves.
_TOPIC_LISTS = tuple(
    name
    for name, declared in declarations(Cluster).items()
    if declared.public
    and isinstance(declared.kind, ListOf)
    and isinstance(declared.kind.item, Ref)
    and declared.kind.item.kind == "topic"
)


def _topic_index(topics: Iterable[Topic]) -> dict[str, Topic]:
    index = {t.id: t for t in topics}
    return _MissingTopics(index)


class _MissingTopics(dict[str, Topic]):
    """Topic lookup that shows an unknown id as itself (the loader reports unknown ids)."""

    def __missing__(self, key: str) -> Topic:
        return Topic(key, key)
