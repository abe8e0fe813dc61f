"""Typed content, trusted past the loader: what partners wrote, validated."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from .countries import COUNTRIES
from .dates import When
from .paths import address
from .places import Basemap, Gazetteer

PROJECT = "Northern Connections"  # the project this site is of; events of its predecessors name theirs


@dataclass(frozen=True)
class Location:
    venue: str | None = None
    address: str | None = None
    city: str | None = None
    country: str | None = None

    @property
    def country_name(self) -> str | None:
        return COUNTRIES.get(self.country) if self.country else None


@dataclass(frozen=True)
class Event:
    slug: str
    source: str  # path relative to the project root
    title: str
    type: str
    start: When
    timezone: str
    summary: str
    end: When | None = None
    location: Location | None = None
    online: str | bool | None = None  # the address, or True: online, address not known
    attendance: str | None = None  # as written; see `attendance_mode`
    status: str = "scheduled"
    project: str = PROJECT
    organisers: tuple[str, ...] = ()
    clusters: tuple[str, ...] = ()
    livinglab: str | tuple[str, ...] | None = None  # as written: one slug or several
    registration: str | None = None
    timezone_from: str = "event"  # where the time zone comes from: "event" (its field), "country" or "site"

    @property
    def src_uri(self) -> str:
        """The page's path under content/ (its address is the same without ".md")."""
        return f"events/{self.slug}.md"

    @property
    def url(self) -> str:
        return address(self.src_uri)

    @property
    def month_only(self) -> bool:
        return self.start.day is None

    @property
    def livinglabs(self) -> tuple[str, ...]:
        """The slugs of the living labs the event served."""
        if self.livinglab is None:
            return ()
        return (self.livinglab,) if isinstance(self.livinglab, str) else self.livinglab

    @property
    def online_url(self) -> str | None:
        """The address of the online event, when one is known."""
        return self.online if isinstance(self.online, str) else None

    @property
    def attendance_mode(self) -> str:
        """How people took part: "in-person", "online" or "hybrid" (as written, else from location and online)."""
        if self.attendance:
            return self.attendance
        if self.online:
            return "hybrid" if self.location else "online"
        return "in-person"

    @property
    def earlier_project(self) -> bool:
        """True for an event of a predecessor project (InTra-Net), not of Northern Connections itself."""
        return self.project != PROJECT

    @property
    def confirmed(self) -> bool:
        """Scheduled: neither cancelled, postponed nor only planned (tentative)."""
        return self.status == "scheduled"

    @property
    def last_day(self) -> dt.date:
        """The last day the event covers (inclusive): the end's day, or the start's."""
        return (self.end or self.start).last_date

    @property
    def sort_key(self) -> tuple[dt.date, dt.time, str]:
        return (self.start.date, self.start.time or dt.time(0), self.slug)

    @property
    def timed(self) -> bool:
        """True when the start has a local time (the event is not all-day)."""
        return self.start.time is not None

    @property
    def starts_at(self) -> dt.datetime:
        """The start as a moment in the event's time zone (midnight for a day or a month)."""
        return self.start.local(self.timezone)

    @property
    def ends_at(self) -> dt.datetime:
        """The moment the event is over: the end time, else midnight after its last day."""
        if self.end is not None and self.end.time is not None:
            return self.end.local(self.timezone)
        following = self.last_day + dt.timedelta(days=1)
        return dt.datetime.combine(following, dt.time(0), ZoneInfo(self.timezone))


@dataclass(frozen=True)
class LivingLab:
    slug: str
    source: str
    title: str
    city: str
    country: str
    summary: str
    challenge_owner: str | None = None
    host: str | None = None
    clusters: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    status: str = "running"
    start: When | None = None
    end: When | None = None
    outcome: str | None = None  # what came out of it, once known

    @property
    def src_uri(self) -> str:
        """The page's path under content/ (its address is the same without ".md")."""
        return f"livinglabs/{self.slug}.md"

    @property
    def url(self) -> str:
        return address(self.src_uri)

    @property
    def country_name(self) -> str:
        return COUNTRIES[self.country]


@dataclass(frozen=True)
class NewsletterIssue:
    slug: str  # the file name without .md: <YYYY-MM-DD>-<name>
    source: str
    title: str
    date: When
    summary: str
    author: str | None = None

    @property
    def src_uri(self) -> str:
        """The page's path under content/ (its address is the same without ".md")."""
        return f"newsletter/{self.slug}.md"

    @property
    def url(self) -> str:
        return address(self.src_uri)

    @property
    def sort_key(self) -> tuple[dt.date, dt.time, str]:
        """Oldest first: by date, then time (none counts as midnight), then file name."""
        return (self.date.date, self.date.time or dt.time(0), self.slug)


