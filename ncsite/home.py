"""The home page: the next events, or the latest ones when none is scheduled."""

from __future__ import annotations

from .feature import Feature, PageView
from .calendar import past, upcoming
from .landing import landing

HOME_EVENTS = 3
SPARE_EVENTS = 3  # hidden; the browser script shows them when earlier ones end after the build


class HomeFeature(Feature):
    def views(self):
        now = self.settings.now
        coming = upcoming(self.content.events, now)[:HOME_EVENTS + SPARE_EVENTS]
        latest = [] if coming else past(self.content.events, now)[:HOME_EVENTS]
        context = {"next_events": coming, "latest_events": latest, "home_events": HOME_EVENTS}
        context.update(landing(self.content, self.settings.today))
        return {"index.md": PageView("home.html", context),
                "about.md": PageView("about.html", {"partner_countries": context["partner_countries"]})}
