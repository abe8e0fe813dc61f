"""Matchpoint, the cluster directory: the feature (feature.py), the public view of a cluster
(public.py), the exports (exports.py), partner suggestions (ranking.py) and search (search.py).
Here: the page paths the feature owns."""

from ncsite.content.paths import PagePaths, RecordPages, Reserved

INDEX = "matchpoint/index.md"
REGISTER_PAGE = "matchpoint/register.md"  # content/matchpoint/register.md, written by hand
CLUSTER_PAGES = RecordPages("matchpoint", "cluster", "rename the file; cluster pages are made from data/clusters.yaml")

CLUSTERS_JSON = "matchpoint/clusters.json"  # the export for reuse

PATHS = PagePaths(
    generated=(INDEX,),
    records=(CLUSTER_PAGES,),
    reserved=(
        Reserved("matchpoint", "register", f"/{REGISTER_PAGE.removesuffix('.md')}/ is the page on how to join"),
        Reserved("matchpoint", "clusters", f"{CLUSTERS_JSON} is the directory as data"),
    ),
)
