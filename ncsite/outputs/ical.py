"""iCalendar (RFC 5545): one subscribable feed of all events, one file per event.

- UID: the event's slug at the site's host, so it survives reordering, retitling,
  and events added or removed around it.
- DTSTAMP: the build's "now" (SOURCE_DATE_EPOCH honoured), so builds are reproducible.
- A day event is all-day (VALUE=DATE) with an exclusive DTEND; a timed event has
  TZID parameters and a VTIMEZONE for each zone used.
- An event known only to the month has no day to put in a calendar and is left out.
- The subscribable feed holds the project's own events; an event of an earlier
  project (InTra-Net) has its own file but stays out of the feed.
- METHOD:PUBLISH (RFC 5546) wants an ORGANIZER in every VEVENT, and libical
  rejects files without: the organisers' names (or the project's) as CN, the
  event's page as the address, since no organiser's e-mail is published.

Also here: the "Add to calendar" links for Google Calendar and Outlook, plain
links the reader may choose to follow.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from urllib.parse import urlencode, urlsplit

import icalendar

from ncsite.content.models import Event
from ncsite.feature import Settings

PRODID = "-//Northern Connections//Event calendar//EN"
STATUS = {"scheduled": "CONFIRMED", "postponed": "TENTATIVE", "tentative": "TENTATIVE", "cancelled": "CANCELLED"}
STATUS_NOTE = {"cancelled": "Cancelled.", "postponed": "Postponed.", "tentative": "Planned, not confirmed."}


def webcal(url: str) -> str:
    """A calendar's https:// address as webcal://, which opens the reader's calendar app to subscribe."""
    scheme, sep, rest = url.partition("://")
    return f"webcal://{rest}" if sep and scheme in ("http", "https") else url


def event_path(event: Event) -> str:
    """The event's own .ics file, next to its page."""
    return f"events/{event.slug}.ics"


def event_uid(slug: str, site_url: str) -> str:
    """A UID that depends only on the slug and the site's host."""
    return f"{slug}@{urlsplit(site_url).hostname or 'localhost'}"


def in_calendar(event: Event) -> bool:
    """Whether the event can go into a calendar: it needs a day."""
    return not event.month_only


def in_feed(event: Event) -> bool:
    """Whether the event goes into the subscribable feed: it has a day and is the project's own."""
    return in_calendar(event) and not event.earlier_project


def location_text(event: Event) -> str | None:
    loc = event.location
    parts = [loc.venue, loc.address, loc.city, loc.country_name] if loc else []
    text = ", ".join(" ".join(p.split()) for p in parts if p)
    if text and event.attendance_mode == "online":
        text = f"Online, streamed from {text}"
    return text or event.online_url or ("Online" if event.online else None)


def description_text(event: Event, settings: Settings) -> str:
    lines = [event.summary] if event.summary else []
    if event.status in STATUS_NOTE:
        lines.insert(0, STATUS_NOTE[event.status])
    if event.earlier_project:
        lines.insert(0, f"An event of {event.project}, an earlier project.")
    if event.online_url:
        lines.append(f"Online: {event.online_url}")
    lines.append(settings.absolute(event.url))
    return "\n\n".join(lines)


def organizer_name(event: Event) -> str:
    """Who organised it, for ORGANIZER's CN: the organisers given, else the project."""
    return ", ".join(event.organisers) or event.project


def span(event: Event) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime | None]:
    """DTSTART and DTEND: dates (end exclusive) for an all-day event, aware datetimes for a timed one.

    A timed start with a day as end lasts until the end of that day; a day as start
    with a time as end is all-day (a start time would be invented).
    """
    if event.start.time is None:
        return event.start.date, event.last_day + dt.timedelta(days=1)
    if event.end is None:
        return event.starts_at, None
    return event.starts_at, event.ends_at


def _text(value: str) -> str:
    """A TEXT value, escaped as RFC 5545 (and icalendar) escape it."""
    return icalendar.vText(value).to_ical().decode("utf-8")


