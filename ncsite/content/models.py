"""Typed content, trusted past the loader: what partners wrote, validated.

Each kind of record is declared here once, field by field (`fields.declared`): its kind,
help text and, for a cluster, whether the site publishes it. The specs that check the files
and make their JSON Schemas (`EVENT`, `LIVINGLAB`, `NEWSLETTER`, `CLUSTER`, `TOPIC`,
`PARTNER`) are made from these declarations; so is Matchpoint's public view of a cluster."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import MISSING, dataclass, field
from zoneinfo import ZoneInfo

from . import fields as F
from .countries import COUNTRIES
from .dates import DAY, MONTH, TIME, When
from .fields import PUBLIC, Public, declared
from .paths import address
from .places import Basemap, Gazetteer

PROJECT = "Northern Connections"  # the project this site is of; events of its predecessors name theirs


@dataclass(frozen=True)
class Location:
    """Where an event takes place (its `location:` block), declared field by field."""

    venue: str | None = declared(F.Text(), "the building or room")
    address: str | None = declared(F.Text(), "street and number")
    city: str | None = declared(F.Text(), "the city")
    country: str | None = declared(F.Country(), "the two-letter country code, e.g. DK")

    @property
    def country_name(self) -> str | None:
        return COUNTRIES.get(self.country) if self.country else None


LOCATION = F.record_of(Location)  # an event's `location:` block


@dataclass(frozen=True, kw_only=True)
class Event:
    """An event (content/events/<slug>.md): its front matter declared field by field, and what
    the reader adds (the slug, the file, where the time zone comes from)."""

    slug: str
    source: str  # path relative to the project root
    title: str = declared(F.Text(), "the event's name", required=True)
    type: str = declared(F.Choice(F.EVENT_TYPES), "the kind of event: " + ", ".join(F.EVENT_TYPES), required=True)
    start: When = declared(
        F.WhenKind(),
        'the first day, e.g. "2017-06-12", "2017-06-12T10:00", or "2017-12" if only the month is known',
        required=True,
    )
    end: When | None = declared(F.WhenKind(), "the last day (inclusive) or the end time, in the same form as start")
    # Optional to write; always set once read (the event's, its country's or the site's zone).
    timezone: str = declared(F.Timezone(), "IANA time zone of the times given, e.g. Europe/Copenhagen", default=MISSING)
    location: Location | None = declared(LOCATION, "venue, address, city and country")
    # The address, or True: online, address not known.
    online: str | bool | None = declared(
        F.OnlineAddress(),
        "address of the online or hybrid event, or true if it is online and its address is not known",
    )
    attendance: str | None = declared(  # as written; see `attendance_mode`
        F.Choice(F.ATTENDANCE),
        "in-person, online or hybrid; by default hybrid when both "
        "location and online are given, online when only online is given",
    )
    status: str = declared(
        F.Choice(F.EVENT_STATUSES),
        "scheduled (default), cancelled, postponed, or tentative (planned, never confirmed)",
        default="scheduled",
    )
    project: str = declared(
        F.Choice(F.EVENT_PROJECTS),
        "Northern Connections (default), or InTra-Net for an event of that earlier project",
        default=PROJECT,
    )
    organisers: tuple[str, ...] = declared(F.ListOf(F.Text()), "the organising organisations, one per line", default=())
    clusters: tuple[str, ...] = declared(
        F.ListOf(F.Ref("cluster")), "ids of taking-part clusters from data/clusters.yaml", default=()
    )
    livinglab: str | tuple[str, ...] | None = declared(  # as written: one slug or several
        F.OneOrList(F.Ref("livinglab")),
        "the slug of the living lab this event belongs to, or a list of slugs when it served several labs",
    )
    registration: str | None = declared(F.Url(), "address of the registration page")
    # Optional to write; always set once read (the first paragraph by default).
    summary: str = declared(F.Text(), "one or two sentences for lists and feeds", default=MISSING)
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


# The front matter of an event (validation and JSON Schema), made from its declaration.
EVENT = F.record_of(Event, rules=(F.end_not_before_start, F.attendance_matches_online))


@dataclass(frozen=True, kw_only=True)
class LivingLab:
    """A living lab (content/livinglabs/<slug>.md): its front matter declared field by field."""

    slug: str
    source: str
    title: str = declared(F.Text(), "the lab's name", required=True)
    city: str = declared(F.Text(), "the city where the lab takes place", required=True)
    country: str = declared(F.Country(), "the two-letter country code, e.g. DK", required=True)
    challenge_owner: str | None = declared(F.Text(), "the city, region or developer that brings the challenge")
    host: str | None = declared(F.Ref("cluster"), "id of the cluster that runs the lab")
    clusters: tuple[str, ...] = declared(F.ListOf(F.Ref("cluster")), "ids of taking-part clusters", default=())
    topics: tuple[str, ...] = declared(F.ListOf(F.Ref("topic")), "topic ids from data/topics.yaml", default=())
    status: str = declared(F.Choice(F.LAB_STATUSES), "planned, running (default) or completed", default="running")
    start: When | None = declared(F.WhenKind((MONTH, DAY)), '"YYYY-MM-DD" or "YYYY-MM"')
    end: When | None = declared(F.WhenKind((MONTH, DAY)), '"YYYY-MM-DD" or "YYYY-MM"')
    # Optional to write; always set once read (the first paragraph by default).
    summary: str = declared(F.Text(), "one or two sentences for lists", default=MISSING)
    outcome: str | None = declared(  # what came out of it, once known
        F.Text(), "what came out of the lab, in one or two sentences, once it is known"
    )

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


LIVINGLAB = F.record_of(LivingLab, rules=(F.end_not_before_start,))  # a living lab's front matter


@dataclass(frozen=True, kw_only=True)
class NewsletterIssue:
    """A newsletter issue (content/newsletter/<YYYY-MM-DD>-<name>.md): its front matter declared field by field."""

    slug: str  # the file name without .md: <YYYY-MM-DD>-<name>
    source: str
    title: str = declared(F.Text(), "the issue's title", required=True)
    date: When = declared(F.WhenKind((DAY, TIME)), 'the publication date, e.g. "2019-05-08"', required=True)
    # Optional to write; always set once read (the first paragraph by default).
    summary: str = declared(F.Text(), "one or two sentences for the archive and the feed", default=MISSING)
    author: str | None = declared(F.Text(), "who wrote the issue")

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

    def published_by(self, today: dt.date) -> bool:
        """Whether a build on `today` publishes the issue (one dated in the future waits for its day)."""
        return self.date.date <= today

    def far_ahead(self, today: dt.date) -> str | None:
        """A note when the issue is dated more than a year after `today` (most likely a wrong year).

        A note, not a problem: the issue simply waits, and a build made as of an earlier day
        (SOURCE_DATE_EPOCH) must not fail on what was written later."""
        if self.date.date <= today + dt.timedelta(days=365):
            return None
        return (
            f"{self.source}: the issue is dated {self.date}, more than a year ahead: no build publishes it "
            "before then; check the year, in the date and in the file name"
        )


NEWSLETTER = F.record_of(NewsletterIssue)  # a newsletter issue's front matter


@dataclass(frozen=True)
class Contact:
    """A cluster's contact person, published only with the cluster's consent (`contact_public`)."""

    name: str | None = declared(F.Text(), "the contact person's name", public=PUBLIC)
    role: str | None = declared(F.Text(), "their role", public=PUBLIC)
    email: str | None = declared(F.Email(), "their e-mail address", public=PUBLIC)
    phone: str | None = declared(F.Text(), "their phone number, with country code", public=PUBLIC)


CONTACT = F.record_of(Contact)  # the block `contact:` of a cluster


@dataclass(frozen=True)
class Cluster:
    """A cluster organisation of data/clusters.yaml, and the one declaration of its fields: each
    field's kind and help (the validation, CLUSTER, and the JSON Schema are made from them) and
    whether the site publishes it (Matchpoint's public view, its pages, clusters.json and
    clusters.csv take exactly the fields marked public)."""

    id: str = declared(F.Slug(), "a permanent lowercase id, e.g. offshore-center-denmark", required=True, public=PUBLIC)
    name: str = declared(F.Text(), "the cluster organisation's name", required=True, public=PUBLIC)
    country: str = declared(F.Country(), "the two-letter country code, e.g. DK", required=True, public=PUBLIC)
    line: int = 0  # where the entry starts in data/clusters.yaml (set by the reader; not a field partners write)
    region: str | None = declared(F.Text(), "region or city", public=PUBLIC)
    address: str | None = declared(F.Text(), "postal address; may span lines", public=PUBLIC)
    website: str | None = declared(F.Url(), "the website, starting with https://", public=PUBLIC)
    contact: Contact | None = declared(
        CONTACT,
        "the contact: the organisation's general address, or a person who agreed to be published",
        public=Public(consent="contact_public"),
    )
    contact_public: bool = declared(
        F.Boolean(),
        "true to publish the contact (a person only with their consent); without it, no name, e-mail or phone",
        default=False,
    )
    founded: int | None = declared(
        F.Integer(1800, 2100, "2005", not_after_this_year=True), "the year founded", public=PUBLIC
    )
    founded_note: str | None = declared(F.Text(), "more about the founding", public=PUBLIC)
    members: int | None = declared(F.Integer(0, 1_000_000, "75"), "the number of members", public=PUBLIC)
    members_note: str | None = declared(F.Text(), "more about the members", public=PUBLIC)
    industry: str | None = declared(F.Text(), "the industry", public=PUBLIC)
    focus: str | None = declared(F.Text(), "the focus business areas", public=PUBLIC)
    services: tuple[str, ...] = declared(
        F.ListOf(F.Text()), "services offered, one per line", default=(), public=PUBLIC
    )
    topics: tuple[str, ...] = declared(
        F.ListOf(F.Ref("topic")), "topic ids the cluster works on", default=(), public=PUBLIC
    )
    looking_for: tuple[str, ...] = declared(
        F.ListOf(F.Ref("topic")), "topic ids of partners the cluster is looking for", default=(), public=PUBLIC
    )
    # Shown on its page; the exports carry the cluster's data, not the site's image files.
    logo: str | None = declared(
        F.Text(),
        "the logo: path of an image file under content/, e.g. matchpoint/x-logo.png",
        public=Public(exports=False),
    )
    short_name: str | None = declared(F.Text(), "the short name or acronym people search for, e.g. EEHH", public=PUBLIC)
    former_names: tuple[str, ...] = declared(
        F.ListOf(F.Text()), "earlier names of the cluster, one per line", default=(), public=PUBLIC
    )
    town: str | None = declared(F.Text(), "the town of its (head) office, e.g. Esbjerg", public=PUBLIC)
    offices: tuple[str, ...] = declared(
        F.ListOf(F.Text()), "towns of further offices, one per line", default=(), public=PUBLIC
    )
    members_year: int | None = declared(
        F.Integer(1900, 2100, "2016"), "the year the member count is from", public=PUBLIC
    )
    # "Northern Connections", "InTra-Net", or None: joined later (register form)
    project: str | None = declared(
        F.Choice(F.CLUSTER_PROJECTS),
        "the project it took part in: Northern Connections or InTra-Net; leave out if it joined later",
        public=PUBLIC,
    )
    nc_role: str | None = declared(
        F.Text(), "its part in Northern Connections: living labs hosted, working groups", public=PUBLIC
    )
    status: str = declared(
        F.Choice(F.CLUSTER_STATUSES), "active (default), merged or renamed", default="active", public=PUBLIC
    )
    # ISO at the source's precision: "2020", "2020-07" or "2020-07-01"
    status_date: str | None = declared(
        F.PartialDate(), 'when it merged or was renamed: "2020", "2020-07" or "2020-07-01"', public=PUBLIC
    )
    successor: str | None = declared(
        F.Ref("cluster"), "id of the cluster it merged into or was renamed to", public=PUBLIC
    )
    # Published in words, on the successor's link (never a field of its own).
    successor_part: str | None = declared(
        F.Text(),
        'for an active cluster, the part of its work that went to the successor, e.g. "its energy activities"',
    )
    source: tuple[str, ...] = declared(
        F.OneOrMore(F.Text()),
        "where the profile's facts come from: a source, or one per line",
        default=(),
        public=PUBLIC,
    )
    as_of: int | None = declared(F.Integer(1900, 2100, "2012"), "the year the profile's facts describe", public=PUBLIC)

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


# The validation of data/clusters.yaml (and its JSON Schema), made from the declarations above.
CLUSTER = F.record_of(Cluster, rules=(F.successor_fits_status, F.contact_only_with_consent))


@dataclass(frozen=True, kw_only=True)
class Partner:
    """A project partner of Northern Connections (data/partners.yaml), declared field by field."""

    id: str = declared(F.Slug(), "a permanent lowercase id, e.g. aalborg-kommune", required=True)
    name: str = declared(F.Text(), "the partner organisation's full name", required=True)
    short_name: str | None = declared(F.Text(), "the short name readers know, e.g. EEHH")
    country: str = declared(F.Country(), "the two-letter country code, e.g. DK (Scotland: GB)", required=True)
    town: str | None = declared(F.Text(), "the town of the organisation, where a source gives it")
    website: str | None = declared(F.Url(), "the website, starting with https://")
    lead: bool = declared(F.Boolean(), "true for the lead partner", default=False)
    cluster: str | None = declared(F.Ref("cluster"), "the id of the partner's Matchpoint profile in data/clusters.yaml")
    line: int = 0  # where the entry starts in data/partners.yaml (set by the reader)

    @property
    def country_name(self) -> str:
        return COUNTRIES[self.country]

    @property
    def label(self) -> str:
        """The name readers know it by: the short name where there is one."""
        return self.short_name or self.name


@dataclass(frozen=True)
class Topic:
    """A topic of the shared vocabulary (data/topics.yaml), declared field by field."""

    id: str = declared(F.Slug(), "a permanent lowercase id, e.g. offshore-wind", required=True)
    label: str = declared(F.Text(), "the topic's name as readers see it", required=True)
    # Neighbouring topics share a group.
    group: str | None = declared(F.Text(), "the group of neighbouring topics it belongs to, e.g. Energy")


PARTNER = F.record_of(Partner)  # data/partners.yaml's entries
TOPIC = F.record_of(Topic)  # data/topics.yaml's entries


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
