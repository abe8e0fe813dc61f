"""Typed content, trusted past the loader: what partners wrote, validated."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterable
from zoneinfo import ZoneInfo

from .countries import COUNTRIES
from .dates import When

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
    body: str
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

    @property
    def url(self) -> str:
        return f"events/{self.slug}/"

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
    def sort_key(self):
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
    body: str
    summary: str
    challenge_owner: str | None = None
    host: str | None = None
    clusters: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    status: str = "running"
    start: When | None = None
    end: When | None = None

    @property
    def url(self) -> str:
        return f"livinglabs/{self.slug}/"

    @property
    def country_name(self) -> str:
        return COUNTRIES[self.country]


@dataclass(frozen=True)
class NewsletterIssue:
    slug: str  # the file name without .md: <YYYY-MM-DD>-<name>
    source: str
    title: str
    date: When
    body: str
    summary: str
    author: str | None = None

    @property
    def url(self) -> str:
        return f"newsletter/{self.slug}/"


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

    @property
    def url(self) -> str:
        return f"matchpoint/{self.id}/"

    @property
    def country_name(self) -> str:
        return COUNTRIES[self.country]

    @property
    def public_contact(self) -> Contact | None:
        """The contact person, only when the cluster consented to publishing it."""
        return self.contact if self.contact_public else None


@dataclass(frozen=True)
class Topic:
    id: str
    label: str


@dataclass(frozen=True)
class Content:
    """Everything partners wrote, validated and cross-checked."""

    events: tuple[Event, ...] = ()
    livinglabs: tuple[LivingLab, ...] = ()
    newsletter: tuple[NewsletterIssue, ...] = ()
    clusters: tuple[Cluster, ...] = ()
    topics: tuple[Topic, ...] = ()
    pages: tuple[str, ...] = field(default=())  # other Markdown pages, as src paths under content/

    def cluster(self, cid: str) -> Cluster:
        return self._clusters[cid]

    def topic_label(self, tid: str) -> str:
        return self._topics[tid].label

    def livinglab(self, slug: str) -> LivingLab:
        return self._labs[slug]

    @property
    def _clusters(self) -> dict[str, Cluster]:
        return _index(self, "clusters", "id")

    @property
    def _topics(self) -> dict[str, Topic]:
        return _index(self, "topics", "id")

    @property
    def _labs(self) -> dict[str, LivingLab]:
        return _index(self, "livinglabs", "slug")


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


def _index(content: Content, name: str, key: str) -> dict:
    cache = content.__dict__.setdefault("_indexes", {})
    if name not in cache:
        cache[name] = {getattr(item, key): item for item in getattr(content, name)}
    return cache[name]