def _moment(name: str, value: dt.date | dt.datetime, tzid: str) -> str:
    """DTSTART/DTEND: a DATE, a UTC time (`Z`) or a local time with its TZID, as icalendar writes them."""
    if not isinstance(value, dt.datetime):
        return f"{name};VALUE=DATE:{value:%Y%m%d}"
    if value.utcoffset() == dt.timedelta(0) and tzid in _UTC:
        return f"{name}:{value:%Y%m%dT%H%M%S}Z"
    return f"{name};TZID={tzid}:{value:%Y%m%dT%H%M%S}"


_UTC = {"UTC", "Etc/UTC", "GMT", "Etc/GMT", "Etc/UCT", "UCT", "Zulu", "Etc/Zulu", "Universal", "Etc/Universal"}


def vevent_lines(event: Event, settings: Settings, organizer_params: Callable[[str], str]) -> list[str]:
    """The VEVENT's content lines, unfolded, in icalendar's order (its canonical properties, then A-Z).

    Written directly, not through `icalendar.Event`: the same lines (a test compares
    them with icalendar's for every event), at a fifth of the cost for 1,000 events.
    """
    start, end = span(event)
    summary = event.title if event.status == "scheduled" else f"{event.status.capitalize()}: {event.title}"
    page = settings.absolute(event.url)
    lines = ["BEGIN:VEVENT", "SUMMARY:" + _text(summary), _moment("DTSTART", start, event.timezone)]
    if end is not None:
        lines.append(_moment("DTEND", end, event.timezone))
    lines += [
        f"DTSTAMP:{settings.now.astimezone(dt.UTC):%Y%m%dT%H%M%S}Z",
        "UID:" + _text(event_uid(event.slug, settings.site_url)),
        "CATEGORIES:" + _text(event.type),
        "DESCRIPTION:" + _text(description_text(event, settings)),
    ]
    location = location_text(event)
    if location:
        lines.append("LOCATION:" + _text(location))
    lines += [
        f"ORGANIZER;{organizer_params(organizer_name(event))}:{page}",
        "STATUS:" + STATUS[event.status],
        "URL:" + page,
        "END:VEVENT",
    ]
    return lines


def fold(line: str) -> bytes:
    """One content line folded as icalendar folds it (at most 74 characters a line, no escape split).

    icalendar folds character by character, most of the cost of writing ~1,000
    events; an ASCII line is folded here in slices with the same result, any
    other by icalendar itself. icalendar's folding rule, rewritten: kept for the
    time (the bench site's calendar files, 1.34 s -> 0.56 s under cProfile,
    BENCHMARKS.md); icalendar is pinned (pyproject.toml) and
    tests/test_speed_markup.py compares every cut point with icalendar's own.
    """
    if len(line) < 75 and line.isascii():
        return line.encode("ascii")
    if not line.isascii():
        return icalendar.parser.Contentline(line).to_ical()
    parts = []
    while len(line) > 74:
        cut = 73 if line[73] in "\\^" else 74
        parts.append(line[:cut])
        line = line[cut:]
    parts.append(line)
    return "\r\n ".join(parts).encode("ascii")


def folded(lines: Iterable[str]) -> bytes:
    """Content lines as they are written: each folded by `fold`, each ended by CRLF."""
    return b"".join(fold(line) + b"\r\n" for line in lines)


def serialise(component: icalendar.cal.Component) -> bytes:
    """The same bytes as `component.to_ical()`, with the lines folded by `fold`."""
    return folded(component.content_line(name, value) for name, value in component.property_items())


