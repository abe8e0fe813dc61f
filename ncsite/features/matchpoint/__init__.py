"""Matchpoint, the cluster directory: profiles, filters, partner suggestions, search and exports.
Here: the page paths the feature owns."""

from ncsite.content.paths import PagePaths, RecordPages

INDEX = "matchpoint/index.md"
REGISTER_PAGE = "matchpoint/register.md"  # content/matchpoint/register.md, written by hand
CLUSTER_PAGES = RecordPages("matchpoint", "cluster", "rename the file; cluster pages are made from data/clusters.yaml")

PATHS = PagePaths(generated=(INDEX,), records=(CLUSTER_PAGES,))
