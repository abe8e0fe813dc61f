"""The home page: the next events, or the latest ones when none is scheduled."""

from __future__ import annotations

from .feature import Feature, PageView
from .calendar import past, upcoming

HOME_EVENTS = 3
SPARE_EVENTS = 3  # hidden; the browser script shows them when earlier ones end after the build


class HomeFeature(Feature):
    def views(self):
        now = self.settings.now
        coming = upcoming(self.content.events, now)[:HOME_EVENTS + SPARE_EVENTS]
        latest = [] if coming else past(self.content.events, now)[:HOME_EVENTS]
        return {"index.md": PageView("home.html", {"next_events": coming, "latest_events": latest,
                                                   "home_events": HOME_EVENTS})}
