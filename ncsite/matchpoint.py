"""Matchpoint: the directory of participating clusters."""

from __future__ import annotations

from .build import Feature, GeneratedPage, PageView


class MatchpointFeature(Feature):
    def pages(self):
        yield GeneratedPage("matchpoint/index.md", "Matchpoint", "matchpoint.html", edit_path="data/clusters.yaml",
                            description="Matchpoint – the place to find your new project partner.")
        for cluster in self.content.clusters:
            yield GeneratedPage(f"matchpoint/{cluster.id}.md", cluster.name, "cluster.html", edit_path="data/clusters.yaml")

    def views(self):
        views = {"matchpoint/index.md": PageView("matchpoint.html", {"clusters": self.content.clusters},
                                                 "data/clusters.yaml")}
        for cluster in self.content.clusters:
            views[f"matchpoint/{cluster.id}.md"] = PageView("cluster.html", {"cluster": cluster}, "data/clusters.yaml")
        return views
