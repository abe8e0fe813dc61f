"""The home page: the next events, or the latest ones when none is scheduled."""

from __future__ import annotations

from .build import Feature, PageView
from .calendar import past, upcoming

HOME_EVENTS = 3


class HomeFeature(Feature):
    def views(self):
        coming = upcoming(self.content.events, self.build.today)[:HOME_EVENTS]
        latest = [] if coming else past(self.content.events, self.build.today)[:HOME_EVENTS]
        return {"index.md": PageView("home.html", {"next_events": coming, "latest_events": latest})}
