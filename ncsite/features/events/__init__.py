"""The event calendar: upcoming events and the archive, event pages, JSON-LD, events.json
and the iCalendar files. Here: the page paths the feature owns."""

from ncsite.content.paths import PagePaths, Reserved

INDEX = "events/index.md"
CALENDAR_FEED = "events/calendar.ics"  # the subscribable feed: no event may be called "calendar"
EVENTS_JSON = "events/events.json"  # the export for reuse

PATHS = PagePaths(
    generated=(INDEX,),
    reserved=(
        Reserved("events", "calendar", f"{CALENDAR_FEED} is the calendar feed"),
        Reserved("events", "events", f"{EVENTS_JSON} is the list of events as data"),
    ),
)
