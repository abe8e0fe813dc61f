"""The calendar feature: the /events/ page, each event's page and events/events.json.

The rules (what is upcoming, how dates read) live in `calendar.py`; the machine
formats in `eventdata.py` (JSON-LD, JSON) and `ncsite/outputs/ical.py` (iCalendar).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import partial
from typing import Any

from ncsite.content.models import Event
from ncsite.feature import Feature, GeneratedPage, Output, PageView
from ncsite.outputs import ical

from . import CALENDAR_FEED, EVENTS_JSON, INDEX, eventdata
from .calendar import TYPE_LABELS, archive, earlier_projects, is_past, neighbours, own, upcoming


class CalendarFeature(Feature):
    def pages(self) -> Iterator[GeneratedPage]:
        yield GeneratedPage(INDEX, "Events")

    def views(self) -> dict[str, PageView]:
        now = self.settings.now
        # Upcoming, the archive and the type filter are the project's own events; those of
        # earlier projects (InTra-Net) have a section and a filter of their own.
        events = own(self.content.events)
        past_years = archive(events, now)
        present = [t for t in TYPE_LABELS if any(e.type == t for e in events)]
        feed = self.settings.absolute(CALENDAR_FEED)
        earlier = earlier_projects(self.content.events)
        views = {
            INDEX: PageView(
                "calendar.html",
                {
                    "upcoming": upcoming(events, now),
                    "archive": past_years,
                    "event_types": [(t, TYPE_LABELS[t], sum(e.type == t for e in events)) for t in present],
                    "own_count": len(events),
                    "earlier_projects": earlier,
                    "earlier_count": sum(len(p.events) for p in earlier),
                    "feed_url": feed,
                    "webcal_url": ical.webcal(feed),
                },
                "overrides/calendar.html",
                description="Meetings, workshops, conferences and transnational working days of Northern Connections.",
            ),
        }
        # Previous and next within the same project: InTra-Net's workshops lead to each other, not into 2016.
        around = {**neighbours(events), **neighbours(e for e in self.content.events if e.earlier_project)}
        for event in self.content.events:
            previous, following = around[event.slug]
            views[event.src_uri] = PageView(
                "event.html",
                {
                    "event": event,
                    "event_past": is_past(event, now),  # at the build; events.js turns the page when it ends later
                    "previous_event": previous,
                    "next_event": following,
                    "ics_path": ical.event_path(event) if not event.month_only else None,
                },
                description=event.summary,
                later=partial(self.machine_links, event),
            )
        return views

    def machine_links(self, event: Event) -> dict[str, Any]:
        """The page's JSON-LD and "Add to calendar" links, made as the page renders."""
        return {
            "event_jsonld": eventdata.jsonld_script(event, self.settings),
            "add_links": ical.add_to_calendar_links(event, self.settings),
        }

    def outputs(self, rendered: Mapping[str, str]) -> Iterator[Output]:
        yield Output(EVENTS_JSON, eventdata.events_json(self.content.events, self.settings))
