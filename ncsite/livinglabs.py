"""Living labs: the project's central method and its labs."""

from __future__ import annotations

from .build import Feature, GeneratedPage, PageView


class LivingLabsFeature(Feature):
    def pages(self):
        yield GeneratedPage("livinglabs/index.md", "Living labs", "livinglabs.html",
                            edit_path="overrides/livinglabs.html",
                            description="Living labs: how Northern Connections brings challenge owners and SMEs together.")

    def views(self):
        views = {"livinglabs/index.md": PageView("livinglabs.html", {"labs": self.content.livinglabs},
                                                 "overrides/livinglabs.html")}
        for lab in self.content.livinglabs:
            events = [e for e in self.content.events if e.livinglab == lab.slug]
            views[f"livinglabs/{lab.slug}.md"] = PageView("livinglab.html", {"lab": lab, "lab_events": events})
        return views
