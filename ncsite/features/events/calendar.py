"""The event calendar: what is coming up, what is archived, and how dates read.

"Now" is a moment (the build's `Settings.now`): an event is upcoming until the
moment it is over (`Event.ends_at`), in its own time zone. The browser script
`overrides/assets/ncsite/events.js` applies the same rule with the reader's
clock, so a site built weeks ago never shows a past event as upcoming.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby

from ncsite.content.dates import When
from ncsite.content.fields import EVENT_TYPE_LABELS
from ncsite.content.models import Event

TYPE_LABELS = EVENT_TYPE_LABELS  # defined with the content contract (fields.py)


@dataclass(frozen=True)
class ArchiveMonth:
    month: When  # year and month only
    events: list[Event]


@dataclass(frozen=True)
class ArchiveYear:
    year: int
    months: list[ArchiveMonth]

    @property
    def count(self) -> int:
        return sum(len(m.events) for m in self.months)


def _moment(now: dt.datetime | dt.date) -> dt.datetime:
    """An aware moment; a bare date counts from its midnight, UTC."""
    if isinstance(now, dt.datetime):
        return now if now.tzinfo else now.replace(tzinfo=dt.UTC)
    return dt.datetime.combine(now, dt.time(0), dt.UTC)


def is_upcoming(event: Event, now: dt.datetime | dt.date) -> bool:
    """True until the moment the event is over."""
    return event.ends_at > _moment(now)


def is_past(event: Event, now: dt.datetime | dt.date) -> bool:
    """True once the event is over."""
    return not is_upcoming(event, now)


def upcoming(events: Iterable[Event], now: dt.datetime | dt.date) -> list[Event]:
    """Events not over yet, soonest first."""
    return sorted((e for e in events if is_upcoming(e, now)), key=_chronological)


def past(events: Iterable[Event], now: dt.datetime | dt.date) -> list[Event]:
    """Events that are over, newest first."""
    return sorted((e for e in events if not is_upcoming(e, now)), key=_chronological, reverse=True)


def happened(events: Iterable[Event], now: dt.datetime | dt.date) -> list[Event]:
    """The project's own events that took place: over, and scheduled (not cancelled, postponed or
    only planned), newest first. Events of earlier projects are not the project's."""
    return [e for e in past(events, now) if e.confirmed and not e.earlier_project]


def own(events: Iterable[Event]) -> list[Event]:
    """The events of Northern Connections itself, in the order given."""
    return [e for e in events if not e.earlier_project]


@dataclass(frozen=True)
class EarlierProject:
    name: str
    events: list[Event]  # newest first


def earlier_projects(events: Iterable[Event]) -> list[EarlierProject]:
    """Events of predecessor projects, by project (the latest project first), each newest first."""
    by_project: dict[str, list[Event]] = {}
    for event in sorted((e for e in events if e.earlier_project), key=_chronological, reverse=True):
        by_project.setdefault(event.project, []).append(event)
    return [EarlierProject(name, group) for name, group in by_project.items()]


def _chronological(event: Event) -> tuple[dt.datetime, tuple[dt.date, dt.time, str]]:
    # By the moment it starts (time zones differ), then by the source's order key.
    return (event.starts_at.astimezone(dt.UTC), event.sort_key)


def archive(events: Iterable[Event], now: dt.datetime | dt.date) -> list[ArchiveYear]:
    """Past events by year (newest first), then by month (newest first); an event sits under its start month."""
    years = []
    for year, in_year in groupby(past(events, now), key=lambda e: e.start.year):
        months = [
            ArchiveMonth(When(year, month), list(group))
            for month, group in groupby(in_year, key=lambda e: e.start.month)
        ]
        years.append(ArchiveYear(year, months))
    return years


def neighbours(events: Iterable[Event]) -> dict[str, tuple[Event | None, Event | None]]:
    """Each event's previous and next event in chronological order, by slug."""
    ordered = sorted(events, key=_chronological)
    return {
        e.slug: (ordered[i - 1] if i else None, ordered[i + 1] if i + 1 < len(ordered) else None)
        for i, e in enumerate(ordered)
    }