@dataclass(frozen=True)
class Contact:
    name: str | None = None
    role: str | None = None
    email: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class Cluster:
    id: str
    name: str
    country: str
    line: int  # where the entry starts in data/clusters.yaml
    region: str | None = None
    address: str | None = None
    website: str | None = None
    contact: Contact | None = None
    contact_public: bool = False
    founded: int | None = None
    founded_note: str | None = None
    members: int | None = None
    members_note: str | None = None
    industry: str | None = None
    focus: str | None = None
    services: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    looking_for: tuple[str, ...] = ()
    logo: str | None = None
    short_name: str | None = None
    former_names: tuple[str, ...] = ()
    town: str | None = None
    offices: tuple[str, ...] = ()
    members_year: int | None = None
    project: str | None = None  # "Northern Connections", "InTra-Net", or None: joined later (register form)
    nc_role: str | None = None
    status: str = "active"  # "active", "merged" or "renamed"
    status_date: str | None = None  # ISO at the source's precision: "2020", "2020-07" or "2020-07-01"
    successor: str | None = None  # cluster id
    successor_part: str | None = None  # for an active cluster: the part of its work that went to the successor
    source: tuple[str, ...] = ()
    as_of: int | None = None

    @property
    def url(self) -> str:
        return f"matchpoint/{self.id}/"

    @property
    def active(self) -> bool:
        return self.status == "active"

    @property
    def country_name(self) -> str:
        return COUNTRIES[self.country]

    @property
    def public_contact(self) -> Contact | None:
        """The contact person, only when the cluster consented to publishing it."""
        return self.contact if self.contact_public else None


@dataclass(frozen=True)
class Partner:
    """A project partner of Northern Connections (data/partners.yaml)."""

    id: str
    name: str
    country: str
    line: int  # where the entry starts in data/partners.yaml
    short_name: str | None = None
    town: str | None = None
    website: str | None = None
    lead: bool = False
    cluster: str | None = None  # the id of its Matchpoint profile

    @property
    def country_name(self) -> str:
        return COUNTRIES[self.country]

    @property
    def label(self) -> str:
        """The name readers know it by: the short name where there is one."""
        return self.short_name or self.name


@dataclass(frozen=True)
class Topic:
    id: str
    label: str
    group: str | None = None  # neighbouring topics share a group


@dataclass(frozen=True)
class Content:
    """Everything partners wrote, validated and cross-checked."""

    events: tuple[Event, ...] = ()
    livinglabs: tuple[LivingLab, ...] = ()
    newsletter: tuple[NewsletterIssue, ...] = ()
    clusters: tuple[Cluster, ...] = ()
    topics: tuple[Topic, ...] = ()
    partners: tuple[Partner, ...] = ()  # in the order of data/partners.yaml
    pages: tuple[str, ...] = field(default=())  # other Markdown pages, as src paths under content/
    # Lookups by id, made once with the content (derived, so not compared or shown).
    _clusters: dict[str, Cluster] = field(init=False, repr=False, compare=False)
    _topics: dict[str, Topic] = field(init=False, repr=False, compare=False)
    _labs: dict[str, LivingLab] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # The documented way to set derived fields of a frozen dataclass.
        object.__setattr__(self, "_clusters", {c.id: c for c in self.clusters})
        object.__setattr__(self, "_topics", {t.id: t for t in self.topics})
        object.__setattr__(self, "_labs", {lab.slug: lab for lab in self.livinglabs})

    places: Gazetteer = field(default_factory=Gazetteer)  # where towns are, for the maps
    basemap: Basemap | None = None  # the maps' coastlines and borders

    def cluster(self, cid: str) -> Cluster:
        return self._clusters[cid]

    def topic_label(self, tid: str) -> str:
        return self._topics[tid].label

    def livinglab(self, slug: str) -> LivingLab:
        return self._labs[slug]


def events_of_cluster(events: Iterable[Event], cluster_id: str) -> list[Event]:
    """The events naming the cluster in their `clusters`, in the order given (the content's is by date)."""
    return [e for e in events if cluster_id in e.clusters]


def events_per_cluster(events: Iterable[Event]) -> dict[str, list[Event]]:
    """`events_of_cluster` for every cluster at once, in one pass: {cluster id: events}."""
    out: dict[str, list[Event]] = {}
    for event in events:
        for cluster_id in dict.fromkeys(event.clusters):
            out.setdefault(cluster_id, []).append(event)
    return out


def events_of_lab(events: Iterable[Event], slug: str) -> list[Event]:
    """The events whose `livinglab` names the lab, in the order given."""
    return [e for e in events if slug in e.livinglabs]


def labs_of_cluster(labs: Iterable[LivingLab], cluster_id: str) -> list[LivingLab]:
    """The labs a cluster hosts or takes part in, in the order given."""
    return [lab for lab in labs if lab.host == cluster_id or cluster_id in lab.clusters]


def predecessors_of(clusters: Iterable[Cluster]) -> dict[str, list[Cluster]]:
    """{successor id: the clusters that merged into it, were renamed to it, or handed part of their work to it}."""
    out: dict[str, list[Cluster]] = {}
    for cluster in clusters:
        if cluster.successor:
            out.setdefault(cluster.successor, []).append(cluster)
    return out
