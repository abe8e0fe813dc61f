"""Facts the core holds once: what the build generates is what the features declare, and what the loader reserves."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ncsite import Settings
from ncsite.build import Build
from ncsite.features import PAGE_PATHS

ROOT = Path(__file__).resolve().parents[2]


def test_the_pages_the_build_makes_are_the_ones_partners_cannot_write():
    build = Build(
        Settings(root=ROOT, site_url="https://example.org/site/", now=dt.datetime(2026, 11, 23, 12, tzinfo=dt.UTC))
    )
    assert build.ok, build.problems
    # What the features make; a list page written under content/ takes the place of the made one (Build.pages).
    made = {page.src_uri for feature in build.features for page in feature.pages()}
    assert {page.src_uri for page in build.pages()} == made - set(build.content.pages)
    (records,) = PAGE_PATHS.records  # the cluster pages, refused by id to a partner's file
    cluster_pages = {records.src_uri(c.id) for c in build.content.clusters}
    assert cluster_pages == {f"matchpoint/{c.id}.md" for c in build.content.clusters}
    assert cluster_pages <= made
    assert made - cluster_pages == set(PAGE_PATHS.generated)
