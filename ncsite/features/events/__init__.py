"""The event calendar: upcoming events and the archive, event pages, JSON-LD, events.json
and the iCalendar files. Here: the page paths the feature owns."""

from ncsite.content.paths import PagePaths, Reserved

INDEX = "events/index.md"
CALENDAR_FEED = "events/calendar.ics"  # the subscribable feed: no event may be called "calendar"

PATHS = PagePaths(
    generated=(INDEX,),
    reserved=(Reserved("events", "calendar", f"{CALENDAR_FEED} is the calendar feed"),),
)
