"""The iCalendar files as a feature: the calendar feed (announced in every page's head) and
one .ics file per event, written by `ncsite.outputs.ical`."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ncsite.feature import Alternate, Feature, Output
from ncsite.outputs.ical import CalendarWriter, event_path, in_feed

from . import CALENDAR_FEED


class ICalFeature(Feature):
    """The calendar feed (announced in every page's head) and one .ics file per event."""

    def alternates(self) -> Iterator[Alternate]:
        yield Alternate(
            "text/calendar", f"{self.settings.site_name} events (iCalendar)", self.settings.absolute(CALENDAR_FEED)
        )

    def outputs(self, rendered: Mapping[str, str]) -> Iterator[Output]:
        writer = CalendarWriter(self.content.events, self.settings)
        feed = [e for e in writer.dated if in_feed(e)]
        yield Output(CALENDAR_FEED, writer.calendar(feed, f"{self.settings.site_name} events"))
        for event in writer.dated:
            yield Output(event_path(event), writer.calendar([event], event.title))