def type_label(event_type: str) -> str:
    return TYPE_LABELS.get(event_type, event_type.replace("-", " ").capitalize())


# -- how dates read ------------------------------------------------------------


def when_text(start: When, end: When | None = None) -> str:
    """A date or range as a reader says it: "December 2017", "12–14 June 2017", "8 May 2019, 10:00–16:00"."""
    if start.day is None:
        if end is None or end == start:
            return f"{start.month_name} {start.year}"
        if end.year == start.year:
            return f"{start.month_name}–{end.month_name} {start.year}"
        return f"{start.month_name} {start.year} – {end.month_name} {end.year}"
    if end is None or (end.date == start.date and end.time is None):
        text = f"{start.day} {start.month_name} {start.year}"
        return text + (f", {start.time:%H:%M}" if start.time else "")
    if end.date == start.date:
        return (
            f"{start.day} {start.month_name} {start.year}, {start.time:%H:%M}–{end.time:%H:%M}"
            if start.time
            else f"{start.day} {start.month_name} {start.year}, until {end.time:%H:%M}"
        )
    if start.time or end.time:
        left = (
            f"{start.day} {start.month_name}"
            + ("" if start.year == end.year else f" {start.year}")
            + (f", {start.time:%H:%M}" if start.time else "")
        )
        right = f"{end.day} {end.month_name} {end.year}" + (f", {end.time:%H:%M}" if end.time else "")
        return f"{left} – {right}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {start.month_name} {start.year}"
    if start.year == end.year:
        return f"{start.day} {start.month_name} – {end.day} {end.month_name} {start.year}"
    return f"{start.day} {start.month_name} {start.year} – {end.day} {end.month_name} {end.year}"


def event_days(event: Event) -> str:
    """The event's days (or month) without times: "13 June 2019", "12–14 June 2017", "December 2017"."""
    start, end = event.start, event.end
    return when_text(When(start.year, start.month, start.day), When(end.year, end.month, end.day) if end else None)


def event_place(event: Event) -> str:
    """Where, as a reader says it: "Hamburg, Germany", "Belgium", or "" when not known."""
    loc = event.location
    return ", ".join(p for p in (loc.city, loc.country_name) if p) if loc else ""


def has_time(event: Event) -> bool:
    return event.start.time is not None or (event.end is not None and event.end.time is not None)


def zone_abbreviation(event: Event) -> str:
    """The zone's short name at the event's start: "CEST", "GMT", or "UTC+03" where there is no name."""
    at = (event.end if event.start.time is None and event.end else event.start).local(event.timezone)
    name = at.tzname() or ""
    return f"UTC{name}" if name[:1] in "+-" else name


def event_when(event: Event) -> str:
    """The event's date as a reader says it, with the zone when a time is given: "8 May 2019, 10:00–16:00 CEST"."""
    text = when_text(event.start, event.end)
    return f"{text} {zone_abbreviation(event)}" if has_time(event) else text


def zone_text(event: Event) -> str:
    """The time zone, spelled out: "Europe/Copenhagen (CEST, UTC+02:00)", and where it comes from when not given."""
    offset = event.starts_at.strftime("%z")
    text = f"{event.timezone} ({zone_abbreviation(event)}, UTC{offset[:3]}:{offset[3:]})"
    if event.timezone_from == "country" and event.location and event.location.country_name:
        text += f", the time zone of {event.location.country_name}"
    elif event.timezone_from == "site":
        text += ", the site's time zone"
    return text


def event_datetime(event: Event) -> str:
    """The start for a <time datetime>: "2017-12", "2017-12-12", or "2017-12-12T10:00+01:00" when timed."""
    if event.start.time is None:
        return event.start.iso
    return event.starts_at.isoformat(timespec="minutes")
