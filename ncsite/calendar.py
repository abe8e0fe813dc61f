"""The event calendar: what is coming up, what is archived, and how dates read."""

from __future__ import annotations

import datetime as dt
from itertools import groupby

from .build import Feature, GeneratedPage, PageView
from .dates import When
from .models import Event


def upcoming(events, today: dt.date) -> list[Event]:
    """Events whose last day is today or later, soonest first."""
    return [e for e in events if e.last_day >= today]


def past(events, today: dt.date) -> list[Event]:
    """Events whose last day has passed, newest first."""
    return sorted((e for e in events if e.last_day < today), key=lambda e: e.sort_key, reverse=True)


def archive(events, today: dt.date) -> list[tuple[int, list[tuple[When, list[Event]]]]]:
    """Past events grouped by year (newest first), then by month."""
    out = []
    for year, in_year in groupby(past(events, today), key=lambda e: e.start.year):
        months = [(When(year, month), list(group)) for month, group in groupby(in_year, key=lambda e: e.start.month)]
        out.append((year, months))
    return out


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
        return f"{start.day} {start.month_name} {start.year}, {start.time:%H:%M}–{end.time:%H:%M}" if start.time \
            else f"{start.day} {start.month_name} {start.year}, until {end.time:%H:%M}"
    if start.time or end.time:
        left = f"{start.day} {start.month_name} {start.year}" + (f", {start.time:%H:%M}" if start.time else "")
        right = f"{end.day} {end.month_name} {end.year}" + (f", {end.time:%H:%M}" if end.time else "")
        return f"{left} – {right}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {start.month_name} {start.year}"
    if start.year == end.year:
        return f"{start.day} {start.month_name} – {end.day} {end.month_name} {start.year}"
    return f"{start.day} {start.month_name} {start.year} – {end.day} {end.month_name} {end.year}"


class CalendarFeature(Feature):
    def pages(self):
        yield GeneratedPage("events/index.md", "Events", "calendar.html", edit_path="overrides/calendar.html",
                            description="Meetings, workshops, conferences and transnational working days of Northern Connections.")

    def views(self):
        today = self.build.today
        views = {
            "events/index.md": PageView("calendar.html", {
                "upcoming": upcoming(self.content.events, today),
                "archive": archive(self.content.events, today),
            }, "overrides/calendar.html"),
        }
        for event in self.content.events:
            views[f"events/{event.slug}.md"] = PageView("event.html", {"event": event})
        return views
