"""The partner clusters' data against a hand-written fixture of sourced values, and their pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from ncsite import Sources, load_content

FIXTURE = yaml.safe_load((Path(__file__).parent / "fixtures" / "partner_clusters.yaml").read_text(encoding="utf-8"))
PARTNERS = (
    "clean",
    "house-of-energy",
    "eehh",
    "energy-valley",
    "oreec",
    "sustainable-business-hub",
    "innovatum",
    "i-cleantech-vlaanderen",
)


@pytest.fixture(scope="module")
def clusters():
    content, problems = load_content(Sources(ROOT))
    assert problems == []
    return {c.id: c for c in content.clusters}


def test_every_partner_and_successor_is_in_the_fixture():
    assert set(PARTNERS) | {"energy-cluster-denmark", "new-energy-coalition", "cleantech-flanders"} <= set(FIXTURE)


@pytest.mark.parametrize("cid", sorted(FIXTURE))
def test_cluster_holds_its_sourced_values(clusters, cid):
    cluster = clusters[cid]
    for key, expected in FIXTURE[cid].items():
        if key == "topics_include":
            assert set(expected) <= set(cluster.topics), (cid, cluster.topics)
        elif key == "role_mentions":
            for text in expected:
                assert text in (cluster.nc_role or ""), (cid, text)
        else:
            value = getattr(cluster, key)
            assert (list(value) if isinstance(value, tuple) else value) == expected, (cid, key)
    assert cluster.source and cluster.as_of, cid


def test_no_profile_says_it_is_still_to_come(built_site):
    for page in (built_site / "matchpoint").glob("*/index.html"):
        html = page.read_text(encoding="utf-8")
        assert "still to come" not in html and "No suggestion yet" not in html, page


def test_merged_cluster_links_its_successor_and_the_successor_its_predecessors(built_site):
    def page(cid):
        return (built_site / "matchpoint" / cid / "index.html").read_text(encoding="utf-8")

    house = page("house-of-energy")
    status = house[house.index("nc-status") : house.index("</div>", house.index("nc-status"))]
    assert 'href="../energy-cluster-denmark/"' in status and "merged into" in status and "July 2020" in status
    assert house.index("nc-status") < house.index("nc-facts")  # at the top
    ecd = page("energy-cluster-denmark")
    section = ecd[ecd.index("nc-predecessors") :]
    assert 'href="../house-of-energy/"' in section and 'href="../clean/"' in section
    assert "its energy activities" in section
    clean = page("clean")
    assert 'href="../lean-energy-cluster/"' in clean[clean.index("nc-predecessors") :]
    assert re.search(r"Profile as of 2012", page("alucluster")) and "Last updated 2020" in ecd


def test_every_cluster_can_be_reached(built_site):
    for page in (built_site / "matchpoint").glob("*/index.html"):
        html = page.read_text(encoding="utf-8")
        assert "<dt>Website</dt>" in html or 'href="../../contact/"' in html or "nc-status" in html, page
