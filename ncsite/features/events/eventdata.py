"""Events as data for machines: schema.org JSON-LD for each page, and events/events.json.

Both are built as plain dicts here and serialised with `json.dumps`; templates
only place the result.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ncsite.content.models import Event
from ncsite.feature import Settings
from ncsite.outputs.ical import event_path, in_calendar
from ncsite.outputs.jsonfile import json_list

from .calendar import event_datetime

SCHEMA = "https://schema.org/"
EVENT_STATUS = {"scheduled": "EventScheduled", "cancelled": "EventCancelled", "postponed": "EventPostponed"}
ATTENDANCE_MODE = {
    "in-person": "OfflineEventAttendanceMode",
    "online": "OnlineEventAttendanceMode",
    "hybrid": "MixedEventAttendanceMode",
}


def _end_date(event: Event) -> str | None:
    """schema.org endDate: the end at its own precision (with offset when timed), or the start's day."""
    if event.end is None:
        return None if event.timed else event.start.iso
    if event.end.time is None:
        return event.end.iso
    return event.ends_at.isoformat(timespec="minutes")


def _place(event: Event) -> dict[str, Any] | None:
    """A schema.org Place, when at least the city and the country are known."""
    loc = event.location
    if loc is None or not (loc.city and loc.country):
        return None
    address = {
        "@type": "PostalAddress",
        "streetAddress": loc.address,
        "addressLocality": loc.city,
        "addressCountry": loc.country,
    }
    place = {"@type": "Place", "name": loc.venue or loc.city, "address": {k: v for k, v in address.items() if v}}
    return {k: v for k, v in place.items() if v}


def _locations(event: Event) -> list[dict[str, Any]] | None:
    """The locations the attendance mode needs (a Place, a VirtualLocation, or both); None if one is unknown.

    A VirtualLocation needs the address where people joined: an online event whose
    address is not known gets no JSON-LD rather than an invented or invalid one.
    """
    mode = event.attendance_mode
    place = _place(event) if mode in ("in-person", "hybrid") else None
    virtual = {"@type": "VirtualLocation", "url": event.online_url} if event.online_url else None
    needed = {"in-person": [place], "online": [virtual], "hybrid": [place, virtual]}[mode]
    known = [location for location in needed if location is not None]
    return known if len(known) == len(needed) else None


def jsonld(event: Event, settings: Settings) -> dict[str, Any] | None:
    """The schema.org Event for one event page, or None when it cannot be told truthfully and validly:
    a month-only event (no startDate), or one whose place (or online address) is not known."""
    locations = _locations(event) if in_calendar(event) else None
    if not locations:
        return None
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "startDate": event_datetime(event),
        "endDate": _end_date(event),
        # A tentative event was never confirmed: EventScheduled would be false, and schema.org has no "planned".
        "eventStatus": SCHEMA + EVENT_STATUS[event.status] if event.status in EVENT_STATUS else None,
        "eventAttendanceMode": SCHEMA + ATTENDANCE_MODE[event.attendance_mode],
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": [{"@type": "Organization", "name": name} for name in event.organisers] or None,
        "url": settings.absolute(event.url),
        "description": event.summary or None,
    }
    return {k: v for k, v in data.items() if v is not None}


def script_json(data: object) -> str:
    """JSON safe inside <script>: no "<", ">" or "&" that could end the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def jsonld_script(event: Event, settings: Settings) -> str | None:
    data = jsonld(event, settings)
    return None if data is None else script_json(data)


def event_record(event: Event, settings: Settings) -> dict[str, Any]:
    loc = event.location
    return {
        "id": event.slug,
        "title": event.title,
        "url": settings.absolute(event.url),
        "type": event.type,
        "status": event.status,
        "project": event.project,
        "start": event.start.iso,
        "end": event.end.iso if event.end else None,
        "timezone": event.timezone,
        "location": {
            "venue": loc.venue,
            "address": loc.address,
            "city": loc.city,
            "country": loc.country,
            "country_name": loc.country_name,
        }
        if loc
        else None,
        "online": event.online,  # the address, true (online, address not known) or null
        "attendance": event.attendance_mode,
        "organisers": list(event.organisers),
        "clusters": list(event.clusters),
        "livinglab": event.livinglab
        if event.livinglab is None or isinstance(event.livinglab, str)
        else list(event.livinglab),
        "registration": event.registration if event.status != "cancelled" else None,  # nothing to register for
        "summary": event.summary,
        "ics": settings.absolute(event_path(event)) if in_calendar(event) else None,
    }


def events_json(events: Iterable[Event], settings: Settings) -> bytes:
    """events/events.json: every event in chronological order, as a JSON list."""
    return json_list(event_record(e, settings) for e in events)