class CalendarWriter:
    """Writes iCalendar files for one build, serialising each event and time zone once.

    The feed and the per-event files hold the same VEVENTs: each is serialised
    once and its bytes reused; so is the calendar's head, with only its name
    (X-WR-CALNAME) written per file; and each VTIMEZONE is made once for the span
    of all events (a wider span than one event needs is still valid).
    """

    END = b"END:VCALENDAR\r\n"
    NAME = "X-WR-CALNAME"

    def __init__(self, events: Iterable[Event], settings: Settings):
        self.settings = settings
        self.dated = [e for e in events if in_calendar(e)]
        self._events: dict[str, bytes] = {}
        self._zones: dict[str, bytes] = {}
        self._organizers: dict[str, str] = {}
        if self.dated:
            first = min(e.start.date for e in self.dated)
            last = max(e.last_day for e in self.dated)
            self._span = (dt.date(first.year - 1, 1, 1), dt.date(last.year + 2, 1, 1))
        head = icalendar.Calendar()
        head.add("prodid", PRODID)
        head.add("version", "2.0")
        head.add("calscale", "GREGORIAN")
        head.add("method", "PUBLISH")
        head.add(self.NAME, "-")
        head.add("x-wr-timezone", self.settings.timezone)
        head.add("refresh-interval", dt.timedelta(days=1), parameters={"VALUE": "DURATION"})
        head.add("x-published-ttl", "P1D")
        lines = serialise(head)[: -len(self.END)].split(b"\r\n")
        at = lines.index(f"{self.NAME}:-".encode())
        self._head = (b"\r\n".join(lines[:at]) + b"\r\n", b"\r\n".join(lines[at + 1 :]))
        self._calendar = head

    def calendar(self, events: Iterable[Event], name: str) -> bytes:
        """A VCALENDAR of `events` (month-only ones left out), with the VTIMEZONEs they use."""
        dated = [e for e in events if in_calendar(e)]
        zones = sorted({e.timezone for e in dated if e.start.time is not None})
        before, after = self._head
        value = self._calendar.types_factory.for_property(self.NAME)(name)
        name_line = folded([self._calendar.content_line(self.NAME, value)])
        body = [self._zone(tz) for tz in zones] + [self._event(e) for e in dated]
        return before + name_line + after + b"".join(body) + self.END

    def _event(self, event: Event) -> bytes:
        if event.slug not in self._events:
            self._events[event.slug] = folded(vevent_lines(event, self.settings, self._organizer))
        return self._events[event.slug]

    def _organizer(self, name: str) -> str:
        """ORGANIZER's CN parameter, quoted as icalendar quotes it (a handful of names per build)."""
        if name not in self._organizers:
            self._organizers[name] = icalendar.Parameters({"CN": name}).to_ical().decode("utf-8")
        return self._organizers[name]

    def _zone(self, tzid: str) -> bytes:
        if tzid not in self._zones:
            zone = icalendar.Timezone.from_tzid(tzid, first_date=self._span[0], last_date=self._span[1])
            self._zones[tzid] = serialise(zone)
        return self._zones[tzid]


def calendar_bytes(events: Sequence[Event], settings: Settings, name: str) -> bytes:
    """One calendar file of `events` (see CalendarWriter)."""
    return CalendarWriter(events, settings).calendar(events, name)


# -- "Add to calendar" links ---------------------------------------------------


def add_to_calendar_links(event: Event, settings: Settings) -> dict[str, str] | None:
    """Google Calendar and Outlook links for the event; None when it has no day or is cancelled."""
    if not in_calendar(event) or event.status == "cancelled":
        return None
    start, end = span(event)
    details = description_text(event, settings)
    location = location_text(event) or ""
    if isinstance(start, dt.datetime):
        utc = dt.UTC
        end = end if isinstance(end, dt.datetime) else start  # a timed event without an end
        google_dates = f"{start.astimezone(utc):%Y%m%dT%H%M%SZ}/{end.astimezone(utc):%Y%m%dT%H%M%SZ}"
        outlook = {
            "startdt": start.astimezone(utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "enddt": end.astimezone(utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "allday": "false",
        }
    else:
        end = end or start  # never None for a day: span() gives the exclusive end
        google_dates = f"{start:%Y%m%d}/{end:%Y%m%d}"
        outlook = {"startdt": start.isoformat(), "enddt": end.isoformat(), "allday": "true"}
    google = {
        "action": "TEMPLATE",
        "text": event.title,
        "dates": google_dates,
        "details": details,
        "location": location,
        "ctz": event.timezone,
    }
    outlook = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": event.title,
        **outlook,
        "body": details,
        "location": location,
    }
    return {
        "google": "https://calendar.google.com/calendar/render?" + urlencode(google),
        "outlook": "https://outlook.live.com/calendar/0/deeplink/compose?" + urlencode(outlook),
    }
