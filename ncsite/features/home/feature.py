"""The home page: the next events, or, when none is scheduled, the latest that took place; figures, labs
and news (landing.py).

"Latest" means the project's own events that happened: over and confirmed
(`calendar.happened`), never a tentative, cancelled or postponed one, nor one of an
earlier project.
"""

from __future__ import annotations

from ncsite.feature import Feature, PageView
from ncsite.features.events.calendar import happened, own, upcoming
from ncsite.outputs.maps import partner_map

from .landing import landing

HOME_EVENTS = 3
SPARE_EVENTS = 3  # hidden; the browser script shows them when earlier ones end after the build


class HomeFeature(Feature):
    def views(self) -> dict[str, PageView]:
        now = self.settings.now
        coming = upcoming(own(self.content.events), now)[: HOME_EVENTS + SPARE_EVENTS]
        latest = [] if coming else happened(self.content.events, now)[:HOME_EVENTS]
        context = {"next_events": coming, "latest_events": latest, "home_events": HOME_EVENTS}
        context.update(landing(self.content, self.settings.today))
        context["partner_map"] = partner_map(self.content)
        return {
            "index.md": PageView("home.html", context),
            "about.md": PageView("about.html", {"partner_countries": context["partner_countries"]}),
        }
